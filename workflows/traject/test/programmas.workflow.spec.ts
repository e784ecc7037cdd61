/**
 * Every shipped programme on the real traject workflow, on our dev server with time skipping:
 * one traject per programme version walks from aanmelding through every phase the programme
 * uses to afgesloten, with the programme's own instruments, nazorg check-ins and case meetings.
 */
import { addMonths, addWorkingDays, isWorkingDay } from '@ketenregie/shared-kernel';
import { opdrachtUpdate, stateQuery, TRAJECT_TASK_QUEUE, trajectWorkflowId } from '@ketenregie/traject-contracts';
import type { TrajectOpdrachtInvoer, TrajectState, TrajectWorkflowInput } from '@ketenregie/traject-contracts';
import { HEEMSKERK_TREDE_1_2_V1, PROGRAMMA_CATALOGUS } from '@ketenregie/traject-domain';
import type { Fase, ProgrammaDefinitie } from '@ketenregie/traject-domain';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { uiteindelijk, virtualClock } from './virtual-clock';
import { BUNDLE_OPTIONS } from './bundler';
import { FakeTrajectActivities } from './fake-activities';

const LAUNCHER = `${__dirname}/../../../infra/temporal-dev-server/bin/temporal-dev-server`;
const REGIE = { regievoerderId: 'km-1', organisatieId: 'gemeente-dommeldal' };
const COACH = { coachId: 'coach-1', organisatieId: 'werkbrug-dommeldal' };
const HISTORIES = `${__dirname}/histories`;

let env: TestWorkflowEnvironment;
const { vandaag, naar } = virtualClock(() => env);
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
  bundle = await bundleWorkflowCode(BUNDLE_OPTIONS);
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

/** The scores the programme asks for, in its own instrument versions; sub-rungs where it uses them. */
type MetingInvoer = Extract<TrajectOpdrachtInvoer, { soort: 'diagnose' }>['metingen'];

function metingen(p: ProgrammaDefinitie, datum: string, trede: 1 | 2): MetingInvoer {
  const scorer = { rol: 'coach' as const, professionalId: COACH.coachId };
  return [
    p.instrumenten.ladderSubtreden && trede === 2
      ? { instrument: 'participatieladder', trede, subtreden: ['2.2', '2.4'], datum, scorer, instrumentVersie: p.instrumenten.ladderVersie }
      : { instrument: 'participatieladder', trede, datum, scorer, instrumentVersie: p.instrumenten.ladderVersie },
    {
      instrument: 'zrm',
      relevanteDomeinen: ['financien'],
      scores: { financien: trede === 1 ? 2 : 3 },
      datum,
      scorer,
      instrumentVersie: p.instrumenten.zrmVersie,
    },
  ];
}

describe('every shipped programme on the traject workflow (dev server, time skipping)', () => {
  let volgnummer = 0;

  it.each(PROGRAMMA_CATALOGUS.map((p) => [`${p.code}@${p.versie}`, p] as const))(
    '%s: a traject runs through all its phases to afgesloten',
    async (_, p) => {
      volgnummer += 1;
      const taskQueue = `${TRAJECT_TASK_QUEUE}-programma-${volgnummer}`;
      const acts = new FakeTrajectActivities();
      const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: acts.alsActiviteiten() });
      const trajectId = `prog-${volgnummer}-${Date.now().toString(36)}`;
      const input: TrajectWorkflowInput = { trajectId, programma: p, start: { regie: REGIE, coach: COACH, aanmeldreden: 'activering' } };
      await worker.runUntil(async () => {
        const handle = await env.client.workflow.start('trajectWorkflow', { taskQueue, workflowId: trajectWorkflowId(trajectId), args: [input] });
        const doe = (o: TrajectOpdrachtInvoer) => handle.executeUpdate(opdrachtUpdate, { args: [o] });
        const state = (): Promise<TrajectState> => handle.query(stateQuery);
        const verder = async (n = 2) => naar(addWorkingDays(await vandaag(), n));
        try {
          await verder();
          await doe({ soort: 'contactpoging', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
          if ((await state()).fase === 'kennismaking') {
            await verder();
            await doe({ soort: 'contactmoment', vorm: 'huisbezoek', verschenen: true });
            await doe({ soort: 'kennismaking-afronden', klik: true });
          }
          if ((await state()).fase === 'diagnose') {
            await verder();
            await doe({ soort: 'diagnose', metingen: metingen(p, await vandaag(), 1) });
          }
          if ((await state()).fase === 'plan-van-aanpak') {
            await verder();
            const d = await vandaag();
            await doe({
              soort: 'plan',
              plan: {
                grow: { goal: 'werk', reality: 'thuis', options: 'opleiding', will: 'starten' },
                doelen: [
                  {
                    id: 'd1',
                    omschrijving: 'starten',
                    smart: { specifiek: 's', meetbaar: 'm', actiegericht: 'a', realistisch: 'r', tijdgebonden: addMonths(d, 6) },
                  },
                ],
                gasDoelen: [],
                ondertekening: { datum: d, door: 'deelnemer' },
              },
            });
          }
          expect((await state()).fase).toBe('uitvoering');
          await naar(addMonths(await vandaag(), p.evaluatie.intervalMaanden));
          await doe({ soort: 'evaluatie', besluit: 'afronden', metingen: metingen(p, await vandaag(), 2) });
          await verder();
          await doe({ soort: 'afronding', vervolg: { soort: 'scholing', omschrijving: 'mbo-opleiding' } });
          const afgerond = (await state()).afronding?.datum as string;
          for (const m of p.nazorg?.checkInsNaMaanden ?? []) {
            await naar(addWorkingDays(addMonths(afgerond, m), 1));
            await doe({ soort: 'contactmoment', vorm: 'telefonisch', verschenen: true });
          }
          if (p.nazorg) await naar(addWorkingDays(addMonths(afgerond, p.nazorg.duurMaanden), 2));
          await uiteindelijk(async () => expect((await state()).status).toBe('afgesloten'));
          const s = await state();
          const fasen = ['aanmelding', ...s.tijdlijn.filter((g) => g.soort === 'fase-gewijzigd').map((g) => g.gegevens['naar'] as Fase)];
          expect(fasen).toEqual(p.fasen);
          expect(s.programma).toEqual({ code: p.code, versie: p.versie });
          if (p.instrumenten.ladderSubtreden)
            expect(s.metingen.find((m) => m.instrument === 'participatieladder' && m.trede === 2)).toMatchObject({ subtrede: '2.4' });
          if (p.casuistiekoverleg) {
            const agenda = acts.taken.filter((t) => t.taak === 'casuistiekoverleg');
            expect(agenda.length).toBeGreaterThan(0);
            for (const t of agenda) expect(isWorkingDay(t.vervalt)).toBe(true);
          }
          // Programmes with case meetings or a ladder review: their histories are kept for replay (TRAJECT_HISTORIES_RECORD=v4).
          const opname = process.env['TRAJECT_HISTORIES_RECORD'];
          if (opname && (p.casuistiekoverleg || p.instrumenten.ladderHerbeoordelingMaanden)) {
            const history = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(await handle.fetchHistory()), {
              longs: String,
              enums: String,
              bytes: String,
            });
            mkdirSync(HISTORIES, { recursive: true });
            writeFileSync(`${HISTORIES}/${opname}-programma-${p.code}-${p.versie}.json`, `${JSON.stringify(history, null, 1)}\n`);
          }
        } finally {
          const { status } = await handle.describe();
          if (status.name === 'RUNNING') await handle.terminate('test finished');
        }
      });
    },
    120_000,
  );

  it("Heemskerk: several sub-rungs at once record the highest, and a year after T0 the ladder review lands on the regievoerder's list", async () => {
    const p = HEEMSKERK_TREDE_1_2_V1;
    const acts = new FakeTrajectActivities();
    const taskQueue = `${TRAJECT_TASK_QUEUE}-heemskerk`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: acts.alsActiviteiten() });
    const trajectId = `heemskerk-${Date.now().toString(36)}`;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('trajectWorkflow', {
        taskQueue,
        workflowId: trajectWorkflowId(trajectId),
        args: [{ trajectId, programma: p, start: { regie: REGIE, coach: COACH, aanmeldreden: 'activering' } } satisfies TrajectWorkflowInput],
      });
      try {
        const doe = (o: TrajectOpdrachtInvoer) => handle.executeUpdate(opdrachtUpdate, { args: [o] });
        await naar(addWorkingDays(await vandaag(), 1));
        await doe({ soort: 'contactpoging', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' });
        const t0 = await vandaag();
        const scorer = { rol: 'coach' as const, professionalId: COACH.coachId };
        await doe({
          soort: 'diagnose',
          metingen: [
            { instrument: 'participatieladder', trede: 2, subtreden: ['2.5', '2.1', '2.3'], datum: t0, scorer, instrumentVersie: 'participatieladder-6' },
          ],
        });
        const s: TrajectState = await handle.query(stateQuery);
        expect(s.metingen[0]).toMatchObject({ subtrede: '2.5', subtreden: ['2.5', '2.1', '2.3'] });
        const herbeoordeling = s.termijnen.find((t) => t.soort === 'ladder-herbeoordeling');
        const jaar = addMonths(t0, 12);
        // A year after T0, on that day or the first working day after it.
        expect(herbeoordeling?.vervalt).toBe(isWorkingDay(jaar) ? jaar : expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
        expect((herbeoordeling?.vervalt ?? '') >= jaar && Date.parse(herbeoordeling?.vervalt ?? '') - Date.parse(jaar) <= 4 * 86_400_000).toBe(true);
        expect(isWorkingDay(herbeoordeling?.vervalt ?? '')).toBe(true);
        await naar(herbeoordeling?.taakVanaf ?? '');
        await uiteindelijk(() =>
          expect(acts.taken.find((t) => t.taak === 'ladder-herbeoordeling')).toMatchObject({
            voor: 'regievoerder',
            toegewezenAan: REGIE.regievoerderId,
            vervalt: herbeoordeling?.vervalt,
          }),
        );
      } finally {
        await handle.terminate('test finished');
      }
    });
  });
});
