import type { QueryRunner } from 'typeorm';

/** Valid schema names: lower-case identifiers, so they never need quoting tricks. */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** @throws TypeError for a schema name outside {@link SCHEMA_NAME_PATTERN}. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME_PATTERN.test(schema)) {
    throw new TypeError(`Invalid database schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  }
  return schema;
}

/**
 * The schema a migration runs in (the `schema` of `DatabaseModule.forRoot`). Migrations write
 * schema-qualified SQL with it, so they work in any schema (tests use a fresh one per run) and
 * never depend on `search_path`, which several services share in the embedded database.
 */
export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new TypeError('The data source has no schema: open it with DatabaseModule or openDatabase');
  return assertSchemaName(schema);
}

/** `"schema"."table"` for `table` in the migration's schema. */
export function qualifiedName(queryRunner: QueryRunner, table: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new TypeError(`Invalid table name ${JSON.stringify(table)}`);
  return `"${schemaOf(queryRunner)}"."${table}"`;
}
