import { parseArgs, type ServerConfig } from './main';

/** The store part of a configuration, every field present. */
const store = (config: ServerConfig) => ({ url: config.databaseUrl, dir: config.dbFilename, source: config.storeSource, mode: config.mode });

const dev = (...flags: string[]) => ['server', 'start-dev', '--port', '7233', ...flags];
const URL_A = 'postgres://postgres@127.0.0.1:5432/a';
const URL_B = 'postgres://postgres@127.0.0.1:5432/b';

describe('parseArgs: which store the server opens', () => {
  it('uses memory when neither a flag nor an environment variable names a database', () => {
    expect(store(parseArgs(dev(), {}))).toEqual({ url: undefined, dir: undefined, source: 'default', mode: 'dev' });
  });

  it('reads DATABASE_URL itself', () => {
    expect(parseArgs(dev(), { DATABASE_URL: URL_A })).toMatchObject({ databaseUrl: URL_A, storeSource: 'DATABASE_URL' });
  });

  it('prefers TEMPORAL_DEV_SERVER_DATABASE_URL to DATABASE_URL', () => {
    expect(parseArgs(dev(), { DATABASE_URL: URL_A, TEMPORAL_DEV_SERVER_DATABASE_URL: URL_B })).toMatchObject({
      databaseUrl: URL_B,
      storeSource: 'TEMPORAL_DEV_SERVER_DATABASE_URL',
    });
  });

  it('lets every store flag beat the environment', () => {
    const env = { DATABASE_URL: URL_A, TEMPORAL_DEV_SERVER_DATABASE_URL: URL_A };
    expect(parseArgs(dev('--database-url', URL_B), env)).toMatchObject({ databaseUrl: URL_B, storeSource: 'flag' });
    expect(store(parseArgs(dev('--db-filename', '/tmp/t.db'), env))).toEqual({ url: undefined, dir: '/tmp/t.db', source: 'flag', mode: 'dev' });
    expect(store(parseArgs(dev('--in-memory'), env))).toEqual({ url: undefined, dir: undefined, source: 'flag', mode: 'dev' });
  });

  it('keeps --database-url ahead of --db-filename', () => {
    expect(parseArgs(dev('--db-filename', '/tmp/t.db', `--database-url=${URL_B}`), {})).toMatchObject({ databaseUrl: URL_B });
  });

  it('keeps the time-skipping form in memory whatever the environment says', () => {
    expect(store(parseArgs(['7234'], { DATABASE_URL: URL_A }))).toEqual({ url: undefined, dir: undefined, source: 'default', mode: 'time-skipping' });
  });

  it('refuses a database URL that is not postgres://, naming where it came from', () => {
    expect(() => parseArgs(dev(), { DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a postgres:// URL');
    expect(() => parseArgs(dev('--database-url', 'localhost:5432'), {})).toThrow('--database-url must be a postgres:// URL');
    expect(() => parseArgs(dev('--in-memory'), { DATABASE_URL: 'mysql://x' })).not.toThrow();
  });
});

describe('parseArgs: the start-dev flags the Temporal SDK and the CLI pass', () => {
  it('reads port, address, namespaces, retention, log level and search attributes, in both flag forms, and ignores flags it does not know', () => {
    const config = parseArgs(
      dev(
        '-p',
        '7400',
        '--ip=0.0.0.0',
        '--namespace',
        'ketenregie',
        '-n',
        'default',
        '--ui-port',
        '8233',
        '--headless',
        '--retention',
        '24h',
        '--log-level=debug',
        '--search-attribute',
        'Programma=Keyword',
        '--search-attribute=Fase=Keyword',
      ),
      {},
    );
    expect(config).toMatchObject({
      mode: 'dev',
      port: 7400,
      host: '0.0.0.0',
      namespaces: ['default', 'ketenregie'],
      retentionMs: 86_400_000,
      logLevel: 'debug',
      searchAttributes: { Programma: 'Keyword', Fase: 'Keyword' },
    });
  });

  it('refuses a search attribute without a known type', () => {
    expect(() => parseArgs(dev('--search-attribute', 'Programma'), {})).toThrow('invalid --search-attribute Programma');
    expect(() => parseArgs(dev('--search-attribute', 'Programma=Blob'), {})).toThrow('invalid --search-attribute Programma=Blob');
  });
});
