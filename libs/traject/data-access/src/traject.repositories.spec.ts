import { trajectOverzicht } from '@ketenregie/traject-contracts';
import { MAATWERKTRAJECT_DEN_BOSCH_V1, startTraject } from '@ketenregie/traject-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { BsnKluis, TRAJECT_ENTITIES, TRAJECT_MIGRATIONS, TypeOrmDeelnemerRepository, TypeOrmTakenRepository, TypeOrmTrajectRepository } from './index';

const kluis = new BsnKluis('k1', { k1: Buffer.alloc(32, 1), k0: Buffer.alloc(32, 2) }, Buffer.alloc(32, 3));

describe('BSN vault', () => {
  it('encrypts with a fresh IV, decrypts, and detects tampering', () => {
    const a = kluis.versleutel('111222333');
    const b = kluis.versleutel('111222333');
    expect(a.data.equals(b.data)).toBe(false);
    expect(a.data.includes(Buffer.from('111222333'))).toBe(false);
    expect(kluis.ontsleutel(a)).toBe('111222333');
    const kapot = Buffer.from(a.data);
    kapot[kapot.length - 1] ^= 1;
    expect(() => kluis.ontsleutel({ sleutelId: 'k1', data: kapot })).toThrow();
    expect(() => kluis.ontsleutel({ sleutelId: 'k9', data: a.data })).toThrow(/no longer held/);
  });

  it('decrypts with an older key after rotation; the blind index is stable and keyed', () => {
    const oud = new BsnKluis('k0', { k0: Buffer.alloc(32, 2) }, Buffer.alloc(32, 3)).versleutel('111222333');
    expect(kluis.ontsleutel(oud)).toBe('111222333');
    expect(kluis.index('111222333')).toBe(kluis.index('111222333'));
    expect(new BsnKluis('k1', { k1: Buffer.alloc(32, 1) }, Buffer.alloc(32, 4)).index('111222333')).not.toBe(kluis.index('111222333'));
  });

  it('refuses weak keys', () => {
    expect(() => new BsnKluis('k1', { k1: Buffer.alloc(16) }, Buffer.alloc(32))).toThrow(TypeError);
    expect(() => new BsnKluis('k2', { k1: Buffer.alloc(32) }, Buffer.alloc(32))).toThrow(TypeError);
    expect(() => new BsnKluis('k1', { k1: Buffer.alloc(32) }, Buffer.alloc(8))).toThrow(TypeError);
  });
});

describeEachDatabase('traject data access', (db) => {
  describe('on a migrated traject schema', () => {
    let ds: DataSource;
    let admin: Client;
    let deelnemers: TypeOrmDeelnemerRepository;
    let trajecten: TypeOrmTrajectRepository;
    let taken: TypeOrmTakenRepository;

    beforeAll(async () => {
      ds = await openDatabase({ url: db.url, schema: db.schema, entities: TRAJECT_ENTITIES, migrations: TRAJECT_MIGRATIONS });
      admin = new Client({ connectionString: db.url });
      await admin.connect();
      deelnemers = new TypeOrmDeelnemerRepository(ds, kluis);
      trajecten = new TypeOrmTrajectRepository(ds);
      taken = new TypeOrmTakenRepository(ds);
    }, 60_000);

    afterAll(async () => {
      await admin?.end();
      await ds?.destroy();
    });

    const nieuw = (bsn: string) => ({ bsn, voornamen: 'Anna', achternaam: 'Jansen', geboortedatum: '1975-03-02', contact: { telefoon: '0612345678' }, aangemaaktDoor: 'km-1' });

    async function traject(): Promise<{ id: string; deelnemerId: string }> {
      const deelnemerId = (await deelnemers.maak(nieuw(String(100_000_000 + Math.floor(Math.random() * 899_999_999))))) as string;
      const id = randomUUID();
      await trajecten.registreer({ id, deelnemerId, programmaCode: 'fip', programmaVersie: 1, workflowId: `traject-${id}`, aangemaaktDoor: 'km-1' });
      return { id, deelnemerId };
    }

    it('stores the BSN only encrypted, unique through the blind index', async () => {
      const id = await deelnemers.maak(nieuw('111222333'));
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await deelnemers.maak(nieuw('111222333'))).toBeUndefined();
      expect(await deelnemers.vindOpBsn('111222333')).toBe(id);
      expect(await deelnemers.bsnVan(id as string)).toBe('111222333');
      expect(await deelnemers.vind(id as string)).toEqual(expect.objectContaining({ voornamen: 'Anna', geboortedatum: '1975-03-02', contact: { telefoon: '0612345678' } }));
      const raw = await admin.query(`SELECT * FROM "${db.schema}".deelnemer WHERE id = $1`, [id]);
      expect(JSON.stringify(raw.rows[0])).not.toContain('111222333');
    });

    it('keeps several trajecten per deelnemer, oldest first', async () => {
      const { id, deelnemerId } = await traject();
      const tweede = randomUUID();
      await trajecten.registreer({ id: tweede, deelnemerId, programmaCode: 'maatwerktraject-den-bosch', programmaVersie: 1, workflowId: `traject-${tweede}`, aangemaaktDoor: 'km-1' });
      expect((await trajecten.vanDeelnemer(deelnemerId)).map((t) => t.id)).toEqual([id, tweede]);
    });

    it('projects the overview monotonically and answers involvement by organisation', async () => {
      const { id } = await traject();
      const { state } = startTraject({ trajectId: id, datum: '2027-01-04', regie: { regievoerderId: 'km-1', organisatieId: 'gem' }, coach: { coachId: 'c1', organisatieId: 'uv' }, aanmeldreden: 'x' }, MAATWERKTRAJECT_DEN_BOSCH_V1, '2027-01-04');
      const o = trajectOverzicht(state);
      await trajecten.werkOverzichtBij(o);
      await trajecten.werkOverzichtBij({ ...o, versie: o.versie - 1, fase: 'aanmelding' });
      expect((await trajecten.overzicht(id))?.fase).toBe('contact-leggen');
      await trajecten.werkOverzichtBij({ ...o, versie: o.versie + 1, fase: 'kennismaking' });
      expect((await trajecten.overzicht(id))?.fase).toBe('kennismaking');
      expect(await trajecten.isBetrokken(id, 'gem')).toBe(true);
      expect(await trajecten.isBetrokken(id, 'uv')).toBe(true);
      expect(await trajecten.isBetrokken(id, 'werkgever-x')).toBe(false);
      expect((await trajecten.lopendVanCoach('c1', 'uv')).map((t) => t.id)).toContain(id);
      expect(await trajecten.lopendVanCoach('c1', 'gem')).toEqual([]);

      await trajecten.legTijdlijnVast(id, state.tijdlijn);
      await trajecten.legTijdlijnVast(id, state.tijdlijn);
      expect(await trajecten.tijdlijn(id)).toEqual(state.tijdlijn);
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
