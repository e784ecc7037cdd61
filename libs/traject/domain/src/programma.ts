import { type CalendarOptions, type IsoDate, isIsoDate } from '@ketenregie/shared-kernel';
import { type Fase, FASEN, isFase, VERPLICHTE_FASEN } from './fase';
import { HULPMIDDELEN, LADDER_VERSIES, type LadderTrede, ZRM_VERSIES } from './instrumenten';
import type { Hulpmiddel } from './instrumenten';
import { trajectError } from './traject.errors';

/** Who may enter a programme. Every bound is optional; an absent bound does not restrict. */
export interface Doelgroep {
  readonly minLeeftijd?: number;
  readonly maxLeeftijd?: number;
  /** Allowed Participatieladder rungs (inclusive), e.g. `[1, 3]`. */
  readonly ladderTreden?: readonly [LadderTrede, LadderTrede];
  /** Minimum years on bijstand. */
  readonly minJarenBijstand?: number;
  /** Loonwaarde band in percent (inclusive), e.g. `[0, 30]`. */
  readonly loonwaarde?: readonly [number, number];
  /** May not already follow another re-integration traject (FIP). */
  readonly geenAnderTraject?: boolean;
  /**
   * Exclusion criteria and contra-indications: a candidate with any of these codes
   * does not fit, unless the klantmanager overrides with a coded reason.
   */
  readonly uitsluitingen?: readonly Uitsluiting[];
}

/** Coded exclusion criteria and contra-indications a programme can name. */
export const UITSLUITINGEN = [
  'ernstige-psychiatrische-problematiek',
  'ernstige-verslaving',
  'blokkerende-schulden-of-huisvesting',
  'onvoldoende-nederlands',
  'niet-gemotiveerd',
  'ontheven-van-arbeidsplicht',
] as const;

/** One of {@link UITSLUITINGEN}. */
export type Uitsluiting = (typeof UITSLUITINGEN)[number];

/**
 * The case meeting (casuïstiekoverleg) a programme holds with its partners: every `elkeWeken`
 * weeks or `elkeMaanden` months (exactly one), on a working day, each running traject gets an
 * agenda item for its regievoerder from `vanafFase` on until afronding.
 */
export interface Casuistiekoverleg {
  readonly elkeWeken?: number;
  readonly elkeMaanden?: number;
  /** Organisations (or kinds of partner) taking part, e.g. `ggz`, `schuldhulp`. */
  readonly partners: readonly string[];
  /** Phase from which trajecten are on the agenda (default `uitvoering`). */
  readonly vanafFase?: Fase;
}

/**
 * A programme (aanpak) as versioned data: the workflow reads durations, cadences and rules
 * from here, never from code. A new version is a new object with a higher `versie`; running
 * trajecten keep the version they started with.
 */
export interface ProgrammaDefinitie {
  /** Stable code, kebab-case, e.g. `maatwerktraject-den-bosch`. */
  readonly code: string;
  readonly versie: number;
  readonly naam: string;
  /** A short Dutch description of the approach. */
  readonly omschrijving?: string;
  /** The source the programme follows, described in words (report, section, municipality). */
  readonly bron?: string;
  readonly geldigVanaf: IsoDate;
  readonly doelgroep: Doelgroep;
  /** Phases in use, in canonical order; always includes {@link VERPLICHTE_FASEN}. */
  readonly fasen: readonly Fase[];
  /** Maximum working days a phase may take before its deadline is overdue. */
  readonly faseTermijnWerkdagen: Readonly<Partial<Record<Fase, number>>>;
  /** Maximum months a phase may take (for phases counted in months instead of working days). */
  readonly faseTermijnMaanden?: Readonly<Partial<Record<Fase, number>>>;
  /** The partners' case meeting; absent when the programme holds none. */
  readonly casuistiekoverleg?: Casuistiekoverleg;
  /**
   * A group programme: trajecten join a cohort of at most `cohortGrootte` that starts on
   * `startdatum`; a traject cannot join after the group has started (the next cohort is a new version).
   */
  readonly groep?: { readonly cohortGrootte: number; readonly startdatum: IsoDate };
  /** At most this many trajecten on one version of the programme (capacity). */
  readonly maxTrajecten?: number;
  readonly outreach: {
    /** Working days after aanmelding within which the first contact attempt is due (warm handover deadline). */
    readonly eersteContactBinnenWerkdagen: number;
    /** Unanswered call attempts after which a home-visit task is created (3–4 in the Leiden, Helmond and Tilburg practice). */
    readonly maxBelpogingen: number;
    /** Working days between call attempts. */
    readonly belpogingIntervalWerkdagen: number;
    /** Working days within which the home visit is due. */
    readonly huisbezoekBinnenWerkdagen: number;
    /** After a "no": approach again after this many months (the practice: next month). */
    readonly herbenaderingNaWeigeringMaanden: number;
    /** Re-approaches after a "no" before the regievoerder is asked to decide. */
    readonly maxHerbenaderingen: number;
  };
  readonly kennismaking: {
    /** Conversations typically needed to build trust (the practice: up to 5); more asks for a review. */
    readonly maxGesprekken: number;
  };
  readonly contact: {
    /** Longest gap between contact moments during uitvoering, in working days. */
    readonly maxIntervalWerkdagen: number;
    readonly sessieMinuten: number;
  };
  readonly evaluatie: {
    /** Evaluation cadence during uitvoering (default 3). */
    readonly intervalMaanden: number;
    /** T1 measurement this many months after T0 (the diagnose). */
    readonly t1NaMaanden: number;
    /** The evaluation-planning task appears this many working days before the due date. */
    readonly aankondigingWerkdagen: number;
  };
  readonly duur: {
    readonly typischMaanden: number;
    /** Maximum duration from the start (or a reopening). */
    readonly maxMaanden: number;
    readonly verlenging: { readonly maanden: number; readonly maxAantal: number };
  };
  /** Aftercare; `null` when the programme has none. */
  readonly nazorg: null | {
    readonly duurMaanden: number;
    /** Check-ins, in months after afronding. */
    readonly checkInsNaMaanden: readonly number[];
    /** Working days after a check-in date within which it is due. */
    readonly checkInBinnenWerkdagen: number;
  };
  readonly plan: {
    readonly maxGasDoelen: number;
  };
  readonly noShow: { readonly opvolgingBinnenWerkdagen: number };
  /** Working days within which a new regievoerder or coach must have taken over (regie change, coach leaves). */
  readonly overdrachtBinnenWerkdagen: number;
  /** Working days an overdue deadline may stay open before the regievoerder is alerted. */
  readonly escalatieNaWerkdagen: number;
  /** Working days before the planned end at which the regievoerder gets a task (extend or finish). */
  readonly einddatumAankondigingWerkdagen: number;
  readonly instrumenten: {
    readonly ladderVersie: string;
    readonly ladderSubtreden: boolean;
    readonly zrmVersie: string;
    readonly gasVersie: string;
    /** Instruments required at T0 (diagnose) and T1. */
    readonly verplichtBijMeting: readonly ('participatieladder' | 'zrm')[];
    /** Months between ladder reviews after T0 (Heemskerk: every year); absent: no review timer. */
    readonly ladderHerbeoordelingMaanden?: number;
    /** Further instruments the programme uses (Tilburg's behaviour model, Positieve Gezondheid as a conversation aid). */
    readonly hulpmiddelen?: readonly Hulpmiddel[];
  };
  /** Working-day calendar options (Goede Vrijdag, Bevrijdingsdag). */
  readonly kalender: Partial<CalendarOptions>;
}

function positief(n: unknown, allowZero = false): boolean {
  return typeof n === 'number' && Number.isInteger(n) && (allowZero ? n >= 0 : n > 0);
}

const GEHEEL = 'geef een geheel getal groter dan 0';
const GEHEEL_OF_NUL = 'geef een geheel getal van 0 of meer';

/** Phases whose length a programme must give, in working days or months. */
export const FASEN_MET_DUUR: readonly Fase[] = Object.freeze(['kennismaking', 'diagnose', 'plan-van-aanpak', 'afronding']);

/**
 * Checks a programme definition for internal consistency and throws `TRAJECT.PROGRAMME_INVALID`
 * naming every offending field with an explanation in Dutch a klantmanager understands: phases
 * ordered and complete, every timed phase with a duration, durations positive, evaluations
 * inside the traject, known instruments, nazorg check-ins inside the nazorg period.
 */
export function valideerProgramma(p: ProgrammaDefinitie): void {
  const f: Record<string, string> = {};
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.code ?? '')) f['code'] = 'gebruik kleine letters, cijfers en streepjes, bijvoorbeeld buurt-mv';
  if (!positief(p.versie)) f['versie'] = GEHEEL;
  if (!isIsoDate(p.geldigVanaf)) f['geldigVanaf'] = 'geef een datum als JJJJ-MM-DD';
  if (!Array.isArray(p.fasen) || p.fasen.some((x) => !isFase(x))) f['fasen'] = `alleen bekende fasen: ${FASEN.join(', ')}`;
  else {
    const ordered = FASEN.filter((x) => p.fasen.includes(x));
    if (ordered.length !== p.fasen.length || ordered.some((x, i) => x !== p.fasen[i]))
      f['fasen'] = `elke fase één keer, in de vaste volgorde ${FASEN.join(' → ')}`;
    const ontbrekend = VERPLICHTE_FASEN.filter((v) => !p.fasen.includes(v));
    if (ontbrekend.length > 0) f['fasen'] = `deze fasen kunnen niet worden overgeslagen: ${ontbrekend.join(', ')}`;
    if (p.nazorg && !p.fasen.includes('nazorg')) f['nazorg'] = 'er is nazorg ingesteld, maar de fase nazorg wordt overgeslagen';
    if (!p.nazorg && p.fasen.includes('nazorg')) f['nazorg'] = 'de fase nazorg is in gebruik: geef de duur en de check-ins van de nazorg op';
    for (const fase of FASEN_MET_DUUR) {
      if (p.fasen.includes(fase) && p.faseTermijnWerkdagen?.[fase] === undefined && p.faseTermijnMaanden?.[fase] === undefined) {
        f[`faseTermijnWerkdagen.${fase}`] = `de fase ${fase} heeft geen duur: geef het aantal werkdagen of maanden op`;
      }
    }
  }
  for (const [fase, n] of Object.entries(p.faseTermijnWerkdagen ?? {}))
    if (!isFase(fase) || !positief(n)) f[`faseTermijnWerkdagen.${fase}`] = isFase(fase) ? GEHEEL : 'onbekende fase';
  for (const [fase, n] of Object.entries(p.faseTermijnMaanden ?? {})) {
    if (!isFase(fase) || !positief(n)) f[`faseTermijnMaanden.${fase}`] = isFase(fase) ? GEHEEL : 'onbekende fase';
    else if (p.faseTermijnWerkdagen?.[fase] !== undefined)
      f[`faseTermijnMaanden.${fase}`] = `geef de duur van ${fase} in werkdagen óf in maanden, niet allebei`;
  }
  const o = p.outreach;
  for (const k of [
    'eersteContactBinnenWerkdagen',
    'maxBelpogingen',
    'belpogingIntervalWerkdagen',
    'huisbezoekBinnenWerkdagen',
    'herbenaderingNaWeigeringMaanden',
  ] as const) {
    if (!positief(o?.[k])) f[`outreach.${k}`] = GEHEEL;
  }
  if (!positief(o?.maxHerbenaderingen, true)) f['outreach.maxHerbenaderingen'] = GEHEEL_OF_NUL;
  if (!positief(p.kennismaking?.maxGesprekken)) f['kennismaking.maxGesprekken'] = GEHEEL;
  if (!positief(p.contact?.maxIntervalWerkdagen)) f['contact.maxIntervalWerkdagen'] = GEHEEL;
  if (!positief(p.contact?.sessieMinuten)) f['contact.sessieMinuten'] = GEHEEL;
  if (!positief(p.evaluatie?.intervalMaanden)) f['evaluatie.intervalMaanden'] = GEHEEL;
  if (!positief(p.evaluatie?.t1NaMaanden)) f['evaluatie.t1NaMaanden'] = GEHEEL;
  if (!positief(p.evaluatie?.aankondigingWerkdagen, true)) f['evaluatie.aankondigingWerkdagen'] = GEHEEL_OF_NUL;
  if (!positief(p.duur?.typischMaanden)) f['duur.typischMaanden'] = GEHEEL;
  if (!positief(p.duur?.maxMaanden) || p.duur.maxMaanden < p.duur.typischMaanden)
    f['duur.maxMaanden'] = 'geef een geheel getal, minstens de gebruikelijke duur (typischMaanden)';
  if (!positief(p.duur?.verlenging?.maanden)) f['duur.verlenging.maanden'] = GEHEEL;
  if (!positief(p.duur?.verlenging?.maxAantal, true)) f['duur.verlenging.maxAantal'] = GEHEEL_OF_NUL;
  if (positief(p.evaluatie?.intervalMaanden) && positief(p.duur?.maxMaanden) && p.evaluatie.intervalMaanden > p.duur.maxMaanden) {
    f['evaluatie.intervalMaanden'] =
      `de eerste evaluatie (na ${p.evaluatie.intervalMaanden} maanden) valt na het einde van het traject (hooguit ${p.duur.maxMaanden} maanden): evalueer vaker`;
  }
  if (positief(p.evaluatie?.t1NaMaanden) && positief(p.duur?.maxMaanden) && p.evaluatie.t1NaMaanden > p.duur.maxMaanden) {
    f['evaluatie.t1NaMaanden'] =
      `de T1-meting (na ${p.evaluatie.t1NaMaanden} maanden) valt na het einde van het traject (hooguit ${p.duur.maxMaanden} maanden)`;
  }
  if (p.nazorg) {
    if (!positief(p.nazorg.duurMaanden)) f['nazorg.duurMaanden'] = GEHEEL;
    if (!positief(p.nazorg.checkInBinnenWerkdagen)) f['nazorg.checkInBinnenWerkdagen'] = GEHEEL;
    const { checkInsNaMaanden: c, duurMaanden } = p.nazorg;
    if (!Array.isArray(c) || c.length === 0 || c.some((m, i) => !positief(m) || m > duurMaanden || (i > 0 && m <= c[i - 1]))) {
      f['nazorg.checkInsNaMaanden'] = 'geef oplopende maanden, binnen de duur van de nazorg';
    }
  }
  if (!positief(p.plan?.maxGasDoelen, true) || p.plan.maxGasDoelen > 5) f['plan.maxGasDoelen'] = 'hooguit 5 GAS-doelen (0 tot en met 5)';
  if (!positief(p.noShow?.opvolgingBinnenWerkdagen)) f['noShow.opvolgingBinnenWerkdagen'] = GEHEEL;
  if (!positief(p.overdrachtBinnenWerkdagen)) f['overdrachtBinnenWerkdagen'] = GEHEEL;
  if (!positief(p.escalatieNaWerkdagen, true)) f['escalatieNaWerkdagen'] = GEHEEL_OF_NUL;
  if (!positief(p.einddatumAankondigingWerkdagen, true)) f['einddatumAankondigingWerkdagen'] = GEHEEL_OF_NUL;
  const i = p.instrumenten;
  if (!LADDER_VERSIES.includes(i?.ladderVersie))
    f['instrumenten.ladderVersie'] = `onbekend instrument ${JSON.stringify(i?.ladderVersie)}; kies uit ${LADDER_VERSIES.join(', ')}`;
  if (!ZRM_VERSIES[i?.zrmVersie])
    f['instrumenten.zrmVersie'] =
      `onbekende versie van de ZRM ${JSON.stringify(i?.zrmVersie)}; kies uit ${Object.keys(ZRM_VERSIES).join(' (13 domeinen), ')} (11 domeinen)`;
  if (i?.gasVersie !== 'gas-5') f['instrumenten.gasVersie'] = 'onbekende versie van GAS; kies gas-5 (−2 tot +2)';
  if (!Array.isArray(i?.verplichtBijMeting) || i.verplichtBijMeting.some((x) => x !== 'participatieladder' && x !== 'zrm')) {
    f['instrumenten.verplichtBijMeting'] = 'bij T0 en T1 kunnen participatieladder en zrm verplicht zijn';
  }
  const onbekend = (i?.hulpmiddelen ?? []).filter((h) => !HULPMIDDELEN.includes(h));
  if (onbekend.length > 0) f['instrumenten.hulpmiddelen'] = `onbekend instrument ${onbekend.join(', ')}; kies uit ${HULPMIDDELEN.join(', ')}`;
  if (i?.ladderHerbeoordelingMaanden !== undefined && !positief(i.ladderHerbeoordelingMaanden)) f['instrumenten.ladderHerbeoordelingMaanden'] = GEHEEL;
  const u = (p.doelgroep?.uitsluitingen ?? []).filter((x) => !UITSLUITINGEN.includes(x));
  if (u.length > 0) f['doelgroep.uitsluitingen'] = `onbekend criterium ${u.join(', ')}; kies uit ${UITSLUITINGEN.join(', ')}`;
  const lw = p.doelgroep?.loonwaarde;
  if (lw && !(lw[0] >= 0 && lw[1] <= 100 && lw[0] <= lw[1])) f['doelgroep.loonwaarde'] = 'een band van 0 tot 100 procent, ondergrens eerst';
  const lt = p.doelgroep?.ladderTreden;
  if (lt && !(lt[0] >= 1 && lt[1] <= 6 && lt[0] <= lt[1])) f['doelgroep.ladderTreden'] = 'treden van 1 tot 6, laagste eerst';
  const c = p.casuistiekoverleg;
  if (c) {
    if (
      (c.elkeWeken === undefined) === (c.elkeMaanden === undefined) ||
      (c.elkeWeken !== undefined && !positief(c.elkeWeken)) ||
      (c.elkeMaanden !== undefined && !positief(c.elkeMaanden))
    ) {
      f['casuistiekoverleg'] = 'geef het ritme van het overleg in weken (elkeWeken) óf in maanden (elkeMaanden)';
    }
    if (!Array.isArray(c.partners) || c.partners.length === 0) f['casuistiekoverleg.partners'] = 'noem de partners die aan het overleg deelnemen';
    if (c.vanafFase !== undefined && (!isFase(c.vanafFase) || !p.fasen?.includes(c.vanafFase) || !isEerderOfGelijk(c.vanafFase, 'uitvoering'))) {
      f['casuistiekoverleg.vanafFase'] = 'een fase van het programma, uiterlijk uitvoering';
    }
  }
  if (p.groep) {
    if (!positief(p.groep.cohortGrootte)) f['groep.cohortGrootte'] = GEHEEL;
    if (!isIsoDate(p.groep.startdatum)) f['groep.startdatum'] = 'geef een datum als JJJJ-MM-DD';
  }
  if (p.maxTrajecten !== undefined && !positief(p.maxTrajecten)) f['maxTrajecten'] = GEHEEL;
  if (Object.keys(f).length > 0) {
    throw trajectError(
      'TRAJECT.PROGRAMME_INVALID',
      `Het programma ${p.code}@${p.versie} klopt niet: ${Object.entries(f)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')}`,
      f,
    );
  }
}

function isEerderOfGelijk(a: Fase, b: Fase): boolean {
  return FASEN.indexOf(a) <= FASEN.indexOf(b);
}

/** What is known about a candidate when checking eligibility. Unknown values are left out. */
export interface Kandidaat {
  readonly leeftijd?: number;
  readonly ladderTrede?: LadderTrede;
  readonly jarenInBijstand?: number;
  readonly loonwaardePercentage?: number;
  readonly heeftAnderTraject?: boolean;
  /** Exclusion criteria and contra-indications that apply to the candidate. */
  readonly contraIndicaties?: readonly Uitsluiting[];
  /** A running traject of the candidate is on a programme that allows no other traject beside it (FIP). */
  readonly inExclusiefTraject?: boolean;
}

/** Why a candidate does not fit, or which criterion could not be checked. */
export type DoelgroepBevinding =
  | 'leeftijd-te-laag'
  | 'leeftijd-te-hoog'
  | 'ladder-buiten-bereik'
  | 'te-kort-in-bijstand'
  | 'loonwaarde-buiten-band'
  | 'heeft-ander-traject'
  | 'contra-indicatie'
  | 'lopend-traject-sluit-ander-uit'
  | 'onbekend-leeftijd'
  | 'onbekend-ladder'
  | 'onbekend-bijstandsduur'
  | 'onbekend-loonwaarde';

/** Outcome of {@link toetsDoelgroep}: `geschikt` only when nothing fails and nothing is unknown. */
export interface DoelgroepToets {
  readonly geschikt: boolean;
  /** Failed criteria. */
  readonly afwijzingen: readonly DoelgroepBevinding[];
  /** Criteria that could not be checked (the klantmanager may override with a reason). */
  readonly onbekend: readonly DoelgroepBevinding[];
}

/** Age in whole years on `datum` of someone born on `geboortedatum` (both `YYYY-MM-DD`). */
export function leeftijdOp(geboortedatum: IsoDate, datum: IsoDate): number {
  const jaren = Number(datum.slice(0, 4)) - Number(geboortedatum.slice(0, 4));
  return datum.slice(5) < geboortedatum.slice(5) ? jaren - 1 : jaren;
}

/** Coded reasons a klantmanager admits a candidate outside the doelgroep (in practice: "bijvangst"). */
export const DOELGROEP_AFWIJKINGEN = ['maatwerkbesluit', 'bijvangst', 'pilot-uitzondering'] as const;

/** A coded reason to start a traject outside the programme's doelgroep. */
export type DoelgroepAfwijking = (typeof DOELGROEP_AFWIJKINGEN)[number];

/** Checks a candidate against a programme's doelgroep. */
export function toetsDoelgroep(p: ProgrammaDefinitie, k: Kandidaat): DoelgroepToets {
  const af: DoelgroepBevinding[] = [];
  const onb: DoelgroepBevinding[] = [];
  const d = p.doelgroep;
  if (d.minLeeftijd !== undefined || d.maxLeeftijd !== undefined) {
    if (k.leeftijd === undefined) onb.push('onbekend-leeftijd');
    else {
      if (d.minLeeftijd !== undefined && k.leeftijd < d.minLeeftijd) af.push('leeftijd-te-laag');
      if (d.maxLeeftijd !== undefined && k.leeftijd > d.maxLeeftijd) af.push('leeftijd-te-hoog');
    }
  }
  if (d.ladderTreden) {
    if (k.ladderTrede === undefined) onb.push('onbekend-ladder');
    else if (k.ladderTrede < d.ladderTreden[0] || k.ladderTrede > d.ladderTreden[1]) af.push('ladder-buiten-bereik');
  }
  if (d.minJarenBijstand !== undefined) {
    if (k.jarenInBijstand === undefined) onb.push('onbekend-bijstandsduur');
    else if (k.jarenInBijstand < d.minJarenBijstand) af.push('te-kort-in-bijstand');
  }
  if (d.loonwaarde) {
    if (k.loonwaardePercentage === undefined) onb.push('onbekend-loonwaarde');
    else if (k.loonwaardePercentage < d.loonwaarde[0] || k.loonwaardePercentage > d.loonwaarde[1]) af.push('loonwaarde-buiten-band');
  }
  if (d.geenAnderTraject && k.heeftAnderTraject) af.push('heeft-ander-traject');
  if ((d.uitsluitingen ?? []).some((u) => k.contraIndicaties?.includes(u))) af.push('contra-indicatie');
  if (k.inExclusiefTraject) af.push('lopend-traject-sluit-ander-uit');
  return { geschikt: af.length === 0 && onb.length === 0, afwijzingen: af, onbekend: onb };
}

/**
 * The scores (as submitted, by index) whose instrument version is not the one the programme
 * uses: `metingen.<i>.instrumentVersie` → what it should be. Empty when every score fits.
 */
export function afwijkendeInstrumentVersies(
  p: ProgrammaDefinitie,
  metingen: readonly { readonly instrument?: unknown; readonly instrumentVersie?: unknown }[],
): Record<string, string> {
  const verwacht: Record<string, string> = { participatieladder: p.instrumenten.ladderVersie, zrm: p.instrumenten.zrmVersie, gas: p.instrumenten.gasVersie };
  const f: Record<string, string> = {};
  metingen.forEach((m, i) => {
    const v = typeof m.instrument === 'string' ? verwacht[m.instrument] : undefined;
    if (v !== undefined && m.instrumentVersie !== v) f[`metingen.${i}.instrumentVersie`] = `dit programma gebruikt ${v}`;
  });
  return f;
}
