import { Writable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createPlatformLogger, pinoHttpOptions } from './logging';

describe('createPlatformLogger', () => {
  it('writes JSON with the service name and redacts personal data and credentials', () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = createPlatformLogger({ service: 'consent-service', destination });
    logger.info(
      {
        bsn: '111222333',
        deelnemer: { naam: 'Jan Jansen', geboortedatum: '1970-01-01', fase: 'intake' },
        req: { headers: { authorization: 'Bearer eyJ.secret', 'user-agent': 'curl' } },
        overdracht: { ontvanger: { email: 'a@b.nl' } },
      },
      'toestemming geregistreerd',
    );
    const line = lines[0];
    expect(line).toMatchObject({
      level: 'info',
      service: 'consent-service',
      msg: 'toestemming geregistreerd',
      bsn: '[redacted]',
      deelnemer: { naam: '[redacted]', geboortedatum: '[redacted]', fase: 'intake' },
      req: { headers: { authorization: '[redacted]', 'user-agent': 'curl' } },
      overdracht: { ontvanger: { email: '[redacted]' } },
    });
    expect(JSON.stringify(lines)).not.toMatch(/111222333|Jansen|eyJ/);
  });
});

describe('pinoHttpOptions', () => {
  const niveau = (level: 'info' | 'warn', statusCode: number, err?: Error) =>
    (pinoHttpOptions({ service: 's', level }).customLogLevel as (req: IncomingMessage, res: ServerResponse, err?: Error) => string)(
      {} as IncomingMessage,
      { statusCode } as ServerResponse,
      err,
    );

  it("logs a request at its level, and makes a line the configured level would drop 'silent' (nothing is built for it)", () => {
    expect([niveau('info', 200), niveau('info', 404), niveau('info', 503)]).toEqual(['info', 'warn', 'error']);
    expect([niveau('warn', 200), niveau('warn', 404), niveau('warn', 200, new Error('x'))]).toEqual(['silent', 'warn', 'error']);
  });
});
