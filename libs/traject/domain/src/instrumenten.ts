import { type IsoDate, isIsoDate } from '@ketenregie/shared-kernel';
import { trajectError } from './traject.errors';

/** Who gave a score: the professional (by opaque id) or the deelnemer about themselves. */
export interface Scorer {
  readonly rol: 'coach' | 'zelf';
  /** Opaque professional id; absent for self-assessment. */
  readonly professionalId?: string;
}

/** Fields every recorded score carries. */
interface ScoreBasis {
  readonly datum: IsoDate;
  readonly scorer: Scorer;
  /** Instrument version, e.g. `participatieladder-2008`, `zrm-2017`, `gas-1`. */
  readonly instrumentVersie: string;
}

/** Rungs of the Participatieladder with their standard names. */
export const LADDER_TREDEN = {
  1: 'geïsoleerd',
  2: 'sociale contacten buitenshuis',
  3: 'deelname aan georganiseerde activiteiten',
  4: 'onbetaald werk',
  5: 'betaald werk met ondersteuning',
  6: 'betaald werk',
} as const;

/** A Participatieladder rung 1–6. */
export type LadderTrede = keyof typeof LADDER_TREDEN;

/** A Participatieladder score; `subtrede` as some gemeenten use it (Heemskerk `'2.3'`). */
export interface LadderScore extends ScoreBasis {
  readonly instrument: 'participatieladder';
  readonly trede: LadderTrede;
  readonly subtrede?: string;
}

/** The 13 domains of the Zelfredzaamheid-Matrix 2017. */
export const ZRM_2017_DOMEINEN = [
  'financien',
  'werk-en-opleiding',
  'tijdsbesteding',
  'huisvesting',
  'huiselijke-relaties',
  'geestelijke-gezondheid',
  'lichamelijke-gezondheid',
  'verslaving',
  'basale-adl',
  'instrumentele-adl',
  'sociaal-netwerk',
  'maatschappelijke-participatie',
  'justitie',
] as const;

/** The 11 domains of the older ZRM. */
export const ZRM_11_DOMEINEN = [
  'financien',
  'dagbesteding',
  'huisvesting',
  'huiselijke-relaties',
  'geestelijke-gezondheid',
  'lichamelijke-gezondheid',
  'verslaving',
  'adl-vaardigheden',
  'sociaal-netwerk',
  'maatschappelijke-participatie',
  'justitie',
] as const;

/** A ZRM domain of either version. */
export type ZrmDomein = (typeof ZRM_2017_DOMEINEN)[number] | (typeof ZRM_11_DOMEINEN)[number];

/** Domains per supported ZRM version. */
export const ZRM_VERSIES: Readonly<Record<string, readonly ZrmDomein[]>> = Object.freeze({
  'zrm-2017': ZRM_2017_DOMEINEN,
  'zrm-11': ZRM_11_DOMEINEN,
});

/** 1 acuut · 2 niet · 3 beperkt · 4 voldoende · 5 volledig zelfredzaam. */
export type ZrmWaarde = 1 | 2 | 3 | 4 | 5;

/**
 * A ZRM measurement. Only the domains relevant to the help question are scored; a domain
 * without a score is absent (never 0).
 */
export interface ZrmScore extends ScoreBasis {
  readonly instrument: 'zrm';
  readonly relevanteDomeinen: readonly ZrmDomein[];
  readonly scores: Readonly<Partial<Record<ZrmDomein, ZrmWaarde>>>;
}

/** Goal Attainment Scaling value: −2 much less … 0 expected … +2 much more than expected. */
export type GasWaarde = -2 | -1 | 0 | 1 | 2;

/** A GAS score for one of the plan's GAS goals. */
export interface GasScore extends ScoreBasis {
  readonly instrument: 'gas';
  /** Id of the GAS goal in the plan van aanpak. */
  readonly doelId: string;
  readonly waarde: GasWaarde;
}

/** Any instrument score. */
export type Meting = LadderScore | ZrmScore | GasScore;

/** Kind of instrument. */
export type InstrumentSoort = Meting['instrument'];

function basisFouten(m: ScoreBasis, pad: string, vandaag: IsoDate | undefined): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (!isIsoDate(m.datum)) fouten[`${pad}.datum`] = 'must be a YYYY-MM-DD date';
  else if (vandaag !== undefined && m.datum > vandaag) fouten[`${pad}.datum`] = 'must not be in the future';
  if (m.scorer?.rol !== 'coach' && m.scorer?.rol !== 'zelf') fouten[`${pad}.scorer.rol`] = 'must be coach or zelf';
  if (m.scorer?.rol === 'coach' && !m.scorer.professionalId) fouten[`${pad}.scorer.professionalId`] = 'required when a coach scores';
  if (typeof m.instrumentVersie !== 'string' || m.instrumentVersie.length === 0) fouten[`${pad}.instrumentVersie`] = 'required';
  return fouten;
}

const SUBTREDE = /^([1-6])\.([1-9])$/;

/**
 * Checks one score and throws a typed error (`TRAJECT.LADDER_INVALID`, `TRAJECT.SCORE_INVALID`,
 * `TRAJECT.ZRM_DOMAIN_REQUIRED`, `TRAJECT.ZRM_DOMAIN_NOT_RELEVANT`) naming the field.
 * `gasDoelIds` are the GAS goals of the current plan (a GAS score must refer to one).
 */
export function valideerMeting(m: Meting, opties: { pad?: string; vandaag?: IsoDate; gasDoelIds?: readonly string[] } = {}): void {
  const pad = opties.pad ?? 'meting';
  const basis = basisFouten(m, pad, opties.vandaag);
  if (Object.keys(basis).length > 0) throw trajectError('TRAJECT.SCORE_INVALID', 'The score lacks a valid date, scorer or instrument version', basis);
  switch (m.instrument) {
    case 'participatieladder': {
      if (!Number.isInteger(m.trede) || m.trede < 1 || m.trede > 6) {
        throw trajectError('TRAJECT.LADDER_INVALID', 'A Participatieladder rung is 1 to 6', { [`${pad}.trede`]: 'must be 1–6' });
      }
      if (m.subtrede !== undefined) {
        const sub = SUBTREDE.exec(m.subtrede);
        if (!sub || Number(sub[1]) !== m.trede) {
          throw trajectError('TRAJECT.LADDER_INVALID', 'A sub-rung has the form <rung>.<n> within its rung', {
            [`${pad}.subtrede`]: `must look like ${m.trede}.1–${m.trede}.9`,
          });
        }
      }
      return;
    }
    case 'zrm': {
      const domeinen = ZRM_VERSIES[m.instrumentVersie];
      if (!domeinen) {
        throw trajectError('TRAJECT.SCORE_INVALID', `Unknown ZRM version ${m.instrumentVersie}`, {
          [`${pad}.instrumentVersie`]: `one of ${Object.keys(ZRM_VERSIES).join(', ')}`,
        });
      }
      if (!Array.isArray(m.relevanteDomeinen) || m.relevanteDomeinen.length === 0) {
        throw trajectError('TRAJECT.ZRM_DOMAIN_REQUIRED', 'Name at least one domain relevant to the help question', {
          [`${pad}.relevanteDomeinen`]: 'at least one domain',
        });
      }
      for (const d of m.relevanteDomeinen) {
        if (!domeinen.includes(d)) {
          throw trajectError('TRAJECT.SCORE_INVALID', `Domain ${d} is not part of ${m.instrumentVersie}`, { [`${pad}.relevanteDomeinen`]: d });
        }
      }
      for (const [domein, waarde] of Object.entries(m.scores ?? {})) {
        if (!m.relevanteDomeinen.includes(domein as ZrmDomein)) {
          throw trajectError('TRAJECT.ZRM_DOMAIN_NOT_RELEVANT', `Domain ${domein} is not relevant to the help question; leave it unscored`, {
            [`${pad}.scores.${domein}`]: 'not a relevant domain',
          });
        }
        if (!Number.isInteger(waarde) || (waarde as number) < 1 || (waarde as number) > 5) {
          throw trajectError('TRAJECT.SCORE_INVALID', 'ZRM scores are 1 to 5', { [`${pad}.scores.${domein}`]: 'must be 1–5' });
        }
      }
      const scores: Readonly<Partial<Record<ZrmDomein, ZrmWaarde>>> = m.scores ?? {};
      const ontbrekend = m.relevanteDomeinen.filter((d: ZrmDomein) => scores[d] === undefined);
      if (ontbrekend.length > 0) {
        throw trajectError(
          'TRAJECT.ZRM_DOMAIN_REQUIRED',
          `Every relevant domain needs a score; missing: ${ontbrekend.join(', ')}`,
          Object.fromEntries(ontbrekend.map((d) => [`${pad}.scores.${d}`, 'required'])),
        );
      }
      return;
    }
    case 'gas': {
      if (!Number.isInteger(m.waarde) || m.waarde < -2 || m.waarde > 2) {
        throw trajectError('TRAJECT.SCORE_INVALID', 'GAS scores are −2 to +2', { [`${pad}.waarde`]: 'must be −2…+2' });
      }
      if (opties.gasDoelIds && !opties.gasDoelIds.includes(m.doelId)) {
        throw trajectError('TRAJECT.SCORE_INVALID', 'A GAS score must refer to a GAS goal of the plan', { [`${pad}.doelId`]: 'unknown GAS goal' });
      }
      return;
    }
    default:
      throw trajectError('TRAJECT.SCORE_INVALID', 'Unknown instrument', { [`${pad}.instrument`]: 'participatieladder, zrm or gas' });
  }
}

/** Change of a value between the first and the latest measurement. */
export interface Verloop<T> {
  readonly eerste: T;
  readonly laatste: T;
  readonly verschil: number;
  readonly eersteDatum: IsoDate;
  readonly laatsteDatum: IsoDate;
}

/** Progress over time within one traject, derived from its measurements. */
export interface Voortgang {
  readonly ladder?: Verloop<LadderTrede>;
  /** Per ZRM domain scored at least twice (same instrument version). */
  readonly zrm: Readonly<Partial<Record<ZrmDomein, Verloop<ZrmWaarde>>>>;
  /** Latest GAS value per goal. */
  readonly gas: Readonly<Record<string, GasWaarde>>;
  /** Share of GAS goals at 0 or above (the Tilburg "reached" criterion), or undefined without GAS scores. */
  readonly gasBehaald?: number;
}

function opDatum<T extends { datum: IsoDate }>(lijst: readonly T[]): T[] {
  return lijst.map((m, i) => ({ m, i })).sort((a, b) => (a.m.datum < b.m.datum ? -1 : a.m.datum > b.m.datum ? 1 : a.i - b.i)).map((x) => x.m);
}

/**
 * Progress per instrument, from the earliest to the latest score (ties keep recording order).
 * ZRM domains are compared only within the latest measurement's instrument version.
 */
export function berekenVoortgang(metingen: readonly Meting[]): Voortgang {
  const ladder = opDatum(metingen.filter((m): m is LadderScore => m.instrument === 'participatieladder'));
  const zrm = opDatum(metingen.filter((m): m is ZrmScore => m.instrument === 'zrm'));
  const gas = opDatum(metingen.filter((m): m is GasScore => m.instrument === 'gas'));

  const zrmVerloop: Partial<Record<ZrmDomein, Verloop<ZrmWaarde>>> = {};
  const versie = zrm.at(-1)?.instrumentVersie;
  for (const domein of ZRM_VERSIES[versie ?? ''] ?? []) {
    const reeks = zrm.filter((m) => m.instrumentVersie === versie && m.scores[domein] !== undefined);
    if (reeks.length >= 2) {
      const eerste = reeks[0];
      const laatste = reeks[reeks.length - 1];
      const a = eerste.scores[domein] as ZrmWaarde;
      const b = laatste.scores[domein] as ZrmWaarde;
      zrmVerloop[domein] = { eerste: a, laatste: b, verschil: b - a, eersteDatum: eerste.datum, laatsteDatum: laatste.datum };
    }
  }
  const gasLaatste: Record<string, GasWaarde> = {};
  for (const g of gas) gasLaatste[g.doelId] = g.waarde;
  const gasWaarden = Object.values(gasLaatste);

  return {
    ladder:
      ladder.length > 0
        ? {
            eerste: ladder[0].trede,
            laatste: ladder[ladder.length - 1].trede,
            verschil: ladder[ladder.length - 1].trede - ladder[0].trede,
            eersteDatum: ladder[0].datum,
            laatsteDatum: ladder[ladder.length - 1].datum,
          }
        : undefined,
    zrm: zrmVerloop,
    gas: gasLaatste,
    gasBehaald: gasWaarden.length > 0 ? gasWaarden.filter((w) => w >= 0).length / gasWaarden.length : undefined,
  };
}
