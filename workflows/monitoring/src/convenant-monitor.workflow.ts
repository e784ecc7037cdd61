import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ConvenantMonitorInput, MonitoringActivities } from '@ketenregie/monitoring-contracts';
import { ACTIVITY_TIMEOUTS } from '@ketenregie/shared-kernel';
import { kwartaalVan, volgendKwartaalrapport } from '@ketenregie/monitoring-domain';
import { slaapTot, vandaag } from './klok';

const act = proxyActivities<MonitoringActivities>({ ...ACTIVITY_TIMEOUTS, retry: { maximumAttempts: 20 } });

/** Reports per run before the history is renewed with `continueAsNew`. */
const RAPPORTEN_PER_RUN = 8;

/**
 * The convenant's quarterly report on its own clock (`convenant-monitor`): on the configured
 * working day after each quarter it freezes and publishes the report of the quarter just ended
 * and tells the stuurgroep; it stops after the quarter of the convenant's end.
 */
export async function convenantMonitorWorkflow(input: ConvenantMonitorInput): Promise<{ laatste?: string }> {
  const id = workflowInfo().workflowId;
  let laatste: string | undefined;
  for (let n = 0; n < RAPPORTEN_PER_RUN; n++) {
    const volgend = volgendKwartaalrapport(vandaag(), input.werkdagNaKwartaal);
    // `YYYY-Kn` sorts as text: a quarter after the convenant's last has no report.
    if (volgend.kwartaal > kwartaalVan(input.einddatum)) return { laatste };
    await slaapTot(volgend.datum);
    await act.publishQuarterReport({ sleutel: `${id}:${volgend.kwartaal}`, convenantId: input.convenantId, kwartaal: volgend.kwartaal, peildatum: vandaag() });
    await act.notifyStuurgroep({
      sleutel: `${id}:melding:${volgend.kwartaal}`,
      stuurgroepId: input.stuurgroepId,
      aan: 'stuurgroep',
      onderwerp: 'kwartaalrapport-gepubliceerd',
      verwijzing: `convenant/${input.convenantId}/${volgend.kwartaal}`,
    });
    laatste = volgend.kwartaal;
    if (volgend.kwartaal === kwartaalVan(input.einddatum)) return { laatste };
  }
  return continueAsNew<typeof convenantMonitorWorkflow>(input);
}
