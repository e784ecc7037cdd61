import { BewaartermijnActiviteitenService, type ConsentActiviteitenService, type RegisterService } from '@ketenregie/consent-application';
import { HttpDeelnemerWissing, type Identity } from '@ketenregie/shared-platform';
import { ApplicationFailure } from '@temporalio/activity';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConsentActivitiesAdapter } from './consent.activities';

const DEELNEMER = '6f0c1b1e-2d7a-4c59-9d7e-0a1b2c3d4e5f';

describe('the retention workflow activities', () => {
  let server: Server;
  let antwoord: { status: number; body: unknown };
  const verzoeken: { url?: string; auth?: string; body: string }[] = [];
  const namens: Identity[] = [];
  let adapter: ConsentActivitiesAdapter;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        verzoeken.push({ url: req.url, auth: req.headers.authorization, body });
        res.writeHead(antwoord.status, { 'content-type': 'application/problem+json' }).end(JSON.stringify(antwoord.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    // The register's own rule is the domain's (tested there); here: what the adapter passes on, and "none" as null.
    const register = {
      bewaartermijnNa: async (einde: string) =>
        einde === '2026-12-07' ? { jaren: 7, wisOp: '2033-12-07', registerVersie: 1, activiteit: 're-integratie' } : undefined,
    } as unknown as RegisterService;
    const wissing = new HttpDeelnemerWissing(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {
      token: async (n) => {
        namens.push(n);
        return 'dienst-token';
      },
    });
    adapter = new ConsentActivitiesAdapter({} as ConsentActiviteitenService, new BewaartermijnActiviteitenService(register, wissing));
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const wis = () => adapter.eraseDeelnemer({ sleutel: `bewaartermijn-${DEELNEMER}:wissing:2033-12-07`, deelnemerId: DEELNEMER, gemeente: 'gemeente-zaanstad' });

  it('asks the register in force for the period after the end', async () => {
    expect(await adapter.determineRetention({ einddatum: '2026-12-07' })).toMatchObject({ jaren: 7, wisOp: '2033-12-07' });
    expect(await adapter.determineRetention({ einddatum: '2025-01-01' })).toBeNull();
  });

  it('erases at traject-service with the ground of the retention period, as the service acting for the gemeente’s fg', async () => {
    antwoord = { status: 200, body: { deelnemerId: DEELNEMER, grond: 'bewaartermijn-verstreken', sleutels: 1 } };
    expect(await wis()).toBe('gewist');
    expect(verzoeken.at(-1)).toEqual({
      url: `/api/v1/deelnemers/${DEELNEMER}/wissing`,
      auth: 'Bearer dienst-token',
      body: '{"grond":"bewaartermijn-verstreken"}',
    });
    expect(namens.at(-1)).toEqual({ sub: 'bewaartermijn', organisatie: 'gemeente-zaanstad', organisatieType: 'gemeente', rol: 'fg' });
  });

  it('takes an erasure made before as done, and a running traject as a reason to wait', async () => {
    antwoord = { status: 404, body: { code: 'TRAJECT.DEELNEMER_NOT_FOUND' } };
    expect(await wis()).toBe('al-gewist');
    antwoord = { status: 422, body: { code: 'TRAJECT.WISSING_LOPEND_TRAJECT' } };
    expect(await wis()).toBe('traject-loopt');
  });

  it('retries an unavailable service and gives up on another refusal', async () => {
    antwoord = { status: 503, body: { code: 'TRAJECT.PROCESSING_LOG_UNAVAILABLE' } };
    const tijdelijk = await wis().catch((e: unknown) => e);
    expect(tijdelijk).toBeInstanceOf(Error);
    expect(tijdelijk).not.toBeInstanceOf(ApplicationFailure);
    antwoord = { status: 403, body: { code: 'TOEGANG.GEWEIGERD' } };
    expect(await wis().catch((e: unknown) => e)).toEqual(expect.objectContaining({ type: 'TOEGANG.GEWEIGERD', nonRetryable: true }));
  });
});
