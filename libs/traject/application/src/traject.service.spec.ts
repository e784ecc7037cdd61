import { isDomainError } from '@ketenregie/shared-kernel';
import { Toegang, vastOrganisatieRegister } from '@ketenregie/shared-platform';
import type { Aanroep, VerwerkingMelding, VerwerkingslogPoort } from '@ketenregie/shared-platform';
import type { OpdrachtResultaat, TrajectOpdrachtInvoer, TrajectOverzicht, TrajectWorkflowInput } from '@ketenregie/traject-contracts';
import { FIP_V1, PROGRAMMA_CATALOGUS, startTraject, trajectOverzicht } from '@ketenregie/traject-domain';
import type { TrajectBetrokkenheid, TrajectRegistratie } from '@ketenregie/traject-domain';
import { GeheugenProgrammaOpslag } from './testing/programma-opslag.fake';
import type { DeelnemerOpslag, TakenOpslag, TrajectOpslag, TrajectWorkflows } from './traject.ports';
import { TrajectService } from './traject.service';

const KM = { sub: 'km-1', organisatie: 'gem', rol: 'klantmanager' } as const;
const VREEMD = { sub: 'x-1', organisatie: 'wijkteam-x', rol: 'coach' } as const;
const REGISTER = vastOrganisatieRegister({ gem: 'gemeente', 'gem-2': 'gemeente', uv: 'uitvoerder', 'wijkteam-x': 'wijkteam', ggz: 'ggz' });
const COACH = { sub: 'c1', organisatie: 'uv', rol: 'coach' } as const;
const AANROEP: Aanroep = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', bearer: 'token' };

class Fakes {
  deelnemers = new Map<string, Parameters<DeelnemerOpslag['maak']>[0]>();
  aanmelders = new Map<string, string[]>();
  registraties = new Map<string, TrajectRegistratie & { aangemaaktDoorOrganisatie?: string }>();
  overzichten = new Map<string, TrajectOverzicht>();
  gestart: TrajectWorkflowInput[] = [];
  opdrachten: TrajectOpdrachtInvoer[] = [];
  uitvoerders: unknown[] = [];

  deelnemerOpslag: DeelnemerOpslag = {
    maak: async (d) => {
      const bekend = [...this.deelnemers.entries()].find(([, b]) => b.bsn === d.bsn)?.[0];
      const id = bekend ?? `d${this.deelnemers.size + 1}`;
      if (!bekend) this.deelnemers.set(id, d);
      const aanmelders = this.aanmelders.get(id) ?? [];
      if (!aanmelders.includes(d.aangemaaktDoorOrganisatie)) this.aanmelders.set(id, [...aanmelders, d.aangemaaktDoorOrganisatie]);
      return id;
    },
    vind: async (id) => {
      const d = this.deelnemers.get(id);
      return (
        d && {
          id,
          voornamen: d.voornamen,
          achternaam: d.achternaam,
          geboortedatum: d.geboortedatum,
          contact: d.contact,
          huishoudenId: d.huishoudenId,
          aangemaaktDoorOrganisatie: d.aangemaaktDoorOrganisatie,
          aanmelders: this.aanmelders.get(id) ?? [],
          aangemaaktOp: new Date(0),
        }
      );
    },
    bsnVan: async (id) => this.deelnemers.get(id)?.bsn,
  };
  trajectOpslag: TrajectOpslag = {
    registreer: async (t) => void this.registraties.set(t.id, t),
    vind: async (id) => this.registraties.get(id),
    vanDeelnemer: async (deelnemerId) => [...this.registraties.values()].filter((t) => t.deelnemerId === deelnemerId),
    overzicht: async (id) => this.overzichten.get(id),
    werkOverzichtBij: async (o) => void this.overzichten.set(o.trajectId, o),
    betrokkenheid: async (id, org) => this.betrokkenheid(id, org),
    betrokkenOrganisaties: async (id) =>
      [
        ...new Set(
          [
            this.registraties.get(id)?.aangemaaktDoorOrganisatie,
            this.overzichten.get(id)?.regie.organisatieId,
            this.overzichten.get(id)?.coach?.organisatieId,
          ].filter((o): o is string => o !== undefined),
        ),
      ].sort(),
    betrokkenheidBijDeelnemer: async (d, org) => [
      ...new Set([...this.registraties.values()].filter((t) => t.deelnemerId === d).flatMap((t) => this.betrokkenheid(t.id, org))),
    ],
    legOntvangerVast: async () => [],
    beeindigOntvanger: async () => [],
    lopendVanCoach: async (coachId, org) =>
      [...this.registraties.values()].filter((t) => {
        const o = this.overzichten.get(t.id);
        return o?.coach?.coachId === coachId && o.coach.organisatieId === org && (o.status === 'actief' || o.status === 'gepauzeerd');
      }),
    legTijdlijnVast: async () => undefined,
    tijdlijn: async () => [],
    tijdlijnMomenten: async () => new Map(),
    zichtbareVoor: async (org, filter, { offset, limiet }) => {
      const alle = [...this.registraties.values()]
        .map((t) => ({ ...t, betrokkenheid: this.betrokkenheid(t.id, org), overzicht: this.overzichten.get(t.id) }))
        .filter(
          (t) =>
            t.betrokkenheid.length > 0 && (!filter.programma || t.programmaCode === filter.programma) && (!filter.fase || t.overzicht?.fase === filter.fase),
        );
      return { totaal: alle.length, trajecten: alle.slice(offset, offset + limiet) };
    },
    overzichtenVanPersoon: async (sub) =>
      [...this.overzichten.values()].filter((o) => o.status === 'actief' && (o.coach?.coachId === sub || o.regie.regievoerderId === sub)),
    gebeurtenissenVoor: async (org, rollen, soorten) =>
      this.signaalGebeurtenissen.filter((g) => soorten.includes(g.gebeurtenis.soort) && g.betrokkenheid.some((b) => rollen.includes(b))),
    aantalOpProgramma: async (code, versie) => [...this.registraties.values()].filter((t) => t.programmaCode === code && t.programmaVersie === versie).length,
  };
  openTaken: Awaited<ReturnType<TakenOpslag['openVoor']>> = [];
  signaalGebeurtenissen: Awaited<ReturnType<TrajectOpslag['gebeurtenissenVoor']>> = [];
  takenOpslag = { openVoor: async (sub: string) => this.openTaken.filter((t) => t.toegewezenAan === sub) } as unknown as TakenOpslag;
  workflows: TrajectWorkflows = {
    start: async (_wf, input) => {
      this.gestart.push(input);
      const { state } = startTraject(
        { trajectId: input.trajectId, datum: '2027-01-04', regie: input.start.regie, coach: input.start.coach, aanmeldreden: input.start.aanmeldreden },
        input.programma,
        '2027-01-04',
      );
      // The workflow's own overview; the projection is only what the service or an activity writes.
      this.workflowOverzichten.set(input.trajectId, trajectOverzicht(state));
    },
    opdracht: async (_wf, invoer, door) => {
      this.opdrachten.push(invoer);
      this.uitvoerders.push(door);
      return { fase: 'kennismaking', status: 'actief', gebeurtenissen: [] } as OpdrachtResultaat;
    },
    overzicht: async (wf) => this.workflowOverzichten.get(wf.replace(/^traject-/, '')) as TrajectOverzicht,
    tijdlijn: async () => [],
    caseloadOverdracht: async (wf, o) => void this.overdrachten.push([wf, o.vanCoachId, o.naar.coachId]),
    metingen: async () => ({ metingen: [] }),
  };
  overdrachten: [string, string, string][] = [];
  workflowOverzichten = new Map<string, TrajectOverzicht>();
  meldingen: (VerwerkingMelding & { traceId: string })[] = [];
  logWeigert = false;
  verwerkingslog: VerwerkingslogPoort = {
    meld: async (m, a) => {
      if (this.logWeigert) throw new Error('consent-service unreachable');
      this.meldingen.push({ ...m, traceId: a.traceId });
    },
  };
  programmas = new GeheugenProgrammaOpslag();
  service = new TrajectService(
    this.deelnemerOpslag,
    this.trajectOpslag,
    this.takenOpslag,
    this.workflows,
    this.verwerkingslog,
    new Toegang(REGISTER),
    this.programmas,
  );

  constructor() {
    void this.programmas.zaai(PROGRAMMA_CATALOGUS, 'catalogus');
  }

  betrokkenheid(id: string, org: string): TrajectBetrokkenheid[] {
    const o = this.overzichten.get(id);
    return [
      ...(this.registraties.get(id)?.aangemaaktDoorOrganisatie === org ? (['aanmelder'] as const) : []),
      ...(o?.regie.organisatieId === org ? (['regievoerder'] as const) : []),
      ...(o?.coach?.organisatieId === org ? (['coach-organisatie'] as const) : []),
    ];
  }
}

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return isDomainError(e) ? e.code : 'not-a-domain-error';
  }
}

const deelnemer = { bsn: '111222333', voornamen: 'A', achternaam: 'B', geboortedatum: '1980-01-01', contact: {} };
const starten = (deelnemerId: string) => ({
  deelnemerId,
  programmaCode: 'fip',
  regie: { regievoerderId: 'km-1', organisatieId: 'gem' },
  coach: { coachId: 'c1', organisatieId: 'uv' },
  aanmeldreden: 'activering',
  doelgroep: {},
});

describe('TrajectService', () => {
  it('registers a deelnemer once; an invalid BSN is rejected before anything is stored', async () => {
    const f = new Fakes();
    expect(await code(f.service.maakDeelnemer({ ...deelnemer, bsn: '123456789' }, KM))).toBe('TRAJECT.BSN_INVALID');
    expect(f.deelnemers.size).toBe(0);
    expect(await f.service.maakDeelnemer(deelnemer, KM)).toEqual({ id: 'd1' });
    expect(await f.service.maakDeelnemer(deelnemer, KM)).toEqual({ id: 'd1' });
    expect(f.deelnemers.size).toBe(1);
  });

  it('answers a known BSN like an unknown one: the other gemeente becomes an aanmelder, the stored data stays, its read is logged', async () => {
    const f = new Fakes();
    const { id } = await f.service.maakDeelnemer(deelnemer, KM);
    const andereGemeente = { sub: 'km-9', organisatie: 'gem-2', rol: 'klantmanager' } as const;
    expect(await code(f.service.deelnemer(id, andereGemeente, AANROEP))).toBe('TRAJECT.DEELNEMER_NOT_FOUND');
    expect(await f.service.maakDeelnemer({ ...deelnemer, voornamen: 'Ander' }, andereGemeente)).toEqual({ id });
    expect((await f.service.deelnemer(id, andereGemeente, AANROEP)).voornamen).toBe('A');
    expect(f.meldingen).toHaveLength(1);
    expect(await code(f.service.maakDeelnemer({ ...deelnemer, bsn: '111222345' }, VREEMD))).toBe('TOEGANG.GEWEIGERD');
  });

  it('starts a traject with the programme definition in the workflow input and an opaque workflow id', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id, overzicht } = await f.service.start(starten(d), KM);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(f.registraties.get(id)).toEqual(expect.objectContaining({ deelnemerId: d, programmaCode: 'fip', programmaVersie: 1, workflowId: `traject-${id}` }));
    expect(f.gestart[0].programma).toBe(FIP_V1);
    expect(JSON.stringify(f.gestart[0])).not.toContain('111222333');
    expect(overzicht.fase).toBe('contact-leggen');
    // Read-your-writes: the projection holds the overview before any activity ran, so the
    // involved organisations can issue the next command at once.
    expect(f.overzichten.get(id)).toEqual(overzicht);
  });

  it('checks the doelgroep: a failed check needs a coded override, which is stored with the traject', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const maatwerk = { ...starten(d), programmaCode: 'maatwerktraject-den-bosch', doelgroep: { ladderTrede: 5, jarenInBijstand: 4 } };
    expect(await code(f.service.start(maatwerk, KM))).toBe('TRAJECT.NOT_ELIGIBLE');
    expect(f.gestart).toEqual([]);
    const { id } = await f.service.start({ ...maatwerk, doelgroepAfwijking: 'maatwerkbesluit' }, KM);
    expect(f.registraties.get(id)).toEqual(
      expect.objectContaining({
        doelgroepAfwijking: 'maatwerkbesluit',
        doelgroepToets: { geschikt: false, afwijzingen: ['ladder-buiten-bereik'], onbekend: [] },
      }),
    );
    const { id: tweede } = await f.service.start({ ...maatwerk, doelgroep: { ladderTrede: 2 } }, KM);
    expect(f.registraties.get(tweede)).toEqual(expect.objectContaining({ doelgroepToets: expect.objectContaining({ onbekend: ['onbekend-bijstandsduur'] }) }));
  });

  it('refuses starts by another organisation, unknown deelnemers and unknown programmes', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    expect(await code(f.service.start(starten(d), VREEMD))).toBe('TOEGANG.GEWEIGERD');
    // Another gemeente's klantmanager did not register this deelnemer: no aanmelding for it.
    expect(
      await code(
        f.service.start(
          { ...starten(d), regie: { regievoerderId: 'km-2', organisatieId: 'gem-2' } },
          { sub: 'km-2', organisatie: 'gem-2', rol: 'klantmanager' },
        ),
      ),
    ).toBe('TOEGANG.GEWEIGERD');
    expect(await code(f.service.start(starten('d9'), KM))).toBe('TRAJECT.DEELNEMER_NOT_FOUND');
    expect(await code(f.service.start({ ...starten(d), programmaCode: 'onbekend' }, KM))).toBe('TRAJECT.PROGRAMME_NOT_FOUND');
    expect(f.gestart).toEqual([]);
  });

  it('shows a traject only to involved organisations (others get not-found)', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id } = await f.service.start(starten(d), KM);
    expect((await f.service.overzicht(id, KM, AANROEP)).trajectId).toBe(id);
    expect((await f.service.overzicht(id, COACH, AANROEP)).trajectId).toBe(id);
    expect(await code(f.service.overzicht(id, VREEMD, AANROEP))).toBe('TRAJECT.NOT_FOUND');
    expect(await code(f.service.opdracht(id, 'pauze', { reden: 'ziekte' }, VREEMD))).toBe('TRAJECT.NOT_FOUND');
    expect(await code(f.service.overzicht('00000000-0000-0000-0000-000000000000', KM, AANROEP))).toBe('TRAJECT.NOT_FOUND');
    // A stuurgroep member of the lead organisation still sees aggregated figures only.
    const stuurgroeplid = { sub: 'sg-1', organisatie: 'gem', rol: 'stuurgroeplid' } as const;
    expect(await code(f.service.overzicht(id, stuurgroeplid, AANROEP))).toBe('TOEGANG.GEWEIGERD');
    expect(await code(f.service.maakDeelnemer({ ...deelnemer, bsn: '111222345' }, stuurgroeplid))).toBe('TOEGANG.GEWEIGERD');
  });

  it("tells an involved organisation the traject's regievoerder with its involvement, so a handover escalates to the lead and not to the sender", async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id } = await f.service.start(starten(d), KM);
    expect(await f.service.trajectBetrokkenheidVan(id, COACH)).toMatchObject({
      deelnemerId: d,
      betrokkenheid: ['coach-organisatie'],
      regie: { regievoerderId: 'km-1', organisatieId: 'gem' },
    });
    expect(await code(f.service.trajectBetrokkenheidVan(id, VREEMD))).toBe('TRAJECT.NOT_FOUND');
  });

  it("gives the deelnemer their own trajecten (and nobody else's); an uninvolved organisation gets not-found", async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id: ander } = await f.service.maakDeelnemer({ ...deelnemer, bsn: '111222345' }, KM);
    const { id } = await f.service.start(starten(d), KM);
    const zelf = { sub: `deelnemer:${d}`, organisatie: `deelnemer:${d}`, rol: 'deelnemer', deelnemerId: d } as const;
    expect((await f.service.trajectenVan(d, zelf, AANROEP)).map((o) => [o.trajectId, o.fase])).toEqual([[id, 'contact-leggen']]);
    expect((await f.service.trajectenVan(d, KM, AANROEP)).map((o) => o.trajectId)).toEqual([id]);
    expect(await code(f.service.trajectenVan(ander, zelf, AANROEP))).toBe('TRAJECT.DEELNEMER_NOT_FOUND');
    expect(await code(f.service.trajectenVan(d, VREEMD, AANROEP))).toBe('TRAJECT.DEELNEMER_NOT_FOUND');
  });

  it('a read by the coach organisation is written to the processing log before it is answered; the lead reads unlogged; no log line, no data', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id } = await f.service.start(starten(d), KM);
    await f.service.overzicht(id, KM, AANROEP);
    await f.service.tijdlijn(id, KM, AANROEP);
    expect(f.meldingen).toEqual([]);

    expect((await f.service.overzicht(id, COACH, AANROEP)).trajectId).toBe(id);
    await f.service.tijdlijn(id, COACH, AANROEP);
    const raadpleging = { handeling: 'raadpleging', deelnemerId: d, doel: 're-integratie', categorieen: ['traject-status'], traceId: AANROEP.traceId };
    expect(f.meldingen).toEqual([raadpleging, raadpleging]);

    f.logWeigert = true;
    expect(await code(f.service.overzicht(id, COACH, AANROEP))).toBe('TRAJECT.PROCESSING_LOG_UNAVAILABLE');
    expect(await code(f.service.tijdlijn(id, COACH, AANROEP))).toBe('TRAJECT.PROCESSING_LOG_UNAVAILABLE');
    expect((await f.service.overzicht(id, KM, AANROEP)).trajectId).toBe(id);
  });

  it('shows a deelnemer with their trajecten to the registering and involved organisations only; the BSN in full to a klantmanager alone', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer({ ...deelnemer, contact: { email: 'a@b.nl' }, huishoudenId: 'hh-1' }, KM);
    const andereGemeente = { sub: 'km-2', organisatie: 'gem-2', rol: 'klantmanager' } as const;
    expect(await code(f.service.deelnemer(d, COACH, AANROEP))).toBe('TRAJECT.DEELNEMER_NOT_FOUND');

    const eerste = await f.service.start(starten(d), KM);
    const tweede = await f.service.start({ ...starten(d), doelgroepAfwijking: 'maatwerkbesluit' as const, coach: { coachId: 'c9', organisatieId: 'ggz' } }, KM);
    const gezien = await f.service.deelnemer(d, KM, AANROEP);
    expect(gezien).toEqual({
      id: d,
      bsn: '111222333',
      bsnGemaskeerd: '******333',
      voornamen: 'A',
      achternaam: 'B',
      geboortedatum: '1980-01-01',
      contact: { email: 'a@b.nl' },
      huishoudenId: 'hh-1',
      trajecten: [
        { id: eerste.id, programma: { code: 'fip', versie: 1 }, startdatum: '2027-01-04', fase: 'contact-leggen', status: 'actief' },
        { id: tweede.id, programma: { code: 'fip', versie: 1 }, startdatum: '2027-01-04', fase: 'contact-leggen', status: 'actief' },
      ],
    });
    expect(f.meldingen).toEqual([]);

    const doorCoach = await f.service.deelnemer(d, COACH, AANROEP);
    expect(doorCoach.bsn).toBeUndefined();
    expect(doorCoach.bsnGemaskeerd).toBe('******333');
    expect(doorCoach.trajecten.map((t) => t.id)).toEqual([eerste.id, tweede.id]);
    expect(f.meldingen).toEqual([
      { handeling: 'raadpleging', deelnemerId: d, doel: 're-integratie', categorieen: ['contact', 'traject-status'], traceId: AANROEP.traceId },
    ]);

    for (const wie of [VREEMD, andereGemeente]) expect(await code(f.service.deelnemer(d, wie, AANROEP))).toBe('TRAJECT.DEELNEMER_NOT_FOUND');
    expect(await code(f.service.deelnemer('d9', KM, AANROEP))).toBe('TRAJECT.DEELNEMER_NOT_FOUND');
    expect(await code(f.service.deelnemer(d, { sub: 'sg-1', organisatie: 'gem', rol: 'stuurgroeplid' }, AANROEP))).toBe('TOEGANG.GEWEIGERD');
    expect(f.meldingen).toHaveLength(1);

    f.logWeigert = true;
    expect(await code(f.service.deelnemer(d, COACH, AANROEP))).toBe('TRAJECT.PROCESSING_LOG_UNAVAILABLE');
    expect((await f.service.deelnemer(d, KM, AANROEP)).id).toBe(d);
  });

  it('a deelnemer registered before the registering organisation was recorded: the lead reads without a log line, the coach with one', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    await f.service.start(starten(d), KM);
    f.deelnemers.set(d, { ...(f.deelnemers.get(d) as Parameters<DeelnemerOpslag['maak']>[0]), aangemaaktDoorOrganisatie: undefined as unknown as string });
    expect((await f.service.deelnemer(d, KM, AANROEP)).id).toBe(d);
    expect(f.meldingen).toEqual([]);
    expect((await f.service.deelnemer(d, COACH, AANROEP)).id).toBe(d);
    expect(f.meldingen).toHaveLength(1);
  });

  it('caseload transfer: signals every running traject of the leaving coach within the own organisation', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const a = await f.service.start(starten(d), KM);
    const b = await f.service.start({ ...starten(d), doelgroepAfwijking: 'maatwerkbesluit' as const }, KM);
    const teamleider = { sub: 'tl-1', organisatie: 'uv', rol: 'coach' } as const;
    expect(await code(f.service.draagCaseloadOver({ vanCoachId: 'c1', naar: { coachId: 'c2', organisatieId: 'uv' } }, KM))).toBe('TRAJECT.FORBIDDEN');
    expect(await f.service.draagCaseloadOver({ vanCoachId: 'c1', naar: { coachId: 'c2', organisatieId: 'uv' } }, teamleider)).toEqual({ trajecten: 2 });
    expect(f.overdrachten.map(([wf]) => wf).sort()).toEqual([`traject-${a.id}`, `traject-${b.id}`].sort());
  });

  it('lets only the regievoerder move the lead or the coach organisation; the coach organisation does the daily work', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id } = await f.service.start(starten(d), KM);
    expect(await code(f.service.opdracht(id, 'regiewissel', { regie: { regievoerderId: 'c1', organisatieId: 'uv' } }, COACH))).toBe('TOEGANG.GEWEIGERD');
    expect(await code(f.service.opdracht(id, 'coachwissel', { coach: { coachId: 'x-1', organisatieId: 'wijkteam-x' }, reden: 'overig' }, COACH))).toBe(
      'TOEGANG.GEWEIGERD',
    );
    expect(await code(f.service.opdracht(id, 'coach-toewijzen', { coach: { coachId: 'x-1', organisatieId: 'wijkteam-x' } }, COACH))).toBe('TOEGANG.GEWEIGERD');
    expect(f.opdrachten).toEqual([]);
    await f.service.opdracht(id, 'coachwissel', { coach: { coachId: 'c2', organisatieId: 'uv' }, reden: 'vertrek' }, COACH);
    await f.service.opdracht(id, 'contactpoging', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' }, COACH);
    await f.service.opdracht(id, 'regiewissel', { regie: { regievoerderId: 'km-1', organisatieId: 'gem' } }, KM);
    expect(f.opdrachten.map((o) => o.soort)).toEqual(['coachwissel', 'contactpoging', 'regiewissel']);
    // Every command carries who issued it, as the service verified it, for the timeline.
    expect(f.uitvoerders).toEqual([
      { sub: 'c1', organisatie: 'uv', rol: 'coach' },
      { sub: 'c1', organisatie: 'uv', rol: 'coach' },
      { sub: 'km-1', organisatie: 'gem', rol: 'klantmanager' },
    ]);
  });

  it('validates command bodies against the schema of their sub-resource before reaching the workflow', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id } = await f.service.start(starten(d), KM);
    expect(await code(f.service.opdracht(id, 'uitval', { reden: 'geen-zin' }, KM))).toBe('TRAJECT.COMMAND_INVALID');
    expect(f.opdrachten).toEqual([]);
    await f.service.opdracht(id, 'contactpoging', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt', soort: 'uitval' }, KM);
    expect(f.opdrachten).toEqual([{ soort: 'contactpoging', kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' }]);
  });
});

describe('TrajectService with programmes as data', () => {
  const tweede = { ...deelnemer, bsn: '123456782' };

  it('a traject follows the version valid on its start date and keeps it; caps and cohorts are enforced', async () => {
    const f = new Fakes();
    const { id: d1 } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id: d2 } = await f.service.maakDeelnemer(tweede, KM);
    await f.programmas.voegVersieToe({ ...FIP_V1, versie: 2, geldigVanaf: '2027-02-01', maxTrajecten: 1 }, { sub: 'km-1' });
    await f.service.start({ ...starten(d1), datum: '2027-01-20' }, KM);
    expect(f.gestart[0].programma.versie).toBe(1);
    await f.service.start({ ...starten(d2), datum: '2027-02-01' }, KM);
    expect(f.gestart[1].programma.versie).toBe(2);
    const { id: d3 } = await f.service.maakDeelnemer({ ...deelnemer, bsn: '100000009' }, KM);
    expect(await code(f.service.start({ ...starten(d3), datum: '2027-02-02' }, KM))).toBe('TRAJECT.PROGRAMME_FULL');
    expect(await code(f.service.start({ ...starten(d3), datum: '2026-01-01', programmaCode: 'top-vrouwen' }, KM))).toBe('TRAJECT.PROGRAMME_NOT_FOUND');
    expect(await code(f.service.start({ ...starten(d3), datum: '2027-03-02', programmaCode: 'top-vrouwen' }, KM))).toBe('TRAJECT.GROUP_STARTED');
  });

  it('another traject at the same time: refused when either programme allows none beside it, unless overridden', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    await f.service.start(starten(d), KM);
    const maatwerk = { ...starten(d), programmaCode: 'maatwerktraject-den-bosch', doelgroep: { ladderTrede: 2 as const, jarenInBijstand: 4 } };
    expect(await code(f.service.start(maatwerk, KM))).toBe('TRAJECT.NOT_ELIGIBLE');
    const { id } = await f.service.start({ ...maatwerk, doelgroepAfwijking: 'maatwerkbesluit' }, KM);
    expect(f.registraties.get(id)).toEqual(
      expect.objectContaining({ doelgroepToets: expect.objectContaining({ afwijzingen: ['lopend-traject-sluit-ander-uit'] }) }),
    );
  });

  it('who scored comes from the token, whatever the body says; a score in another instrument version than the programme uses is refused', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id } = await f.service.start(starten(d), KM);
    const meting = { instrument: 'participatieladder', trede: 2, datum: '2027-01-04', instrumentVersie: 'participatieladder-6' };
    await f.service.opdracht(
      id,
      'meting',
      { metingen: [{ ...meting, scorer: { rol: 'coach', professionalId: 'iemand-anders' } }, { ...meting, scorer: { rol: 'zelf' } }, meting] },
      COACH,
    );
    expect(await code(f.service.opdracht(id, 'meting', { metingen: [{ ...meting, instrumentVersie: 'participatieladder-2008' }] }, COACH))).toBe(
      'TRAJECT.SCORE_INVALID',
    );
    expect(f.opdrachten).toHaveLength(1);
    const metingen = (f.opdrachten[0] as { metingen: { scorer: unknown }[] }).metingen;
    expect(metingen.map((m) => m.scorer)).toEqual([
      { rol: 'coach', professionalId: 'c1' },
      { rol: 'zelf', professionalId: 'c1' },
      { rol: 'coach', professionalId: 'c1' },
    ]);
  });
});

describe('TrajectService: lists for people', () => {
  it("a coach's tasks keep the next call-back and the re-approach after a no as planned deadlines, overdue first", async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id } = await f.service.start(starten(d), KM);
    // The traject after an unanswered call and a "nee": its tasks appear later, but the deadlines run.
    const o = f.overzichten.get(id) as TrajectOverzicht;
    f.overzichten.set(id, {
      ...o,
      termijnen: [
        {
          id: 't7',
          soort: 'herbenadering',
          voor: 'coach',
          taakVanaf: '2027-02-04',
          vervalt: '2027-02-09',
          taakAangemaakt: false,
          verlopen: false,
          geescaleerd: false,
        },
        {
          id: 't2',
          soort: 'einddatum',
          voor: 'regievoerder',
          taakVanaf: '2027-12-20',
          vervalt: '2028-01-04',
          taakAangemaakt: false,
          verlopen: false,
          geescaleerd: false,
        },
        {
          id: 't5',
          soort: 'contactpoging',
          voor: 'coach',
          taakVanaf: '2027-01-07',
          vervalt: '2027-01-12',
          taakAangemaakt: true,
          verlopen: false,
          geescaleerd: false,
        },
      ],
    });
    f.openTaken = [
      { trajectId: id, termijnId: 't5', soort: 'contactpoging', voor: 'coach', toegewezenAan: 'c1', vervalt: '2027-01-12', status: 'open' },
      { trajectId: 'ander', termijnId: 't9', soort: 'evaluatie', voor: 'coach', toegewezenAan: 'c1', vervalt: '2027-03-01', status: 'verlopen' },
    ];
    const taken = await f.service.taken(COACH);
    expect(taken.map((t) => [t.termijnId, t.status, t.taakVanaf])).toEqual([
      ['t9', 'verlopen', undefined],
      ['t5', 'open', undefined],
      ['t7', 'gepland', '2027-02-04'],
    ]);
    // The regievoerder's deadline is on the regievoerder's list, not the coach's.
    expect((await f.service.taken(KM)).map((t) => [t.termijnId, t.status])).toEqual([['t2', 'gepland']]);
    expect(await code(f.service.taken({ sub: 'd1', organisatie: '', rol: 'deelnemer', deelnemerId: d } as never))).toBe('TOEGANG.GEWEIGERD');
  });

  it('lists only the trajecten the organisation is involved in, paginated, with the name read logged for the coach organisation only', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id: d2 } = await f.service.maakDeelnemer({ ...deelnemer, bsn: '111222345', voornamen: 'C' }, KM);
    await f.service.start(starten(d), KM);
    await f.service.start({ ...starten(d2), coach: undefined }, KM);
    const km = await f.service.lijst({}, { pagina: 1, perPagina: 1 }, KM, AANROEP);
    expect({ totaal: km.totaal, paginas: km.paginas, rijen: km.trajecten.length }).toEqual({ totaal: 2, paginas: 2, rijen: 1 });
    expect(km.trajecten[0]).toEqual(
      expect.objectContaining({ programma: expect.objectContaining({ code: 'fip', naam: expect.stringContaining('FIP') }), faseTekst: expect.any(String) }),
    );
    expect(f.meldingen).toEqual([]);
    const coach = await f.service.lijst({}, { pagina: 1, perPagina: 20 }, COACH, AANROEP);
    expect(coach.trajecten.map((t) => t.deelnemer?.naam)).toEqual(['A B']);
    expect(f.meldingen.map((m) => m.deelnemerId)).toEqual([d]);
    expect((await f.service.lijst({}, { pagina: 1, perPagina: 20 }, VREEMD, AANROEP)).trajecten).toEqual([]);
    expect((await f.service.lijst({ programma: 'andere' }, { pagina: 1, perPagina: 20 }, KM, AANROEP)).totaal).toBe(0);
  });
});

describe("TrajectService: the regievoerder's signals", () => {
  it('turns drop-outs, consent refused or withdrawn, escalations and lead changes into signals in Dutch; other handover endings are none', async () => {
    const f = new Fakes();
    const { id: d } = await f.service.maakDeelnemer(deelnemer, KM);
    const { id } = await f.service.start(starten(d), KM);
    const g = (nr: number, soort: string, gegevens: Record<string, string>) => ({
      trajectId: id,
      deelnemerId: d,
      programmaCode: 'fip',
      betrokkenheid: ['aanmelder', 'regievoerder'] as TrajectBetrokkenheid[],
      gebeurtenis: { nr, datum: '2027-01-04', soort, fase: 'uitvoering', gegevens } as never,
      vastgelegdOp: new Date('2027-01-04T09:30:00Z'),
    });
    f.signaalGebeurtenissen = [
      g(9, 'overdracht-beeindigd', { status: 'toestemming-ingetrokken' }),
      g(8, 'overdracht-beeindigd', { status: 'geannuleerd' }),
      g(7, 'overdracht-beeindigd', { status: 'toestemming-geweigerd' }),
      g(6, 'geescaleerd', { termijn: 'evaluatie', termijnId: 't3' }),
      g(5, 'regie-gewijzigd', { vanOrganisatieId: 'gem', naarOrganisatieId: 'gem', doorOrganisatie: 'gem', doorRol: 'klantmanager' }),
      g(4, 'uitgevallen', { reden: 'verhuisd' }),
    ];
    const { signalen } = await f.service.signalen(KM, AANROEP);
    expect(signalen.map((s) => [s.soortTekst, s.titel, s.details])).toEqual([
      ['Toestemming ingetrokken', 'Warme overdracht beëindigd', ['Uitkomst: de deelnemer trok de toestemming in']],
      ['Toestemming geweigerd', 'Warme overdracht beëindigd', ['Uitkomst: de deelnemer gaf geen toestemming']],
      ['Escalatie', 'Geëscaleerd naar de regievoerder: evaluatie houden', []],
      ['Regiewissel', 'Regie overgedragen', ['Andere regievoerder bij een andere organisatie']],
      ['Uitval', 'Deelnemer uitgevallen', ['Reden: verhuisd']],
    ]);
    expect(signalen[0]).toEqual(
      expect.objectContaining({ vastgelegdOp: '4 januari 2027, 10:30', deelnemer: { id: d, naam: 'A B' }, datumTekst: '4 januari 2027' }),
    );
    // The lead reads its own traject: nothing to log.
    expect(f.meldingen).toEqual([]);
    expect(await code(f.service.signalen({ sub: 's', organisatie: 'gem', rol: 'stuurgroeplid' }, AANROEP))).toBe('TOEGANG.GEWEIGERD');
  });
});
