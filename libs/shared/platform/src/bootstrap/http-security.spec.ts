import { Body, Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AuthModule } from '../auth/auth.module';
import { Public } from '../auth/auth.decorators';
import { EmbeddedSigner } from '../auth/embedded-signer';
import { Identity } from '../auth/identity';
import { HealthModule } from '../health/health';
import { createService } from './bootstrap-service';
import { HttpSecurityConfig } from './http-security';

class MeldingDto extends createZodDto(z.strictObject({ reden: z.string().max(20), adres: z.strictObject({ straat: z.string().max(40) }).optional() })) {}

@Controller('voorbeelden')
class VoorbeeldController {
  @Get('ik')
  ik(): { ok: true } {
    return { ok: true };
  }

  @Public()
  @Get('publiek')
  publiek(): { ok: true } {
    return { ok: true };
  }

  @Post('meldingen')
  meld(@Body() body: MeldingDto): MeldingDto {
    return body;
  }
}

describe('the protections every service gets from createService', () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let signer: EmbeddedSigner;
  let dataDir: string;
  const apps: INestApplication[] = [];
  const gemeente: Identity = { sub: 'u-1', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'klantmanager' };
  const ggz: Identity = { sub: 'u-2', organisatie: 'ggz-oost', organisatieType: 'ggz', rol: 'behandelaar' };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kr-security-'));
    signer = await EmbeddedSigner.loadOrCreate({ dataDir });
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(signer.jwks()));
    });
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/auth/jwks.json`;
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await new Promise((r) => jwksServer?.close(r));
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(security?: HttpSecurityConfig): Promise<string> {
    @Module({
      imports: [
        AuthModule.forRoot({ issuer: 'urn:ketenregie:embedded', audience: 'ketenregie-api', jwksUrl }),
        HealthModule.forRoot({ database: false, temporal: false, timeoutMs: 500 }),
      ],
      controllers: [VoorbeeldController],
    })
    class AppModule {}
    const app = await createService(AppModule, { name: 'voorbeeld-service', port: 0, logLevel: 'silent', shutdownHooks: false, security });
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    return (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  const bearer = async (id: Identity) => ({ authorization: `Bearer ${await signer.sign(id)}` });

  it('sends security headers on answers and on errors', async () => {
    const base = await start();
    for (const res of [await fetch(`${base}/api/v1/voorbeelden/publiek`), await fetch(`${base}/api/v1/voorbeelden/ik`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('lets no other origin read an answer unless CORS_ORIGINS names it', async () => {
    const closed = await start();
    const dicht = await fetch(`${closed}/api/v1/voorbeelden/publiek`, { headers: { origin: 'https://portal.example.nl' } });
    expect(dicht.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${closed}/api/v1/voorbeelden/meldingen`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example.nl', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    const open = await start({ CORS_ORIGINS: ['https://portal.example.nl'], THROTTLE_LIMIT: 1000, THROTTLE_TTL_MS: 60_000 });
    const toegestaan = await fetch(`${open}/api/v1/voorbeelden/publiek`, { headers: { origin: 'https://portal.example.nl' } });
    expect(toegestaan.headers.get('access-control-allow-origin')).toBe('https://portal.example.nl');
    const ander = await fetch(`${open}/api/v1/voorbeelden/publiek`, { headers: { origin: 'https://evil.example' } });
    expect(ander.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits requests per organisation, counts anonymous callers by address and never limits health probes', async () => {
    const base = await start({ CORS_ORIGINS: [], THROTTLE_LIMIT: 3, THROTTLE_TTL_MS: 60_000 });
    const alsGemeente = await bearer(gemeente);
    const statussen: number[] = [];
    // Two tokens of the same organisation share the organisation's budget.
    for (const headers of [alsGemeente, await bearer({ ...gemeente, sub: 'u-3' }), alsGemeente, alsGemeente]) {
      statussen.push((await fetch(`${base}/api/v1/voorbeelden/ik`, { headers })).status);
    }
    expect(statussen).toEqual([200, 200, 200, 429]);
    const teVeel = await fetch(`${base}/api/v1/voorbeelden/ik`, { headers: alsGemeente });
    expect(teVeel.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(teVeel.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await teVeel.json()).toMatchObject({ status: 429, code: 'HTTP.TOO_MANY_REQUESTS' });

    expect((await fetch(`${base}/api/v1/voorbeelden/ik`, { headers: await bearer(ggz) })).status).toBe(200);
    expect((await fetch(`${base}/api/v1/voorbeelden/publiek`)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('refuses unknown fields with 400 problem+json naming each, at any depth, and changes nothing', async () => {
    const base = await start();
    const res = await fetch(`${base}/api/v1/voorbeelden/meldingen`, {
      method: 'POST',
      headers: { ...(await bearer(gemeente)), 'content-type': 'application/json' },
      body: JSON.stringify({ reden: 'verhuizing', isAdmin: true, adres: { straat: 'Markt', huisnummer: '1' }, '123456782': 'x' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { code: string; errors: { field: string; detail: string }[] };
    expect(problem.code).toBe('REQUEST.VALIDATION');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'isAdmin', detail: 'unknown field' }),
        expect.objectContaining({ field: 'adres.huisnummer', detail: 'unknown field' }),
      ]),
    );
    expect(JSON.stringify(problem)).not.toContain('123456782');
  });
});
