import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceUnavailableException } from '@nestjs/common';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, type JWK, SignJWT } from 'jose';
import { EmbeddedSigner } from './embedded-signer';
import { type Identity } from './identity';
import { NAMENS_DETAIL_TYPE, SERVICE_SCOPE } from './service-token';
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

  it('signs service tokens that verify as the professional they act for, with the client as actor', async () => {
    const signer = await EmbeddedSigner.loadOrCreate({ dataDir });
    const verifier = new TokenVerifier(options, createLocalJWKSet(signer.jwks()));
    const token = await signer.signServiceToken({ clientId: 'ketenregie-worker', namens: identity });
    await expect(verifier.verify(token)).resolves.toEqual({ ...identity, actor: 'ketenregie-worker' });
    expect(decodeJwt(token)).toMatchObject({
      sub: 'ketenregie-worker',
      scope: SERVICE_SCOPE,
      authorization_details: [{ type: NAMENS_DETAIL_TYPE, ...identity }],
    });
  });

  it('rejects a service-scope token that does not name exactly one professional', async () => {
    const signer = await EmbeddedSigner.loadOrCreate({ dataDir });
    const verifier = new TokenVerifier(options, createLocalJWKSet(signer.jwks()));
    const key = JSON.parse(await readFile(EmbeddedSigner.keyFile(dataDir), 'utf8')) as { privateJwk: JWK };
    const teken = async (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: signer.kid })
        .setSubject('ketenregie-worker')
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setExpirationTime('5m')
        .sign(await importJWK(key.privateJwk, 'ES256'));
    const detail = { type: NAMENS_DETAIL_TYPE, ...identity };
    for (const claims of [
      { scope: SERVICE_SCOPE },
      { scope: SERVICE_SCOPE, authorization_details: [detail, { ...detail, sub: 'km-2' }] },
      { scope: SERVICE_SCOPE, authorization_details: [{ ...detail, rol: 'admin' }] },
    ]) {
      await expect(verifier.verify(await teken(claims))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    }
    // Without the service scope the detail is ignored: a plain token needs its own identity claims.
    await expect(verifier.verify(await teken({ authorization_details: [detail] }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
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
