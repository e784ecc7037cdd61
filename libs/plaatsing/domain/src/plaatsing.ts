import { addDays, addMonths, addWorkingDays, isIsoDate, type IsoDate, type OrganisatieType } from '@ketenregie/shared-kernel';
import { plaatsingError } from './plaatsing.errors';
import { vervangContactpersoon, type Contactpersoon, type Werkgever } from './werkgever';

/**
 * Phases of a placement, in order: kennismaking → proefplaatsing → loonwaardemeting →
 * subsidiebesluit (skipped at full wage value) → contract → in-dienst, ending as `duurzaam`
 * (the 12-month check passed) or `teruggeleid` (back to the traject, warmly).
 */
export const PLAATSING_FASEN = [
  'kennismaking',
  'proefplaatsing',
  'loonwaardemeting',
  'subsidiebesluit',
  'contract',
  'in-dienst',
  'duurzaam',
  'teruggeleid',
] as const;
/** One of {@link PLAATSING_FASEN}. */
export type PlaatsingFase = (typeof PLAATSING_FASEN)[number];

/** Why a placement returns the deelnemer to the traject (coded; the overdracht carries it). */
export const TERUGLEIDING_REDENEN = [
  'geen-match',
  'uitval-bij-werkgever',
  'proefplaatsing-negatief',
  'proefplaatsing-verlopen',
  'contactpersoon-vertrokken',
  'contract-niet-verlengd',
  'subsidie-beeindigd',
] as const;
/** One of {@link TERUGLEIDING_REDENEN}. */
export type TerugleidingReden = (typeof TERUGLEIDING_REDENEN)[number];

/** Coded reasons of a drop-out at the employer (no free text: no health data). */
export const UITVAL_REDENEN = ['lichamelijk-zwaar', 'mentaal-zwaar', 'werkinhoud', 'samenwerking', 'persoonlijke-omstandigheden', 'overig'] as const;
/** One of {@link UITVAL_REDENEN}. */
export type UitvalReden = (typeof UITVAL_REDENEN)[number];

/** Programme settings of the werkgever lane; travel with the workflow input. */
export interface PlaatsingInstellingen {
  /** Length of the proefplaatsing (benefit kept, no wage). */
  readonly proefplaatsingMaanden: number;
  /** Length of the one extension of the proefplaatsing. */
  readonly verlengingMaanden: number;
  /** The evaluation is due this many working days before the proefplaatsing ends. */
  readonly evaluatieWerkdagenVoorEinde: number;
  /** Jobcoach check-in cadence once employed. */
  readonly checkinWeken: number;
  /** Default period between re-assessments of the loonkostensubsidie. */
  readonly herbeoordelingMaanden: number;
  /** Lasting-placement checks, months after the contract starts; the last one ends the placement as `duurzaam`. */
  readonly duurzaamheidMaanden: readonly number[];
}

/** The settings of the seeds: 2 months trial, one extension, check-ins every 4 weeks, checks at 6 and 12 months. */
export const STANDAARD_PLAATSING_INSTELLINGEN: PlaatsingInstellingen = Object.freeze({
  proefplaatsingMaanden: 2,
  verlengingMaanden: 2,
  evaluatieWerkdagenVoorEinde: 5,
  checkinWeken: 4,
  herbeoordelingMaanden: 6,
  duurzaamheidMaanden: Object.freeze([6, 12]),
});

/** An organisation taking part with the professional acting for it (opaque subject id). */
export interface Partij {
  readonly organisatieId: string;
  readonly type: OrganisatieType;
  readonly professional: string;
}

/** Deadlines and appointments the parties see. */
export const TERMIJN_SOORTEN = [
  'evaluatie-proefplaatsing',
  'einde-proefplaatsing',
  'checkin',
  'herbeoordeling-subsidie',
  'einde-subsidie',
  'einde-contract',
  'duurzaamheidscheck',
] as const;
/** One of {@link TERMIJN_SOORTEN}. */
export type TermijnSoort = (typeof TERMIJN_SOORTEN)[number];

/** What a task on a professional's or employer's list is about. */
export type TaakOnderwerp = TermijnSoort | 'plaatsvervanger-aanwijzen' | 'terugleiding-geweigerd';

/** Who has to act on a deadline. */
export type Wie = 'werkgever' | 'jobcoach' | 'gemeente' | 'coach';

/** One upcoming deadline or appointment of a placement. */
export interface Termijn {
  readonly soort: TermijnSoort;
  readonly datum: IsoDate;
  readonly wie: readonly Wie[];
}

/** One entry of a placement's timeline (coded, no personal data of the deelnemer). */
export interface PlaatsingGebeurtenis {
  readonly nr: number;
  readonly datum: IsoDate;
  readonly soort: string;
  readonly gegevens: Readonly<Record<string, string | number | boolean>>;
}

/** A side effect the workflow carries out. `id` is unique within the placement (idempotency key part). */
export type PlaatsingActie =
  | { readonly soort: 'taak'; readonly id: string; readonly voor: Wie; readonly onderwerp: TaakOnderwerp; readonly vervalt: IsoDate }
  | { readonly soort: 'terugleiding'; readonly id: string; readonly reden: TerugleidingReden; readonly van: Partij; readonly naar: Partij };

/** The proefplaatsing: benefit kept, no wage; evaluation before its end; at most one extension. */
export interface Proefplaatsing {
  readonly start: IsoDate;
  readonly einde: IsoDate;
  readonly evaluatieUiterlijk: IsoDate;
  readonly uitkeringBehouden: true;
  readonly verlengd: boolean;
  readonly herinnerd: boolean;
}

/** The gemeente's loonkostensubsidie decision. */
export interface Subsidie {
  readonly percentage: number;
  readonly ingang: IsoDate;
  readonly einde: IsoDate;
  readonly volgendeHerbeoordeling: IsoDate;
  readonly herbeoordelingMaanden: number;
  readonly herbeoordelingGevraagd: boolean;
}

/** The employment contract. */
export interface Contract {
  readonly urenPerWeek: number;
  readonly start: IsoDate;
  /** Absent: open-ended. */
  readonly einde?: IsoDate;
}

/** Who and what a placement is about: its ids and the parties around it (fixed from the start). */
export interface PlaatsingBetrokkenen {
  readonly plaatsingId: string;
  readonly vacatureId: string;
  readonly deelnemerId: string;
  readonly trajectId: string;
  readonly werkgever: Werkgever;
  readonly coach: Partij;
  readonly regievoerder: Partij;
  readonly jobcoach: Partij;
}

/** Only the {@link PlaatsingBetrokkenen} of a start, state or read model (nothing else is copied along). */
export function plaatsingBetrokkenen(x: PlaatsingBetrokkenen): PlaatsingBetrokkenen {
  const { plaatsingId, vacatureId, deelnemerId, trajectId, werkgever, coach, regievoerder, jobcoach } = x;
  return { plaatsingId, vacatureId, deelnemerId, trajectId, werkgever, coach, regievoerder, jobcoach };
}

/** The full state of one placement, kept by its workflow. */
export interface PlaatsingState extends PlaatsingBetrokkenen {
  readonly instellingen: PlaatsingInstellingen;
  readonly fase: PlaatsingFase;
  readonly gestart: IsoDate;
  readonly proefplaatsing?: Proefplaatsing;
  readonly loonwaarde?: { readonly percentage: number; readonly datum: IsoDate };
  readonly subsidie?: Subsidie;
  readonly contract?: Contract;
  readonly volgendeCheckin?: IsoDate;
  readonly laatsteCheckin?: IsoDate;
  /** Lasting-placement checks still due (date and months after contract start). */
  readonly duurzaamheidschecks: readonly { readonly maanden: number; readonly datum: IsoDate }[];
  readonly terugleiding?: { readonly reden: TerugleidingReden; readonly datum: IsoDate; readonly naar: Partij };
  readonly tijdlijn: readonly PlaatsingGebeurtenis[];
}

/** What a command or the passing of time produced. */
export interface PlaatsingUitkomst {
  readonly state: PlaatsingState;
  readonly gebeurtenissen: readonly PlaatsingGebeurtenis[];
  readonly acties: readonly PlaatsingActie[];
}

/** Everything needed to start a placement once a coach's proposal was accepted for a kennismaking. */
export interface PlaatsingStart extends PlaatsingBetrokkenen {
  readonly datum: IsoDate;
  readonly instellingen?: Partial<PlaatsingInstellingen>;
}

/** A command on a placement. Dates are Dutch civil dates. */
export type PlaatsingOpdracht =
  | { readonly soort: 'kennismaking'; readonly datum: IsoDate; readonly uitkomst: 'proefplaatsing' | 'geen-match'; readonly startProefplaatsing?: IsoDate }
  | { readonly soort: 'evaluatie'; readonly datum: IsoDate; readonly uitkomst: 'positief' | 'verlengen' | 'negatief'; readonly door: Wie }
  | { readonly soort: 'loonwaardemeting'; readonly datum: IsoDate; readonly loonwaarde: number }
  | {
      readonly soort: 'subsidiebesluit';
      readonly datum: IsoDate;
      readonly percentage: number;
      readonly ingang: IsoDate;
      readonly maanden: number;
      readonly herbeoordelingMaanden?: number;
    }
  | { readonly soort: 'herbeoordeling'; readonly datum: IsoDate; readonly percentage: number; readonly maanden?: number }
  | { readonly soort: 'contract'; readonly datum: IsoDate; readonly urenPerWeek: number; readonly start: IsoDate; readonly einde?: IsoDate }
  | { readonly soort: 'contract-verlengd'; readonly datum: IsoDate; readonly einde?: IsoDate }
  | { readonly soort: 'contract-niet-verlengd'; readonly datum: IsoDate }
  | { readonly soort: 'checkin'; readonly datum: IsoDate; readonly signaal: 'goed' | 'zorg' }
  | { readonly soort: 'uitval'; readonly datum: IsoDate; readonly reden: UitvalReden }
  | { readonly soort: 'contactpersoon-vertrokken'; readonly datum: IsoDate; readonly nieuwePlaatsvervanger?: Contactpersoon }
  | { readonly soort: 'plaatsvervanger'; readonly datum: IsoDate; readonly plaatsvervanger: Contactpersoon };

/** The kind of a {@link PlaatsingOpdracht}. */
export type OpdrachtSoort = PlaatsingOpdracht['soort'];

/** Phases in which each command may be given. */
const TOEGESTAAN: Readonly<Record<OpdrachtSoort, readonly PlaatsingFase[]>> = {
  kennismaking: ['kennismaking'],
  evaluatie: ['proefplaatsing'],
  loonwaardemeting: ['loonwaardemeting'],
  subsidiebesluit: ['subsidiebesluit'],
  herbeoordeling: ['contract', 'in-dienst'],
  contract: ['contract'],
  'contract-verlengd': ['in-dienst'],
  'contract-niet-verlengd': ['in-dienst'],
  checkin: ['proefplaatsing', 'in-dienst'],
  uitval: ['kennismaking', 'proefplaatsing', 'loonwaardemeting', 'subsidiebesluit', 'contract', 'in-dienst'],
  'contactpersoon-vertrokken': ['kennismaking', 'proefplaatsing', 'loonwaardemeting', 'subsidiebesluit', 'contract', 'in-dienst'],
  plaatsvervanger: ['kennismaking', 'proefplaatsing', 'loonwaardemeting', 'subsidiebesluit', 'contract', 'in-dienst'],
};

/** True once the placement has ended (lasting, or returned to the traject). */
export function isAfgelopen(s: PlaatsingState): boolean {
  return s.fase === 'duurzaam' || s.fase === 'teruggeleid';
}

/** Collects the events and actions of one step over an evolving state. */
class Stap {
  private readonly events: PlaatsingGebeurtenis[] = [];
  private readonly acts: PlaatsingActie[] = [];
  constructor(public s: PlaatsingState) {}

  zet(wijziging: Partial<PlaatsingState>): void {
    this.s = { ...this.s, ...wijziging };
  }

  gebeurt(datum: IsoDate, soort: string, gegevens: PlaatsingGebeurtenis['gegevens'] = {}): PlaatsingGebeurtenis {
    const e: PlaatsingGebeurtenis = { nr: this.s.tijdlijn.length + 1, datum, soort, gegevens };
    this.s = { ...this.s, tijdlijn: [...this.s.tijdlijn, e] };
    this.events.push(e);
    return e;
  }

  taak(voor: Wie, onderwerp: TaakOnderwerp, vervalt: IsoDate): void {
    this.acts.push({ soort: 'taak', id: `t${this.s.tijdlijn.length}-${voor}`, voor, onderwerp, vervalt });
  }

  /** Back to the traject, warmly: an overdracht to the coach (or the regievoerder) with the coded reason. Never a silent end. */
  terug(datum: IsoDate, reden: TerugleidingReden, extra: PlaatsingGebeurtenis['gegevens'] = {}): void {
    const naar = terugleidingNaar(this.s, reden);
    this.zet({ fase: 'teruggeleid', terugleiding: { reden, datum, naar } });
    const e = this.gebeurt(datum, 'teruggeleid', { reden, naar: naar.organisatieId, ...extra });
    this.acts.push({ soort: 'terugleiding', id: `terug-${e.nr}`, reden, van: this.s.jobcoach, naar });
  }

  uitkomst(): PlaatsingUitkomst {
    return { state: this.s, gebeurtenissen: this.events, acties: this.acts };
  }
}

/**
 * Whom the deelnemer returns to: the traject's coach, who knows them; the regievoerder (the
 * gemeente) when the subsidy ended or when the coach's organisation is the one handing back.
 */
export function terugleidingNaar(s: PlaatsingState, reden: TerugleidingReden): Partij {
  if (reden === 'subsidie-beeindigd' || s.coach.organisatieId === s.jobcoach.organisatieId) return s.regievoerder;
  return s.coach;
}

function datum(d: IsoDate, veld = 'datum'): IsoDate {
  if (!isIsoDate(d)) throw plaatsingError('PLAATSING.DATUM_ONGELDIG', 'Not a valid date.', { [veld]: 'must be YYYY-MM-DD' });
  return d;
}

function proefplaatsing(start: IsoDate, maanden: number, i: PlaatsingInstellingen, verlengd: boolean): Proefplaatsing {
  const einde = addMonths(start, maanden);
  return { start, einde, evaluatieUiterlijk: addWorkingDays(einde, -i.evaluatieWerkdagenVoorEinde), uitkeringBehouden: true, verlengd, herinnerd: false };
}

/** Starts a placement at the kennismaking. */
export function startPlaatsing(start: PlaatsingStart): PlaatsingUitkomst {
  const instellingen = { ...STANDAARD_PLAATSING_INSTELLINGEN, ...start.instellingen };
  const stap = new Stap({
    ...plaatsingBetrokkenen(start),
    instellingen,
    fase: 'kennismaking',
    gestart: datum(start.datum),
    duurzaamheidschecks: [],
    tijdlijn: [],
  });
  stap.gebeurt(start.datum, 'plaatsing-gestart', { vacatureId: start.vacatureId, werkgever: start.werkgever.organisatieId });
  return stap.uitkomst();
}

/**
 * Checks a command against the state without applying it (the workflow's update validator).
 * @throws DomainError `PLAATSING.*` when it cannot be applied.
 */
export function toetsOpdracht(s: PlaatsingState, o: PlaatsingOpdracht): void {
  voerUit(s, o);
}

/**
 * Applies one command. Pure: the same state and command always give the same outcome.
 * @throws DomainError `PLAATSING.AFGELOPEN`, `PLAATSING.FASE_ONGELDIG`, `PLAATSING.VERLENGING_NIET_TOEGESTAAN`,
 * `PLAATSING.GEEN_SUBSIDIE`, `PLAATSING.DATUM_ONGELDIG` or `PLAATSING.OPDRACHT_ONGELDIG`.
 */
export function voerUit(s: PlaatsingState, o: PlaatsingOpdracht): PlaatsingUitkomst {
  if (isAfgelopen(s)) throw plaatsingError('PLAATSING.AFGELOPEN', 'The placement has ended.');
  if (!TOEGESTAAN[o.soort].includes(s.fase)) {
    throw plaatsingError('PLAATSING.FASE_ONGELDIG', `"${o.soort}" is not possible in phase "${s.fase}".`);
  }
  const d = datum(o.datum);
  const i = s.instellingen;
  const stap = new Stap(s);
  switch (o.soort) {
    case 'kennismaking': {
      if (o.uitkomst === 'geen-match') {
        stap.gebeurt(d, 'kennismaking', { uitkomst: 'geen-match' });
        stap.terug(d, 'geen-match');
        break;
      }
      const start = datum(o.startProefplaatsing ?? d, 'startProefplaatsing');
      if (start < d)
        throw plaatsingError('PLAATSING.DATUM_ONGELDIG', 'The proefplaatsing starts on or after the kennismaking.', {
          startProefplaatsing: 'before the kennismaking',
        });
      const p = proefplaatsing(start, i.proefplaatsingMaanden, i, false);
      stap.zet({ fase: 'proefplaatsing', proefplaatsing: p, volgendeCheckin: addDays(start, 7 * i.checkinWeken) });
      stap.gebeurt(d, 'kennismaking', { uitkomst: 'proefplaatsing' });
      stap.gebeurt(d, 'proefplaatsing-gestart', { start: p.start, einde: p.einde, evaluatieUiterlijk: p.evaluatieUiterlijk, uitkeringBehouden: true });
      break;
    }
    case 'evaluatie': {
      const p = s.proefplaatsing as Proefplaatsing;
      stap.gebeurt(d, 'proefplaatsing-geevalueerd', { uitkomst: o.uitkomst, door: o.door });
      if (o.uitkomst === 'verlengen') {
        if (p.verlengd) throw plaatsingError('PLAATSING.VERLENGING_NIET_TOEGESTAAN', 'A proefplaatsing can be extended once.');
        const verlengd = proefplaatsing(p.start, i.proefplaatsingMaanden + i.verlengingMaanden, i, true);
        stap.zet({ proefplaatsing: verlengd });
        stap.gebeurt(d, 'proefplaatsing-verlengd', { einde: verlengd.einde, evaluatieUiterlijk: verlengd.evaluatieUiterlijk });
      } else if (o.uitkomst === 'negatief') {
        stap.terug(d, 'proefplaatsing-negatief');
      } else {
        stap.zet({ fase: 'loonwaardemeting', volgendeCheckin: undefined });
      }
      break;
    }
    case 'loonwaardemeting': {
      if (!Number.isInteger(o.loonwaarde) || o.loonwaarde < 1 || o.loonwaarde > 100) {
        throw plaatsingError('PLAATSING.OPDRACHT_ONGELDIG', 'The wage value is a percentage from 1 to 100.', { loonwaarde: 'must be 1 to 100' });
      }
      stap.zet({ loonwaarde: { percentage: o.loonwaarde, datum: d }, fase: o.loonwaarde === 100 ? 'contract' : 'subsidiebesluit' });
      stap.gebeurt(d, 'loonwaarde-gemeten', { loonwaarde: o.loonwaarde });
      break;
    }
    case 'subsidiebesluit': {
      const fouten: Record<string, string> = {};
      if (!Number.isInteger(o.percentage) || o.percentage < 1 || o.percentage > 100) fouten['percentage'] = 'must be 1 to 100';
      if (!Number.isInteger(o.maanden) || o.maanden < 1 || o.maanden > 60) fouten['maanden'] = 'must be 1 to 60';
      const herbeoordelingMaanden = o.herbeoordelingMaanden ?? i.herbeoordelingMaanden;
      if (!Number.isInteger(herbeoordelingMaanden) || herbeoordelingMaanden < 1 || herbeoordelingMaanden > 24)
        fouten['herbeoordelingMaanden'] = 'must be 1 to 24';
      if (Object.keys(fouten).length > 0) throw plaatsingError('PLAATSING.OPDRACHT_ONGELDIG', 'The subsidy decision is not complete.', fouten);
      const ingang = datum(o.ingang, 'ingang');
      const subsidie: Subsidie = {
        percentage: o.percentage,
        ingang,
        einde: addMonths(ingang, o.maanden),
        volgendeHerbeoordeling: addMonths(ingang, herbeoordelingMaanden),
        herbeoordelingMaanden,
        herbeoordelingGevraagd: false,
      };
      stap.zet({ subsidie, fase: 'contract' });
      stap.gebeurt(d, 'subsidie-besloten', {
        percentage: subsidie.percentage,
        ingang,
        einde: subsidie.einde,
        volgendeHerbeoordeling: subsidie.volgendeHerbeoordeling,
      });
      break;
    }
    case 'herbeoordeling': {
      const sub = s.subsidie;
      if (!sub) throw plaatsingError('PLAATSING.GEEN_SUBSIDIE', 'There is no loonkostensubsidie to re-assess.');
      if (!Number.isInteger(o.percentage) || o.percentage < 0 || o.percentage > 100) {
        throw plaatsingError('PLAATSING.OPDRACHT_ONGELDIG', 'The subsidy is a percentage from 0 to 100.', { percentage: 'must be 0 to 100' });
      }
      stap.gebeurt(d, 'subsidie-herbeoordeeld', { percentage: o.percentage });
      if (o.percentage === 0) {
        stap.zet({ subsidie: undefined });
        stap.terug(d, 'subsidie-beeindigd');
        break;
      }
      stap.zet({
        subsidie: {
          ...sub,
          percentage: o.percentage,
          einde: o.maanden ? addMonths(d, o.maanden) : sub.einde,
          volgendeHerbeoordeling: addMonths(d, sub.herbeoordelingMaanden),
          herbeoordelingGevraagd: false,
        },
      });
      break;
    }
    case 'contract': {
      const start = datum(o.start, 'start');
      if (!Number.isInteger(o.urenPerWeek) || o.urenPerWeek < 1 || o.urenPerWeek > 40) {
        throw plaatsingError('PLAATSING.OPDRACHT_ONGELDIG', 'Hours per week are 1 to 40.', { urenPerWeek: 'must be 1 to 40' });
      }
      if (o.einde !== undefined && datum(o.einde, 'einde') <= start) {
        throw plaatsingError('PLAATSING.DATUM_ONGELDIG', 'The contract ends after it starts.', { einde: 'not after start' });
      }
      stap.zet({
        fase: 'in-dienst',
        contract: { urenPerWeek: o.urenPerWeek, start, ...(o.einde ? { einde: o.einde } : {}) },
        volgendeCheckin: addDays(start, 7 * i.checkinWeken),
        duurzaamheidschecks: i.duurzaamheidMaanden.map((maanden) => ({ maanden, datum: addMonths(start, maanden) })),
      });
      stap.gebeurt(d, 'contract-getekend', { urenPerWeek: o.urenPerWeek, start, ...(o.einde ? { einde: o.einde } : {}) });
      break;
    }
    case 'contract-verlengd': {
      const c = s.contract as Contract;
      if (o.einde !== undefined && datum(o.einde, 'einde') <= (c.einde ?? c.start)) {
        throw plaatsingError('PLAATSING.DATUM_ONGELDIG', 'An extension ends later than the contract.', { einde: 'not later' });
      }
      stap.zet({ contract: { urenPerWeek: c.urenPerWeek, start: c.start, ...(o.einde ? { einde: o.einde } : {}) } });
      stap.gebeurt(d, 'contract-verlengd', o.einde ? { einde: o.einde } : { vast: true });
      break;
    }
    case 'contract-niet-verlengd':
      stap.terug(d, 'contract-niet-verlengd');
      break;
    case 'checkin':
      stap.zet({ laatsteCheckin: d, volgendeCheckin: addDays(d, 7 * i.checkinWeken) });
      stap.gebeurt(d, 'checkin', { signaal: o.signaal });
      break;
    case 'uitval':
      stap.gebeurt(d, 'uitval', { reden: o.reden, fase: s.fase });
      stap.terug(d, 'uitval-bij-werkgever', { uitvalReden: o.reden });
      break;
    case 'contactpersoon-vertrokken': {
      const nieuw = vervangContactpersoon(s.werkgever, o.nieuwePlaatsvervanger);
      if (!nieuw) {
        stap.gebeurt(d, 'contactpersoon-vertrokken', { plaatsvervanger: false });
        stap.terug(d, 'contactpersoon-vertrokken');
        break;
      }
      // The deputy takes over; every agreement (trial, subsidy, contract, check-ins) stays as it was.
      stap.zet({ werkgever: nieuw });
      stap.gebeurt(d, 'contactpersoon-vervangen', { plaatsvervanger: true, nieuwePlaatsvervanger: nieuw.plaatsvervanger !== undefined });
      if (!nieuw.plaatsvervanger) stap.taak('werkgever', 'plaatsvervanger-aanwijzen', addWorkingDays(d, 10));
      break;
    }
    case 'plaatsvervanger':
      stap.zet({ werkgever: { ...s.werkgever, plaatsvervanger: o.plaatsvervanger } });
      stap.gebeurt(d, 'plaatsvervanger-aangewezen');
      break;
  }
  return stap.uitkomst();
}

/**
 * The next date on which the passing of time changes something (the workflow sleeps until its
 * Dutch midnight), or undefined when nothing is scheduled.
 */
export function volgendMoment(s: PlaatsingState): IsoDate | undefined {
  return termijnen(s)
    .filter((t) => t.soort !== 'evaluatie-proefplaatsing' || !s.proefplaatsing?.herinnerd)
    .filter((t) => t.soort !== 'herbeoordeling-subsidie' || !s.subsidie?.herbeoordelingGevraagd)
    .map((t) => t.datum)
    .sort()[0];
}

/** The upcoming deadlines and appointments, soonest first: what the employer, jobcoach and gemeente see. */
export function termijnen(s: PlaatsingState): Termijn[] {
  if (isAfgelopen(s)) return [];
  const t: Termijn[] = [];
  const p = s.proefplaatsing;
  if (s.fase === 'proefplaatsing' && p) {
    t.push({ soort: 'evaluatie-proefplaatsing', datum: p.evaluatieUiterlijk, wie: ['werkgever', 'jobcoach'] });
    t.push({ soort: 'einde-proefplaatsing', datum: p.einde, wie: ['werkgever', 'jobcoach'] });
  }
  if ((s.fase === 'proefplaatsing' || s.fase === 'in-dienst') && s.volgendeCheckin)
    t.push({ soort: 'checkin', datum: s.volgendeCheckin, wie: ['jobcoach', 'werkgever'] });
  if (s.subsidie && (s.fase === 'contract' || s.fase === 'in-dienst')) {
    t.push({ soort: 'herbeoordeling-subsidie', datum: s.subsidie.volgendeHerbeoordeling, wie: ['gemeente'] });
    t.push({ soort: 'einde-subsidie', datum: s.subsidie.einde, wie: ['gemeente', 'werkgever'] });
  }
  if (s.fase === 'in-dienst') {
    if (s.contract?.einde) t.push({ soort: 'einde-contract', datum: s.contract.einde, wie: ['werkgever'] });
    for (const c of s.duurzaamheidschecks) t.push({ soort: 'duurzaamheidscheck', datum: c.datum, wie: ['jobcoach'] });
  }
  return t.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
}

/**
 * Applies the passing of time up to and including `vandaag`: the evaluation reminder, the end of
 * an unevaluated proefplaatsing, check-in reminders on the cadence, the subsidy's re-assessment
 * request and its end, the end of a fixed-term contract, and the lasting-placement checks (the
 * last one ends the placement as `duurzaam`). Pure.
 */
export function verwerkTijd(s: PlaatsingState, vandaag: IsoDate): PlaatsingUitkomst {
  const stap = new Stap(s);
  for (let guard = 0; guard < 500 && !isAfgelopen(stap.s); guard++) {
    const moment = volgendMoment(stap.s);
    if (moment === undefined || moment > vandaag) break;
    const c = stap.s;
    const i = c.instellingen;
    const p = c.proefplaatsing;
    if (c.fase === 'proefplaatsing' && p && p.einde <= moment) {
      stap.gebeurt(moment, 'proefplaatsing-verlopen', { einde: p.einde });
      stap.terug(moment, 'proefplaatsing-verlopen');
    } else if (c.fase === 'proefplaatsing' && p && !p.herinnerd && p.evaluatieUiterlijk <= moment) {
      stap.zet({ proefplaatsing: { ...p, herinnerd: true } });
      stap.gebeurt(moment, 'evaluatie-proefplaatsing-nodig', { einde: p.einde });
      stap.taak('jobcoach', 'evaluatie-proefplaatsing', p.einde);
      stap.taak('werkgever', 'evaluatie-proefplaatsing', p.einde);
    } else if (c.subsidie && c.subsidie.einde <= moment && (c.fase === 'contract' || c.fase === 'in-dienst')) {
      stap.gebeurt(moment, 'subsidie-afgelopen', { einde: c.subsidie.einde });
      stap.zet({ subsidie: undefined });
      stap.terug(moment, 'subsidie-beeindigd');
    } else if (c.subsidie && !c.subsidie.herbeoordelingGevraagd && c.subsidie.volgendeHerbeoordeling <= moment) {
      stap.zet({ subsidie: { ...c.subsidie, herbeoordelingGevraagd: true } });
      stap.gebeurt(moment, 'herbeoordeling-subsidie-nodig', { percentage: c.subsidie.percentage });
      stap.taak('gemeente', 'herbeoordeling-subsidie', addWorkingDays(moment, 20));
    } else if (c.fase === 'in-dienst' && c.contract?.einde && c.contract.einde <= moment) {
      stap.gebeurt(moment, 'contract-afgelopen', { einde: c.contract.einde });
      stap.terug(moment, 'contract-niet-verlengd');
    } else if (c.fase === 'in-dienst' && c.duurzaamheidschecks[0] && c.duurzaamheidschecks[0].datum <= moment) {
      const [check, ...rest] = c.duurzaamheidschecks;
      stap.zet({ duurzaamheidschecks: rest });
      stap.gebeurt(moment, 'duurzaamheidscheck', { maanden: check.maanden, inDienst: true });
      if (rest.length === 0) {
        stap.zet({ fase: 'duurzaam', volgendeCheckin: undefined });
        stap.gebeurt(moment, 'plaatsing-duurzaam', { maanden: check.maanden });
      }
    } else if (c.volgendeCheckin && c.volgendeCheckin <= moment) {
      stap.zet({ volgendeCheckin: addDays(c.volgendeCheckin, 7 * i.checkinWeken) });
      stap.gebeurt(moment, 'checkin-gepland', {});
      stap.taak('jobcoach', 'checkin', addWorkingDays(moment, 5));
    } else {
      break;
    }
  }
  return stap.uitkomst();
}
