import {
  geweigerdeTerugleidingTaak,
  isAfgelopen,
  PLAATSING_ERROR_CODES,
  plaatsingOverzicht,
  startPlaatsing,
  verwerkTijd,
  voerUit,
  volgendMoment,
} from '@ketenregie/plaatsing-domain';
import type { PlaatsingActie, PlaatsingState, PlaatsingUitkomst } from '@ketenregie/plaatsing-domain';
import {
  metDatum,
  plaatsingOpdrachtSchema,
  plaatsingOpdrachtUpdate,
  plaatsingOverzichtQuery,
  plaatsingStateQuery,
  terugleidingQuery,
} from '@ketenregie/plaatsing-contracts';
import type {
  PlaatsingActivities,
  PlaatsingOpdrachtInvoer,
  PlaatsingResultaat,
  PlaatsingTaak,
  PlaatsingTerugleiding,
  PlaatsingWorkflowInput,
} from '@ketenregie/plaatsing-contracts';
import { EXCHANGE_TASK_QUEUE, OVERDRACHT_WORKFLOW_TYPE, overdrachtWorkflowId } from '@ketenregie/exchange-contracts';
import type { OverdrachtUitkomst, OverdrachtWorkflowInput } from '@ketenregie/exchange-contracts';
import { ACTIVITY_TIMEOUTS, amsterdamDate, startOfAmsterdamDate } from '@ketenregie/shared-kernel';
import { alsWorkflowFailure, valideerOpdracht } from '@ketenregie/shared-workflow';
import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';

/** Short database writes of the placement run as local activities (one transaction per step). */
const lokaal = proxyLocalActivities<PlaatsingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: [...PLAATSING_ERROR_CODES] },
});

/** The calls to exchange-service (another context, over HTTP): retried while it is unreachable; a 4xx answer is final. */
const exchange = proxyActivities<Pick<PlaatsingActivities, 'requestReturn' | 'returnStatus'>>({
  ...ACTIVITY_TIMEOUTS,
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/**
 * Patch id of the warm return through exchange-service: the placement asks exchange-service to
 * register the handover (which the traject workflow then starts as its child, as every handover)
 * and waits for its end state, instead of starting an unregistered child overdracht itself.
 * Placements that returned before this patch keep their child in replay.
 */
export const TERUGLEIDING_VIA_EXCHANGE_PATCH = 'terugleiding-via-exchange-service';

/** How often the placement asks exchange-service whether the warm return has ended. */
export const TERUGLEIDING_PEILING = '1 day';

/**
 * Before {@link TERUGLEIDING_VIA_EXCHANGE_PATCH}: the warm return ran as a child overdracht on the
 * exchange task queue, with `ABANDON`: the handover is the deelnemer's safety net and ends in a
 * defined state on its own; the placement waited for its result anyway before it completed.
 */
export const TERUGLEIDING_PARENT_CLOSE_POLICY = ParentClosePolicy.ABANDON;

/** The code of a failed activity (its `ApplicationFailure` type), for the timeline. */
function foutcode(error: unknown): string {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type ? error.cause.type : 'onbekend';
}

function valideer(invoer: PlaatsingOpdrachtInvoer): PlaatsingOpdrachtInvoer {
  return valideerOpdracht(plaatsingOpdrachtSchema, 'PLAATSING.OPDRACHT_ONGELDIG', invoer);
}

/**
 * One durable workflow per placement, from the kennismaking to the 12-month check. The rules live
 * in the plaatsing domain: this function keeps the state, feeds it commands (updates) and the
 * passing of time (a timer to the Dutch midnight of the next due date), writes each outcome with
 * one local activity, and turns a return to the traject into a warm handover with the coded
 * reason, registered with exchange-service (see {@link TERUGLEIDING_VIA_EXCHANGE_PATCH}). It
 * completes only after that handover has ended: never a silent end.
 */
export async function plaatsingWorkflow(input: PlaatsingWorkflowInput): Promise<PlaatsingResultaat> {
  const { workflowId } = workflowInfo();
  const vandaag = () => amsterdamDate(Date.now());
  const uitgaand: PlaatsingUitkomst[] = [];
  let terugleiding: PlaatsingTerugleiding | undefined;

  const begin = startPlaatsing({ ...input.start, datum: input.start.datum ?? vandaag() });
  let state: PlaatsingState = begin.state;
  uitgaand.push(begin);

  const neem = (u: PlaatsingUitkomst) => {
    state = u.state;
    if (u.gebeurtenissen.length > 0 || u.acties.length > 0) uitgaand.push(u);
  };

  setHandler(
    plaatsingOpdrachtUpdate,
    (invoer) => {
      let u: PlaatsingUitkomst;
      try {
        u = voerUit(state, metDatum(valideer(invoer), vandaag()));
      } catch (error) {
        throw alsWorkflowFailure(error);
      }
      neem(u);
      return { fase: state.fase, termijnen: plaatsingOverzicht(state).termijnen, gebeurtenissen: u.gebeurtenissen };
    },
    {
      validator: (invoer) => {
        try {
          voerUit(state, metDatum(valideer(invoer), vandaag()));
        } catch (error) {
          throw alsWorkflowFailure(error);
        }
      },
    },
  );
  setHandler(plaatsingOverzichtQuery, () => plaatsingOverzicht(state));
  setHandler(plaatsingStateQuery, () => state);
  setHandler(terugleidingQuery, () => terugleiding);

  /** Starts the warm return to the traject; its result is recorded on the placement's timeline. */
  const startTerugleiding = async (actie: Extract<PlaatsingActie, { soort: 'terugleiding' }>) => {
    const overdrachtId = uuid4();
    if (patched(TERUGLEIDING_VIA_EXCHANGE_PATCH)) {
      await vraagTerugleidingAan(actie, overdrachtId);
      return;
    }
    const kindInvoer: OverdrachtWorkflowInput = {
      overdrachtId,
      deelnemerId: state.deelnemerId,
      trajectId: state.trajectId,
      zender: { organisatie: actie.van.organisatieId, type: actie.van.type, professional: actie.van.professional, rol: 'jobcoach' },
      ontvanger: { organisatie: actie.naar.organisatieId, type: actie.naar.type },
      regievoerder: state.regievoerder.professional,
      reden: `plaatsing-${actie.reden}`,
      overTeNemen: ['begeleiding'],
    };
    terugleiding = { overdrachtId, workflowId: overdrachtWorkflowId(overdrachtId), reden: actie.reden, naar: actie.naar.organisatieId };
    const kind = await startChild<(i: OverdrachtWorkflowInput) => Promise<OverdrachtUitkomst>>(OVERDRACHT_WORKFLOW_TYPE, {
      taskQueue: EXCHANGE_TASK_QUEUE,
      workflowId: terugleiding.workflowId,
      args: [kindInvoer],
      parentClosePolicy: TERUGLEIDING_PARENT_CLOSE_POLICY,
    });
    const gestart = state.tijdlijn.length + 1;
    state = {
      ...state,
      tijdlijn: [...state.tijdlijn, { nr: gestart, datum: vandaag(), soort: 'overdracht-gestart', gegevens: { overdrachtId, reden: actie.reden } }],
    };
    uitgaand.push({ state, gebeurtenissen: [state.tijdlijn[gestart - 1]], acties: [] });
    void kind.result().then(
      (u) => afgelopen(u.status),
      () => afgelopen('afgebroken'),
    );
  };
  /**
   * The warm return through exchange-service: registered there under the workflow's own stable id
   * (a retried activity answers with the first handover), then polled until it reached an end
   * state. A request exchange-service refuses (the traject paused, closed, another handover running)
   * ends the return as `niet-gestart` with its code on the timeline: visible, never silent.
   */
  const vraagTerugleidingAan = async (actie: Extract<PlaatsingActie, { soort: 'terugleiding' }>, overdrachtId: string) => {
    const namens = { professional: actie.van.professional, organisatie: actie.van.organisatieId, type: actie.van.type, rol: 'jobcoach' as const };
    terugleiding = { overdrachtId, workflowId: overdrachtWorkflowId(overdrachtId), reden: actie.reden, naar: actie.naar.organisatieId };
    try {
      await exchange.requestReturn({
        overdrachtId,
        deelnemerId: state.deelnemerId,
        trajectId: state.trajectId,
        namens,
        naar: actie.naar.organisatieId,
        reden: `plaatsing-${actie.reden}`,
        regievoerder: state.regievoerder.professional,
        gegevens: { 'traject-status': { terugleidingsreden: actie.reden, datum: vandaag() } },
      });
    } catch (error) {
      afgelopen('niet-gestart', { code: foutcode(error) });
      return;
    }
    const gestart = state.tijdlijn.length + 1;
    state = {
      ...state,
      tijdlijn: [...state.tijdlijn, { nr: gestart, datum: vandaag(), soort: 'overdracht-gestart', gegevens: { overdrachtId, reden: actie.reden } }],
    };
    uitgaand.push({ state, gebeurtenissen: [state.tijdlijn[gestart - 1]], acties: [] });
    void (async () => {
      for (;;) {
        await sleep(TERUGLEIDING_PEILING);
        const stand = await exchange.returnStatus({ overdrachtId, namens });
        if (stand.beeindigd) return afgelopen(stand.status);
      }
    })().catch((error: unknown) => afgelopen('afgebroken', { code: foutcode(error) }));
  };
  const afgelopen = (uitkomst: string, extra: Record<string, string> = {}) => {
    if (!terugleiding) return;
    terugleiding = { ...terugleiding, uitkomst };
    const nr = state.tijdlijn.length + 1;
    const e = { nr, datum: vandaag(), soort: 'overdracht-beeindigd', gegevens: { overdrachtId: terugleiding.overdrachtId, status: uitkomst, ...extra } };
    state = { ...state, tijdlijn: [...state.tijdlijn, e] };
    // A refused return is arranged by hand: a task on the regievoerder's list (same activity call, so older histories replay).
    uitgaand.push({ state, gebeurtenissen: [e], acties: uitkomst === 'niet-gestart' ? [geweigerdeTerugleidingTaak(nr, e.datum)] : [] });
  };

  for (;;) {
    while (uitgaand.length > 0) {
      const uitkomsten = uitgaand.splice(0);
      const acties = uitkomsten.flatMap((u) => u.acties);
      const taken: PlaatsingTaak[] = acties.flatMap((a) =>
        a.soort === 'taak' ? [{ sleutel: `${workflowId}:${a.id}`, voor: a.voor, onderwerp: a.onderwerp, vervalt: a.vervalt }] : [],
      );
      await lokaal.applyOutcome({
        plaatsingId: state.plaatsingId,
        overzicht: plaatsingOverzicht(state),
        gebeurtenissen: uitkomsten.flatMap((u) => u.gebeurtenissen),
        taken,
      });
      for (const a of acties) if (a.soort === 'terugleiding') await startTerugleiding(a);
    }
    if (isAfgelopen(state)) {
      // A return to the traject ends only when its handover has: wait for the child's result and record it.
      await condition(() => uitgaand.length > 0 || terugleiding === undefined || terugleiding.uitkomst !== undefined);
      if (uitgaand.length > 0) continue;
      await condition(allHandlersFinished);
      if (uitgaand.length > 0) continue;
      return { state, ...(terugleiding ? { terugleiding } : {}) };
    }
    const moment = volgendMoment(state);
    const wachttijd = moment === undefined ? undefined : startOfAmsterdamDate(moment) - Date.now();
    if (wachttijd !== undefined && wachttijd <= 0) {
      const u = verwerkTijd(state, vandaag());
      neem(u);
      // Nothing due after all (cannot happen with the domain's deadlines): wait for a command instead of spinning.
      if (u.gebeurtenissen.length === 0 && u.acties.length === 0) await condition(() => uitgaand.length > 0);
      continue;
    }
    const iets = () => uitgaand.length > 0;
    const gewekt = wachttijd === undefined ? (await condition(iets), true) : await condition(iets, wachttijd);
    if (!gewekt) neem(verwerkTijd(state, vandaag()));
  }
}
