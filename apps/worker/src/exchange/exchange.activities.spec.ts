import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExchangeActivitiesAdapter } from './exchange.activities';
import { exchangeWorkerConfigSchema } from './exchange-worker.config';

interface Ontvangen {
  pad: string;
  claims: Record<string, unknown>;
  body: unknown;
}

const namens = { professional: 'km-1', organisatie: 'gemeente-helmond', type: 'gemeente' as const, rol: 'klantmanager' };

describe('exchange activity adapters (HTTP)', () => {
  let server: Server;
  let dataDir: string;
  let adapter: ExchangeActivitiesAdapter;
  let antwoord: { status: number; body?: unknown } = { status: 200 };
  const ontvangen: Ontvangen[] = [];

  const lees = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exchange-worker-spec-'));
    server = createServer(async (req, res) => {
      const token = (req.headers.authorization ?? '').replace('Bearer ', '');
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
      const tekst = await lees(req);
      ontvangen.push({ pad: req.url ?? '', claims, body: tekst ? JSON.parse(tekst) : undefined });
      res.statusCode = antwoord.status;
      res.setHeader('content-type', antwoord.status >= 400 ? 'application/problem+json' : 'application/json');
      res.end(antwoord.body === undefined ? '' : JSON.stringify(antwoord.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    adapter = new ExchangeActivitiesAdapter(exchangeWorkerConfigSchema.parse({ EXCHANGE_SERVICE_URL: url, CONSENT_SERVICE_URL: url, KETENREGIE_DATA_DIR: dataDir }));
  });

  afterAll(async () => {
    await adapter.onModuleDestroy();
    await new Promise((resolve) => server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('acts for the sending professional with a token of their organisation', async () => {
    const overdrachtId = randomUUID();
    antwoord = { status: 200, body: { categorieen: ['contact'] } };
    const uit = await adapter.leverDossier({ sleutel: 'k', namens, overdrachtId, besluitId: randomUUID(), vrijgaven: [{ categorie: 'contact', velden: ['naam'] }] });
    expect(uit).toEqual({ categorieen: ['contact'] });
    expect(ontvangen.at(-1)).toMatchObject({
      pad: `/api/v1/overdrachten/${overdrachtId}/levering`,
      claims: { sub: 'km-1', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'klantmanager' },
      body: { sleutel: 'k', vrijgaven: [{ categorie: 'contact', velden: ['naam'] }] },
    });
  });

  it('asks consent for warme-overdracht with known categories only', async () => {
    antwoord = {
      status: 200,
      body: { id: randomUUID(), categorieen: [{ categorie: 'contact', uitkomst: 'toegestaan', velden: ['naam'], verleendOp: ['wettelijke-grondslag'], wettelijk: { status: 'geen-grondslag' }, toestemming: { status: 'geen', afgewezen: [] } }] },
    };
    const uit = await adapter.vraagBesluit({
      overdrachtId: randomUUID(),
      deelnemerId: randomUUID(),
      zender: { organisatie: 'gemeente-helmond', type: 'gemeente', professional: 'km-1' },
      ontvanger: { organisatie: 'ggz-oost', type: 'ggz' },
      categorieen: ['contact', 'geen-categorie'],
    });
    expect(uit).toMatchObject({ uitkomst: 'toegestaan', vrijgaven: [{ categorie: 'contact', velden: ['naam'] }] });
    expect(ontvangen.at(-1)).toMatchObject({ pad: '/api/v1/besluiten', body: { doel: 'warme-overdracht', categorieen: ['contact'] } });
  });

  it('turns a refusal (4xx) into a non-retryable failure with the problem code, and lets 5xx be retried', async () => {
    antwoord = { status: 403, body: { code: 'EXCHANGE.ALLEEN_ZENDER' } };
    const geweigerd = await adapter.trekDossierIn({ sleutel: 'k', namens, overdrachtId: randomUUID(), reden: 'beeindigd' }).catch((e: unknown) => e);
    expect(geweigerd).toBeInstanceOf(ApplicationFailure);
    expect(geweigerd).toMatchObject({ type: 'EXCHANGE.ALLEEN_ZENDER', nonRetryable: true });

    antwoord = { status: 503, body: { code: 'PLATFORM.UNAVAILABLE' } };
    const tijdelijk = await adapter
      .registreerStap({ sleutel: 'k', namens, overdrachtId: randomUUID(), status: 'aangevraagd', gebeurtenis: 'nl.ketenregie.overdracht.aangevraagd' })
      .catch((e: unknown) => e);
    expect(tijdelijk).toBeInstanceOf(Error);
    expect(tijdelijk).not.toBeInstanceOf(ApplicationFailure);
  });
});
