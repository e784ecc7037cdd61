import { Writable } from 'node:stream';
import { createPlatformLogger } from './logging';

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
