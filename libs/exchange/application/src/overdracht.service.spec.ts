import type { Aflevering, DossierInzage, DossierRecord, OverdrachtRecord } from '@ketenregie/exchange-domain';
import type { DossierRepository, OutboxRepository, OverdrachtRepository } from './exchange.ports';

/** The repositories these tests fake in one object. */
type ExchangeOpslag = OverdrachtRepository & DossierRepository & OutboxRepository;
import { PreconditionError } from '@ketenregie/shared-kernel';
import { Toegang, vastOrganisatieRegister } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import type { OverdrachtWorkflowPoort, VerwerkingslogPoort } from './exchange.ports';
import { OutboxBezorger } from './outbox.bezorger';
import { OverdrachtService } from './overdracht.service';

const TOEGANG = new Toegang(vastOrganisatieRegister({ gemeente: 'gemeente', ggz: 'ggz', senzer: 'uitvoerder', 'org-ggz': 'ggz' }));

/** The traject context: the gemeente leads traject tr-7 of deelnemer D7 (the bearer names the organisation here). */
const D7 = randomUUID();
const BETROKKENHEID = {
  bijDeelnemer: async () => [],
  inTraject: async (trajectId: string, bearer: string | undefined) =>
    trajectId === 'tr-7' && bearer === 'gemeente'
      ? { deelnemerId: D7, betrokkenheid: ['aanmelder', 'regievoerder'] as const, regie: { regievoerderId: 'km-1', organisatieId: 'gemeente' } }
      : trajectId === 'tr-7' && bearer === 'senzer'
        ? { deelnemerId: D7, betrokkenheid: ['coach-organisatie'] as const, regie: { regievoerderId: 'km-1', organisatieId: 'gemeente' } }
        : undefined,
};

const km: Identity = { sub: 'km-1', organisatie: 'gemeente', organisatieType: 'gemeente', rol: 'klantmanager' };
const ggz: Identity = { sub: 'b-1', organisatie: 'ggz', organisatieType: 'ggz', rol: 'behandelaar' };
const derde: Identity = { sub: 'c-1', organisatie: 'senzer', organisatieType: 'uitvoerder', rol: 'coach' };

function overdracht(status: OverdrachtRecord['status']): OverdrachtRecord {
  return {
    id: randomUUID(),
    deelnemerId: randomUUID(),
    zender: { organisatie: 'gemeente', type: 'gemeente', professional: 'km-1', rol: 'klantmanager' },
    ontvanger: { organisatie: 'ggz', type: 'ggz' },
    regievoerder: 'km-1',
    regievoerderOrganisatie: 'gemeente',
    reden: 'ggz-behandeling',
    overTeNemen: ['regie'],
    status,
    afwijzingen: [],
    aangevraagdOp: new Date(),
    bijgewerktOp: new Date(),
  };
}

function opslagMet(o: OverdrachtRecord, dossier?: DossierRecord) {
  const inzagen: DossierInzage[] = [];
  const opslag: Partial<ExchangeOpslag> = {
    overdracht: async (id) => (id === o.id ? o : undefined),
    dossier: async () => dossier,
    logInzage: async (i) => {
      inzagen.push(i);
    },
  };
  return { opslag: opslag as ExchangeOpslag, inzagen };
}

const workflows: OverdrachtWorkflowPoort = {
  start: async () => undefined,
  voerUit: async () => Promise.reject(new Error('not used')),
  meldOntvangerOnbereikbaar: async () => undefined,
};
const aanroep = { traceId: 'a'.repeat(32), bearer: 'token' };

describe('OverdrachtService.leesDossier', () => {
  it('refuses a read the processing log could not record: no data without a log line', async () => {
    const o = overdracht('dossier-geleverd');
    const { opslag, inzagen } = opslagMet(o, { overdrachtId: o.id, besluitId: randomUUID(), categorieen: { contact: { naam: 'J' } }, geleverdOp: new Date() });
    const log: VerwerkingslogPoort = { meld: async () => Promise.reject(new Error('consent-service down')) };
    await expect(new OverdrachtService(opslag, opslag, workflows, log, TOEGANG, BETROKKENHEID).leesDossier(o.id, ggz, aanroep)).rejects.toThrow(
      'consent-service down',
    );
    expect(inzagen).toEqual([]);
  });

  it('tells a third organisation nothing (404) and the sender that only the receiver reads (403)', async () => {
    const o = overdracht('dossier-geleverd');
    const { opslag } = opslagMet(o);
    const log: VerwerkingslogPoort = { meld: async () => undefined };
    const service = new OverdrachtService(opslag, opslag, workflows, log, TOEGANG, BETROKKENHEID);
    await expect(service.leesDossier(o.id, derde, aanroep)).rejects.toMatchObject({ kind: 'not-found', code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN' });
    await expect(service.leesDossier(o.id, km, aanroep)).rejects.toMatchObject({ kind: 'forbidden', code: 'TOEGANG.GEWEIGERD' });
  });

  it('shows the receiver nothing of a handover before the consent decision permitted the dossier (finding 6)', async () => {
    const o = overdracht('toestemming-gevraagd');
    const { opslag } = opslagMet(o);
    const service = new OverdrachtService(opslag, opslag, workflows, { meld: async () => undefined }, TOEGANG, BETROKKENHEID);
    await expect(service.bekijk(o.id, ggz)).rejects.toMatchObject({ code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN' });
    await expect(service.leesDossier(o.id, ggz, aanroep)).rejects.toMatchObject({ code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN' });
    expect((await service.bekijk(o.id, km)).richting).toBe('uitgaand');
  });

  it('denies and logs a read after a rejection, even while the dossier row still exists', async () => {
    const o = overdracht('afgewezen');
    const { opslag, inzagen } = opslagMet(o, { overdrachtId: o.id, besluitId: randomUUID(), categorieen: { contact: { naam: 'J' } }, geleverdOp: new Date() });
    const meldingen: unknown[] = [];
    const service = new OverdrachtService(opslag, opslag, workflows, { meld: async (m) => void meldingen.push(m) }, TOEGANG, BETROKKENHEID);
    await expect(service.leesDossier(o.id, ggz, aanroep)).rejects.toMatchObject({ code: 'EXCHANGE.DOSSIER_NIET_BESCHIKBAAR' });
    expect(inzagen).toEqual([expect.objectContaining({ uitkomst: 'geweigerd', reden: 'afgewezen', organisatie: 'ggz' })]);
    // The refused read reaches the deelnemer's processing log too, with no data categories.
    expect(meldingen).toEqual([{ handeling: 'raadpleging', status: 'geweigerd', deelnemerId: o.deelnemerId, doel: 'warme-overdracht', categorieen: [] }]);
  });
});

describe('OverdrachtService.vraagAan', () => {
  const aanvraag = {
    deelnemerId: D7,
    trajectId: 'tr-7',
    ontvanger: { organisatie: 'ggz', type: 'ggz' as const },
    reden: 'ggz-behandeling',
    overTeNemen: ['regie'],
    gegevens: { contact: { naam: 'J' } },
  };

  function opgeslagen() {
    const stappen: Parameters<ExchangeOpslag['registreerStap']>[0][] = [];
    const records: OverdrachtRecord[] = [];
    const verwijderd: string[] = [];
    const opslag: Partial<ExchangeOpslag> = {
      voegOverdrachtToe: async (record) => void records.push(record),
      registreerStap: async (stap) => (stappen.push(stap), true),
      verwijderOverdracht: async (id) => void verwijderd.push(id),
    };
    return { opslag: opslag as ExchangeOpslag, stappen, records, verwijderd };
  }

  it('stores the request, then asks for the workflow with the traject id (the traject starts it as its child)', async () => {
    const { opslag, records, stappen } = opgeslagen();
    const gestart: Parameters<OverdrachtWorkflowPoort['start']>[0][] = [];
    const service = new OverdrachtService(
      opslag,
      opslag,
      { ...workflows, start: async (i) => void gestart.push(i) },
      { meld: async () => undefined },
      TOEGANG,
      BETROKKENHEID,
    );
    const record = await service.vraagAan(aanvraag, km, { traceId: 'a'.repeat(32), bearer: 'gemeente' });
    expect(records.map((r) => r.id)).toEqual([record.id]);
    expect(gestart).toEqual([
      expect.objectContaining({ overdrachtId: record.id, trajectId: 'tr-7', zender: expect.objectContaining({ organisatie: 'gemeente' }) }),
    ]);
    expect(stappen).toEqual([]);
  });

  it('a request with its own stable overdrachtId (a retried worker activity) is stored and started once; another organisation gets 404 for that id', async () => {
    const { opslag, records } = opgeslagen();
    (opslag as Partial<ExchangeOpslag>).overdracht = async (id) => records.find((r) => r.id === id);
    const gestart: string[] = [];
    const service = new OverdrachtService(
      opslag,
      opslag,
      { ...workflows, start: async (i) => void gestart.push(i.overdrachtId) },
      { meld: async () => undefined },
      TOEGANG,
      BETROKKENHEID,
    );
    const overdrachtId = randomUUID();
    const eerste = await service.vraagAan({ ...aanvraag, overdrachtId }, km, { traceId: 'a'.repeat(32), bearer: 'gemeente' });
    const tweede = await service.vraagAan({ ...aanvraag, overdrachtId }, km, { traceId: 'b'.repeat(32), bearer: 'gemeente' });
    expect(eerste.id).toBe(overdrachtId);
    expect(tweede).toEqual(eerste);
    expect(records).toHaveLength(1);
    // Asked twice of the traject (its update id answers a repeat from the first), stored once.
    expect(gestart).toEqual([overdrachtId, overdrachtId]);
    records[0] = { ...records[0], status: 'dossier-geleverd' };
    await service.vraagAan({ ...aanvraag, overdrachtId }, km, { traceId: 'd'.repeat(32), bearer: 'gemeente' });
    expect(gestart).toHaveLength(2);
    await expect(
      service.vraagAan({ ...aanvraag, overdrachtId, ontvanger: { organisatie: 'gemeente' } }, derde, { traceId: 'c'.repeat(32), bearer: 'senzer' }),
    ).rejects.toMatchObject({ code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN' });
  });

  it("takes the recipient type from the registry and checks the deelnemer against the traject and the sender's involvement (finding 1)", async () => {
    const { opslag, records } = opgeslagen();
    const service = new OverdrachtService(opslag, opslag, workflows, { meld: async () => undefined }, TOEGANG, BETROKKENHEID);
    // A body's type is never used: left out, the registry's applies; one that disagrees is refused (issue 17).
    await expect(
      service.vraagAan({ ...aanvraag, ontvanger: { organisatie: 'senzer', type: 'ggz' } }, km, { traceId: 'a'.repeat(32), bearer: 'gemeente' }),
    ).rejects.toMatchObject({ code: 'TOEGANG.ORGANISATIETYPE_ONJUIST' });
    expect(records).toHaveLength(0);
    const record = await service.vraagAan({ ...aanvraag, ontvanger: { organisatie: 'senzer' } }, km, {
      traceId: 'a'.repeat(32),
      bearer: 'gemeente',
    });
    expect(record.ontvanger).toEqual({ organisatie: 'senzer', type: 'uitvoerder' });
    await expect(service.vraagAan({ ...aanvraag, deelnemerId: randomUUID() }, km, { traceId: 'a'.repeat(32), bearer: 'gemeente' })).rejects.toMatchObject({
      code: 'EXCHANGE.DEELNEMER_NIET_VAN_TRAJECT',
    });
    await expect(service.vraagAan(aanvraag, ggz, { traceId: 'a'.repeat(32), bearer: 'ggz' })).rejects.toMatchObject({ code: 'TOEGANG.GEWEIGERD' });
    expect(records).toHaveLength(1);
  });

  it("escalates to the traject's regievoerder, not to the sender: a coach organisation's request names the gemeente's regievoerder", async () => {
    const { opslag, records } = opgeslagen();
    const gestart: Parameters<OverdrachtWorkflowPoort['start']>[0][] = [];
    const service = new OverdrachtService(
      opslag,
      opslag,
      { ...workflows, start: async (i) => void gestart.push(i) },
      { meld: async () => undefined },
      TOEGANG,
      BETROKKENHEID,
    );
    const record = await service.vraagAan(aanvraag, derde, { traceId: 'a'.repeat(32), bearer: 'senzer' });
    expect(record.zender.professional).toBe('c-1');
    expect(record.regievoerder).toBe('km-1');
    expect(record.regievoerderOrganisatie).toBe('gemeente');
    expect(records[0]?.regievoerderOrganisatie).toBe('gemeente');
    expect(gestart[0]?.regievoerder).toBe('km-1');
    await expect(service.vraagAan({ ...aanvraag, regievoerder: 'c-1' }, derde, { traceId: 'a'.repeat(32), bearer: 'senzer' })).rejects.toMatchObject({
      code: 'EXCHANGE.REGIEVOERDER_NIET_VAN_TRAJECT',
    });
    expect(records).toHaveLength(1);
  });

  it('a traject that refuses the handover leaves nothing of the request, and the caller gets the refusal (finding 6)', async () => {
    const { opslag, records, stappen, verwijderd } = opgeslagen();
    const weigert: OverdrachtWorkflowPoort = {
      ...workflows,
      start: async () => Promise.reject(new PreconditionError({ code: 'TRAJECT.STATUS_INVALID', detail: 'No handover while the traject is gepauzeerd' })),
    };
    await expect(
      new OverdrachtService(opslag, opslag, weigert, { meld: async () => undefined }, TOEGANG, BETROKKENHEID).vraagAan(aanvraag, km, {
        traceId: 'a'.repeat(32),
        bearer: 'gemeente',
      }),
    ).rejects.toMatchObject({ code: 'TRAJECT.STATUS_INVALID' });
    expect(stappen).toEqual([]);
    expect(verwijderd).toEqual([records[0]?.id]);
  });

  it('a failure that is not a refusal (Temporal unreachable) leaves the request as it is, for a retry', async () => {
    const { opslag, stappen, verwijderd } = opgeslagen();
    const onbereikbaar: OverdrachtWorkflowPoort = { ...workflows, start: async () => Promise.reject(new Error('UNAVAILABLE')) };
    await expect(
      new OverdrachtService(opslag, opslag, onbereikbaar, { meld: async () => undefined }, TOEGANG, BETROKKENHEID).vraagAan(aanvraag, km, {
        traceId: 'a'.repeat(32),
        bearer: 'gemeente',
      }),
    ).rejects.toThrow('UNAVAILABLE');
    expect(stappen).toEqual([]);
    expect(verwijderd).toEqual([]);
  });
});

describe('OutboxBezorger', () => {
  it('marks what was delivered and backs off exponentially on failures', async () => {
    const aflevering = (n: number): Aflevering => ({
      eventId: randomUUID(),
      abonnementId: randomUUID(),
      url: `http://hook/${n}`,
      organisatie: 'org-ggz',
      geheim: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==',
      pogingen: n,
      volgnummer: String(n),
      type: 'nl.ketenregie.overdracht.aangevraagd',
      subject: `overdracht/${randomUUID()}`,
      dataref: '/api/v1/overdrachten/x',
      data: { status: 'aangevraagd' },
      tijd: new Date('2027-01-04T09:00:00Z'),
    });
    const afgeleverd: string[] = [];
    const mislukt: number[] = [];
    const claims = [aflevering(1), aflevering(3), aflevering(9)];
    const opslag: Partial<ExchangeOpslag> = {
      claimAfleveringen: async () => claims,
      markeerAfgeleverd: async (id) => void afgeleverd.push(id),
      markeerMislukt: async (_id, _ab, _fout, ms) => void mislukt.push(ms),
    };
    const verzonden: { url: string; event: { id: string; specversion: string; sequence: string } }[] = [];
    const bezorger = new OutboxBezorger(
      opslag as ExchangeOpslag,
      opslag as ExchangeOpslag,
      async (url, event) => {
        verzonden.push({ url, event: event as (typeof verzonden)[number]['event'] });
        if (url !== 'http://hook/1') throw new Error('HTTP 500');
      },
      { actief: false, intervalMs: 10, leaseMs: 1000, basisMs: 100, maxMs: 1_000, maxPogingen: 10 },
      workflows,
    );
    expect(await bezorger.ronde()).toBe(1);
    expect(afgeleverd).toEqual([claims[0]?.eventId]);
    expect(mislukt).toEqual([400, 1_000]);
    expect(verzonden[0]?.event).toMatchObject({ id: claims[0]?.eventId, specversion: '1.0', sequence: '1' });
  });
});

describe('OverdrachtService.lijst and levering', () => {
  const met = (status: OverdrachtRecord['status'], minuut: number, ontvanger = 'ggz', zender = 'gemeente'): OverdrachtRecord => ({
    ...overdracht(status),
    zender: { organisatie: zender, type: zender === 'gemeente' ? 'gemeente' : 'uitvoerder', professional: 'p', rol: 'klantmanager' },
    ontvanger: { organisatie: ontvanger, type: ontvanger === 'ggz' ? 'ggz' : 'uitvoerder' },
    bijgewerktOp: new Date(Date.UTC(2026, 11, 7, 9, minuut)),
  });
  const uitgaand = [met('toestemming-nodig', 1), met('dossier-geleverd', 5), met('geannuleerd', 3)];
  const inkomendGeleverd = met('dossier-geleverd', 4, 'gemeente', 'senzer');
  const inkomendZonderToestemming = met('toestemming-nodig', 6, 'gemeente', 'senzer');
  const alle = [...uitgaand, inkomendGeleverd, inkomendZonderToestemming];
  const geleverd = new Set([uitgaand[1]?.id, inkomendGeleverd.id]);
  const opslag = {
    overdrachtenVan: async () => alle,
    takenVan: async () => [],
    dossier: async (id: string) =>
      geleverd.has(id)
        ? { overdrachtId: id, besluitId: 'b', categorieen: { contact: { naam: 'J' } }, geleverdOp: new Date('2026-12-07T09:05:00Z') }
        : undefined,
    bron: async () => ({ contact: { naam: 'J', notitie: 'intern' }, 'werkervaring-cv': { opleidingen: 'mbo' } }),
  } as unknown as ExchangeOpslag;
  const service = new OverdrachtService(opslag, opslag, workflows, { meld: async () => undefined }, TOEGANG, BETROKKENHEID);

  it('pages the visible handovers newest change first, filtered by direction and status; a receiver sees none before consent', async () => {
    const allesVanGemeente = await service.lijst(km, { pagina: 1, limiet: 20 });
    expect(allesVanGemeente.totaal).toBe(4);
    expect(allesVanGemeente.overdrachten.map((i) => i.overdracht.id)).toEqual([uitgaand[1]?.id, inkomendGeleverd.id, uitgaand[2]?.id, uitgaand[0]?.id]);
    const tweede = await service.lijst(km, { pagina: 2, limiet: 3 });
    expect(tweede).toMatchObject({ totaal: 4 });
    expect(tweede.overdrachten.map((i) => i.overdracht.id)).toEqual([uitgaand[0]?.id]);
    expect((await service.lijst(km, { richting: 'inkomend', pagina: 1, limiet: 20 })).overdrachten.map((i) => i.overdracht.id)).toEqual([inkomendGeleverd.id]);
    expect((await service.lijst(km, { status: 'afgerond', pagina: 1, limiet: 20 })).overdrachten.map((i) => i.overdracht.id)).toEqual([uitgaand[2]?.id]);
    expect((await service.lijst(km, { status: 'lopend', richting: 'uitgaand', pagina: 1, limiet: 20 })).totaal).toBe(2);
    await expect(service.lijst({ ...km, rol: 'stuurgroeplid' }, { pagina: 1, limiet: 20 })).rejects.toMatchObject({ code: 'TOEGANG.GEWEIGERD' });
  });

  it("shows the traject's regievoerder its escalation tasks in the inbox, also for a handover it neither sends nor receives", async () => {
    const vanCoach = met('toestemming-nodig', 7, 'ggz', 'senzer');
    const taken = [
      { sleutel: 'e', overdrachtId: vanCoach.id, organisatie: 'gemeente', voor: 'regievoerder', soort: 'toestemming-escalatie' },
      { sleutel: 'x', overdrachtId: randomUUID(), organisatie: 'gemeente', voor: 'zender', soort: 'toestemming-verkrijgen' },
    ];
    const inbox = await new OverdrachtService(
      { ...opslag, overdrachtenVan: async () => [], takenVan: async (org: string) => taken.filter((t) => t.organisatie === org) } as unknown as ExchangeOpslag,
      opslag,
      workflows,
      { meld: async () => undefined },
      TOEGANG,
      BETROKKENHEID,
    ).inbox(km);
    expect(inbox.overdrachten).toEqual([]);
    expect(inbox.taken).toEqual([expect.objectContaining({ overdrachtId: vanCoach.id, voor: 'regievoerder', soort: 'toestemming-escalatie' })]);
  });

  it('tells the sender, once delivered, what went and what stayed behind and why; the receiver gets no such account', async () => {
    const [, geleverdUitgaand] = uitgaand;
    const levering = await service.levering({ overdracht: geleverdUitgaand as OverdrachtRecord, richting: 'uitgaand' });
    expect(levering).toMatchObject({
      ingetrokken: false,
      geleverd: [{ categorie: 'contact', velden: ['naam'] }],
      weggelaten: [
        { categorie: 'contact', veld: 'notitie', reden: 'NIET_VRIJGEGEVEN' },
        { categorie: 'werkervaring-cv', reden: 'NIET_NODIG_VOOR_ROL' },
      ],
    });
    expect(await service.levering({ overdracht: inkomendGeleverd, richting: 'inkomend' })).toBeUndefined();
    expect(await service.levering({ overdracht: uitgaand[0] as OverdrachtRecord, richting: 'uitgaand' })).toBeUndefined();
  });
});
