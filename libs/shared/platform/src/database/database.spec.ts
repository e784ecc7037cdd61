import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, DataSource, Entity, MigrationInterface, PrimaryColumn, PrimaryGeneratedColumn, QueryRunner } from 'typeorm';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { MIGRATIONS_TABLE, openDatabase } from './database';
import { qualifiedName } from './schema';

@Entity({ name: 'notitie' })
class Notitie {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  tekst!: string;

  @Column('text', { unique: true, name: 'idempotency_key' })
  idempotencyKey!: string;
}

@Entity({ name: 'gebeurtenis' })
class Gebeurtenis {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  soort!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'vastgelegd_op' })
  vastgelegdOp!: Date;
}

class CreateNotitie1735689600000 implements MigrationInterface {
  name = 'CreateNotitie1735689600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE ${qualifiedName(queryRunner, 'notitie')} (id uuid PRIMARY KEY, tekst text NOT NULL, idempotency_key text NOT NULL UNIQUE)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${qualifiedName(queryRunner, 'notitie')}`);
  }
}

class CreateGebeurtenis1735689600001 implements MigrationInterface {
  name = 'CreateGebeurtenis1735689600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE ${qualifiedName(queryRunner, 'gebeurtenis')} (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), soort text NOT NULL, vastgelegd_op timestamptz NOT NULL DEFAULT now())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${qualifiedName(queryRunner, 'gebeurtenis')}`);
  }
}

describeEachDatabase('DatabaseModule data source', (db) => {
  let ds: DataSource;
  const open = () =>
    openDatabase({
      url: db.url,
      schema: db.schema,
      entities: [Notitie, Gebeurtenis],
      migrations: [CreateNotitie1735689600000, CreateGebeurtenis1735689600001],
      poolSize: 4,
    });
  const note = (tekst: string): Notitie => Object.assign(new Notitie(), { id: randomUUID(), tekst, idempotencyKey: randomUUID() });

  beforeAll(async () => {
    ds = await open();
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  it('runs the migrations into the service schema, with the migrations table in that schema', async () => {
    const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [db.schema]);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['gebeurtenis', MIGRATIONS_TABLE, 'notitie']);
    const applied = await ds.query(`SELECT name FROM "${db.schema}"."${MIGRATIONS_TABLE}"`);
    expect(applied).toEqual([{ name: 'CreateNotitie1735689600000' }, { name: 'CreateGebeurtenis1735689600001' }]);
    expect(ds.getMetadata(Notitie).tablePath).toBe(`${db.schema}.notitie`);
  });

  it('does not apply a migration twice when the service starts again', async () => {
    const again = await open();
    try {
      expect(await again.query(`SELECT count(*)::int AS n FROM "${db.schema}"."${MIGRATIONS_TABLE}"`)).toEqual([{ n: 2 }]);
    } finally {
      await again.destroy();
    }
  });

  it('round-trips an entity through a repository', async () => {
    const repo = ds.getRepository(Notitie);
    const saved = await repo.save(note('eerste gesprek gepland'));
    expect(await repo.findOneByOrFail({ id: saved.id })).toEqual(saved);
  });

  it('fills database-generated uuids and timestamps', async () => {
    const saved = await ds.getRepository(Gebeurtenis).save(Object.assign(new Gebeurtenis(), { soort: 'aanmelding' }));
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.vastgelegdOp).toBeInstanceOf(Date);
    expect(await ds.getRepository(Gebeurtenis).findOneByOrFail({ id: saved.id })).toEqual(saved);
  });

  it('commits a transaction as a whole and rolls back a failed one', async () => {
    const repo = ds.getRepository(Notitie);
    const kept = note('bewaard');
    await ds.transaction(async (em) => {
      await em.save(kept);
      await em.save(note('ook bewaard'));
    });
    const lost = note('teruggedraaid');
    await expect(
      ds.transaction(async (em) => {
        await em.save(lost);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await repo.existsBy({ id: kept.id })).toBe(true);
    expect(await repo.existsBy({ id: lost.id })).toBe(false);
  });

  it('keeps concurrent transactions isolated and lets a unique key reject a duplicate', async () => {
    const repo = ds.getRepository(Notitie);
    const key = randomUUID();
    const slow = ds.transaction(async (em) => {
      await em.save(Object.assign(note('a'), { idempotencyKey: key }));
      await new Promise((r) => setTimeout(r, 50));
      // the other transaction's uncommitted row is invisible here
      return em.countBy(Notitie, { tekst: 'b' });
    });
    const other = ds.transaction(async (em) => {
      await em.save(note('b'));
      throw new Error('rollback b');
    });
    const [seen, failed] = await Promise.allSettled([slow, other]);
    expect(seen).toEqual({ status: 'fulfilled', value: 0 });
    expect(failed.status).toBe('rejected');
    expect(await repo.countBy({ tekst: 'b' })).toBe(0);
    await expect(repo.insert(Object.assign(note('dubbel'), { idempotencyKey: key }))).rejects.toMatchObject({ driverError: { code: '23505' } });
  });

  it('serves many concurrent queries over the pool without mixing up results', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ds.query(i % 2 ? 'SELECT $1::int * 2 AS v' : "SELECT $1::text || '!' AS v", [String(i)])),
    );
    results.forEach((rows, i) => expect(rows[0].v).toBe(i % 2 ? i * 2 : `${i}!`));
  });
});
