/** What every context's workflow contract shares: workflow ids from opaque ids, and how a workflow bundle is built. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `<soort>-<uuid>`: a workflow id from an opaque id only; it never carries a BSN, a name or a
 * health detail.
 * @throws TypeError for anything but a lower-case UUID.
 */
export function opaakWorkflowId(soort: string, id: string): string {
  if (!UUID.test(id)) throw new TypeError(`The ${soort} workflow id expects an opaque UUID`);
  return `${soort}-${id}`;
}

/**
 * Modules of a workflow bundle loaded once per worker and shared (frozen) by every cached
 * workflow instead of evaluated again for each (`bundlerOptions.preloadModules`): zod's ~450 KiB
 * of module code holds no per-workflow state. The schemas built from it stay per workflow.
 */
export const WORKFLOW_PRELOAD_MODULES: readonly string[] = ['zod'];

/**
 * Source files of the workspace libraries (`libs/<context>/<layer>/src/…`) have no side effects
 * on import, so a bundle leaves out those whose exports its workflows never use (e.g. the
 * exchange API and CloudEvents schemas behind `@ketenregie/exchange-contracts`), instead of
 * building them in every cached workflow (webpack `sideEffects: false`).
 */
export const LIBRARY_SOURCES_SIDE_EFFECT_FREE: readonly RegExp[] = [/[\\/]libs[\\/][^\\/]+[\\/][^\\/]+[\\/]src[\\/]/];
