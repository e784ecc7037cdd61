import { z } from 'zod';
import { ConfigError, loadConfig, platformConfigSchema } from './config';

const good = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', PORT: '3101' };

describe('loadConfig', () => {
  it('parses a good environment and fills the embedded defaults', () => {
    const config = loadConfig(platformConfigSchema, good);
    expect(config.PORT).toBe(3101);
    expect(config.KETENREGIE_MODE).toBe('embedded');
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.AUTH_JWKS_URL).toBe('http://127.0.0.1:8080/auth/jwks.json');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('rejects a bad environment with one clear line per variable, without echoing values', () => {
    const env = { PORT: 'eighty', DATABASE_URL: 'mysql://secret-password@db/x', KETENREGIE_MODE: 'cloud', TEMPORAL_ADDRESS: 'temporal' };
    let error: unknown;
    try {
      loadConfig(platformConfigSchema, env, { service: 'traject-service' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^Invalid configuration for traject-service \(4 problems\):/);
    expect(message).toMatch(/- PORT: .*number/i);
    expect(message).toMatch(/- DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).toMatch(/- KETENREGIE_MODE: .*"embedded"\|"distributed"/);
    expect(message).toMatch(/- TEMPORAL_ADDRESS: must be host:port/);
    expect(message).not.toContain('secret-password');
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'KETENREGIE_MODE', 'PORT', 'TEMPORAL_ADDRESS']);
  });

  it('reports a missing required variable as not set, and treats empty strings as unset', () => {
    expect(() => loadConfig(platformConfigSchema, { DATABASE_URL: '' })).toThrow(/DATABASE_URL: is required but not set/);
  });

  it('accepts service-specific extensions of the platform schema', () => {
    const schema = platformConfigSchema.extend({ SEED_DEMO: z.enum(['true', 'false']).transform((v) => v === 'true') });
    expect(loadConfig(schema, { ...good, SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(() => loadConfig(schema, good)).toThrow(/SEED_DEMO: is required but not set/);
  });

  it('insists on explicit Temporal and OIDC settings in distributed mode', () => {
    expect(() => loadConfig(platformConfigSchema, { ...good, KETENREGIE_MODE: 'distributed', AUTH_ISSUER: 'https://login.example.nl' })).toThrow(
      /\(2 problems\):\n {2}- TEMPORAL_ADDRESS: must be set explicitly when KETENREGIE_MODE=distributed.*\n {2}- AUTH_JWKS_URL: must be set explicitly/,
    );
    const config = loadConfig(platformConfigSchema, {
      ...good,
      KETENREGIE_MODE: 'distributed',
      TEMPORAL_ADDRESS: 'temporal-frontend.ketenregie.svc:7233',
      AUTH_ISSUER: 'https://login.example.nl',
      AUTH_JWKS_URL: 'https://login.example.nl/.well-known/jwks.json',
    });
    expect(config.TEMPORAL_ADDRESS).toBe('temporal-frontend.ketenregie.svc:7233');
  });

  it('refuses to start embedded mode on an interface other machines can reach', () => {
    for (const HOST of ['0.0.0.0', '192.168.1.20', '::', 'ketenregie.example.nl']) {
      expect(() => loadConfig(platformConfigSchema, { ...good, HOST })).toThrow(
        /- HOST: embedded mode \(KETENREGIE_MODE=embedded\) listens on a loopback address only/,
      );
    }
    for (const HOST of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) expect(loadConfig(platformConfigSchema, { ...good, HOST }).HOST).toBe(HOST);
    const distributed = {
      ...good,
      KETENREGIE_MODE: 'distributed',
      TEMPORAL_ADDRESS: 't:7233',
      AUTH_ISSUER: 'https://login.example.nl',
      AUTH_JWKS_URL: 'https://login.example.nl/jwks',
    };
    expect(loadConfig(platformConfigSchema, { ...distributed, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('reads the CORS allow-list and the request limit, and rejects an origin that is not one', () => {
    expect(loadConfig(platformConfigSchema, good)).toMatchObject({ CORS_ORIGINS: [], THROTTLE_LIMIT: 6000, THROTTLE_TTL_MS: 60_000 });
    const config = loadConfig(platformConfigSchema, { ...good, CORS_ORIGINS: 'https://portal.example.nl, http://localhost:5173', THROTTLE_LIMIT: '50' });
    expect(config.CORS_ORIGINS).toEqual(['https://portal.example.nl', 'http://localhost:5173']);
    expect(config.THROTTLE_LIMIT).toBe(50);
    expect(() => loadConfig(platformConfigSchema, { ...good, CORS_ORIGINS: 'https://portal.example.nl/app' })).toThrow(
      /CORS_ORIGINS.*: each origin must be scheme:\/\/host/,
    );
    expect(() => loadConfig(platformConfigSchema, { ...good, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });
});
