/** How long one whole stack may take to start on a loaded 2-core machine. */
export const START_TIMEOUT = 300_000;

/**
 * Generous per-step limits of the orchestrator (its `timeouts` option) for a 2-core machine that
 * other work loads heavily (load average 20 and more), with the matching whole-stack limit.
 */
export const BELASTE_MACHINE = {
  opstart: 900_000,
  timeouts: { database: 180_000, temporal: 180_000, service: 300_000, worker: 480_000, gateway: 180_000, seed: 300_000, portal: 600_000 },
} as const;

/** The environment of a fresh machine: embedded database and Temporal, embedded auth. */
export function freshMachineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key.startsWith('TEMPORAL_') || key.startsWith('AUTH_') || key.startsWith('KETENREGIE_') || key.endsWith('_SERVICE_URL'))
      delete env[key];
  }
  return env;
}
