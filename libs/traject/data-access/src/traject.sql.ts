import type { TrajectOverzicht } from '@ketenregie/traject-contracts';
import { type Rij, SchemaSql } from '@ketenregie/shared-platform';
import { sleutelIdVan } from '@ketenregie/shared-crypto';
import { type DataSource, EntityManager } from 'typeorm';

/** Purposes the per-deelnemer ciphertexts of this schema are bound to. */
export const TRAJECT_DOELEN = {
  bsn: 'traject:bsn',
  gegevens: (deelnemerId: string) => `traject:deelnemer:${deelnemerId}`,
  overzicht: (trajectId: string) => `traject:overzicht:${trajectId}`,
  tijdlijn: (trajectId: string, nr: number) => `traject:tijdlijn:${trajectId}:${nr}`,
} as const;

/**
 * The part of an overview kept readable next to its encrypted whole: phase, status, dates, lead,
 * coach and counters. Progress (scores, including the ZRM's health domains) and the reason of a
 * drop-out exist only encrypted with the deelnemer's key.
 */
export function openbaarOverzicht(o: TrajectOverzicht): Omit<TrajectOverzicht, 'voortgang' | 'uitval'> & { uitval?: { datum: string } } {
  const { voortgang: _v, uitval, ...rest } = o;
  return { ...rest, ...(uitval ? { uitval: { datum: uitval.datum } } : {}) };
}

/** Whether a stored value was encrypted with a per-deelnemer key (else: the single key of older rows, or nothing). */
export const isKluisdata = (data: Buffer | null | undefined): data is Buffer => !!data && sleutelIdVan(data) !== undefined;

/** Where statements run: the data source, or the entity manager of one transaction on it. */
export type Uitvoerder = DataSource | EntityManager;

/**
 * Shared-platform's {@link SchemaSql} (`$S.` in a statement is the schema) on the data source of
 * `ds`, and in the transaction of `ds` when it is a transaction's entity manager: a repository
 * bound to a transaction (`SqlTrajectTransacties`) runs every statement in it.
 */
export class TrajectSql {
  private readonly sql: SchemaSql;
  private readonly m?: EntityManager;

  constructor(ds: Uitvoerder) {
    this.m = ds instanceof EntityManager ? ds : undefined;
    this.sql = new SchemaSql(this.m ? this.m.connection : (ds as DataSource));
  }

  /** Runs a statement and returns its rows; in the transaction of `m` when given, else in the bound one (if any). */
  q<R = Rij>(statement: string, params: unknown[] = [], m: EntityManager | undefined = this.m): Promise<R[]> {
    return this.sql.q<R>(statement, params, m);
  }

  /** `"schema"."table"`. */
  tabel(naam: string): string {
    return this.sql.tabel(naam);
  }

  /** Runs `werk` in one transaction: the bound one, else a new one. */
  transactie<T>(werk: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.m ? werk(this.m) : this.sql.transactie(werk);
  }
}

/** Deelnemers and trajecten have uuid keys: any other id names none of them (and must not reach a uuid column). */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
