import { ConflictError, DomainError, isDomainError, NotFoundError, ValidationError } from './domain-error';

describe('DomainError', () => {
  it('carries a stable code, a kind, a detail and per-field messages', () => {
    const e = new ValidationError({
      code: 'TRAJECT.PLAN_INVALID',
      detail: 'Het plan van aanpak mist doelen.',
      fields: { doelen: 'minimaal één doel' },
    });
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toBeInstanceOf(Error);
    expect(e.kind).toBe('validation');
    expect(e.code).toBe('TRAJECT.PLAN_INVALID');
    expect(e.fields).toEqual({ doelen: 'minimaal één doel' });
    expect(e.name).toBe('ValidationError');
    expect(e.message).toBe('TRAJECT.PLAN_INVALID: Het plan van aanpak mist doelen.');
  });

  it('rejects codes that are not upper-case dotted identifiers', () => {
    expect(() => new NotFoundError({ code: 'not-found', detail: 'x' })).toThrow(TypeError);
    expect(() => new NotFoundError({ code: 'TRAJECT', detail: 'x' })).toThrow(TypeError);
  });

  it('recognises domain errors from another copy of the module by shape', () => {
    const foreign = Object.assign(new Error('x'), { code: 'CONSENT.WITHDRAWN', kind: 'conflict', detail: 'x' });
    expect(isDomainError(foreign)).toBe(true);
    expect(isDomainError(new ConflictError({ code: 'CONSENT.WITHDRAWN', detail: 'x' }))).toBe(true);
    expect(isDomainError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(false);
    expect(isDomainError({ code: 'A.B', kind: 'conflict', detail: 'x' })).toBe(false);
  });

  it('omits empty field maps', () => {
    expect(new ConflictError({ code: 'A.B', detail: 'x', fields: {} }).fields).toBeUndefined();
  });
});
