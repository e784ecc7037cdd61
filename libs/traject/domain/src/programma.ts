import { type CalendarOptions, type IsoDate, isIsoDate } from '@ketenregie/shared-kernel';
import { type Fase, FASEN, isFase, VERPLICHTE_FASEN } from './fase';
import { type LadderTrede } from './instrumenten';
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
  readonly geldigVanaf: IsoDate;
  readonly doelgroep: Doelgroep;
  /** Phases in use, in canonical order; always includes {@link VERPLICHTE_FASEN}. */
  readonly fasen: readonly Fase[];
  /** Maximum working days a phase may take before its deadline is overdue. */
  readonly faseTermijnWerkdagen: Readonly<Partial<Record<Fase, number>>>;
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
  };
  /** Working-day calendar options (Goede Vrijdag, Bevrijdingsdag). */
  readonly kalender: Partial<CalendarOptions>;
}

function positief(n: unknown, allowZero = false): boolean {
  return typeof n === 'number' && Number.isInteger(n) && (allowZero ? n >= 0 : n > 0);
}

/**
 * Checks a programme definition for internal consistency (phases ordered and complete, all
 * durations positive integers, nazorg check-ins inside the nazorg period) and throws
 * `TRAJECT.PROGRAMME_INVALID` naming every offending field.
 */
export function valideerProgramma(p: ProgrammaDefinitie): void {
  const f: Record<string, string> = {};
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.code ?? '')) f['code'] = 'kebab-case';
  if (!positief(p.versie)) f['versie'] = 'positive integer';
  if (!isIsoDate(p.geldigVanaf)) f['geldigVanaf'] = 'YYYY-MM-DD';
  if (!Array.isArray(p.fasen) || p.fasen.some((x) => !isFase(x))) f['fasen'] = 'known phases only';
  else {
    const ordered = FASEN.filter((x) => p.fasen.includes(x));
    if (ordered.length !== p.fasen.length || ordered.some((x, i) => x !== p.fasen[i])) f['fasen'] = 'unique, in canonical order';
    for (const v of VERPLICHTE_FASEN) if (!p.fasen.includes(v)) f['fasen'] = `must include ${VERPLICHTE_FASEN.join(', ')}`;
    if (p.nazorg && !p.fasen.includes('nazorg')) f['nazorg'] = 'nazorg configured but phase not in use';
    if (!p.nazorg && p.fasen.includes('nazorg')) f['nazorg'] = 'phase nazorg in use but not configured';
  }
  for (const [fase, n] of Object.entries(p.faseTermijnWerkdagen ?? {})) if (!isFase(fase) || !positief(n)) f[`faseTermijnWerkdagen.${fase}`] = 'positive integer';
  const o = p.outreach;
  for (const k of ['eersteContactBinnenWerkdagen', 'maxBelpogingen', 'belpogingIntervalWerkdagen', 'huisbezoekBinnenWerkdagen', 'herbenaderingNaWeigeringMaanden'] as const) {
    if (!positief(o?.[k])) f[`outreach.${k}`] = 'positive integer';
  }
  if (!positief(o?.maxHerbenaderingen, true)) f['outreach.maxHerbenaderingen'] = 'integer ≥ 0';
  if (!positief(p.kennismaking?.maxGesprekken)) f['kennismaking.maxGesprekken'] = 'positive integer';
  if (!positief(p.contact?.maxIntervalWerkdagen)) f['contact.maxIntervalWerkdagen'] = 'positive integer';
  if (!positief(p.contact?.sessieMinuten)) f['contact.sessieMinuten'] = 'positive integer';
  if (!positief(p.evaluatie?.intervalMaanden)) f['evaluatie.intervalMaanden'] = 'positive integer';
  if (!positief(p.evaluatie?.t1NaMaanden)) f['evaluatie.t1NaMaanden'] = 'positive integer';
  if (!positief(p.evaluatie?.aankondigingWerkdagen, true)) f['evaluatie.aankondigingWerkdagen'] = 'integer ≥ 0';
  if (!positief(p.duur?.typischMaanden)) f['duur.typischMaanden'] = 'positive integer';
  if (!positief(p.duur?.maxMaanden) || p.duur.maxMaanden < p.duur.typischMaanden) f['duur.maxMaanden'] = 'positive integer ≥ typischMaanden';
  if (!positief(p.duur?.verlenging?.maanden)) f['duur.verlenging.maanden'] = 'positive integer';
  if (!positief(p.duur?.verlenging?.maxAantal, true)) f['duur.verlenging.maxAantal'] = 'integer ≥ 0';
  if (p.nazorg) {
    if (!positief(p.nazorg.duurMaanden)) f['nazorg.duurMaanden'] = 'positive integer';
    if (!positief(p.nazorg.checkInBinnenWerkdagen)) f['nazorg.checkInBinnenWerkdagen'] = 'positive integer';
    const { checkInsNaMaanden: c, duurMaanden } = p.nazorg;
    if (!Array.isArray(c) || c.length === 0 || c.some((m, i) => !positief(m) || m > duurMaanden || (i > 0 && m <= c[i - 1]))) {
      f['nazorg.checkInsNaMaanden'] = 'ascending positive months within duurMaanden';
    }
  }
  if (!positief(p.plan?.maxGasDoelen, true) || p.plan.maxGasDoelen > 5) f['plan.maxGasDoelen'] = '0–5';
  if (!positief(p.noShow?.opvolgingBinnenWerkdagen)) f['noShow.opvolgingBinnenWerkdagen'] = 'positive integer';
  if (!positief(p.overdrachtBinnenWerkdagen)) f['overdrachtBinnenWerkdagen'] = 'positive integer';
  if (!positief(p.escalatieNaWerkdagen, true)) f['escalatieNaWerkdagen'] = 'integer ≥ 0';
  if (!positief(p.einddatumAankondigingWerkdagen, true)) f['einddatumAankondigingWerkdagen'] = 'integer ≥ 0';
  if (Object.keys(f).length > 0) throw trajectError('TRAJECT.PROGRAMME_INVALID', `Programme ${p.code}@${p.versie} is inconsistent`, f);
}

/** What is known about a candidate when checking eligibility. Unknown values are left out. */
export interface Kandidaat {
  readonly leeftijd?: number;
  readonly ladderTrede?: LadderTrede;
  readonly jarenInBijstand?: number;
  readonly loonwaardePercentage?: number;
  readonly heeftAnderTraject?: boolean;
}

/** Why a candidate does not fit, or which criterion could not be checked. */
export type DoelgroepBevinding =
  | 'leeftijd-te-laag'
  | 'leeftijd-te-hoog'
  | 'ladder-buiten-bereik'
  | 'te-kort-in-bijstand'
  | 'loonwaarde-buiten-band'
  | 'heeft-ander-traject'
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
  return { geschikt: af.length === 0 && onb.length === 0, afwijzingen: af, onbekend: onb };
}
