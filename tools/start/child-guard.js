'use strict';
/**
 * Preloaded into every Node child of the orchestrator. Children run in their own process
 * group, so if the orchestrator dies without stopping them, the IPC channel closes: turn that
 * into a SIGTERM so the child's own graceful shutdown runs instead of leaving an orphan.
 */
if (typeof process.send === 'function') {
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
