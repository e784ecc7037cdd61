import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { createService } from '../bootstrap/bootstrap-service';
import { HealthModule } from '../health/health';

@Public()
@Controller('trajecten')
class TrajectController {
  @Get(':id')
  een(@Param('id') id: string): { id: string } {
    return { id };
  }
}

@Module({ imports: [HealthModule.forRoot({ database: false, temporal: false })], controllers: [TrajectController] })
class AppModule {}

async function serve(metricsToken?: string, metricsEnabled?: boolean): Promise<{ app: INestApplication; base: string }> {
  const app = await createService(AppModule, {
    name: 'metrics-test',
    port: 0,
    logLevel: 'silent',
    shutdownHooks: false,
    observability: { ...(metricsToken ? { metricsToken } : {}), ...(metricsEnabled === false ? { metricsEnabled } : {}) },
  });
  await app.listen(0, '127.0.0.1');
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

describe('/metrics of a service', () => {
  it("counts request latency by route template, method and status, never by id (an unknown path under Nest's not-found route)", async () => {
    const { app, base } = await serve();
    try {
      await fetch(`${base}/api/v1/trajecten/7f1c5a52-1111-4222-8333-944444444444`);
      await fetch(`${base}/api/v1/bestaat-niet/123`);
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toMatch(/ketenregie_http_request_duration_seconds_count\{route="\/api\/v1\/trajecten\/:id",method="GET",status="200"\} \d+/);
      expect(text).toMatch(/ketenregie_http_request_duration_seconds_count\{route="\/api\/v1\/{\*path}",method="GET",status="404"\} \d+/);
      expect(text).not.toContain('7f1c5a52');
      expect(text).toContain('ketenregie_process_cpu_seconds_total');
    } finally {
      await app.close();
    }
  });

  it('asks for METRICS_TOKEN when one is set, and is off where the configuration says so', async () => {
    const token = 'metrics-token-of-the-test-0123';
    const { app, base } = await serve(token);
    try {
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer fout-token-fout-token-fout-00' } })).status).toBe(401);
      expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await app.close();
    }
    const off = await serve(undefined, false);
    try {
      expect((await off.app.getHttpAdapter().getInstance(), (await fetch(`${off.base}/metrics`)).status)).toBe(404);
    } finally {
      await off.app.close();
    }
  });
});
