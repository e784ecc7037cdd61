import * as kernel from '@ketenregie/shared-kernel';
import { identitySchema, ORGANISATIE_TYPES, ROLLEN } from './identity';

describe('identity', () => {
  it('re-exports the kernel constants, so platform and kernel users agree', () => {
    expect(ORGANISATIE_TYPES).toBe(kernel.ORGANISATIE_TYPES);
    expect(ROLLEN).toBe(kernel.ROLLEN);
  });

  it('accepts only the kernel organisation types and roles in token claims', () => {
    const claims = { sub: 'dev:gemeente-dommeldal:klantmanager', organisatie: 'gemeente-dommeldal', organisatieType: 'gemeente', rol: 'klantmanager' };
    expect(identitySchema.safeParse(claims).success).toBe(true);
    expect(identitySchema.safeParse({ ...claims, organisatieType: 'bank' }).success).toBe(false);
    expect(identitySchema.safeParse({ ...claims, rol: 'admin' }).success).toBe(false);
  });
});
