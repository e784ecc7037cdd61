import { besluitUitkomst, type ToestemmingsBesluit } from './besluit';

const basis = { id: '5b1e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' };
const toestemmingId = '7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e1c0f47';

/** A decision as consent-service answers it (its contract carries more than the handover reads). */
function besluit(categorieen: readonly object[]): ToestemmingsBesluit {
  const antwoord = {
    ...basis,
    op: '2026-11-22T09:00:00.000Z',
    deelnemerId: toestemmingId,
    bron: { organisatie: 'gem', type: 'gemeente' },
    ontvanger: { organisatie: 'ggz', type: 'ggz' },
    doel: 'warme-overdracht',
    uitkomst: 'deels',
    categorieen: categorieen as ToestemmingsBesluit['categorieen'],
  };
  return antwoord;
}

describe('besluitUitkomst', () => {
  it('releases the permitted fields, names the consents relied on, and asks for consent where it can help', () => {
    const uit = besluitUitkomst(
      besluit([
        {
          categorie: 'contact',
          uitkomst: 'toegestaan',
          velden: ['naam'],
          verleendOp: ['wettelijke-grondslag'],
          wettelijk: { status: 'geen-grondslag' },
          toestemming: { status: 'geen', afgewezen: [] },
        },
        {
          categorie: 'zrm',
          uitkomst: 'toegestaan',
          velden: ['financien'],
          verleendOp: ['toestemming'],
          wettelijk: { status: 'geen-grondslag' },
          toestemming: { status: 'verleend', toestemmingen: [toestemmingId] },
        },
        {
          categorie: 'gezondheid',
          uitkomst: 'geweigerd',
          velden: [],
          verleendOp: [],
          weigerreden: 'TOESTEMMING_VEREIST',
          wettelijk: { status: 'geen-grondslag' },
          toestemming: { status: 'geen', afgewezen: [] },
        },
        {
          categorie: 'loonwaarde',
          uitkomst: 'geweigerd',
          velden: [],
          verleendOp: [],
          weigerreden: 'BUITEN_RELEASEPROFIEL',
          wettelijk: { status: 'geen-grondslag' },
          toestemming: { status: 'geen', afgewezen: [] },
        },
      ]),
    );
    expect(uit).toEqual({
      besluitId: basis.id,
      uitkomst: 'toestemming-nodig',
      vrijgaven: [
        { categorie: 'contact', velden: ['naam'] },
        { categorie: 'zrm', velden: ['financien'] },
      ],
      toestemmingen: [toestemmingId],
      ontbrekend: ['gezondheid'],
    });
  });

  it('goes ahead without the categories no consent could ever release', () => {
    const uit = besluitUitkomst(
      besluit([
        {
          categorie: 'loonwaarde',
          uitkomst: 'geweigerd',
          velden: [],
          verleendOp: [],
          weigerreden: 'BUITEN_RELEASEPROFIEL',
          wettelijk: { status: 'geen-grondslag' },
          toestemming: { status: 'geen', afgewezen: [] },
        },
      ]),
    );
    expect(uit).toMatchObject({ uitkomst: 'toegestaan', vrijgaven: [], ontbrekend: [] });
  });
});
