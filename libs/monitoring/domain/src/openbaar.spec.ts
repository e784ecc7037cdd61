import fc from 'fast-check';
import type { Basiscel } from './indicatoren';
import { ALLE_PARTNERS, publiceer, type Cel, type Selectie } from './openbaar';

const aangemeld = (partner: string, maand: string, aantal: number): Basiscel => ({
  indicator: 'bereik',
  meting: 'aangemeld',
  categorie: '-',
  partner,
  maand,
  aantal,
});
const vind = (cellen: Cel[], partner: string, periode: string, meting = 'aangemeld') =>
  cellen.find((c) => c.partner === partner && c.periode === periode && c.meting === meting) as Cel;

/** Every selection a stuurgroeplid can make over two partners. */
const SELECTIES: Selectie[] = (['maand', 'kwartaal', 'jaar'] as const).flatMap((periode) =>
  [undefined, ['a'], ['b'], ['a', 'b']].flatMap((partners) =>
    [{}, { vanMaand: '2026-02' }, { totMaand: '2026-01' }].map((bereik) => ({ periode, ...(partners ? { partners } : {}), ...bereik })),
  ),
);

/** A's January is 7, B's January 3 (suppressed), A's February 2 (suppressed), B's February 6. */
const tabel = (bJan: number, aFeb: number) => [
  aangemeld('a', '2026-01', 7),
  aangemeld('b', '2026-01', bJan),
  aangemeld('a', '2026-02', aFeb),
  aangemeld('b', '2026-02', 6),
];

describe('disclosure control', () => {
  it('shows no count from 1 to 4, says which figures are suppressed or incomplete', () => {
    const maand = publiceer(tabel(3, 2), { periode: 'maand' });
    expect(vind(maand, 'a', '2026-01')).toMatchObject({ waarde: 7, onderdrukt: false, onvolledig: false });
    expect(vind(maand, 'b', '2026-01')).toMatchObject({ waarde: null, onderdrukt: true });
    expect(vind(maand, ALLE_PARTNERS, '2026-01')).toMatchObject({ waarde: 7, onderdrukt: false, onvolledig: true });
    for (const selectie of SELECTIES)
      for (const c of publiceer(tabel(3, 2), selectie)) if (c.waarde !== null && c.meting !== 'aandeel') expect(c.waarde === 0 || c.waarde >= 5).toBe(true);
  });

  it('an attacker cannot recover a suppressed cell from the total, nor from the difference of two periods or two selections', () => {
    const maand = publiceer(tabel(3, 2), { periode: 'maand' });
    const kwartaal = publiceer(tabel(3, 2), { periode: 'kwartaal' });
    const alleenA = publiceer(tabel(3, 2), { periode: 'kwartaal', partners: ['a'] });
    const vanafFebruari = publiceer(tabel(3, 2), { periode: 'kwartaal', vanMaand: '2026-02' });
    // Total minus the other partner:
    expect((vind(maand, ALLE_PARTNERS, '2026-01').waarde ?? 0) - (vind(maand, 'a', '2026-01').waarde ?? 0)).not.toBe(3);
    // Quarter minus the months shown:
    expect((vind(kwartaal, 'a', '2026-K1').waarde ?? 0) - (vind(maand, 'a', '2026-01').waarde ?? 0)).not.toBe(2);
    // Two overlapping selections: all partners minus partner a; the quarter minus the quarter from February on.
    expect((vind(kwartaal, ALLE_PARTNERS, '2026-K1').waarde ?? 0) - (vind(alleenA, ALLE_PARTNERS, '2026-K1').waarde ?? 0) - 6).not.toBe(3);
    expect((vind(kwartaal, 'b', '2026-K1').waarde ?? 0) - (vind(vanafFebruari, 'b', '2026-K1').waarde ?? 0)).not.toBe(3);
    // Stronger: whatever the suppressed cells hold (1 to 4), every selection shows exactly the same.
    for (const selectie of SELECTIES) {
      const gezien = publiceer(tabel(3, 2), selectie);
      for (const bJan of [1, 2, 3, 4]) for (const aFeb of [1, 2, 3, 4]) expect(publiceer(tabel(bJan, aFeb), selectie)).toEqual(gezien);
    }
  });

  it('a percentage and a median depend on released cells only', () => {
    const cellen: Basiscel[] = [
      { indicator: 'evaluaties-op-tijd', meting: 'noemer', categorie: '-', partner: 'a', maand: '2026-01', aantal: 10 },
      { indicator: 'evaluaties-op-tijd', meting: 'teller', categorie: '-', partner: 'a', maand: '2026-01', aantal: 8 },
      { indicator: 'evaluaties-op-tijd', meting: 'noemer', categorie: '-', partner: 'a', maand: '2026-02', aantal: 6 },
      { indicator: 'evaluaties-op-tijd', meting: 'teller', categorie: '-', partner: 'a', maand: '2026-02', aantal: 3 },
      { indicator: 'overdracht-doorlooptijd', meting: 'geaccepteerd', categorie: '-', partner: 'a', maand: '2026-01', aantal: 5, waarden: [1, 2, 3, 8, 9] },
      { indicator: 'overdracht-doorlooptijd', meting: 'geaccepteerd', categorie: '-', partner: 'a', maand: '2026-02', aantal: 2, waarden: [20, 30] },
    ];
    const k = publiceer(cellen, { periode: 'kwartaal' });
    // February's teller (3) is suppressed, so February leaves the percentage: 8 of 10.
    expect(vind(k, 'a', '2026-K1', 'aandeel')).toMatchObject({ waarde: 80, onvolledig: true });
    // The median of the released January values only (February's two are suppressed).
    expect(vind(k, 'a', '2026-K1', 'mediaan')).toMatchObject({ waarde: 3, onvolledig: true });
    const maand = publiceer(cellen, { periode: 'maand' });
    expect(vind(maand, 'a', '2026-02', 'mediaan')).toMatchObject({ waarde: null, onderdrukt: true });
  });

  it('for any table: changing a suppressed cell within 1 to 4 changes nothing a stuurgroeplid can see', () => {
    const celArb = fc.record({
      partner: fc.constantFrom('a', 'b', 'c'),
      maand: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04', '2027-01'),
      categorie: fc.constantFrom('-', 'x', 'y'),
      meting: fc.constantFrom('teller', 'noemer', 'aangemeld'),
      aantal: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(celArb, { selector: (c) => `${c.partner}${c.maand}${c.categorie}${c.meting}` }),
        fc.integer({ min: 1, max: 4 }),
        (rauw, nieuw) => {
          const cellen: Basiscel[] = rauw.map((c) => ({ ...c, indicator: 'evaluaties-op-tijd' }));
          const i = cellen.findIndex((c) => c.aantal >= 1 && c.aantal <= 4);
          if (i < 0) return;
          const anders = cellen.map((c, j) => (j === i ? { ...c, aantal: nieuw } : c));
          for (const selectie of SELECTIES) expect(publiceer(anders, selectie)).toEqual(publiceer(cellen, selectie));
        },
      ),
      { numRuns: 200 },
    );
  });
});
