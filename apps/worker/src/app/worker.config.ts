import { httpConfigSchema, temporalConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';

/**
 * The worker's environment: Temporal and logging. Activity adapters that need a database
 * extend it with `databaseConfigSchema` when the first one is registered.
 */
export const workerConfigSchema = z.object({
  LOG_LEVEL: httpConfigSchema.shape.LOG_LEVEL,
  ...temporalConfigSchema.shape,
});

export type WorkerConfig = z.output<typeof workerConfigSchema>;
