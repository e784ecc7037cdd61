import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceUnavailableException } from '@nestjs/common';
import { createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { EmbeddedSigner } from './embedded-signer';
import { Identity } from './identity';
import { TokenVerifier } from './token-verifier';

const identity: Identity = { sub: 'coach-7', organisatie: 'senzer', organisatieType: 'uitvoerder', rol: 'coach' };
const options = { issuer: 'urn:ketenregie:embedded', audience: 'ketenregie-api', jwksUrl: 'http://unused.invalid/jwks' };

describe('EmbeddedSigner', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kr-signer-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('signs tokens the verifier accepts against its JWKS, and keeps its key across restarts', async () => {
    const signer = await EmbeddedSigner.loadOrCreate({ dataDir });
    const token = await signer.sign(identity);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: signer.kid });
    expect(signer.jwks().keys[0]).not.toHaveProperty('d');
    expect(((await stat(EmbeddedSigner.keyFile(dataDir))).mode & 0o777).toString(8)).toBe('600');

    const reloaded = await EmbeddedSigner.loadOrCreate({ dataDir });
    expect(reloaded.kid).toBe(signer.kid);
    const verifier = new TokenVerifier(options, createLocalJWKSet(reloaded.jwks()));
    await expect(verifier.verify(token)).resolves.toEqual(identity);
  });

  it('supports RS256 keys', async () => {
    const signer = await EmbeddedSigner.loadOrCreate({ dataDir, algorithm: 'RS256' });
    const verifier = new TokenVerifier(options, createLocalJWKSet(signer.jwks()));
    await expect(verifier.verify(await signer.sign(identity))).resolves.toEqual(identity);
  });

  it('refuses to sign an identity with an unknown role', async () => {
    const signer = await EmbeddedSigner.loadOrCreate({ dataDir });
    await expect(signer.sign({ ...identity, rol: 'admin' } as unknown as Identity)).rejects.toThrow();
  });

  it('rejects tokens for another audience or issuer', async () => {
    const signer = await EmbeddedSigner.loadOrCreate({ dataDir, audience: 'other-api' });
    const verifier = new TokenVerifier(options, createLocalJWKSet(signer.jwks()));
    await expect(verifier.verify(await signer.sign(identity))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID', kind: 'unauthenticated' });
    const foreign = await EmbeddedSigner.loadOrCreate({ dataDir: join(dataDir, 'x'), issuer: 'https://evil.example' });
    const verifier2 = new TokenVerifier(options, createLocalJWKSet(foreign.jwks()));
    await expect(verifier2.verify(await foreign.sign(identity))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('reads only well-formed bearer headers', () => {
    expect(TokenVerifier.bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(TokenVerifier.bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(TokenVerifier.bearerToken('Basic dXNlcg==')).toBeUndefined();
    expect(TokenVerifier.bearerToken(undefined)).toBeUndefined();
  });

  it('answers 503 rather than 401 when the key set cannot be fetched', async () => {
    const signer = await EmbeddedSigner.loadOrCreate({ dataDir });
    const verifier = new TokenVerifier({ ...options, jwksUrl: 'http://127.0.0.1:1/auth/jwks.json' });
    await expect(verifier.verify(await signer.sign(identity))).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(verifier.verify('not.a.jwt')).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });
});
