import { PlaatsingActiviteitenService } from '@ketenregie/plaatsing-application';
import type { TerugleidingAanvraag } from '@ketenregie/plaatsing-contracts';
import { serviceIdentity } from '@ketenregie/shared-platform';
import { ApplicationFailure } from '@temporalio/activity';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlaatsingActivitiesAdapter } from './plaatsing.activities';

interface Verzoek {
  readonly methode: string;
  readonly pad: string;
  readonly claims: Record<string, unknown>;
  readonly body?: Record<string, unknown>;
}

async function lees(req: IncomingMessage): Promise<string> {
  const delen: Buffer[] = [];
  for await (const d of req) delen.push(d as Buffer);
  return Buffer.concat(delen).toString('utf8');
}

const NAMENS = { professional: 'jc-1', organisatie: 'kempenpoort-reintegratie', type: 'uitvoerder', rol: 'jobcoach' as const };
const AANVRAAG: TerugleidingAanvraag = {
  overdrachtId: '6f1d2c1e-8a53-4c1b-9d0e-0a7a2b9c4d11',
  deelnemerId: '0b8c7d3e-2f41-4a5b-8c6d-7e8f9a0b1c2d',
  trajectId: 'traject-1',
  namens: NAMENS,
  naar: 'werkbrug-dommeldal',
  reden: 'plaatsing-uitval-bij-werkgever',
  regievoerder: 'km-1',
  gegevens: { 'traject-status': { terugleidingsreden: 'uitval-bij-werkgever', datum: '2029-01-25' } },
};

/** The warm return towards exchange-service: a stand-in HTTP server records what the worker sends as whom. */
describe('plaatsing activities towards exchange-service (HTTP, the worker acting for the jobcoach)', () => {
  let server: Server;
  let dataDir: string;
  let adapter: PlaatsingActivitiesAdapter;
  const verzoeken: Verzoek[] = [];
  let antwoord: { status: number; body: unknown } = { status: 200, body: {} };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plaatsing-worker-spec-'));
    server = createServer(async (req, res) => {
      const token = (req.headers.authorization ?? '').replace('Bearer ', '');
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as Record<string, unknown>;
      const tekst = await lees(req);
      verzoeken.push({ methode: req.method ?? '', pad: req.url ?? '', claims, ...(tekst ? { body: JSON.parse(tekst) as Record<string, unknown> } : {}) });
      res.statusCode = antwoord.status;
      res.setHeader('content-type', antwoord.status >= 400 ? 'application/problem+json' : 'application/json');
      res.end(JSON.stringify(antwoord.body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const identiteit = serviceIdentity({
      KETENREGIE_MODE: 'embedded',
      KETENREGIE_DATA_DIR: dataDir,
      AUTH_ISSUER: 'urn:ketenregie:embedded',
      AUTH_AUDIENCE: 'ketenregie-api',
      clientId: 'ketenregie-worker',
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // applyOutcome is not asked here: the repository is never reached.
    adapter = new PlaatsingActivitiesAdapter(new PlaatsingActiviteitenService(undefined as never), { EXCHANGE_SERVICE_URL: url }, identiteit);
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    verzoeken.length = 0;
  });

  it('registers the handover with its stable id, back to the traject with the coded reason, as the jobcoach through the worker', async () => {
    antwoord = { status: 200, body: { id: AANVRAAG.overdrachtId, status: 'aangevraagd' } };
    await adapter.requestReturn(AANVRAAG);
    expect(verzoeken).toHaveLength(1);
    const [v] = verzoeken;
    expect(v).toMatchObject({ methode: 'POST', pad: '/api/v1/overdrachten' });
    expect(v.body).toMatchObject({
      overdrachtId: AANVRAAG.overdrachtId,
      trajectId: 'traject-1',
      deelnemerId: AANVRAAG.deelnemerId,
      ontvanger: { organisatie: 'werkbrug-dommeldal' },
      reden: 'plaatsing-uitval-bij-werkgever',
      overTeNemen: ['begeleiding'],
    });
    // A service token acting for the jobcoach: the worker is the actor, the professional is named.
    expect(JSON.stringify(v.claims)).toContain('jc-1');
    expect(JSON.stringify(v.claims)).toContain('ketenregie-worker');
  });

  it('a refusal by exchange-service (4xx problem) is final and carries its code; a 5xx is retried', async () => {
    antwoord = { status: 409, body: { code: 'TRAJECT.OVERDRACHT_LOOPT', title: 'Conflict' } };
    const fout = await adapter.requestReturn(AANVRAAG).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(ApplicationFailure);
    expect(fout).toMatchObject({ type: 'TRAJECT.OVERDRACHT_LOOPT', nonRetryable: true });
    antwoord = { status: 503, body: { code: 'X' } };
    const tijdelijk = await adapter.requestReturn(AANVRAAG).catch((e: unknown) => e);
    expect(tijdelijk).not.toBeInstanceOf(ApplicationFailure);
  });

  it('reads where the handover stands as its sender; ended only in an end state', async () => {
    antwoord = { status: 200, body: { id: AANVRAAG.overdrachtId, status: 'geaccepteerd' } };
    expect(await adapter.returnStatus({ overdrachtId: AANVRAAG.overdrachtId, namens: NAMENS })).toEqual({ status: 'geaccepteerd', beeindigd: false });
    antwoord = { status: 200, body: { id: AANVRAAG.overdrachtId, status: 'regie-overgedragen' } };
    expect(await adapter.returnStatus({ overdrachtId: AANVRAAG.overdrachtId, namens: NAMENS })).toEqual({ status: 'regie-overgedragen', beeindigd: true });
    expect(verzoeken.map((v) => `${v.methode} ${v.pad}`)).toEqual([
      `GET /api/v1/overdrachten/${AANVRAAG.overdrachtId}`,
      `GET /api/v1/overdrachten/${AANVRAAG.overdrachtId}`,
    ]);
  });
});
