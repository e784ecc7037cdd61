import { stelDossierSamen } from './dossier';

const bron = {
  contact: { naam: 'J. Jansen', telefoon: '0612345678', adres: 'Straat 1' },
  gezondheid: { diagnose: 'F32', behandelstatus: 'in behandeling' },
  'financien-schulden': { schuldenlast: 12000 },
  'traject-status': { fase: 'uitvoering', programma: 'fip' },
};

describe('stelDossierSamen', () => {
  it('holds only the fields the decision released for categories the role needs', () => {
    const { dossier, geleverd, weggelaten } = stelDossierSamen('ggz', bron, [
      { categorie: 'contact', velden: ['naam', 'telefoon'] },
      { categorie: 'gezondheid', velden: ['behandelstatus'] },
      { categorie: 'financien-schulden', velden: ['schuldenlast'] },
    ]);
    expect(dossier.categorieen).toEqual({ contact: { naam: 'J. Jansen', telefoon: '0612345678' }, gezondheid: { behandelstatus: 'in behandeling' } });
    expect(geleverd).toEqual(['contact', 'gezondheid']);
    expect(weggelaten).toEqual(
      expect.arrayContaining([
        { categorie: 'contact', veld: 'adres', reden: 'NIET_VRIJGEGEVEN' },
        { categorie: 'gezondheid', veld: 'diagnose', reden: 'NIET_VRIJGEGEVEN' },
        { categorie: 'financien-schulden', reden: 'NIET_NODIG_VOOR_ROL' },
        { categorie: 'traject-status', veld: 'fase', reden: 'NIET_VRIJGEGEVEN' },
      ]),
    );
    expect(JSON.stringify(weggelaten)).not.toContain('F32');
  });

  it('gives an employer no health data even when a decision would release it', () => {
    const { dossier } = stelDossierSamen('werkgever', bron, [{ categorie: 'gezondheid', velden: ['diagnose', 'behandelstatus'] }]);
    expect(dossier.categorieen).toEqual({});
  });
});
