import type { TijdlijnGebeurtenis } from '@ketenregie/traject-contracts';
import { leesbareTijdlijn } from './tijdlijn-weergave';

const namen: Record<string, string> = { 'gemeente-dommeldal': 'Gemeente Dommeldal', 'werkbrug-dommeldal': 'Stichting Werkbrug Dommeldal' };
const naam = (id: string) => namen[id];

const coach = { doorSub: 'dev:werkbrug-dommeldal:coach', doorOrganisatie: 'werkbrug-dommeldal', doorRol: 'coach' };

describe('the timeline for people', () => {
  it('says what happened, when, by whom and what changed, newest first, without codes or ids', () => {
    const gebeurtenissen: TijdlijnGebeurtenis[] = [
      {
        nr: 1,
        datum: '2026-12-07',
        soort: 'aangemeld',
        fase: 'aanmelding',
        gegevens: {
          programma: 'fip',
          programmaVersie: 1,
          aanmeldreden: 'activering',
          regievoerderId: 'dev:gemeente-dommeldal:klantmanager',
          organisatieId: 'gemeente-dommeldal',
        },
      },
      { nr: 2, datum: '2026-12-07', soort: 'fase-gewijzigd', fase: 'contact-leggen', gegevens: { van: 'aanmelding', naar: 'contact-leggen' } },
      {
        nr: 5,
        datum: '2026-12-07',
        soort: 'contactpoging',
        fase: 'contact-leggen',
        gegevens: { kanaal: 'telefoon', uitkomst: 'geen-gehoor', belpogingen: 1, weigeringen: 0, ...coach },
      },
      {
        nr: 6,
        datum: '2026-12-08',
        soort: 'contactpoging',
        fase: 'contact-leggen',
        gegevens: { kanaal: 'telefoon', uitkomst: 'geweigerd', belpogingen: 1, weigeringen: 1, ...coach },
      },
      {
        nr: 7,
        datum: '2026-12-15',
        soort: 'termijn-verlopen',
        fase: 'contact-leggen',
        gegevens: { termijnId: 't4', termijn: 'herbenadering', vervalt: '2026-12-14' },
      },
    ];
    const lijst = leesbareTijdlijn(gebeurtenissen, new Map([[1, new Date('2026-12-07T13:05:00Z')]]), naam);
    expect(lijst.map((g) => g.titel)).toEqual([
      'Termijn verstreken: deelnemer opnieuw benaderen',
      'Contact geprobeerd telefonisch',
      'Contact geprobeerd telefonisch',
      'Nieuwe fase: Contact leggen',
      'Aangemeld voor het traject',
    ]);
    expect(lijst[1]).toEqual(
      expect.objectContaining({ datumTekst: '8 december 2026', door: 'Coach van Stichting Werkbrug Dommeldal', fase: 'Contact leggen', volgnummer: 4 }),
    );
    expect(lijst[1].details).toEqual(['Uitkomst: de deelnemer zei nee', '1 belpoging zonder gehoor tot nu toe', '1 keer nee gezegd tot nu toe']);
    // The phase the start led to is the lead's doing, not the clock's.
    expect(lijst[3].door).toBe('Regievoerder van Gemeente Dommeldal');
    expect(lijst[4]).toEqual(
      expect.objectContaining({
        vastgelegdOp: '7 december 2026, 14:05',
        door: 'Regievoerder van Gemeente Dommeldal',
        details: ['Reden van aanmelding: activering'],
      }),
    );
    expect(lijst[0].door).toBe('Ketenregie (termijnbewaking)');
    const tekst = JSON.stringify(lijst.map(({ datum: _datum, ...rest }) => rest));
    expect(tekst).not.toMatch(/dev:|werkbrug-dommeldal|gemeente-dommeldal|geen-gehoor|contact-leggen|"t4"|\d{4}-\d{2}-\d{2}/);
  });

  it('names an organisation the registry does not know without its id', () => {
    const [g] = leesbareTijdlijn(
      [{ nr: 1, datum: '2026-12-07', soort: 'pauze' as never, fase: 'uitvoering', gegevens: { doorOrganisatie: 'onbekend-x', doorRol: 'coach' } }],
      new Map(),
      naam,
    );
    expect(g.door).toBe('Coach van een andere organisatie');
  });
});
