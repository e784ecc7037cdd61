import { TestEnvironment } from 'jest-environment-node';
import { testCluster, TEST_CLUSTER_GLOBAL } from './test-cluster';

/**
 * The Node test environment of jest.preset.js, plus {@link TEST_CLUSTER_GLOBAL}: Jest loads this
 * module once per process, so every test file of the process shares one embedded cluster,
 * started only when a test first asks for a database.
 */
export default class EmbeddedPostgresTestEnvironment extends TestEnvironment {
  override async setup(): Promise<void> {
    await super.setup();
    (this.global as unknown as Record<string, unknown>)[TEST_CLUSTER_GLOBAL] = testCluster;
  }
}
