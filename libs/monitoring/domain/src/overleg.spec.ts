import { publiceer } from './openbaar';
import { OVERLEG_FEIT, overlegCellen } from './overleg';
import type { Feit } from './traject-stand';

let n = 0;
const overleg = (datum: string, genodigd: string, aanwezig: string): Feit => ({
  id: `f-${(n += 1)}`,
  soort: OVERLEG_FEIT,
  onderwerp: `traject-${n}`,
  datum,
  data: { programma: 'p', regieOrganisatie: 'gemeente', overleg: datum, genodigd, aanwezig },
});

describe('case-meeting attendance per organisation and month', () => {
  /**
   * March: 6 discussions with gemeente and werkbrug invited; werkbrug attended 5 of them, the gemeente all 6.
   * ggz was invited to 2 and attended 1. April: 1 discussion, only the gemeente attended.
   */
  const feiten: Feit[] = [
    ...Array.from({ length: 5 }, (_, i) => overleg(`2026-03-${String(2 + i).padStart(2, '0')}`, 'gemeente,werkbrug', 'gemeente,werkbrug')),
    overleg('2026-03-20', 'gemeente,ggz,werkbrug', 'gemeente,ggz'),
    overleg('2026-03-27', 'ggz', ''),
    overleg('2026-04-03', 'gemeente,werkbrug', 'gemeente'),
    // Another kind of fact counts nowhere.
    { id: 'x', soort: 'traject.evaluatie', onderwerp: 't', datum: '2026-03-05', data: { genodigd: 'werkbrug', aanwezig: 'werkbrug' } },
  ];
  const cellen = overlegCellen(feiten);
  const waarde = (meting: string, partner: string, maand: string) =>
    cellen.find((c) => c.meting === meting && c.partner === partner && c.maand === maand)?.aantal ?? 0;

  it('counts each invitation in the noemer and each attendance in the teller (hand-computed)', () => {
    expect([waarde('noemer', 'gemeente', '2026-03'), waarde('teller', 'gemeente', '2026-03')]).toEqual([6, 6]);
    expect([waarde('noemer', 'werkbrug', '2026-03'), waarde('teller', 'werkbrug', '2026-03')]).toEqual([6, 5]);
    expect([waarde('noemer', 'ggz', '2026-03'), waarde('teller', 'ggz', '2026-03')]).toEqual([2, 1]);
    expect([waarde('noemer', 'werkbrug', '2026-04'), waarde('teller', 'werkbrug', '2026-04')]).toEqual([1, 0]);
    expect(cellen.every((c) => c.indicator === 'casuistiekoverleg-aanwezigheid' && c.categorie === '-')).toBe(true);
  });

  it('releases only counts of 0 or at least 5: the share attended per partner and quarter', () => {
    const aandeel = publiceer(cellen, { periode: 'kwartaal' }).filter((c) => c.meting === 'aandeel' && c.periode === '2026-K1');
    const van = (p: string) => aandeel.find((c) => c.partner === p);
    // gemeente 6 of 6; werkbrug 5 of 6 = 83.3%; ggz 1 of 2 is suppressed.
    expect(van('gemeente')).toMatchObject({ waarde: 100, onderdrukt: false });
    expect(van('werkbrug')).toMatchObject({ waarde: 83.3, onderdrukt: false });
    expect(van('ggz')).toMatchObject({ waarde: null, onderdrukt: true });
    // The total over partners counts released months only: (6 + 5) of (6 + 6) = 91.7%, marked incomplete.
    expect(van('alle')).toMatchObject({ waarde: 91.7, onvolledig: true });
  });

  it('names organisations only: no traject, no person', () => {
    expect(JSON.stringify(cellen)).not.toMatch(/traject-|f-\d/);
  });
});
