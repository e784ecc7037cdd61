import { addMonths, addWorkingDays, addDays, type IsoDate, isIsoDate, workingDayOnOrAfter, workingDaysBetween } from '@ketenregie/shared-kernel';
import {
  type Fase,
  isEerder,
  isFase,
  type PauzeReden,
  PAUZE_REDENEN,
  terugvalDoelen,
  type TrajectStatus,
  type UitvalReden,
  UITVAL_REDENEN,
  volgendeFase,
  VERVOLG_SOORTEN,
  type VervolgSoort,
} from './fase';
import { hoogsteSubtrede, type Meting, valideerMeting } from './instrumenten';
import { type PlanInvoer, type PlanVanAanpak, valideerPlan } from './plan-van-aanpak';
import { type ProgrammaDefinitie } from './programma';
import { escalatieOp, type Termijn, type TermijnSoort, type Verantwoordelijke, verlopenOp, verschuif } from './termijn';
import { trajectError } from './traject.errors';

/** Lead of a traject: the regievoerder (opaque professional id) and the lead organisation. */
export interface Regie {
  readonly regievoerderId: string;
  readonly organisatieId: string;
}

/** The coach carrying out the traject and their organisation (uitvoerder). */
export interface Coach {
  readonly coachId: string;
  readonly organisatieId: string;
}

/** Kind of timeline event. */
export type GebeurtenisSoort =
  | 'aangemeld'
  | 'coach-toegewezen'
  | 'fase-gewijzigd'
  | 'contactpoging'
  | 'contactmoment'
  | 'no-show'
  | 'kennismaking-afgerond'
  | 'meting'
  | 'plan-vastgesteld'
  | 'plan-ondertekend'
  | 'evaluatie'
  | 'afgerond'
  | 'gepauzeerd'
  | 'hervat'
  | 'uitgevallen'
  | 'terugval'
  | 'heropend'
  | 'regie-gewijzigd'
  | 'coach-gewijzigd'
  | 'verlengd'
  | 'termijn-verlopen'
  | 'geescaleerd'
  | 'casuistiekoverleg-geagendeerd'
  | 'casuistiekoverleg-gehouden'
  | 'overdracht-aangevraagd'
  | 'overdracht-beeindigd'
  | 'afgesloten';

/** Scalar details of an event: codes, ids, counts, dates — never names, BSN or free text. */
export type GebeurtenisGegevens = Readonly<Record<string, string | number | boolean>>;

/**
 * Who issued a command: the professional's opaque subject id, organisation and role, as the
 * service verified them (never taken from a request body). Recorded on the timeline as
 * `doorSub`, `doorOrganisatie` and `doorRol`.
 */
export interface Uitvoerder {
  readonly sub: string;
  readonly organisatie: string;
  readonly rol: string;
}

/** One entry of the traject's timeline. */
export interface TijdlijnGebeurtenis {
  /** Sequence number within the traject, strictly increasing. */
  readonly nr: number;
  readonly datum: IsoDate;
  readonly soort: GebeurtenisSoort;
  /** Phase after the event. */
  readonly fase: Fase;
  readonly gegevens: GebeurtenisGegevens;
}

/**
 * Side effects the traject asks for; the workflow turns them into activities. Each carries an
 * id that is unique within the traject, to derive an idempotency key from.
 */
export type TrajectActie =
  /** Put a task on a professional's list. */
  | {
      readonly soort: 'taak';
      readonly id: string;
      readonly termijnId: string;
      readonly taak: TermijnSoort;
      readonly voor: Verantwoordelijke;
      readonly toegewezenAan: string;
      readonly vervalt: IsoDate;
    }
  /** The deadline is overdue: signal it on the responsible professional's list. */
  | {
      readonly soort: 'termijn-verlopen';
      readonly id: string;
      readonly termijnId: string;
      readonly taak: TermijnSoort;
      readonly toegewezenAan: string;
      readonly vervalt: IsoDate;
    }
  /** Still overdue after the grace period: escalate to the regievoerder. */
  | {
      readonly soort: 'escalatie';
      readonly id: string;
      readonly termijnId: string;
      readonly taak: TermijnSoort;
      readonly regievoerderId: string;
      readonly vervalt: IsoDate;
    }
  /** The deadline is met or no longer applies: close its task and signals. */
  | { readonly soort: 'taak-afgerond'; readonly id: string; readonly termijnId: string }
  /** Move this traject's open tasks from one professional to another (regie change, coach leaves). */
  | { readonly soort: 'taken-overdragen'; readonly id: string; readonly rol: Verantwoordelijke; readonly van: string; readonly naar: string }
  /** Inform a professional (uitval, afronding hand-back, heropening). */
  | { readonly soort: 'melding'; readonly id: string; readonly aan: string; readonly onderwerp: 'uitval' | 'afronding' | 'heropening' | 'terugval' };

/** Outreach (contact leggen) counters. */
export interface OutreachStand {
  readonly belpogingen: number;
  readonly huisbezoekGevraagd: boolean;
  readonly weigeringen: number;
}

/** The whole state of a traject: serialisable, carried across continue-as-new. */
export interface TrajectState {
  readonly trajectId: string;
  readonly programma: { readonly code: string; readonly versie: number };
  readonly fase: Fase;
  readonly status: TrajectStatus;
  readonly startdatum: IsoDate;
  readonly geplandeEinddatum: IsoDate;
  readonly verlengingen: number;
  readonly regie: Regie;
  readonly coach?: Coach;
  readonly outreach: OutreachStand;
  readonly kennismakingsgesprekken: number;
  readonly noShows: number;
  readonly laatsteContact?: IsoDate;
  readonly plan?: PlanVanAanpak;
  readonly metingen: readonly Meting[];
  readonly t0?: IsoDate;
  readonly t1?: IsoDate;
  readonly evaluaties: readonly { readonly nr: number; readonly datum: IsoDate; readonly besluit: 'doorgaan' | 'afronden' }[];
  readonly pauze?: { readonly sinds: IsoDate; readonly reden: PauzeReden };
  readonly gepauzeerdeWerkdagen: number;
  readonly uitval?: { readonly datum: IsoDate; readonly reden: UitvalReden };
  readonly afronding?: {
    readonly datum: IsoDate;
    readonly vervolg: { readonly soort: VervolgSoort; readonly omschrijving: string };
    readonly overdrachtAanOrganisatieId?: string;
  };
  readonly heropeningen: number;
  readonly termijnen: readonly Termijn[];
  /** Counter for event numbers, deadline ids and action ids. */
  readonly teller: number;
  readonly laatsteDatum: IsoDate;
  readonly tijdlijn: readonly TijdlijnGebeurtenis[];
}

/** Starting a traject after an aanmelding. */
export interface StartInvoer {
  /** Opaque id (never a BSN or a name). */
  readonly trajectId: string;
  readonly datum: IsoDate;
  readonly regie: Regie;
  readonly coach?: Coach;
  /** Coded reason of the referral (e.g. `activering`, `zorg-en-participatie`). */
  readonly aanmeldreden: string;
}

/** A command on a running traject. Every command carries the business date it happened on. */
export type TrajectOpdracht =
  | { readonly soort: 'coach-toewijzen'; readonly datum: IsoDate; readonly coach: Coach }
  | {
      readonly soort: 'contactpoging';
      readonly datum: IsoDate;
      readonly kanaal: 'telefoon' | 'brief' | 'huisbezoek' | 'app';
      readonly uitkomst: 'geen-gehoor' | 'geweigerd' | 'afspraak-gemaakt' | 'onjuist-adres';
    }
  | {
      readonly soort: 'contactmoment';
      readonly datum: IsoDate;
      readonly vorm: 'gesprek' | 'huisbezoek' | 'telefonisch' | 'app' | 'groep';
      readonly verschenen: boolean;
      readonly minuten?: number;
      /** Coded intervention or referral (schuldhulp, wmo, ggz, huisarts, vrijwilligerswerk, werkgever …). */
      readonly interventie?: string;
    }
  | { readonly soort: 'kennismaking-afronden'; readonly datum: IsoDate; readonly klik: boolean }
  | { readonly soort: 'diagnose'; readonly datum: IsoDate; readonly metingen: readonly Meting[] }
  | { readonly soort: 'plan'; readonly datum: IsoDate; readonly plan: PlanInvoer }
  | { readonly soort: 'meting'; readonly datum: IsoDate; readonly metingen: readonly Meting[] }
  | { readonly soort: 'evaluatie'; readonly datum: IsoDate; readonly metingen?: readonly Meting[]; readonly besluit: 'doorgaan' | 'afronden' }
  | { readonly soort: 'afronding-starten'; readonly datum: IsoDate }
  | {
      readonly soort: 'afronding';
      readonly datum: IsoDate;
      readonly vervolg: { readonly soort: VervolgSoort; readonly omschrijving: string };
      readonly overdrachtAanOrganisatieId?: string;
    }
  | { readonly soort: 'pauze'; readonly datum: IsoDate; readonly reden: PauzeReden }
  | { readonly soort: 'hervatting'; readonly datum: IsoDate }
  | { readonly soort: 'uitval'; readonly datum: IsoDate; readonly reden: UitvalReden }
  | { readonly soort: 'terugval'; readonly datum: IsoDate; readonly naarFase: Fase }
  | { readonly soort: 'heropening'; readonly datum: IsoDate; readonly naarFase?: Fase }
  | { readonly soort: 'regiewissel'; readonly datum: IsoDate; readonly regie: Regie }
  | { readonly soort: 'coachwissel'; readonly datum: IsoDate; readonly coach: Coach; readonly reden: 'vertrek' | 'geen-klik' | 'overig' }
  | { readonly soort: 'verlenging'; readonly datum: IsoDate }
  | {
      /** The regievoerder records a case meeting the traject was discussed in, and which organisations attended (never persons). */
      readonly soort: 'casuistiekoverleg';
      readonly datum: IsoDate;
      /** Organisation ids involved in the traject on the day (the service fills them in from its own data, never from a body). */
      readonly genodigd: readonly string[];
      /** The invited organisations that attended. */
      readonly aanwezig: readonly string[];
    };

/** Kind of command. */
export type OpdrachtSoort = TrajectOpdracht['soort'];

/** Result of a start, a command or the passing of time. */
export interface TrajectUitkomst {
  readonly state: TrajectState;
  /** New timeline entries (also appended to `state.tijdlijn`). */
  readonly gebeurtenissen: readonly TijdlijnGebeurtenis[];
  readonly acties: readonly TrajectActie[];
}

type ZonderId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Commands accepted while paused. */
const TIJDENS_PAUZE: readonly OpdrachtSoort[] = ['hervatting', 'uitval', 'regiewissel', 'coachwissel', 'meting'];

class Draft {
  readonly s: Mutable<TrajectState>;
  readonly gebeurtenissen: TijdlijnGebeurtenis[] = [];
  readonly acties: TrajectActie[] = [];

  constructor(
    state: TrajectState,
    readonly p: ProgrammaDefinitie,
    /** Who issued the command, recorded on every event it causes. */
    readonly door?: Uitvoerder,
  ) {
    this.s = { ...state, termijnen: [...state.termijnen], tijdlijn: [...state.tijdlijn] };
  }

  volgnummer(): number {
    this.s.teller += 1;
    return this.s.teller;
  }

  gebeurtenis(datum: IsoDate, soort: GebeurtenisSoort, gegevens: GebeurtenisGegevens = {}): void {
    const door: GebeurtenisGegevens = this.door ? { doorSub: this.door.sub, doorOrganisatie: this.door.organisatie, doorRol: this.door.rol } : {};
    const g: TijdlijnGebeurtenis = { nr: this.volgnummer(), datum, soort, fase: this.s.fase, gegevens: { ...gegevens, ...door } };
    this.gebeurtenissen.push(g);
    (this.s.tijdlijn as TijdlijnGebeurtenis[]).push(g);
    if (datum > this.s.laatsteDatum) this.s.laatsteDatum = datum;
  }

  actie(a: ZonderId<TrajectActie>): void {
    this.acties.push({ ...a, id: `a${this.volgnummer()}` } as TrajectActie);
  }

  persoon(voor: Verantwoordelijke): string {
    return voor === 'coach' && this.s.coach ? this.s.coach.coachId : this.s.regie.regievoerderId;
  }

  termijn(soort: TermijnSoort, voor: Verantwoordelijke, vervalt: IsoDate, opties: { taakVanaf?: IsoDate; fase?: Fase } = {}): Termijn {
    const t: Termijn = {
      id: `t${this.volgnummer()}`,
      soort,
      voor,
      vervalt,
      taakVanaf: opties.taakVanaf,
      fase: opties.fase,
      taakAangemaakt: false,
      verlopenGemeld: false,
      geescaleerd: false,
    };
    (this.s.termijnen as Termijn[]).push(t);
    return t;
  }

  /** Removes deadlines matching `filter`; closes their tasks when any were raised. */
  vervul(filter: (t: Termijn) => boolean): Termijn[] {
    const weg = this.s.termijnen.filter(filter);
    this.s.termijnen = this.s.termijnen.filter((t) => !filter(t));
    for (const t of weg) if (t.taakAangemaakt || t.verlopenGemeld) this.actie({ soort: 'taak-afgerond', termijnId: t.id });
    return weg;
  }

  werkdagen(datum: IsoDate, n: number): IsoDate {
    return addWorkingDays(datum, n, this.p.kalender);
  }

  werkdagOpOfNa(datum: IsoDate): IsoDate {
    return workingDayOnOrAfter(datum, this.p.kalender);
  }

  /** Leaves the current phase and enters `fase` on `datum`, creating the new phase's deadlines. */
  naarFase(fase: Fase, datum: IsoDate, gegevens: GebeurtenisGegevens = {}): void {
    const van = this.s.fase;
    this.vervul((t) => t.fase !== undefined && t.fase !== fase);
    this.s.fase = fase;
    this.gebeurtenis(datum, 'fase-gewijzigd', { van, naar: fase, ...gegevens });
    const max = this.p.faseTermijnWerkdagen[fase];
    const maxMaanden = this.p.faseTermijnMaanden?.[fase];
    if (max !== undefined) this.termijn('fase', 'coach', this.werkdagen(datum, max), { fase });
    else if (maxMaanden !== undefined) this.termijn('fase', 'coach', this.werkdagOpOfNa(addMonths(datum, maxMaanden)), { fase });
    const overleg = this.p.casuistiekoverleg;
    if (overleg && fase === (overleg.vanafFase ?? 'uitvoering') && !this.s.termijnen.some((t) => t.soort === 'casuistiekoverleg')) this.overlegNa(datum);
    if (fase === 'afronding' || fase === 'nazorg') this.vervul((t) => t.soort === 'casuistiekoverleg' || t.soort === 'ladder-herbeoordeling');
    switch (fase) {
      case 'contact-leggen':
        this.s.outreach = { belpogingen: 0, huisbezoekGevraagd: false, weigeringen: 0 };
        this.termijn('eerste-contact', 'coach', this.werkdagen(datum, this.p.outreach.eersteContactBinnenWerkdagen), { taakVanaf: datum, fase });
        break;
      case 'kennismaking':
        this.s.kennismakingsgesprekken = 0;
        break;
      case 'uitvoering':
        this.evaluatieTermijn(datum);
        this.contactTermijn(datum);
        break;
      case 'nazorg': {
        this.vervul((t) => t.soort === 'einddatum' || t.soort === 't1-meting');
        const nz = this.p.nazorg;
        if (nz) {
          for (const m of nz.checkInsNaMaanden) {
            const op = this.werkdagOpOfNa(addMonths(datum, m));
            this.termijn('nazorg-checkin', 'coach', this.werkdagen(op, nz.checkInBinnenWerkdagen), { taakVanaf: op, fase });
          }
          this.termijn('nazorg-einde', 'coach', addMonths(datum, nz.duurMaanden), { fase });
        }
        break;
      }
      case 'afgesloten':
        this.vervul(() => true);
        this.s.status = 'afgesloten';
        this.gebeurtenis(datum, 'afgesloten');
        break;
      default:
        break;
    }
  }

  evaluatieTermijn(vanaf: IsoDate): void {
    const due = this.werkdagOpOfNa(addMonths(vanaf, this.p.evaluatie.intervalMaanden));
    this.termijn('evaluatie', 'coach', due, { taakVanaf: this.werkdagen(due, -this.p.evaluatie.aankondigingWerkdagen), fase: 'uitvoering' });
  }

  /** The next case meeting after `na`, on a working day, with its agenda item announced beforehand. */
  overlegNa(na: IsoDate): void {
    const o = this.p.casuistiekoverleg as NonNullable<ProgrammaDefinitie['casuistiekoverleg']>;
    const op = this.werkdagOpOfNa(o.elkeWeken !== undefined ? addDays(na, 7 * o.elkeWeken) : addMonths(na, o.elkeMaanden as number));
    const vooraf = Math.min(OVERLEG_AGENDA_WERKDAGEN_VOORAF, Math.max(0, workingDaysBetween(na, op, this.p.kalender) - 1));
    this.termijn('casuistiekoverleg', 'regievoerder', op, { taakVanaf: this.werkdagen(op, -vooraf) });
  }

  /** The next ladder review, `ladderHerbeoordelingMaanden` after the latest ladder score. */
  ladderHerbeoordeling(na: IsoDate): void {
    const n = this.p.instrumenten.ladderHerbeoordelingMaanden;
    if (n === undefined) return;
    this.vervul((t) => t.soort === 'ladder-herbeoordeling');
    const op = this.werkdagOpOfNa(addMonths(na, n));
    this.termijn('ladder-herbeoordeling', 'regievoerder', op, { taakVanaf: this.werkdagen(op, -this.p.evaluatie.aankondigingWerkdagen) });
  }

  contactTermijn(vanaf: IsoDate): void {
    this.vervul((t) => t.soort === 'contactmoment');
    const due = this.werkdagen(vanaf, this.p.contact.maxIntervalWerkdagen);
    this.termijn('contactmoment', 'coach', due, { taakVanaf: this.werkdagen(due, -2), fase: 'uitvoering' });
  }

  einddatumTermijn(): void {
    this.vervul((t) => t.soort === 'einddatum');
    const eind = this.s.geplandeEinddatum;
    this.termijn('einddatum', 'regievoerder', eind, { taakVanaf: this.werkdagen(eind, -this.p.einddatumAankondigingWerkdagen) });
  }

  resultaat(): TrajectUitkomst {
    return { state: this.s, gebeurtenissen: this.gebeurtenissen, acties: this.acties };
  }
}

function eisDatum(datum: unknown, vandaag: IsoDate, laatste?: IsoDate): asserts datum is IsoDate {
  if (!isIsoDate(datum)) throw trajectError('TRAJECT.DATE_INVALID', 'The date must be YYYY-MM-DD', { datum: 'YYYY-MM-DD' });
  if (datum > vandaag) throw trajectError('TRAJECT.DATE_IN_FUTURE', 'A command cannot be dated in the future', { datum: `on or before ${vandaag}` });
  if (laatste !== undefined && datum < laatste) {
    throw trajectError('TRAJECT.DATE_INVALID', 'A command cannot be dated before the last event of the traject', { datum: `on or after ${laatste}` });
  }
}

function eisFase(s: TrajectState, ...fasen: Fase[]): void {
  if (!fasen.includes(s.fase)) {
    throw trajectError('TRAJECT.PHASE_INVALID', `Not allowed in phase ${s.fase}; expected ${fasen.join(' or ')}`);
  }
}

function eisProgramma(s: TrajectState, p: ProgrammaDefinitie): void {
  if (s.programma.code !== p.code || s.programma.versie !== p.versie) {
    throw trajectError('TRAJECT.PROGRAMME_MISMATCH', `The traject runs ${s.programma.code}@${s.programma.versie}, not ${p.code}@${p.versie}`);
  }
}

/** Working days before a case meeting on which its agenda item appears on the regievoerder's list. */
export const OVERLEG_AGENDA_WERKDAGEN_VOORAF = 5;

const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Starts a traject on an aanmelding. With a coach the traject enters contact-leggen at once;
 * without one it waits in aanmelding with a deadline for the regievoerder to assign a coach.
 */
export function startTraject(invoer: StartInvoer, p: ProgrammaDefinitie, vandaag: IsoDate): TrajectUitkomst {
  if (!OPAQUE_ID.test(invoer.trajectId ?? ''))
    throw trajectError('TRAJECT.ID_INVALID', 'A traject id is an opaque token of letters, digits, - and _', { trajectId: 'opaque id' });
  eisDatum(invoer.datum, vandaag);
  const leeg: TrajectState = {
    trajectId: invoer.trajectId,
    programma: { code: p.code, versie: p.versie },
    fase: 'aanmelding',
    status: 'actief',
    startdatum: invoer.datum,
    geplandeEinddatum: addMonths(invoer.datum, p.duur.maxMaanden),
    verlengingen: 0,
    regie: invoer.regie,
    coach: undefined,
    outreach: { belpogingen: 0, huisbezoekGevraagd: false, weigeringen: 0 },
    kennismakingsgesprekken: 0,
    noShows: 0,
    metingen: [],
    evaluaties: [],
    gepauzeerdeWerkdagen: 0,
    heropeningen: 0,
    termijnen: [],
    teller: 0,
    laatsteDatum: invoer.datum,
    tijdlijn: [],
  };
  const d = new Draft(leeg, p);
  d.gebeurtenis(invoer.datum, 'aangemeld', {
    programma: p.code,
    programmaVersie: p.versie,
    aanmeldreden: invoer.aanmeldreden,
    regievoerderId: invoer.regie.regievoerderId,
    organisatieId: invoer.regie.organisatieId,
  });
  d.einddatumTermijn();
  if (invoer.coach) {
    d.s.coach = invoer.coach;
    d.gebeurtenis(invoer.datum, 'coach-toegewezen', { coachId: invoer.coach.coachId, organisatieId: invoer.coach.organisatieId });
    d.naarFase('contact-leggen', invoer.datum);
  } else {
    d.termijn('coach-toewijzen', 'regievoerder', d.werkdagen(invoer.datum, p.outreach.eersteContactBinnenWerkdagen), {
      taakVanaf: invoer.datum,
      fase: 'aanmelding',
    });
  }
  return verwerkTijdIn(d, vandaag);
}

/**
 * Applies `opdracht` on `vandaag` (the workflow's current Dutch date) and then lets time catch
 * up to `vandaag`. Pure: the input state is not modified. Throws a `TRAJECT.*` {@link DomainError}
 * when the command is not allowed, so a workflow update validator can call it to reject early.
 */
export function voerUit(state: TrajectState, opdracht: TrajectOpdracht, p: ProgrammaDefinitie, vandaag: IsoDate, door?: Uitvoerder): TrajectUitkomst {
  eisProgramma(state, p);
  const o = opdracht;
  eisDatum(o.datum, vandaag, state.laatsteDatum);
  if (state.status === 'uitgevallen' || state.status === 'afgesloten') {
    if (o.soort !== 'heropening') throw trajectError('TRAJECT.STATUS_INVALID', `The traject is ${state.status}; only a heropening is possible`);
  } else if (o.soort === 'heropening') {
    throw trajectError('TRAJECT.STATUS_INVALID', 'Only a dropped-out or closed traject can be reopened');
  }
  if (state.status === 'gepauzeerd' && o.soort === 'pauze') throw trajectError('TRAJECT.ALREADY_PAUSED', 'The traject is already paused');
  if (state.status === 'gepauzeerd' && !TIJDENS_PAUZE.includes(o.soort)) {
    throw trajectError('TRAJECT.STATUS_INVALID', `The traject is paused; allowed: ${TIJDENS_PAUZE.join(', ')}`);
  }
  if (state.pauze && o.datum < state.pauze.sinds) {
    throw trajectError('TRAJECT.DATE_BEFORE_PAUSE', 'The date lies before the start of the pause', { datum: `on or after ${state.pauze.sinds}` });
  }

  const d = new Draft(state, p, door);
  const s = d.s;
  switch (o.soort) {
    case 'coach-toewijzen': {
      eisFase(state, 'aanmelding');
      s.coach = o.coach;
      d.gebeurtenis(o.datum, 'coach-toegewezen', { coachId: o.coach.coachId, organisatieId: o.coach.organisatieId });
      d.naarFase('contact-leggen', o.datum);
      break;
    }
    case 'contactpoging': {
      eisFase(state, 'contact-leggen');
      const ob = { ...s.outreach };
      d.vervul((t) => ['eerste-contact', 'contactpoging', 'herbenadering'].includes(t.soort) || (o.kanaal === 'huisbezoek' && t.soort === 'huisbezoek'));
      const po = p.outreach;
      if (o.uitkomst === 'geen-gehoor' || o.uitkomst === 'onjuist-adres') {
        if (o.kanaal === 'telefoon' || o.kanaal === 'app') ob.belpogingen += 1;
        const naarHuisbezoek = o.uitkomst === 'onjuist-adres' || ob.belpogingen >= po.maxBelpogingen;
        if (naarHuisbezoek && !ob.huisbezoekGevraagd) {
          ob.huisbezoekGevraagd = true;
          d.termijn('huisbezoek', 'coach', d.werkdagen(o.datum, po.huisbezoekBinnenWerkdagen), { taakVanaf: o.datum, fase: 'contact-leggen' });
        } else {
          const volgende = d.werkdagen(o.datum, po.belpogingIntervalWerkdagen);
          d.termijn('contactpoging', 'coach', d.werkdagen(volgende, po.belpogingIntervalWerkdagen), { taakVanaf: volgende, fase: 'contact-leggen' });
        }
      } else if (o.uitkomst === 'geweigerd') {
        ob.weigeringen += 1;
        if (ob.weigeringen > po.maxHerbenaderingen) {
          d.termijn('besluit-herbenadering', 'regievoerder', d.werkdagen(o.datum, p.overdrachtBinnenWerkdagen), { taakVanaf: o.datum, fase: 'contact-leggen' });
        } else {
          const op = d.werkdagOpOfNa(addMonths(o.datum, po.herbenaderingNaWeigeringMaanden));
          d.termijn('herbenadering', 'coach', d.werkdagen(op, po.belpogingIntervalWerkdagen), { taakVanaf: op, fase: 'contact-leggen' });
        }
      }
      s.outreach = ob;
      d.gebeurtenis(o.datum, 'contactpoging', { kanaal: o.kanaal, uitkomst: o.uitkomst, belpogingen: ob.belpogingen, weigeringen: ob.weigeringen });
      if (o.uitkomst === 'afspraak-gemaakt') {
        s.laatsteContact = o.datum;
        d.naarFase(volgendeFase('contact-leggen', p.fasen) as Fase, o.datum);
      }
      break;
    }
    case 'contactmoment': {
      eisFase(state, 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg');
      if (o.minuten !== undefined && (!Number.isInteger(o.minuten) || o.minuten <= 0)) {
        throw trajectError('TRAJECT.DATE_INVALID', 'Minutes must be a positive integer', { minuten: 'positive integer' });
      }
      if (!o.verschenen) {
        s.noShows += 1;
        d.gebeurtenis(o.datum, 'no-show', { vorm: o.vorm, noShows: s.noShows });
        d.termijn('no-show-opvolging', 'coach', d.werkdagen(o.datum, p.noShow.opvolgingBinnenWerkdagen), { taakVanaf: o.datum });
        break;
      }
      d.vervul((t) => t.soort === 'no-show-opvolging');
      s.laatsteContact = o.datum;
      if (state.fase === 'kennismaking') s.kennismakingsgesprekken += 1;
      const gegevens: Record<string, string | number | boolean> = { vorm: o.vorm };
      if (o.minuten !== undefined) gegevens['minuten'] = o.minuten;
      if (o.interventie) gegevens['interventie'] = o.interventie;
      if (state.fase === 'kennismaking') {
        gegevens['gesprek'] = s.kennismakingsgesprekken;
        if (s.kennismakingsgesprekken > p.kennismaking.maxGesprekken) gegevens['meerDanGebruikelijk'] = true;
      }
      d.gebeurtenis(o.datum, 'contactmoment', gegevens);
      if (state.fase === 'uitvoering') d.contactTermijn(o.datum);
      if (state.fase === 'nazorg') {
        const open = s.termijnen.filter((t) => t.soort === 'nazorg-checkin').sort((a, b) => (a.vervalt < b.vervalt ? -1 : 1))[0];
        if (open) d.vervul((t) => t.id === open.id);
      }
      break;
    }
    case 'kennismaking-afronden': {
      eisFase(state, 'kennismaking');
      d.gebeurtenis(o.datum, 'kennismaking-afgerond', { klik: o.klik, gesprekken: s.kennismakingsgesprekken });
      if (o.klik) d.naarFase(volgendeFase('kennismaking', p.fasen) as Fase, o.datum);
      else uitvallen(d, o.datum, 'geen-klik');
      break;
    }
    case 'diagnose': {
      eisFase(state, 'diagnose');
      registreerMetingen(d, o.metingen, o.datum, vandaag, true);
      s.t0 = o.datum;
      d.vervul((t) => t.soort === 't1-meting');
      const t1 = d.werkdagOpOfNa(addMonths(o.datum, p.evaluatie.t1NaMaanden));
      d.termijn('t1-meting', 'coach', t1, { taakVanaf: d.werkdagen(t1, -p.evaluatie.aankondigingWerkdagen) });
      d.naarFase(volgendeFase('diagnose', p.fasen) as Fase, o.datum, { meetmoment: 'T0' });
      break;
    }
    case 'plan': {
      eisFase(state, 'plan-van-aanpak');
      valideerPlan(o.plan, { maxGasDoelen: p.plan.maxGasDoelen, vandaag });
      const versie = (s.plan?.versie ?? 0) + 1;
      s.plan = { ...o.plan, versie };
      d.gebeurtenis(o.datum, 'plan-vastgesteld', { versie, doelen: o.plan.doelen.length, gasDoelen: o.plan.gasDoelen.length });
      if (o.plan.ondertekening) {
        d.gebeurtenis(o.plan.ondertekening.datum > o.datum ? o.plan.ondertekening.datum : o.datum, 'plan-ondertekend', {
          versie,
          door: o.plan.ondertekening.door,
        });
        d.naarFase(volgendeFase('plan-van-aanpak', p.fasen) as Fase, o.datum);
      }
      break;
    }
    case 'meting': {
      eisFase(state, 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg');
      registreerMetingen(d, o.metingen, o.datum, vandaag, false);
      break;
    }
    case 'evaluatie': {
      eisFase(state, 'uitvoering');
      if (o.besluit !== 'doorgaan' && o.besluit !== 'afronden')
        throw trajectError('TRAJECT.DATE_INVALID', 'besluit is doorgaan or afronden', { besluit: 'doorgaan | afronden' });
      if (o.metingen && o.metingen.length > 0) registreerMetingen(d, o.metingen, o.datum, vandaag, false);
      const nr = s.evaluaties.length + 1;
      s.evaluaties = [...s.evaluaties, { nr, datum: o.datum, besluit: o.besluit }];
      s.laatsteContact = o.datum;
      d.vervul((t) => t.soort === 'evaluatie');
      d.gebeurtenis(o.datum, 'evaluatie', { nr, besluit: o.besluit });
      d.contactTermijn(o.datum);
      if (o.besluit === 'afronden' && p.fasen.includes('afronding')) d.naarFase('afronding', o.datum);
      else d.evaluatieTermijn(o.datum);
      break;
    }
    case 'afronding-starten': {
      eisFase(state, 'uitvoering');
      if (!p.fasen.includes('afronding')) throw trajectError('TRAJECT.PHASE_INVALID', 'This programme has no afronding phase; record the afronding directly');
      d.naarFase('afronding', o.datum);
      break;
    }
    case 'afronding': {
      eisFase(state, 'uitvoering', 'afronding');
      if (!o.vervolg || !VERVOLG_SOORTEN.includes(o.vervolg.soort) || typeof o.vervolg.omschrijving !== 'string' || o.vervolg.omschrijving.trim() === '') {
        throw trajectError('TRAJECT.NEXT_STEP_REQUIRED', 'Afronding requires a concrete next step', {
          'vervolg.soort': VERVOLG_SOORTEN.join(' | '),
          'vervolg.omschrijving': 'required',
        });
      }
      s.afronding = { datum: o.datum, vervolg: o.vervolg, overdrachtAanOrganisatieId: o.overdrachtAanOrganisatieId };
      const gegevens: Record<string, string> = { vervolg: o.vervolg.soort };
      if (o.overdrachtAanOrganisatieId) gegevens['overdrachtAan'] = o.overdrachtAanOrganisatieId;
      d.gebeurtenis(o.datum, 'afgerond', gegevens);
      d.actie({ soort: 'melding', aan: s.regie.regievoerderId, onderwerp: 'afronding' });
      d.naarFase(p.nazorg ? 'nazorg' : 'afgesloten', o.datum);
      break;
    }
    case 'pauze': {
      if (state.status === 'gepauzeerd') throw trajectError('TRAJECT.ALREADY_PAUSED', 'The traject is already paused');
      if (!PAUZE_REDENEN.includes(o.reden)) throw trajectError('TRAJECT.DATE_INVALID', 'Unknown pause reason', { reden: PAUZE_REDENEN.join(' | ') });
      s.status = 'gepauzeerd';
      s.pauze = { sinds: o.datum, reden: o.reden };
      d.gebeurtenis(o.datum, 'gepauzeerd', { reden: o.reden });
      break;
    }
    case 'hervatting': {
      if (state.status !== 'gepauzeerd' || !state.pauze) throw trajectError('TRAJECT.NOT_PAUSED', 'The traject is not paused');
      hervat(d, o.datum);
      break;
    }
    case 'uitval': {
      if (!UITVAL_REDENEN.includes(o.reden)) throw trajectError('TRAJECT.DATE_INVALID', 'Unknown drop-out reason', { reden: UITVAL_REDENEN.join(' | ') });
      if (state.status === 'gepauzeerd') hervat(d, o.datum);
      uitvallen(d, o.datum, o.reden);
      break;
    }
    case 'terugval': {
      const doelen = terugvalDoelen(state.fase, p.fasen);
      if (!isFase(o.naarFase) || !doelen.includes(o.naarFase)) {
        throw trajectError('TRAJECT.RELAPSE_TARGET_INVALID', `From ${state.fase} a relapse can go back to: ${doelen.join(', ') || 'nothing'}`, {
          naarFase: doelen.join(' | '),
        });
      }
      const van = state.fase;
      d.gebeurtenis(o.datum, 'terugval', { van, naar: o.naarFase });
      d.actie({ soort: 'melding', aan: s.regie.regievoerderId, onderwerp: 'terugval' });
      if (isEerder(o.naarFase, 'nazorg') && !s.termijnen.some((t) => t.soort === 'einddatum')) d.einddatumTermijn();
      d.naarFase(o.naarFase, o.datum, { terugval: true });
      break;
    }
    case 'heropening': {
      const standaard: Fase = p.fasen.includes('kennismaking') ? 'kennismaking' : 'contact-leggen';
      const naar = o.naarFase ?? standaard;
      const toegestaan = p.fasen.filter((f) => isEerder('aanmelding', f) && isEerder(f, 'afronding'));
      if (!toegestaan.includes(naar)) {
        throw trajectError('TRAJECT.REOPEN_TARGET_INVALID', `A reopened traject restarts in one of: ${toegestaan.join(', ')}`, {
          naarFase: toegestaan.join(' | '),
        });
      }
      if (naar === 'uitvoering' && !s.plan && p.fasen.includes('plan-van-aanpak')) {
        throw trajectError('TRAJECT.PLAN_REQUIRED', 'Reopening in uitvoering needs a plan van aanpak; reopen in an earlier phase');
      }
      s.status = 'actief';
      s.heropeningen += 1;
      s.uitval = undefined;
      s.afronding = undefined;
      s.verlengingen = 0;
      s.geplandeEinddatum = addMonths(o.datum, p.duur.maxMaanden);
      d.gebeurtenis(o.datum, 'heropend', { heropening: s.heropeningen, naar });
      d.actie({ soort: 'melding', aan: s.regie.regievoerderId, onderwerp: 'heropening' });
      d.einddatumTermijn();
      d.naarFase(naar, o.datum, { heropening: true });
      break;
    }
    case 'regiewissel': {
      if (o.regie.regievoerderId === s.regie.regievoerderId && o.regie.organisatieId === s.regie.organisatieId) {
        throw trajectError('TRAJECT.REGIE_UNCHANGED', 'The new regie equals the current one');
      }
      const oud = s.regie;
      s.regie = o.regie;
      d.gebeurtenis(o.datum, 'regie-gewijzigd', {
        vanRegievoerderId: oud.regievoerderId,
        naarRegievoerderId: o.regie.regievoerderId,
        vanOrganisatieId: oud.organisatieId,
        naarOrganisatieId: o.regie.organisatieId,
      });
      if (oud.regievoerderId !== o.regie.regievoerderId) {
        d.actie({ soort: 'taken-overdragen', rol: 'regievoerder', van: oud.regievoerderId, naar: o.regie.regievoerderId });
      }
      d.termijn('regie-overname', 'regievoerder', d.werkdagen(o.datum, p.overdrachtBinnenWerkdagen), { taakVanaf: o.datum });
      break;
    }
    case 'coachwissel': {
      if (!s.coach) throw trajectError('TRAJECT.COACH_REQUIRED', 'No coach assigned yet; use coach-toewijzen');
      if (o.coach.coachId === s.coach.coachId) throw trajectError('TRAJECT.COACH_UNCHANGED', 'The new coach equals the current one');
      const oud = s.coach;
      s.coach = o.coach;
      d.gebeurtenis(o.datum, 'coach-gewijzigd', {
        vanCoachId: oud.coachId,
        naarCoachId: o.coach.coachId,
        organisatieId: o.coach.organisatieId,
        reden: o.reden,
      });
      d.actie({ soort: 'taken-overdragen', rol: 'coach', van: oud.coachId, naar: o.coach.coachId });
      d.termijn('caseload-overdracht', 'coach', d.werkdagen(o.datum, p.overdrachtBinnenWerkdagen), { taakVanaf: o.datum });
      d.termijn('deelnemer-informeren', 'coach', d.werkdagen(o.datum, Math.min(5, p.overdrachtBinnenWerkdagen)), { taakVanaf: o.datum });
      break;
    }
    case 'verlenging': {
      eisFase(state, 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding');
      if (s.verlengingen >= p.duur.verlenging.maxAantal) {
        throw trajectError('TRAJECT.EXTENSION_NOT_ALLOWED', `The programme allows ${p.duur.verlenging.maxAantal} extension(s)`);
      }
      s.verlengingen += 1;
      s.geplandeEinddatum = addMonths(s.geplandeEinddatum, p.duur.verlenging.maanden);
      d.gebeurtenis(o.datum, 'verlengd', { verlenging: s.verlengingen, geplandeEinddatum: s.geplandeEinddatum });
      d.einddatumTermijn();
      break;
    }
    case 'casuistiekoverleg': {
      if (!p.casuistiekoverleg) throw trajectError('TRAJECT.NO_CASE_MEETING', 'The programme holds no casuïstiekoverleg');
      const item = s.termijnen.find((t) => t.soort === 'casuistiekoverleg');
      if (!item) throw trajectError('TRAJECT.NO_CASE_MEETING', 'The traject is not on the agenda of a casuïstiekoverleg in this phase');
      const genodigd = [...new Set(o.genodigd)].sort();
      const aanwezig = [...new Set(o.aanwezig)].sort();
      const vreemd = aanwezig.filter((a) => !genodigd.includes(a));
      if (vreemd.length > 0)
        throw trajectError('TRAJECT.ATTENDANCE_INVALID', 'Only organisations involved in the traject can attend its discussion', {
          aanwezig: vreemd.join(', '),
        });
      // The agenda item that is out is done; the next meeting keeps the programme's rhythm.
      if (item.taakAangemaakt) {
        d.vervul((t) => t.id === item.id);
        d.overlegNa(item.vervalt);
      }
      d.gebeurtenis(o.datum, 'casuistiekoverleg-gehouden', {
        overleg: o.datum,
        gepland: item.vervalt,
        genodigd: genodigd.join(','),
        aanwezig: aanwezig.join(','),
      });
      break;
    }
    default: {
      const onbekend: never = o;
      throw trajectError('TRAJECT.PHASE_INVALID', `Unknown command ${(onbekend as { soort: string }).soort}`);
    }
  }
  return verwerkTijdIn(d, vandaag);
}

function registreerMetingen(d: Draft, invoer: readonly Meting[], datum: IsoDate, vandaag: IsoDate, verplicht: boolean): void {
  const p = d.p;
  if (!Array.isArray(invoer) || invoer.length === 0) {
    throw trajectError('TRAJECT.MEASUREMENT_REQUIRED', 'At least one instrument score is required', { metingen: 'at least one' });
  }
  const gasDoelIds = d.s.plan?.gasDoelen.map((g) => g.id) ?? [];
  invoer.forEach((m, i) => {
    valideerMeting(m, { pad: `metingen.${i}`, vandaag, gasDoelIds });
    if (m.instrument === 'participatieladder' && (m.subtrede !== undefined || m.subtreden !== undefined) && !p.instrumenten.ladderSubtreden) {
      throw trajectError('TRAJECT.LADDER_INVALID', 'This programme does not use sub-rungs', {
        [`metingen.${i}.${m.subtrede !== undefined ? 'subtrede' : 'subtreden'}`]: 'not used',
      });
    }
    if ((m.instrument === 'gedragsmodel-tilburg' || m.instrument === 'positieve-gezondheid') && !(p.instrumenten.hulpmiddelen ?? []).includes(m.instrument)) {
      throw trajectError('TRAJECT.SCORE_INVALID', `This programme does not use ${m.instrument}`, {
        [`metingen.${i}.instrument`]: 'not used by this programme',
      });
    }
  });
  const metingen = invoer.map((m) =>
    m.instrument === 'participatieladder' && m.subtreden && m.subtreden.length > 0 ? { ...m, subtrede: hoogsteSubtrede(m.subtreden) } : m,
  );
  const soorten = new Set(metingen.map((m) => m.instrument));
  const ontbrekend = p.instrumenten.verplichtBijMeting.filter((i) => !soorten.has(i));
  if (verplicht && ontbrekend.length > 0) {
    throw trajectError('TRAJECT.MEASUREMENT_REQUIRED', `The programme requires ${ontbrekend.join(', ')} at this measurement`, {
      metingen: `include ${ontbrekend.join(', ')}`,
    });
  }
  d.s.metingen = [...d.s.metingen, ...metingen];
  if (metingen.some((m) => m.instrument === 'participatieladder') && (verplicht || d.s.t0 !== undefined)) d.ladderHerbeoordeling(datum);
  const t1 = d.s.termijnen.find((t) => t.soort === 't1-meting');
  const isT1 = t1 !== undefined && ontbrekend.length === 0 && t1.taakVanaf !== undefined && datum >= t1.taakVanaf;
  if (isT1) {
    d.s.t1 = datum;
    d.vervul((t) => t.soort === 't1-meting');
  }
  d.gebeurtenis(datum, 'meting', {
    instrumenten: [...soorten].sort().join(','),
    meetmoment: verplicht ? 'T0' : isT1 ? 'T1' : 'tussentijds',
  });
}

function hervat(d: Draft, datum: IsoDate): void {
  const s = d.s;
  const pauze = s.pauze as NonNullable<TrajectState['pauze']>;
  // Paused working days are [sinds, datum): the day of the pause is lost, the day of resumption is worked.
  const n = workingDaysBetween(addDays(pauze.sinds, -1), addDays(datum, -1), d.p.kalender);
  s.termijnen = s.termijnen.map((t) => verschuif(t, n, d.p.kalender));
  s.geplandeEinddatum = n === 0 ? s.geplandeEinddatum : addWorkingDays(s.geplandeEinddatum, n, d.p.kalender);
  s.gepauzeerdeWerkdagen += n;
  s.status = 'actief';
  s.pauze = undefined;
  d.gebeurtenis(datum, 'hervat', { gepauzeerdeWerkdagen: n, reden: pauze.reden });
}

function uitvallen(d: Draft, datum: IsoDate, reden: UitvalReden): void {
  d.vervul(() => true);
  d.s.status = 'uitgevallen';
  d.s.uitval = { datum, reden };
  d.gebeurtenis(datum, 'uitgevallen', { reden });
  d.actie({ soort: 'melding', aan: d.s.regie.regievoerderId, onderwerp: 'uitval' });
}

function verwerkTijdIn(d: Draft, vandaag: IsoDate): TrajectUitkomst {
  const s = d.s;
  if (s.status !== 'actief') return d.resultaat();
  const kal = d.p.kalender;
  const einde = s.termijnen.find((t) => t.soort === 'nazorg-einde' && vandaag >= t.vervalt);
  if (einde && !s.termijnen.some((t) => t.soort === 'nazorg-checkin')) {
    d.naarFase('afgesloten', einde.vervalt);
    return d.resultaat();
  }
  for (;;) {
    const voorbij = s.termijnen.find((t) => t.soort === 'casuistiekoverleg' && vandaag > t.vervalt);
    if (!voorbij) break;
    d.vervul((t) => t.id === voorbij.id);
    d.overlegNa(voorbij.vervalt);
  }
  s.termijnen = s.termijnen.map((t) => {
    if (t.soort === 'nazorg-einde') return t;
    if (t.soort === 'casuistiekoverleg') {
      if (t.taakAangemaakt || t.taakVanaf === undefined || vandaag < t.taakVanaf) return t;
      d.actie({ soort: 'taak', termijnId: t.id, taak: t.soort, voor: t.voor, toegewezenAan: d.persoon(t.voor), vervalt: t.vervalt });
      d.gebeurtenis(t.taakVanaf, 'casuistiekoverleg-geagendeerd', { overleg: t.vervalt, partners: (d.p.casuistiekoverleg?.partners ?? []).join(',') });
      return { ...t, taakAangemaakt: true };
    }
    let u = t;
    if (!u.taakAangemaakt && u.taakVanaf !== undefined && vandaag >= u.taakVanaf) {
      u = { ...u, taakAangemaakt: true };
      d.actie({ soort: 'taak', termijnId: u.id, taak: u.soort, voor: u.voor, toegewezenAan: d.persoon(u.voor), vervalt: u.vervalt });
    }
    if (!u.verlopenGemeld && vandaag >= verlopenOp(u)) {
      u = { ...u, verlopenGemeld: true };
      d.actie({ soort: 'termijn-verlopen', termijnId: u.id, taak: u.soort, toegewezenAan: d.persoon(u.voor), vervalt: u.vervalt });
      d.gebeurtenis(verlopenOp(u), 'termijn-verlopen', { termijnId: u.id, termijn: u.soort, vervalt: u.vervalt });
    }
    if (u.verlopenGemeld && !u.geescaleerd && vandaag >= escalatieOp(u, d.p.escalatieNaWerkdagen, kal)) {
      u = { ...u, geescaleerd: true };
      d.actie({ soort: 'escalatie', termijnId: u.id, taak: u.soort, regievoerderId: s.regie.regievoerderId, vervalt: u.vervalt });
      d.gebeurtenis(escalatieOp(u, d.p.escalatieNaWerkdagen, kal), 'geescaleerd', {
        termijnId: u.id,
        termijn: u.soort,
        regievoerderId: s.regie.regievoerderId,
      });
    }
    return u;
  });
  return d.resultaat();
}

/**
 * Lets time pass up to `vandaag`: tasks whose date has come appear, overdue deadlines are
 * signalled and, after the programme's grace period, escalated; nazorg ends. Nothing happens
 * while the traject is paused, dropped out or closed.
 */
export function verwerkTijd(state: TrajectState, p: ProgrammaDefinitie, vandaag: IsoDate): TrajectUitkomst {
  eisProgramma(state, p);
  return verwerkTijdIn(new Draft(state, p), vandaag);
}

/**
 * The first date on which {@link verwerkTijd} will have something to do, or `undefined` when
 * nothing is scheduled (paused, dropped out, closed). A workflow sleeps until the start of
 * that date (or until a command arrives).
 */
export function volgendMoment(state: TrajectState, p: ProgrammaDefinitie): IsoDate | undefined {
  if (state.status !== 'actief') return undefined;
  let eerst: IsoDate | undefined;
  const kandidaat = (datum: IsoDate) => {
    if (eerst === undefined || datum < eerst) eerst = datum;
  };
  for (const t of state.termijnen) {
    if (t.soort === 'nazorg-einde') {
      if (!state.termijnen.some((c) => c.soort === 'nazorg-checkin')) kandidaat(t.vervalt);
      continue;
    }
    if (t.soort === 'casuistiekoverleg') {
      kandidaat(t.taakAangemaakt || t.taakVanaf === undefined ? addDays(t.vervalt, 1) : t.taakVanaf);
      continue;
    }
    if (!t.taakAangemaakt && t.taakVanaf !== undefined) kandidaat(t.taakVanaf);
    if (!t.verlopenGemeld) kandidaat(verlopenOp(t));
    else if (!t.geescaleerd) kandidaat(escalatieOp(t, p.escalatieNaWerkdagen, p.kalender));
  }
  return eerst;
}

/** The earliest open deadline (for "next deadline" in the API), or `undefined`. */
export function volgendeTermijn(state: TrajectState): Termijn | undefined {
  return [...state.termijnen]
    .filter((t) => t.soort !== 'nazorg-einde' && t.soort !== 'casuistiekoverleg')
    .sort((a, b) => (a.vervalt < b.vervalt ? -1 : a.vervalt > b.vervalt ? 1 : 0))[0];
}
