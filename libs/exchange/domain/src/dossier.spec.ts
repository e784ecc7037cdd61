import { leveringOverzicht, stelDossierSamen } from './dossier';

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

describe('leveringOverzicht (the sender reads back what went and what stayed behind)', () => {
  const bron = {
    contact: { naam: 'J. de Vries', telefoon: '0612345678', notitie: 'intern' },
    gezondheid: { behandelstatus: 'wachtlijst' },
    'financien-schulden': { schuldenlast: 15000 },
  };

  it('names the delivered fields and every field left out, with why, but never a value', () => {
    const dossier = stelDossierSamen('ggz', bron, [
      { categorie: 'contact', velden: ['naam', 'telefoon'] },
      { categorie: 'gezondheid', velden: ['behandelstatus'] },
    ]).dossier;
    const o = leveringOverzicht('ggz', bron, dossier);
    expect(o.geleverd).toEqual([
      { categorie: 'contact', velden: ['naam', 'telefoon'] },
      { categorie: 'gezondheid', velden: ['behandelstatus'] },
    ]);
    expect(o.weggelaten).toEqual([
      { categorie: 'contact', veld: 'notitie', reden: 'NIET_VRIJGEGEVEN' },
      { categorie: 'financien-schulden', reden: 'NIET_NODIG_VOOR_ROL' },
    ]);
    expect(JSON.stringify(o)).not.toMatch(/de Vries|0612345678|15000|wachtlijst/);
  });

  it('shows everything as not released once the dossier was withdrawn (emptied)', () => {
    const o = leveringOverzicht('ggz', bron, { categorieen: {} });
    expect(o.geleverd).toEqual([]);
    expect(o.weggelaten.filter((w) => w.reden === 'NIET_VRIJGEGEVEN').map((w) => w.veld)).toEqual(['naam', 'telefoon', 'notitie', 'behandelstatus']);
  });
});
