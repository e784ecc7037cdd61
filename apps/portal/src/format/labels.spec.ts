import { formatDatum } from './datum';
import { faseLabel, leesbareGebeurtenis, taakLabel } from './labels';

describe('labels for people', () => {
  it('describes a contact attempt in Dutch, without codes', () => {
    const g = leesbareGebeurtenis('contactpoging', { kanaal: 'telefoon', uitkomst: 'geen-gehoor', belpogingen: 2, weigeringen: 0 }, formatDatum);
    expect(g).toEqual({ titel: 'Contact geprobeerd telefonisch', details: ['Uitkomst: geen gehoor', '2 belpogingen zonder gehoor tot nu toe'] });
  });

  it('never shows the ids an event carries', () => {
    const g = leesbareGebeurtenis(
      'aangemeld',
      { programma: 'activering', programmaVersie: 1, aanmeldreden: 'activering', regievoerderId: 'dev:gemeente-x:klantmanager', organisatieId: 'gemeente-x' },
      formatDatum,
    );
    expect(JSON.stringify(g)).not.toMatch(/dev:|gemeente-x/);
    expect(g.titel).toBe('Aangemeld voor het traject');
  });

  it('names phases and tasks, and turns an unknown code into a readable phrase', () => {
    expect(faseLabel('contact-leggen')).toBe('Contact leggen');
    expect(taakLabel('t1-meting')).toBe('Eindmeting (T1) afnemen');
    expect(taakLabel('iets-nieuws')).toBe('Iets nieuws');
  });

  it('shows dates inside details as Dutch dates', () => {
    expect(leesbareGebeurtenis('verlengd', { verlenging: 1, geplandeEinddatum: '2027-03-01' }, formatDatum).details).toEqual([
      'Nieuwe geplande einddatum: 1 maart 2027',
    ]);
  });
});
