import type { PlaatsingOpdrachtInvoer, PlaatsingOpdrachtResultaat, PlaatsingUitkomstVerwerken, PlaatsingWorkflowInput } from '@ketenregie/plaatsing-contracts';
import type { OpgeslagenTaak, PlaatsingOverzicht, Vacature, Werkgever, Werkgeversweergave } from '@ketenregie/plaatsing-domain';
import type { FeedRij } from '@ketenregie/shared-kernel';

/** A placement as stored: its read model and what the employer may see of the deelnemer. */
export interface PlaatsingRecord {
  readonly overzicht: PlaatsingOverzicht;
  /** Only the categories the consent decision released to the employer. */
  readonly kandidaat: Werkgeversweergave;
  readonly besluitId?: string;
}

/** Which placements a caller may list: its organisation's as employer, coach or regievoerder, or the ones the caller coaches. */
export interface PlaatsingFilter {
  readonly organisatie: string;
  readonly professional: string;
}

/** A CloudEvent waiting in the outbox (codes and opaque ids only). */
export interface UitgaandeGebeurtenis {
  readonly id: string;
  readonly sleutel: string;
  readonly type: string;
  readonly subject: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
}

/** Employers' profiles (`plaatsing.werkgever`). */
export interface WerkgeverRepository {
  vind(organisatieId: string): Promise<Werkgever | undefined>;
  bewaar(werkgever: Werkgever): Promise<void>;
}

/** Vacancies (`plaatsing.vacature`). */
export interface VacatureRepository {
  voegToe(vacature: Vacature): Promise<void>;
  vind(id: string): Promise<Vacature | undefined>;
  vanWerkgever(werkgeverId: string): Promise<Vacature[]>;
  open(): Promise<Vacature[]>;
}

/** Placements, their timeline, tasks and outbox (`plaatsing.*`). */
export interface PlaatsingRepository {
  /** @throws DomainError `PLAATSING.LOOPT_AL` when the deelnemer already has a running placement on this vacancy. */
  voegToe(record: PlaatsingRecord): Promise<void>;
  vind(id: string): Promise<PlaatsingRecord | undefined>;
  zoek(filter: PlaatsingFilter): Promise<PlaatsingRecord[]>;
  vanWerkgever(werkgeverId: string): Promise<PlaatsingRecord[]>;
  /** The tasks these placements put on lists, by placement id. */
  taken(plaatsingIds: readonly string[]): Promise<ReadonlyMap<string, readonly OpgeslagenTaak[]>>;
  /** The read model (only if newer), timeline entries, tasks and outbox events of outcomes, in one transaction; a retry changes nothing. */
  verwerk(uitkomst: PlaatsingUitkomstVerwerken, gebeurtenissen: readonly UitgaandeGebeurtenis[]): Promise<void>;
}

/** Injection token of the {@link PlaatsingFeed} port. */
export const PLAATSING_FEED = Symbol('PLAATSING_FEED');

/** The outbox read as a feed after a sequence number, oldest first (monitor-service's projection). */
export interface PlaatsingFeed {
  gebeurtenissenNa(na: number, max: number): Promise<FeedRij[]>;
}

/** The placement workflows (Temporal in production, a test double in service tests). */
export interface PlaatsingWorkflowPoort {
  start(input: PlaatsingWorkflowInput): Promise<void>;
  /** @throws DomainError with the workflow's `PLAATSING.*` code when its validator refuses. */
  voerUit(plaatsingId: string, opdracht: PlaatsingOpdrachtInvoer): Promise<PlaatsingOpdrachtResultaat>;
}

/** What the traject context tells a caller involved in a traject: its lead and coach. */
export interface TrajectGegevens {
  readonly regie: { readonly regievoerderId: string; readonly organisatieId: string };
  readonly coach?: { readonly coachId: string; readonly organisatieId: string };
}

/** The traject context's overview, read with the caller's own token (undefined: not involved or unknown). */
export interface TrajectPoort {
  gegevens(trajectId: string, bearer: string | undefined): Promise<TrajectGegevens | undefined>;
}

/** A disclosure question to the consent service (the caller's organisation is the source). */
export interface BesluitVraag {
  readonly deelnemerId: string;
  readonly ontvanger: { readonly organisatie: string; readonly type: 'werkgever' };
  readonly doel: string;
  readonly categorieen: readonly string[];
}

/** consent-service's decision (logged there); undefined when the caller may not ask. */
export interface BesluitPoort {
  besluit(vraag: BesluitVraag, bearer: string | undefined): Promise<{ readonly id: string; readonly toegestaan: readonly string[] } | undefined>;
}

export const WERKGEVER_REPOSITORY = Symbol('WERKGEVER_REPOSITORY');
export const VACATURE_REPOSITORY = Symbol('VACATURE_REPOSITORY');
export const PLAATSING_REPOSITORY = Symbol('PLAATSING_REPOSITORY');
export const PLAATSING_WORKFLOWS = Symbol('PLAATSING_WORKFLOWS');
export const TRAJECT_POORT = Symbol('TRAJECT_POORT');
export const PLAATSING_BESLUITEN = Symbol('PLAATSING_BESLUITEN');
export const PLAATSING_VERWERKINGSLOG = Symbol('PLAATSING_VERWERKINGSLOG');
export const WERKGEVERSSERVICEPUNT = Symbol('WERKGEVERSSERVICEPUNT');
