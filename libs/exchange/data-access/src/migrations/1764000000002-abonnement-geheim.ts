import { schemaOf } from '@ketenregie/shared-platform';
import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every subscription signs its deliveries (Standard Webhooks) with a secret of its own, shown to
 * its organisation once, when it is created. Existing subscriptions get a fresh secret (their
 * owners re-subscribe to learn it). `aangemaakt_op` orders an organisation's list.
 */
export class AbonnementGeheim1764000000002 implements MigrationInterface {
  name = 'AbonnementGeheim1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.abonnement ADD COLUMN geheim text`);
    await queryRunner.query(`ALTER TABLE ${s}.abonnement ADD COLUMN aangemaakt_op timestamptz NOT NULL DEFAULT now()`);
    const bestaand: { id: string }[] = await queryRunner.query(`SELECT id FROM ${s}.abonnement`);
    for (const { id } of bestaand) {
      await queryRunner.query(`UPDATE ${s}.abonnement SET geheim = $1 WHERE id = $2`, [`whsec_${randomBytes(32).toString('base64')}`, id]);
    }
    await queryRunner.query(`ALTER TABLE ${s}.abonnement ALTER COLUMN geheim SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.abonnement DROP COLUMN aangemaakt_op`);
    await queryRunner.query(`ALTER TABLE ${s}.abonnement DROP COLUMN geheim`);
  }
}
