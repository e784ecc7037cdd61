/**
 * The warm handover on our Temporal-compatible dev server with time skipping: weeks of
 * deadlines and follow-up run in seconds, and every path ends in a defined state.
 */
import { toestemmingBeeindigdSignal } from '@ketenregie/consent-contracts';
import {
  acceptatieUpdate,
  afwijzingUpdate,
  annuleringUpdate,
  driegesprekUpdate,
  EXCHANGE_TASK_QUEUE,
  heraanbiedingUpdate,
  ontvangerOnbereikbaarSignal,
  type OverdrachtStatus,
  type OverdrachtUitkomst,
  overdrachtQuery,
  type OverdrachtWorkflowInput,
  overdrachtWorkflowId,
  toestemmingUpdate,
} from '@ketenregie/exchange-contracts';
import {
  addDays,
  addWorkingDays,
  amsterdamDate,
  type IsoDate,
  isoWeekday,
  isWorkingDay,
  nextWorkingDay,
  startOfAmsterdamDate,
} from '@ketenregie/shared-kernel';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { bewaarHistorie } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as pauze } from 'node:timers/promises';
import { WORKFLOWS_PATH, webpackConfigHook } from './bundler';
import { FakeExchangeActivities } from './fake-activities';

const LAUNCHER = `${__dirname}/../../../infra/temporal-dev-server/bin/temporal-dev-server`;
const HISTORIES = `${__dirname}/histories`;
const TOESTEMMING = '3f2b8c1e-0d4a-4e6b-9c7d-5a1f2e3b4c5d';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let volgnummer = 0;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
  bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook });
});

afterAll(async () => {
  await env?.teardown();
});

type Handle = Awaited<ReturnType<typeof start>>;

function invoer(overdrachtId: string): OverdrachtWorkflowInput {
  return {
    overdrachtId,
    deelnemerId: randomUUID(),
    trajectId: 'tr-42',
    zender: { organisatie: 'org-gemeente', type: 'gemeente', professional: 'km-1' },
    ontvanger: { organisatie: 'org-ggz-oost', type: 'ggz' },
    regievoerder: 'km-1',
    reden: 'ggz-behandeling',
    overTeNemen: ['regie'],
  };
}

function start(taskQueue: string) {
  const overdrachtId = randomUUID();
  return env.client.workflow.start('overdrachtWorkflow', { taskQueue, workflowId: overdrachtWorkflowId(overdrachtId), args: [invoer(overdrachtId)] });
}

async function scenario(
  script: ConstructorParameters<typeof FakeExchangeActivities>[0],
  verloop: (h: Handle, acts: FakeExchangeActivities) => Promise<void>,
): Promise<void> {
  volgnummer += 1;
  const taskQueue = `${EXCHANGE_TASK_QUEUE}-test-${volgnummer}`;
  const acts = new FakeExchangeActivities(script, () => env.currentTimeMs());
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: acts.alsActiviteiten() });
  await worker.runUntil(async () => {
    const h = await start(taskQueue);
    try {
      await verloop(h, acts);
      const label = process.env['EXCHANGE_HISTORIES_RECORD'];
      // Recorded for overdracht.replay.spec.ts (set EXCHANGE_HISTORIES_RECORD to a version label such as `v1`).
      if (label) await bewaarHistorie(h, HISTORIES, `${label}-${expect.getState().currentTestName ?? h.workflowId}`, 'overdrachtWorkflow ');
    } finally {
      // A workflow left running without a worker would hold the time-skipping clock still.
      if ((await h.describe()).status.name === 'RUNNING') await h.terminate('scenario ended');
    }
  });
}

/** Polls the query in real time (no time is skipped while waiting). */
async function wachtOpStatus(h: Handle, status: OverdrachtStatus): Promise<void> {
  for (let n = 0; n < 200; n++) {
    if ((await h.query(overdrachtQuery)).status === status) return;
    await pauze(50);
  }
  throw new Error(`status ${status} not reached; now ${(await h.query(overdrachtQuery)).status}`);
}

/** Skips server time to 10:00 Dutch time on `datum`. */
async function naar(datum: IsoDate): Promise<void> {
  const doel = startOfAmsterdamDate(datum) + 10 * 3_600_000;
  const nu = await env.currentTimeMs();
  if (doel > nu) await env.sleep(doel - nu);
}

const door = 'prof-1';

async function accepteerEnHoudDriegesprek(h: Handle): Promise<void> {
  await wachtOpStatus(h, 'dossier-geleverd');
  const na = await h.executeUpdate(acceptatieUpdate, { args: [{ door, regievoerderId: 'ggz-behandelaar-7' }] });
  expect(na).toMatchObject({ status: 'geaccepteerd', aanZet: 'ontvanger', nieuweRegievoerder: 'ggz-behandelaar-7' });
  const datum = addDays(amsterdamDate(await env.currentTimeMs()), 7);
  await h.executeUpdate(driegesprekUpdate, { args: [{ door, soort: 'gepland', datum }] });
}

describe('overdrachtWorkflow', () => {
  it('happy path: decision, dossier, acceptance, driegesprek, check-ins at 2 and 6 weeks, then the lead transfers', async () => {
    await scenario(['toegestaan'], async (h, acts) => {
      await accepteerEnHoudDriegesprek(h);
      const gehouden = await h.executeUpdate(driegesprekUpdate, { args: [{ door, soort: 'gehouden' }] });
      expect(gehouden.status).toBe('driegesprek-gehouden');
      const gehoudenOp = amsterdamDate(await env.currentTimeMs());

      const uitkomst: OverdrachtUitkomst = await h.result();
      expect(uitkomst).toMatchObject({ status: 'regie-overgedragen', nieuweRegie: { regievoerderId: 'ggz-behandelaar-7', organisatieId: 'org-ggz-oost' } });
      expect(acts.gebeurtenissen).toEqual([
        'aangevraagd',
        'dossier-geleverd',
        'geaccepteerd',
        'driegesprek-gepland',
        'driegesprek-gehouden',
        'nazorg-checkin',
        'nazorg-checkin',
        'regie-overgedragen',
      ]);
      // The sender stays informed: check-ins on the days 2 and 6 weeks after the driegesprek.
      const checkins = acts.stappen.filter((s) => s.invoer.gebeurtenis.endsWith('nazorg-checkin')).map((s) => amsterdamDate(s.op));
      expect(checkins).toEqual([addDays(gehoudenOp, 14), addDays(gehoudenOp, 42)]);
      expect(acts.afhankelijkheden).toEqual([[TOESTEMMING]]);
      expect(acts.regiewissels.map((r) => r.invoer)).toEqual([
        expect.objectContaining({ trajectId: 'tr-42', regie: { regievoerderId: 'ggz-behandelaar-7', organisatieId: 'org-ggz-oost' } }),
      ]);
      expect(acts.intrekkingen).toEqual([]);
      expect(acts.dossierBeschikbaar).toBe(true);
    });
  });

  it('consent missing then given: a task for the sender, and the dossier goes out only after the re-check', async () => {
    await scenario(['toestemming-nodig', 'toegestaan'], async (h, acts) => {
      await wachtOpStatus(h, 'toestemming-nodig');
      const nodig = await h.query(overdrachtQuery);
      expect(nodig).toMatchObject({ aanZet: 'zender', termijn: { soort: 'toestemming' } });
      expect(acts.taken).toEqual(['zender:toestemming-verkrijgen']);
      expect(acts.leveringen).toEqual([]);
      await expect(h.executeUpdate(acceptatieUpdate, { args: [{ door, regievoerderId: door }] })).rejects.toThrow(WorkflowUpdateFailedError);

      await h.executeUpdate(toestemmingUpdate, { args: [{ door, soort: 'gevraagd' }] });
      await h.executeUpdate(toestemmingUpdate, { args: [{ door, soort: 'vastgelegd' }] });
      await wachtOpStatus(h, 'dossier-geleverd');
      expect(acts.besluiten).toHaveLength(2);
      expect(acts.leveringen.map((l) => l.invoer.besluitId)).toEqual(['00000000-0000-4000-8000-000000000001']);
      await h.executeUpdate(annuleringUpdate, { args: [{ door, reden: 'situatie-gewijzigd' }] });
      expect((await h.result()).status).toBe('geannuleerd');
      expect(acts.intrekkingen.map((i) => i.invoer.reden)).toEqual(['beeindigd']);
      expect(acts.stap('beeindigd')?.invoer.gegevens).toEqual({ status: 'geannuleerd', reden: 'situatie-gewijzigd' });
    });
  });

  it('consent deadline: the sender is reminded and the regievoerder escalated to on working days; the sender cancels', async () => {
    await scenario(['toestemming-nodig'], async (h, acts) => {
      await wachtOpStatus(h, 'toestemming-nodig');
      const gevraagdOp = amsterdamDate(acts.besluiten[0]?.op ?? 0);
      const termijn = (await h.query(overdrachtQuery)).termijn;
      expect(termijn).toMatchObject({ soort: 'toestemming', uiterlijk: addWorkingDays(gevraagdOp, 10) });
      await env.sleep(20 * 86_400_000);
      await pauze(300);
      expect(amsterdamDate(acts.stap('toestemming-herinnering')?.op ?? 0)).toBe(addWorkingDays(gevraagdOp, 8));
      expect(acts.stap('toestemming-herinnering')?.invoer.taak).toMatchObject({ voor: 'zender', soort: 'toestemming-herinnering' });
      expect(amsterdamDate(acts.stap('toestemming-geescaleerd')?.op ?? 0)).toBe(addWorkingDays(gevraagdOp, 11));
      expect(acts.stap('toestemming-geescaleerd')?.invoer.taak).toMatchObject({ voor: 'regievoerder', soort: 'toestemming-escalatie' });
      expect((await h.query(overdrachtQuery)).status).toBe('toestemming-nodig');
      await h.executeUpdate(annuleringUpdate, { args: [{ door, reden: 'deelnemer-wil-niet' }] });
      expect((await h.result()).status).toBe('geannuleerd');
      expect(acts.leveringen).toEqual([]);
    });
  });

  it('consent refused: the handover ends without any disclosure and the regievoerder sees why', async () => {
    await scenario(['toestemming-nodig'], async (h, acts) => {
      await wachtOpStatus(h, 'toestemming-nodig');
      await h.executeUpdate(toestemmingUpdate, { args: [{ door, soort: 'geweigerd' }] });
      expect(await h.result()).toMatchObject({ status: 'toestemming-geweigerd' });
      expect(acts.leveringen).toEqual([]);
      expect(acts.stap('beeindigd')?.invoer).toMatchObject({ status: 'toestemming-geweigerd', taak: { voor: 'regievoerder', soort: 'overdracht-beeindigd' } });
    });
  });

  it('a decision that releases nothing: the handover ends at once, nothing is delivered, the receiver is told nothing, the regievoerder sees why', async () => {
    await scenario(['niets-vrijgegeven'], async (h, acts) => {
      const gestart = await env.currentTimeMs();
      expect(await h.result()).toMatchObject({ status: 'niets-vrijgegeven' });
      // At once: no acceptance term was started or waited for.
      expect((await env.currentTimeMs()) - gestart).toBeLessThan(86_400_000);
      expect(acts.leveringen).toEqual([]);
      expect(acts.afhankelijkheden).toEqual([]);
      expect(acts.gebeurtenissen).toEqual(['aangevraagd', 'beeindigd']);
      expect(acts.stappen.some((s) => s.invoer.taak?.voor === 'ontvanger')).toBe(false);
      expect(acts.stap('beeindigd')?.invoer).toMatchObject({
        status: 'niets-vrijgegeven',
        taak: { voor: 'regievoerder', soort: 'overdracht-beeindigd' },
        gegevens: { status: 'niets-vrijgegeven' },
      });
    });
  });

  it('acceptance deadline across a holiday: reminder and escalation on working days, then the receiver counts as unreachable', async () => {
    // The first working day from which five working days span a public holiday on a weekday.
    const alleenWeekdagen = (van: IsoDate, n: number) => {
      let d = van;
      for (let k = 0; k < n;) if (isoWeekday((d = addDays(d, 1))) < 6) k++;
      return d;
    };
    let leverdag = addDays(amsterdamDate(await env.currentTimeMs()), 1);
    while (!isWorkingDay(leverdag) || alleenWeekdagen(leverdag, 5) === addWorkingDays(leverdag, 5)) leverdag = addDays(leverdag, 1);
    await naar(leverdag);
    await scenario(['toegestaan'], async (h, acts) => {
      await wachtOpStatus(h, 'dossier-geleverd');
      expect(amsterdamDate(acts.leveringen[0]?.op ?? 0)).toBe(leverdag);
      const uiterlijk = addWorkingDays(leverdag, 5);
      expect(alleenWeekdagen(leverdag, 5) < uiterlijk).toBe(true);
      expect((await h.query(overdrachtQuery)).termijn).toMatchObject({ soort: 'acceptatie', uiterlijk });

      expect((await h.result()).status).toBe('ontvanger-onbereikbaar');
      const herinnering = acts.stap('acceptatie-herinnering');
      const escalatie = acts.stap('acceptatie-geescaleerd');
      expect(amsterdamDate(herinnering?.op ?? 0)).toBe(addWorkingDays(uiterlijk, -1));
      expect(herinnering?.invoer.taak).toEqual({ voor: 'ontvanger', soort: 'acceptatie-herinnering', vervalt: uiterlijk });
      expect(amsterdamDate(escalatie?.op ?? 0)).toBe(nextWorkingDay(uiterlijk));
      expect(escalatie?.invoer.taak).toEqual({ voor: 'regievoerder', soort: 'acceptatie-escalatie' });
      const onbereikbaar = acts.intrekkingen[0];
      expect(amsterdamDate(onbereikbaar?.op ?? 0)).toBe(addWorkingDays(nextWorkingDay(uiterlijk), 5));
      expect(acts.dossierBeschikbaar).toBe(false);
    });
  });

  it('rejection with advice goes back to the sender; a second rejection ends the handover', async () => {
    await scenario(['toegestaan'], async (h, acts) => {
      await wachtOpStatus(h, 'dossier-geleverd');
      const eerste = await h.executeUpdate(afwijzingUpdate, {
        args: [{ door, reden: 'geen-capaciteit', advies: 'Wachtlijst tot maart; probeer wijkteam Noord' }],
      });
      expect(eerste).toMatchObject({ status: 'afgewezen', aanZet: 'zender' });
      await pauze(200);
      expect(acts.stap('afgewezen')?.invoer).toMatchObject({ taak: { voor: 'zender', soort: 'afwijzing-opvolgen' }, gegevens: { reden: 'geen-capaciteit' } });
      expect(acts.intrekkingen.map((i) => i.invoer.reden)).toEqual(['afgewezen']);
      expect(acts.dossierBeschikbaar).toBe(false);

      await h.executeUpdate(heraanbiedingUpdate, { args: [{ door }] });
      await wachtOpStatus(h, 'dossier-geleverd');
      expect(acts.leveringen).toHaveLength(2);
      await h.executeUpdate(afwijzingUpdate, { args: [{ door, reden: 'buiten-doelgroep', advies: 'Past beter bij schuldhulp' }] });
      const uitkomst: OverdrachtUitkomst = await h.result();
      expect(uitkomst.status).toBe('tweemaal-afgewezen');
      expect(uitkomst.afwijzingen.map((a) => a.advies)).toEqual(['Wachtlijst tot maart; probeer wijkteam Noord', 'Past beter bij schuldhulp']);
      expect(acts.dossierBeschikbaar).toBe(false);
    });
  });

  it('consent withdrawn after delivery: the dossier is withdrawn at once, both sides told, nothing more accepted', async () => {
    await scenario(['toegestaan'], async (h, acts) => {
      await wachtOpStatus(h, 'dossier-geleverd');
      const einde = {
        reden: 'ingetrokken' as const,
        op: new Date(await env.currentTimeMs()).toISOString(),
        doel: 'warme-overdracht',
        categorieen: ['contact' as const],
      };
      await h.signal(toestemmingBeeindigdSignal, { ...einde, toestemmingId: randomUUID() });
      await pauze(200);
      expect((await h.query(overdrachtQuery)).status).toBe('dossier-geleverd');

      await h.signal(toestemmingBeeindigdSignal, { ...einde, toestemmingId: TOESTEMMING });
      expect(await h.result()).toMatchObject({ status: 'toestemming-ingetrokken' });
      expect(acts.intrekkingen.map((i) => i.invoer.reden)).toEqual(['toestemming-ingetrokken']);
      expect(acts.dossierBeschikbaar).toBe(false);
      expect(acts.gebeurtenissen.slice(-2)).toEqual(['dossier-ingetrokken', 'beeindigd']);
      expect(acts.stap('dossier-ingetrokken')?.invoer.taak).toEqual({ voor: 'ontvanger', soort: 'overdracht-beeindigd' });
      expect(acts.stap('beeindigd')?.invoer.taak).toEqual({ voor: 'regievoerder', soort: 'overdracht-beeindigd' });
    });
  });

  it('consent expired after delivery: the dossier is withdrawn at once, both sides told, and the handover ends as expired, not withdrawn', async () => {
    await scenario(['toegestaan'], async (h, acts) => {
      await wachtOpStatus(h, 'dossier-geleverd');
      const einde = {
        reden: 'verlopen' as const,
        op: new Date(await env.currentTimeMs()).toISOString(),
        doel: 'warme-overdracht',
        categorieen: ['contact' as const],
      };
      await h.signal(toestemmingBeeindigdSignal, { ...einde, toestemmingId: TOESTEMMING });
      expect(await h.result()).toMatchObject({ status: 'toestemming-verlopen' });
      expect(acts.intrekkingen.map((i) => i.invoer.reden)).toEqual(['toestemming-verlopen']);
      expect(acts.dossierBeschikbaar).toBe(false);
      expect(acts.gebeurtenissen.slice(-2)).toEqual(['dossier-ingetrokken', 'beeindigd']);
      expect(acts.stap('dossier-ingetrokken')?.invoer).toMatchObject({
        status: 'toestemming-verlopen',
        taak: { voor: 'ontvanger', soort: 'overdracht-beeindigd' },
      });
      expect(acts.stap('beeindigd')?.invoer).toMatchObject({ status: 'toestemming-verlopen', taak: { voor: 'regievoerder', soort: 'overdracht-beeindigd' } });
    });
  });

  it('receiver unreachable by failed webhook deliveries: the handover ends before the acceptance deadline and the regievoerder sees why', async () => {
    await scenario(['toegestaan'], async (h, acts) => {
      await wachtOpStatus(h, 'dossier-geleverd');
      const uiterlijk = (await h.query(overdrachtQuery)).termijn?.uiterlijk;
      await h.signal(ontvangerOnbereikbaarSignal, { organisatie: 'org-gemeente', eventId: randomUUID(), pogingen: 12 });
      await pauze(200);
      expect((await h.query(overdrachtQuery)).status).toBe('dossier-geleverd');

      await h.signal(ontvangerOnbereikbaarSignal, { organisatie: 'org-ggz-oost', eventId: randomUUID(), pogingen: 12 });
      expect(await h.result()).toMatchObject({ status: 'ontvanger-onbereikbaar' });
      expect(amsterdamDate(acts.intrekkingen[0]?.op ?? 0) < (uiterlijk ?? '')).toBe(true);
      expect(acts.dossierBeschikbaar).toBe(false);
      expect(acts.gebeurtenissen).not.toContain('acceptatie-herinnering');
      expect(acts.stap('beeindigd')?.invoer).toMatchObject({
        status: 'ontvanger-onbereikbaar',
        taak: { voor: 'regievoerder', soort: 'overdracht-beeindigd' },
        gegevens: { status: 'ontvanger-onbereikbaar', reden: 'bezorging-mislukt', pogingen: 12 },
      });
    });
  });

  it('no-show at the driegesprek: planned again, never closed, then the handover continues (also when the traject refuses the new lead)', async () => {
    await scenario(['toegestaan'], async (h, acts) => {
      acts.regiewisselGeweigerd = true;
      await accepteerEnHoudDriegesprek(h);
      const na = await h.executeUpdate(driegesprekUpdate, { args: [{ door, soort: 'no-show', wie: 'deelnemer' }] });
      expect(na).toMatchObject({ status: 'geaccepteerd', toestand: { noShows: 1 } });
      await expect(h.executeUpdate(driegesprekUpdate, { args: [{ door, soort: 'gehouden' }] })).rejects.toThrow(WorkflowUpdateFailedError);
      await pauze(200);
      expect(acts.taken).toContain('zender:driegesprek-plannen');
      expect(acts.stap('driegesprek-no-show')?.invoer.gegevens).toEqual({ wie: 'deelnemer' });

      const datum = addDays(amsterdamDate(await env.currentTimeMs()), 3);
      await h.executeUpdate(driegesprekUpdate, { args: [{ door, soort: 'gepland', datum }] });
      await h.executeUpdate(driegesprekUpdate, { args: [{ door, soort: 'gehouden' }] });
      expect((await h.result()).status).toBe('regie-overgedragen');
      expect(acts.stap('regie-overgedragen')?.invoer).toMatchObject({
        gegevens: { organisatie: 'org-ggz-oost', trajectBijgewerkt: false },
        taak: { voor: 'regievoerder', soort: 'overdracht-beeindigd' },
      });
    });
  });
});
