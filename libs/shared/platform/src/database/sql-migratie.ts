import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema';

/** The statements of one direction of a migration, given the quoted schema (`"name"`), run in order. */
export type Statements = (s: string) => readonly string[];

/**
 * A migration that is nothing but SQL statements: the class TypeORM's runner needs, named `naam`
 * (which ends in the migration's timestamp and must never change once applied). The statements
 * get the migration's schema, quoted, so they work in any schema.
 */
export function sqlMigratie(naam: string, sql: { readonly up: Statements; readonly down: Statements }): new () => MigrationInterface {
  const voerUit = async (queryRunner: QueryRunner, statements: Statements): Promise<void> => {
    for (const statement of statements(`"${schemaOf(queryRunner)}"`)) await queryRunner.query(statement);
  };
  return class implements MigrationInterface {
    name = naam;

    async up(queryRunner: QueryRunner): Promise<void> {
      await voerUit(queryRunner, sql.up);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await voerUit(queryRunner, sql.down);
    }
  };
}
