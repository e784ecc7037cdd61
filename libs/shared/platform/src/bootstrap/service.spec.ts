import { Body, Controller, Get, INestApplication, Module, Param, Post } from '@nestjs/common';
import { ApiTags, OpenAPIObject } from '@nestjs/swagger';
import { HealthCheckResult } from '@nestjs/terminus';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { NotFoundError, PreconditionError } from '@ketenregie/shared-kernel';
import { AuthModule } from '../auth/auth.module';
import { CurrentIdentity, Public, ServiceActor } from '../auth/auth.decorators';
import { EmbeddedSigner } from '../auth/embedded-signer';
import { Identity } from '../auth/identity';
import { HealthModule } from '../health/health';
import { ProblemDetails } from '../errors/problem-details';
import { createService } from './bootstrap-service';

const aanmeldingSchema = z.object({
  reden: z.string().min(3),
  programma: z.enum(['fip', 'app']),
  contact: z.object({ telefoon: z.string().regex(/^\d{10}$/) }),
});
class AanmeldingDto extends createZodDto(aanmeldingSchema) {}
class SamenvattingDto extends createZodDto(z.object({ id: z.string(), fase: z.string() })) {}

@ApiTags('voorbeelden')
@Controller('voorbeelden')
class VoorbeeldController {
  @Get('ik')
  ik(@CurrentIdentity() identity: Identity): Identity {
    return identity;
  }

  @ServiceActor('required')
  @Post('stap')
  stap(@CurrentIdentity() identity: Identity): Identity {
    return identity;
  }

  @ServiceActor()
  @Get('besluit')
  besluit(@CurrentIdentity() identity: Identity): Identity {
    return identity;
  }

  @Public()
  @Get('publiek')
  publiek(): { ok: true } {
    return { ok: true };
  }

  @Public()
  @Get('samenvatting')
  @ZodResponse({ type: SamenvattingDto })
  samenvatting(): SamenvattingDto {
    return { id: 't-1', fase: 'intake', bsn: '111222333' } as SamenvattingDto;
  }

  @Get('kapot')
  kapot(): never {
    throw new Error('connection to 10.0.0.7 refused, password=hunter2');
  }

  @Get(':id')
  vind(@Param('id') id: string): never {
    throw new NotFoundError({ code: 'TRAJECT.NOT_FOUND', detail: `Traject ${id} bestaat niet.` });
  }

  @Post()
  meldAan(@Body() body: AanmeldingDto): { reden: string } {
    if (body.programma === 'app') {
      throw new PreconditionError({ code: 'TRAJECT.PROGRAMMA_VOL', detail: 'Het programma is vol.', fields: { programma: 'geen plek' } });
    }
    return { reden: body.reden };
  }
}

describe('a service built with createService', () => {
  let app: INestApplication;
  let base: string;
  let jwksServer: Server;
  let signer: EmbeddedSigner;
  let stranger: EmbeddedSigner;
  let dataDir: string;
  const logLines: Record<string, unknown>[] = [];
  const identity: Identity = { sub: 'u-1', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'klantmanager' };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kr-auth-'));
    signer = await EmbeddedSigner.loadOrCreate({ dataDir });
    stranger = await EmbeddedSigner.loadOrCreate({ dataDir: join(dataDir, 'other') });
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(signer.jwks()));
    });
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/auth/jwks.json`;

    @Module({
      imports: [
        AuthModule.forRoot({ issuer: 'urn:ketenregie:embedded', audience: 'ketenregie-api', jwksUrl }),
        HealthModule.forRoot({ database: false, temporal: { address: '127.0.0.1:1' }, timeoutMs: 500 }),
      ],
      controllers: [VoorbeeldController],
    })
    class AppModule {}

    const logDestination = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    app = await createService(AppModule, { name: 'voorbeeld-service', port: 0, logDestination, shutdownHooks: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((r) => jwksServer?.close(r));
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
  const bearer = async (s = signer, id = identity) => ({ authorization: `Bearer ${await s.sign(id)}` });

  it('answers liveness without a token', async () => {
    const res = await get('/health/live');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports not ready, with the failing check, when Temporal does not answer', async () => {
    const res = await get('/health/ready');
    expect(res.status).toBe(503);
    const body = (await res.json()) as HealthCheckResult;
    expect(body.status).toBe('error');
    expect(body.error?.['temporal']?.status).toBe('down');
  });

  it('rejects a request without a token with 401 problem+json', async () => {
    const res = await get('/api/v1/voorbeelden/ik');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.json()).toMatchObject({ status: 401, code: 'AUTH.TOKEN_MISSING', instance: '/api/v1/voorbeelden/ik' });
  });

  it('rejects a token signed by an unknown key, a malformed one and an expired one', async () => {
    for (const headers of [await bearer(stranger), { authorization: 'Bearer not.a.jwt' }, { authorization: `Bearer ${await signer.sign(identity, -120)}` }]) {
      const res = await get('/api/v1/voorbeelden/ik', headers);
      expect(res.status).toBe(401);
      expect(((await res.json()) as ProblemDetails).code).toBe('AUTH.TOKEN_INVALID');
    }
  });

  it('accepts a token of the embedded signer and exposes the identity', async () => {
    const res = await get('/api/v1/voorbeelden/ik', await bearer());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(identity);
  });

  it('lets the worker act for a professional only on @ServiceActor() routes, and logs each such call', async () => {
    const service = { authorization: `Bearer ${await signer.signServiceToken({ clientId: 'ketenregie-worker', namens: identity })}` };
    const stap = await fetch(`${base}/api/v1/voorbeelden/stap`, { method: 'POST', headers: service });
    expect(stap.status).toBe(201);
    expect(await stap.json()).toEqual({ ...identity, actor: 'ketenregie-worker' });
    expect((await get('/api/v1/voorbeelden/besluit', service)).status).toBe(200);
    expect((await get('/api/v1/voorbeelden/besluit', await bearer())).status).toBe(200);

    const elders = await get('/api/v1/voorbeelden/ik', service);
    expect(elders.status).toBe(403);
    expect(await elders.json()).toMatchObject({ code: 'AUTH.SERVICE_NOT_ALLOWED' });
    const professional = await fetch(`${base}/api/v1/voorbeelden/stap`, { method: 'POST', headers: await bearer() });
    expect(professional.status).toBe(403);
    expect(await professional.json()).toMatchObject({ code: 'AUTH.SERVICE_ONLY' });
    const vreemde = await fetch(`${base}/api/v1/voorbeelden/stap`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await stranger.signServiceToken({ clientId: 'ketenregie-worker', namens: identity })}` },
    });
    expect(vreemde.status).toBe(401);

    const gelogd = logLines.filter((l) => l['msg'] === 'Service acts on behalf of a professional');
    expect(gelogd).toContainEqual(
      expect.objectContaining({
        actor: 'ketenregie-worker',
        namens: { sub: identity.sub, organisatie: identity.organisatie, rol: identity.rol },
        method: 'POST',
        path: '/api/v1/voorbeelden/stap',
      }),
    );
  });

  it('serves @Public() routes without a token', async () => {
    expect((await get('/api/v1/voorbeelden/publiek')).status).toBe(200);
  });

  it('maps a domain error to its status and code, with the trace id of the traceparent header', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await get('/api/v1/voorbeelden/t-42', { ...(await bearer()), traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-trace-id')).toBe(traceId);
    expect(await res.json()).toEqual({
      type: 'urn:ketenregie:problem:TRAJECT.NOT_FOUND',
      title: 'Not found',
      status: 404,
      detail: 'Traject t-42 bestaat niet.',
      instance: '/api/v1/voorbeelden/t-42',
      code: 'TRAJECT.NOT_FOUND',
      traceId,
    });
  });

  it('generates a trace id when there is no valid traceparent', async () => {
    const res = await get('/api/v1/voorbeelden/publiek', { traceparent: 'garbage' });
    expect(res.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('validates a body with zod and lists every invalid field', async () => {
    const res = await fetch(`${base}/api/v1/voorbeelden`, {
      method: 'POST',
      headers: { ...(await bearer()), 'content-type': 'application/json' },
      body: JSON.stringify({ reden: 'x', programma: 'onbekend', contact: { telefoon: '06' } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ProblemDetails;
    expect(body.code).toBe('REQUEST.VALIDATION');
    expect(body.errors?.map((e) => e.field).sort()).toEqual(['contact.telefoon', 'programma', 'reden']);
    expect(body.errors?.find((e) => e.field === 'contact.telefoon')?.pointer).toBe('#/contact/telefoon');
  });

  it('maps per-field messages of a domain error and the precondition kind to 422', async () => {
    const res = await fetch(`${base}/api/v1/voorbeelden`, {
      method: 'POST',
      headers: { ...(await bearer()), 'content-type': 'application/json' },
      body: JSON.stringify({ reden: 'schulden', programma: 'app', contact: { telefoon: '0612345678' } }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'TRAJECT.PROGRAMMA_VOL', errors: [{ field: 'programma', pointer: '#/programma', detail: 'geen plek' }] });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await fetch(`${base}/api/v1/voorbeelden`, {
      method: 'POST',
      headers: { ...(await bearer()), 'content-type': 'application/json' },
      body: '{"reden":',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await get('/api/v1/bestaat-niet', await bearer());
    expect(res.status).toBe(404);
    expect(((await res.json()) as ProblemDetails).code).toBe('HTTP.NOT_FOUND');
  });

  it('hides internals of unexpected errors but logs them under the trace id', async () => {
    const res = await get('/api/v1/voorbeelden/kapot', await bearer());
    expect(res.status).toBe(500);
    const body = (await res.json()) as ProblemDetails;
    expect(body.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.7|hunter2/);
    const logged = logLines.find((l) => l['traceId'] === body.traceId && l['level'] === 'error' && l['code'] === 'INTERNAL');
    expect(logged).toBeDefined();
  });

  it('writes JSON log lines with the service name and without tokens or personal data', async () => {
    await get('/api/v1/voorbeelden/ik?bsn=111222333', await bearer());
    const line = logLines.find(
      (l) =>
        (l['req'] as { path?: string } | undefined)?.path === '/api/v1/voorbeelden/ik' && (l['res'] as { statusCode?: number } | undefined)?.statusCode === 200,
    );
    expect(line).toMatchObject({ service: 'voorbeeld-service', level: 'info' });
    expect(line?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
    const all = JSON.stringify(logLines);
    expect(all).not.toContain('111222333');
    expect(all).not.toMatch(/Bearer ey/);
  });

  it('serves its OpenAPI document with zod-derived schemas and bearer security', async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenAPIObject;
    expect(doc.info.title).toBe('voorbeeld-service');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/voorbeelden', '/api/v1/voorbeelden/ik']));
    expect(Object.keys(doc.paths)).not.toContain('/health/live');
    expect(doc.components?.securitySchemes?.['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const bodySchema = JSON.stringify(doc.components?.schemas);
    expect(bodySchema).toContain('programma');
    expect(bodySchema).toContain('"enum":["fip","app"]');
  });

  it('serialises responses through their zod schema, dropping fields it does not declare', async () => {
    const res = await get('/api/v1/voorbeelden/samenvatting');
    expect(await res.json()).toEqual({ id: 't-1', fase: 'intake' });
  });
});
