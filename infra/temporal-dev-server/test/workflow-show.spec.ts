/**
 * `workflow show`: the dev server's own tooling reads a history whose payloads were encoded by the
 * client's codec, decoding them through a codec server only for an operator it accepts.
 */
import { Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWorkflowShowArgs, workflowShow } from '../src/tooling/workflow-show';
import { startLocalEnv, uniqueId } from './harness';

/** Stands in for an encrypting codec: XOR with a byte, marked `binary/encrypted`. */
const xor = (bytes: Uint8Array) => Uint8Array.from(bytes, (b) => b ^ 0x5a);
const codec: PayloadCodec = {
  async encode(payloads: Payload[]) {
    return payloads.map((p) => ({
      metadata: { encoding: Buffer.from('binary/encrypted'), inner: Buffer.from(p.metadata?.['encoding'] ?? '') },
      data: xor(p.data ?? new Uint8Array()),
    }));
  },
  async decode(payloads: Payload[]) {
    return payloads.map((p) =>
      Buffer.from(p.metadata?.['encoding'] ?? '').toString() === 'binary/encrypted'
        ? { metadata: { encoding: p.metadata?.['inner'] ?? new Uint8Array() }, data: xor(p.data ?? new Uint8Array()) }
        : p,
    );
  },
};

describe('workflow show (operator tooling with a codec server)', () => {
  let env: TestWorkflowEnvironment;
  let codecServer: Server;
  let endpoint: string;

  beforeAll(async () => {
    env = await startLocalEnv();
    // A codec server as Temporal's protocol has it, refusing anyone but the operator's token.
    codecServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        if (req.headers.authorization !== 'Bearer fg-token') return void res.writeHead(403).end();
        const { payloads } = JSON.parse(body) as { payloads: { metadata: Record<string, string>; data: string }[] };
        void codec
          .decode(
            payloads.map((p) => ({
              metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
              data: Buffer.from(p.data, 'base64'),
            })),
          )
          .then((decoded) => {
            res.writeHead(200, { 'content-type': 'application/json' }).end(
              JSON.stringify({
                payloads: decoded.map((p) => ({
                  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
                  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
                })),
              }),
            );
          });
      });
    });
    await new Promise<void>((resolve) => codecServer.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(codecServer.address() as AddressInfo).port}/api/v1/codec`;
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => codecServer?.close(resolve));
    await env?.teardown();
  });

  it('shows the stored (encrypted) payloads, decodes them for the operator the codec server accepts, and refuses anyone else', async () => {
    const client = new Client({ connection: env.connection, dataConverter: { payloadCodecs: [codec] } });
    const workflowId = uniqueId('toon');
    await client.workflow.start('nietUitgevoerd', { taskQueue: uniqueId('niemand'), workflowId, args: [{ naam: 'Geheime Naam', bsn: '123456782' }] });
    const basis = { address: env.address, namespace: 'default', workflowId };

    const opgeslagen = JSON.stringify(await workflowShow(basis));
    expect(opgeslagen).not.toContain('Geheime Naam');
    expect(opgeslagen).toContain('binary/encrypted');

    const gedecodeerd = await workflowShow({ ...basis, codecEndpoint: endpoint, codecAuth: 'Bearer fg-token' });
    expect(gedecodeerd[0]).toMatchObject({ eventType: expect.stringContaining('STARTED'), payloads: [{ naam: 'Geheime Naam', bsn: '123456782' }] });

    await expect(workflowShow({ ...basis, codecEndpoint: endpoint, codecAuth: 'Bearer iemand-anders' })).rejects.toThrow('codec server answered 403');
  }, 120_000);

  it('reads its flags and the environment', () => {
    expect(parseWorkflowShowArgs(['--workflow-id', 'traject-1', '--codec-endpoint=https://gw/api/v1/codec'], { TEMPORAL_CODEC_AUTH: 'Bearer t' })).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      workflowId: 'traject-1',
      codecEndpoint: 'https://gw/api/v1/codec',
      codecAuth: 'Bearer t',
    });
    expect(() => parseWorkflowShowArgs([], {})).toThrow('--workflow-id');
  });
});
