import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/**
 * Name of the global through which the Jest environment (`jest-environment.ts`) hands every
 * test file of a process the same throw-away cluster: `() => Promise<EmbeddedPostgres>`.
 */
export const TEST_CLUSTER_GLOBAL = '__ketenregieTestPostgres';

let cluster: Promise<EmbeddedPostgres> | undefined;

/**
 * One throw-away cluster per process (no data directory: a copy of a template cluster, without
 * durability), started on first use and stopped when the process exits. Test databases are
 * created in it, so each costs a `CREATE DATABASE`, not a cluster. Inside Jest the process-wide
 * instance comes from the test environment; test files each have their own module registry.
 */
export function testCluster(): Promise<EmbeddedPostgres> {
  const shared = (globalThis as Record<string, unknown>)[TEST_CLUSTER_GLOBAL] as (() => Promise<EmbeddedPostgres>) | undefined;
  if (shared) return shared();
  cluster ??= startEmbeddedPostgres({ port: 0, unref: true }).catch((error: unknown) => {
    cluster = undefined;
    throw error;
  });
  return cluster;
}
