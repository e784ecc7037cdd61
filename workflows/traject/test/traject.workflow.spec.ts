/**
 * The traject workflow on our Temporal-compatible dev server, with time skipping: full
 * trajecten walked through months of business time in seconds.
 */
import { addDays, addMonths, addWorkingDays, amsterdamDate, workingDayOnOrAfter, workingDaysBetween } from '@ketenregie/shared-kernel';
import { acceptatieUpdate, driegesprekUpdate, EXCHANGE_TASK_QUEUE, overdrachtWorkflowId } from '@ketenregie/exchange-contracts';
import type { OverdrachtUitkomst } from '@ketenregie/exchange-contracts';
import {
  caseloadOverdrachtSignal,
  opdrachtUpdate,
  overdrachtVerzoekUpdate,
  overzichtQuery,
  stateQuery,
  termijnenQuery,
  TRAJECT_TASK_QUEUE,
  trajectWorkflowId,
} from '@ketenregie/traject-contracts';
import type { OverdrachtVerzoek, Termijn, TermijnSoort, TrajectOpdrachtInvoer, TrajectState, TrajectWorkflowInput } from '@ketenregie/traject-contracts';
import { MAATWERKTRAJECT_DEN_BOSCH_V1, OVERDRACHT_LOPEND } from '@ketenregie/traject-domain';
import { type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { uiteindelijk, virtualClock } from './virtual-clock';
import { BUNDLE_OPTIONS, webpackConfigHook } from './bundler';
import { FakeTrajectActivities } from './fake-activities';
import { FakeExchangeActivities } from './fake-exchange-activities';

const LAUNCHER = `${__dirname}/../../../infra/temporal-dev-server/bin/temporal-dev-server`;
const P = MAATWERKTRAJECT_DEN_BOSCH_V1;
const REGIE = { regievoerderId: 'km-1', organisatieId: 'gemeente-den-bosch' };
const COACH = { coachId: 'coach-1', organisatieId: 'weener-xl' };
const HISTORIES = `${__dirname}/histories`;

let env: TestWorkflowEnvironment;
const { vandaag, naar } = virtualClock(() => env);
let bundle: WorkflowBundleWithSourceMap;
let volgnummer = 0;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
  bundle = await bundleWorkflowCode(BUNDLE_OPTIONS);
});

afterAll(async () => {
  await env?.teardown();
});

/** A traject under test: its handle, the activities it called, and the business calendar. */
interface Traject {
  readonly handle: WorkflowHandle;
  readonly acts: FakeTrajectActivities;
  readonly trajectId: string;
  doe(opdracht: TrajectOpdrachtInvoer): Promise<void>;
  state(): Promise<TrajectState>;
  termijn(soort: TermijnSoort): Promise<Termijn | undefined>;
}

async function metTraject(
  opties: { start?: string; historieLimiet?: number; voortzetting?: TrajectState; trajectId?: string; coach?: boolean },
  scenario: (t: Traject) => Promise<void>,
): Promise<void> {
  if (opties.start) await naar(opties.start);
  volgnummer += 1;
  const trajectId = opties.trajectId ?? `tr-${volgnummer}-${Date.now().toString(36)}`;
  const taskQueue = `${TRAJECT_TASK_QUEUE}-test-${volgnummer}`;
  const acts = new FakeTrajectActivities();
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: acts.alsActiviteiten() });
  const input: TrajectWorkflowInput = {
    trajectId,
    programma: P,
    start: { regie: REGIE, coach: opties.coach === false ? undefined : COACH, aanmeldreden: 'activering' },
    historieLimiet: opties.historieLimiet,
    voortzetting: opties.voortzetting ? { state: opties.voortzetting } : undefined,
  };
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('trajectWorkflow', { taskQueue, workflowId: trajectWorkflowId(trajectId), args: [input] });
    const t: Traject = {
      handle,
      acts,
      trajectId,
      doe: async (opdracht) => {
        await handle.executeUpdate(opdrachtUpdate, { args: [opdracht] });
      },
      state: () => handle.query(stateQuery),
      termijn: async (soort) => (await handle.query(termijnenQuery)).find((x) => x.soort === soort),
    };
    try {
      await scenario(t);
      const opname = process.env['TRAJECT_HISTORIES_RECORD'];
      if (opname) await bewaarHistorie(handle, `${opname}-${expect.getState().currentTestName ?? trajectId}`);
    } finally {
      // Leave no running traject behind: its timers would fire on a task queue nobody polls.
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
}

/**
 * Writes the history of the current run under `histories/` (set TRAJECT_HISTORIES_RECORD to a
 * version label, e.g. `v2`, which prefixes the file name).
 * Committed histories are replayed by `traject.replay.spec.ts`: a change that breaks running
 * trajecten fails the build.
 */
async function bewaarHistorie(handle: WorkflowHandle, naam: string): Promise<void> {
  const bestand = naam
    .replace('traject workflow (dev server, time skipping) ', '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
    .replace(/-$/, '');
  mkdirSync(HISTORIES, { recursive: true });
  const history = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(await handle.fetchHistory()), {
    longs: String,
    enums: String,
    bytes: String,
  });
  writeFileSync(`${HISTORIES}/${bestand}.json`, `${JSON.stringify(history, null, 1)}\n`);
}

/** Contact moments every `stap` working days from today until (not including) `tot`. */
async function houdContactTot(t: Traject, tot: string, stap = 10): Promise<void> {
  for (let d = addWorkingDays(await vandaag(), stap); d < tot; d = addWorkingDays(d, stap)) {
    await naar(d);
    await t.doe({ soort: 'contactmoment', vorm: 'gesprek', verschenen: true, minuten: 90 });
  }
}

const scorer = { rol: 'coach' as const, professionalId: COACH.coachId };
const t0 = (datum: string, trede: 1 | 2 | 3 = 1) => [
  { instrument: 'participatieladder' as const, trede, datum, scorer, instrumentVersie: 'participatieladder-6' },
  {
    instrument: 'zrm' as const,
    datum,
    scorer,
    instrumentVersie: 'zrm-2017',
    relevanteDomeinen: ['financien' as const, 'sociaal-netwerk' as const],
    scores: { financien: 2 as const, 'sociaal-netwerk': 1 as const },
  },
];
const plan = (datum: string) => ({
  grow: { goal: 'vrijwilligerswerk', reality: 'thuis', options: 'kringloop', will: 'oriëntatie' },
  doelen: [
    {
      id: 'd1',
      omschrijving: 'twee dagdelen',
      smart: { specifiek: 's', meetbaar: 'm', actiegericht: 'a', realistisch: 'r', tijdgebonden: addMonths(datum, 9) },
    },
  ],
  gasDoelen: [{ id: 'g1', omschrijving: 'dagritme', niveaus: { '-2': 'a', '-1': 'b', '0': 'c', '1': 'd', '2': 'e' } }],
  ondertekening: { datum, door: 'deelnemer' as const },
});

/** From contact-leggen to uitvoering in four steps on consecutive working days. */
async function naarUitvoering(t: Traject): Promise<void> {
  await naar(addWorkingDays(await vandaag(), 1));
  await t.doe({ soort: 'contactpoging', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
  await naar(addWorkingDays(await vandaag(), 2));
  await t.doe({ soort: 'contactmoment', vorm: 'huisbezoek', verschenen: true });
  await t.doe({ soort: 'kennismaking-afronden', klik: true });
  await naar(addWorkingDays(await vandaag(), 2));
  const d = await vandaag();
  await t.doe({ soort: 'diagnose', metingen: t0(d) });
  await naar(addWorkingDays(d, 2));
  await t.doe({ soort: 'plan', plan: plan(await vandaag()) });
  expect((await t.state()).fase).toBe('uitvoering');
}

async function updateFout(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return (cause as ApplicationFailure).type ?? undefined;
  }
}

describe('traject workflow (dev server, time skipping)', () => {
  it('walks a complete 12-month traject with four evaluations, T1 and nazorg, and continues as new along the way', async () => {
    await metTraject({ historieLimiet: 150 }, async (t) => {
      const wfRunIds = new Set<string>();
      await naarUitvoering(t);
      await t.doe({ soort: 'verlenging' });
      for (let nr = 1; nr <= 4; nr++) {
        const ev = (await t.termijn('evaluatie')) as Termijn;
        await houdContactTot(t, ev.vervalt);
        await naar(ev.vervalt);
        const d = await vandaag();
        await t.doe({ soort: 'evaluatie', besluit: nr === 4 ? 'afronden' : 'doorgaan', metingen: nr === 2 ? t0(d, 2) : undefined });
        wfRunIds.add((await t.handle.describe()).runId);
      }
      await t.doe({ soort: 'afronding', vervolg: { soort: 'vrijwilligerswerk', omschrijving: 'kringloop twee dagdelen' } });
      const afgerond = await vandaag();
      let s = await t.state();
      expect(s.fase).toBe('nazorg');
      for (const checkIn of s.termijnen.filter((x) => x.soort === 'nazorg-checkin')) {
        await naar(checkIn.taakVanaf as string);
        await t.doe({ soort: 'contactmoment', vorm: 'telefonisch', verschenen: true });
      }
      s = await t.state();
      expect(s.status).toBe('afgesloten');
      expect(s.evaluaties.map((e) => e.nr)).toEqual([1, 2, 3, 4]);
      expect(s.t1).toBe(s.evaluaties[1].datum);
      expect(workingDaysBetween(s.startdatum, afgerond)).toBeGreaterThan(200);
      expect(wfRunIds.size).toBeGreaterThan(1);

      await uiteindelijk(() => {
        expect(t.acts.tijdlijn.get(t.trajectId)?.map((g) => g.nr)).toEqual(s.tijdlijn.map((g) => g.nr));
        expect(t.acts.projecties.get(t.trajectId)?.status).toBe('afgesloten');
      });
      expect(t.acts.taken.filter((x) => x.taak === 'evaluatie')).toHaveLength(4);
      expect(t.acts.taken.filter((x) => x.taak === 'nazorg-checkin')).toHaveLength(2);
      expect(t.acts.escalaties).toEqual([]);
      expect(t.acts.meldingen.map((m) => m.onderwerp)).toEqual(['afronding']);
      // A closed traject waits a year for a heropening, then the workflow returns its final state.
      const eind = (await t.handle.result()) as TrajectState;
      expect(eind.tijdlijn).toEqual(s.tijdlijn);
    });
  });

  it('outreach: four unanswered calls, a home visit that ends in a "no", and a re-approach one month later', async () => {
    await metTraject({}, async (t) => {
      for (let i = 1; i <= 4; i++) {
        await naar(addWorkingDays(await vandaag(), 2));
        await t.doe({ soort: 'contactpoging', kanaal: 'telefoon', uitkomst: 'geen-gehoor' });
      }
      await uiteindelijk(() => expect(t.acts.taken.map((x) => x.taak)).toContain('huisbezoek'));
      expect(t.acts.taken.filter((x) => x.taak === 'contactpoging').length).toBeGreaterThanOrEqual(2);
      await naar(addWorkingDays(await vandaag(), 3));
      await t.doe({ soort: 'contactpoging', kanaal: 'huisbezoek', uitkomst: 'geweigerd' });
      const nee = await vandaag();
      const her = (await t.termijn('herbenadering')) as Termijn;
      expect(her.taakVanaf).toBe(workingDayOnOrAfter(addMonths(nee, 1)));
      await naar(addDays(her.taakVanaf as string, -1));
      expect(t.acts.taken.filter((x) => x.taak === 'herbenadering')).toEqual([]);
      await naar(her.taakVanaf as string);
      await uiteindelijk(() =>
        expect(t.acts.taken.filter((x) => x.taak === 'herbenadering')).toEqual([expect.objectContaining({ toegewezenAan: COACH.coachId })]),
      );
      await t.doe({ soort: 'contactpoging', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
      const s = await t.state();
      expect(s.fase).toBe('kennismaking');
      // Four unanswered phone calls; the home visit and the successful call are not "belpogingen".
      expect(s.outreach).toEqual({ belpogingen: 4, huisbezoekGevraagd: true, weigeringen: 1 });
    });
  });

  it('a pause over Christmas moves the next evaluation by exactly the paused working days', async () => {
    // Uitvoering starts late September, so the first evaluation falls in the Christmas weeks.
    let jaar = Number((await vandaag()).slice(0, 4));
    if ((await vandaag()) > `${jaar}-09-15`) jaar += 1;
    await metTraject({ start: `${jaar}-09-18` }, async (t) => {
      await naarUitvoering(t);
      const uitvoering = await vandaag();
      const voor = ((await t.termijn('evaluatie')) as Termijn).vervalt;
      expect(voor).toBe(workingDayOnOrAfter(addMonths(uitvoering, 3)));
      expect(voor > `${jaar}-12-18`).toBe(true);
      await houdContactTot(t, `${jaar}-12-18`);
      await naar(`${jaar}-12-18`);
      const pauze = await vandaag();
      await t.doe({ soort: 'pauze', reden: 'opname' });
      await naar(`${jaar + 1}-01-08`);
      const hervat = await vandaag();
      expect(t.acts.verlopen.filter((x) => x.taak === 'evaluatie')).toEqual([]);
      await t.doe({ soort: 'hervatting' });
      const s = await t.state();
      // The paused working days are [pause, resumption): weekends and Christmas/New Year holidays do not count.
      const gepauzeerd = workingDaysBetween(addDays(pauze, -1), addDays(hervat, -1));
      expect(gepauzeerd).toBeLessThan(15);
      expect(s.gepauzeerdeWerkdagen).toBe(gepauzeerd);
      const na = (s.termijnen.find((x) => x.soort === 'evaluatie') as Termijn).vervalt;
      expect(workingDaysBetween(voor, na)).toBe(gepauzeerd);
      expect(na).toBe(addWorkingDays(voor, gepauzeerd));
    });
  });

  it('drop-out with a coded reason: tasks closed, klantmanager informed; bad commands are rejected with TRAJECT.* types', async () => {
    await metTraject({}, async (t) => {
      await naarUitvoering(t);
      expect(await updateFout(t.doe({ soort: 'uitval', reden: 'geen-zin' } as unknown as TrajectOpdrachtInvoer))).toBe('TRAJECT.COMMAND_INVALID');
      expect(await updateFout(t.doe({ soort: 'kennismaking-afronden', klik: true }))).toBe('TRAJECT.PHASE_INVALID');
      await t.doe({ soort: 'uitval', reden: 'verhuisd' });
      const o = await t.handle.query(overzichtQuery);
      expect(o).toEqual(expect.objectContaining({ status: 'uitgevallen', uitval: { datum: await vandaag(), reden: 'verhuisd' } }));
      expect(o.volgendeTermijn).toBeUndefined();
      expect(await updateFout(t.doe({ soort: 'contactmoment', vorm: 'gesprek', verschenen: true }))).toBe('TRAJECT.STATUS_INVALID');
      await uiteindelijk(() => {
        expect(t.acts.meldingen).toEqual([expect.objectContaining({ aan: REGIE.regievoerderId, onderwerp: 'uitval' })]);
        const openTaken = t.acts.taken.filter((x) => !t.acts.afgerond.some((a) => a.termijnId === x.termijnId));
        expect(openTaken).toEqual([]);
      });
    });
  });

  it('relapse: back to diagnose, then a new plan restarts the evaluation clock', async () => {
    await metTraject({}, async (t) => {
      await naarUitvoering(t);
      await naar(addWorkingDays(await vandaag(), 20));
      await t.doe({ soort: 'terugval', naarFase: 'diagnose' });
      expect(await t.termijn('evaluatie')).toBeUndefined();
      await naar(addWorkingDays(await vandaag(), 3));
      await t.doe({ soort: 'diagnose', metingen: t0(await vandaag()) });
      await naar(addWorkingDays(await vandaag(), 3));
      const d = await vandaag();
      await t.doe({ soort: 'plan', plan: plan(d) });
      const s = await t.state();
      expect(s.fase).toBe('uitvoering');
      expect(s.tijdlijn.filter((g) => g.soort === 'terugval')).toHaveLength(1);
      expect((s.termijnen.find((x) => x.soort === 'evaluatie') as Termijn).vervalt >= addMonths(d, 3)).toBe(true);
      await uiteindelijk(() => expect(t.acts.meldingen.map((m) => m.onderwerp)).toEqual(['terugval']));
    });
  });

  it('re-entry keeps the history: reopened while waiting, and restarted from the final state after the workflow ended', async () => {
    let eind: TrajectState | undefined;
    const trajectId = `tr-heropen-${Date.now().toString(36)}`;
    await metTraject({ trajectId }, async (t) => {
      await naarUitvoering(t);
      await t.doe({ soort: 'uitval', reden: 'te-ziek' });
      await naar(addMonths(await vandaag(), 2));
      await t.doe({ soort: 'heropening' });
      const s = await t.state();
      expect(s).toEqual(expect.objectContaining({ status: 'actief', fase: 'kennismaking', heropeningen: 1 }));
      expect(s.tijdlijn.map((g) => g.soort)).toEqual(expect.arrayContaining(['aangemeld', 'plan-vastgesteld', 'uitgevallen', 'heropend']));
      await t.doe({ soort: 'uitval', reden: 'te-ziek' });
      eind = (await t.handle.result()) as TrajectState;
    });
    expect(eind?.status).toBe('uitgevallen');
    await metTraject({ trajectId, voortzetting: eind }, async (t) => {
      await t.doe({ soort: 'heropening', naarFase: 'contact-leggen' });
      const s = await t.state();
      expect(s.heropeningen).toBe(2);
      expect(s.tijdlijn.slice(0, eind?.tijdlijn.length)).toEqual(eind?.tijdlijn);
      expect(s.fase).toBe('contact-leggen');
    });
  });

  it('regievoerder change and a coach who leaves: tasks move, escalations reach the new regievoerder', async () => {
    await metTraject({}, async (t) => {
      await naarUitvoering(t);
      const nieuw = { regievoerderId: 'ggz-7', organisatieId: 'ggz-oost-brabant' };
      await t.doe({ soort: 'regiewissel', regie: nieuw });
      await t.handle.signal(caseloadOverdrachtSignal, { vanCoachId: COACH.coachId, naar: { coachId: 'coach-2', organisatieId: 'weener-xl' } });
      await uiteindelijk(async () => expect((await t.state()).coach?.coachId).toBe('coach-2'));
      // A second copy of the bulk signal is a no-op: the coach is no longer coach-1.
      await t.handle.signal(caseloadOverdrachtSignal, { vanCoachId: COACH.coachId, naar: { coachId: 'coach-3', organisatieId: 'x' } });
      await uiteindelijk(() => {
        expect(t.acts.overdrachten.map((o) => [o.rol, o.van, o.naar])).toEqual([
          ['regievoerder', 'km-1', 'ggz-7'],
          ['coach', 'coach-1', 'coach-2'],
        ]);
        expect(t.acts.taken.filter((x) => x.taak === 'caseload-overdracht' || x.taak === 'deelnemer-informeren').map((x) => x.toegewezenAan)).toEqual([
          'coach-2',
          'coach-2',
        ]);
        expect(t.acts.taken.filter((x) => x.taak === 'regie-overname').map((x) => x.toegewezenAan)).toEqual(['ggz-7']);
      });
      // Nobody acts for two months: everything overdue escalates to the new regievoerder.
      await naar(addMonths(await vandaag(), 2));
      await uiteindelijk(() => expect(t.acts.escalaties.length).toBeGreaterThan(0));
      expect(new Set(t.acts.escalaties.map((e) => e.regievoerderId))).toEqual(new Set(['ggz-7']));
      expect((await t.state()).coach?.coachId).toBe('coach-2');
    });
  });

  it('an overdue evaluation is signalled the next day and escalates to the regievoerder after the grace period', async () => {
    await metTraject({}, async (t) => {
      await naarUitvoering(t);
      const ev = (await t.termijn('evaluatie')) as Termijn;
      await houdContactTot(t, ev.vervalt);
      await naar(ev.vervalt);
      expect(t.acts.verlopen.filter((x) => x.termijnId === ev.id)).toEqual([]);
      await naar(addDays(ev.vervalt, 1));
      await uiteindelijk(() =>
        expect(t.acts.verlopen.filter((x) => x.termijnId === ev.id)).toEqual([expect.objectContaining({ taak: 'evaluatie', toegewezenAan: COACH.coachId })]),
      );
      const escalatieDag = addDays(addWorkingDays(ev.vervalt, P.escalatieNaWerkdagen), 1);
      await naar(addDays(escalatieDag, -1));
      expect(t.acts.escalaties.filter((x) => x.termijnId === ev.id)).toEqual([]);
      await naar(escalatieDag);
      await uiteindelijk(() =>
        expect(t.acts.escalaties.filter((x) => x.termijnId === ev.id)).toEqual([
          expect.objectContaining({ regievoerderId: REGIE.regievoerderId, taak: 'evaluatie' }),
        ]),
      );
      const s = await t.state();
      expect(s.tijdlijn.find((g) => g.soort === 'geescaleerd' && g.gegevens['termijnId'] === ev.id)?.datum).toBe(escalatieDag);
      await t.doe({ soort: 'evaluatie', besluit: 'doorgaan' });
      await uiteindelijk(() => expect(t.acts.afgerond.some((a) => a.termijnId === ev.id)).toBe(true));
    });
  });

  describe('warm handover as a child workflow on the exchange task queue', () => {
    const ONTVANGER = { organisatie: 'ggz-oost', type: 'ggz' as const };
    const verzoek = (overdrachtId = randomUUID()): OverdrachtVerzoek => ({
      overdrachtId,
      deelnemerId: randomUUID(),
      zender: { organisatie: REGIE.organisatieId, type: 'gemeente', professional: REGIE.regievoerderId },
      ontvanger: ONTVANGER,
      regievoerder: REGIE.regievoerderId,
      reden: 'ggz-behandeling',
      overTeNemen: ['regie'],
    });

    /** Runs `scenario` with a worker for the overdracht workflow on the exchange task queue. */
    async function metExchangeWorker(scenario: (acts: FakeExchangeActivities) => Promise<void>): Promise<void> {
      const acts = new FakeExchangeActivities(async (invoer) => {
        await env.client.workflow
          .getHandle(trajectWorkflowId(invoer.trajectId))
          .executeUpdate(opdrachtUpdate, { args: [{ soort: 'regiewissel', datum: invoer.datum, regie: invoer.regie }] });
      });
      const workflowBundle = await bundleWorkflowCode({ workflowsPath: `${__dirname}/../../exchange/src/index.ts`, webpackConfigHook });
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: EXCHANGE_TASK_QUEUE,
        workflowBundle,
        activities: acts.alsActiviteiten(),
      });
      await worker.runUntil(scenario(acts));
    }

    it('a handover in uitvoering: the child runs to the lead transfer, the traject shows the new lead and the handover in its timeline', async () => {
      await metExchangeWorker(async (exchange) => {
        await metTraject({}, async (t) => {
          await naarUitvoering(t);
          const v = verzoek();
          const antwoord = await t.handle.executeUpdate(overdrachtVerzoekUpdate, { args: [v], updateId: overdrachtWorkflowId(v.overdrachtId) });
          expect(antwoord).toEqual({ overdrachtId: v.overdrachtId, workflowId: overdrachtWorkflowId(v.overdrachtId), nieuw: true });
          // A retried request starts nothing new; a second handover waits until this one has ended.
          expect(await t.handle.executeUpdate(overdrachtVerzoekUpdate, { args: [v] })).toEqual({ ...antwoord, nieuw: false });
          expect(await updateFout(t.handle.executeUpdate(overdrachtVerzoekUpdate, { args: [verzoek()] }))).toBe(OVERDRACHT_LOPEND);

          const kind = env.client.workflow.getHandle(overdrachtWorkflowId(v.overdrachtId));
          await uiteindelijk(async () => expect((await kind.describe()).status.name).toBe('RUNNING'));
          const beschrijving = await kind.describe();
          expect(beschrijving.taskQueue).toBe(EXCHANGE_TASK_QUEUE);
          expect(beschrijving.raw.workflowExecutionInfo?.parentExecution?.workflowId).toBe(trajectWorkflowId(t.trajectId));
          const gestart = (await t.handle.fetchHistory()).events?.find(
            (e) => e.startChildWorkflowExecutionInitiatedEventAttributes,
          )?.startChildWorkflowExecutionInitiatedEventAttributes;
          expect(gestart?.parentClosePolicy).toBe(temporal.api.enums.v1.ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON);

          await uiteindelijk(() => expect(exchange.gebeurtenissen).toContain('dossier-geleverd'));
          await kind.executeUpdate(acceptatieUpdate, { args: [{ door: 'ggz-behandelaar-7', regievoerderId: 'ggz-behandelaar-7' }] });
          const datum = addDays(amsterdamDate(await env.currentTimeMs()), 7);
          await kind.executeUpdate(driegesprekUpdate, { args: [{ door: 'ggz-behandelaar-7', soort: 'gepland', datum }] });
          await naar(datum);
          await kind.executeUpdate(driegesprekUpdate, { args: [{ door: 'ggz-behandelaar-7', soort: 'gehouden' }] });

          const uitkomst = (await kind.result()) as OverdrachtUitkomst;
          const nieuweRegie = { regievoerderId: 'ggz-behandelaar-7', organisatieId: ONTVANGER.organisatie };
          expect(uitkomst).toMatchObject({ status: 'regie-overgedragen', nieuweRegie });
          expect(exchange.gebeurtenissen).toEqual([
            'aangevraagd',
            'dossier-geleverd',
            'geaccepteerd',
            'driegesprek-gepland',
            'driegesprek-gehouden',
            'nazorg-checkin',
            'nazorg-checkin',
            'regie-overgedragen',
          ]);
          expect(exchange.regiewissels).toEqual([expect.objectContaining({ trajectId: t.trajectId, regie: nieuweRegie })]);

          await uiteindelijk(async () => {
            const s = await t.state();
            expect(s.tijdlijn.map((g) => g.soort).filter((x) => ['overdracht-aangevraagd', 'regie-gewijzigd', 'overdracht-beeindigd'].includes(x))).toEqual([
              'overdracht-aangevraagd',
              'regie-gewijzigd',
              'overdracht-beeindigd',
            ]);
          });
          const s = await t.state();
          expect(s.regie).toEqual(nieuweRegie);
          expect((await t.handle.query(overzichtQuery)).regie).toEqual(nieuweRegie);
          const [aangevraagd, beeindigd] = s.tijdlijn.filter((g) => (g.soort as string).startsWith('overdracht-'));
          expect(aangevraagd.gegevens).toEqual({ overdrachtId: v.overdrachtId, ontvanger: ONTVANGER.organisatie, reden: 'ggz-behandeling' });
          expect(beeindigd.gegevens).toEqual({ overdrachtId: v.overdrachtId, status: 'regie-overgedragen', nieuweOrganisatie: ONTVANGER.organisatie });
          expect(s.tijdlijn.map((g) => g.nr)).toEqual([...s.tijdlijn.map((g) => g.nr)].sort((a, b) => a - b));
          await uiteindelijk(() => {
            expect(t.acts.tijdlijn.get(t.trajectId)?.map((g) => g.nr)).toEqual(s.tijdlijn.map((g) => g.nr));
            expect(t.acts.projecties.get(t.trajectId)?.regie).toEqual(nieuweRegie);
          });

          // The handover has ended, so the traject may start another one.
          const tweede = verzoek();
          expect(
            await t.handle.executeUpdate(overdrachtVerzoekUpdate, {
              args: [
                {
                  ...tweede,
                  zender: { organisatie: ONTVANGER.organisatie, type: 'ggz', professional: 'ggz-behandelaar-7' },
                  ontvanger: { organisatie: 'schuldhulp-zuid', type: 'schuldhulp' },
                },
              ],
            }),
          ).toMatchObject({ nieuw: true });
          await env.client.workflow.getHandle(overdrachtWorkflowId(tweede.overdrachtId)).terminate('test finished');
        });
      });
    });

    it('a paused traject refuses a handover before anything is written; so does a traject still in aanmelding', async () => {
      await metTraject({}, async (t) => {
        expect(await updateFout(t.handle.executeUpdate(overdrachtVerzoekUpdate, { args: [verzoek()] }))).toBe('TRAJECT.PHASE_INVALID');
        await naarUitvoering(t);
        await t.doe({ soort: 'pauze', reden: 'opname' });
        const voor = await t.state();
        expect(await updateFout(t.handle.executeUpdate(overdrachtVerzoekUpdate, { args: [verzoek()] }))).toBe('TRAJECT.STATUS_INVALID');
        await naar(addWorkingDays(await vandaag(), 1));
        await t.doe({ soort: 'hervatting' });
        expect(
          await updateFout(
            t.handle.executeUpdate(overdrachtVerzoekUpdate, {
              args: [{ ...verzoek(), zender: { organisatie: 'elders', type: 'gemeente', professional: 'p-1' } }],
            }),
          ),
        ).toBe('TRAJECT.FORBIDDEN');
        const na = await t.state();
        expect(na.tijdlijn.filter((g) => (g.soort as string).startsWith('overdracht-'))).toEqual([]);
        expect(voor.tijdlijn.length).toBeLessThan(na.tijdlijn.length);
        const history = await t.handle.fetchHistory();
        expect(history.events?.some((e) => e.startChildWorkflowExecutionInitiatedEventAttributes)).toBe(false);
      });
    });
  });
});
