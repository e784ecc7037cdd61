import { categorieLabel, opsomming, overdrachtStatusLabel, regimeLabel, veldLabel, verwerkingLabel, weglatingRedenLabel } from './gegevens-labels';

describe('labels of handovers, consents and the processing log', () => {
  it('names categories, fields and statuses in Dutch, and makes an unknown code readable', () => {
    expect(categorieLabel('gezondheid')).toBe('Gezondheid');
    expect(veldLabel('behandelstatus')).toBe('Stand van de behandeling');
    expect(overdrachtStatusLabel('dossier-geleverd')).toBe('Dossier geleverd, wacht op antwoord');
    expect(regimeLabel('toestemming')).toBe('Alleen met toestemming van de deelnemer');
    expect(weglatingRedenLabel('NIET_NODIG_VOOR_ROL')).toBe('Niet nodig voor de rol van de ontvanger');
    expect(verwerkingLabel('raadpleging')).toBe('Gegevens ingezien');
    expect(veldLabel('nieuw-veld')).toBe('Nieuw veld');
  });

  it('lists in Dutch', () => {
    expect(opsomming([])).toBe('');
    expect(opsomming(['a'])).toBe('a');
    expect(opsomming(['a', 'b', 'c'])).toBe('a, b en c');
  });
});
