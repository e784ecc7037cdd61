import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { TrajectActiviteitenService } from '@ketenregie/traject-application';
import type { TrajectEffect, TrajectOverzicht, UitkomstVerwerken } from '@ketenregie/traject-contracts';
import { TRAJECT_MIGRATIONS, SqlTakenRepository, SqlTrajectRepository, SqlTrajectTransacties } from '@ketenregie/traject-data-access';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TrajectActivitiesAdapter } from './traject.activities';

describeEachDatabase('traject applyOutcome (one transaction)', (db) => {
  let ds: DataSource;
  let adapter: TrajectActivitiesAdapter;
  let trajecten: SqlTrajectRepository;
  let taken: SqlTakenRepository;

  beforeAll(async () => {
    ds = await openDatabase({ url: db.url, schema: db.schema, migrations: TRAJECT_MIGRATIONS });
    trajecten = new SqlTrajectRepository(ds);
    taken = new SqlTakenRepository(ds);
    adapter = new TrajectActivitiesAdapter(new TrajectActiviteitenService(trajecten, taken, new SqlTrajectTransacties(ds)));
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  /** A registered traject and the outcome of its start, as the workflow hands it to `applyOutcome`. */
  async function gestart(): Promise<UitkomstVerwerken> {
    const [{ id: deelnemerId }] = (await ds.query(
      `INSERT INTO "${db.schema}".deelnemer (bsn_versleuteld, bsn_sleutel_id, bsn_index, voornamen, achternaam, geboortedatum, aangemaakt_door)
       VALUES ($1, 'k1', $2, 'x', 'x', '1975-03-02', 'km-1') RETURNING id`,
      [randomBytes(16), randomUUID()],
    )) as { id: string }[];
    const id = randomUUID();
    await trajecten.registreer({
      id,
      deelnemerId,
      programmaCode: 'maatwerktraject-den-bosch',
      programmaVersie: 1,
      workflowId: `traject-${id}`,
      aangemaaktDoor: 'km-1',
    });
    const overzicht: TrajectOverzicht = {
      trajectId: id,
      programma: { code: 'maatwerktraject-den-bosch', versie: 1 },
      fase: 'contact-leggen',
      status: 'actief',
      startdatum: '2027-01-04',
      geplandeEinddatum: '2028-01-04',
      regie: { regievoerderId: 'km-1', organisatieId: 'gem' },
      coach: { coachId: 'coach-1', organisatieId: 'uitv' },
      evaluaties: 0,
      gepauzeerdeWerkdagen: 0,
      heropeningen: 0,
      voortgang: { ladder: [], zrm: [], gas: [] } as unknown as TrajectOverzicht['voortgang'],
      versie: 2,
    };
    const gebeurtenissen = [
      { nr: 1, datum: '2027-01-04', soort: 'aangemeld', fase: 'aanmelding', gegevens: {} },
      { nr: 2, datum: '2027-01-04', soort: 'fase-gewijzigd', fase: 'contact-leggen', gegevens: {} },
    ] as unknown as UitkomstVerwerken['gebeurtenissen'];
    const taak: TrajectEffect = {
      naam: 'createTask',
      invoer: {
        sleutel: `traject-${id}:a1`,
        trajectId: id,
        termijnId: 't1',
        taak: 'eerste-contact',
        voor: 'coach',
        toegewezenAan: 'coach-1',
        vervalt: '2027-01-11',
      },
    };
    return { trajectId: id, overzicht, gebeurtenissen, effecten: [taak] };
  }

  it('writes projection, timeline and tasks of an outcome; a retry has no second effect', async () => {
    const u = await gestart();
    await adapter.applyOutcome(u);
    await adapter.applyOutcome(u);

    expect(await trajecten.overzicht(u.trajectId)).toEqual(u.overzicht);
    expect((await trajecten.tijdlijn(u.trajectId)).map((g) => g.nr)).toEqual(u.gebeurtenissen.map((g) => g.nr));
    expect((await taken.openVoor('coach-1')).filter((t) => t.trajectId === u.trajectId)).toEqual([
      expect.objectContaining({ termijnId: 't1', status: 'open', vervalt: '2027-01-11' }),
    ]);
  });

  it('is all or nothing: when one write fails, neither the projection nor the timeline of that outcome is stored', async () => {
    const u = await gestart();
    const kapot: TrajectEffect = {
      naam: 'createTask',
      invoer: { ...(u.effecten[0].invoer as Extract<TrajectEffect, { naam: 'createTask' }>['invoer']), termijnId: 't2', vervalt: 'geen-datum' },
    };
    await expect(adapter.applyOutcome({ ...u, effecten: [...u.effecten, kapot] })).rejects.toThrow();

    expect(await trajecten.overzicht(u.trajectId)).toBeUndefined();
    expect(await trajecten.tijdlijn(u.trajectId)).toEqual([]);
    expect((await taken.openVoor('coach-1')).filter((t) => t.trajectId === u.trajectId)).toEqual([]);
  });
});
