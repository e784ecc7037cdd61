export * from './embedded-postgres';
export { testCluster } from './test-cluster';
