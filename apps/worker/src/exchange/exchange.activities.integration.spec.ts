import { OverdrachtActiviteitenService, type VerwerkingMelding } from '@ketenregie/exchange-application';
import type { Namens } from '@ketenregie/exchange-contracts';
import { EXCHANGE_MIGRATIONS, exchangeRepositories, type ExchangeRepositories } from '@ketenregie/exchange-data-access';
import { openDatabase, serviceIdentity, type VerifiedIdentity } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ExchangeActivitiesAdapter } from './exchange.activities';
import { exchangeWorkerConfigSchema } from './exchange-worker.config';

const namens: Namens = { professional: 'km-1', organisatie: 'gemeente-helmond', type: 'gemeente', rol: 'klantmanager' };

describeEachDatabase('exchange activities (the handover steps in-process)', (db) => {
  let ds: DataSource;
  let opslag: ExchangeRepositories;
  let adapter: ExchangeActivitiesAdapter;
  const meldingen: { melding: VerwerkingMelding; namens?: VerifiedIdentity }[] = [];
  const echteFetch = globalThis.fetch;
  const fetches: string[] = [];

  beforeAll(async () => {
    ds = await openDatabase({ url: db.url, schema: db.schema, migrations: EXCHANGE_MIGRATIONS });
    opslag = exchangeRepositories(ds);
    const config = exchangeWorkerConfigSchema.parse({});
    // consent-service's processing log (another context) is recorded here instead of posted.
    const log = {
      meld: async (melding: VerwerkingMelding, aanroep: { namens?: VerifiedIdentity }) => void meldingen.push({ melding, namens: aanroep.namens }),
    };
    adapter = new ExchangeActivitiesAdapter(
      config,
      serviceIdentity({ ...config, clientId: config.WORKER_CLIENT_ID }),
      new OverdrachtActiviteitenService(opslag.overdrachten, opslag.dossiers, log),
      undefined as never,
    );
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      fetches.push(String(input));
      return echteFetch(input, init);
    }) as typeof fetch;
  }, 60_000);

  afterAll(async () => {
    globalThis.fetch = echteFetch;
    await ds?.destroy();
  });

  type OverdrachtRecord = Parameters<ExchangeRepositories['overdrachten']['voegOverdrachtToe']>[0];

  async function aangevraagd(): Promise<OverdrachtRecord> {
    const o: OverdrachtRecord = {
      id: randomUUID(),
      deelnemerId: randomUUID(),
      trajectId: randomUUID(),
      zender: { organisatie: namens.organisatie, type: 'gemeente', professional: 'km-1', rol: 'klantmanager' },
      ontvanger: { organisatie: 'ggz-oost-brabant', type: 'ggz' },
      regievoerder: 'km-1',
      regievoerderOrganisatie: namens.organisatie,
      reden: 'ggz-behandeling',
      overTeNemen: ['regie'],
      status: 'aangevraagd',
      afwijzingen: [],
      aangevraagdOp: new Date(),
      bijgewerktOp: new Date(),
    };
    await opslag.overdrachten.voegOverdrachtToe(
      o,
      { contact: { naam: 'J. Jansen', telefoon: '0612345678' }, gezondheid: { diagnose: 'F32.1' } },
      {
        id: randomUUID(),
        sleutel: `${o.id}/aanvraag`,
        type: 'nl.ketenregie.overdracht.aangevraagd',
        subject: `overdracht/${o.id}`,
        dataref: `/api/v1/overdrachten/${o.id}`,
        data: { status: 'aangevraagd' },
        ontvangers: [namens.organisatie],
      },
    );
    return o;
  }

  it('a whole handover path (steps, delivery, withdrawal) makes no HTTP call: the worker writes the exchange schema itself, once per key', async () => {
    const o = await aangevraagd();
    const wf = `overdracht-${o.id}`;
    const voor = fetches.length;
    await adapter.recordStep({
      sleutel: `${wf}/1/aangevraagd`,
      namens,
      overdrachtId: o.id,
      status: 'aangevraagd',
      gebeurtenis: 'nl.ketenregie.overdracht.aangevraagd',
    });
    const levering = {
      sleutel: `${wf}/2/dossier`,
      namens,
      overdrachtId: o.id,
      besluitId: randomUUID(),
      vrijgaven: [{ categorie: 'contact', velden: ['naam'] }],
    };
    expect(await adapter.deliverDossier(levering)).toEqual({ categorieen: ['contact'] });
    // A retried delivery (and one under the pre-patch name) stores and reports nothing twice.
    expect(await adapter.leverDossier(levering)).toEqual({ categorieen: ['contact'] });
    const geleverd = {
      sleutel: `${wf}/3/dossier-geleverd`,
      namens,
      overdrachtId: o.id,
      status: 'dossier-geleverd' as const,
      gebeurtenis: 'nl.ketenregie.overdracht.dossier-geleverd' as const,
      termijn: { soort: 'acceptatie' as const, uiterlijk: '2027-01-15', herinnering: '2027-01-14', escalatie: '2027-01-18' },
      taak: { voor: 'ontvanger' as const, soort: 'acceptatie-herinnering' as const, vervalt: '2027-01-15' },
    };
    await adapter.recordStep(geleverd);
    await adapter.registreerStap(geleverd);
    await adapter.withdrawDossier({ sleutel: `${wf}/4/intrekking`, namens, overdrachtId: o.id, reden: 'toestemming-ingetrokken' });
    expect(fetches.slice(voor)).toEqual([]);

    expect(await opslag.overdrachten.overdracht(o.id)).toMatchObject({ status: 'dossier-geleverd', termijn: { soort: 'acceptatie', uiterlijk: '2027-01-15' } });
    expect(await opslag.overdrachten.takenVan('ggz-oost-brabant')).toEqual([expect.objectContaining({ overdrachtId: o.id, soort: 'acceptatie-herinnering' })]);
    expect(await opslag.dossiers.dossier(o.id)).toMatchObject({ categorieen: {}, intrekkingReden: 'toestemming-ingetrokken' });
    const events = (await ds.query(`SELECT type FROM "${db.schema}".outbox WHERE subject = $1 ORDER BY type`, [`overdracht/${o.id}`])) as { type: string }[];
    // The request's own event, then one per recorded step (the repeated keys added nothing).
    expect(events.map((e) => e.type)).toEqual([
      'nl.ketenregie.overdracht.aangevraagd',
      'nl.ketenregie.overdracht.aangevraagd',
      'nl.ketenregie.overdracht.dossier-geleverd',
    ]);
    // The disclosure is reported once, by the worker acting for the sender.
    expect(meldingen.filter((m) => m.melding.besluitId === levering.besluitId)).toEqual([
      {
        melding: expect.objectContaining({ handeling: 'verstrekking', categorieen: ['contact'], ontvanger: { organisatie: 'ggz-oost-brabant', type: 'ggz' } }),
        namens: { sub: 'km-1', organisatie: namens.organisatie, organisatieType: 'gemeente', rol: 'klantmanager', actor: 'ketenregie-worker' },
      },
    ]);
  });

  it('a step for a handover the sender does not have fails for good (non-retryable, typed with its code)', async () => {
    const o = await aangevraagd();
    const fout = await adapter
      .recordStep({
        sleutel: 'x',
        namens: { ...namens, organisatie: 'senzer' },
        overdrachtId: o.id,
        status: 'geannuleerd',
        gebeurtenis: 'nl.ketenregie.overdracht.beeindigd',
      })
      .catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(ApplicationFailure);
    expect(fout).toMatchObject({ type: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN', nonRetryable: true });
  });
});
