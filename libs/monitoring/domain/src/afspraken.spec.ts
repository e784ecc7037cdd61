import { vergelijkAfspraken, type AfspraakRegel } from './afspraken';
import type { Convenant, ConvenantVersie } from './convenant';
import type { Basiscel } from './indicatoren';

const cel = (indicator: Basiscel['indicator'], meting: string, partner: string, maand: string, aantal: number, categorie = '-'): Basiscel => ({
  indicator,
  meting,
  categorie,
  partner,
  maand,
  aantal,
});

const versie1: ConvenantVersie = {
  versie: 1,
  ingangsdatum: '2026-01-01',
  vastgesteldDoor: 'gemeente-a',
  naam: 'Convenant',
  startdatum: '2026-01-01',
  einddatum: '2026-12-31',
  partijen: [
    { organisatieId: 'gemeente-a', toezeggingen: [{ soort: 'aantal-trajecten', waarde: 10, eenheid: 'aantal', periode: 'kwartaal' }] },
    {
      organisatieId: 'werkbrug',
      toezeggingen: [
        { soort: 'evaluaties-op-tijd', waarde: 80, eenheid: 'procent', periode: 'kwartaal' },
        { soort: 'uren-en-expertise', waarde: 16, eenheid: 'uren', periode: 'maand', expertise: 'jobcoaching' },
      ],
    },
    {
      organisatieId: 'ggz-b',
      toezeggingen: [
        { soort: 'overdrachten-binnen-termijn', waarde: 90, eenheid: 'procent', periode: 'kwartaal' },
        { soort: 'casuistiekoverleg-aanwezigheid', waarde: 75, eenheid: 'procent', periode: 'kwartaal' },
      ],
    },
  ],
  doelen: [],
};
/** The amendment of 1 April raises the gemeente's commitment to 12 trajecten a quarter. */
const versie2: ConvenantVersie = {
  ...versie1,
  versie: 2,
  ingangsdatum: '2026-04-01',
  partijen: [
    { organisatieId: 'gemeente-a', toezeggingen: [{ soort: 'aantal-trajecten', waarde: 12, eenheid: 'aantal', periode: 'kwartaal' }] },
    ...versie1.partijen.slice(1),
  ],
};
const convenant: Convenant = { id: 'c1', stuurgroepId: 's1', versies: [versie1, versie2] };

/**
 * gemeente-a: aangemeld 6 (Jan), 3 (Feb, suppressed), 5 (Mar), 7 (Apr).
 * werkbrug evaluations: Jan 9 of 10 on time; Feb 3 of 5 (teller suppressed: month left out); Apr 4 of 4 (suppressed).
 * ggz-b handovers: Jan 8 of 10 within the deadline.
 * werkbrug hours of jobcoaching: Jan 18, Feb 3 (suppressed), Mar 12, none in Apr, May 6; and 20 hours of schuldhulp in Jan
 *   (another expertise, not its commitment).
 * ggz-b case meetings: Jan attended 5 of 6; Feb 4 of 4 (both suppressed); Mar 3 of 5 (teller suppressed: month left out); Apr 7 of 8.
 */
const cellen = (gemeenteFeb = 3, werkbrugApr = 4): Basiscel[] => [
  cel('bereik', 'aangemeld', 'gemeente-a', '2026-01', 6),
  cel('bereik', 'aangemeld', 'gemeente-a', '2026-02', gemeenteFeb),
  cel('bereik', 'aangemeld', 'gemeente-a', '2026-03', 5),
  cel('bereik', 'aangemeld', 'gemeente-a', '2026-04', 7),
  cel('evaluaties-op-tijd', 'noemer', 'werkbrug', '2026-01', 10),
  cel('evaluaties-op-tijd', 'teller', 'werkbrug', '2026-01', 9),
  cel('evaluaties-op-tijd', 'noemer', 'werkbrug', '2026-02', 5),
  cel('evaluaties-op-tijd', 'teller', 'werkbrug', '2026-02', 3),
  cel('evaluaties-op-tijd', 'noemer', 'werkbrug', '2026-04', werkbrugApr),
  cel('evaluaties-op-tijd', 'teller', 'werkbrug', '2026-04', werkbrugApr),
  cel('overdrachten-binnen-termijn', 'noemer', 'ggz-b', '2026-01', 10),
  cel('overdrachten-binnen-termijn', 'teller', 'ggz-b', '2026-01', 8),
  cel('inzet-uren', 'uren', 'werkbrug', '2026-01', 18, 'jobcoaching'),
  cel('inzet-uren', 'uren', 'werkbrug', '2026-01', 20, 'schuldhulp'),
  cel('inzet-uren', 'uren', 'werkbrug', '2026-02', 3, 'jobcoaching'),
  cel('inzet-uren', 'uren', 'werkbrug', '2026-03', 12, 'jobcoaching'),
  cel('inzet-uren', 'uren', 'werkbrug', '2026-05', 6, 'jobcoaching'),
  cel('casuistiekoverleg-aanwezigheid', 'noemer', 'ggz-b', '2026-01', 6),
  cel('casuistiekoverleg-aanwezigheid', 'teller', 'ggz-b', '2026-01', 5),
  cel('casuistiekoverleg-aanwezigheid', 'noemer', 'ggz-b', '2026-02', 4),
  cel('casuistiekoverleg-aanwezigheid', 'teller', 'ggz-b', '2026-02', 4),
  cel('casuistiekoverleg-aanwezigheid', 'noemer', 'ggz-b', '2026-03', 5),
  cel('casuistiekoverleg-aanwezigheid', 'teller', 'ggz-b', '2026-03', 3),
  cel('casuistiekoverleg-aanwezigheid', 'noemer', 'ggz-b', '2026-04', 8),
  cel('casuistiekoverleg-aanwezigheid', 'teller', 'ggz-b', '2026-04', 7),
];

const kern = (r: AfspraakRegel) => [r.partner, r.soort, r.periode, r.versie, r.toezegging, r.gerealiseerd, r.signaal, r.onderdrukt, r.onvolledig, r.lopend];

describe('commitments per partner beside the figures', () => {
  const regels = vergelijkAfspraken(convenant, cellen(), { peildatum: '2026-05-15' });

  it('compares each commitment with the released figure of its partner and period (hand-computed)', () => {
    expect(regels.map(kern)).toEqual([
      // Q1: 6 + 5 released (February's 3 is suppressed and not counted): at least 11 ≥ 10.
      ['gemeente-a', 'aantal-trajecten', '2026-K1', 1, 10, 11, 'gehaald', false, true, false],
      // Q2 under version 2 (12): 7 so far, the quarter is still running.
      ['gemeente-a', 'aantal-trajecten', '2026-K2', 2, 12, 7, 'lopend', false, false, true],
      // Case meetings, Q1: only January is usable (February suppressed, March's teller suppressed): 5 of 6 = 83.3%, over part of the months.
      ['ggz-b', 'casuistiekoverleg-aanwezigheid', '2026-K1', 1, 75, 83.3, 'onbekend', false, true, false],
      // Q2: 7 of 8 = 87.5% ≥ 75%, while the quarter runs.
      ['ggz-b', 'casuistiekoverleg-aanwezigheid', '2026-K2', 2, 75, 87.5, 'gehaald', false, false, true],
      // 8 of 10 = 80.0% < 90%, the quarter has ended.
      ['ggz-b', 'overdrachten-binnen-termijn', '2026-K1', 1, 90, 80, 'onder-toezegging', false, false, false],
      // No handovers in Q2: no percentage.
      ['ggz-b', 'overdrachten-binnen-termijn', '2026-K2', 2, 90, null, 'geen-gegevens', false, false, true],
      // 9 of 10 = 90.0% over January only (February left out): cannot be judged.
      ['werkbrug', 'evaluaties-op-tijd', '2026-K1', 1, 80, 90, 'onbekend', false, true, false],
      // April's 4 of 4 is suppressed: no figure at all.
      ['werkbrug', 'evaluaties-op-tijd', '2026-K2', 2, 80, null, 'onderdrukt', true, true, true],
      // Hours of jobcoaching per month against 16: the schuldhulp hours do not count for it.
      ['werkbrug', 'uren-en-expertise', '2026-01', 1, 16, 18, 'gehaald', false, false, false],
      ['werkbrug', 'uren-en-expertise', '2026-02', 1, 16, null, 'onderdrukt', true, true, false],
      ['werkbrug', 'uren-en-expertise', '2026-03', 1, 16, 12, 'onder-toezegging', false, false, false],
      ['werkbrug', 'uren-en-expertise', '2026-04', 2, 16, 0, 'onder-toezegging', false, false, false],
      ['werkbrug', 'uren-en-expertise', '2026-05', 2, 16, 6, 'lopend', false, false, true],
    ]);
  });

  it('says in words what each signal means, and names the source indicator', () => {
    const onderdrukt = regels.find((r) => r.signaal === 'onderdrukt') as AfspraakRegel;
    expect(onderdrukt.context).toMatch(/minder dan 5/i);
    expect(regels.find((r) => r.signaal === 'onder-toezegging')?.context).toMatch(/lerend signaal/);
    expect(regels.find((r) => r.soort === 'uren-en-expertise')).toMatchObject({ indicator: 'inzet-uren', expertise: 'jobcoaching', eenheid: 'uren' });
    expect(regels.find((r) => r.soort === 'casuistiekoverleg-aanwezigheid')?.indicator).toBe('casuistiekoverleg-aanwezigheid');
    expect(regels.find((r) => r.soort === 'aantal-trajecten')?.indicator).toBe('bereik');
  });

  it('shows the same whatever a suppressed cell holds (1 to 4), so no comparison reveals it', () => {
    for (const feb of [1, 2, 3, 4])
      for (const apr of [1, 2, 3, 4]) expect(vergelijkAfspraken(convenant, cellen(feb, apr), { peildatum: '2026-05-15' })).toEqual(regels);
    for (const r of regels) if (r.gerealiseerd !== null && r.eenheid === 'aantal') expect(r.gerealiseerd === 0 || r.gerealiseerd >= 5).toBe(true);
  });

  it('narrows to the months asked for and never goes past the peildatum or the convenant', () => {
    const alleenMaart = vergelijkAfspraken(convenant, cellen(), { peildatum: '2026-05-15', vanMaand: '2026-03', totMaand: '2026-03' });
    expect(alleenMaart.filter((r) => r.soort === 'aantal-trajecten').map(kern)).toEqual([
      ['gemeente-a', 'aantal-trajecten', '2026-K1', 1, 10, 5, 'onder-toezegging', false, false, false],
    ]);
    expect(vergelijkAfspraken(convenant, cellen(), { peildatum: '2025-12-31' })).toEqual([]);
    expect(
      vergelijkAfspraken(convenant, cellen(), { peildatum: '2027-06-01' })
        .filter((r) => r.soort === 'aantal-trajecten')
        .map((r) => r.periode),
    ).toEqual(['2026-K1', '2026-K2', '2026-K3', '2026-K4']);
  });
});

describe('hours over every expertise, and units the source does not count in', () => {
  const partij = (toezeggingen: ConvenantVersie['partijen'][number]['toezeggingen']) => ({ organisatieId: 'werkbrug', toezeggingen });
  const metToezeggingen = (toezeggingen: ConvenantVersie['partijen'][number]['toezeggingen']): Convenant => ({
    ...convenant,
    versies: [{ ...versie1, einddatum: '2026-02-28', partijen: [partij(toezeggingen), { organisatieId: 'gemeente-a', toezeggingen: [] }] }],
  });
  /** Jan: jobcoaching 18 + schuldhulp 20; Feb: jobcoaching 3 (suppressed) + schuldhulp 25. */
  const uren = [
    cel('inzet-uren', 'uren', 'werkbrug', '2026-01', 18, 'jobcoaching'),
    cel('inzet-uren', 'uren', 'werkbrug', '2026-01', 20, 'schuldhulp'),
    cel('inzet-uren', 'uren', 'werkbrug', '2026-02', 3, 'jobcoaching'),
    cel('inzet-uren', 'uren', 'werkbrug', '2026-02', 25, 'schuldhulp'),
  ];

  it('sums the released hours of every expertise when the commitment names none, and says when some are suppressed', () => {
    const regels = vergelijkAfspraken(metToezeggingen([{ soort: 'uren-en-expertise', waarde: 30, eenheid: 'uren', periode: 'maand' }]), uren, {
      peildatum: '2026-06-01',
    });
    expect(regels.map(kern)).toEqual([
      // 18 + 20 = 38 ≥ 30.
      ['werkbrug', 'uren-en-expertise', '2026-01', 1, 30, 38, 'gehaald', false, false, false],
      // 25 released, the 3 hours of jobcoaching suppressed: at least 25, below 30, so it cannot be judged.
      ['werkbrug', 'uren-en-expertise', '2026-02', 1, 30, 25, 'onbekend', false, true, false],
    ]);
    for (const v of [1, 2, 4]) {
      const anders = uren.map((c) => (c.aantal === 3 ? { ...c, aantal: v } : c));
      expect(
        vergelijkAfspraken(metToezeggingen([{ soort: 'uren-en-expertise', waarde: 30, eenheid: 'uren', periode: 'maand' }]), anders, {
          peildatum: '2026-06-01',
        }),
      ).toEqual(regels);
    }
  });

  it('has no figure for a commitment in a unit its source does not count in', () => {
    const regels = vergelijkAfspraken(metToezeggingen([{ soort: 'uren-en-expertise', waarde: 50, eenheid: 'procent', periode: 'kwartaal' }]), uren, {
      peildatum: '2026-06-01',
    });
    expect(regels.map(kern)).toEqual([['werkbrug', 'uren-en-expertise', '2026-K1', 1, 50, null, 'geen-bron', false, false, false]]);
  });
});
