import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { FIP_V1, PROGRAMMA_CATALOGUS } from '@ketenregie/traject-domain';
import type { DataSource } from 'typeorm';
import { TRAJECT_MIGRATIONS, SqlProgrammaRepository, SqlTrajectRepository } from './index';

describeEachDatabase('programme repository', (db) => {
  let ds: DataSource;
  let programmas: SqlProgrammaRepository;

  beforeAll(async () => {
    ds = await openDatabase({ url: db.url, schema: db.schema, migrations: TRAJECT_MIGRATIONS });
    programmas = new SqlProgrammaRepository(ds);
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  it('stores the shipped catalogue once; seeding again changes nothing', async () => {
    expect(await programmas.zaai(PROGRAMMA_CATALOGUS, 'catalogus')).toBe(PROGRAMMA_CATALOGUS.length);
    expect(await programmas.zaai(PROGRAMMA_CATALOGUS, 'catalogus')).toBe(0);
    expect((await programmas.versie('fip', 1))?.definitie).toEqual(FIP_V1);
    expect((await programmas.laatsteVersies()).map((v) => `${v.definitie.code}@${v.definitie.versie}`)).toContain('aandacht-doet-bewegen@2');
  });

  it('a new programme gets its code once; a version, once stored, is never overwritten', async () => {
    const v1 = { ...FIP_V1, code: 'eigen-aanpak', naam: 'Eigen aanpak', geldigVanaf: '2027-01-01' };
    expect(await programmas.maak(v1, { sub: 'km-1', organisatie: 'gemeente-a' })).toBe(true);
    expect(await programmas.maak({ ...v1, naam: 'Anders' }, { sub: 'km-2' })).toBe(false);
    expect(await programmas.voegVersieToe({ ...v1, naam: 'Overschreven' }, { sub: 'km-2' })).toBe(false);
    expect(await programmas.voegVersieToe({ ...v1, versie: 2, geldigVanaf: '2027-06-01', duur: { ...v1.duur, maxMaanden: 30 } }, { sub: 'km-2' })).toBe(true);
    expect((await programmas.versies('eigen-aanpak')).map((v) => [v.definitie.versie, v.definitie.naam, v.gepubliceerdDoor])).toEqual([
      [1, 'Eigen aanpak', 'km-1'],
      [2, 'Eigen aanpak', 'km-2'],
    ]);
  });

  it('a traject starting on a date follows the highest version valid on that date', async () => {
    expect(await programmas.geldigOp('eigen-aanpak', '2026-12-31')).toBeUndefined();
    expect((await programmas.geldigOp('eigen-aanpak', '2027-05-31'))?.definitie.versie).toBe(1);
    expect((await programmas.geldigOp('eigen-aanpak', '2027-06-01'))?.definitie.versie).toBe(2);
    expect(await programmas.versies('onbekend')).toEqual([]);
    expect(await new SqlTrajectRepository(ds).aantalOpProgramma('eigen-aanpak', 1)).toBe(0);
  });
});
