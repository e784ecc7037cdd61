import type { IntrekkingSignaal } from '@ketenregie/consent-contracts';
import {
  type Besluit,
  DEMO_REGISTER,
  type Herinnering,
  type Ketenregel,
  type KetenSleutels,
  type RegisterVersie,
  type Toestemming,
  type ToestemmingGebeurtenis,
  type Verwerkingsregel,
  verifieerKeten,
  volgendeSchakel,
} from '@ketenregie/consent-domain';
import { Toegang, vastOrganisatieRegister } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { BesluitService } from './besluit.service';
import { ConsentToegang } from './consent-toegang';
import type {
  BesluitGrondslag,
  BesluitRepository,
  ConsentTransactie,
  ConsentTransacties,
  LevenscyclusBericht,
  LevenscyclusOutboxRepository,
  RegisterRepository,
  ToestemmingLevenscyclusPoort,
  VerwerkingRepository,
} from './consent.ports';
import { RegisterService } from './register.service';
import { type ToestemmingAanvraag, ToestemmingService } from './toestemming.service';
import { VerwerkingService } from './verwerking.service';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const pseudoniem = (id: string) => `p:${sha256(`sleutel:${id}`)}`;
const sleutels: KetenSleutels = {
  actief: 't1',
  mac: (id, input) => (id === 't1' ? createHmac('sha256', 'keten').update(input).digest('hex') : undefined),
  sha256,
};

/** In-memory storage with a settable clock: one chain, transactions applied as a whole or not at all. */
class GeheugenOpslag implements ConsentTransacties, BesluitRepository, VerwerkingRepository, LevenscyclusOutboxRepository, RegisterRepository {
  readonly aantalKetens = 1;
  klok = new Date('2026-03-02T09:00:00.000Z');
  toestemmingen = new Map<string, Toestemming>();
  besluiten = new Map<string, Besluit>();
  log: Ketenregel[] = [];
  herinneringen = new Map<string, Herinnering>();
  versies: RegisterVersie[] = [];
  outbox = new Map<string, { signaal: IntrekkingSignaal; pogingen: number; bezorgd: boolean }>();

  async transactie<T>(werk: (tx: ConsentTransactie) => Promise<T>): Promise<T> {
    const toestemmingen = new Map(this.toestemmingen);
    const besluiten = new Map(this.besluiten);
    const log = [...this.log];
    const herinneringen = new Map(this.herinneringen);
    const outbox = new Map(this.outbox);
    const tx: ConsentTransactie = {
      meldLevenscyclus: async (signaal) => {
        if (!outbox.has(signaal.toestemmingId)) outbox.set(signaal.toestemmingId, { signaal, pogingen: 0, bezorgd: false });
      },
      nu: async () => this.klok,
      toestemming: async (id) => toestemmingen.get(id),
      toestemmingenVan: async (deelnemerId) => [...toestemmingen.values()].filter((t) => t.deelnemerId === deelnemerId),
      bewaarNieuweToestemming: async (t) => void toestemmingen.set(t.id, t),
      bewaarGebeurtenis: async (na: Toestemming, _g: ToestemmingGebeurtenis) => void toestemmingen.set(na.id, na),
      bewaarBesluit: async (id, b) => void besluiten.set(id, b),
      besluit: async (id) => besluiten.get(id),
      ontvangersOpToestemming: async (deelnemerId, toestemmingId) => [
        ...new Set(
          [...besluiten.values()]
            .filter(
              (b) =>
                b.verzoek.deelnemerId === deelnemerId &&
                b.categorieen.some(
                  (c) => c.uitkomst === 'toegestaan' && c.toestemming.status === 'verleend' && c.toestemming.toestemmingen.includes(toestemmingId),
                ),
            )
            .map((b) => b.verzoek.ontvanger.organisatie),
        ),
      ],
      logVerwerking: async (regel: Verwerkingsregel) => {
        const schakel = volgendeSchakel(0, log[log.length - 1], regel, sleutels);
        log.push(schakel);
        return schakel;
      },
      bewaarHerinnering: async (h) => {
        if (herinneringen.has(h.toestemmingId)) return false;
        herinneringen.set(h.toestemmingId, h);
        return true;
      },
      herinneringenVoor: async (coach) => [...herinneringen.values()].filter((h) => h.coach === coach),
    };
    const uit = await werk(tx);
    Object.assign(this, { toestemmingen, besluiten, log, herinneringen, outbox });
    return uit;
  }

  async levenscyclusTeBezorgen(max: number): Promise<readonly LevenscyclusBericht[]> {
    const open = [...this.outbox.values()].filter((b) => !b.bezorgd).slice(0, max);
    for (const b of open) b.pogingen += 1;
    return open.map((b) => ({ signaal: b.signaal, pogingen: b.pogingen }));
  }

  async levenscyclusBezorgd(toestemmingId: string): Promise<void> {
    const b = this.outbox.get(toestemmingId);
    if (b) b.bezorgd = true;
  }

  async levenscyclusNietBezorgd(): Promise<void> {
    // Due again at once in memory.
  }

  private stempel(deelnemerId: string): string[] {
    return [...this.toestemmingen.values()]
      .filter((t) => t.deelnemerId === deelnemerId)
      .map((t) => `${t.id}:${t.historie.length}`)
      .sort();
  }

  async leesVoorBesluit(deelnemerId: string): Promise<BesluitGrondslag> {
    const toestemmingen = [...this.toestemmingen.values()].filter((t) => t.deelnemerId === deelnemerId);
    return { toestemmingen, op: this.klok, stempel: this.stempel(deelnemerId) };
  }

  async legBesluitVast(id: string, b: Besluit, traceId: string, regel: Verwerkingsregel, stempel: readonly string[]): Promise<Ketenregel | undefined> {
    if (this.stempel(b.verzoek.deelnemerId).join() !== [...stempel].join()) return undefined;
    return this.transactie(async (tx) => {
      await tx.bewaarBesluit(id, b, traceId);
      return tx.logVerwerking(regel);
    });
  }

  async *verwerkingen(): AsyncIterable<Ketenregel> {
    yield* this.log;
  }

  async verwerkingenPagina(na: { keten: number; volgnummer: number } | undefined, limiet: number): Promise<readonly Ketenregel[]> {
    return this.log.filter((r) => !na || r.volgnummer > na.volgnummer).slice(0, limiet);
  }

  async verwerkingenVan(betrokkene: string): Promise<readonly Ketenregel[]> {
    return this.log.filter((r) => r.regel.betrokkene === betrokkene);
  }

  async laad() {
    return { versies: [...this.versies] };
  }

  async voegOntbrekendeToe(versies: readonly RegisterVersie[]): Promise<number> {
    const nieuw = versies.filter((v) => !this.versies.some((b) => b.versie === v.versie));
    this.versies.push(...nieuw);
    return nieuw.length;
  }
}

/** Records what the lifecycle workflows are told; `faalt` simulates an unreachable Temporal. */
class Levenscyclus implements ToestemmingLevenscyclusPoort {
  readonly gestarte: string[] = [];
  readonly beeindigde: IntrekkingSignaal[] = [];
  faalt = false;
  async gestart(t: Toestemming): Promise<void> {
    if (this.faalt) throw new Error('Temporal unreachable');
    this.gestarte.push(t.id);
  }
  async beeindigd(s: IntrekkingSignaal): Promise<void> {
    if (this.faalt) throw new Error('Temporal unreachable');
    this.beeindigde.push(s);
  }
}

const coach: Identity = { sub: 'mw-1', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'coach' };
const aanroep = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentSpanId: '00f067aa0ba902b7' };

describe('consent use cases', () => {
  let opslag: GeheugenOpslag;
  let meldingen: Levenscyclus;
  let toestemmingen: ToestemmingService;
  let besluiten: BesluitService;
  let verwerkingen: VerwerkingService;
  const aanvraag = (overrides: Partial<ToestemmingAanvraag> = {}): ToestemmingAanvraag => ({
    deelnemerId: 'd-1',
    verlener: { soort: 'deelnemer' },
    doel: 'verwijzing-ggz',
    categorieen: ['contact', 'gezondheid'],
    bronnen: [{ soort: 'type', type: 'gemeente' }],
    ontvangers: [{ soort: 'type', type: 'ggz' }],
    geldigTot: new Date('2027-01-01T00:00:00.000Z'),
    bewijs: { soort: 'ondertekend-formulier', documentId: 'doc' },
    ...overrides,
  });
  const ggzVerzoek = {
    deelnemerId: 'd-1',
    ontvanger: { organisatie: 'ggz-oost', type: 'ggz' as const },
    doel: 'verwijzing-ggz',
    categorieen: ['gezondheid' as const],
  };

  beforeEach(async () => {
    opslag = new GeheugenOpslag();
    meldingen = new Levenscyclus();
    const register = new RegisterService(opslag);
    await register.publiceer(DEMO_REGISTER.versies);
    toestemmingen = new ToestemmingService(opslag, opslag, pseudoniem, meldingen, register);
    besluiten = new BesluitService(
      opslag,
      opslag,
      pseudoniem,
      register,
      new Toegang(vastOrganisatieRegister({ 'gemeente-helmond': 'gemeente', 'ggz-oost': 'ggz', senzer: 'uitvoerder', 'bakkerij-x': 'werkgever' })),
    );
    verwerkingen = new VerwerkingService(opslag, opslag, pseudoniem, sleutels, register);
  });

  it('records a consent at the service clock by the caller, logs it pseudonymised and starts its lifecycle', async () => {
    const t = await toestemmingen.geef(aanvraag(), coach, aanroep);
    expect(t.historie).toEqual([{ status: 'gegeven', op: opslag.klok, door: 'mw-1' }]);
    expect(meldingen.gestarte).toEqual([t.id]);
    expect(opslag.log.map((r) => r.regel)).toEqual([
      expect.objectContaining({
        handeling: 'toestemming-gegeven',
        betrokkene: pseudoniem('d-1'),
        organisatie: 'gemeente-helmond',
        verwerkingsactiviteit: { id: 'va-verwijzing-ggz', versie: 1 },
        traceId: aanroep.traceId,
        parentSpanId: aanroep.parentSpanId,
        toestemmingen: [t.id],
      }),
    ]);
  });

  it('keeps the consent when the lifecycle workflow cannot be told', async () => {
    meldingen.faalt = true;
    const t = await toestemmingen.geef(aanvraag(), coach, aanroep);
    expect(opslag.toestemmingen.get(t.id)).toEqual(t);
  });

  it('refuses a purpose outside the register, writing nothing', async () => {
    await expect(toestemmingen.geef(aanvraag({ doel: 'marketing' }), coach, aanroep)).rejects.toMatchObject({ code: 'CONSENT.PURPOSE_UNKNOWN' });
    expect(opslag.toestemmingen.size).toBe(0);
    expect(opslag.log).toEqual([]);
  });

  it('supersedes a consent at one instant: the old one ends, the new one grants from then on, dependants are told', async () => {
    const oud = await toestemmingen.geef(aanvraag(), coach, aanroep);
    opslag.klok = new Date('2026-04-01T09:00:00.000Z');
    const nieuw = await toestemmingen.geef(aanvraag({ categorieen: ['contact'], vervangt: oud.id }), coach, aanroep);
    expect(nieuw.vervangt).toBe(oud.id);
    expect(opslag.toestemmingen.get(oud.id)?.historie.map((g) => g.status)).toEqual(['gegeven', 'vervangen']);
    expect(meldingen.beeindigde).toEqual([{ toestemmingId: oud.id, op: '2026-04-01T09:00:00.000Z', reden: 'vervangen' }]);
    const na = await besluiten.besluit({ ...ggzVerzoek, categorieen: ['gezondheid', 'contact'] }, coach, aanroep);
    expect(na.besluit.categorieen.map((c) => [c.categorie, c.uitkomst])).toEqual([
      ['gezondheid', 'geweigerd'],
      ['contact', 'toegestaan'],
    ]);
    await expect(toestemmingen.geef(aanvraag({ vervangt: randomUUID() }), coach, aanroep)).rejects.toMatchObject({ code: 'CONSENT.NOT_FOUND' });
  });

  it('decides with the caller as source, stores the decision and logs it under the caller trace', async () => {
    await toestemmingen.geef(aanvraag(), coach, aanroep);
    const genomen = await besluiten.besluit(ggzVerzoek, coach, aanroep);
    expect(genomen.besluit.verzoek.bron).toEqual({ organisatie: 'gemeente-helmond', type: 'gemeente' });
    expect(opslag.besluiten.get(genomen.id)).toEqual(genomen.besluit);
    expect(opslag.log[opslag.log.length - 1]?.regel).toMatchObject({ handeling: 'besluit', status: 'ok', traceId: aanroep.traceId });
  });

  it('takes the recipient type from the registry: a werkgever named as "ggz" in the body gets no health data (finding 1)', async () => {
    await toestemmingen.geef(aanvraag({ ontvangers: [{ soort: 'type', type: 'ggz' }] }), coach, aanroep);
    // A stated type that disagrees with the registry is refused (issue 17); left out, the registry's applies.
    await expect(besluiten.besluit({ ...ggzVerzoek, ontvanger: { organisatie: 'bakkerij-x', type: 'ggz' } }, coach, aanroep)).rejects.toMatchObject({
      code: 'TOEGANG.ORGANISATIETYPE_ONJUIST',
    });
    const alsGgz = await besluiten.besluit({ ...ggzVerzoek, ontvanger: { organisatie: 'bakkerij-x' } }, coach, aanroep);
    expect(alsGgz.besluit.verzoek.ontvanger).toEqual({ organisatie: 'bakkerij-x', type: 'werkgever' });
    expect(alsGgz.besluit.categorieen.map((c) => [c.categorie, c.uitkomst])).toEqual([['gezondheid', 'geweigerd']]);
    await expect(besluiten.besluit({ ...ggzVerzoek, ontvanger: { organisatie: 'onbekend', type: 'ggz' } }, coach, aanroep)).rejects.toMatchObject({
      code: 'TOEGANG.ORGANISATIE_ONBEKEND',
    });
  });

  it('logs a disclosure only within a decision that still permits it', async () => {
    const t = await toestemmingen.geef(aanvraag(), coach, aanroep);
    const genomen = await besluiten.besluit({ ...ggzVerzoek, categorieen: ['gezondheid', 'financien-schulden'] }, coach, aanroep);
    const melding = {
      traceId: aanroep.traceId,
      spanId: 'a1b2c3d4e5f60718',
      handeling: 'verstrekking' as const,
      deelnemerId: 'd-1',
      ontvanger: ggzVerzoek.ontvanger,
      doel: 'verwijzing-ggz',
      categorieen: ['gezondheid' as const],
      besluitId: genomen.id,
    };
    await expect(verwerkingen.meld({ ...melding, besluitId: randomUUID() }, coach)).rejects.toMatchObject({ code: 'CONSENT.DECISION_NOT_FOUND' });
    await expect(verwerkingen.meld({ ...melding, categorieen: ['financien-schulden'] }, coach)).rejects.toMatchObject({
      code: 'CONSENT.DISCLOSURE_NOT_PERMITTED',
    });
    await expect(verwerkingen.meld(melding, { ...coach, organisatie: 'senzer', organisatieType: 'uitvoerder' })).rejects.toMatchObject({
      code: 'CONSENT.DISCLOSURE_NOT_PERMITTED',
    });
    expect((await verwerkingen.meld(melding, coach)).regel).toMatchObject({ handeling: 'verstrekking', grondslagen: [`besluit:${genomen.id}`] });
    opslag.klok = new Date('2026-03-02T10:00:00.000Z');
    await toestemmingen.trekIn(t.id, coach, undefined, aanroep);
    await expect(verwerkingen.meld(melding, coach)).rejects.toMatchObject({ code: 'CONSENT.DISCLOSURE_NOT_PERMITTED', kind: 'forbidden' });
  });

  it('puts a withdrawal in the lifecycle outbox with the withdrawal, and delivers it once Temporal answers again', async () => {
    const t = await toestemmingen.geef(aanvraag(), coach, aanroep);
    meldingen.faalt = true;
    await toestemmingen.trekIn(t.id, coach, undefined, aanroep);
    expect(meldingen.beeindigde).toEqual([]);
    expect(opslag.outbox.get(t.id)).toMatchObject({ bezorgd: false, pogingen: 1 });
    expect(await toestemmingen.bezorgLevenscyclus()).toBe(0);
    meldingen.faalt = false;
    expect(await toestemmingen.bezorgLevenscyclus()).toBe(1);
    expect(await toestemmingen.bezorgLevenscyclus()).toBe(0);
    expect(meldingen.beeindigde).toEqual([expect.objectContaining({ toestemmingId: t.id, reden: 'ingetrokken' })]);
  });

  it('withdraws at the service clock, once, and tells the lifecycle workflow', async () => {
    const t = await toestemmingen.geef(aanvraag(), coach, aanroep);
    opslag.klok = new Date('2026-03-03T10:00:00.000Z');
    const ingetrokken = await toestemmingen.trekIn(t.id, coach, 'op verzoek', aanroep);
    expect(ingetrokken.historie[1]).toEqual({ status: 'ingetrokken', op: opslag.klok, door: 'mw-1', reden: 'op verzoek' });
    expect(meldingen.beeindigde).toEqual([{ toestemmingId: t.id, op: '2026-03-03T10:00:00.000Z', reden: 'ingetrokken' }]);
    await expect(toestemmingen.trekIn(t.id, coach, undefined, aanroep)).rejects.toMatchObject({ code: 'CONSENT.NOT_ACTIVE' });
    await expect(toestemmingen.trekIn(randomUUID(), coach, undefined, aanroep)).rejects.toMatchObject({ code: 'CONSENT.NOT_FOUND' });
  });

  it('ends the involvement a withdrawn consent carried: the receivers of the decisions that rested on it, in the traject context', async () => {
    const beeindigd: string[] = [];
    const ontvangers = {
      legOntvangerVast: async () => undefined,
      beeindigOntvanger: async (deelnemerId: string, organisatie: string, namens: { sub: string }) =>
        void beeindigd.push(`${deelnemerId} ${organisatie} ${namens.sub}`),
    };
    const register = new RegisterService(opslag);
    const metOntvangers = new ToestemmingService(opslag, opslag, pseudoniem, meldingen, register, ontvangers);
    const t = await metOntvangers.geef(aanvraag(), coach, aanroep);
    const anders = await metOntvangers.geef(
      aanvraag({ doel: 're-integratie', categorieen: ['contact'], ontvangers: [{ soort: 'type', type: 'uitvoerder' }] }),
      coach,
      aanroep,
    );
    await besluiten.besluit(ggzVerzoek, coach, aanroep);
    await besluiten.besluit(ggzVerzoek, coach, aanroep);
    await metOntvangers.trekIn(anders.id, coach, undefined, aanroep);
    expect(beeindigd).toEqual([]); // no decision rested on it
    await metOntvangers.trekIn(t.id, coach, undefined, aanroep);
    expect(beeindigd).toEqual(['d-1 ggz-oost mw-1']);
  });

  it('keeps a withdrawal when the traject context cannot be told', async () => {
    const ontvangers = { legOntvangerVast: async () => undefined, beeindigOntvanger: async () => Promise.reject(new Error('traject-service unreachable')) };
    const metOntvangers = new ToestemmingService(opslag, opslag, pseudoniem, meldingen, new RegisterService(opslag), ontvangers);
    const t = await metOntvangers.geef(aanvraag(), coach, aanroep);
    await besluiten.besluit(ggzVerzoek, coach, aanroep);
    expect((await metOntvangers.trekIn(t.id, coach, undefined, aanroep)).historie[1]?.status).toBe('ingetrokken');
  });

  it("ends the receivers' involvement for the lifecycle workflow once the consent expired or was withdrawn, acting for the deelnemer, and fails while traject-service is down", async () => {
    const beeindigd: string[] = [];
    let bereikbaar = true;
    const ontvangers = {
      legOntvangerVast: async () => undefined,
      beeindigOntvanger: async (deelnemerId: string, organisatie: string, namens: { sub: string; rol: string }) => {
        if (!bereikbaar) throw new Error('traject-service unreachable');
        beeindigd.push(`${deelnemerId} ${organisatie} ${namens.rol} ${namens.sub}`);
      },
    };
    const metOntvangers = new ToestemmingService(opslag, opslag, pseudoniem, meldingen, new RegisterService(opslag), ontvangers);
    const t = await metOntvangers.geef(aanvraag(), coach, aanroep);
    await besluiten.besluit(ggzVerzoek, coach, aanroep);
    // While the consent runs nothing ends.
    expect(await metOntvangers.beeindigOntvangers(t.id)).toEqual([]);
    expect(beeindigd).toEqual([]);

    opslag.klok = new Date('2027-01-01T00:00:01.000Z');
    await metOntvangers.markeerVerlopen(t.id, aanroep);
    bereikbaar = false;
    await expect(metOntvangers.beeindigOntvangers(t.id)).rejects.toThrow(/unreachable/);
    bereikbaar = true;
    expect(await metOntvangers.beeindigOntvangers(t.id)).toEqual(['ggz-oost']);
    expect(await metOntvangers.beeindigOntvangers(t.id)).toEqual(['ggz-oost']);
    expect(beeindigd).toEqual(['d-1 ggz-oost deelnemer deelnemer:d-1', 'd-1 ggz-oost deelnemer deelnemer:d-1']);
    await expect(metOntvangers.beeindigOntvangers(randomUUID())).rejects.toMatchObject({ code: 'CONSENT.NOT_FOUND' });
  });

  it('ends nothing for a superseded consent: the consent that replaced it decides from then on', async () => {
    const beeindigd: string[] = [];
    const ontvangers = {
      legOntvangerVast: async () => undefined,
      beeindigOntvanger: async (_d: string, organisatie: string) => void beeindigd.push(organisatie),
    };
    const metOntvangers = new ToestemmingService(opslag, opslag, pseudoniem, meldingen, new RegisterService(opslag), ontvangers);
    const oud = await metOntvangers.geef(aanvraag(), coach, aanroep);
    await besluiten.besluit(ggzVerzoek, coach, aanroep);
    opslag.klok = new Date('2026-04-01T09:00:00.000Z');
    await metOntvangers.geef({ ...aanvraag(), vervangt: oud.id }, coach, aanroep);
    expect(await metOntvangers.beeindigOntvangers(oud.id)).toEqual([]);
    expect(beeindigd).toEqual([]);
  });

  it('compiles the inzage in log order, logs the inzage itself after it, and lets only the FG verify', async () => {
    const t = await toestemmingen.geef(aanvraag(), coach, aanroep);
    await besluiten.besluit(ggzVerzoek, coach, aanroep);
    await toestemmingen.trekIn(t.id, coach, undefined, aanroep);
    const inzage = await verwerkingen.inzage('d-1', coach, aanroep);
    expect(inzage.verwerkingen.map((v) => v.handeling)).toEqual(['toestemming-gegeven', 'besluit', 'toestemming-ingetrokken']);
    expect(inzage.verwerkingen[1]?.verwerkingsactiviteit?.naam).toBe('Verwijzing naar en terugkoppeling met de GGZ');
    expect(opslag.log[opslag.log.length - 1]?.regel).toMatchObject({ handeling: 'inzage', betrokkene: pseudoniem('d-1') });
    expect(await verwerkingen.verifieer()).toEqual(verifieerKeten(opslag.log, sleutels, 1));
    expect(await verwerkingen.verifieer()).toMatchObject({ geldig: true, aantal: 4 });
    expect((await verwerkingen.logInzien({ keten: 0, volgnummer: 2 }, 10)).map((r) => r.volgnummer)).toEqual([3, 4]);
  });

  it("reminds a coach once per consent and lists only the caller's reminders", async () => {
    const t = await toestemmingen.geef(aanvraag(), coach, aanroep);
    await toestemmingen.herinner(t.id, 'mw-1');
    await toestemmingen.herinner(t.id, 'mw-1');
    expect(await toestemmingen.herinneringen(coach)).toEqual([
      { toestemmingId: t.id, deelnemerId: 'd-1', coach: 'mw-1', geldigTot: t.geldigTot, aangemaaktOp: opslag.klok },
    ]);
    expect(await toestemmingen.herinneringen({ ...coach, sub: 'mw-2' })).toEqual([]);
  });

  it('refuses a register version that breaks an invariant; republishing the same versions is a no-op', async () => {
    const register = new RegisterService(opslag);
    const [eerste] = DEMO_REGISTER.versies as [RegisterVersie];
    const kapot: RegisterVersie = {
      ...eerste,
      versie: DEMO_REGISTER.versies.length + 1,
      geldigVanaf: new Date('2027-01-01T00:00:00.000Z'),
      activiteiten: [...eerste.activiteiten, eerste.activiteiten[0] as never],
    };
    await expect(register.publiceer([kapot])).rejects.toMatchObject({ code: 'CONSENT.REGISTER_INVALID' });
    expect(await register.publiceer(DEMO_REGISTER.versies)).toBe(0);
  });
});

describe('ConsentToegang: the access policy in front of every consent endpoint', () => {
  const km: Identity = { sub: 'km-1', organisatie: 'gemeente-helmond', rol: 'klantmanager' };
  const vreemdeCoach: Identity = { sub: 'c-9', organisatie: 'senzer', rol: 'coach' };
  const werkgever: Identity = { sub: 'jc-1', organisatie: 'bakkerij-x', rol: 'jobcoach' };
  const stuurgroeplid: Identity = { sub: 'sg-1', organisatie: 'gemeente-helmond', rol: 'stuurgroeplid' };
  const fg: Identity = { sub: 'fg-1', organisatie: 'gemeente-helmond', rol: 'fg' };
  const deelnemer: Identity = { sub: 'deelnemer:d-1', organisatie: 'deelnemer:d-1', rol: 'deelnemer', deelnemerId: 'd-1' };
  const anderDeelnemer: Identity = { sub: 'deelnemer:d-2', organisatie: 'deelnemer:d-2', rol: 'deelnemer', deelnemerId: 'd-2' };
  /** The traject context: gemeente-helmond registered d-1; the bearer names the organisation here. */
  const betrokkenheid = {
    bijDeelnemer: async (d: string, bearer: string | undefined) =>
      d === 'd-1' && bearer === 'gemeente-helmond' ? (['aanmelder', 'regievoerder'] as const) : [],
    inTraject: async () => undefined,
  };
  let opslag: GeheugenOpslag;
  let poort: ConsentToegang;
  let toestemmingId: string;
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'toegestaan',
      (e: { code?: string }) => e.code,
    );

  beforeEach(async () => {
    opslag = new GeheugenOpslag();
    const register = new RegisterService(opslag);
    await register.publiceer(DEMO_REGISTER.versies);
    poort = new ConsentToegang(
      new Toegang(vastOrganisatieRegister({ 'gemeente-helmond': 'gemeente', senzer: 'uitvoerder', 'bakkerij-x': 'werkgever' })),
      betrokkenheid,
      opslag,
    );
    const t = await new ToestemmingService(opslag, opslag, pseudoniem, new Levenscyclus(), register).geef(
      {
        deelnemerId: 'd-1',
        verlener: { soort: 'deelnemer' },
        doel: 'verwijzing-ggz',
        categorieen: ['gezondheid'],
        bronnen: [{ soort: 'type', type: 'gemeente' }],
        ontvangers: [{ soort: 'type', type: 'ggz' }],
        geldigTot: new Date('2027-01-01T00:00:00.000Z'),
        bewijs: { soort: 'ondertekend-formulier', documentId: 'doc' },
      },
      km,
      aanroep,
    );
    toestemmingId = t.id;
  });

  it('lets only a professional involved with the deelnemer record, read or withdraw consents (finding 3)', async () => {
    expect(await code(poort.voorDeelnemer('toestemming.vastleggen', 'd-1', km, 'gemeente-helmond'))).toBe('toegestaan');
    for (const wie of [vreemdeCoach, werkgever]) {
      expect(await code(poort.voorDeelnemer('toestemming.vastleggen', 'd-1', wie, wie.organisatie))).toBe('TOEGANG.GEWEIGERD');
      expect(await code(poort.voorDeelnemer('toestemming.lezen', 'd-1', wie, wie.organisatie))).toBe('TOEGANG.GEWEIGERD');
      expect(await code(poort.voorDeelnemer('inzage.opstellen', 'd-1', wie, wie.organisatie))).toBe('TOEGANG.GEWEIGERD');
      expect(await code(poort.voorToestemming('toestemming.intrekken', toestemmingId, wie, wie.organisatie))).toBe('CONSENT.NOT_FOUND');
    }
    expect(await code(poort.voorToestemming('toestemming.intrekken', toestemmingId, km, 'gemeente-helmond'))).toBe('toegestaan');
    expect(await code(poort.voorDeelnemer('toestemming.vastleggen', 'd-1', stuurgroeplid, 'gemeente-helmond'))).toBe('TOEGANG.GEWEIGERD');
  });

  it("lets a deelnemer read and withdraw their own consents and inzage, nobody else's", async () => {
    for (const h of ['toestemming.lezen', 'inzage.opstellen'] as const) {
      expect(await code(poort.voorDeelnemer(h, 'd-1', deelnemer, 'token'))).toBe('toegestaan');
      expect(await code(poort.voorDeelnemer(h, 'd-1', anderDeelnemer, 'token'))).toBe('TOEGANG.GEWEIGERD');
    }
    expect(await code(poort.voorToestemming('toestemming.intrekken', toestemmingId, deelnemer, 'token'))).toBe('toegestaan');
    expect(await code(poort.voorToestemming('toestemming.intrekken', toestemmingId, anderDeelnemer, 'token'))).toBe('CONSENT.NOT_FOUND');
    expect(await code(poort.voorDeelnemer('toestemming.vastleggen', 'd-1', deelnemer, 'token'))).toBe('TOEGANG.GEWEIGERD');
  });

  it('gives the processing log to the gemeente FG alone, and writing it to the services alone (finding 4)', async () => {
    expect(await code(poort.algemeen('verwerkingslog.lezen', fg))).toBe('toegestaan');
    expect(await code(poort.algemeen('verwerkingslog.lezen', km))).toBe('TOEGANG.GEWEIGERD');
    expect(await code(poort.voorDeelnemer('toestemming.lezen', 'd-1', fg, 'gemeente-helmond'))).toBe('toegestaan');
    expect(await code(poort.algemeen('verwerking.melden', km))).toBe('TOEGANG.GEWEIGERD');
  });
});
