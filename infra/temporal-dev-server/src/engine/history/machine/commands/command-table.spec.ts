import { randomUUID } from 'node:crypto';
import type { Msg } from '../../../../proto/proto';
import { RpcError } from '../../../errors';
import { Transition } from '../../transition';
import { createRun } from '../run';
import { startWorkflowTask } from '../workflow-task';
import { applyCommand, type CompletionContext } from './command-table';

const ctx: CompletionContext = { normalizeSearchAttributes: (fields) => fields };

/** A run whose first workflow task is started, and a transition on it at `now`. */
function transitionOnStartedRun(now = 2_000): Transition {
  const created = createRun(
    { namespace: 'default', workflowId: 'wf', runId: 'run-1', workflowType: 'T', taskQueue: 'q', executionTimeoutMs: 0, runTimeoutMs: 0, taskTimeoutMs: 0 },
    1_000,
    randomUUID,
  );
  startWorkflowTask(created, 'q', 'worker', 'req');
  return new Transition(structuredClone(created.run), now, randomUUID);
}

const payload = (value: unknown): Msg => ({ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(value)) });

describe('the command table: one handler per command type', () => {
  it('hands each command its own attributes and writes its event with the completing task as cause', () => {
    const tr = transitionOnStartedRun();
    const commands: Msg[] = [
      { command_type: 'COMMAND_TYPE_RECORD_MARKER', record_marker_command_attributes: { marker_name: 'patch' } },
      { command_type: 'COMMAND_TYPE_START_TIMER', start_timer_command_attributes: { timer_id: 't1', start_to_fire_timeout: { seconds: 5 } } },
      {
        command_type: 'COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES',
        upsert_workflow_search_attributes_command_attributes: { search_attributes: { indexed_fields: { CustomKeywordField: payload('x') } } },
      },
      {
        command_type: 'COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES',
        modify_workflow_properties_command_attributes: { upserted_memo: { fields: { note: payload('n') } } },
      },
    ];
    for (const command of commands) expect(applyCommand(tr, command, 4, ctx)).toBe(false);
    expect(tr.events.map((e) => e.event_type)).toEqual([
      'EVENT_TYPE_MARKER_RECORDED',
      'EVENT_TYPE_TIMER_STARTED',
      'EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES',
      'EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED',
    ]);
    expect(tr.events[0]?.marker_recorded_event_attributes).toMatchObject({ marker_name: 'patch', workflow_task_completed_event_id: 4 });
    expect(tr.events.every((e) => Object.values(e).some((a) => (a as Msg)?.workflow_task_completed_event_id === 4))).toBe(true);
    expect(tr.run.timers['t1']).toMatchObject({ timerId: 't1', deadline: 7_000 });
    expect(Object.keys(tr.run.searchAttributes)).toEqual(['CustomKeywordField']);
    expect(Object.keys(tr.run.memo?.fields ?? {})).toEqual(['note']);
  });

  it('closes the run with a close command', () => {
    const tr = transitionOnStartedRun();
    applyCommand(
      tr,
      { command_type: 'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION', complete_workflow_execution_command_attributes: { result: { payloads: [] } } },
      4,
      ctx,
    );
    expect(tr.run.status).toBe('Completed');
    expect(tr.run.closeEventId).toBe(tr.events.at(-1)?.event_id);
  });

  it.each(['COMMAND_TYPE_SCHEDULE_NEXUS_OPERATION', 'COMMAND_TYPE_UNSPECIFIED', 'constructor', 'toString', undefined])(
    'refuses a command type without a handler (%s) as INVALID_ARGUMENT, writing nothing',
    (commandType) => {
      const tr = transitionOnStartedRun();
      const apply = () => applyCommand(tr, { command_type: commandType }, 4, ctx);
      expect(apply).toThrow(RpcError);
      expect(apply).toThrow(`Unsupported command ${String(commandType)}`);
      expect(tr.events).toEqual([]);
    },
  );
});
