import { Injectable, Module } from '@nestjs/common';

/** Activities of the fixture worker: an injectable, like a context's activity adapters. */
@Injectable()
export class FixtureActivities {
  private readonly greeting = 'Goedemorgen';

  async greet(name: string): Promise<string> {
    return `${this.greeting}, ${name}`;
  }
}

@Module({ providers: [FixtureActivities], exports: [FixtureActivities] })
export class FixtureActivitiesModule {}
