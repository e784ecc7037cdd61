import { gepubliceerdeFeiten, MAATWERKTRAJECT_DEN_BOSCH_V1, startTraject, trajectOverzicht } from '@ketenregie/traject-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  DeelnemerKluis,
  TRAJECT_MIGRATIONS,
  trajectMigraties,
  SqlDeelnemerRepository,
  SqlTakenRepository,
  SqlTrajectRepository,
  SqlTrajectTransacties,
} from './index';

const kluis = new DeelnemerKluis('k1', { k1: Buffer.alloc(32, 1), k0: Buffer.alloc(32, 2) }, Buffer.alloc(32, 3));

describe('deelnemer vault', () => {
  it('encrypts with a fresh IV, decrypts, and detects tampering', () => {
    const a = kluis.versleutel('bsn', '111222333');
    const b = kluis.versleutel('bsn', '111222333');
    expect(a.data.equals(b.data)).toBe(false);
    expect(a.data.includes(Buffer.from('111222333'))).toBe(false);
    expect(kluis.ontsleutel('bsn', a)).toBe('111222333');
    const kapot = Buffer.from(a.data);
    kapot[kapot.length - 1] ^= 1;
    expect(() => kluis.ontsleutel('bsn', { sleutelId: 'k1', data: kapot })).toThrow();
    expect(() => kluis.ontsleutel('bsn', { sleutelId: 'k9', data: a.data })).toThrow(/no longer held/);
  });

  it("binds a deelnemer's record to its id: copied to another row it does not decrypt", () => {
    const gegevens = { voornamen: 'Anna', achternaam: 'Jansen', geboortedatum: '1975-03-02', contact: { email: 'anna@example.nl' }, huishoudenId: 'hh-1' };
    const v = kluis.versleutelGegevens('d1', gegevens);
    expect(kluis.ontsleutelGegevens('d1', v)).toEqual(gegevens);
    expect(() => kluis.ontsleutelGegevens('d2', v)).toThrow();
    expect(() => kluis.ontsleutel('bsn', v)).toThrow();
  });

  it('decrypts with an older key after rotation; the blind indexes are stable, keyed and never collide', () => {
    const oud = new DeelnemerKluis('k0', { k0: Buffer.alloc(32, 2) }, Buffer.alloc(32, 3)).versleutel('bsn', '111222333');
    expect(kluis.ontsleutel('bsn', oud)).toBe('111222333');
    expect(kluis.bsnIndex('111222333')).toBe(kluis.bsnIndex('111222333'));
    expect(new DeelnemerKluis('k1', { k1: Buffer.alloc(32, 1) }, Buffer.alloc(32, 4)).bsnIndex('111222333')).not.toBe(kluis.bsnIndex('111222333'));
    expect(kluis.huishoudenIndex('111222333')).not.toBe(kluis.bsnIndex('111222333'));
  });

  it('refuses weak keys', () => {
    expect(() => new DeelnemerKluis('k1', { k1: Buffer.alloc(16) }, Buffer.alloc(32))).toThrow(TypeError);
    expect(() => new DeelnemerKluis('k2', { k1: Buffer.alloc(32) }, Buffer.alloc(32))).toThrow(TypeError);
    expect(() => new DeelnemerKluis('k1', { k1: Buffer.alloc(32) }, Buffer.alloc(8))).toThrow(TypeError);
  });
});

describeEachDatabase('traject data access', (db) => {
  describe('on a migrated traject schema', () => {
    let ds: DataSource;
    let admin: Client;
    let deelnemers: SqlDeelnemerRepository;
    let trajecten: SqlTrajectRepository;
    let taken: SqlTakenRepository;

    beforeAll(async () => {
      ds = await openDatabase({ url: db.url, schema: db.schema, migrations: trajectMigraties(kluis) });
      admin = new Client({ connectionString: db.url });
      await admin.connect();
      deelnemers = new SqlDeelnemerRepository(ds, kluis);
      trajecten = new SqlTrajectRepository(ds);
      taken = new SqlTakenRepository(ds);
    }, 60_000);

    afterAll(async () => {
      await admin?.end();
      await ds?.destroy();
    });

    const nieuw = (bsn: string) => ({
      bsn,
      voornamen: 'Anna',
      achternaam: 'Jansen',
      geboortedatum: '1975-03-02',
      contact: { telefoon: '0612345678' },
      aangemaaktDoor: 'km-1',
      aangemaaktDoorOrganisatie: 'gem',
    });

    async function traject(): Promise<{ id: string; deelnemerId: string }> {
      const deelnemerId = (await deelnemers.maak(nieuw(String(100_000_000 + Math.floor(Math.random() * 899_999_999))))) as string;
      const id = randomUUID();
      await trajecten.registreer({
        id,
        deelnemerId,
        programmaCode: 'fip',
        programmaVersie: 1,
        workflowId: `traject-${id}`,
        aangemaaktDoor: 'km-1',
        aangemaaktDoorOrganisatie: 'gem',
      });
      return { id, deelnemerId };
    }

    it('stores the BSN only encrypted, unique through the blind index; a known BSN yields the same deelnemer and records the new aanmelder', async () => {
      const id = await deelnemers.maak(nieuw('111222333'));
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await deelnemers.maak({ ...nieuw('111222333'), voornamen: 'Ander', aangemaaktDoorOrganisatie: 'gem-2' })).toBe(id);
      expect(await deelnemers.maak(nieuw('111222333'))).toBe(id);
      expect(await deelnemers.vindOpBsn('111222333')).toBe(id);
      expect(await deelnemers.bsnVan(id)).toBe('111222333');
      expect(await deelnemers.vind(id)).toMatchObject({
        voornamen: nieuw('111222333').voornamen,
        aangemaaktDoorOrganisatie: 'gem',
        aanmelders: ['gem', 'gem-2'],
      });
    });

    it('stores no personal field in the clear; reads return them decrypted', async () => {
      const persoon = {
        bsn: '123456782',
        voornamen: 'Wilhelmina Johanna',
        achternaam: 'Verhoeven-Kuijpers',
        geboortedatum: '1968-11-23',
        contact: {
          telefoon: '06 98765432',
          email: 'w.verhoeven@voorbeeld.nl',
          adres: { straat: 'Lindenlaan', huisnummer: '17b', postcode: '5211 AB', woonplaats: 'Dommeldal' },
        },
        huishoudenId: 'huishouden-4711',
        aangemaaktDoor: 'km-1',
        aangemaaktDoorOrganisatie: 'gem',
      };
      const id = (await deelnemers.maak(persoon)) as string;
      const partner = (await deelnemers.maak({ ...nieuw('111222345'), huishoudenId: 'huishouden-4711' })) as string;

      const { rows } = await admin.query(`SELECT * FROM "${db.schema}".deelnemer WHERE id = $1`, [id]);
      const rauw = Object.values(rows[0])
        .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v instanceof Date ? v.toISOString() : JSON.stringify(v)))
        .join('|');
      for (const geheim of [
        '123456782',
        'Wilhelmina',
        'Verhoeven',
        '1968-11-23',
        '1968',
        '98765432',
        'w.verhoeven',
        'voorbeeld.nl',
        'Lindenlaan',
        '5211',
        'Dommeldal',
        'huishouden-4711',
        '4711',
      ]) {
        expect({ geheim, gevonden: rauw.includes(geheim) }).toEqual({ geheim, gevonden: false });
      }

      expect(await deelnemers.vind(id)).toEqual({
        id,
        voornamen: 'Wilhelmina Johanna',
        achternaam: 'Verhoeven-Kuijpers',
        geboortedatum: '1968-11-23',
        contact: persoon.contact,
        huishoudenId: 'huishouden-4711',
        aangemaaktDoorOrganisatie: 'gem',
        aanmelders: ['gem'],
        aangemaaktOp: expect.any(Date),
      });
      expect(await deelnemers.vanHuishouden('huishouden-4711')).toEqual([id, partner]);
      expect(await deelnemers.vanHuishouden('huishouden-4712')).toEqual([]);
    });

    it('keeps several trajecten per deelnemer, oldest first', async () => {
      const { id, deelnemerId } = await traject();
      const tweede = randomUUID();
      await trajecten.registreer({
        id: tweede,
        deelnemerId,
        programmaCode: 'maatwerktraject-den-bosch',
        programmaVersie: 1,
        workflowId: `traject-${tweede}`,
        aangemaaktDoor: 'km-1',
      });
      expect((await trajecten.vanDeelnemer(deelnemerId)).map((t) => t.id)).toEqual([id, tweede]);
    });

    it('projects the overview monotonically and answers involvement by organisation', async () => {
      const { id } = await traject();
      const { state } = startTraject(
        {
          trajectId: id,
          datum: '2027-01-04',
          regie: { regievoerderId: 'km-1', organisatieId: 'gem' },
          coach: { coachId: 'c1', organisatieId: 'uv' },
          aanmeldreden: 'x',
        },
        MAATWERKTRAJECT_DEN_BOSCH_V1,
        '2027-01-04',
      );
      const o = trajectOverzicht(state);
      await trajecten.werkOverzichtBij(o);
      await trajecten.werkOverzichtBij({ ...o, versie: o.versie - 1, fase: 'aanmelding' });
      expect((await trajecten.overzicht(id))?.fase).toBe('contact-leggen');
      await trajecten.werkOverzichtBij({ ...o, versie: o.versie + 1, fase: 'kennismaking' });
      expect((await trajecten.overzicht(id))?.fase).toBe('kennismaking');
      expect(await trajecten.betrokkenheid(id, 'gem')).toEqual(['aanmelder', 'regievoerder']);
      expect(await trajecten.betrokkenheid(id, 'uv')).toEqual(['coach-organisatie']);
      expect(await trajecten.betrokkenheid(id, 'werkgever-x')).toEqual([]);
      // The lead moves: the old regievoerder's role ends, the new one's starts; the history keeps both.
      await trajecten.werkOverzichtBij({ ...o, versie: o.versie + 2, regie: { regievoerderId: 'b-1', organisatieId: 'ggz-x' } });
      expect(await trajecten.betrokkenheid(id, 'gem')).toEqual(['aanmelder']);
      expect(await trajecten.betrokkenheid(id, 'ggz-x')).toEqual(['regievoerder']);
      expect(await trajecten.betrokkenheidBijDeelnemer((await trajecten.vind(id))!.deelnemerId, 'ggz-x')).toEqual(['regievoerder']);
      const historie = await trajecten.betrokkenheidsHistorie(id);
      expect(historie.map((b) => [b.organisatieId, b.rol, b.tot !== undefined])).toEqual(
        expect.arrayContaining([
          ['gem', 'regievoerder', true],
          ['uv', 'coach-organisatie', false],
          ['ggz-x', 'regievoerder', false],
        ]),
      );
      expect((await trajecten.lopendVanCoach('c1', 'uv')).map((t) => t.id)).toContain(id);
      expect(await trajecten.lopendVanCoach('c1', 'gem')).toEqual([]);

      await trajecten.legTijdlijnVast(id, state.tijdlijn);
      await trajecten.legTijdlijnVast(id, state.tijdlijn);
      expect(await trajecten.tijdlijn(id)).toEqual(state.tijdlijn);
    });

    it("records a referral's receiver as ontvanger from now on, only in trajecten the sender leads or coaches, once", async () => {
      const { id } = await traject();
      const { state } = startTraject(
        { trajectId: id, datum: '2027-01-04', regie: { regievoerderId: 'km-1', organisatieId: 'gem' }, aanmeldreden: 'x' },
        MAATWERKTRAJECT_DEN_BOSCH_V1,
        '2027-01-04',
      );
      await trajecten.werkOverzichtBij(trajectOverzicht(state));
      const deelnemerId = (await trajecten.vind(id))!.deelnemerId;
      // A sender without the lead or the coach organisation records nothing.
      expect(await trajecten.legOntvangerVast(deelnemerId, 'schuldhulp-x', 'werkgever-x')).toEqual([]);
      expect(await trajecten.betrokkenheidBijDeelnemer(deelnemerId, 'schuldhulp-x')).toEqual([]);
      expect(await trajecten.legOntvangerVast(deelnemerId, 'schuldhulp-x', 'gem')).toEqual([id]);
      expect(await trajecten.legOntvangerVast(deelnemerId, 'schuldhulp-x', 'gem')).toEqual([id]);
      expect(await trajecten.betrokkenheid(id, 'schuldhulp-x')).toEqual(['ontvanger']);
      const rijen = (await trajecten.betrokkenheidsHistorie(id)).filter((b) => b.organisatieId === 'schuldhulp-x');
      expect(rijen).toEqual([{ organisatieId: 'schuldhulp-x', rol: 'ontvanger', vanaf: expect.any(Date) }]);
    });

    it("ends a receiver's ontvanger rows when its referral ends, and every receiver's when the traject ends; other involvements stay", async () => {
      const { id } = await traject();
      const { state } = startTraject(
        { trajectId: id, datum: '2027-01-04', regie: { regievoerderId: 'km-1', organisatieId: 'gem' }, aanmeldreden: 'x' },
        MAATWERKTRAJECT_DEN_BOSCH_V1,
        '2027-01-04',
      );
      const o = trajectOverzicht(state);
      await trajecten.werkOverzichtBij(o);
      const deelnemerId = (await trajecten.vind(id))!.deelnemerId;
      await trajecten.legOntvangerVast(deelnemerId, 'schuldhulp-x', 'gem');
      await trajecten.legOntvangerVast(deelnemerId, 'ggz-y', 'gem');
      expect(await trajecten.beeindigOntvanger(deelnemerId, 'schuldhulp-x')).toEqual([id]);
      expect(await trajecten.beeindigOntvanger(deelnemerId, 'schuldhulp-x')).toEqual([]);
      expect(await trajecten.betrokkenheidBijDeelnemer(deelnemerId, 'schuldhulp-x')).toEqual([]);
      expect(await trajecten.betrokkenheid(id, 'ggz-y')).toEqual(['ontvanger']);
      const eind = (await trajecten.betrokkenheidsHistorie(id)).find((b) => b.organisatieId === 'schuldhulp-x');
      expect(eind).toEqual({ organisatieId: 'schuldhulp-x', rol: 'ontvanger', vanaf: expect.any(Date), tot: expect.any(Date) });
      // The traject ends: its receivers' rows end with it; the lead's history is untouched.
      await trajecten.werkOverzichtBij({ ...o, versie: o.versie + 1, status: 'afgesloten' });
      expect(await trajecten.betrokkenheid(id, 'ggz-y')).toEqual([]);
      expect(await trajecten.betrokkenheid(id, 'gem')).toEqual(expect.arrayContaining(['regievoerder']));
    });

    it('publishes the facts of an outcome in its transaction, once however often it is retried, read in order as a feed', async () => {
      const { id, deelnemerId } = await traject();
      const uitkomst = startTraject(
        {
          trajectId: id,
          datum: '2027-01-04',
          regie: { regievoerderId: 'km-1', organisatieId: 'gem' },
          coach: { coachId: 'c1', organisatieId: 'uv' },
          aanmeldreden: 'x',
        },
        MAATWERKTRAJECT_DEN_BOSCH_V1,
        '2027-01-04',
      );
      // What applyOutcome does, twice (a retried local activity).
      const pasToe = () =>
        new SqlTrajectTransacties(ds).binnen(async (opslag) => {
          await opslag.trajecten.werkOverzichtBij(trajectOverzicht(uitkomst.state));
          await opslag.trajecten.legTijdlijnVast(id, uitkomst.gebeurtenissen);
          await opslag.trajecten.publiceer(gepubliceerdeFeiten(trajectOverzicht(uitkomst.state), uitkomst.gebeurtenissen));
        });
      const voor = await trajecten.gebeurtenissenNa(0, 1000);
      await pasToe();
      await pasToe();
      const na = (await trajecten.gebeurtenissenNa(voor.at(-1)?.volgnummer ?? 0, 1000)).filter((r) => r.trajectId === id);
      expect(na.map((r) => r.soort)).toEqual(['aangemeld', 'coach-toegewezen', 'fase-gewijzigd']);
      expect(na[0].data).toEqual({
        programma: MAATWERKTRAJECT_DEN_BOSCH_V1.code,
        regieOrganisatie: 'gem',
        coachOrganisatie: 'uv',
        coach: 'c1',
        aanmeldreden: 'x',
      });
      expect(JSON.stringify(na)).not.toContain(deelnemerId);
      expect(na.map((r) => r.volgnummer)).toEqual([...na.map((r) => r.volgnummer)].sort((a, b) => a - b));
    });

    it('task list: idempotent creation, overdue, escalation, transfer and closing', async () => {
      const { id } = await traject();
      const basis = { trajectId: id, sleutel: `traject-${id}:a1` };
      await taken.maak({ ...basis, termijnId: 't1', taak: 'evaluatie', voor: 'coach', toegewezenAan: 'c1', vervalt: '2027-04-28' });
      await taken.maak({ ...basis, termijnId: 't1', taak: 'evaluatie', voor: 'coach', toegewezenAan: 'c1', vervalt: '2027-04-28' });
      expect(await taken.openVoor('c1')).toEqual([expect.objectContaining({ termijnId: 't1', status: 'open', vervalt: '2027-04-28' })]);

      await taken.markeerVerlopen({ ...basis, termijnId: 't1', taak: 'evaluatie', toegewezenAan: 'c1', vervalt: '2027-04-28' });
      await taken.markeerVerlopen({ ...basis, termijnId: 't2', taak: 'fase', toegewezenAan: 'c1', vervalt: '2027-02-01' });
      expect((await taken.openVoor('c1')).map((t) => [t.termijnId, t.status])).toEqual([
        ['t2', 'verlopen'],
        ['t1', 'verlopen'],
      ]);

      await taken.escaleer({ ...basis, termijnId: 't1', taak: 'evaluatie', regievoerderId: 'km-1', vervalt: '2027-04-28' });
      expect(await taken.openVoor('km-1')).toEqual([expect.objectContaining({ termijnId: 't1', geescaleerdNaar: 'km-1', toegewezenAan: 'c1' })]);

      await taken.draagOver({ ...basis, rol: 'regievoerder', van: 'km-1', naar: 'ggz-7' });
      await taken.draagOver({ ...basis, rol: 'coach', van: 'c1', naar: 'c2' });
      expect(await taken.openVoor('km-1')).toEqual([]);
      expect((await taken.openVoor('ggz-7')).map((t) => t.termijnId)).toEqual(['t1']);
      expect((await taken.openVoor('c2')).map((t) => t.termijnId)).toEqual(['t2', 't1']);

      await taken.rondAf(id, 't1');
      await taken.markeerVerlopen({ ...basis, termijnId: 't1', taak: 'evaluatie', toegewezenAan: 'c2', vervalt: '2027-04-28' });
      expect((await taken.openVoor('c2')).map((t) => t.termijnId)).toEqual(['t2']);

      await taken.meld({ ...basis, sleutel: `traject-${id}:a9`, aan: 'km-1', onderwerp: 'uitval' });
      await taken.meld({ ...basis, sleutel: `traject-${id}:a9`, aan: 'km-1', onderwerp: 'uitval' });
      const m = await admin.query(`SELECT count(*)::int AS n FROM "${db.schema}".melding WHERE traject_id = $1`, [id]);
      expect(m.rows[0].n).toBe(1);
    });
  });
});

describeEachDatabase('deelnemer encryption migration', (db) => {
  describe('on a database with plaintext deelnemers', () => {
    const plat = [
      {
        bsn: '111222333',
        voornamen: 'Gerarda',
        achternaam: 'Oosterhuis',
        geboortedatum: '1962-07-30',
        contact: { email: 'g.oosterhuis@voorbeeld.nl', telefoon: '0401234567' },
        huishouden: 'hh-oost',
      },
      { bsn: '111222345', voornamen: 'Bartholomeus', achternaam: 'Oosterhuis', geboortedatum: '1959-02-11', contact: {}, huishouden: 'hh-oost' },
      { bsn: '123456782', voornamen: 'Yasmina', achternaam: 'El Idrissi', geboortedatum: '1990-12-01', contact: { telefoon: '0687654321' }, huishouden: null },
    ];
    const geheimen = [
      'Gerarda',
      'Bartholomeus',
      'Oosterhuis',
      'Yasmina',
      'Idrissi',
      '1962-07-30',
      '1990-12-01',
      'g.oosterhuis',
      '0401234567',
      '0687654321',
      'hh-oost',
    ];

    let admin: Client;
    const tabel = () => `"${db.schema}".deelnemer`;

    /** The table's data file as the server stores it (after a checkpoint wrote the shared buffers). */
    async function bestand(): Promise<string> {
      await admin.query('CHECKPOINT');
      const r = await admin.query(`SELECT pg_read_binary_file(pg_relation_filepath($1)) AS b`, [tabel()]);
      return (r.rows[0].b as Buffer).toString('latin1');
    }

    beforeAll(async () => {
      admin = new Client({ connectionString: db.url });
      await admin.connect();
    });

    afterAll(async () => {
      await admin?.end();
    });

    it('converts existing plaintext rows: the table and its data file hold no personal field, reads decrypt, and down restores them', async () => {
      const oud = await openDatabase({ url: db.url, schema: db.schema, migrations: TRAJECT_MIGRATIONS });
      const ids: string[] = [];
      try {
        for (const p of plat) {
          const bsn = kluis.versleutel('bsn', p.bsn);
          const r = await oud.query(
            `INSERT INTO ${tabel()} (bsn_versleuteld, bsn_sleutel_id, bsn_index, voornamen, achternaam, geboortedatum, contact, huishouden_id, aangemaakt_door)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'km-1') RETURNING id`,
            [bsn.data, bsn.sleutelId, kluis.bsnIndex(p.bsn), p.voornamen, p.achternaam, p.geboortedatum, JSON.stringify(p.contact), p.huishouden],
          );
          ids.push(r[0].id);
        }
        await oud.query(
          `INSERT INTO "${db.schema}".traject (id, deelnemer_id, programma_code, programma_versie, workflow_id, aangemaakt_door) VALUES ($1, $2, 'fip', 1, $3, 'km-1')`,
          [ids[0], ids[0], `traject-${ids[0]}`],
        );
      } finally {
        await oud.destroy();
      }
      // The check can fail: before the migration the data file holds the names in the clear.
      expect(await bestand()).toContain('Oosterhuis');

      const ds = await openDatabase({ url: db.url, schema: db.schema, migrations: trajectMigraties(kluis) });
      try {
        const { rows } = await admin.query(`SELECT * FROM ${tabel()}`);
        expect(rows).toHaveLength(3);
        const rauw = JSON.stringify(rows.map((r) => Object.values(r).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))));
        const bestandNa = await bestand();
        for (const geheim of geheimen) {
          expect({ geheim, tabel: rauw.includes(geheim), bestand: bestandNa.includes(geheim) }).toEqual({ geheim, tabel: false, bestand: false });
        }

        const deelnemers = new SqlDeelnemerRepository(ds, kluis);
        for (const [i, p] of plat.entries()) {
          expect(await deelnemers.vind(ids[i])).toEqual({
            id: ids[i],
            voornamen: p.voornamen,
            achternaam: p.achternaam,
            geboortedatum: p.geboortedatum,
            contact: p.contact,
            huishoudenId: p.huishouden ?? undefined,
            aanmelders: [],
            aangemaaktOp: expect.any(Date),
          });
          expect(await deelnemers.bsnVan(ids[i])).toBe(p.bsn);
        }
        expect(await deelnemers.vanHuishouden('hh-oost')).toEqual(expect.arrayContaining([ids[0], ids[1]]));
        expect(await new SqlTrajectRepository(ds).vanDeelnemer(ids[0])).toHaveLength(1);

        await ds.undoLastMigration({ transaction: 'each' }); // the aanmeldingen
        await ds.undoLastMigration({ transaction: 'each' }); // the encryption
        const terug = await admin.query(
          `SELECT id, voornamen, achternaam, geboortedatum::text AS geboortedatum, contact, huishouden_id FROM ${tabel()} ORDER BY id`,
        );
        expect(terug.rows).toEqual(
          plat
            .map((p, i) => ({
              id: ids[i],
              voornamen: p.voornamen,
              achternaam: p.achternaam,
              geboortedatum: p.geboortedatum,
              contact: p.contact,
              huishouden_id: p.huishouden,
            }))
            .sort((a, b) => a.id.localeCompare(b.id)),
        );
      } finally {
        await ds.destroy();
      }
    });
  });
});
