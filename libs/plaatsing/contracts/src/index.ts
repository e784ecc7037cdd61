export * from './plaatsing.dto';
export * from './plaatsing.activities';
export * from './plaatsing.workflow-contract';
export * from './plaatsing.cloudevents';
