import fc from 'fast-check';
import { besluit, type Besluit, type BesluitVerzoek } from './besluit';
import { DATA_CATEGORIEEN, type DataCategorie, isBijzonderGegeven } from './data-categorie';
import { type Organisatie, ORGANISATIE_TYPEN, type OrganisatieSelector } from './organisatie';
import { DEMO_REGISTER } from './register.seed';
import { type Hoedanigheid, type Toestemming, type ToestemmingGebeurtenis, type Verlener } from './toestemming';
import { type RegisterVersie, type Verwerkingsactiviteit, type Verwerkingsregister } from './verwerkingsregister';

// A small universe so that random consents and requests collide often.
const DOELEN = ['re-integratie', 'warme-overdracht', 'verwijzing-ggz', 'bemiddeling-werk', 'schuldhulpverlening'];
const DEELNEMERS = ['d-1', 'd-2'];
const ORGANISATIES: readonly Organisatie[] = [
  { organisatie: 'org-gemeente', type: 'gemeente' },
  { organisatie: 'org-senzer', type: 'uitvoerder' },
  { organisatie: 'org-levgroep', type: 'wijkteam' },
  { organisatie: 'org-ggz-oost', type: 'ggz' },
  { organisatie: 'org-ggz-west', type: 'ggz' },
  { organisatie: 'org-bakkerij', type: 'werkgever' },
];
const BASIS = Date.UTC(2026, 0, 1);
const DAG = 86_400_000;
const HORIZON = 400 * DAG;

const tijdstip = fc.integer({ min: BASIS - 10 * DAG, max: BASIS + HORIZON }).map((t) => new Date(t));
const categorieen = fc.subarray([...DATA_CATEGORIEEN], { minLength: 1 });
const organisatie = fc.constantFrom(...ORGANISATIES);
const selector: fc.Arbitrary<OrganisatieSelector> = fc.oneof(
  organisatie.map((o) => ({ soort: 'organisatie' as const, organisatie: o.organisatie })),
  fc.constantFrom(...ORGANISATIE_TYPEN).map((type) => ({ soort: 'type' as const, type })),
);
const grondslag = { avg: 'art6-1-e-publieke-taak' as const, wet: 'Participatiewet art. 7' };

const activiteit = (doel: string, index: number): fc.Arbitrary<Verwerkingsactiviteit> =>
  fc
    .record({
      categorieen,
      ontvangers: fc.uniqueArray(fc.record({ type: fc.constantFrom(...ORGANISATIE_TYPEN), wettelijk: fc.option(categorieen, { nil: undefined }) }), {
        selector: (o) => o.type,
        maxLength: 5,
      }),
    })
    .map(({ categorieen: cats, ontvangers }) => ({
      id: `va-${index}`,
      versie: 1,
      naam: doel,
      doel,
      doelomschrijving: doel,
      verwerkingsverantwoordelijken: ['gemeente'],
      art9: ['art9-2-a-uitdrukkelijke-toestemming'],
      categorieen: cats,
      // Statutory grants may even name special categories or categories outside the activity:
      // the decision function must stay safe on a careless register.
      ontvangers: ontvangers.map((o) => (o.wettelijk ? { type: o.type, wettelijk: { grondslag, categorieen: o.wettelijk } } : { type: o.type })),
      bewaartermijn: { jaren: 5, vanaf: 'einde-traject' },
    }));

const registerVersie = (versie: number, geldigVanaf: number): fc.Arbitrary<RegisterVersie> =>
  fc
    .record({
      activiteiten: fc.subarray(DOELEN, { minLength: 1 }).chain((doelen) => fc.tuple(...doelen.map((doel, i) => activiteit(doel, i)))),
      releaseProfielen: fc.uniqueArray(
        fc.record({
          ontvangerType: fc.constantFrom(...ORGANISATIE_TYPEN),
          regels: fc.uniqueArray(
            fc.record({
              categorie: fc.constantFrom(...DATA_CATEGORIEEN),
              velden: fc.constant('alle' as const),
              voorwaarde: fc.constantFrom('grondslag-of-toestemming' as const, 'alleen-met-toestemming' as const),
            }),
            { selector: (r) => r.categorie },
          ),
        }),
        { selector: (p) => p.ontvangerType },
      ),
    })
    .map((v) => ({ versie, geldigVanaf: new Date(geldigVanaf), ...v }));

const register: fc.Arbitrary<Verwerkingsregister> = fc.oneof(
  fc.constant(DEMO_REGISTER),
  registerVersie(1, BASIS).map((v) => ({ versies: [v] })),
  fc.tuple(registerVersie(1, BASIS), registerVersie(2, BASIS + 180 * DAG)).map(([a, b]) => ({ versies: [a, b] })),
);

const verlener: fc.Arbitrary<Verlener> = fc.oneof(
  fc.constant({ soort: 'deelnemer' as const }),
  fc.constantFrom<Hoedanigheid>('curator', 'mentor', 'bewindvoerder', 'gezaghebbende-ouder', 'voogd').map((hoedanigheid) => ({
    soort: 'wettelijk-vertegenwoordiger' as const,
    hoedanigheid,
    vertegenwoordiger: 'p-1',
  })),
);

const verzoek: fc.Arbitrary<BesluitVerzoek> = fc.record({
  deelnemerId: fc.constantFrom(...DEELNEMERS),
  bron: organisatie,
  ontvanger: organisatie,
  doel: fc.constantFrom(...DOELEN, 'marketing'),
  categorieen,
});

/** Mostly the request's value, sometimes any value, so that consents often (not always) match a request. */
const meestal = <T>(waarde: T, anders: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constant(waarde), weight: 3 }, { arbitrary: anders, weight: 1 });

const selectorVoor = (o: Organisatie): fc.Arbitrary<OrganisatieSelector> =>
  fc.constantFrom<OrganisatieSelector>({ soort: 'organisatie', organisatie: o.organisatie }, { soort: 'type', type: o.type });

/** A consent with an arbitrary (time-ordered) history: given, then possibly withdrawn, superseded or expired. */
const toestemming = (id: string, v: BesluitVerzoek): fc.Arbitrary<Toestemming> =>
  fc
    .record({
      deelnemerId: meestal(v.deelnemerId, fc.constantFrom(...DEELNEMERS)),
      verlener,
      doel: meestal(v.doel, fc.constantFrom(...DOELEN)),
      categorieen: meestal(v.categorieen, categorieen),
      bronnen: fc
        .array(meestal(null, selector), { minLength: 1, maxLength: 3 })
        .chain((s) => fc.tuple(...s.map((x) => (x === null ? selectorVoor(v.bron) : fc.constant(x))))),
      ontvangers: fc
        .array(meestal(null, selector), { minLength: 1, maxLength: 3 })
        .chain((s) => fc.tuple(...s.map((x) => (x === null ? selectorVoor(v.ontvanger) : fc.constant(x))))),
      gegevenOp: fc.integer({ min: BASIS - 10 * DAG, max: BASIS + HORIZON }),
      startNa: fc.integer({ min: 0, max: 30 * DAG }),
      duur: fc.integer({ min: 1, max: 300 * DAG }),
      einde: fc.option(
        fc.record({ soort: fc.constantFrom('ingetrokken' as const, 'vervangen' as const, 'verlopen' as const), na: fc.integer({ min: 0, max: 300 * DAG }) }),
        { nil: undefined },
      ),
    })
    .map((r) => {
      const gegevenOp = new Date(r.gegevenOp);
      const geldigVanaf = new Date(r.gegevenOp + r.startNa);
      const geldigTot = new Date(geldigVanaf.getTime() + r.duur);
      const historie: ToestemmingGebeurtenis[] = [{ status: 'gegeven', op: gegevenOp, door: 'mw' }];
      if (r.einde) {
        const op = new Date(r.gegevenOp + r.einde.na);
        if (r.einde.soort === 'ingetrokken') historie.push({ status: 'ingetrokken', op, door: 'mw' });
        else if (r.einde.soort === 'vervangen') historie.push({ status: 'vervangen', op, door: 'mw', vervangenDoor: 'x' });
        else historie.push({ status: 'verlopen', op: new Date(Math.max(op.getTime(), geldigTot.getTime())) });
      }
      return {
        id,
        deelnemerId: r.deelnemerId,
        verlener: r.verlener,
        doel: r.doel,
        categorieen: r.categorieen,
        bronnen: r.bronnen,
        ontvangers: r.ontvangers,
        geldigVanaf,
        geldigTot,
        bewijs: { soort: 'ondertekend-formulier' as const, documentId: 'doc' },
        historie,
      };
    });

const toestemmingen = (v: BesluitVerzoek): fc.Arbitrary<readonly Toestemming[]> =>
  fc
    .integer({ min: 0, max: 6 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => toestemming(`t-${i}`, v))).map((ts): readonly Toestemming[] => ts));

const scenario = fc
  .tuple(register, verzoek, tijdstip)
  .chain(([reg, v, op]) => toestemmingen(v).map((ts) => ({ register: reg, toestemmingen: ts, verzoek: v, op })));

// ---- An independent statement of the rules (the oracle), written without the domain helpers ----

function versieOp(reg: Verwerkingsregister, op: Date): RegisterVersie | undefined {
  return [...reg.versies].filter((v) => v.geldigVanaf <= op).sort((a, b) => b.versie - a.versie)[0];
}

function selects(s: OrganisatieSelector, o: Organisatie): boolean {
  return s.soort === 'organisatie' ? s.organisatie === o.organisatie : s.type === o.type;
}

function competent(v: Verlener, c: DataCategorie): boolean {
  if (v.soort === 'deelnemer') return true;
  const financieel = c === 'financien-schulden' || c === 'uitkering';
  if (v.hoedanigheid === 'bewindvoerder') return financieel;
  if (v.hoedanigheid === 'mentor') return !financieel;
  return true;
}

/** A consent that is valid, unwithdrawn, unsuperseded and unexpired at `op` and covers exactly this request and category. */
function geldigeDekkendeToestemming(t: Toestemming, v: BesluitVerzoek, c: DataCategorie, op: Date): boolean {
  const at = op.getTime();
  const events = t.historie.filter((e) => e.op.getTime() <= at);
  return (
    t.deelnemerId === v.deelnemerId &&
    t.doel === v.doel &&
    t.categorieen.includes(c) &&
    t.ontvangers.some((s) => selects(s, v.ontvanger)) &&
    t.bronnen.some((s) => selects(s, v.bron)) &&
    competent(t.verlener, c) &&
    events.some((e) => e.status === 'gegeven') &&
    !events.some((e) => e.status !== 'gegeven') &&
    t.geldigVanaf.getTime() <= at &&
    at < t.geldigTot.getTime()
  );
}

function profielRegel(reg: Verwerkingsregister, v: BesluitVerzoek, c: DataCategorie, op: Date) {
  return versieOp(reg, op)
    ?.releaseProfielen.find((p) => p.ontvangerType === v.ontvanger.type)
    ?.regels.find((r) => r.categorie === c);
}

function statutoryBasis(reg: Verwerkingsregister, v: BesluitVerzoek, c: DataCategorie, op: Date): boolean {
  const act = versieOp(reg, op)?.activiteiten.find((a) => a.doel === v.doel);
  const ontvanger = act?.ontvangers.find((o) => o.type === v.ontvanger.type);
  return !!act && act.categorieen.includes(c) && !!ontvanger?.wettelijk?.categorieen.includes(c);
}

function registerForesees(reg: Verwerkingsregister, v: BesluitVerzoek, c: DataCategorie, op: Date): boolean {
  const act = versieOp(reg, op)?.activiteiten.find((a) => a.doel === v.doel);
  return !!act && act.categorieen.includes(c) && act.ontvangers.some((o) => o.type === v.ontvanger.type);
}

function permitted(b: Besluit): DataCategorie[] {
  return b.categorieen.filter((c) => c.uitkomst === 'toegestaan').map((c) => c.categorie);
}

const RUNS = { numRuns: 1500 };

describe('besluit: properties', () => {
  it('are exercised on scenarios that permit on either regime', () => {
    const uitkomsten = fc
      .sample(scenario, { numRuns: 2000, seed: 42 })
      .flatMap(({ register: reg, toestemmingen: ts, verzoek: v, op }) => besluit(reg, ts, v, op).categorieen);
    expect(uitkomsten.filter((c) => c.verleendOp.includes('toestemming')).length).toBeGreaterThan(20);
    expect(uitkomsten.filter((c) => c.verleendOp.includes('wettelijke-grondslag')).length).toBeGreaterThan(20);
    expect(uitkomsten.filter((c) => c.toestemming.status === 'geen' && c.toestemming.afgewezen.some((a) => a.reden === 'INGETROKKEN')).length).toBeGreaterThan(
      20,
    );
  });

  it('never permits a category without a statutory basis in the register or a valid consent covering purpose, recipient and category', () => {
    fc.assert(
      fc.property(scenario, ({ register: reg, toestemmingen: ts, verzoek: v, op }) => {
        for (const c of permitted(besluit(reg, ts, v, op))) {
          const wettelijk = statutoryBasis(reg, v, c, op) && !isBijzonderGegeven(c);
          const toestemming = ts.some((t) => geldigeDekkendeToestemming(t, v, c, op));
          expect(wettelijk || toestemming).toBe(true);
          expect(registerForesees(reg, v, c, op)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never permits special-category data on a statutory basis alone', () => {
    fc.assert(
      fc.property(scenario, ({ register: reg, toestemmingen: ts, verzoek: v, op }) => {
        for (const c of besluit(reg, ts, v, op).categorieen) {
          if (!isBijzonderGegeven(c.categorie)) continue;
          expect(c.wettelijk.status).not.toBe('grondslag');
          expect(c.verleendOp).not.toContain('wettelijke-grondslag');
          if (c.uitkomst === 'toegestaan') {
            expect(c.verleendOp).toEqual(['toestemming']);
            expect(ts.some((t) => geldigeDekkendeToestemming(t, v, c.categorie, op))).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('lets the release profile cap everything: outside it nothing is permitted, inside it only its fields', () => {
    fc.assert(
      fc.property(scenario, ({ register: reg, toestemmingen: ts, verzoek: v, op }) => {
        for (const c of besluit(reg, ts, v, op).categorieen) {
          const regel = profielRegel(reg, v, c.categorie, op);
          if (!regel) {
            expect(c.uitkomst).toBe('geweigerd');
            continue;
          }
          if (c.uitkomst === 'toegestaan' && regel.voorwaarde === 'alleen-met-toestemming') {
            expect(c.verleendOp).toEqual(['toestemming']);
          }
          if (regel.velden !== 'alle') for (const veld of c.velden) expect(regel.velden).toContain(veld);
        }
      }),
      RUNS,
    );
  });

  it('permits whenever the rules allow it (the function is not trivially restrictive)', () => {
    fc.assert(
      fc.property(scenario, ({ register: reg, toestemmingen: ts, verzoek: v, op }) => {
        const uit = besluit(reg, ts, v, op);
        for (const c of uit.categorieen) {
          const regel = profielRegel(reg, v, c.categorie, op);
          const wettelijk = statutoryBasis(reg, v, c.categorie, op) && !isBijzonderGegeven(c.categorie) && regel?.voorwaarde === 'grondslag-of-toestemming';
          const toestemming = ts.some((t) => geldigeDekkendeToestemming(t, v, c.categorie, op));
          const verwacht = registerForesees(reg, v, c.categorie, op) && !!regel && (wettelijk || toestemming);
          expect(c.uitkomst).toBe(verwacht ? 'toegestaan' : 'geweigerd');
          expect(c.toestemming.status === 'verleend').toBe(toestemming);
        }
      }),
      RUNS,
    );
  });

  it('never permits on a consent at or after its withdrawal, and withdrawing never turns a denial into a permit', () => {
    const rondIntrekking = fc.oneof(fc.constant(0), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -30 * DAG, max: 30 * DAG }));
    let geraakt = 0;
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 60 * DAG }), rondIntrekking, ({ register: reg, toestemmingen: ts, verzoek: v }, na, delta) => {
        const actief = ts.filter((t) => t.historie.length === 1);
        fc.pre(actief.length > 0);
        const doel = actief[0] as Toestemming;
        const ingetrokkenOp = new Date(Math.max(doel.historie[0].op.getTime(), doel.geldigVanaf.getTime()) + na);
        const op = new Date(ingetrokkenOp.getTime() + delta);
        const ingetrokken: Toestemming = { ...doel, historie: [...doel.historie, { status: 'ingetrokken', op: ingetrokkenOp, door: 'mw' }] };
        const voor = besluit(reg, ts, v, op);
        const erna = besluit(
          reg,
          ts.map((t) => (t === doel ? ingetrokken : t)),
          v,
          op,
        );
        erna.categorieen.forEach((c, i) => {
          const zonder = voor.categorieen[i];
          if (c.uitkomst === 'toegestaan') expect(zonder?.uitkomst).toBe('toegestaan');
          if (op >= ingetrokkenOp) {
            if (zonder?.toestemming.status === 'verleend' && zonder.toestemming.toestemmingen.includes(doel.id)) geraakt += 1;
            expect(c.toestemming.status === 'verleend' && c.toestemming.toestemmingen.includes(doel.id)).toBe(false);
          } else {
            expect(c).toEqual(zonder);
          }
        });
      }),
      RUNS,
    );
    // The withdrawn consent really did grant something in a fair share of the runs.
    expect(geraakt).toBeGreaterThan(50);
  });

  it('decides the same whatever order the consents come in', () => {
    fc.assert(
      fc.property(scenario, ({ register: reg, toestemmingen: ts, verzoek: v, op }) => {
        const heen = besluit(reg, ts, v, op);
        const terug = besluit(reg, [...ts].reverse(), v, op);
        expect(terug.categorieen.map((c) => [c.categorie, c.uitkomst, c.verleendOp])).toEqual(
          heen.categorieen.map((c) => [c.categorie, c.uitkomst, c.verleendOp]),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
