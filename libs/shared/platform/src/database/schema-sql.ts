import type { DataSource, EntityManager } from 'typeorm';
import type { FeedRij, IsoDate } from '@ketenregie/shared-kernel';
import { assertSchemaName } from './schema';

/** One row as PostgreSQL returns it: column name → value. */
export type Rij = Record<string, unknown>;

/** The statement with every `$S.` replaced by the quoted schema `schema` (`"name"`) and a dot. */
export function inSchema(sql: string, schema: string): string {
  return sql.replace(/\$S\./g, `${schema}.`);
}

/**
 * SQL in the schema of a data source: how every repository reaches its tables (house style: SQL
 * through the DataSource/EntityManager, schema by migrations only, no entity classes). `$S.` in a
 * statement is the quoted schema, so no statement relies on `search_path`.
 */
export class SchemaSql {
  /** The quoted schema, `"name"`. */
  readonly schema: string;

  constructor(readonly dataSource: DataSource) {
    this.schema = `"${assertSchemaName(String((dataSource.options as { schema?: string }).schema))}"`;
  }

  /** `"schema"."table"`. */
  tabel(naam: string): string {
    return `${this.schema}."${naam}"`;
  }

  /**
   * Runs SQL (`$S.` is the schema) and returns the rows, also for UPDATE … RETURNING; in the transaction of `m` when given.
   * `R`: the rows' shape when the statement's columns already are the record's (as PostgreSQL returns them), else {@link Rij}.
   */
  async q<R = Rij>(sql: string, params: unknown[] = [], m: EntityManager = this.dataSource.manager): Promise<R[]> {
    const runner = m.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(inSchema(sql, this.schema), params, true);
      return (result.records ?? []) as R[];
    } finally {
      if (!m.queryRunner) await runner.release();
    }
  }

  /** Runs `werk` in one transaction. */
  transactie<T>(werk: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(werk);
  }
}

/** Column values to record fields: the conversions every row mapper needs. */
export const kolom = {
  /** A `date` (or timestamp) as `YYYY-MM-DD`; undefined for NULL. */
  datum(v: unknown): IsoDate | undefined {
    if (v === null || v === undefined) return undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v).slice(0, 10);
  },
  tijd(v: unknown): Date {
    return v instanceof Date ? v : new Date(String(v));
  },
  /** A `json`/`jsonb` value (the driver may return it parsed or as text). */
  json<T>(v: unknown): T {
    return typeof v === 'string' ? (JSON.parse(v) as T) : (v as T);
  },
  /** A nullable text column: undefined for NULL. */
  tekst<T extends string = string>(v: unknown): T | undefined {
    return v === null || v === undefined ? undefined : (String(v) as T);
  },
};

/** The record without its undefined and null fields (optional fields stay absent rather than `undefined`). */
export function zonderLeeg<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, w]) => w !== undefined && w !== null)) as T;
}

/** A row of an outbox (`id`, `volgnummer`, `type`, `subject`, `tijd`) as a feed row with its business date and data. */
export function feedRij(r: Rij, datum: IsoDate, data: FeedRij['data']): FeedRij {
  return {
    id: String(r['id']),
    volgnummer: Number(r['volgnummer']),
    type: String(r['type']),
    subject: String(r['subject']),
    datum,
    tijd: kolom.tijd(r['tijd']),
    data,
  };
}
