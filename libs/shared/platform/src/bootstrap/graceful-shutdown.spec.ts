import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { HealthModule } from '../health/health';
import { createService } from './bootstrap-service';
import { gracefulShutdown, isDraining, resetDraining } from './graceful-shutdown';

@Public()
@Controller('traag')
class TraagController {
  /** Answers after `ms` milliseconds: a request in flight while the service shuts down. */
  @Get(':ms')
  async traag(@Param('ms') ms: string): Promise<{ klaar: boolean }> {
    await new Promise((resolve) => setTimeout(resolve, Number(ms)));
    return { klaar: true };
  }
}

@Module({ imports: [HealthModule.forRoot({ database: false, temporal: false })], controllers: [TraagController] })
class AppModule {}

describe('graceful shutdown of a service', () => {
  let app: INestApplication;
  let base: string;

  beforeEach(async () => {
    resetDraining();
    app = await createService(AppModule, { name: 'shutdown-test', port: 0, logLevel: 'silent', shutdownHooks: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterEach(async () => {
    resetDraining();
    await app.close().catch(() => undefined);
  });

  it('turns readiness off first (503), lets the request in flight finish, then closes the listener', async () => {
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const inFlight = fetch(`${base}/api/v1/traag/1200`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const shutdown = gracefulShutdown(app, { drainMs: 600, timeoutMs: 5_000, server: app.getHttpServer() });
    const done = shutdown();
    expect(isDraining()).toBe(true);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'shutting_down' });
    // Still served while draining: a load balancer that has not seen the 503 yet loses nothing.
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ klaar: true });
    await done;
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    expect(shutdown()).toBe(done);
  }, 20_000);

  it('cuts a request that outlives the shutdown timeout', async () => {
    const inFlight = fetch(`${base}/api/v1/traag/3000`).then(
      (r) => r.status,
      () => 'afgebroken',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await gracefulShutdown(app, { drainMs: 0, timeoutMs: 300, server: app.getHttpServer() })();
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(await inFlight).toBe('afgebroken');
  }, 20_000);
});
