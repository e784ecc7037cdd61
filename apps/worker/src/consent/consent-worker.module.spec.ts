import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RegisterService, ToestemmingService } from '@ketenregie/consent-application';
import { EMBEDDED_PSEUDONIEM_SLEUTEL, hmacPseudonimiseerder } from '@ketenregie/consent-data-access';
import { loadConfig } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { WORKER_CONFIG, workerConfigSchema } from '../app/worker.config';
import { ConsentActivitiesAdapter } from './consent.activities';
import { consentWorkerRegistration } from './consent.registration';
import { CONSENT_DATA_SOURCE, ConsentWorkerModule, WorkerLevenscyclusPoort } from './consent-worker.module';

const coach: Identity = { sub: 'mw-1', organisatie: 'gemeente-dommeldal', organisatieType: 'gemeente', rol: 'klantmanager' };
const aanroep = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736' };
/** One register version with one purpose, enough for a consent the lifecycle activities act on. */
const REGISTER_VERSIE = {
  versie: 1,
  geldigVanaf: new Date('2026-01-01T00:00:00.000Z'),
  activiteiten: [
    {
      id: 'va-verwijzing-ggz',
      versie: 1,
      naam: 'Verwijzing naar de GGZ',
      doel: 'verwijzing-ggz',
      doelomschrijving: 'Verwijzing van een deelnemer naar een GGZ-instelling.',
      verwerkingsverantwoordelijken: ['gemeente' as const],
      art9: [],
      categorieen: ['contact' as const],
      ontvangers: [{ type: 'ggz' as const }],
      bewaartermijn: { jaren: 5, vanaf: 'einde-traject' as const },
    },
  ],
  releaseProfielen: [],
};

describe('consent worker configuration', () => {
  const basis = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' };

  it('falls back to the embedded key consent-service uses, so both write the same pseudonyms', () => {
    const config = loadConfig(workerConfigSchema, basis, { service: 'worker' });
    expect(config.CONSENT_PSEUDONIEM_SLEUTEL).toBe(EMBEDDED_PSEUDONIEM_SLEUTEL);
    expect(config.CONSENT_PSEUDONIEM_SLEUTEL_ID).toBe('k1');
  });

  it('takes the key it is given and refuses to start without one in distributed mode', () => {
    const sleutel = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig(workerConfigSchema, { ...basis, CONSENT_PSEUDONIEM_SLEUTEL: sleutel }, { service: 'worker' }).CONSENT_PSEUDONIEM_SLEUTEL).toBe(sleutel);
    expect(() => loadConfig(workerConfigSchema, { ...basis, KETENREGIE_MODE: 'distributed' }, { service: 'worker' })).toThrow(/CONSENT_PSEUDONIEM_SLEUTEL/);
    expect(() => loadConfig(workerConfigSchema, { ...basis, CONSENT_PSEUDONIEM_SLEUTEL: Buffer.alloc(8).toString('base64') }, { service: 'worker' })).toThrow(
      /CONSENT_PSEUDONIEM_SLEUTEL/,
    );
  });

  it('refuses to start without a database', () => {
    expect(() => loadConfig(workerConfigSchema, {}, { service: 'worker' })).toThrow(/DATABASE_URL/);
  });

  it('registers the consent task queue with its workflows entry and the adapter as activities', () => {
    expect(consentWorkerRegistration.taskQueue).toBe('consent');
    expect(existsSync(consentWorkerRegistration.workflowsPath as string)).toBe(true);
    expect(consentWorkerRegistration.activities).toBe(ConsentActivitiesAdapter);
  });

  it('never starts or signals a lifecycle from the worker', async () => {
    await expect(new WorkerLevenscyclusPoort().gestart()).rejects.toThrow(/consent-service/);
    await expect(new WorkerLevenscyclusPoort().beeindigd()).rejects.toThrow(/consent-service/);
  });
});

describeEachDatabase('consent worker module', (db) => {
  describe('on a migrated consent schema', () => {
    it('runs the lifecycle activities on the TypeORM storage with the configured key', async () => {
      const config = loadConfig(workerConfigSchema, { DATABASE_URL: db.url }, { service: 'worker' });
      @Global()
      @Module({ providers: [{ provide: WORKER_CONFIG, useValue: config }], exports: [WORKER_CONFIG] })
      class ConfigModule {}
      @Module({ imports: [ConfigModule, ConsentWorkerModule.register({ schema: db.schema })] })
      class TestModule {}
      const moduleRef = await NestFactory.createApplicationContext(TestModule, { logger: false, abortOnError: false });
      const dataSource = moduleRef.get<DataSource>(CONSENT_DATA_SOURCE);
      try {
        await moduleRef.get(RegisterService).publiceer([REGISTER_VERSIE]);
        const deelnemerId = randomUUID();
        const t = await moduleRef.get(ToestemmingService).geef(
          {
            deelnemerId,
            verlener: { soort: 'deelnemer' },
            doel: 'verwijzing-ggz',
            categorieen: ['contact'],
            bronnen: [{ soort: 'type', type: 'gemeente' }],
            ontvangers: [{ soort: 'type', type: 'ggz' }],
            geldigTot: new Date(Date.now() + 86_400_000),
            bewijs: { soort: 'ondertekend-formulier', documentId: 'doc' },
          },
          coach,
          aanroep,
        );
        const adapter = moduleRef.get(ConsentActivitiesAdapter);

        await expect(adapter.toestemmingReikwijdte({ toestemmingId: t.id })).resolves.toEqual({ doel: 'verwijzing-ggz', categorieen: ['contact'] });
        await expect(adapter.markeerVerlopen({ toestemmingId: t.id })).rejects.toThrow(/not ended yet/);
        const onbekend = await adapter.toestemmingReikwijdte({ toestemmingId: randomUUID() }).catch((e: unknown) => e);
        expect(onbekend).toBeInstanceOf(ApplicationFailure);
        expect(onbekend).toMatchObject({ type: 'CONSENT.NOT_FOUND', nonRetryable: true });

        await adapter.herinnerCoach({ toestemmingId: t.id, coach: coach.sub, geldigTot: t.geldigTot.toISOString() });
        await expect(moduleRef.get(ToestemmingService).herinneringen(coach)).resolves.toEqual([expect.objectContaining({ toestemmingId: t.id })]);

        const [regel] = await dataSource.query(`SELECT betrokkene FROM "${db.schema}".verwerking`);
        expect(regel.betrokkene).toBe(hmacPseudonimiseerder('k1', Buffer.from(EMBEDDED_PSEUDONIEM_SLEUTEL, 'base64'))(deelnemerId));
      } finally {
        await moduleRef.close();
      }
      expect(dataSource.isInitialized).toBe(false);
    });
  });
});
