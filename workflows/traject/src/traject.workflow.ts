import {
  overdrachtGebeurtenis,
  startTraject,
  toetsOverdrachtVerzoek,
  TRAJECT_ERROR_CODES,
  trajectOverzicht,
  verwerkTijd,
  voerUit,
  volgendMoment,
} from '@ketenregie/traject-domain';
import { EXCHANGE_TASK_QUEUE, OVERDRACHT_WORKFLOW_TYPE, overdrachtWorkflowId } from '@ketenregie/exchange-contracts';
import type { OverdrachtUitkomst, OverdrachtWorkflowInput } from '@ketenregie/exchange-contracts';
import { ACTIVITY_TIMEOUTS, amsterdamDate, isDomainError, startOfAmsterdamDate } from '@ketenregie/shared-kernel';
import { alsWorkflowFailure, valideerOpdracht } from '@ketenregie/shared-workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  caseloadOverdrachtSignal,
  metDatum,
  opdrachtUpdate,
  overdrachtVerzoekUpdate,
  overzichtQuery,
  stateQuery,
  termijnenQuery,
  tijdlijnQuery,
  trajectOpdrachtSchema,
} from '@ketenregie/traject-contracts';
import type {
  OpdrachtResultaat,
  OverdrachtVerzoek,
  TrajectActivities,
  TrajectOpdrachtInvoer,
  TrajectOverdracht,
  TrajectState,
  TrajectUitkomst,
  Uitvoerder,
  TrajectWorkflowInput,
} from '@ketenregie/traject-contracts';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { naarActiviteit } from './effecten';

const activiteiten = proxyActivities<TrajectActivities>({
  ...ACTIVITY_TIMEOUTS,
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: [...TRAJECT_ERROR_CODES] },
});

/**
 * Short database writes of the traject run as local activities: in the worker, inside the workflow
 * task that asked for them, without an activity task and a second workflow task per write.
 */
const lokaal = proxyLocalActivities<TrajectActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: [...TRAJECT_ERROR_CODES] },
});

/**
 * Changes to the order of commands (activities, timers) go behind `patched()`, so trajecten that
 * started on older code replay unchanged (committed histories under `test/histories/` prove it).
 *
 * - `projectie-eerst`: the read model behind `GET /trajecten/{id}` is updated before the timeline
 *   and the tasks of each outcome (was: after all outcomes), so the API reads its own writes sooner.
 * - `uitkomsten-in-een-transactie`: all pending outcomes (projection, timeline, actions) are written
 *   by one local activity `applyOutcome` in one transaction (was: one activity per write, each an
 *   activity task and a workflow task), so an update answers after one workflow task, with its
 *   projection already stored.
 */
export const PATCH_PROJECTIE_EERST = 'projectie-eerst';
export const PATCH_EEN_TRANSACTIE = 'uitkomsten-in-een-transactie';

/**
 * Warm handovers run as children on the exchange task queue. Their commands (child start, the
 * handover's timeline entries) follow only from `overdrachtVerzoekUpdate`, which no earlier
 * history holds, so they need no patch; the replay of `test/histories/` proves the older runs.
 *
 * Parent close policy: `ABANDON`, deliberately. A handover is the deelnemer's safety net between
 * two organisations and ends in a defined state on its own (cancellation, rejection, consent
 * withdrawn, lead transferred); cancelling or terminating it because its traject run closed would
 * leave a dossier at the receiver and both sides uninformed. The traject therefore never closes
 * silently over a running handover: it neither continues as new nor completes while one runs
 * (it waits for the child's result and records it), so `ABANDON` only takes effect when the traject
 * is terminated or reset by hand; the handover then finishes on its own and its lead transfer
 * reaches the regievoerder as a task (`meldRegiewissel` finds no traject).
 */
export const OVERDRACHT_PARENT_CLOSE_POLICY = ParentClosePolicy.ABANDON;

/** History events after which the workflow continues as new (unless the server suggests it earlier). */
export const STANDAARD_HISTORIE_LIMIET = 2_000;

/** How long a dropped-out or closed traject waits for a heropening before the workflow completes. */
export const WACHT_OP_HEROPENING_MS = 365 * 24 * 3_600_000;

function valideer(invoer: TrajectOpdrachtInvoer): TrajectOpdrachtInvoer {
  return valideerOpdracht(trajectOpdrachtSchema, 'TRAJECT.COMMAND_INVALID', invoer);
}

/**
 * One durable workflow per traject. The rules live in the pure domain (via contracts): this
 * function only keeps the state, feeds it commands (updates) and the passing of time (timers to
 * the next date anything is due, in Dutch civil time), and turns the resulting actions into
 * idempotent activities. Returns the final state, from which a later heropening can start again.
 */
export async function trajectWorkflow(input: TrajectWorkflowInput): Promise<TrajectState> {
  const p = input.programma;
  const { workflowId } = workflowInfo();
  const vandaag = () => amsterdamDate(Date.now());
  const uitgaand: TrajectUitkomst[] = [];
  let overdrachten: readonly TrajectOverdracht[] = input.voortzetting?.overdrachten ?? [];
  const teStarten: OverdrachtVerzoek[] = [];
  const overdrachtLoopt = () => overdrachten.some((o) => o.uitkomst === undefined);

  let state: TrajectState;
  if (input.voortzetting) {
    state = input.voortzetting.state;
  } else {
    const start = startTraject(
      {
        trajectId: input.trajectId,
        datum: input.start.datum ?? vandaag(),
        regie: input.start.regie,
        coach: input.start.coach,
        aanmeldreden: input.start.aanmeldreden,
      },
      p,
      vandaag(),
    );
    state = start.state;
    uitgaand.push(start);
  }

  const neem = (u: TrajectUitkomst) => {
    state = u.state;
    if (u.gebeurtenissen.length > 0 || u.acties.length > 0) uitgaand.push(u);
  };

  setHandler(
    opdrachtUpdate,
    (invoer, door?: Uitvoerder): OpdrachtResultaat => {
      const opdracht = metDatum(valideer(invoer), vandaag());
      let u: TrajectUitkomst;
      try {
        u = voerUit(state, opdracht, p, vandaag(), door);
      } catch (error) {
        throw alsWorkflowFailure(error);
      }
      neem(u);
      const o = trajectOverzicht(state);
      return { fase: o.fase, status: o.status, volgendeTermijn: o.volgendeTermijn, gebeurtenissen: u.gebeurtenissen };
    },
    {
      validator: (invoer, door?: Uitvoerder) => {
        try {
          voerUit(state, metDatum(valideer(invoer), vandaag()), p, vandaag(), door);
        } catch (error) {
          throw alsWorkflowFailure(error);
        }
      },
    },
  );

  setHandler(
    overdrachtVerzoekUpdate,
    (verzoek) => {
      let eerder: TrajectOverdracht | undefined;
      try {
        eerder = toetsOverdrachtVerzoek(state, overdrachten, verzoek);
      } catch (error) {
        throw alsWorkflowFailure(error);
      }
      if (eerder) return { overdrachtId: eerder.overdrachtId, workflowId: eerder.workflowId, nieuw: false };
      const registratie: TrajectOverdracht = {
        overdrachtId: verzoek.overdrachtId,
        workflowId: overdrachtWorkflowId(verzoek.overdrachtId),
        ontvangerOrganisatie: verzoek.ontvanger.organisatie,
        aangevraagdOp: vandaag(),
      };
      overdrachten = [...overdrachten, registratie];
      teStarten.push(verzoek);
      neem(
        overdrachtGebeurtenis(state, vandaag(), 'overdracht-aangevraagd', {
          overdrachtId: verzoek.overdrachtId,
          ontvanger: verzoek.ontvanger.organisatie,
          reden: verzoek.reden,
        }),
      );
      return { overdrachtId: registratie.overdrachtId, workflowId: registratie.workflowId, nieuw: true };
    },
    {
      validator: (verzoek) => {
        try {
          overdrachtWorkflowId(verzoek.overdrachtId);
          toetsOverdrachtVerzoek(state, overdrachten, verzoek);
        } catch (error) {
          if (error instanceof TypeError) throw ApplicationFailure.create({ type: 'TRAJECT.COMMAND_INVALID', message: error.message, nonRetryable: true });
          throw alsWorkflowFailure(error);
        }
      },
    },
  );

  /** The handover ended: remember its outcome and put it on the timeline. */
  const overdrachtAfgelopen = (overdrachtId: string, uitkomst: NonNullable<TrajectOverdracht['uitkomst']>, nieuweRegie?: OverdrachtUitkomst['nieuweRegie']) => {
    overdrachten = overdrachten.map((o) => (o.overdrachtId === overdrachtId ? { ...o, uitkomst } : o));
    neem(
      overdrachtGebeurtenis(state, vandaag(), 'overdracht-beeindigd', {
        overdrachtId,
        status: uitkomst,
        ...(nieuweRegie ? { nieuweOrganisatie: nieuweRegie.organisatieId } : {}),
      }),
    );
  };

  /** Starts the handover as a child on the exchange task queue; its result arrives later. */
  const startOverdracht = async (verzoek: OverdrachtVerzoek) => {
    const kindInvoer: OverdrachtWorkflowInput = { ...verzoek, trajectId: state.trajectId };
    try {
      const kind = await startChild<(i: OverdrachtWorkflowInput) => Promise<OverdrachtUitkomst>>(OVERDRACHT_WORKFLOW_TYPE, {
        taskQueue: EXCHANGE_TASK_QUEUE,
        workflowId: overdrachtWorkflowId(verzoek.overdrachtId),
        args: [kindInvoer],
        parentClosePolicy: OVERDRACHT_PARENT_CLOSE_POLICY,
      });
      void kind.result().then(
        (u) => overdrachtAfgelopen(verzoek.overdrachtId, u.status, u.nieuweRegie),
        () => overdrachtAfgelopen(verzoek.overdrachtId, 'afgebroken'),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      log.warn('Handover child not started: its workflow id is taken', { overdrachtId: verzoek.overdrachtId });
      overdrachtAfgelopen(verzoek.overdrachtId, 'niet-gestart');
    }
  };

  setHandler(caseloadOverdrachtSignal, (o) => {
    if (state.coach?.coachId !== o.vanCoachId) return;
    try {
      neem(voerUit(state, { soort: 'coachwissel', datum: o.datum ?? vandaag(), coach: o.naar, reden: 'vertrek' }, p, vandaag()));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      log.warn('Caseload transfer not applied', { code: error.code });
    }
  });

  setHandler(overzichtQuery, () => trajectOverzicht(state));
  setHandler(tijdlijnQuery, () => state.tijdlijn);
  setHandler(termijnenQuery, () => state.termijnen);
  setHandler(stateQuery, () => state);

  const limiet = input.historieLimiet ?? STANDAARD_HISTORIE_LIMIET;
  /** Continue as new when history grows large, but never over a running handover (its child would be orphaned). */
  const moetVerder = () => (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= limiet) && !overdrachtLoopt();

  for (;;) {
    while (teStarten.length > 0) await startOverdracht(teStarten.shift() as OverdrachtVerzoek);
    while (uitgaand.length > 0) {
      if (patched(PATCH_EEN_TRANSACTIE)) {
        const uitkomsten = uitgaand.splice(0);
        await lokaal.applyOutcome({
          trajectId: state.trajectId,
          overzicht: trajectOverzicht(state),
          gebeurtenissen: uitkomsten.flatMap((u) => u.gebeurtenissen),
          effecten: uitkomsten.flatMap((u) => u.acties.map((a) => naarActiviteit(workflowId, state.trajectId, a))),
        });
        continue;
      }
      const u = uitgaand.shift() as TrajectUitkomst;
      const projectieEerst = patched(PATCH_PROJECTIE_EERST);
      if (projectieEerst) await activiteiten.updateProjection(trajectOverzicht(state));
      if (u.gebeurtenissen.length > 0) await activiteiten.recordTimeline({ trajectId: state.trajectId, gebeurtenissen: u.gebeurtenissen });
      for (const actie of u.acties) {
        const a = naarActiviteit(workflowId, state.trajectId, actie);
        await (activiteiten[a.naam] as (i: typeof a.invoer) => Promise<void>)(a.invoer);
      }
      if (!projectieEerst && uitgaand.length === 0) await activiteiten.updateProjection(trajectOverzicht(state));
    }

    if (moetVerder()) {
      await condition(allHandlersFinished);
      if (uitgaand.length === 0 && !overdrachtLoopt()) {
        await continueAsNew<typeof trajectWorkflow>({ ...input, voortzetting: { state, ...(overdrachten.length > 0 ? { overdrachten } : {}) } });
      }
      continue;
    }

    const afgelopen = state.status === 'uitgevallen' || state.status === 'afgesloten';
    const moment = volgendMoment(state, p);
    const wachttijd = afgelopen ? WACHT_OP_HEROPENING_MS : moment === undefined ? undefined : startOfAmsterdamDate(moment) - Date.now();
    if (wachttijd !== undefined && wachttijd <= 0) {
      neem(verwerkTijd(state, p, vandaag()));
      continue;
    }
    const iets = () => uitgaand.length > 0 || teStarten.length > 0 || moetVerder();
    const gewekt = wachttijd === undefined ? (await condition(iets), true) : await condition(iets, wachttijd);
    if (gewekt) continue;
    if (afgelopen) {
      // A closed traject waits for a running handover's result before it completes.
      await condition(() => allHandlersFinished() && (!overdrachtLoopt() || uitgaand.length > 0 || teStarten.length > 0));
      if (uitgaand.length === 0 && !overdrachtLoopt() && (state.status === 'uitgevallen' || state.status === 'afgesloten')) return state;
      continue;
    }
    neem(verwerkTijd(state, p, vandaag()));
  }
}
