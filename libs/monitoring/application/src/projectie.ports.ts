import type { Feit, ProjectieCel, TrajectStand } from '@ketenregie/monitoring-domain';

/** Injection token of the {@link ProjectieRepository} port. */
export const PROJECTIE_REPOSITORY = Symbol('PROJECTIE_REPOSITORY');
/** Injection token of the list of {@link FeedBron}s. */
export const FEED_BRONNEN = Symbol('FEED_BRONNEN');
/** Injection token of {@link ProjectieInstellingen}. */
export const PROJECTIE_INSTELLINGEN = Symbol('PROJECTIE_INSTELLINGEN');

/** The indicator projection's store (implemented in monitoring-data-access). */
export interface ProjectieRepository {
  positie(bron: string): Promise<number>;
  /**
   * Stores the facts not seen before (by id), applies them to the stands and their cell mutations
   * (`celMutaties`, `cellenVanFeit`) to the stored cells, moves the position; one transaction. @returns how many were new.
   */
  verwerk(bron: string, feiten: readonly Feit[], laatste: number): Promise<number>;
  /** Drops the stands and stored cells and derives them again from the stored facts. @returns the number of trajecten. */
  herbouw(): Promise<number>;
  standen(): Promise<TrajectStand[]>;
  /** The stored cells (all, or those of one programme's trajecten). */
  cellen(filter?: { readonly programma?: string }): Promise<ProjectieCel[]>;
  feiten(soortPatroon: string): Promise<Feit[]>;
}

/** A context's feed of published facts (its outbox), read after a sequence number. */
export interface FeedBron {
  readonly naam: string;
  pagina(na: number, max: number): Promise<{ readonly feiten: readonly Feit[]; readonly laatste: number }>;
}

/** How the feeds are read. */
export interface ProjectieInstellingen {
  /** Read in the background (false: tests drive {@link ProjectieService.ronde}). */
  readonly actief: boolean;
  readonly intervalMs: number;
  readonly paginaGrootte: number;
}
