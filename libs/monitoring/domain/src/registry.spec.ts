import { isDomainError } from '@ketenregie/shared-kernel';
import { assertOrganisatie, isOrganisatieId } from './organisatie';
import { assertStuurgroep } from './stuurgroep';

function errorOf(fn: () => unknown): { code: string; fields?: Record<string, string> } {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, fields: error.fields as Record<string, string> | undefined };
    throw error;
  }
  throw new Error('expected a domain error');
}

describe('organisation registry rules', () => {
  it('accepts slug ids and rejects anything else', () => {
    expect(isOrganisatieId('gemeente-dommeldal')).toBe(true);
    expect(isOrganisatieId('ggz2')).toBe(true);
    for (const id of ['', 'Gemeente', 'a--b', '-a', 'a-', 'a b', 'x'.repeat(65)]) expect(isOrganisatieId(id)).toBe(false);
  });

  it('trims the name and names the offending fields', () => {
    expect(assertOrganisatie({ id: 'werkbrug', naam: '  Stichting Werkbrug ', type: 'uitvoerder' }).naam).toBe('Stichting Werkbrug');
    const error = errorOf(() => assertOrganisatie({ id: 'Werk Brug', naam: ' ', type: 'uitvoerder' }));
    expect(error.code).toBe('MONITORING.ORGANISATIE_INVALID');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['id', 'naam']);
  });

  it('requires a stuurgroep of at least two distinct registered organisations', () => {
    const registered = new Set(['gemeente-a', 'uitvoerder-b']);
    expect(assertStuurgroep({ id: 'sg', naam: 'Stuurgroep', leden: ['gemeente-a', 'uitvoerder-b'] }, registered).leden).toHaveLength(2);
    expect(errorOf(() => assertStuurgroep({ id: 'sg', naam: 'S', leden: ['gemeente-a'] }, registered)).fields?.['leden']).toContain('at least 2');
    expect(errorOf(() => assertStuurgroep({ id: 'sg', naam: 'S', leden: ['gemeente-a', 'gemeente-a'] }, registered)).fields?.['leden']).toContain(
      'more than once',
    );
    expect(errorOf(() => assertStuurgroep({ id: 'sg', naam: 'S', leden: ['gemeente-a', 'ggz-x'] }, registered)).fields?.['leden']).toContain('ggz-x');
  });
});
