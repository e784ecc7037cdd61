import { platformConfigSchema } from '@ketenregie/shared-platform';
import type { z } from 'zod';

/** monitor-service's environment: the platform variables, nothing of its own yet. */
export const monitorServiceConfigSchema = platformConfigSchema;

export type MonitorServiceConfig = z.output<typeof monitorServiceConfigSchema>;
