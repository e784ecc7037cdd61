import type {
  CaseloadOverdracht,
  Escalatie,
  Melding,
  OpdrachtResultaat,
  TaakAanmaken,
  TaakRegel,
  TakenOverdragen,
  TermijnVerlopen,
  TijdlijnGebeurtenis,
  TrajectOpdrachtInvoer,
  TrajectOverzicht,
  TrajectWorkflowInput,
  Uitvoerder,
} from '@ketenregie/traject-contracts';
import type { IsoDate } from '@ketenregie/shared-kernel';
import type {
  DeelnemerRecord,
  DoelgroepToets,
  GepubliceerdFeit,
  Meting,
  NieuweDeelnemer,
  ProgrammaDefinitie,
  ProgrammaVersie,
  SignaalGebeurtenis,
  TrajectBetrokkenheid,
  TrajectRegistratie,
  UitgaandTrajectFeit,
  ZichtbaarTraject,
} from '@ketenregie/traject-domain';

/** Deelnemer storage (every personal field encrypted at rest; see traject-data-access). */
export interface DeelnemerOpslag {
  /**
   * Registers a deelnemer: the id of a new one, or of the one with this BSN (unchanged). Either
   * way the registering organisation becomes an aanmelder of that deelnemer.
   */
  maak(d: NieuweDeelnemer): Promise<string>;
  /** The deelnemer, decrypted; `aangemaaktDoorOrganisatie` is unknown for deelnemers registered before it was recorded. */
  vind(id: string): Promise<DeelnemerRecord | undefined>;
  /** After an erasure: the blind indexes go, so a known BSN or household no longer finds the row. */
  wisIndexen?(id: string): Promise<void>;
  /** Decrypts the BSN (for a lawful, logged purpose only). */
  bsnVan(id: string): Promise<string | undefined>;
}

/** Traject registry, overview projection and timeline. */
export interface TrajectOpslag {
  /** Registers a traject; `aangemaaktDoorOrganisatie` becomes its `aanmelder`. */
  registreer(
    t: TrajectRegistratie & { aangemaaktDoor: string; aangemaaktDoorOrganisatie?: string; doelgroepToets?: DoelgroepToets; doelgroepAfwijking?: string },
  ): Promise<void>;
  vind(id: string): Promise<TrajectRegistratie | undefined>;
  /** The organisation that started the traject (its `aanmelder`: the gemeente). */
  aanmelderVan?(trajectId: string): Promise<string | undefined>;
  /** All trajecten of a deelnemer, oldest first. */
  vanDeelnemer(deelnemerId: string): Promise<TrajectRegistratie[]>;
  overzicht(id: string): Promise<TrajectOverzicht | undefined>;
  werkOverzichtBij(o: TrajectOverzicht): Promise<void>;
  /** The involvements `organisatieId` holds now in the traject (the access policy's facts). */
  betrokkenheid(trajectId: string, organisatieId: string): Promise<TrajectBetrokkenheid[]>;
  /** The organisations involved in the traject now, in any role (who is invited to its case-meeting discussion). */
  betrokkenOrganisaties(trajectId: string): Promise<string[]>;
  /** The involvements `organisatieId` holds now in any traject of the deelnemer. */
  betrokkenheidBijDeelnemer(deelnemerId: string, organisatieId: string): Promise<TrajectBetrokkenheid[]>;
  /**
   * Records `organisatieId` as `ontvanger` from now on in each traject of the deelnemer where
   * `namensOrganisatie` holds the lead or the coach organisation now; returns those trajecten.
   */
  legOntvangerVast(deelnemerId: string, organisatieId: string, namensOrganisatie: string): Promise<string[]>;
  /** Ends now every running `ontvanger` involvement of `organisatieId` with the deelnemer; returns those trajecten. */
  beeindigOntvanger(deelnemerId: string, organisatieId: string): Promise<string[]>;
  lopendVanCoach(coachId: string, organisatieId: string): Promise<TrajectRegistratie[]>;
  /** How many trajecten were started on a version of a programme (capacity, cohort). */
  aantalOpProgramma(code: string, versie: number): Promise<number>;
  legTijdlijnVast(trajectId: string, gebeurtenissen: readonly TijdlijnGebeurtenis[]): Promise<void>;
  tijdlijn(trajectId: string): Promise<TijdlijnGebeurtenis[]>;
  /** When each recorded timeline event was written down, by event number. */
  tijdlijnMomenten(trajectId: string): Promise<ReadonlyMap<number, Date>>;
  /** One page of the trajecten `organisatieId` is involved in now, newest first, filtered, with the total that match. */
  zichtbareVoor(
    organisatieId: string,
    filter: TrajectFilter,
    pagina: { readonly offset: number; readonly limiet: number },
  ): Promise<{ readonly totaal: number; readonly trajecten: readonly ZichtbaarTraject[] }>;
  /** The overviews of the running trajecten in which the professional is the coach or the regievoerder. */
  overzichtenVanPersoon(professionalId: string): Promise<TrajectOverzicht[]>;
  /** The latest recorded events of the kinds `soorten` in trajecten where `organisatieId` holds one of `rollen` now, newest first. */
  gebeurtenissenVoor(organisatieId: string, rollen: readonly TrajectBetrokkenheid[], soorten: readonly string[], limiet: number): Promise<SignaalGebeurtenis[]>;
  /** Writes published facts to the outbox, idempotent per `sleutel` (absent: a store that publishes nothing). */
  publiceer?(feiten: readonly GepubliceerdFeit[]): Promise<void>;
}

/** Injection token of the {@link TrajectFeed} port. */
export const TRAJECT_FEED = Symbol('TRAJECT_FEED');

/** The outbox read as a feed. */
export interface TrajectFeed {
  /** Rows after sequence number `na`, oldest first, at most `max`. */
  gebeurtenissenNa(na: number, max: number): Promise<UitgaandTrajectFeit[]>;
}

/** Filters of the list of trajecten (`GET /trajecten`). */
export interface TrajectFilter {
  readonly programma?: string;
  readonly fase?: string;
  readonly status?: string;
  /** Only trajecten with (or without) an overdue deadline. */
  readonly verlopen?: boolean;
}

/** Task list and notifications. */
export interface TakenOpslag {
  maak(t: TaakAanmaken): Promise<void>;
  markeerVerlopen(t: TermijnVerlopen): Promise<void>;
  escaleer(e: Escalatie): Promise<void>;
  rondAf(trajectId: string, termijnId: string): Promise<void>;
  draagOver(o: TakenOverdragen): Promise<void>;
  meld(m: Melding): Promise<void>;
  openVoor(professionalId: string): Promise<TaakRegel[]>;
}

/** Runs `werk` in one database transaction, with the stores bound to it (all or nothing). */
export interface TrajectTransacties {
  binnen<T>(werk: (opslag: { readonly trajecten: TrajectOpslag; readonly taken: TakenOpslag }) => Promise<T>): Promise<T>;
}

/**
 * The traject workflows, as the service reaches them (Temporal client). Failures of commands are
 * `DomainError`s with the workflow's `TRAJECT.*` code.
 */
export interface TrajectWorkflows {
  start(workflowId: string, input: TrajectWorkflowInput): Promise<void>;
  /** Issues a command; `door` (who issued it, verified by the service) is recorded on the timeline. */
  opdracht(workflowId: string, invoer: TrajectOpdrachtInvoer, door?: Uitvoerder): Promise<OpdrachtResultaat>;
  overzicht(workflowId: string): Promise<TrajectOverzicht>;
  tijdlijn(workflowId: string): Promise<readonly TijdlijnGebeurtenis[]>;
  /** Fire-and-forget: the workflow applies it only while `vanCoachId` is still its coach. */
  caseloadOverdracht(workflowId: string, overdracht: CaseloadOverdracht): Promise<void>;
  /** The scores recorded in the traject, in recording order, and its T0 date. */
  metingen(workflowId: string): Promise<{ readonly metingen: readonly Meting[]; readonly t0?: IsoDate }>;
  /** Ends the workflow at once (its payloads are about to become unreadable: erasure); a workflow that no longer runs is left alone. */
  beeindig?(workflowId: string): Promise<void>;
}

/**
 * The deelnemer's retention clock (the consent context's retention workflow): told when a traject
 * of theirs starts or reopens (the clock stops) and when one ends (the register's period runs
 * from the last end). Every call may be repeated; the workflow's state absorbs a repeat.
 */
export interface BewaartermijnKlok {
  /** A traject started or reopened: stops a running retention period; nothing when none runs. */
  trajectGestart(m: { readonly deelnemerId: string; readonly trajectId: string }): Promise<void>;
  /** A traject ended on `einddatum`: starts the retention workflow when it does not run yet. `gemeente`: the organisation that started the traject. */
  trajectBeeindigd(m: { readonly deelnemerId: string; readonly trajectId: string; readonly einddatum: IsoDate; readonly gemeente: string }): Promise<void>;
}

/** Destroys a deelnemer's keys (AVG art. 17, crypto-shredding), so every value and payload encrypted for them is unreadable. */
export interface DeelnemerWissing {
  vernietig(deelnemerId: string, grond: string): Promise<number>;
}

/** Programmes and their versions; a stored version never changes. */
export interface ProgrammaOpslag {
  /** `false` when the code is taken (nothing written). */
  maak(definitie: ProgrammaDefinitie, door: { sub: string; organisatie?: string }): Promise<boolean>;
  /** `false` when the version exists already (nothing written). */
  voegVersieToe(definitie: ProgrammaDefinitie, door: { sub: string }): Promise<boolean>;
  /** Stores shipped versions not stored yet; returns how many were new. */
  zaai(definities: readonly ProgrammaDefinitie[], door: string): Promise<number>;
  versies(code: string): Promise<ProgrammaVersie[]>;
  versie(code: string, versie: number): Promise<ProgrammaVersie | undefined>;
  /** The highest version valid from `datum` on. */
  geldigOp(code: string, datum: IsoDate): Promise<ProgrammaVersie | undefined>;
  laatsteVersies(): Promise<ProgrammaVersie[]>;
}

/**
 * The caller's tasks from the werkgever lane's placements (plaatsing-service's API, read with the
 * caller's own token), already in the task list's shape; none when the caller has no placement.
 */
export interface PlaatsingTakenPoort {
  voor(bearer: string | undefined): Promise<TaakRegel[]>;
}

export const PLAATSING_TAKEN = Symbol('PLAATSING_TAKEN');
export const DEELNEMER_OPSLAG = Symbol('DEELNEMER_OPSLAG');
export const TRAJECT_OPSLAG = Symbol('TRAJECT_OPSLAG');
export const TAKEN_OPSLAG = Symbol('TAKEN_OPSLAG');
export const TRAJECT_WORKFLOWS = Symbol('TRAJECT_WORKFLOWS');
export const TRAJECT_TRANSACTIES = Symbol('TRAJECT_TRANSACTIES');
export const PROGRAMMA_OPSLAG = Symbol('PROGRAMMA_OPSLAG');
export const DEELNEMER_WISSING = Symbol('DEELNEMER_WISSING');
export const BEWAARTERMIJN_KLOK = Symbol('BEWAARTERMIJN_KLOK');
