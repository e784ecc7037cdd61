import { isDomainError } from '@ketenregie/shared-kernel';
import { assertConvenantVersie, isPartij, versieOp, type Convenant, type ConvenantInhoud } from './convenant';

const leden = new Set(['gemeente-a', 'werkbrug', 'ggz-b', 'schuldhulp-c']);
const inhoud: ConvenantInhoud = {
  naam: ' Convenant Participatie ',
  startdatum: '2026-01-01',
  einddatum: '2027-12-31',
  partijen: [
    { organisatieId: 'gemeente-a', toezeggingen: [{ soort: 'aantal-trajecten', waarde: 120, eenheid: 'aantal', periode: 'jaar' }] },
    { organisatieId: 'werkbrug', toezeggingen: [{ soort: 'uren-en-expertise', waarde: 16, eenheid: 'uren', periode: 'maand', expertise: 'jobcoaching' }] },
  ],
  doelen: [{ indicator: 'overdrachten-binnen-termijn', streefwaarde: 90, eenheid: 'procent', periode: 'kwartaal', partij: 'werkbrug' }],
};

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error) && error.code === 'MONITORING.CONVENANT_INVALID') return error.fields as Record<string, string>;
    throw error;
  }
  throw new Error('expected MONITORING.CONVENANT_INVALID');
}

describe('convenant rules', () => {
  it('accepts a convenant of stuurgroep members recorded by one of them, and trims its name', () => {
    expect(assertConvenantVersie(inhoud, '2026-01-01', { stuurgroepLeden: leden, door: 'gemeente-a' }).naam).toBe('Convenant Participatie');
  });

  it('names every broken rule: period, parties outside the stuurgroep, values, unknown indicators, targets of non-parties', () => {
    const fields = fieldsOf(() =>
      assertConvenantVersie(
        {
          ...inhoud,
          einddatum: '2025-12-31',
          partijen: [
            inhoud.partijen[0],
            { organisatieId: 'werkgever-x', toezeggingen: [{ soort: 'evaluaties-op-tijd', waarde: 120, eenheid: 'procent', periode: 'kwartaal' }] },
          ],
          doelen: [{ indicator: 'ranglijst' as never, streefwaarde: 5, eenheid: 'aantal', periode: 'jaar', partij: 'ggz-b' }],
        },
        '2026-01-01',
        { stuurgroepLeden: leden, door: 'gemeente-a' },
      ),
    );
    expect(Object.keys(fields).sort()).toEqual(['doelen.0.indicator', 'doelen.0.partij', 'einddatum', 'partijen', 'partijen.1.toezeggingen.0.waarde']);
    expect(fields['partijen']).toContain('werkgever-x');
  });

  it('requires the recording organisation to be a party, and an amendment not to take effect before the previous version', () => {
    expect(fieldsOf(() => assertConvenantVersie(inhoud, '2026-01-01', { stuurgroepLeden: leden, door: 'ggz-b' }))['partijen']).toContain('records');
    const vorige = { ...inhoud, versie: 2, ingangsdatum: '2026-06-01', vastgesteldDoor: 'gemeente-a' };
    expect(fieldsOf(() => assertConvenantVersie(inhoud, '2026-05-31', { stuurgroepLeden: leden, door: 'gemeente-a', vorige }))['ingangsdatum']).toContain(
      'version 2',
    );
  });

  it('applies the version in force on a date, and keeps a former party a reader', () => {
    const v = (versie: number, ingangsdatum: string, partijen = inhoud.partijen) => ({
      ...inhoud,
      partijen,
      versie,
      ingangsdatum,
      vastgesteldDoor: 'gemeente-a',
    });
    const c: Convenant = {
      id: 'c',
      stuurgroepId: 'sg',
      versies: [v(1, '2026-01-01'), v(2, '2026-07-01', [inhoud.partijen[0], { organisatieId: 'ggz-b', toezeggingen: [] }])],
    };
    expect(versieOp(c, '2026-06-30').versie).toBe(1);
    expect(versieOp(c, '2026-07-01').versie).toBe(2);
    expect(versieOp(c, '2025-01-01').versie).toBe(1);
    expect(isPartij(c, 'werkbrug')).toBe(true);
    expect(isPartij(c, 'ggz-b')).toBe(true);
    expect(isPartij(c, 'schuldhulp-c')).toBe(false);
  });
});
