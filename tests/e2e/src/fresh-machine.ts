/** How long one whole stack may take to start on a loaded 2-core machine. */
export const START_TIMEOUT = 300_000;

/** The environment of a fresh machine: embedded database and Temporal, embedded auth. */
export function freshMachineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key.startsWith('TEMPORAL_') || key.startsWith('AUTH_') || key.startsWith('KETENREGIE_') || key.endsWith('_SERVICE_URL'))
      delete env[key];
  }
  return env;
}
