import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts of one context (`soort LIKE 'toestemming.%'`) are read by an index on their kind, not by
 * a scan of every fact: at the scale of a region most facts are the traject context's.
 */
export class FeitSoort1767200000000 implements MigrationInterface {
  name = 'FeitSoort1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX feit_soort_idx ON monitoring.feit (soort text_pattern_ops, nr)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX monitoring.feit_soort_idx');
  }
}
