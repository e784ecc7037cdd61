/** Workflow updates in the state machine: admission and the update protocol's messages. */
import { unpackAny, type Msg } from '../../../proto/proto';
import { RpcError } from '../../errors';
import type { Transition } from '../transition';
import { scheduleWorkflowTask } from './run';

/** Admits an update; it reaches the worker with the next workflow task. */
export function admitUpdate(tr: Transition, request: Msg): void {
  const updateId = request.meta?.update_id;
  if (!updateId) throw new RpcError('INVALID_ARGUMENT', 'Update id is not set.');
  if (tr.run.updates[updateId]) return;
  tr.run.updates[updateId] = { updateId, request, state: 'admitted' };
  scheduleWorkflowTask(tr);
}

/** Applies an Acceptance, Rejection or Response of the update protocol to the run. */
export function applyProtocolMessage(tr: Transition, message: Msg): void {
  const run = tr.run;
  const unpacked = unpackAny(message.body);
  if (!unpacked) return;
  const updateId: string = message.protocol_instance_id;
  const update = run.updates[updateId];
  switch (unpacked.typeName) {
    case 'temporal.api.update.v1.Acceptance': {
      const acceptedEventId = tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED', {
        protocol_instance_id: updateId,
        accepted_request_message_id: unpacked.body.accepted_request_message_id,
        accepted_request_sequencing_event_id: unpacked.body.accepted_request_sequencing_event_id,
        accepted_request: unpacked.body.accepted_request ?? update?.request,
      });
      run.updates[updateId] = {
        updateId,
        request: unpacked.body.accepted_request ?? update?.request ?? {},
        state: 'accepted',
        acceptedEventId,
      };
      break;
    }
    case 'temporal.api.update.v1.Rejection': {
      if (update) {
        update.state = 'rejected';
        update.outcome = { failure: unpacked.body.failure };
      }
      break;
    }
    case 'temporal.api.update.v1.Response': {
      const acceptedEventId = update?.acceptedEventId ?? 0;
      tr.write('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED', {
        meta: unpacked.body.meta,
        accepted_event_id: acceptedEventId,
        outcome: unpacked.body.outcome,
      });
      run.updates[updateId] = {
        updateId,
        request: update?.request ?? {},
        state: 'completed',
        acceptedEventId,
        outcome: unpacked.body.outcome,
      };
      break;
    }
    default:
      break;
  }
}
