import type { UitgaandeGebeurtenis, VerwijzingRecord } from '@ketenregie/exchange-domain';
import type { VerwijzingRepository } from './exchange.ports';
import { Toegang, vastOrganisatieRegister } from '@ketenregie/shared-platform';
import type { Identity, VerwerkingMelding } from '@ketenregie/shared-platform';
import type { BesluitPoort, BesluitVraag } from './exchange.ports';
import { VerwijzingService } from './verwijzing.service';

const TOEGANG = new Toegang(vastOrganisatieRegister({ gemeente: 'gemeente', ggz: 'ggz', werkgever: 'werkgever' }));
const km: Identity = { sub: 'km-1', organisatie: 'gemeente', rol: 'klantmanager' };
const jobcoach: Identity = { sub: 'jc-1', organisatie: 'werkgever', rol: 'jobcoach' };
const behandelaar: Identity = { sub: 'b-1', organisatie: 'ggz', rol: 'behandelaar' };
const DEELNEMER = '6f1c1a52-34c4-4a55-9d47-3a3f6f0f6a11';
/** The traject context: the gemeente leads the deelnemer's traject (the bearer names the organisation here). */
const BETROKKENHEID = {
  bijDeelnemer: async (_d: string, bearer: string | undefined) => (bearer === 'gemeente' ? (['aanmelder', 'regievoerder'] as const) : []),
  inTraject: async () => undefined,
};
const aanroep = (bearer: string) => ({ traceId: 'b'.repeat(32), bearer });
const aanvraag = {
  deelnemerId: DEELNEMER,
  soort: 'ggz-behandeling' as const,
  ontvanger: { organisatie: 'ggz', type: 'ggz' as const },
  reden: 'psychische-klachten',
  detailTerugkoppeling: true,
};

function opzet(besluit: (v: BesluitVraag, bearer: string | undefined) => ReturnType<BesluitPoort['besluit']>) {
  const verwijzingen = new Map<string, VerwijzingRecord>();
  const gebeurtenissen: UitgaandeGebeurtenis[] = [];
  const meldingen: VerwerkingMelding[] = [];
  const vragen: [BesluitVraag, string | undefined][] = [];
  const ontvangers: [string, string, string][] = [];
  const beeindigd: [string, string][] = [];
  const opslag: Partial<VerwijzingRepository> = {
    voegVerwijzingToe: async (v, g) => void (verwijzingen.set(v.id, v), gebeurtenissen.push(g)),
    verwijzing: async (id) => verwijzingen.get(id),
    werkVerwijzingBij: async (v, g) => void (verwijzingen.set(v.id, v), gebeurtenissen.push(g)),
    verwijzingenVan: async (organisatie) =>
      [...verwijzingen.values()].filter((v) => v.zender.organisatie === organisatie || v.ontvanger.organisatie === organisatie),
  };
  const besluiten: BesluitPoort = { besluit: (v, bearer) => (vragen.push([v, bearer]), besluit(v, bearer)) };
  const service = new VerwijzingService(
    opslag as VerwijzingRepository,
    TOEGANG,
    BETROKKENHEID,
    besluiten,
    { meld: async (m) => void meldingen.push(m) },
    {
      legOntvangerVast: async (deelnemerId, organisatie, namens) => void ontvangers.push([deelnemerId, organisatie, namens.organisatie]),
      beeindigOntvanger: async (deelnemerId, organisatie) => void beeindigd.push([deelnemerId, organisatie]),
    },
  );
  return { service, verwijzingen, gebeurtenissen, meldingen, vragen, ontvangers, beeindigd };
}

describe('VerwijzingService (finding 5)', () => {
  it('refers only after a consent decision permits the contact details, logs the disclosure, and a refusal stores nothing', async () => {
    const geweigerd = opzet(async () => ({ id: 'besluit-0', toegestaan: [] }));
    await expect(geweigerd.service.verwijs(aanvraag, km, aanroep('gemeente'))).rejects.toMatchObject({ code: 'EXCHANGE.VERWIJZING_NIET_TOEGESTAAN' });
    expect([geweigerd.verwijzingen.size, geweigerd.gebeurtenissen.length, geweigerd.meldingen.length, geweigerd.ontvangers.length]).toEqual([0, 0, 0, 0]);

    const toegestaan = opzet(async () => ({ id: 'besluit-1', toegestaan: ['contact'] }));
    const v = await toegestaan.service.verwijs(aanvraag, km, aanroep('gemeente'));
    expect(toegestaan.vragen).toEqual([
      [{ deelnemerId: DEELNEMER, ontvanger: { organisatie: 'ggz', type: 'ggz' }, doel: 'verwijzing-ggz', categorieen: ['contact'] }, 'gemeente'],
    ]);
    expect(toegestaan.meldingen).toEqual([expect.objectContaining({ handeling: 'verstrekking', besluitId: 'besluit-1', categorieen: ['contact'] })]);
    // The receiver becomes `ontvanger` of the deelnemer in the traject context, asked for the sender.
    expect(toegestaan.ontvangers).toEqual([[DEELNEMER, 'ggz', 'gemeente']]);
    // The sender's flag decides nothing.
    expect(toegestaan.verwijzingen.get(v.id)?.detailTerugkoppeling).toBe(false);
  });

  it("ends the receiver's ontvanger involvement when its last open referral for the deelnemer is rejected or finished", async () => {
    const { service, beeindigd } = opzet(async () => ({ id: 'besluit-1', toegestaan: ['contact'] }));
    const eerste = await service.verwijs(aanvraag, km, aanroep('gemeente'));
    const tweede = await service.verwijs(aanvraag, km, aanroep('gemeente'));
    await service.meldStatus(eerste.id, { status: 'afgewezen', reden: 'geen-capaciteit' }, behandelaar, aanroep('ggz'));
    // The second referral is still open: the receiver stays involved.
    expect(beeindigd).toEqual([]);
    await service.meldStatus(tweede.id, { status: 'geaccepteerd' }, behandelaar, aanroep('ggz'));
    expect(beeindigd).toEqual([]);
    await service.meldStatus(tweede.id, { status: 'gestart' }, behandelaar, aanroep('ggz'));
    await service.meldStatus(tweede.id, { status: 'beeindigd', eindreden: 'doel-bereikt' }, behandelaar, aanroep('ggz'));
    expect(beeindigd).toEqual([[DEELNEMER, 'ggz']]);
  });

  it("lets only an organisation working the deelnemer's traject refer", async () => {
    const { service, vragen } = opzet(async () => ({ id: 'besluit-1', toegestaan: ['contact'] }));
    await expect(service.verwijs(aanvraag, jobcoach, aanroep('werkgever'))).rejects.toMatchObject({ code: 'TOEGANG.GEWEIGERD' });
    expect(vragen).toEqual([]);
  });

  it('tells the sender the coded GGZ outcome only when consent-service decides GGZ may disclose it', async () => {
    for (const [gezondheid, verwacht] of [
      [false, { status: 'afgerond' }],
      [true, { status: 'beeindigd', eindreden: 'doel-bereikt' }],
    ] as const) {
      const { service, vragen } = opzet(async (v) => ({ id: 'b', toegestaan: v.categorieen.filter((c) => c === 'contact' || gezondheid) }));
      const v = await service.verwijs(aanvraag, km, aanroep('gemeente'));
      await service.meldStatus(v.id, { status: 'geaccepteerd' }, behandelaar, aanroep('ggz'));
      await service.meldStatus(v.id, { status: 'beeindigd', eindreden: 'doel-bereikt' }, behandelaar, aanroep('ggz'));
      expect(vragen.at(-1)).toEqual([
        { deelnemerId: DEELNEMER, ontvanger: { organisatie: 'gemeente', type: 'gemeente' }, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] },
        'ggz',
      ]);
      const zender = await service.bekijk(v.id, km);
      expect({ status: zender.status, eindreden: zender.eindreden }).toEqual({ eindreden: undefined, ...verwacht });
    }
  });
});
