import { DomainError } from '@ketenregie/shared-kernel';
import type { Convenant } from './convenant';
import { assertInzet, inzetCellen, type InzetRegistratie } from './inzet';

const convenant: Convenant = {
  id: 'c1',
  stuurgroepId: 's1',
  versies: [
    {
      versie: 1,
      ingangsdatum: '2026-01-01',
      vastgesteldDoor: 'gemeente-a',
      naam: 'Convenant',
      startdatum: '2026-01-01',
      einddatum: '2026-12-31',
      partijen: [
        { organisatieId: 'gemeente-a', toezeggingen: [] },
        { organisatieId: 'werkbrug', toezeggingen: [{ soort: 'uren-en-expertise', waarde: 16, eenheid: 'uren', periode: 'maand', expertise: 'jobcoaching' }] },
      ],
      doelen: [],
    },
  ],
};

const velden = (f: () => unknown): Record<string, string> => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('MONITORING.INZET_INVALID');
    return { ...(e as DomainError).fields };
  }
  throw new Error('not refused');
};

describe('registering hours and expertise', () => {
  it('accepts hours in quarters of an hour for a month of the convenant that has begun', () => {
    expect(assertInzet({ maand: '2026-03', expertise: 'jobcoaching', uren: 12.75 }, convenant, '2026-03-01')).toEqual({
      maand: '2026-03',
      expertise: 'jobcoaching',
      uren: 12.75,
    });
  });

  it('refuses, naming each field: a month outside the convenant or still to come, free text for expertise, odd hours', () => {
    expect(Object.keys(velden(() => assertInzet({ maand: '2025-12', expertise: 'Jan Jansen', uren: 0 }, convenant, '2026-03-10'))).sort()).toEqual([
      'expertise',
      'maand',
      'uren',
    ]);
    expect(velden(() => assertInzet({ maand: '2026-04', expertise: 'ggz', uren: 8 }, convenant, '2026-03-31'))).toEqual({
      maand: 'een maand die al begonnen is',
    });
    expect(Object.keys(velden(() => assertInzet({ maand: '2026-03', expertise: 'ggz', uren: 1.1 }, convenant, '2026-03-31')))).toEqual(['uren']);
    expect(Object.keys(velden(() => assertInzet({ maand: '2026-3', expertise: 'ggz', uren: 2 }, convenant, '2026-03-31')))).toEqual(['maand']);
  });

  it('turns registrations into base cells per organisation, expertise and month (hand-computed)', () => {
    const r = (organisatieId: string, maand: string, expertise: string, uren: number): InzetRegistratie => ({
      convenantId: 'c1',
      organisatieId,
      maand,
      expertise,
      uren,
      geregistreerdOp: '2026-04-01T08:00:00.000Z',
    });
    expect(
      inzetCellen([r('werkbrug', '2026-03', 'jobcoaching', 12.75), r('werkbrug', '2026-03', 'schuldhulp', 4), r('gemeente-a', '2026-03', 'jobcoaching', 8.25)]),
    ).toEqual([
      { indicator: 'inzet-uren', meting: 'uren', categorie: 'jobcoaching', partner: 'werkbrug', maand: '2026-03', aantal: 12.75 },
      { indicator: 'inzet-uren', meting: 'uren', categorie: 'schuldhulp', partner: 'werkbrug', maand: '2026-03', aantal: 4 },
      { indicator: 'inzet-uren', meting: 'uren', categorie: 'jobcoaching', partner: 'gemeente-a', maand: '2026-03', aantal: 8.25 },
    ]);
  });
});
