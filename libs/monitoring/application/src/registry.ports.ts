import type { Organisatie, Stuurgroep } from '@ketenregie/monitoring-domain';

/** Persistence of the organisation registry (implemented in monitoring-data-access). */
export interface OrganisatieRepository {
  /** All organisations, ordered by type then name. */
  list(): Promise<Organisatie[]>;
  findById(id: string): Promise<Organisatie | undefined>;
  /** Inserts the organisations whose id is not registered yet; leaves existing ones untouched. @returns how many were inserted. */
  insertMissing(organisaties: readonly Organisatie[]): Promise<number>;
}

/** Persistence of stuurgroepen and their members. */
export interface StuurgroepRepository {
  /** All stuurgroepen with their members, ordered by name. */
  list(): Promise<Stuurgroep[]>;
  /** Inserts the stuurgroep with its members when its id is not registered yet. @returns whether it was inserted. */
  insertIfMissing(stuurgroep: Stuurgroep): Promise<boolean>;
}
