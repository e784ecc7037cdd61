/**
 * The plaatsing workflow on our Temporal-compatible dev server, with time skipping: a placement
 * walked from the kennismaking to the 12-month check in seconds, and the warm returns to the
 * traject registered with exchange-service (a stand-in that starts the real exchange workflow on
 * the exchange task queue, as the traject workflow does, with in-memory exchange activities).
 */
import { acceptatieUpdate, driegesprekUpdate, EXCHANGE_TASK_QUEUE, OVERDRACHT_WORKFLOW_TYPE, overdrachtWorkflowId } from '@ketenregie/exchange-contracts';
import type { OverdrachtUitkomst } from '@ketenregie/exchange-contracts';
import {
  PLAATSING_TASK_QUEUE,
  plaatsingOpdrachtUpdate,
  plaatsingOverzichtQuery,
  plaatsingWorkflowId,
  terugleidingQuery,
  type PlaatsingOpdrachtInvoer,
  type PlaatsingResultaat,
  type PlaatsingWorkflowInput,
} from '@ketenregie/plaatsing-contracts';
import { addDays } from '@ketenregie/shared-kernel';
import { bewaarHistorie, eventually } from '@ketenregie/shared-testing';
import { type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { type ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { BUNDLE_OPTIONS, webpackConfigHook } from './bundler';
import { FakePlaatsingActivities } from './fake-activities';
import { FakeExchangeService, FakeTerugleidingExchange } from './fake-exchange-activities';
import { kalender } from './virtual-clock';

const LAUNCHER = `${__dirname}/../../../infra/temporal-dev-server/bin/temporal-dev-server`;
const HISTORIES = `${__dirname}/histories`;
const RIA = { naam: 'Ria de Wit', telefoon: '0401111111' };
const KEES = { naam: 'Kees Jansen', telefoon: '0402222222' };
const COACH = { organisatieId: 'werkbrug-dommeldal', type: 'uitvoerder' as const, professional: 'coach-1' };
const REGIE = { organisatieId: 'gemeente-dommeldal', type: 'gemeente' as const, professional: 'km-1' };
const JOBCOACH = { organisatieId: 'kempenpoort-reintegratie', type: 'uitvoerder' as const, professional: 'jc-1' };

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let exchangeBundle: WorkflowBundleWithSourceMap;
const { vandaag, naar } = kalender(() => env);
let volgnummer = 0;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
  bundle = await bundleWorkflowCode(BUNDLE_OPTIONS);
  exchangeBundle = await bundleWorkflowCode({ workflowsPath: `${__dirname}/../../exchange/src/index.ts`, webpackConfigHook });
});

afterAll(async () => {
  await env?.teardown();
});

interface Plaatsing {
  readonly handle: WorkflowHandle;
  readonly acts: FakePlaatsingActivities;
  readonly exchange: FakeTerugleidingExchange;
  readonly exchangeService: FakeExchangeService;
  doe(opdracht: PlaatsingOpdrachtInvoer): Promise<void>;
}

/** Runs `scenario` over a new placement (a plaatsing worker and an exchange worker for its warm returns). */
async function metPlaatsing(startdatum: string, scenario: (p: Plaatsing) => Promise<void>): Promise<void> {
  await naar(startdatum);
  volgnummer += 1;
  const acts = new FakePlaatsingActivities();
  const exchange = new FakeTerugleidingExchange();
  const exchangeService = new FakeExchangeService(
    {
      start: (workflowId, invoer) => env.client.workflow.start(OVERDRACHT_WORKFLOW_TYPE, { taskQueue: EXCHANGE_TASK_QUEUE, workflowId, args: [invoer] }),
      afloop: async (workflowId) => {
        const handle = env.client.workflow.getHandle(workflowId);
        return (await handle.describe()).status.name === 'RUNNING' ? undefined : ((await handle.result()) as OverdrachtUitkomst);
      },
    },
    { [COACH.organisatieId]: COACH.type, [REGIE.organisatieId]: REGIE.type, [JOBCOACH.organisatieId]: JOBCOACH.type },
  );
  const taskQueue = `${PLAATSING_TASK_QUEUE}-test-${volgnummer}`;
  const plaatsingId = randomUUID();
  const input: PlaatsingWorkflowInput = {
    start: {
      plaatsingId,
      vacatureId: randomUUID(),
      deelnemerId: randomUUID(),
      trajectId: randomUUID(),
      werkgever: { organisatieId: 'van-der-heijden-metaal', contactpersoon: RIA, plaatsvervanger: KEES },
      coach: COACH,
      regievoerder: REGIE,
      jobcoach: JOBCOACH,
      datum: await vandaag(),
    },
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: acts.alsActiviteiten(exchangeService.activiteiten()),
  });
  const exchangeWorker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: EXCHANGE_TASK_QUEUE,
    workflowBundle: exchangeBundle,
    activities: exchange.activiteiten(),
  });
  await exchangeWorker.runUntil(
    worker.runUntil(async () => {
      const handle = await env.client.workflow.start('plaatsingWorkflow', { taskQueue, workflowId: plaatsingWorkflowId(plaatsingId), args: [input] });
      try {
        await scenario({
          handle,
          acts,
          exchange,
          exchangeService,
          doe: async (o) => void (await handle.executeUpdate(plaatsingOpdrachtUpdate, { args: [o] })),
        });
      } finally {
        const label = process.env['PLAATSING_HISTORIES_RECORD'];
        // Recorded for plaatsing.replay.spec.ts (set PLAATSING_HISTORIES_RECORD to a version label such as `v1`).
        if (label)
          await bewaarHistorie(
            handle,
            HISTORIES,
            `${label}-${expect.getState().currentTestName ?? handle.workflowId}`,
            'plaatsing workflow (dev server, time skipping) ',
          );
        // Leave nothing running: its timers would fire on a task queue nobody polls.
        const terug = await handle.query(terugleidingQuery).catch(() => undefined);
        if (terug) {
          const kind = env.client.workflow.getHandle(terug.workflowId);
          // A return exchange-service refused has no handover workflow at all.
          if ((await kind.describe().catch(() => undefined))?.status.name === 'RUNNING') await kind.terminate('test finished');
        }
        if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test finished');
      }
    }),
  );
}

async function updateFout(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? undefined;
  }
}

/** Through a positive evaluation, a loonwaarde of 50% and a 50% subsidy to a contract starting on `contractStart`. */
async function totContract(p: Plaatsing, contractStart: string, subsidie: { maanden: number; herbeoordelingMaanden: number } | undefined): Promise<void> {
  await p.doe({ soort: 'kennismaking', uitkomst: 'proefplaatsing' });
  await naar(addDays(contractStart, -10));
  await p.doe({ soort: 'evaluatie', uitkomst: 'positief', door: 'werkgever' });
  await p.doe({ soort: 'loonwaardemeting', loonwaarde: subsidie ? 50 : 100 });
  if (subsidie) await p.doe({ soort: 'subsidiebesluit', percentage: 50, ingang: contractStart, ...subsidie });
  await p.doe({ soort: 'contract', urenPerWeek: 24, start: contractStart });
}

// The virtual clock only moves forward: each scenario lives in a year of its own.
describe('plaatsing workflow (dev server, time skipping)', () => {
  it('walks a placement from the match to the 12-month check: proefplaatsing, loonwaarde, subsidy, contract, check-ins, lasting at 6 and 12 months', async () => {
    await metPlaatsing('2027-01-04', async (p) => {
      await totContract(p, '2027-03-08', { maanden: 24, herbeoordelingMaanden: 6 });
      expect((await p.handle.query(plaatsingOverzichtQuery)).fase).toBe('in-dienst');
      await naar('2027-09-09');
      await p.doe({ soort: 'herbeoordeling', percentage: 45 });
      await naar('2028-03-09');
      const resultaat = (await p.handle.result()) as PlaatsingResultaat;
      expect(resultaat.state.fase).toBe('duurzaam');
      expect(resultaat.terugleiding).toBeUndefined();
      expect(p.acts.overzicht).toMatchObject({ fase: 'duurzaam', termijnen: [] });
      const soorten = p.acts.soorten;
      expect(soorten.filter((s) => s === 'duurzaamheidscheck')).toHaveLength(2);
      expect(soorten.at(-1)).toBe('plaatsing-duurzaam');
      expect(p.acts.tijdlijn.find((g) => g.soort === 'plaatsing-duurzaam')?.datum).toBe('2028-03-08');
      // Jobcoach check-ins came every four weeks, each with a task on the jobcoach's list.
      expect(soorten.filter((s) => s === 'checkin-gepland').length).toBeGreaterThanOrEqual(14);
      expect(p.acts.taken.filter((t) => t.voor === 'jobcoach' && t.onderwerp === 'checkin').length).toBe(soorten.filter((s) => s === 'checkin-gepland').length);
      expect(p.exchange.verloop).toEqual([]);
    });
  });

  it('a proefplaatsing that ends in drop-out returns the deelnemer to the traject: a handover to the coach with the coded reason, registered with exchange-service', async () => {
    await metPlaatsing('2029-01-04', async (p) => {
      await p.doe({ soort: 'kennismaking', uitkomst: 'proefplaatsing' });
      await naar('2029-01-25');
      await p.doe({ soort: 'uitval', reden: 'mentaal-zwaar' });
      const terug = await eventually(async () => {
        const t = await p.handle.query(terugleidingQuery);
        expect(t).toBeDefined();
        return t as NonNullable<typeof t>;
      });
      expect(terug).toMatchObject({ reden: 'uitval-bij-werkgever', naar: COACH.organisatieId });
      // Registered with exchange-service once, as the jobcoach, under the workflow's stable id; no child of the placement.
      await eventually(() => expect(p.exchangeService.aanvragen).toHaveLength(1));
      expect(p.exchangeService.aanvragen[0]).toMatchObject({
        overdrachtId: terug.overdrachtId,
        trajectId: (await p.handle.query(plaatsingOverzichtQuery)).trajectId,
        naar: COACH.organisatieId,
        reden: 'plaatsing-uitval-bij-werkgever',
        namens: { professional: JOBCOACH.professional, organisatie: JOBCOACH.organisatieId, rol: 'jobcoach' },
      });
      const kind = env.client.workflow.getHandle(overdrachtWorkflowId(terug.overdrachtId));
      expect((await kind.describe()).raw.workflowExecutionInfo?.parentExecution?.workflowId).toBeFalsy();
      await eventually(() => expect(p.exchange.verloop).toContain('dossier-geleverd'));
      // The coach accepts and meets the deelnemer with the jobcoach: the handover ends, and only then the placement.
      await kind.executeUpdate(acceptatieUpdate, { args: [{ door: COACH.professional, regievoerderId: COACH.professional }] });
      const gesprek = addDays(await vandaag(), 3);
      await kind.executeUpdate(driegesprekUpdate, { args: [{ door: COACH.professional, soort: 'gepland', datum: gesprek }] });
      await naar(gesprek);
      await kind.executeUpdate(driegesprekUpdate, { args: [{ door: COACH.professional, soort: 'gehouden' }] });
      const uitkomst = (await kind.result()) as OverdrachtUitkomst;
      // The placement learns of the end at its next look (once a day), then completes.
      expect((await p.handle.describe()).status.name).toBe('RUNNING');
      await naar(addDays(await vandaag(), 1));
      const resultaat = (await p.handle.result()) as PlaatsingResultaat;
      expect(resultaat.state.terugleiding).toMatchObject({ reden: 'uitval-bij-werkgever', naar: COACH });
      expect(resultaat.terugleiding).toMatchObject({ overdrachtId: terug.overdrachtId, uitkomst: uitkomst.status });
      expect(p.acts.soorten.slice(-4)).toEqual(['uitval', 'teruggeleid', 'overdracht-gestart', 'overdracht-beeindigd']);
      expect(p.acts.tijdlijn.find((g) => g.soort === 'uitval')?.gegevens).toMatchObject({ reden: 'mentaal-zwaar', fase: 'proefplaatsing' });
    });
  });

  it('a warm return exchange-service refuses (the traject has another handover running) ends visibly with its code, never silently', async () => {
    await metPlaatsing('2029-06-04', async (p) => {
      p.exchangeService.weiger = 'TRAJECT.OVERDRACHT_LOOPT';
      await p.doe({ soort: 'kennismaking', uitkomst: 'proefplaatsing' });
      await p.doe({ soort: 'uitval', reden: 'mentaal-zwaar' });
      const resultaat = (await p.handle.result()) as PlaatsingResultaat;
      expect(resultaat.terugleiding).toMatchObject({ reden: 'uitval-bij-werkgever', uitkomst: 'niet-gestart' });
      expect(p.exchangeService.oproepen).toBe(1);
      expect(p.acts.tijdlijn.at(-1)).toMatchObject({ soort: 'overdracht-beeindigd', gegevens: { status: 'niet-gestart', code: 'TRAJECT.OVERDRACHT_LOOPT' } });
      // The regievoerder arranges the return by hand: a task on their list, within two working days.
      expect(p.acts.taken.filter((t) => t.onderwerp === 'terugleiding-geweigerd')).toEqual([
        {
          sleutel: `${p.handle.workflowId}:t${p.acts.tijdlijn.length}-terugleiding`,
          voor: 'gemeente',
          onderwerp: 'terugleiding-geweigerd',
          vervalt: expect.any(String),
        },
      ]);
    });
  });

  it('the subsidy re-assessment timer: the gemeente is asked on the date, once; a subsidy that ends sends the deelnemer back to the regievoerder', async () => {
    await metPlaatsing('2030-01-04', async (p) => {
      await totContract(p, '2030-03-08', { maanden: 24, herbeoordelingMaanden: 3 });
      const verzoeken = () => p.acts.taken.filter((t) => t.voor === 'gemeente' && t.onderwerp === 'herbeoordeling-subsidie');
      await naar('2030-06-07');
      expect(verzoeken()).toHaveLength(0);
      await naar('2030-06-08');
      await eventually(() => expect(verzoeken()).toHaveLength(1));
      await naar('2030-07-08');
      expect(verzoeken()).toHaveLength(1);
      await p.doe({ soort: 'herbeoordeling', percentage: 40 });
      expect((await p.handle.query(plaatsingOverzichtQuery)).subsidie).toMatchObject({ percentage: 40, volgendeHerbeoordeling: '2030-10-08' });
      await naar('2030-10-08');
      await eventually(() => expect(verzoeken()).toHaveLength(2));
      await p.doe({ soort: 'herbeoordeling', percentage: 0 });
      const terug = await eventually(async () => {
        const t = await p.handle.query(terugleidingQuery);
        expect(t).toBeDefined();
        return t as NonNullable<typeof t>;
      });
      expect(terug).toMatchObject({ reden: 'subsidie-beeindigd', naar: REGIE.organisatieId });
      await eventually(() => expect(p.exchange.verloop).toContain('aangevraagd'));
      expect(p.exchangeService.aanvragen).toMatchObject([{ reden: 'plaatsing-subsidie-beeindigd', naar: REGIE.organisatieId }]);
      expect(p.exchangeService.oproepen).toBe(1);
    });
  });

  it('the employer contact leaves: the named deputy takes over and every agreement and deadline stays', async () => {
    await metPlaatsing('2031-01-04', async (p) => {
      await totContract(p, '2031-03-08', { maanden: 24, herbeoordelingMaanden: 6 });
      await naar('2031-04-12');
      const voor = await p.handle.query(plaatsingOverzichtQuery);
      await p.doe({ soort: 'contactpersoon-vertrokken' });
      const na = await p.handle.query(plaatsingOverzichtQuery);
      expect(na.werkgever.contactpersoon).toEqual(KEES);
      expect(na.werkgever.plaatsvervanger).toBeUndefined();
      expect({ fase: na.fase, termijnen: na.termijnen, subsidie: na.subsidie, contract: na.contract }).toEqual({
        fase: voor.fase,
        termijnen: voor.termijnen,
        subsidie: voor.subsidie,
        contract: voor.contract,
      });
      await eventually(() => expect(p.acts.taken).toContainEqual(expect.objectContaining({ voor: 'werkgever', onderwerp: 'plaatsvervanger-aanwijzen' })));
      await p.doe({ soort: 'plaatsvervanger', plaatsvervanger: { naam: 'Anouk Smit', telefoon: '0403333333' } });
      // The placement runs on: the next check-in comes as agreed, and nobody was handed back.
      const volgende = na.termijnen.find((t) => t.soort === 'checkin')?.datum as string;
      await naar(volgende);
      await eventually(() => expect(p.acts.tijdlijn.filter((g) => g.soort === 'checkin-gepland').at(-1)?.datum).toBe(volgende));
      expect(await p.handle.query(terugleidingQuery)).toBeUndefined();
      expect((await p.handle.query(plaatsingOverzichtQuery)).werkgever.plaatsvervanger?.naam).toBe('Anouk Smit');
    });
  });

  it('refuses a command out of phase before it reaches history', async () => {
    await metPlaatsing('2032-01-04', async (p) => {
      await eventually(() => expect(p.acts.overzicht?.fase).toBe('kennismaking'));
      expect(await updateFout(p.doe({ soort: 'contract', urenPerWeek: 20, start: '2032-01-11' }))).toBe('PLAATSING.FASE_ONGELDIG');
      expect(await updateFout(p.doe({ soort: 'loonwaardemeting', loonwaarde: 150 } as PlaatsingOpdrachtInvoer))).toBe('PLAATSING.OPDRACHT_ONGELDIG');
      const events = (await p.handle.fetchHistory()).events ?? [];
      expect(events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toEqual([]);
      expect(p.acts.soorten).toEqual(['plaatsing-gestart']);
    });
  });
});
