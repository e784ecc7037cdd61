import { DomainError } from '@ketenregie/shared-kernel';
import type { TrajectActiviteitenService } from '@ketenregie/traject-application';
import { ApplicationFailure } from '@temporalio/activity';
import { existsSync } from 'node:fs';
import { TrajectActivitiesAdapter } from './traject.activities';
import { trajectWorkerRegistration } from './traject.registration';

const invoer = {
  sleutel: 'traject-t1:a1',
  trajectId: 't1',
  termijnId: 't2',
  taak: 'evaluatie' as const,
  voor: 'coach' as const,
  toegewezenAan: 'c1',
  vervalt: '2027-04-28',
};

describe('traject activity adapters', () => {
  it('delegate to the use case', async () => {
    const createTask = jest.fn().mockResolvedValue(undefined);
    await new TrajectActivitiesAdapter({ createTask } as unknown as TrajectActiviteitenService).createTask(invoer);
    expect(createTask).toHaveBeenCalledWith(invoer);
  });

  it('turn domain errors into non-retryable failures typed with the code', async () => {
    const createTask = jest.fn().mockRejectedValue(new DomainError({ code: 'TRAJECT.NOT_FOUND', kind: 'not-found', detail: 'No such traject' }));
    const fout = await new TrajectActivitiesAdapter({ createTask } as unknown as TrajectActiviteitenService).createTask(invoer).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(ApplicationFailure);
    expect(fout).toEqual(expect.objectContaining({ type: 'TRAJECT.NOT_FOUND', nonRetryable: true }));
  });

  it('let transient errors through unchanged so Temporal retries them', async () => {
    const verbinding = new Error('connection terminated');
    const createTask = jest.fn().mockRejectedValue(verbinding);
    await expect(new TrajectActivitiesAdapter({ createTask } as unknown as TrajectActiviteitenService).createTask(invoer)).rejects.toBe(verbinding);
  });

  it('register the traject task queue with its workflows entry', () => {
    expect(trajectWorkerRegistration.taskQueue).toBe('traject');
    expect(existsSync(trajectWorkerRegistration.workflowsPath as string)).toBe(true);
  });
});
