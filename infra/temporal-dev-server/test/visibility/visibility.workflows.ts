import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { ApplicationFailure, condition, defineSignal, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { ACTIEF, DEADLINE, FASE, LABELS, OMSCHRIJVING, SCORE } from './visibility.search-attributes';

/** What a dossier upserts in its first workflow task, and how it ends. */
export interface DossierPlan {
  fase?: number;
  score?: number;
  actief?: boolean;
  /** RFC 3339 */
  deadline?: string;
  labels?: string[];
  omschrijving?: string;
  end: 'complete' | 'fail' | 'wait';
}

/** Upserts `Fase` while the dossier waits. */
export const faseSignal = defineSignal<[number]>('fase');
/** Lets a waiting dossier complete. */
export const finishSignal = defineSignal('finish');

export async function dossierWorkflow(plan: DossierPlan): Promise<string> {
  const updates: SearchAttributeUpdatePair[] = [];
  if (plan.fase !== undefined) updates.push({ key: FASE, value: plan.fase });
  if (plan.score !== undefined) updates.push({ key: SCORE, value: plan.score });
  if (plan.actief !== undefined) updates.push({ key: ACTIEF, value: plan.actief });
  if (plan.deadline !== undefined) updates.push({ key: DEADLINE, value: new Date(plan.deadline) });
  if (plan.labels !== undefined) updates.push({ key: LABELS, value: plan.labels });
  if (plan.omschrijving !== undefined) updates.push({ key: OMSCHRIJVING, value: plan.omschrijving });
  if (updates.length > 0) upsertSearchAttributes(updates);

  if (plan.end === 'fail') throw ApplicationFailure.nonRetryable('dossier afgewezen', 'DOSSIER.REJECTED');
  if (plan.end === 'wait') {
    let finished = false;
    setHandler(faseSignal, (fase) => upsertSearchAttributes([{ key: FASE, value: fase }]));
    setHandler(finishSignal, () => {
      finished = true;
    });
    await condition(() => finished);
  }
  return 'klaar';
}

export async function plainWorkflow(): Promise<string> {
  return 'plain';
}
