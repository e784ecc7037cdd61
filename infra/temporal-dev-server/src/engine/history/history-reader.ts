import type { Msg } from '../../proto/proto';
import type { RunChanges } from './changes';
import { type EngineCore, EngineService } from '../engine-service';

const HISTORY_LONG_POLL_MS = 20_000;

/** GetWorkflowExecutionHistory: pages of a run's events, the close event only, or a long poll for new ones. */
export class HistoryReader extends EngineService {
  constructor(
    core: EngineCore,
    private readonly changes: RunChanges,
  ) {
    super(core);
  }

  async getHistory(request: Msg, deadlineMs: number, signal: AbortSignal): Promise<Msg> {
    const store = this.history.store;
    const record = await this.namespaces.get(request.namespace);
    let run = await this.history.getRun(record.name, request.execution);
    const closeOnly = request.history_event_filter_type === 'HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT';
    const from = request.next_page_token?.length ? Number(Buffer.from(request.next_page_token).toString('utf8')) || 1 : 1;
    const until = Math.min(Date.now() + HISTORY_LONG_POLL_MS, deadlineMs - 1000);
    for (;;) {
      if (closeOnly) {
        if (run.status !== 'Running' && run.closeEventId) {
          const [closeEvent] = await store.readHistory(record.name, run.runId, run.closeEventId);
          return { history: { events: closeEvent ? [closeEvent] : [] }, archived: false };
        }
      } else {
        const pageSize = request.maximum_page_size > 0 ? request.maximum_page_size : 1000;
        const events = await store.readHistory(record.name, run.runId, from);
        if (events.length > 0 || !request.wait_new_event || run.status !== 'Running') {
          const page = events.slice(0, pageSize);
          const more = events.length > pageSize || (request.wait_new_event && run.status === 'Running');
          const next = (page.at(-1)?.event_id ?? from - 1) + 1;
          return { history: { events: page }, next_page_token: more ? Buffer.from(String(next)) : undefined, archived: false };
        }
      }
      if (!request.wait_new_event || Date.now() >= until || signal.aborted || this.stopped.aborted) {
        return { history: { events: [] }, next_page_token: Buffer.from(String(from)), archived: false };
      }
      await this.changes.waitForChange(run.runId, until - Date.now(), signal);
      run = (await store.getRun(record.name, run.runId)) ?? run;
    }
  }
}
