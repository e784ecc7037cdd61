import { besluit } from './besluit';
import { ORGANISATIE_TYPEN } from './organisatie';
import { DEMO_REGISTER } from './register.seed';
import { vrijgaveOverzicht } from './vrijgave';

const MAART = new Date('2026-03-02T09:00:00.000Z');

describe('vrijgaveOverzicht (what a recipient type may get, before consent)', () => {
  it('tells a GGZ receiver of a warm handover that everything needs consent and financial data only in part', () => {
    const o = vrijgaveOverzicht(DEMO_REGISTER, 'warme-overdracht', 'ggz', MAART);
    expect(o.activiteit).toMatchObject({ id: 'va-warme-overdracht' });
    const per = Object.fromEntries(o.categorieen.map((c) => [c.categorie, c]));
    expect(per['contact']).toMatchObject({ regime: 'toestemming', reden: 'GEEN_WETTELIJKE_GRONDSLAG' });
    expect(per['gezondheid']).toMatchObject({ regime: 'toestemming', bijzonder: true });
    expect(per['gezondheid']?.velden).toContain('behandelstatus');
    expect(per['financien-schulden']?.velden).toEqual(['bewindvoering', 'schuldhulptraject']);
    expect(per['werkervaring-cv']).toMatchObject({ regime: 'nooit', reden: 'BUITEN_RELEASEPROFIEL', velden: [] });
  });

  it('lets an uitvoerder have ordinary data on the statutory basis, but never special-category data without consent', () => {
    const per = Object.fromEntries(vrijgaveOverzicht(DEMO_REGISTER, 'warme-overdracht', 'uitvoerder', MAART).categorieen.map((c) => [c.categorie, c]));
    expect(per['contact']).toMatchObject({ regime: 'wettelijke-grondslag' });
    expect(per['gezondheid']?.regime).not.toBe('wettelijke-grondslag');
  });

  it('shows nothing for a purpose the register does not know, or a recipient type it does not foresee', () => {
    expect(vrijgaveOverzicht(DEMO_REGISTER, 'onbekend-doel', 'ggz', MAART).categorieen).toEqual([]);
    const werkgever = vrijgaveOverzicht(DEMO_REGISTER, 'warme-overdracht', 'werkgever', MAART).categorieen;
    expect(werkgever.length).toBeGreaterThan(0);
    expect(werkgever.every((c) => c.regime === 'nooit' && c.reden === 'ONTVANGER_NIET_IN_REGISTER')).toBe(true);
  });

  it('agrees with the decision function without consents: a category is statutory exactly when that decision permits it, with the same fields', () => {
    for (const doel of ['warme-overdracht', 're-integratie', 'schuldhulpverlening', 'bemiddeling-werk', 'verwijzing-ggz']) {
      for (const type of ORGANISATIE_TYPEN) {
        const overzicht = vrijgaveOverzicht(DEMO_REGISTER, doel, type, MAART);
        if (overzicht.categorieen.length === 0) continue;
        const b = besluit(
          DEMO_REGISTER,
          [],
          {
            deelnemerId: 'd-1',
            bron: { organisatie: 'gem', type: 'gemeente' },
            ontvanger: { organisatie: 'x', type },
            doel,
            categorieen: overzicht.categorieen.map((c) => c.categorie),
          },
          MAART,
        );
        for (const c of overzicht.categorieen) {
          const beslist = b.categorieen.find((x) => x.categorie === c.categorie);
          expect({ doel, type, categorie: c.categorie, toegestaan: beslist?.uitkomst === 'toegestaan' }).toEqual({
            doel,
            type,
            categorie: c.categorie,
            toegestaan: c.regime === 'wettelijke-grondslag',
          });
          if (c.regime === 'wettelijke-grondslag') expect(beslist?.velden).toEqual(c.velden);
        }
      }
    }
  });
});
