import type { INestApplication } from '@nestjs/common';
import { OrganisatieRegisterService } from '@ketenregie/monitoring-application';
import { organisatieLijstSchema, stuurgroepSchema } from '@ketenregie/monitoring-contracts';
import { createService, EmbeddedSigner, loadConfig } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ORGANISATIES, DEMO_STUURGROEPEN } from '../seed/demo-region';
import { AppModule } from './app.module';
import { monitorServiceConfigSchema } from './monitor-service.config';

const quiet = { write: () => true };

describeEachDatabase('monitor-service', (db) => {
  describe('over HTTP', () => {
    let app: INestApplication;
    let base: string;
    let jwks: Server;
    let signer: EmbeddedSigner;
    let keyDir: string;

    beforeAll(async () => {
      keyDir = await mkdtemp(join(tmpdir(), 'monitor-service-spec-'));
      signer = await EmbeddedSigner.loadOrCreate({ dataDir: keyDir });
      jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signer.jwks())));
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      const config = loadConfig(monitorServiceConfigSchema, {
        DATABASE_URL: db.url,
        AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/auth/jwks.json`,
        TEMPORAL_ADDRESS: '127.0.0.1:1',
        PORT: '0',
      });
      app = await createService(AppModule.register(config), {
        name: 'monitor-service',
        port: 0,
        logLevel: 'silent',
        logDestination: quiet,
        shutdownHooks: false,
      });
      await app.listen(0, '127.0.0.1');
      base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      await app.get(OrganisatieRegisterService).registerMissing(DEMO_ORGANISATIES, DEMO_STUURGROEPEN);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await new Promise((resolve) => jwks?.close(resolve));
      await rm(keyDir, { recursive: true, force: true });
    });

    it('lists the registry without a token, in the published shape', async () => {
      const response = await fetch(`${base}/api/v1/organisaties`);
      expect(response.status).toBe(200);
      const organisaties = organisatieLijstSchema.parse(await response.json());
      expect(organisaties.map((o) => o.id).sort()).toEqual(DEMO_ORGANISATIES.map((o) => o.id).sort());
      expect(organisaties[0].type).toBe('gemeente');
    });

    it('answers one organisation, or 404 problem+json for an unknown id', async () => {
      const found = await fetch(`${base}/api/v1/organisaties/ggz-zuiderlicht`);
      expect(await found.json()).toEqual({ id: 'ggz-zuiderlicht', naam: 'GGZ Zuiderlicht', type: 'ggz' });
      const missing = await fetch(`${base}/api/v1/organisaties/bestaat-niet`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(await missing.json()).toMatchObject({ code: 'MONITORING.ORGANISATIE_NOT_FOUND' });
    });

    it('shows the stuurgroepen only to an authenticated caller', async () => {
      const anonymous = await fetch(`${base}/api/v1/stuurgroepen`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

      const token = await signer.sign({ sub: 'mw-1', organisatie: 'werkbrug-dommeldal', organisatieType: 'uitvoerder', rol: 'stuurgroeplid' });
      const response = await fetch(`${base}/api/v1/stuurgroepen`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const [stuurgroep] = ((await response.json()) as unknown[]).map((s) => stuurgroepSchema.parse(s));
      expect(stuurgroep.id).toBe('stuurgroep-dommeldal');
      expect(stuurgroep.leden.map((l) => l.id)).toEqual(DEMO_STUURGROEPEN[0].leden);
    });

    it('seeds the demo region once: registering it again adds nothing', async () => {
      await expect(app.get(OrganisatieRegisterService).registerMissing(DEMO_ORGANISATIES, DEMO_STUURGROEPEN)).resolves.toEqual({
        organisatiesToegevoegd: 0,
        stuurgroepenToegevoegd: 0,
      });
    });

    it('documents the registry in its OpenAPI document', async () => {
      const document = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/organisaties', '/api/v1/organisaties/{id}', '/api/v1/stuurgroepen']));
    });
  });
});
