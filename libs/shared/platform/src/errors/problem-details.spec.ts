import { BadRequestException, ForbiddenException, InternalServerErrorException } from '@nestjs/common';
import { DOMAIN_ERROR_KINDS, DomainError } from '@ketenregie/shared-kernel';
import { problemFromException, STATUS_BY_KIND } from './problem-details';

describe('problemFromException', () => {
  it.each(DOMAIN_ERROR_KINDS.map((kind) => [kind, STATUS_BY_KIND[kind]] as const))('maps domain kind %s to HTTP %i', (kind, status) => {
    const problem = problemFromException(new DomainError({ code: 'CONSENT.X', kind, detail: 'd' }), { instance: '/x', traceId: 't' });
    expect(problem).toMatchObject({ status, code: 'CONSENT.X', detail: 'd', instance: '/x', traceId: 't', type: 'urn:ketenregie:problem:CONSENT.X' });
  });

  it('keeps the status and message of Nest HTTP exceptions', () => {
    expect(problemFromException(new ForbiddenException('Alleen de regievoerder.'))).toMatchObject({
      status: 403,
      code: 'HTTP.FORBIDDEN',
      detail: 'Alleen de regievoerder.',
    });
    expect(problemFromException(new BadRequestException(['a is verplicht', 'b is te lang']))).toMatchObject({
      status: 400,
      detail: 'a is verplicht; b is te lang',
    });
  });

  it('never reveals the message of server errors', () => {
    expect(problemFromException(new InternalServerErrorException('db password wrong')).detail).not.toContain('password');
    expect(problemFromException(new TypeError('x is undefined'))).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problemFromException('a string'))).not.toContain('a string');
  });

  it('never echoes a BSN or quoted input: not in the detail, not in the instance', () => {
    const domein = problemFromException(new DomainError({ code: 'X.NOT_FOUND', kind: 'not-found', detail: 'No deelnemer 111222333' }), {
      instance: '/api/v1/deelnemers/111222333/inzage',
    });
    expect(domein).toMatchObject({ detail: 'No deelnemer …', instance: '/api/v1/deelnemers/…/inzage' });
    expect(problemFromException(new BadRequestException('Unexpected token \'x\', "{bsn:111222333" is not valid JSON')).detail).toBe('Invalid request');
    expect(problemFromException(new BadRequestException('Validation failed (uuid is expected)')).detail).toBe('Validation failed (uuid is expected)');
  });
});
