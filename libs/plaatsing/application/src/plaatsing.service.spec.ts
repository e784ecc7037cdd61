import type { PlaatsingOpdrachtInvoer, PlaatsingWorkflowInput, VoordrachtDto } from '@ketenregie/plaatsing-contracts';
import { WERKGEVERSSERVICEPUNT_DOMMELDAL, type OpgeslagenTaak, type Vacature, type Werkgever } from '@ketenregie/plaatsing-domain';
import { Toegang, vastOrganisatieRegister } from '@ketenregie/shared-platform';
import type { BetrokkenheidPoort, Identity, VerwerkingMelding } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import type { BesluitVraag, PlaatsingRecord, PlaatsingRepository, TrajectPoort } from './plaatsing.ports';
import { PlaatsingService } from './plaatsing.service';

const TOEGANG = new Toegang(
  vastOrganisatieRegister({
    'gemeente-a': 'gemeente',
    werkbrug: 'uitvoerder',
    kempenpoort: 'uitvoerder',
    'bakkerij-x': 'werkgever',
    'metaal-y': 'werkgever',
  }),
);
const km: Identity = { sub: 'km-1', organisatie: 'gemeente-a', rol: 'klantmanager' };
const coach: Identity = { sub: 'coach-1', organisatie: 'werkbrug', rol: 'coach' };
const jobcoach: Identity = { sub: 'jc-1', organisatie: 'kempenpoort', rol: 'jobcoach' };
const andereJobcoach: Identity = { sub: 'jc-2', organisatie: 'kempenpoort', rol: 'jobcoach' };
const bakkerij: Identity = { sub: 'w-1', organisatie: 'bakkerij-x', rol: 'jobcoach' };
const metaal: Identity = { sub: 'w-2', organisatie: 'metaal-y', rol: 'jobcoach' };
const TRAJECT = randomUUID();
const DEELNEMER = randomUUID();
const aanroep = (bearer: string) => ({ traceId: 'a'.repeat(32), bearer, namens: { sub: bearer, organisatie: bearer, rol: 'coach' as const } });

/** The traject context: the gemeente leads, Werkbrug coaches (the bearer names the organisation here). */
const BETROKKENHEID: BetrokkenheidPoort = {
  bijDeelnemer: async () => [],
  inTraject: async (trajectId, bearer) =>
    trajectId !== TRAJECT
      ? undefined
      : bearer === 'gemeente-a'
        ? { deelnemerId: DEELNEMER, betrokkenheid: ['aanmelder', 'regievoerder'] }
        : bearer === 'werkbrug'
          ? { deelnemerId: DEELNEMER, betrokkenheid: ['coach-organisatie'] }
          : undefined,
};
const TRAJECTEN: TrajectPoort = {
  gegevens: async (trajectId) =>
    trajectId === TRAJECT
      ? { regie: { regievoerderId: 'km-1', organisatieId: 'gemeente-a' }, coach: { coachId: 'coach-1', organisatieId: 'werkbrug' } }
      : undefined,
};

const voordracht: VoordrachtDto = {
  trajectId: TRAJECT,
  jobcoach: { organisatieId: 'kempenpoort', professional: 'jc-1' },
  profiel: {
    roepnaam: 'Sam',
    telefoon: '0612345678',
    werkervaring: ['magazijn'],
    beperkingen: { belastbaarheidUren: 24, aanpassingenWerkplek: ['rustige plek'] },
  },
};

function opzet(vrijgegeven: readonly string[]) {
  const werkgevers = new Map<string, Werkgever>();
  const vacatures = new Map<string, Vacature>();
  const plaatsingen = new Map<string, PlaatsingRecord>();
  const taken = new Map<string, OpgeslagenTaak[]>();
  const gestart: PlaatsingWorkflowInput[] = [];
  const opdrachten: [string, PlaatsingOpdrachtInvoer][] = [];
  const vragen: BesluitVraag[] = [];
  const meldingen: VerwerkingMelding[] = [];
  const repo: PlaatsingRepository = {
    voegToe: async (r) => void plaatsingen.set(r.overzicht.plaatsingId, r),
    vind: async (id) => plaatsingen.get(id),
    zoek: async (f) =>
      [...plaatsingen.values()].filter(
        (r) =>
          [r.overzicht.werkgever.organisatieId, r.overzicht.coach.organisatieId, r.overzicht.regievoerder.organisatieId].includes(f.organisatie) ||
          (r.overzicht.jobcoach.organisatieId === f.organisatie && r.overzicht.jobcoach.professional === f.professional),
      ),
    vanWerkgever: async (id) => [...plaatsingen.values()].filter((r) => r.overzicht.werkgever.organisatieId === id),
    taken: async (ids) => new Map(ids.map((id) => [id, taken.get(id) ?? []])),
    verwerk: async () => undefined,
  };
  const service = new PlaatsingService(
    { vind: async (id) => werkgevers.get(id), bewaar: async (w) => void werkgevers.set(w.organisatieId, w) },
    {
      voegToe: async (v) => void vacatures.set(v.id, v),
      vind: async (id) => vacatures.get(id),
      vanWerkgever: async (id) => [...vacatures.values()].filter((v) => v.werkgeverId === id),
      open: async () => [...vacatures.values()].filter((v) => v.status === 'open'),
    },
    repo,
    {
      start: async (i) => void gestart.push(i),
      voerUit: async (id, o) => (opdrachten.push([id, o]), { fase: 'proefplaatsing', termijnen: [], gebeurtenissen: [] }),
    },
    TRAJECTEN,
    BETROKKENHEID,
    { besluit: async (v) => (vragen.push(v), { id: randomUUID(), toegestaan: vrijgegeven }) },
    { meld: async (m) => void meldingen.push(m) },
    WERKGEVERSSERVICEPUNT_DOMMELDAL,
    TOEGANG,
  );
  return { service, gestart, opdrachten, vragen, meldingen, plaatsingen, taken };
}

async function metVacature(s: PlaatsingService, werkgever: Identity = bakkerij): Promise<Vacature> {
  await s.bewaarWerkgever(
    werkgever.organisatie,
    { contactpersoon: { naam: 'Ria', telefoon: '0401111111' }, plaatsvervanger: { naam: 'Kees', telefoon: '0402222222' } },
    werkgever,
  );
  return s.maakVacature(
    { titel: 'Inpakker', urenPerWeek: 24, taken: ['inpakken'], competenties: ['nauwkeurig'], ondersteuning: ['jobcoach', 'proefplaatsing'] },
    werkgever,
  );
}

describe('PlaatsingService', () => {
  it('a proposal with explicit consent shows the employer the limitations; the decision is asked under plaatsing-werkgever and the disclosure logged', async () => {
    const { service, gestart, vragen, meldingen } = opzet(['contact', 'werkervaring-cv', 'beperkingen-werk']);
    const v = await metVacature(service);
    const p = await service.draVoor(v.id, voordracht, coach, aanroep('werkbrug'));
    expect(vragen).toEqual([
      {
        deelnemerId: DEELNEMER,
        ontvanger: { organisatie: 'bakkerij-x', type: 'werkgever' },
        doel: 'plaatsing-werkgever',
        categorieen: ['contact', 'werkervaring-cv', 'beperkingen-werk'],
      },
    ]);
    expect(meldingen).toEqual([
      expect.objectContaining({ handeling: 'verstrekking', doel: 'plaatsing-werkgever', ontvanger: { organisatie: 'bakkerij-x', type: 'werkgever' } }),
    ]);
    expect(gestart).toHaveLength(1);
    expect(p.kandidaat.beperkingen).toEqual({ belastbaarheidUren: 24, aanpassingenWerkplek: ['rustige plek'] });
    const overzicht = await service.werkgeversoverzicht(bakkerij);
    expect(overzicht.plaatsingen[0].kandidaat).toHaveProperty('beperkingen');
  });

  it('disclosure refused: the employer view holds no limitations field at all, and the placement goes ahead', async () => {
    const { service, gestart } = opzet(['contact', 'werkervaring-cv']);
    const v = await metVacature(service);
    await service.draVoor(v.id, voordracht, coach, aanroep('werkbrug'));
    expect(gestart).toHaveLength(1);
    const [eigen] = (await service.werkgeversoverzicht(bakkerij)).plaatsingen;
    expect(eigen.kandidaat).toEqual({ roepnaam: 'Sam', telefoon: '0612345678', werkervaring: ['magazijn'] });
    expect(Object.keys(eigen.kandidaat)).not.toContain('beperkingen');
    expect(JSON.stringify(eigen)).not.toMatch(/rustige plek|belastbaarheid/);
  });

  it('an employer sees its own placements and vacancies only, never another employer’s', async () => {
    const { service } = opzet(['contact']);
    const v = await metVacature(service);
    const andere = await metVacature(service, metaal);
    const p = await service.draVoor(v.id, voordracht, coach, aanroep('werkbrug'));
    expect((await service.werkgeversoverzicht(metaal)).plaatsingen).toEqual([]);
    expect((await service.vacatureLijst(metaal)).map((x) => x.id)).toEqual([andere.id]);
    await expect(service.vacature(v.id, metaal)).rejects.toMatchObject({ code: 'PLAATSING.VACATURE_NIET_GEVONDEN' });
    await expect(service.voerUit(p.plaatsingId, { soort: 'uitval', reden: 'overig' }, metaal)).rejects.toMatchObject({ code: 'PLAATSING.NIET_GEVONDEN' });
    // The partnership's professionals see every open vacancy (no personal data).
    expect((await service.vacatureLijst(coach)).map((x) => x.id).sort()).toEqual([v.id, andere.id].sort());
  });

  it('only a coach of the traject proposes; the jobcoach sees the placements they coach, a colleague does not', async () => {
    const { service } = opzet(['contact']);
    const v = await metVacature(service);
    await expect(service.draVoor(v.id, voordracht, jobcoach, aanroep('kempenpoort'))).rejects.toMatchObject({ code: 'PLAATSING.TRAJECT_ONBEKEND' });
    await expect(service.draVoor(v.id, voordracht, bakkerij, aanroep('bakkerij-x'))).rejects.toMatchObject({ code: 'PLAATSING.TRAJECT_ONBEKEND' });
    const p = await service.draVoor(v.id, voordracht, coach, aanroep('werkbrug'));
    expect((await service.lijst(jobcoach)).map((x) => x.plaatsingId)).toEqual([p.plaatsingId]);
    expect(await service.lijst(andereJobcoach)).toEqual([]);
    await expect(service.lees(p.plaatsingId, andereJobcoach)).rejects.toMatchObject({ code: 'TOEGANG.GEWEIGERD' });
    expect((await service.lees(p.plaatsingId, jobcoach)).plaatsingId).toBe(p.plaatsingId);
  });

  it('who evaluated is the caller’s own part; the subsidy is decided by the gemeente leading the traject only', async () => {
    const { service, opdrachten } = opzet(['contact']);
    const v = await metVacature(service);
    const p = await service.draVoor(v.id, voordracht, coach, aanroep('werkbrug'));
    await service.voerUit(p.plaatsingId, { soort: 'evaluatie', uitkomst: 'positief', door: 'jobcoach' }, bakkerij);
    expect(opdrachten.at(-1)?.[1]).toMatchObject({ soort: 'evaluatie', door: 'werkgever' });
    const besluit: PlaatsingOpdrachtInvoer = { soort: 'subsidiebesluit', percentage: 50, ingang: '2027-03-01', maanden: 12 };
    for (const wie of [bakkerij, coach, jobcoach])
      await expect(service.voerUit(p.plaatsingId, besluit, wie)).rejects.toMatchObject({ code: 'TOEGANG.GEWEIGERD' });
    await service.voerUit(p.plaatsingId, besluit, km);
    expect(opdrachten.at(-1)?.[1]).toEqual(besluit);
  });

  it("each professional's task list holds the tasks of their own part in the placement, overdue first; others see none", async () => {
    const { service, plaatsingen, taken } = opzet(['contact']);
    const v = await metVacature(service);
    const p = await service.draVoor(v.id, voordracht, coach, aanroep('werkbrug'));
    const r = plaatsingen.get(p.plaatsingId) as PlaatsingRecord;
    // The placement ended in a return exchange-service refused; the jobcoach's old evaluation task no longer asks anything.
    plaatsingen.set(p.plaatsingId, { ...r, overzicht: { ...r.overzicht, fase: 'teruggeleid', termijnen: [] } });
    taken.set(p.plaatsingId, [
      { sleutel: 'plaatsing-x:t3-jobcoach', voor: 'jobcoach', onderwerp: 'evaluatie-proefplaatsing', vervalt: '2025-03-01' },
      { sleutel: 'plaatsing-x:t9-terugleiding', voor: 'gemeente', onderwerp: 'terugleiding-geweigerd', vervalt: '2025-03-03' },
      { sleutel: 'plaatsing-x:t2-werkgever', voor: 'werkgever', onderwerp: 'plaatsvervanger-aanwijzen', vervalt: '2027-02-01' },
    ]);
    expect(await service.taken(km)).toEqual([
      {
        plaatsingId: p.plaatsingId,
        trajectId: TRAJECT,
        taakId: 'plaatsing-x:t9-terugleiding',
        soort: 'terugleiding-geweigerd',
        voor: 'gemeente',
        toegewezenAan: 'km-1',
        vervalt: '2025-03-03',
        status: 'verlopen',
      },
    ]);
    expect(await service.taken(jobcoach)).toEqual([]);
    expect(await service.taken(andereJobcoach)).toEqual([]);
    expect(await service.taken(bakkerij)).toEqual([]);
  });

  it('the employer overview says whom to call and what support exists, before anything is placed', async () => {
    const { service } = opzet([]);
    await metVacature(service);
    const o = await service.werkgeversoverzicht(bakkerij);
    expect(o.bellen.werkgeversservicepunt).toEqual(WERKGEVERSSERVICEPUNT_DOMMELDAL);
    expect(o.ondersteuning.map((x) => x.code)).toContain('loonkostensubsidie');
    await expect(service.werkgeversoverzicht(coach)).rejects.toMatchObject({ code: 'TOEGANG.GEWEIGERD' });
  });
});
