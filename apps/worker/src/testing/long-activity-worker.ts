import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WORKSPACE_TSCONFIG } from '../app/worker-app.module';
import { WorkerHostModule } from '../app/worker-host.module';
import { LongActivities, LongActivitiesModule } from './long.activities';

@Module({})
class RootModule {}

/**
 * The worker host in a process of its own, serving {@link LongActivities} on one task queue
 * (`<temporal address> <task queue>`), so a test can kill a worker in the middle of an activity.
 */
async function main(): Promise<void> {
  const [temporalAddress, taskQueue] = process.argv.slice(2);
  await NestFactory.createApplicationContext(
    {
      module: RootModule,
      imports: [
        WorkerHostModule.register({ temporalAddress: temporalAddress ?? '', namespace: 'default', tsconfigPath: WORKSPACE_TSCONFIG }, [
          { taskQueue: taskQueue ?? '', module: LongActivitiesModule, activities: LongActivities },
        ]),
      ],
    },
    { logger: false, abortOnError: false },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
