export * from './toestemming.contracts';
export * from './besluit.contracts';
export * from './verwerking.contracts';
export * from './consent.workflow-contract';
export * from './organisatie-type.check';
export * from './toestemming.cloudevents';
export * from './bewaartermijn.workflow-contract';
