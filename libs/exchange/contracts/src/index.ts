export * from './overdracht.state';
export * from './overdracht.workflow-contract';
export * from './exchange.activities';
export * from './exchange.cloudevents';
export * from './exchange.dto';
