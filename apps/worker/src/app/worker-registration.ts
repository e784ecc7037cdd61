import type { DynamicModule, Type } from '@nestjs/common';

/**
 * One Temporal worker the host runs: a task queue with its workflows and activities.
 * Each context contributes one registration (see `registrations.ts`).
 */
export interface WorkerRegistration {
  /** Task queue to poll, taken from the context's contracts. */
  readonly taskQueue: string;
  /** Absolute path of the workflows entry (`workflows/<context>/src/index.ts`); omit for an activity-only worker. */
  readonly workflowsPath?: string;
  /** Nest module that provides the activities class and what it needs (use cases, repositories). */
  readonly module?: Type<unknown> | DynamicModule;
  /** Injectable whose public methods are the activities (the thin activity adapters). */
  readonly activities?: Type<object>;
  /** Stateless modules of the workflow bundle shared by all its workflows (`bundlerOptions.preloadModules`). */
  readonly preloadModules?: readonly string[];
  /** Module paths without import side effects: the bundle leaves out those whose exports no workflow uses. */
  readonly sideEffectFreeModules?: readonly RegExp[];
}
