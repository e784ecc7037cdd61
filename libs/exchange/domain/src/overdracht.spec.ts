import {
  aanZet,
  dossierLeesbaar,
  EINDSTATUSSEN,
  isEindstatus,
  NIEUWE_OVERDRACHT,
  type OverdrachtStap,
  type OverdrachtToestand,
  stapToegestaan,
  volgendeToestand,
} from './overdracht';

const doorloop = (stappen: OverdrachtStap[], van: OverdrachtToestand = NIEUWE_OVERDRACHT) => stappen.reduce(volgendeToestand, van);

const geleverd: OverdrachtStap[] = [
  { soort: 'besluit', uitkomst: 'toegestaan' },
  { soort: 'dossier-geleverd', op: '2027-01-04' },
];

describe('overdracht state machine', () => {
  it('walks the warm path to the lead transfer', () => {
    const t = doorloop([
      ...geleverd,
      { soort: 'acceptatie', door: 'ggz-behandelaar-1', op: '2027-01-05' },
      { soort: 'driegesprek-gepland', datum: '2027-01-12' },
      { soort: 'driegesprek-gehouden', op: '2027-01-12' },
      { soort: 'nazorg-gestart' },
      { soort: 'nazorg-checkin', op: '2027-01-26' },
      { soort: 'nazorg-checkin', op: '2027-02-23' },
      { soort: 'regie-overgedragen', op: '2027-02-23' },
    ]);
    expect(t).toMatchObject({ status: 'regie-overgedragen', acceptatie: { door: 'ggz-behandelaar-1' }, checkins: ['2027-01-26', '2027-02-23'] });
    expect(dossierLeesbaar(t.status)).toBe(true);
  });

  it('waits for consent when the decision lacks it, and ends when it is refused', () => {
    const nodig = doorloop([{ soort: 'besluit', uitkomst: 'toestemming-nodig' }]);
    expect(nodig.status).toBe('toestemming-nodig');
    expect(aanZet(nodig.status)).toBe('zender');
    const gevraagd = volgendeToestand(nodig, { soort: 'toestemming-gevraagd' });
    expect(volgendeToestand(gevraagd, { soort: 'besluit', uitkomst: 'toestemming-nodig' }).status).toBe('toestemming-gevraagd');
    expect(volgendeToestand(gevraagd, { soort: 'dossier-geleverd', op: '2027-01-04' }).status).toBe('dossier-geleverd');
    expect(volgendeToestand(gevraagd, { soort: 'toestemming-geweigerd' }).status).toBe('toestemming-geweigerd');
    expect(dossierLeesbaar('toestemming-nodig')).toBe(false);
  });

  it('ends at once when the decision releases nothing, before anything was delivered', () => {
    const niets = doorloop([{ soort: 'niets-vrijgegeven' }]);
    expect(niets.status).toBe('niets-vrijgegeven');
    expect(isEindstatus(niets.status)).toBe(true);
    expect(aanZet(niets.status)).toBe('niemand');
    expect(dossierLeesbaar(niets.status)).toBe(false);
    const gevraagd = doorloop([{ soort: 'besluit', uitkomst: 'toestemming-nodig' }, { soort: 'toestemming-gevraagd' }]);
    expect(volgendeToestand(gevraagd, { soort: 'niets-vrijgegeven' }).status).toBe('niets-vrijgegeven');
    expect(() => volgendeToestand(doorloop(geleverd), { soort: 'niets-vrijgegeven' })).toThrow();
  });

  it('returns a first rejection with advice to the sender and ends at the second', () => {
    const eerste = doorloop([...geleverd, { soort: 'afwijzing', reden: 'geen-capaciteit', advies: 'Probeer wijkteam Noord', op: '2027-01-05' }]);
    expect(eerste.status).toBe('afgewezen');
    expect(dossierLeesbaar(eerste.status)).toBe(false);
    expect(eerste.afwijzingen[0]).toEqual({ reden: 'geen-capaciteit', advies: 'Probeer wijkteam Noord', op: '2027-01-05' });
    const tweede = doorloop(
      [{ soort: 'opnieuw-aanbieden' }, ...geleverd, { soort: 'afwijzing', reden: 'buiten-doelgroep', advies: 'GGZ', op: '2027-01-08' }],
      eerste,
    );
    expect(tweede.status).toBe('tweemaal-afgewezen');
    expect(tweede.afwijzingen).toHaveLength(2);
  });

  it('plans the driegesprek again after a no-show without ending the handover', () => {
    const t = doorloop([
      ...geleverd,
      { soort: 'acceptatie', door: 'x', op: '2027-01-05' },
      { soort: 'driegesprek-gepland', datum: '2027-01-12' },
      { soort: 'driegesprek-no-show', wie: 'deelnemer' },
    ]);
    expect(t).toMatchObject({ status: 'geaccepteerd', noShows: 1, driegesprek: undefined });
    expect(volgendeToestand(t, { soort: 'driegesprek-gepland', datum: '2027-01-19' }).status).toBe('driegesprek-gepland');
  });

  it('stops at once on a withdrawal, an expiry or a cancellation from any running state, each in its own end state', () => {
    for (const stappen of [[], geleverd, [...geleverd, { soort: 'acceptatie', door: 'x', op: '2027-01-05' } as OverdrachtStap]]) {
      expect(doorloop([...stappen, { soort: 'toestemming-ingetrokken' }]).status).toBe('toestemming-ingetrokken');
      expect(doorloop([...stappen, { soort: 'toestemming-verlopen' }]).status).toBe('toestemming-verlopen');
      expect(doorloop([...stappen, { soort: 'geannuleerd' }]).status).toBe('geannuleerd');
    }
  });

  it('refuses every step in an end state and steps out of order', () => {
    for (const status of EINDSTATUSSEN) {
      const t: OverdrachtToestand = { ...NIEUWE_OVERDRACHT, status };
      expect(() => volgendeToestand(t, { soort: 'geannuleerd' })).toThrow(
        expect.objectContaining({ code: 'EXCHANGE.OVERGANG_ONGELDIG', kind: 'precondition' }),
      );
    }
    expect(stapToegestaan(NIEUWE_OVERDRACHT, { soort: 'acceptatie', door: 'x', op: '2027-01-05' })).toBe(false);
    expect(stapToegestaan(doorloop(geleverd), { soort: 'ontvanger-onbereikbaar' })).toBe(true);
    expect(stapToegestaan(doorloop([...geleverd, { soort: 'acceptatie', door: 'x', op: '2027-01-05' }]), { soort: 'ontvanger-onbereikbaar' })).toBe(false);
  });
});
