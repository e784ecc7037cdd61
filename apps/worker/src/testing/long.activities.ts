import { Injectable, Module } from '@nestjs/common';
import { runActivity } from '@ketenregie/shared-platform';
import { activityInfo, sleep } from '@temporalio/activity';

/** A long activity run the way the worker's adapters run theirs (`runActivity`: it heartbeats while it works). */
@Injectable()
export class LongActivities {
  /** Works `ms` milliseconds, then answers its attempt number. */
  takesLong(ms: number): Promise<number> {
    return runActivity(async () => {
      await sleep(ms);
      return activityInfo().attempt;
    });
  }
}

@Module({ providers: [LongActivities], exports: [LongActivities] })
export class LongActivitiesModule {}
