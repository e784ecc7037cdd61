import type { IsoDate } from '@ketenregie/shared-kernel';
import { versieOp, type Convenant, type Eenheid, type PeriodeSoort, type ToezeggingSoort } from './convenant';
import type { IndicatorCode } from './indicator-definities';
import { maandVan, type Basiscel } from './indicatoren';
import { periodeVan, publiceer, type Cel } from './openbaar';

/** Where the realised figure of a commitment comes from. */
export interface AfspraakBron {
  readonly indicator: IndicatorCode;
  /** The measure of a commitment counted in {@link eenheid} (a percentage commitment reads `aandeel`). */
  readonly aantal: string;
  /** The unit that measure counts in: `aantal` (default) or `uren`. */
  readonly eenheid?: Eenheid;
  /** Whether the indicator has a `teller`/`noemer` pair, so a percentage commitment can be compared. */
  readonly aandeel: boolean;
}

/**
 * Where the realised figure of a commitment comes from: the indicator and, per unit, its measure
 * (`aandeel` for a percentage, a count or hours otherwise). Hours come from the partners' own
 * registration (`inzet-uren`, per expertise), case-meeting attendance from the meetings the
 * regievoerder records in the traject (`casuistiekoverleg-aanwezigheid`: discussions attended of
 * those invited to). A commitment in a unit its source does not count in has no figure (`geen-bron`).
 */
export const AFSPRAAK_BRONNEN: Readonly<Record<ToezeggingSoort, AfspraakBron | undefined>> = {
  'aantal-trajecten': { indicator: 'bereik', aantal: 'aangemeld', aandeel: false },
  'evaluaties-op-tijd': { indicator: 'evaluaties-op-tijd', aantal: 'teller', aandeel: true },
  'overdrachten-binnen-termijn': { indicator: 'overdrachten-binnen-termijn', aantal: 'teller', aandeel: true },
  'uren-en-expertise': { indicator: 'inzet-uren', aantal: 'uren', eenheid: 'uren', aandeel: false },
  'casuistiekoverleg-aanwezigheid': { indicator: 'casuistiekoverleg-aanwezigheid', aantal: 'teller', aandeel: true },
};

const meetbaarIn = (bron: AfspraakBron | undefined, eenheid: Eenheid): bron is AfspraakBron =>
  bron !== undefined && (eenheid === 'procent' ? bron.aandeel : eenheid === (bron.eenheid ?? 'aantal'));

/**
 * The released figure of one measure, partner and period over every category (pure): the sum of
 * the released figures (each itself a sum of released base cells only), incomplete when any is,
 * suppressed when all are. Undefined when there is none.
 */
function overCategorieen(cellen: readonly Cel[]): Cel | undefined {
  if (cellen.length <= 1) return cellen[0];
  const vrij = cellen.filter((c) => !c.onderdrukt);
  return {
    ...cellen[0],
    categorie: '-',
    waarde: vrij.length === 0 ? null : vrij.reduce((som, c) => som + (c.waarde ?? 0), 0),
    onderdrukt: vrij.length === 0,
    onvolledig: cellen.some((c) => c.onvolledig || c.onderdrukt),
  };
}

/** How a commitment compares with its figure, as a learning signal (never a verdict on people). */
export const AFSPRAAK_SIGNALEN = ['geen-bron', 'onderdrukt', 'geen-gegevens', 'gehaald', 'lopend', 'onder-toezegging', 'onbekend'] as const;
/** One of {@link AFSPRAAK_SIGNALEN}. */
export type AfspraakSignaal = (typeof AFSPRAAK_SIGNALEN)[number];

/** One commitment of one partner in one period, beside the released figure. */
export interface AfspraakRegel {
  readonly partner: string;
  readonly soort: ToezeggingSoort;
  readonly expertise?: string;
  /** The convenant version whose commitment applies (the one in force on the period's first day). */
  readonly versie: number;
  readonly periodeSoort: PeriodeSoort;
  /** `2026-03`, `2026-K1` or `2026`. */
  readonly periode: string;
  readonly toezegging: number;
  readonly eenheid: Eenheid;
  /** The indicator the figure comes from, or null when the chain records nothing for this commitment. */
  readonly indicator: IndicatorCode | null;
  /** The released figure (sum of released base cells, see `publiceer`), or null. */
  readonly gerealiseerd: number | null;
  readonly onderdrukt: boolean;
  readonly onvolledig: boolean;
  /** The period has not ended on the peildatum. */
  readonly lopend: boolean;
  readonly signaal: AfspraakSignaal;
  /** The learning-signal context in words (Dutch, as shown). */
  readonly context: string;
}

/** What is compared: the convenant, the months asked for and the day the figures are read. */
export interface AfspraakSelectie {
  readonly peildatum: IsoDate;
  /** First and last month (`YYYY-MM`, inclusive), within the convenant. */
  readonly vanMaand?: string;
  readonly totMaand?: string;
}

const CONTEXT: Readonly<Record<AfspraakSignaal, string>> = {
  'geen-bron': 'Nog geen bron: de keten registreert dit niet. Bespreek de toezegging in de stuurgroep.',
  onderdrukt: 'Onderdrukt: minder dan 5, dus niet getoond om herleidbaarheid te voorkomen.',
  'geen-gegevens': 'Geen gegevens in deze periode.',
  gehaald: 'Op of boven de toezegging.',
  lopend: 'De periode loopt nog; het cijfer groeit mee.',
  'onder-toezegging': 'Onder de toezegging: een lerend signaal om samen te bespreken, geen afrekening.',
  onbekend: 'Niet te beoordelen: een deel van de cijfers is onderdrukt (ten minste-waarde of percentage over een deel van de maanden).',
};

/** The months `YYYY-MM` from `van` to `tot` inclusive. */
function maanden(van: string, tot: string): string[] {
  const uit: string[] = [];
  for (let [j, m] = [Number(van.slice(0, 4)), Number(van.slice(5, 7))]; `${j}-${String(m).padStart(2, '0')}` <= tot; m === 12 ? ((j += 1), (m = 1)) : (m += 1))
    uit.push(`${j}-${String(m).padStart(2, '0')}`);
  return uit;
}

function signaalVan(toezegging: number, eenheid: Eenheid, cel: Cel | undefined, bron: boolean, lopend: boolean): AfspraakSignaal {
  if (!bron) return 'geen-bron';
  if (cel?.onderdrukt) return 'onderdrukt';
  if (cel?.waarde === null || (eenheid === 'procent' && !cel)) return 'geen-gegevens';
  const waarde = cel?.waarde ?? 0;
  const deels = cel?.onvolledig ?? false;
  // A percentage over part of the months can go either way; a count with suppressed cells is a lower bound.
  if (deels && (eenheid === 'procent' || waarde < toezegging)) return 'onbekend';
  if (waarde >= toezegging) return 'gehaald';
  return lopend ? 'lopend' : 'onder-toezegging';
}

/**
 * Compares every partner's commitments with the figures (pure). For each period of each
 * commitment's kind (month, quarter, year) between the convenant's start and the earlier of its
 * end and the peildatum (narrowed to `vanMaand`…`totMaand`), the version in force on the period's
 * first day says who commits what; the realised figure is that partner's figure in the same
 * period, read from `publiceer` — so the same disclosure control applies: no count from 1 to 4,
 * no figure computed from a suppressed cell, suppressed and incomplete figures marked.
 *
 * - `aantal-trajecten`: trajecten aangemeld with the partner (`bereik`/`aangemeld`);
 * - `evaluaties-op-tijd`, `overdrachten-binnen-termijn`: the percentage (`aandeel`) or, for an
 *   `aantal`, the count on time (`teller`);
 * - `uren-en-expertise` (in `uren`): the hours the partner registered (`inzet-uren`), of the
 *   commitment's expertise or, without one, of every expertise;
 * - `casuistiekoverleg-aanwezigheid`: the percentage (`aandeel`) of the case-meeting discussions
 *   the partner was invited to that it attended or, for an `aantal`, the number attended (`teller`);
 * - a commitment in a unit its source does not count in: no figure (`geen-bron`).
 *
 * A count with no cells at all is 0; a percentage with no cells has no figure (`geen-gegevens`).
 */
export function vergelijkAfspraken(convenant: Convenant, cellen: readonly Basiscel[], selectie: AfspraakSelectie): AfspraakRegel[] {
  const eerste = convenant.versies[0];
  const laatste = convenant.versies[convenant.versies.length - 1];
  const begin = [maandVan(eerste.startdatum), selectie.vanMaand ?? ''].sort().at(-1) as string;
  const eind = [maandVan(laatste.einddatum), maandVan(selectie.peildatum), selectie.totMaand ?? '9999-12'].sort()[0];
  if (begin > eind) return [];
  const alleMaanden = maanden(begin, eind);
  const vandaag = maandVan(selectie.peildatum);
  const bronnen = [...new Set(Object.values(AFSPRAAK_BRONNEN).flatMap((b) => (b ? [b.indicator] : [])))];
  const uit: AfspraakRegel[] = [];
  for (const periodeSoort of ['maand', 'kwartaal', 'jaar'] as const) {
    const perioden = new Map<string, string[]>();
    for (const m of alleMaanden) perioden.set(periodeVan(m, periodeSoort), [...(perioden.get(periodeVan(m, periodeSoort)) ?? []), m]);
    const figuren = new Map<string, Cel[]>();
    for (const c of publiceer(cellen, { periode: periodeSoort, vanMaand: begin, totMaand: eind, indicatoren: bronnen })) {
      const k = `${c.indicator}|${c.meting}|${c.partner}|${c.periode}`;
      figuren.set(k, [...(figuren.get(k) ?? []), c]);
    }
    // A commitment with an expertise reads that category; one without, every category (only `-` for the other indicators).
    const figuur = (k: string, expertise: string | undefined): Cel | undefined => {
      const cs = figuren.get(k) ?? [];
      return expertise !== undefined
        ? cs.find((c) => c.categorie === expertise)
        : overCategorieen(cs.some((c) => c.categorie === '-') ? cs.filter((c) => c.categorie === '-') : cs);
    };
    for (const [periode, ms] of perioden) {
      const versie = versieOp(convenant, `${ms[0]}-01`);
      const lopend = periodeVan(vandaag, periodeSoort) === periode;
      for (const partij of versie.partijen)
        for (const t of partij.toezeggingen) {
          if (t.periode !== periodeSoort) continue;
          const bron = AFSPRAAK_BRONNEN[t.soort];
          const meetbaar = meetbaarIn(bron, t.eenheid);
          const meting = t.eenheid === 'procent' ? 'aandeel' : bron?.aantal;
          const cel = meetbaar
            ? figuur(`${bron.indicator}|${meting}|${partij.organisatieId}|${periode}`, bron.indicator === 'inzet-uren' ? t.expertise : undefined)
            : undefined;
          const signaal = signaalVan(t.waarde, t.eenheid, cel, meetbaar, lopend);
          uit.push({
            partner: partij.organisatieId,
            soort: t.soort,
            ...(t.expertise ? { expertise: t.expertise } : {}),
            versie: versie.versie,
            periodeSoort,
            periode,
            toezegging: t.waarde,
            eenheid: t.eenheid,
            indicator: meetbaar ? bron.indicator : null,
            gerealiseerd: meetbaar && signaal !== 'geen-gegevens' && signaal !== 'onderdrukt' ? (cel?.waarde ?? 0) : null,
            onderdrukt: cel?.onderdrukt ?? false,
            onvolledig: cel?.onvolledig ?? false,
            lopend,
            signaal,
            context: CONTEXT[signaal],
          });
        }
    }
  }
  return uit.sort((a, b) => a.partner.localeCompare(b.partner) || a.soort.localeCompare(b.soort) || a.periode.localeCompare(b.periode));
}
