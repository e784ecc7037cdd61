import type { TrajectActie, TrajectEffect } from '@ketenregie/traject-contracts';

/**
 * Maps a domain action to its activity call. The idempotency key is `<workflowId>:<action id>`;
 * action ids are unique within a traject and survive continue-as-new.
 */
export function naarActiviteit(workflowId: string, trajectId: string, a: TrajectActie): TrajectEffect {
  const sleutel = `${workflowId}:${a.id}`;
  switch (a.soort) {
    case 'taak':
      return {
        naam: 'createTask',
        invoer: { sleutel, trajectId, termijnId: a.termijnId, taak: a.taak, voor: a.voor, toegewezenAan: a.toegewezenAan, vervalt: a.vervalt },
      };
    case 'termijn-verlopen':
      return {
        naam: 'signalOverdue',
        invoer: { sleutel, trajectId, termijnId: a.termijnId, taak: a.taak, toegewezenAan: a.toegewezenAan, vervalt: a.vervalt },
      };
    case 'escalatie':
      return { naam: 'escalate', invoer: { sleutel, trajectId, termijnId: a.termijnId, taak: a.taak, regievoerderId: a.regievoerderId, vervalt: a.vervalt } };
    case 'taak-afgerond':
      return { naam: 'closeTask', invoer: { sleutel, trajectId, termijnId: a.termijnId } };
    case 'taken-overdragen':
      return { naam: 'transferTasks', invoer: { sleutel, trajectId, rol: a.rol, van: a.van, naar: a.naar } };
    case 'melding':
      return { naam: 'notify', invoer: { sleutel, trajectId, aan: a.aan, onderwerp: a.onderwerp } };
  }
}
