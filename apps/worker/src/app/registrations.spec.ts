import { registrationsFor } from './registrations';

describe('registrationsFor (WORKER_TASK_QUEUES)', () => {
  const all = [{ taskQueue: 'traject' }, { taskQueue: 'exchange' }, { taskQueue: 'consent' }];

  it('hosts every task queue when the setting is unset', () => {
    expect(registrationsFor(undefined, all)).toBe(all);
    expect(registrationsFor([], all)).toBe(all);
  });

  it('hosts only the listed task queues: one deployment per queue', () => {
    expect(registrationsFor(['consent', 'traject'], all).map((r) => r.taskQueue)).toEqual(['traject', 'consent']);
  });

  it('refuses a task queue nobody polls, naming the setting', () => {
    expect(() => registrationsFor(['trajekt'], all)).toThrow('WORKER_TASK_QUEUES: unknown task queue trajekt (known: traject, exchange, consent)');
  });
});
