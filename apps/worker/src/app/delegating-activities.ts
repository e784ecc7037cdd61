import { Inject, Injectable, type Type } from '@nestjs/common';
import { runActivity } from '@ketenregie/shared-platform';

/** The class of an activity adapter made by {@link delegatingActivities}. */
export type DelegatingActivities<S, K extends keyof S> = Type<Pick<S, K>> & (new (service: S) => Pick<S, K>);

/**
 * An activity adapter class (`name`) whose activities each hand their input to the same-named use case of `Service`
 * (the context's `…ActiviteitenService`) through `runActivity`, and do nothing else. The activities are the class's
 * own prototype methods, named as listed (those names are recorded in histories), so the worker registers exactly them.
 * Use it where every activity is such a delegation; an adapter that adds anything keeps its methods written out.
 */
export function delegatingActivities<S extends object, K extends keyof S & string>(
  name: string,
  Service: Type<S>,
  activities: readonly K[],
): DelegatingActivities<S, K> {
  const adapter = class {
    constructor(readonly service: S) {}
  };
  for (const activity of activities) {
    const method = function (this: InstanceType<typeof adapter>, ...args: unknown[]): Promise<unknown> {
      const useCase = this.service[activity] as (...a: unknown[]) => Promise<unknown>;
      return runActivity(() => useCase.apply(this.service, args));
    };
    Object.defineProperty(method, 'name', { value: activity });
    Object.defineProperty(adapter.prototype, activity, { value: method, writable: true, configurable: true });
  }
  Object.defineProperty(adapter, 'name', { value: name });
  Inject(Service)(adapter, undefined, 0);
  Injectable()(adapter);
  return adapter as unknown as DelegatingActivities<S, K>;
}
