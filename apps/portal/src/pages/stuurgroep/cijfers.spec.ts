import {
  afspraken,
  beweging,
  caseload,
  figuur,
  samenvatting,
  trechter,
  trend,
  type AfsprakenRapport,
  type IndicatorCel,
  type IndicatorRapport,
} from './cijfers';

const c = (indicator: IndicatorCel['indicator'], meting: string, periode: string, waarde: number | null, extra: Partial<IndicatorCel> = {}): IndicatorCel => ({
  indicator,
  meting,
  categorie: '-',
  partner: 'alle',
  periode,
  waarde,
  onderdrukt: waarde === null,
  onvolledig: waarde === null,
  ...extra,
});
const def = (code: IndicatorCel['indicator']) => ({ code, naam: code, teller: 't', noemer: 'n', periodeRegel: 'p', toelichting: 'x' });
const rapport: IndicatorRapport = {
  periode: 'kwartaal',
  peildatum: '2026-12-07',
  indicatoren: [
    {
      definitie: def('bereik'),
      cellen: [c('bereik', 'aangemeld', '2026-K3', 6), c('bereik', 'aangemeld', '2026-K4', 8, { onvolledig: true }), c('bereik', 'bereikt', '2026-K4', null)],
    },
    {
      definitie: def('zrm-verbetering'),
      cellen: [
        c('zrm-verbetering', 'aandeel', '2026-K4', 60, { categorie: 'financien' }),
        c('zrm-verbetering', 'noemer', '2026-K4', 5, { categorie: 'financien' }),
      ],
    },
    { definitie: def('caseload'), cellen: [c('caseload', 'professionals', '2026-K4', null, { categorie: '1-10' })] },
  ],
};

describe('the dashboard figures', () => {
  it('marks suppressed cells in words, incomplete counts as "ten minste", absent counts as 0', () => {
    expect(trechter(rapport, '2026-K4').map((r) => [r.label, r.figuren[0].tekst])).toEqual([
      ['Aangemeld', 'ten minste 8'],
      ['Bereikt', 'onderdrukt (minder dan 5)'],
      ['Intake', '0'],
      ['Actief', '0'],
    ]);
    expect(caseload(rapport, '2026-K4')[0].figuren[0]).toEqual({ waarde: null, tekst: 'onderdrukt (minder dan 5)', onderdrukt: true });
    expect(figuur(undefined, 'procent').tekst).toBe('geen gegevens');
  });

  it('reads ladder and ZRM movement, the trend per quarter and a summary in words', () => {
    const b = beweging(rapport, '2026-K4');
    expect(b.map((r) => [r.label, ...r.figuren.map((f) => f.tekst)])).toEqual([
      ['Participatieladder: minstens één trede hoger', 'geen gegevens', '0', '0'],
      ['ZRM Financiën', '60%', '0', '5'],
    ]);
    const t = trend(rapport);
    expect(t.map((r) => [r.label, r.figuren[0].waarde])).toEqual([
      ['3e kwartaal 2026', 6],
      ['4e kwartaal 2026', 8],
    ]);
    expect(samenvatting('Trechter', [{ label: 'Aangemeld', tekst: '8' }])).toBe('Trechter: Aangemeld 8.');
  });

  it('shows the latest period of each commitment beside its figure', () => {
    const regel: Omit<AfsprakenRapport['regels'][number], 'periode' | 'gerealiseerd' | 'lopend' | 'signaal' | 'context'> = {
      partner: 'g',
      versie: 1,
      soort: 'aantal-trajecten',
      periodeSoort: 'kwartaal',
      toezegging: 10,
      eenheid: 'aantal',
      indicator: 'bereik',
      onderdrukt: false,
      onvolledig: false,
    };
    const r: AfsprakenRapport = {
      convenantId: '00000000-0000-4000-8000-000000000001',
      peildatum: '2026-12-07',
      definities: [],
      regels: [
        { ...regel, periode: '2026-K3', gerealiseerd: 6, lopend: false, signaal: 'onder-toezegging', context: 'Onder.' },
        { ...regel, periode: '2026-K4', gerealiseerd: 8, lopend: true, signaal: 'lopend', context: 'Loopt.' },
        {
          ...regel,
          soort: 'uren-en-expertise',
          expertise: 'schuldhulp',
          eenheid: 'uren',
          periodeSoort: 'maand',
          periode: '2026-12',
          indicator: null,
          gerealiseerd: null,
          lopend: true,
          signaal: 'geen-bron',
          context: 'Geen bron.',
        },
      ],
    };
    expect(
      afspraken(r, (id) => `Org ${id}`).map((a) => [a.partner, a.toezegging, a.periode, a.toegezegd, a.gerealiseerd.tekst, a.realisatie, a.signaal]),
    ).toEqual([
      ['Org g', 'Aantal trajecten', '4e kwartaal 2026 (loopt nog)', '10 per kwartaal', '8', 80, 'Loopt nog'],
      ['Org g', 'Uren en expertise (schuldhulp)', '2026-12 (loopt nog)', '10 uur per maand', 'nog geen bron', null, 'Nog geen bron'],
    ]);
  });
});
