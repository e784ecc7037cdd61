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

/** Versions of the Participatieladder a programme can use (sub-rungs are a programme setting). */
export const LADDER_VERSIES: readonly string[] = Object.freeze(['participatieladder-6']);

/** Heemskerk's sub-rungs of rung 2, which a programme with sub-rungs records. */
export const HEEMSKERK_SUBTREDEN = {
  '2.1': 'sociale activering zonder directe groei naar werk',
  '2.2': 'oplossingsgericht',
  '2.3': 'tegenprestatie',
  '2.4': 'vrijwilligerswerk is (nu) het hoogst haalbare',
  '2.5': 'voortraject re-integratie',
  '2.6': 'deeltijdwerk is (nu) het hoogst haalbare',
} as const;

/**
 * A Participatieladder score; `subtrede` as some gemeenten use it (Heemskerk `'2.3'`). A client
 * can sit on several sub-rungs at once (`subtreden`); the recorded `subtrede` is then the highest.
 */
export interface LadderScore extends ScoreBasis {
  readonly instrument: 'participatieladder';
  readonly trede: LadderTrede;
  readonly subtrede?: string;
  /** Every sub-rung the client sits on at once (Heemskerk); `subtrede` is derived as the highest. */
  readonly subtreden?: readonly string[];
}

/** The highest of several sub-rungs (`'2.10'` above `'2.9'`), or undefined for none. */
export function hoogsteSubtrede(subtreden: readonly string[]): string | undefined {
  const nr = (s: string) => Number(s.split('.')[1]);
  return [...subtreden].sort((a, b) => nr(b) - nr(a))[0];
}

/** Further instruments a programme can enable beside ladder, ZRM and GAS. */
export const HULPMIDDELEN = ['gedragsmodel-tilburg', 'positieve-gezondheid'] as const;

/** One of {@link HULPMIDDELEN}. */
export type Hulpmiddel = (typeof HULPMIDDELEN)[number];

/** The factors of Tilburg's Integratief Gedragsmodel, each scored 1 "zeer slecht" to 10 "uitstekend". */
export const GEDRAGSMODEL_FACTOREN = [
  'belemmeringen-fysiek',
  'belemmeringen-psychisch',
  'belemmeringen-mentaal',
  'belemmeringen-praktisch',
  'vakmanschap',
  'talent',
  'attitude',
  'sociale-druk',
  'ervaren-controle',
  'zelfregulatie',
  'sociaal-netwerk',
  'motivatie',
  'gedrag',
] as const;

/** A factor of the behaviour model. */
export type GedragsFactor = (typeof GEDRAGSMODEL_FACTOREN)[number];

/** A score per named item (factor, dimension) of an instrument that scores on one scale; unscored items are absent. */
interface SchaalScore<I extends Hulpmiddel, K extends string> extends ScoreBasis {
  readonly instrument: I;
  readonly scores: Readonly<Partial<Record<K, number>>>;
}

/** A score of Tilburg's behaviour model: 1–10 per factor (for barriers too, higher is better). */
export type GedragsmodelScore = SchaalScore<'gedragsmodel-tilburg', GedragsFactor>;

/** The six dimensions of Positieve Gezondheid, each 0–10: a conversation aid, never required. */
export const POSITIEVE_GEZONDHEID_DIMENSIES = [
  'lichaamsfuncties',
  'mentaal-welbevinden',
  'zingeving',
  'kwaliteit-van-leven',
  'meedoen',
  'dagelijks-functioneren',
] as const;

/** A dimension of Positieve Gezondheid. */
export type GezondheidsDimensie = (typeof POSITIEVE_GEZONDHEID_DIMENSIES)[number];

/** A Positieve Gezondheid spider web: 0–10 per dimension the deelnemer chose to fill in. */
export type PositieveGezondheidScore = SchaalScore<'positieve-gezondheid', GezondheidsDimensie>;

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
export type Meting = LadderScore | ZrmScore | GasScore | GedragsmodelScore | PositieveGezondheidScore;

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
      for (const [veld, sub] of [
        ...(m.subtrede !== undefined ? [['subtrede', m.subtrede] as const] : []),
        ...(m.subtreden ?? []).map((x, i) => [`subtreden.${i}`, x] as const),
      ]) {
        const deel = SUBTREDE.exec(sub);
        if (!deel || Number(deel[1]) !== m.trede) {
          throw trajectError('TRAJECT.LADDER_INVALID', 'A sub-rung has the form <rung>.<n> within its rung', {
            [`${pad}.${veld}`]: `must look like ${m.trede}.1–${m.trede}.9`,
          });
        }
      }
      if (m.subtrede !== undefined && m.subtreden !== undefined && m.subtrede !== hoogsteSubtrede(m.subtreden)) {
        throw trajectError('TRAJECT.LADDER_INVALID', 'With several sub-rungs the recorded sub-rung is the highest of them', {
          [`${pad}.subtrede`]: `leave out or give ${hoogsteSubtrede(m.subtreden)}`,
        });
      }
      return;
    }
    case 'gedragsmodel-tilburg':
    case 'positieve-gezondheid': {
      const [namen, min, max] =
        m.instrument === 'gedragsmodel-tilburg'
          ? [GEDRAGSMODEL_FACTOREN as readonly string[], 1, 10]
          : [POSITIEVE_GEZONDHEID_DIMENSIES as readonly string[], 0, 10];
      const scores = Object.entries(m.scores ?? {});
      if (scores.length === 0) throw trajectError('TRAJECT.SCORE_INVALID', 'Score at least one factor', { [`${pad}.scores`]: 'at least one' });
      for (const [naam, waarde] of scores) {
        if (!namen.includes(naam))
          throw trajectError('TRAJECT.SCORE_INVALID', `${naam} is not part of ${m.instrument}`, { [`${pad}.scores.${naam}`]: `one of ${namen.join(', ')}` });
        if (!Number.isInteger(waarde) || (waarde as number) < min || (waarde as number) > max) {
          throw trajectError('TRAJECT.SCORE_INVALID', `${m.instrument} scores are ${min} to ${max}`, { [`${pad}.scores.${naam}`]: `must be ${min}–${max}` });
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
      throw trajectError('TRAJECT.SCORE_INVALID', 'Unknown instrument', {
        [`${pad}.instrument`]: 'participatieladder, zrm, gas, gedragsmodel-tilburg or positieve-gezondheid',
      });
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
  return lijst
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.datum < b.m.datum ? -1 : a.m.datum > b.m.datum ? 1 : a.i - b.i))
    .map((x) => x.m);
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

/** The values a score holds, by name: `trede` for the ladder, the domain/factor/dimension, or the GAS goal id. */
export function waardenVan(m: Meting): Readonly<Record<string, number>> {
  switch (m.instrument) {
    case 'participatieladder':
      return m.subtrede !== undefined ? { trede: m.trede, subtrede: Number(m.subtrede) } : { trede: m.trede };
    case 'gas':
      return { [m.doelId]: m.waarde };
    default:
      return m.scores as Readonly<Record<string, number>>;
  }
}

/** Movement of one value between T0 (or its first score) and its latest score. */
export interface Beweging {
  readonly t0: number;
  readonly laatste: number;
  readonly verschil: number;
  readonly t0Datum: IsoDate;
  readonly laatsteDatum: IsoDate;
}

/** The scores of one instrument version within a traject, oldest first, with their movement. */
export interface InstrumentMetingen {
  readonly instrument: InstrumentSoort;
  readonly instrumentVersie: string;
  readonly metingen: readonly {
    readonly datum: IsoDate;
    readonly scorer: Scorer;
    readonly waarden: Readonly<Record<string, number>>;
    readonly subtreden?: readonly string[];
  }[];
  /** Per value: from the score at T0 (or the first after it) to the latest; only values scored at least twice. */
  readonly beweging: Readonly<Record<string, Beweging>>;
}

/**
 * The scores of a traject per instrument version, with who scored (coach or self), when, and
 * the movement between T0 and the latest score. Scores before T0 (during kennismaking) count as
 * the start only when nothing was scored at T0.
 */
export function metingenPerInstrument(metingen: readonly Meting[], t0?: IsoDate): InstrumentMetingen[] {
  const groepen = new Map<string, Meting[]>();
  for (const m of opDatum(metingen)) {
    const sleutel = `${m.instrument}@${m.instrumentVersie}`;
    groepen.set(sleutel, [...(groepen.get(sleutel) ?? []), m]);
  }
  return [...groepen.values()].map((reeks) => {
    const beweging: Record<string, Beweging> = {};
    const namen = new Set(reeks.flatMap((m) => Object.keys(waardenVan(m))));
    for (const naam of namen) {
      const met = reeks.filter((m) => waardenVan(m)[naam] !== undefined);
      const vanaf = met.filter((m) => t0 === undefined || m.datum >= t0);
      const start = vanaf.length > 0 && (t0 === undefined || vanaf[0].datum === t0 || !met.some((m) => m.datum < t0)) ? vanaf[0] : met[0];
      const laatste = met[met.length - 1];
      if (met.length < 2 || start === laatste) continue;
      const a = waardenVan(start)[naam];
      const b = waardenVan(laatste)[naam];
      beweging[naam] = { t0: a, laatste: b, verschil: Math.round((b - a) * 100) / 100, t0Datum: start.datum, laatsteDatum: laatste.datum };
    }
    return {
      instrument: reeks[0].instrument,
      instrumentVersie: reeks[0].instrumentVersie,
      metingen: reeks.map((m) => ({
        datum: m.datum,
        scorer: m.scorer,
        waarden: waardenVan(m),
        ...(m.instrument === 'participatieladder' && m.subtreden ? { subtreden: m.subtreden } : {}),
      })),
      beweging,
    };
  });
}
