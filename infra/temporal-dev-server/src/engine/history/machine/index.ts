/**
 * The run state machine (Temporal's mutable state and its history builder): pure functions over
 * a {@link Transition}, no I/O, the clock passed in. The engine's services call these; nothing
 * here calls them back.
 */
export * from './activities';
export * from './children';
export * from './deadlines';
export * from './run';
export * from './updates';
export * from './workflow-task';
