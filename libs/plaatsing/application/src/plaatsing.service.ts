import { Inject, Injectable } from '@nestjs/common';
import {
  PLAATSING_DOEL,
  type PlaatsingOpdrachtInvoer,
  type PlaatsingOpdrachtResultaat,
  type VacatureInvoerDto,
  type VoordrachtDto,
  type WerkgeverInvoerDto,
} from '@ketenregie/plaatsing-contracts';
import {
  controleerOpen,
  controleerVacature,
  controleerWerkgever,
  ONDERSTEUNING,
  ONDERSTEUNING_UITLEG,
  plaatsingError,
  plaatsingOverzicht,
  plaatsingTaken,
  rollenIn,
  startPlaatsing,
  WERKGEVER_CATEGORIEEN,
  werkgeverPlaatsing,
  werkgeversweergave,
  type Partij,
  type PlaatsingStart,
  type PlaatsingTaakRegel,
  type Termijn,
  type Vacature,
  type Werkgever,
  type WerkgeverPlaatsing,
  type Werkgeversservicepunt,
  type Wie,
} from '@ketenregie/plaatsing-domain';
import type { Betrokkenheid, Handeling } from '@ketenregie/shared-access-policy';
import { amsterdamDate } from '@ketenregie/shared-kernel';
import { BETROKKENHEID_POORT, Toegang } from '@ketenregie/shared-platform';
import type { Aanroep, BetrokkenheidPoort, Identity, VerwerkingslogPoort } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import {
  PLAATSING_BESLUITEN,
  PLAATSING_REPOSITORY,
  PLAATSING_VERWERKINGSLOG,
  PLAATSING_WORKFLOWS,
  TRAJECT_POORT,
  VACATURE_REPOSITORY,
  WERKGEVER_REPOSITORY,
  WERKGEVERSSERVICEPUNT,
} from './plaatsing.ports';
import type {
  BesluitPoort,
  PlaatsingRecord,
  PlaatsingRepository,
  PlaatsingWorkflowPoort,
  TrajectPoort,
  VacatureRepository,
  WerkgeverRepository,
} from './plaatsing.ports';

const NIET_GEVONDEN = () => plaatsingError('PLAATSING.NIET_GEVONDEN', 'No such placement for your organisation.');
const VACATURE_NIET_GEVONDEN = () => plaatsingError('PLAATSING.VACATURE_NIET_GEVONDEN', 'No such vacancy for your organisation.');

/** What an employer sees on its overview page (`GET /api/v1/werkgeversoverzicht`). */
export interface Werkgeversoverzicht {
  readonly werkgever: string;
  readonly plaatsingen: readonly WerkgeverPlaatsing[];
  readonly volgendeTermijnen: readonly (Termijn & { readonly plaatsingId: string })[];
  readonly bellen: { readonly werkgeversservicepunt: Werkgeversservicepunt; readonly uitleg: string };
  readonly ondersteuning: readonly { readonly code: (typeof ONDERSTEUNING)[number]; readonly uitleg: string }[];
}

/** A placement as a professional of the partnership sees it. */
export type PlaatsingInzicht = PlaatsingRecord['overzicht'] & { readonly kandidaat: PlaatsingRecord['kandidaat'] };

/** The involvement of the caller with one placement, from the placement's own data. */
function betrokkenheidBij(r: PlaatsingRecord, door: Identity): Betrokkenheid[] {
  const o = r.overzicht;
  return [
    ...(o.werkgever.organisatieId === door.organisatie ? (['werkgever'] as const) : []),
    ...(o.coach.organisatieId === door.organisatie ? (['coach-organisatie'] as const) : []),
    ...(o.regievoerder.organisatieId === door.organisatie ? (['regievoerder'] as const) : []),
    ...(o.jobcoach.organisatieId === door.organisatie && o.jobcoach.professional === door.sub ? (['plaatsing-jobcoach'] as const) : []),
  ];
}

/** Commands only the gemeente leading the traject gives. */
const SUBSIDIE_OPDRACHTEN: ReadonlySet<PlaatsingOpdrachtInvoer['soort']> = new Set(['subsidiebesluit', 'herbeoordeling']);

/**
 * Use cases of the werkgever lane: employer profiles, vacancies, proposals (with the consent
 * decision on what the employer sees), commands on a placement and the employer's overview.
 * Every access fact comes from this context's own data or the traject context, never from the body.
 */
@Injectable()
export class PlaatsingService {
  constructor(
    @Inject(WERKGEVER_REPOSITORY) private readonly werkgevers: WerkgeverRepository,
    @Inject(VACATURE_REPOSITORY) private readonly vacatures: VacatureRepository,
    @Inject(PLAATSING_REPOSITORY) private readonly plaatsingen: PlaatsingRepository,
    @Inject(PLAATSING_WORKFLOWS) private readonly workflows: PlaatsingWorkflowPoort,
    @Inject(TRAJECT_POORT) private readonly trajecten: TrajectPoort,
    @Inject(BETROKKENHEID_POORT) private readonly betrokkenheid: BetrokkenheidPoort,
    @Inject(PLAATSING_BESLUITEN) private readonly besluiten: BesluitPoort,
    @Inject(PLAATSING_VERWERKINGSLOG) private readonly log: VerwerkingslogPoort,
    @Inject(WERKGEVERSSERVICEPUNT) private readonly servicepunt: Werkgeversservicepunt,
    private readonly toegang: Toegang,
  ) {}

  /** Sets the employer's own contact person and deputy. Another organisation's profile does not exist for the caller (404). */
  async bewaarWerkgever(organisatieId: string, invoer: WerkgeverInvoerDto, door: Identity): Promise<Werkgever> {
    if (organisatieId !== door.organisatie) throw plaatsingError('PLAATSING.WERKGEVER_NIET_GEVONDEN', 'No such employer for your organisation.');
    await this.toegang.eis(door, 'werkgever.beheren', {}, { betrokkenheid: ['werkgever'] });
    const werkgever = controleerWerkgever({ organisatieId, ...invoer });
    await this.werkgevers.bewaar(werkgever);
    return werkgever;
  }

  async werkgever(organisatieId: string, door: Identity): Promise<Werkgever> {
    if (organisatieId !== door.organisatie) throw plaatsingError('PLAATSING.WERKGEVER_NIET_GEVONDEN', 'No such employer for your organisation.');
    await this.toegang.eis(door, 'werkgever.beheren', {}, { betrokkenheid: ['werkgever'] });
    const w = await this.werkgevers.vind(organisatieId);
    if (!w) throw plaatsingError('PLAATSING.WERKGEVER_NIET_GEVONDEN', 'The employer has no profile yet.');
    return w;
  }

  /** A vacancy of the caller's own organisation; the employer first names its contact person (the one contact the partnership calls). */
  async maakVacature(invoer: VacatureInvoerDto, door: Identity): Promise<Vacature> {
    await this.toegang.eis(door, 'werkgever.beheren', {}, { betrokkenheid: ['werkgever'] });
    if (!(await this.werkgevers.vind(door.organisatie))) {
      throw plaatsingError('PLAATSING.GEEN_WERKGEVER', 'Name a contact person and a deputy first (PUT /api/v1/werkgevers/{id}).');
    }
    const vacature = controleerVacature({ id: randomUUID(), werkgeverId: door.organisatie, status: 'open', ...invoer });
    await this.vacatures.voegToe(vacature);
    return vacature;
  }

  /** An employer's own vacancies; the open vacancies of every employer for the partnership's professionals. */
  async vacatureLijst(door: Identity): Promise<Vacature[]> {
    const alsWerkgever = await this.toegang.mag(door, 'vacatures.lezen', {}, { betrokkenheid: ['werkgever'] });
    const alsPartner = await this.toegang.mag(door, 'vacatures.lezen', {}, { betrokkenheid: [] });
    if (alsPartner) return this.vacatures.open();
    if (alsWerkgever) return this.vacatures.vanWerkgever(door.organisatie);
    await this.toegang.eis(door, 'vacatures.lezen');
    return [];
  }

  async vacature(id: string, door: Identity): Promise<Vacature> {
    const v = await this.vacatures.vind(id);
    if (!v) throw VACATURE_NIET_GEVONDEN();
    const betrokkenheid: Betrokkenheid[] = v.werkgeverId === door.organisatie ? ['werkgever'] : [];
    if (!(await this.toegang.mag(door, 'vacatures.lezen', {}, { betrokkenheid }))) {
      // Another employer's vacancy does not exist for an employer.
      if ((await this.toegang.actor(door)).organisatieType === 'werkgever') throw VACATURE_NIET_GEVONDEN();
      await this.toegang.eis(door, 'vacatures.lezen', {}, { betrokkenheid });
    }
    return v;
  }

  /**
   * A coach (of the regievoerder's or the coach organisation) proposes the deelnemer of a traject
   * for a vacancy. consent-service decides, under purpose `plaatsing-werkgever`, which categories
   * go to the employer; only those are kept (limitations only with explicit consent) and the
   * disclosure is logged before the placement exists. The placement workflow then starts at the
   * kennismaking.
   */
  async draVoor(vacatureId: string, voordracht: VoordrachtDto, door: Identity, aanroep: Aanroep): Promise<PlaatsingInzicht> {
    const vacature = await this.vacatures.vind(vacatureId);
    if (!vacature) throw VACATURE_NIET_GEVONDEN();
    const inTraject = await this.betrokkenheid.inTraject(voordracht.trajectId, aanroep.bearer);
    if (!inTraject) throw plaatsingError('PLAATSING.TRAJECT_ONBEKEND', 'No such traject for your organisation.');
    await this.toegang.eis(door, 'plaatsing.voordragen', { deelnemerId: inTraject.deelnemerId }, { betrokkenheid: inTraject.betrokkenheid });
    controleerOpen(vacature);
    const werkgever = await this.werkgevers.vind(vacature.werkgeverId);
    if (!werkgever) throw plaatsingError('PLAATSING.GEEN_WERKGEVER', 'The employer has no contact person yet.');
    const traject = await this.trajecten.gegevens(voordracht.trajectId, aanroep.bearer);
    if (!traject) throw plaatsingError('PLAATSING.TRAJECT_ONBEKEND', 'No such traject for your organisation.');

    const partij = async (organisatieId: string, professional: string, veld: string): Promise<Partij> => ({
      organisatieId,
      type: await this.toegang.organisatieType(organisatieId, veld),
      professional,
    });
    const regievoerder = await partij(traject.regie.organisatieId, traject.regie.regievoerderId, 'regie');
    const coach = traject.coach ? await partij(traject.coach.organisatieId, traject.coach.coachId, 'coach') : regievoerder;
    const jobcoach = await partij(voordracht.jobcoach.organisatieId, voordracht.jobcoach.professional, 'jobcoach.organisatieId');

    const ontvanger = { organisatie: vacature.werkgeverId, type: 'werkgever' as const };
    const besluit = await this.besluiten.besluit(
      { deelnemerId: inTraject.deelnemerId, ontvanger, doel: PLAATSING_DOEL, categorieen: WERKGEVER_CATEGORIEEN },
      aanroep.bearer,
    );
    const vrijgegeven = besluit?.toegestaan ?? [];
    const kandidaat = werkgeversweergave(voordracht.profiel, vrijgegeven);
    if (besluit && vrijgegeven.length > 0) {
      await this.log.meld(
        { handeling: 'verstrekking', deelnemerId: inTraject.deelnemerId, doel: PLAATSING_DOEL, categorieen: vrijgegeven, ontvanger, besluitId: besluit.id },
        aanroep,
      );
    }
    const start: PlaatsingStart = {
      plaatsingId: randomUUID(),
      vacatureId,
      deelnemerId: inTraject.deelnemerId,
      trajectId: voordracht.trajectId,
      werkgever,
      coach,
      regievoerder,
      jobcoach,
      datum: voordracht.kennismaking ?? amsterdamDate(Date.now()),
    };
    const overzicht = plaatsingOverzicht(startPlaatsing(start).state);
    await this.plaatsingen.voegToe({ overzicht, kandidaat, ...(besluit ? { besluitId: besluit.id } : {}) });
    await this.workflows.start({ start });
    return { ...overzicht, kandidaat };
  }

  /** The placements the caller's organisation employs, proposed or leads, or that the caller coaches. */
  async lijst(door: Identity): Promise<PlaatsingInzicht[]> {
    await this.toegang.eis(door, 'plaatsingen.lijst');
    return (await this.plaatsingen.zoek({ organisatie: door.organisatie, professional: door.sub })).map((r) => ({ ...r.overzicht, kandidaat: r.kandidaat }));
  }

  /**
   * The caller's entries on the task list from the placements they coach, lead (regievoerder) or
   * are the jobcoach of: open and overdue tasks, and the deadlines that are theirs without a task
   * yet (`gepland`), overdue first, then by date. traject-service merges them into `GET /taken`.
   */
  async taken(door: Identity): Promise<(PlaatsingTaakRegel & { readonly toegewezenAan: string })[]> {
    await this.toegang.eis(door, 'plaatsingen.lijst');
    const records = (await this.plaatsingen.zoek({ organisatie: door.organisatie, professional: door.sub }))
      .map((r) => ({ o: r.overzicht, rollen: rollenIn(r.overzicht, door.organisatie, door.sub) }))
      .filter((r) => r.rollen.length > 0);
    const taken = await this.plaatsingen.taken(records.map((r) => r.o.plaatsingId));
    const vandaag = amsterdamDate(Date.now());
    const gewicht = (t: PlaatsingTaakRegel) => (t.status === 'verlopen' ? 0 : 1);
    return records
      .flatMap((r) => plaatsingTaken(r.o, taken.get(r.o.plaatsingId) ?? [], r.rollen, vandaag))
      .map((t) => ({ ...t, toegewezenAan: door.sub }))
      .sort((a, b) => gewicht(a) - gewicht(b) || a.vervalt.localeCompare(b.vervalt) || a.taakId.localeCompare(b.taakId));
  }

  /** One placement for the coach organisation, the regievoerder and the jobcoach; 404 for an organisation not involved. */
  async lees(id: string, door: Identity): Promise<PlaatsingInzicht> {
    const r = await this.betrokken(id, door);
    await this.toegang.eis(door, 'plaatsing.lezen', { deelnemerId: r.overzicht.deelnemerId }, { betrokkenheid: betrokkenheidBij(r, door) });
    return { ...r.overzicht, kandidaat: r.kandidaat };
  }

  /**
   * A command on the placement. Who evaluated is the caller's own part (employer, jobcoach or
   * coach), whatever the body says; the subsidy is decided by the gemeente leading the traject only.
   */
  async voerUit(id: string, opdracht: PlaatsingOpdrachtInvoer, door: Identity): Promise<PlaatsingOpdrachtResultaat> {
    const r = await this.betrokken(id, door);
    const betrokkenheid = betrokkenheidBij(r, door);
    const handeling: Handeling = SUBSIDIE_OPDRACHTEN.has(opdracht.soort) ? 'plaatsing.subsidie.besluiten' : 'plaatsing.uitvoeren';
    await this.toegang.eis(door, handeling, { deelnemerId: r.overzicht.deelnemerId }, { betrokkenheid });
    const wie: Wie = betrokkenheid.includes('werkgever') ? 'werkgever' : betrokkenheid.includes('plaatsing-jobcoach') ? 'jobcoach' : 'coach';
    return this.workflows.voerUit(id, opdracht.soort === 'evaluatie' ? { ...opdracht, door: wie } : opdracht);
  }

  /** The employer's page: its placements, the next agreements and deadlines, whom to call, the support available; nothing more. */
  async werkgeversoverzicht(door: Identity): Promise<Werkgeversoverzicht> {
    await this.toegang.eis(door, 'werkgeversoverzicht.lezen');
    const [records, vacatures] = await Promise.all([this.plaatsingen.vanWerkgever(door.organisatie), this.vacatures.vanWerkgever(door.organisatie)]);
    const titels = new Map(vacatures.map((v) => [v.id, v.titel]));
    const plaatsingen = records.map((r) => werkgeverPlaatsing(r.overzicht, r.kandidaat, titels.get(r.overzicht.vacatureId) ?? ''));
    const volgendeTermijnen = plaatsingen
      .flatMap((p) => p.termijnen.filter((t) => t.wie.includes('werkgever')).map((t) => ({ ...t, plaatsingId: p.plaatsingId })))
      .sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0))
      .slice(0, 10);
    return {
      werkgever: door.organisatie,
      plaatsingen,
      volgendeTermijnen,
      bellen: {
        werkgeversservicepunt: this.servicepunt,
        uitleg: 'Bel voor elke vraag over een plaatsing, vacature of regeling het werkgeversservicepunt: één contact, geen formulieren.',
      },
      ondersteuning: ONDERSTEUNING.map((code) => ({ code, uitleg: ONDERSTEUNING_UITLEG[code] })),
    };
  }

  /** The placement, or 404 when the caller's organisation has no part in it (whether it exists stays unknown). */
  private async betrokken(id: string, door: Identity): Promise<PlaatsingRecord> {
    const r = await this.plaatsingen.vind(id);
    if (!r) throw NIET_GEVONDEN();
    const o = r.overzicht;
    if (![o.werkgever.organisatieId, o.coach.organisatieId, o.regievoerder.organisatieId, o.jobcoach.organisatieId].includes(door.organisatie))
      throw NIET_GEVONDEN();
    return r;
  }
}
