import { KLUIS_MIGRATIONS, LokaleKms, Sleutelkluis, SleutelVernietigdFout } from '@ketenregie/shared-crypto';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { MAATWERKTRAJECT_DEN_BOSCH_V1, startTraject, trajectOverzicht } from '@ketenregie/traject-domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DeelnemerKluis, trajectMigraties, SqlDeelnemerRepository, SqlTrajectRepository } from './index';

const kluis = new DeelnemerKluis('k1', { k1: Buffer.alloc(32, 1) }, Buffer.alloc(32, 3));

describeEachDatabase('per-deelnemer keys in the traject schema', (db) => {
  it('moves single-key rows to per-deelnemer keys; an erased deelnemer no longer decrypts, the others do, and no file holds the name', async () => {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const sleutels = new Sleutelkluis(
      new LokaleKms('m1', { m1: randomBytes(32) }),
      () => openDatabase({ url: db.url, schema: `${db.schema}_kluis`, entities: [], migrations: KLUIS_MIGRATIONS, poolSize: 2 }),
      { cacheMs: 0 },
    );
    const bestand = async (tabel: string) => {
      await admin.query('CHECKPOINT');
      const r = await admin.query(`SELECT pg_read_binary_file(pg_relation_filepath($1)) AS b`, [`"${db.schema}".${tabel}`]);
      return (r.rows[0].b as Buffer).toString('latin1');
    };
    try {
      // Before: one key for everyone.
      const oud = await openDatabase({ url: db.url, schema: db.schema, migrations: trajectMigraties(kluis) });
      const personen = [
        { naam: 'Zwanenburg', bsn: '111222333' },
        { naam: 'Kortenhoeven', bsn: '123456782' },
      ];
      const ids: string[] = [];
      const trajectIds: string[] = [];
      try {
        const deelnemers = new SqlDeelnemerRepository(oud, kluis);
        const trajecten = new SqlTrajectRepository(oud);
        for (const p of personen) {
          const id = await deelnemers.maak({
            bsn: p.bsn,
            voornamen: 'Anna',
            achternaam: p.naam,
            geboortedatum: '1970-01-01',
            contact: {},
            aangemaaktDoor: 'km-1',
            aangemaaktDoorOrganisatie: 'gem',
          });
          const trajectId = randomUUID();
          await trajecten.registreer({
            id: trajectId,
            deelnemerId: id,
            programmaCode: 'fip',
            programmaVersie: 1,
            workflowId: `traject-${trajectId}`,
            aangemaaktDoor: 'km-1',
          });
          const { state } = startTraject(
            { trajectId, datum: '2027-01-04', regie: { regievoerderId: 'km-1', organisatieId: 'gem' }, aanmeldreden: 'x' },
            MAATWERKTRAJECT_DEN_BOSCH_V1,
            '2027-01-04',
          );
          await trajecten.werkOverzichtBij(trajectOverzicht(state));
          await trajecten.legTijdlijnVast(trajectId, state.tijdlijn);
          ids.push(id);
          trajectIds.push(trajectId);
        }
      } finally {
        await oud.destroy();
      }

      const ds = await openDatabase({ url: db.url, schema: db.schema, migrations: trajectMigraties(kluis, sleutels) });
      try {
        const deelnemers = new SqlDeelnemerRepository(ds, kluis, sleutels);
        const trajecten = new SqlTrajectRepository(ds, sleutels);
        const { rows } = await admin.query(`SELECT id, bsn_sleutel_id, gegevens_sleutel_id FROM "${db.schema}".deelnemer`);
        for (const r of rows) expect(r.gegevens_sleutel_id).toMatch(/^[0-9a-f-]{36}$/);
        expect((await deelnemers.vind(ids[0] as string))?.achternaam).toBe('Zwanenburg');
        expect(await deelnemers.bsnVan(ids[1] as string)).toBe('123456782');
        const overzicht = await trajecten.overzicht(trajectIds[0] as string);
        expect(overzicht?.voortgang).toBeDefined();
        const { rows: o } = await admin.query(`SELECT overzicht FROM "${db.schema}".traject_overzicht WHERE traject_id = $1`, [trajectIds[0]]);
        expect(o[0].overzicht.voortgang).toBeUndefined();

        // A new deelnemer gets a key of their own at once.
        const nieuw = await deelnemers.maak({
          bsn: '999999990',
          voornamen: 'Bram',
          achternaam: 'Vermeulen',
          geboortedatum: '1980-02-02',
          contact: {},
          aangemaaktDoor: 'km-1',
          aangemaaktDoorOrganisatie: 'gem',
        });
        expect((await deelnemers.vind(nieuw))?.achternaam).toBe('Vermeulen');

        expect(await sleutels.vernietig(ids[0] as string, 'verzoek')).toBe(1);
        await deelnemers.wisIndexen(ids[0] as string);
        expect(await deelnemers.vind(ids[0] as string)).toBeUndefined();
        await expect(deelnemers.bsnVan(ids[0] as string)).rejects.toBeInstanceOf(SleutelVernietigdFout);
        await expect(trajecten.overzicht(trajectIds[0] as string)).rejects.toBeInstanceOf(SleutelVernietigdFout);
        expect(await deelnemers.vindOpBsn('111222333')).toBeUndefined();
        expect((await deelnemers.vind(ids[1] as string))?.achternaam).toBe('Kortenhoeven');
        expect((await trajecten.tijdlijn(trajectIds[1] as string)).length).toBeGreaterThan(0);
        await expect(trajecten.tijdlijn(trajectIds[0] as string)).rejects.toBeInstanceOf(SleutelVernietigdFout);
        for (const tabel of ['deelnemer', 'traject_overzicht']) {
          const f = await bestand(tabel);
          for (const geheim of ['Zwanenburg', 'Kortenhoeven', 'Vermeulen'])
            expect({ tabel, geheim, gevonden: f.includes(geheim) }).toEqual({ tabel, geheim, gevonden: false });
        }
      } finally {
        await ds.destroy();
      }
    } finally {
      await sleutels.sluit();
      await admin.end();
    }
  }, 60_000);
});
