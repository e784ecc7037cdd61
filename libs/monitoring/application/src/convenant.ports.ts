import type { Convenant, ConvenantVersie } from '@ketenregie/monitoring-domain';

/** Injection token of the {@link ConvenantRepository} port. */
export const CONVENANT_REPOSITORY = Symbol('CONVENANT_REPOSITORY');

/** Persistence of convenanten (implemented in monitoring-data-access). Versions are never changed once written. */
export interface ConvenantRepository {
  /** Every convenant with its versions, oldest first. */
  list(): Promise<Convenant[]>;
  find(id: string): Promise<Convenant | undefined>;
  /** Stores a new convenant with its versions. */
  create(convenant: Convenant): Promise<void>;
  /** Adds a version; false when that version number was taken meanwhile. */
  addVersion(convenantId: string, versie: ConvenantVersie): Promise<boolean>;
}

/** Injection token of the {@link ConvenantMonitor} port. */
export const CONVENANT_MONITOR = Symbol('CONVENANT_MONITOR');

/** Starts a convenant's `convenant-monitor` workflow (quarterly reports on its own clock). */
export interface ConvenantMonitor {
  start(c: { readonly convenantId: string; readonly stuurgroepId: string; readonly einddatum: string }): Promise<void>;
}
