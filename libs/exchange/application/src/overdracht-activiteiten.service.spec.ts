import type { Namens } from '@ketenregie/exchange-contracts';
import type { DossierRecord, OverdrachtRecord } from '@ketenregie/exchange-domain';
import type { DossierRepository, OverdrachtRepository } from './exchange.ports';

/** The repositories these tests fake in one object. */
type ExchangeOpslag = OverdrachtRepository & DossierRepository;
import { randomUUID } from 'node:crypto';
import type { Aanroep, VerwerkingMelding } from './exchange.ports';
import { OverdrachtActiviteitenService } from './overdracht-activiteiten.service';

const namens: Namens = { professional: 'km-1', organisatie: 'gemeente', type: 'gemeente', rol: 'klantmanager' };
const aanroep: Aanroep = {
  traceId: 'a'.repeat(32),
  namens: { sub: 'km-1', organisatie: 'gemeente', organisatieType: 'gemeente', rol: 'klantmanager', actor: 'ketenregie-worker' },
};

function overdracht(): OverdrachtRecord {
  return {
    id: randomUUID(),
    deelnemerId: randomUUID(),
    zender: { organisatie: 'gemeente', type: 'gemeente', professional: 'km-1', rol: 'klantmanager' },
    ontvanger: { organisatie: 'ggz', type: 'ggz' },
    regievoerder: 'km-1',
    regievoerderOrganisatie: 'gemeente',
    reden: 'ggz-behandeling',
    overTeNemen: ['regie'],
    status: 'aangevraagd',
    afwijzingen: [],
    aangevraagdOp: new Date(),
    bijgewerktOp: new Date(),
  };
}

/** An in-memory opslag with the calls the workflow's steps make, idempotent on the key as the SQL one is. */
function opslagMet(o: OverdrachtRecord) {
  const dossiers = new Map<string, DossierRecord & { sleutel: string }>();
  const stappen: Parameters<ExchangeOpslag['registreerStap']>[0][] = [];
  const ingetrokken: string[] = [];
  const opslag: Partial<ExchangeOpslag> = {
    overdracht: async (id) => (id === o.id ? o : undefined),
    bron: async () => ({ contact: { naam: 'J. de Vries', telefoon: '0612345678' }, gezondheid: { behandelstatus: 'intake' } }),
    slaDossierOp: async (d) => {
      if (dossiers.get(d.overdrachtId)?.sleutel === d.sleutel) return false;
      dossiers.set(d.overdrachtId, { ...d, geleverdOp: new Date() });
      return true;
    },
    dossier: async (id) => dossiers.get(id),
    trekDossierIn: async (id, reden) => void ingetrokken.push(`${id}:${reden}`),
    registreerStap: async (stap) => {
      if (stappen.some((s) => s.sleutel === stap.sleutel)) return false;
      stappen.push(stap);
      return true;
    },
  };
  return { opslag: opslag as ExchangeOpslag, dossiers, stappen, ingetrokken };
}

describe('OverdrachtActiviteitenService (the overdracht workflow steps, in-process)', () => {
  it('delivers only the released fields the receiver role needs, once per key, and reports the disclosure once', async () => {
    const o = overdracht();
    const { opslag, dossiers } = opslagMet(o);
    const meldingen: VerwerkingMelding[] = [];
    const service = new OverdrachtActiviteitenService(opslag, opslag, { meld: async (m) => void meldingen.push(m) });
    const levering = { sleutel: 'k1', namens, overdrachtId: o.id, besluitId: randomUUID(), vrijgaven: [{ categorie: 'contact', velden: ['naam'] }] };

    expect(await service.deliverDossier(levering, aanroep)).toEqual({ categorieen: ['contact'] });
    expect(await service.deliverDossier(levering, aanroep)).toEqual({ categorieen: ['contact'] });
    expect(dossiers.get(o.id)?.categorieen).toEqual({ contact: { naam: 'J. de Vries' } });
    expect(meldingen).toEqual([
      {
        handeling: 'verstrekking',
        deelnemerId: o.deelnemerId,
        doel: 'warme-overdracht',
        categorieen: ['contact'],
        ontvanger: o.ontvanger,
        besluitId: levering.besluitId,
      },
    ]);
  });

  it('with consent-service down at the first delivery, the retry logs the disclosure, exactly once', async () => {
    const o = overdracht();
    const { opslag } = opslagMet(o);
    // What the SQL store records (dossier.verstrekking_gemeld_op): logged or not, per key.
    const gemeld = new Set<string>();
    opslag.verstrekkingTeMelden = async (_id, sleutel) => !gemeld.has(sleutel);
    opslag.verstrekkingGemeld = async (_id, sleutel) => void gemeld.add(sleutel);
    const meldingen: VerwerkingMelding[] = [];
    let consentServiceOp = false;
    const service = new OverdrachtActiviteitenService(opslag, opslag, {
      meld: async (m) => {
        if (!consentServiceOp) throw new Error('consent-service unreachable');
        meldingen.push(m);
      },
    });
    const levering = { sleutel: 'k1', namens, overdrachtId: o.id, besluitId: randomUUID(), vrijgaven: [{ categorie: 'contact', velden: ['naam'] }] };

    await expect(service.deliverDossier(levering, aanroep)).rejects.toThrow('consent-service unreachable');
    expect(meldingen).toEqual([]);
    consentServiceOp = true;
    expect(await service.deliverDossier(levering, aanroep)).toEqual({ categorieen: ['contact'] });
    expect(await service.deliverDossier(levering, aanroep)).toEqual({ categorieen: ['contact'] });
    expect(meldingen).toEqual([expect.objectContaining({ handeling: 'verstrekking', besluitId: levering.besluitId, categorieen: ['contact'] })]);
  });

  it('stores no dossier when the decision released nothing, so the receiver never sees the handover', async () => {
    const o = overdracht();
    const { opslag, dossiers, stappen } = opslagMet(o);
    const service = new OverdrachtActiviteitenService(opslag, opslag, { meld: async () => undefined });
    expect(await service.deliverDossier({ sleutel: 'k', namens, overdrachtId: o.id, besluitId: randomUUID(), vrijgaven: [] }, aanroep)).toEqual({
      categorieen: [],
    });
    expect(dossiers.size).toBe(0);
    await service.recordStep({ sleutel: 's', namens, overdrachtId: o.id, status: 'aangevraagd', gebeurtenis: 'nl.ketenregie.overdracht.aangevraagd' });
    expect(stappen[0]?.gebeurtenis.ontvangers).toEqual(['gemeente']);
  });

  it('records a step once per key, with the deadline as kind and date, the task for the right organisation, and the receiver told only after delivery', async () => {
    const o = overdracht();
    const { opslag, stappen } = opslagMet(o);
    const service = new OverdrachtActiviteitenService(opslag, opslag, { meld: async () => undefined });
    await service.deliverDossier(
      { sleutel: 'd', namens, overdrachtId: o.id, besluitId: randomUUID(), vrijgaven: [{ categorie: 'contact', velden: ['naam'] }] },
      aanroep,
    );
    const stap = {
      sleutel: 'w/3/nl.ketenregie.overdracht.dossier-geleverd',
      namens,
      overdrachtId: o.id,
      status: 'dossier-geleverd' as const,
      gebeurtenis: 'nl.ketenregie.overdracht.dossier-geleverd' as const,
      termijn: { soort: 'acceptatie' as const, uiterlijk: '2027-01-15', herinnering: '2027-01-14', escalatie: '2027-01-18' },
      taak: { voor: 'ontvanger' as const, soort: 'acceptatie-herinnering' as const, vervalt: '2027-01-15' },
    };
    await service.recordStep(stap);
    await service.recordStep(stap);
    expect(stappen).toHaveLength(1);
    expect(stappen[0]).toMatchObject({
      termijn: { soort: 'acceptatie', uiterlijk: '2027-01-15' },
      taak: { organisatie: 'ggz', voor: 'ontvanger', soort: 'acceptatie-herinnering', vervalt: '2027-01-15' },
      gebeurtenis: { ontvangers: ['gemeente', 'ggz'], data: { status: 'dossier-geleverd' } },
    });
    expect(stappen[0]?.termijn).toEqual({ soort: 'acceptatie', uiterlijk: '2027-01-15' });
  });

  it("sends an escalation to the organisation of the traject's regievoerder, not to the sending coach organisation", async () => {
    const coach: Namens = { professional: 'c-1', organisatie: 'senzer', type: 'uitvoerder', rol: 'coach' };
    const o: OverdrachtRecord = {
      ...overdracht(),
      zender: { organisatie: 'senzer', type: 'uitvoerder', professional: 'c-1', rol: 'coach' },
      regievoerder: 'km-1',
      regievoerderOrganisatie: 'gemeente',
    };
    const { opslag, stappen } = opslagMet(o);
    const service = new OverdrachtActiviteitenService(opslag, opslag, { meld: async () => undefined });
    await service.recordStep({
      sleutel: 'w/5/nl.ketenregie.overdracht.toestemming-geescaleerd',
      namens: coach,
      overdrachtId: o.id,
      status: 'toestemming-nodig',
      gebeurtenis: 'nl.ketenregie.overdracht.toestemming-geescaleerd',
      taak: { voor: 'regievoerder', soort: 'toestemming-escalatie' },
    });
    await service.recordStep({
      sleutel: 'w/6/nl.ketenregie.overdracht.toestemming-herinnering',
      namens: coach,
      overdrachtId: o.id,
      status: 'toestemming-nodig',
      gebeurtenis: 'nl.ketenregie.overdracht.toestemming-herinnering',
      taak: { voor: 'zender', soort: 'toestemming-herinnering' },
    });
    expect(stappen[0]).toMatchObject({
      taak: { organisatie: 'gemeente', voor: 'regievoerder', soort: 'toestemming-escalatie' },
      gebeurtenis: { ontvangers: ['senzer', 'gemeente'] },
    });
    // The sender's own tasks stay with the sender; the regievoerder is not told of them.
    expect(stappen[1]).toMatchObject({ taak: { organisatie: 'senzer', voor: 'zender' }, gebeurtenis: { ontvangers: ['senzer'] } });
  });

  it('acts only for the sender of an existing handover: anything else is a permanent not-found', async () => {
    const o = overdracht();
    const { opslag, ingetrokken } = opslagMet(o);
    const service = new OverdrachtActiviteitenService(opslag, opslag, { meld: async () => undefined });
    const ander = { ...namens, organisatie: 'ggz', type: 'ggz' as const };
    await expect(service.withdrawDossier({ sleutel: 'i', namens: ander, overdrachtId: o.id, reden: 'beeindigd' })).rejects.toMatchObject({
      code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN',
    });
    await expect(service.withdrawDossier({ sleutel: 'i', namens, overdrachtId: randomUUID(), reden: 'beeindigd' })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await service.withdrawDossier({ sleutel: 'i', namens, overdrachtId: o.id, reden: 'toestemming-ingetrokken' });
    expect(ingetrokken).toEqual([`${o.id}:toestemming-ingetrokken`]);
  });
});
