import { besluit, type BesluitVerzoek, type CategorieBesluit, uitkomst } from './besluit';
import { DEMO_REGISTER } from './register.seed';
import { geefToestemming, type NieuweToestemming, trekIn, vervang } from './toestemming';
import { type RegisterVersie, valideerRegister, type Verwerkingsregister } from './verwerkingsregister';

const MAART = new Date('2026-03-02T09:00:00.000Z');
const AUGUSTUS = new Date('2026-08-03T09:00:00.000Z');
const uitvoerder = { organisatie: 'org-senzer', type: 'uitvoerder' } as const;
const gemeente = { organisatie: 'org-gemeente-helmond', type: 'gemeente' } as const;
const ggz = { organisatie: 'org-ggz-oost', type: 'ggz' } as const;
const werkgever = { organisatie: 'org-bakkerij', type: 'werkgever' } as const;

function verzoek(overrides: Partial<BesluitVerzoek>): BesluitVerzoek {
  return { deelnemerId: 'd-1', bron: gemeente, ontvanger: uitvoerder, doel: 're-integratie', categorieen: ['zrm'], ...overrides };
}

function toestemming(overrides: Partial<NieuweToestemming>, op = MAART) {
  return geefToestemming(
    {
      id: 't-1',
      deelnemerId: 'd-1',
      verlener: { soort: 'deelnemer' },
      doel: 'verwijzing-ggz',
      categorieen: ['contact', 'gezondheid', 'financien-schulden'],
      bronnen: [{ soort: 'type', type: 'gemeente' }],
      ontvangers: [{ soort: 'type', type: 'ggz' }],
      geldigTot: new Date('2027-03-02T00:00:00.000Z'),
      bewijs: { soort: 'ondertekend-formulier', documentId: 'doc-1' },
      vastgelegdDoor: 'mw-1',
      ...overrides,
    },
    op,
  );
}

function categorie(uit: { categorieen: readonly CategorieBesluit[] }, naam: string): CategorieBesluit {
  const gevonden = uit.categorieen.find((c) => c.categorie === naam);
  if (!gevonden) throw new Error(`no decision for ${naam}`);
  return gevonden;
}

describe('the demo register', () => {
  it('satisfies the invariants the decision function relies on', () => {
    expect(valideerRegister(DEMO_REGISTER)).toEqual([]);
  });
});

describe('besluit (decision function)', () => {
  it('permits ordinary data to a contracted uitvoerder on the statutory basis, without consent', () => {
    const uit = besluit(DEMO_REGISTER, [], verzoek({ categorieen: ['zrm', 'contact'] }), MAART);
    expect(uitkomst(uit)).toBe('toegestaan');
    expect(uit.activiteit).toEqual({ id: 'va-re-integratie', versie: 1 });
    const zrm = categorie(uit, 'zrm');
    expect(zrm.verleendOp).toEqual(['wettelijke-grondslag']);
    expect(zrm.wettelijk).toMatchObject({ status: 'grondslag', grondslag: { avg: 'art6-1-e-publieke-taak' } });
    expect(zrm.toestemming).toEqual({ status: 'geen', afgewezen: [] });
  });

  it('denies health data to GGZ without consent, and permits it with explicit consent', () => {
    const zonder = besluit(DEMO_REGISTER, [], verzoek({ ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] }), MAART);
    expect(categorie(zonder, 'gezondheid')).toMatchObject({ uitkomst: 'geweigerd', weigerreden: 'GEEN_GRONDSLAG_OF_TOESTEMMING', velden: [] });

    const met = besluit(DEMO_REGISTER, [toestemming({})], verzoek({ ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] }), MAART);
    expect(categorie(met, 'gezondheid')).toMatchObject({
      uitkomst: 'toegestaan',
      verleendOp: ['toestemming'],
      toestemming: { status: 'verleend', toestemmingen: ['t-1'] },
    });
    expect(categorie(met, 'gezondheid').velden).toContain('diagnose');
  });

  it('gives GGZ only the consented financial fields, never the debt amounts', () => {
    const uit = besluit(DEMO_REGISTER, [toestemming({})], verzoek({ ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['financien-schulden'] }), MAART);
    expect(categorie(uit, 'financien-schulden')).toMatchObject({ uitkomst: 'toegestaan', velden: ['bewindvoering', 'schuldhulptraject'] });
  });

  it('tells the gemeente whether treatment runs, never the diagnosis', () => {
    const t = toestemming({ ontvangers: [{ soort: 'type', type: 'gemeente' }], bronnen: [{ soort: 'type', type: 'ggz' }] });
    const uit = besluit(DEMO_REGISTER, [t], verzoek({ bron: ggz, ontvanger: gemeente, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] }), MAART);
    expect(categorie(uit, 'gezondheid')).toMatchObject({ uitkomst: 'toegestaan', velden: ['behandelstatus'] });
  });

  it('never gives special-category data on a statutory basis alone', () => {
    const versie = DEMO_REGISTER.versies[0] as RegisterVersie;
    const metWettelijkeGezondheid: Verwerkingsregister = {
      versies: [
        {
          ...versie,
          activiteiten: versie.activiteiten.map((a) =>
            a.id === 'va-warme-overdracht'
              ? {
                  ...a,
                  ontvangers: a.ontvangers.map((o) =>
                    o.type === 'uitvoerder' && o.wettelijk
                      ? { ...o, wettelijk: { ...o.wettelijk, categorieen: [...o.wettelijk.categorieen, 'gezondheid' as const] } }
                      : o,
                  ),
                }
              : a,
          ),
        },
      ],
    };
    const uit = besluit(metWettelijkeGezondheid, [], verzoek({ doel: 'warme-overdracht', categorieen: ['gezondheid'] }), MAART);
    expect(categorie(uit, 'gezondheid')).toMatchObject({
      uitkomst: 'geweigerd',
      weigerreden: 'TOESTEMMING_VEREIST',
      wettelijk: { status: 'onvoldoende', reden: 'BIJZONDER_GEGEVEN' },
    });
  });

  it('lets the release profile cap a consent: a werkgever never receives health data', () => {
    const versie = DEMO_REGISTER.versies[1] as RegisterVersie;
    const ruimRegister: Verwerkingsregister = {
      versies: [
        {
          ...versie,
          activiteiten: versie.activiteiten.map((a) => (a.id === 'va-bemiddeling-werk' ? { ...a, categorieen: [...a.categorieen, 'gezondheid' as const] } : a)),
        },
      ],
    };
    const t = toestemming(
      {
        doel: 'bemiddeling-werk',
        categorieen: ['gezondheid', 'beperkingen-werk'],
        ontvangers: [{ soort: 'type', type: 'werkgever' }],
      },
      AUGUSTUS,
    );
    const uit = besluit(
      ruimRegister,
      [t],
      verzoek({ ontvanger: werkgever, doel: 'bemiddeling-werk', categorieen: ['gezondheid', 'beperkingen-werk'] }),
      AUGUSTUS,
    );
    expect(categorie(uit, 'gezondheid')).toMatchObject({
      uitkomst: 'geweigerd',
      weigerreden: 'BUITEN_RELEASEPROFIEL',
      toestemming: { status: 'verleend', toestemmingen: ['t-1'] },
    });
    expect(categorie(uit, 'beperkingen-werk')).toMatchObject({ uitkomst: 'toegestaan', velden: ['belastbaarheid-uren', 'aanpassingen-werkplek'] });
    expect(uitkomst(uit)).toBe('deels');
  });

  it('applies the register version in force at the instant of the decision', () => {
    const t = toestemming({ doel: 'bemiddeling-werk', categorieen: ['beperkingen-werk'], ontvangers: [{ soort: 'type', type: 'werkgever' }] });
    const request = verzoek({ ontvanger: werkgever, doel: 'bemiddeling-werk', categorieen: ['beperkingen-werk'] });
    const voor = besluit(DEMO_REGISTER, [t], request, MAART);
    expect(voor).toMatchObject({ registerVersie: 1, activiteit: { id: 'va-bemiddeling-werk', versie: 1 } });
    expect(categorie(voor, 'beperkingen-werk').weigerreden).toBe('CATEGORIE_NIET_IN_REGISTER');
    const na = besluit(DEMO_REGISTER, [t], request, AUGUSTUS);
    expect(na).toMatchObject({ registerVersie: 2, activiteit: { id: 'va-bemiddeling-werk', versie: 2 } });
    expect(categorie(na, 'beperkingen-werk').uitkomst).toBe('toegestaan');
  });

  it('gives loonwaarde to the employer on the loonkostensubsidie basis', () => {
    const uit = besluit(DEMO_REGISTER, [], verzoek({ ontvanger: werkgever, doel: 'bemiddeling-werk', categorieen: ['loonwaarde', 'contact'] }), MAART);
    expect(categorie(uit, 'loonwaarde')).toMatchObject({ uitkomst: 'toegestaan', wettelijk: { grondslag: { wet: expect.stringContaining('10d') } } });
    expect(categorie(uit, 'contact')).toMatchObject({ uitkomst: 'geweigerd', weigerreden: 'GEEN_GRONDSLAG_OF_TOESTEMMING' });
  });

  it('gives the schuldhulp organisation debts on the Wgs basis from register version 2 on, the traject only with consent', () => {
    const schuldhulp = { organisatie: 'org-kredietbank', type: 'schuldhulp' } as const;
    const request = verzoek({ ontvanger: schuldhulp, doel: 'schuldhulpverlening', categorieen: ['financien-schulden', 'traject-status'] });
    expect(categorie(besluit(DEMO_REGISTER, [], request, MAART), 'financien-schulden').weigerreden).toBe('DOEL_NIET_IN_REGISTER');
    const uit = besluit(DEMO_REGISTER, [], request, AUGUSTUS);
    expect(categorie(uit, 'financien-schulden')).toMatchObject({
      uitkomst: 'toegestaan',
      wettelijk: { grondslag: { wet: expect.stringContaining('schuldhulpverlening') } },
    });
    expect(categorie(uit, 'traject-status')).toMatchObject({ uitkomst: 'geweigerd', weigerreden: 'GEEN_GRONDSLAG_OF_TOESTEMMING' });
  });

  it('denies purposes outside the register, recipients it does not foresee, and anything before the first version', () => {
    expect(categorie(besluit(DEMO_REGISTER, [], verzoek({ doel: 'marketing' }), MAART), 'zrm').weigerreden).toBe('DOEL_NIET_IN_REGISTER');
    expect(categorie(besluit(DEMO_REGISTER, [], verzoek({ ontvanger: werkgever }), MAART), 'zrm').weigerreden).toBe('ONTVANGER_NIET_IN_REGISTER');
    const uit = besluit(DEMO_REGISTER, [], verzoek({}), new Date('2025-12-31T23:59:59.999Z'));
    expect(uit.registerVersie).toBeUndefined();
    expect(categorie(uit, 'zrm').weigerreden).toBe('GEEN_REGISTER');
  });

  it('stops permitting from the very instant of withdrawal, and keeps earlier decisions as they were', () => {
    const t = toestemming({});
    const ingetrokkenOp = new Date('2026-04-01T12:00:00.000Z');
    const ingetrokken = trekIn(t, ingetrokkenOp, 'mw-1', 'deelnemer wil het niet meer');
    const request = verzoek({ ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] });
    expect(categorie(besluit(DEMO_REGISTER, [ingetrokken], request, new Date(ingetrokkenOp.getTime() - 1)), 'gezondheid').uitkomst).toBe('toegestaan');
    const na = besluit(DEMO_REGISTER, [ingetrokken], request, ingetrokkenOp);
    expect(categorie(na, 'gezondheid')).toMatchObject({
      uitkomst: 'geweigerd',
      toestemming: { status: 'geen', afgewezen: [{ toestemmingId: 't-1', reden: 'INGETROKKEN' }] },
    });
  });

  it('treats the end of validity as exclusive', () => {
    const t = toestemming({ geldigTot: new Date('2026-04-01T00:00:00.000Z') });
    const request = verzoek({ ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['contact'] });
    expect(uitkomst(besluit(DEMO_REGISTER, [t], request, new Date('2026-03-31T23:59:59.999Z')))).toBe('toegestaan');
    expect(categorie(besluit(DEMO_REGISTER, [t], request, new Date('2026-04-01T00:00:00.000Z')), 'contact').toestemming).toEqual({
      status: 'geen',
      afgewezen: [{ toestemmingId: 't-1', reden: 'VERLOPEN' }],
    });
  });

  it('uses the superseding consent from the instant of supersession', () => {
    const oud = toestemming({});
    const { oud: vervangen, nieuw } = vervang(
      oud,
      {
        id: 't-2',
        deelnemerId: 'd-1',
        verlener: { soort: 'deelnemer' },
        doel: 'verwijzing-ggz',
        categorieen: ['contact'],
        bronnen: [{ soort: 'type', type: 'gemeente' }],
        ontvangers: [{ soort: 'type', type: 'ggz' }],
        geldigTot: new Date('2027-01-01T00:00:00.000Z'),
        bewijs: { soort: 'digitaal-ondertekend', ondertekeningId: 'sig-9' },
        vastgelegdDoor: 'mw-2',
      },
      new Date('2026-05-01T00:00:00.000Z'),
    );
    const request = verzoek({ ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['contact', 'gezondheid'] });
    const na = besluit(DEMO_REGISTER, [vervangen, nieuw], request, new Date('2026-05-02T00:00:00.000Z'));
    expect(categorie(na, 'contact')).toMatchObject({ uitkomst: 'toegestaan', toestemming: { toestemmingen: ['t-2'] } });
    expect(categorie(na, 'gezondheid')).toMatchObject({ uitkomst: 'geweigerd' });
    expect(nieuw.vervangt).toBe('t-1');
  });

  it('honours a consent naming one organisation only for that organisation', () => {
    const t = toestemming({ ontvangers: [{ soort: 'organisatie', organisatie: 'org-ggz-oost' }] });
    const request = verzoek({ doel: 'verwijzing-ggz', categorieen: ['gezondheid'] });
    expect(uitkomst(besluit(DEMO_REGISTER, [t], { ...request, ontvanger: ggz }, MAART))).toBe('toegestaan');
    const ander = besluit(DEMO_REGISTER, [t], { ...request, ontvanger: { organisatie: 'org-ggz-west', type: 'ggz' } }, MAART);
    expect(categorie(ander, 'gezondheid').toestemming).toEqual({
      status: 'geen',
      afgewezen: [{ toestemmingId: 't-1', reden: 'ANDERE_ONTVANGER' }],
    });
  });

  it('ignores consents of other deelnemers and reports each category once', () => {
    const vanAnder = toestemming({ deelnemerId: 'd-2' });
    const uit = besluit(DEMO_REGISTER, [vanAnder], verzoek({ ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['gezondheid', 'gezondheid'] }), MAART);
    expect(uit.categorieen).toHaveLength(1);
    expect(categorie(uit, 'gezondheid').toestemming).toEqual({ status: 'geen', afgewezen: [] });
  });

  it('accepts a bewindvoerder for financial data only', () => {
    const bewindvoerder = { soort: 'wettelijk-vertegenwoordiger', hoedanigheid: 'bewindvoerder', vertegenwoordiger: 'p-7' } as const;
    expect(() => toestemming({ verlener: bewindvoerder })).toThrow(expect.objectContaining({ code: 'CONSENT.GRANTOR_NOT_COMPETENT' }));
    const t = toestemming({ verlener: bewindvoerder, categorieen: ['financien-schulden'] });
    const uit = besluit(DEMO_REGISTER, [t], verzoek({ ontvanger: ggz, doel: 'verwijzing-ggz', categorieen: ['financien-schulden'] }), MAART);
    expect(uitkomst(uit)).toBe('toegestaan');
  });
});
