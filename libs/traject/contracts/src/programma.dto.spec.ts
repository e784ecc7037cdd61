import { programmaAanmakenSchema } from './programma.dto';

const geldig = {
  code: 'wijkaanpak',
  naam: 'Wijkaanpak',
  fasen: ['aanmelding', 'contact-leggen', 'uitvoering', 'afgesloten'],
  contact: { maxIntervalWerkdagen: 15, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 12, maxMaanden: 12, verlenging: { maanden: 3, maxAantal: 1 } },
  instrumenten: { ladderVersie: 'participatieladder-6', ladderSubtreden: false, zrmVersie: 'zrm-2017', verplichtBijMeting: [] },
};

function fouten(invoer: unknown): Record<string, string> {
  const r = programmaAanmakenSchema.safeParse(invoer);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('programme input', () => {
  it('accepts a programme that leaves the partnership defaults out, and fills in the GAS version', () => {
    const r = programmaAanmakenSchema.parse(geldig);
    expect(r.instrumenten.gasVersie).toBe('gas-5');
    expect(r.doelgroep).toEqual({});
  });

  it('explains in Dutch what is missing, unknown, of the wrong kind or too large', () => {
    const { contact: _weg, ...zonderContact } = geldig;
    expect(
      fouten({
        ...zonderContact,
        code: 'Wijk Aanpak',
        geheim: 1,
        evaluatie: { ...geldig.evaluatie, intervalMaanden: 'vaak' },
        duur: { ...geldig.duur, maxMaanden: 5000 },
        groep: { cohortGrootte: 20, startdatum: '1-3-2027' },
        naam: 'x'.repeat(121),
      }),
    ).toEqual({
      code: 'gebruik kleine letters, cijfers en streepjes, bijvoorbeeld buurt-mv',
      '': 'onbekend veld: geheim',
      contact: 'dit veld is verplicht',
      'evaluatie.intervalMaanden': 'verwacht een getal',
      'duur.maxMaanden': 'hooguit 1000',
      'groep.startdatum': 'geef een datum als JJJJ-MM-DD',
      naam: 'hooguit 120 tekens',
    });
  });
});
