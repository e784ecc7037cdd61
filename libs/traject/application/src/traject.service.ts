import { Inject, Injectable, Optional } from '@nestjs/common';
import { amsterdamDate, DomainError, formatDutchDate, formatDutchMoment, isValidBsn } from '@ketenregie/shared-kernel';
import type { Handeling } from '@ketenregie/shared-access-policy';
import { fieldErrorsFromZod, ORGANISATIE_REGISTER, Toegang, ToegangGeweigerdError } from '@ketenregie/shared-platform';
import type { Aanroep, Identity, OrganisatieRegister, VerwerkingslogPoort } from '@ketenregie/shared-platform';
import { BSN_VOLLEDIG_ROLLEN, maskeerBsn, OPDRACHT_SCHEMAS, trajectWorkflowId } from '@ketenregie/traject-contracts';
import type {
  CaseloadOverdrachtInvoer,
  DeelnemerAanmaken,
  DeelnemerWeergave,
  OpdrachtResultaat,
  TaakRegel,
  TijdlijnGebeurtenis,
  TrajectOverzicht,
  TrajectStarten,
} from '@ketenregie/traject-contracts';
import { afwijkendeInstrumentVersies, leeftijdOp, metingenPerInstrument, toetsDoelgroep, trajectError, TRAJECT_ERRORS } from '@ketenregie/traject-domain';
import type { InstrumentMetingen, LadderTrede, Regie, TrajectBetrokkenheid, TrajectRegistratie } from '@ketenregie/traject-domain';
import { randomUUID } from 'node:crypto';
import { DEELNEMER_OPSLAG, PLAATSING_TAKEN, PROGRAMMA_OPSLAG, TAKEN_OPSLAG, TRAJECT_OPSLAG, TRAJECT_WORKFLOWS } from './traject.ports';
import type { DeelnemerOpslag, PlaatsingTakenPoort, ProgrammaOpslag, TakenOpslag, TrajectFilter, TrajectOpslag, TrajectWorkflows } from './traject.ports';
import { beschrijfGebeurtenis, faseLabel, leesbareTijdlijn, taakLabel } from './tijdlijn-weergave';
import type { LeesbareGebeurtenis, OrganisatieNamen } from './tijdlijn-weergave';
import { categorieenVanOverzicht, DEELNEMER_CATEGORIEEN, TIJDLIJN_CATEGORIEEN, TRAJECT_DOEL, TRAJECT_VERWERKINGSLOG } from './traject-verwerkingslog';

/** Who acts: the authenticated person (a professional, or a deelnemer signed in as themself). */
export type Actor = Identity;

/**
 * The policy action of a traject command. Moving the lead, assigning a coach organisation,
 * extending or reopening is the regievoerder's; replacing the coach within the coach's own
 * organisation is also the coach organisation's; the rest is the daily work of both.
 */
function handelingVanOpdracht(soort: keyof typeof OPDRACHT_SCHEMAS, body: unknown, huidigeCoachOrganisatie: string | undefined): Handeling {
  if (soort === 'casuistiekoverleg') return 'casuistiekoverleg.vastleggen';
  if (soort === 'regiewissel' || soort === 'coach-toewijzen' || soort === 'verlenging' || soort === 'heropening') return 'traject.regie.wijzigen';
  if (soort === 'coachwissel') {
    const naar = (body as { coach?: { organisatieId?: unknown } } | undefined)?.coach?.organisatieId;
    return naar !== undefined && naar === huidigeCoachOrganisatie ? 'traject.coach.vervangen' : 'traject.regie.wijzigen';
  }
  return 'traject.uitvoeren';
}

/** Commands that record scores: who scored comes from the token, never from the body. */
const MEETOPDRACHTEN: readonly string[] = ['diagnose', 'meting', 'evaluatie'];

/**
 * The body with every score's scorer taken from the caller's token: the professional who records
 * it, as `coach`, or as `zelf` when the body marks it as the deelnemer's self-assessment.
 */
function metScorerUitToken(soort: string, body: unknown, door: Actor): unknown {
  const b = body as { metingen?: unknown } | undefined;
  if (!MEETOPDRACHTEN.includes(soort) || !b || !Array.isArray(b.metingen)) return body;
  return {
    ...b,
    metingen: b.metingen.map((m: unknown) => {
      if (typeof m !== 'object' || m === null) return m;
      const zelf = (m as { scorer?: { rol?: unknown } }).scorer?.rol === 'zelf';
      return { ...m, scorer: { rol: zelf ? 'zelf' : 'coach', professionalId: door.sub } };
    }),
  };
}

/** The scores of a traject as `GET /api/v1/trajecten/{id}/metingen` shows them. */
export interface TrajectMetingen {
  readonly trajectId: string;
  /** The programme version the traject follows. */
  readonly programma: { readonly code: string; readonly versie: number };
  readonly t0?: string;
  /** Per instrument version: every score (value, who, when) and the movement from T0 to the latest. */
  readonly instrumenten: readonly InstrumentMetingen[];
}

/**
 * Use cases of the traject context: deelnemers, starting trajecten, commands and reads. Only
 * organisations involved in a traject (lead or coach) see it; the rules themselves run in the
 * workflow.
 */
@Injectable()
export class TrajectService {
  constructor(
    @Inject(DEELNEMER_OPSLAG) private readonly deelnemers: DeelnemerOpslag,
    @Inject(TRAJECT_OPSLAG) private readonly trajecten: TrajectOpslag,
    @Inject(TAKEN_OPSLAG) private readonly takenOpslag: TakenOpslag,
    @Inject(TRAJECT_WORKFLOWS) private readonly workflows: TrajectWorkflows,
    @Inject(TRAJECT_VERWERKINGSLOG) private readonly verwerkingslog: VerwerkingslogPoort,
    private readonly toegang: Toegang,
    @Inject(PROGRAMMA_OPSLAG) private readonly programmas: ProgrammaOpslag,
    /** Organisation names for people (the timeline for people); without it organisations stay unnamed. */
    @Optional() @Inject(ORGANISATIE_REGISTER) private readonly register?: OrganisatieRegister,
    /** The tasks of the placements in the werkgever lane; without it the list holds traject tasks only. */
    @Optional() @Inject(PLAATSING_TAKEN) private readonly plaatsingTaken?: PlaatsingTakenPoort,
  ) {}

  /**
   * Registers a deelnemer (aanmelding) by a role that works with full BSNs
   * ({@link BSN_VOLLEDIG_ROLLEN}); the BSN must pass the elfproef. The answer is the same whether
   * the BSN was known or not (no enumeration): a known BSN yields the existing deelnemer's id,
   * its stored data unchanged, and the caller's organisation becomes one of its aanmelders, which
   * may read it (logged, as any read by an organisation other than the first registrant).
   */
  async maakDeelnemer(invoer: DeelnemerAanmaken, door: Actor): Promise<{ id: string }> {
    await this.toegang.eis(door, 'deelnemer.registreren');
    if (!isValidBsn(invoer.bsn)) throw trajectError('TRAJECT.BSN_INVALID', 'The BSN does not pass the elfproef', { bsn: '9 digits, elfproef' });
    const id = await this.deelnemers.maak({ ...invoer, contact: { ...invoer.contact }, aangemaaktDoor: door.sub, aangemaaktDoorOrganisatie: door.organisatie });
    return { id };
  }

  /**
   * A deelnemer with their trajecten over time, for the organisation that registered them or one
   * involved (lead or coach) in one of those trajecten; anyone else gets `DEELNEMER_NOT_FOUND`, as
   * if the deelnemer did not exist. The BSN is masked except for {@link BSN_VOLLEDIG_ROLLEN}. The
   * registering organisation answers for the data (the lead of the trajecten for deelnemers
   * registered before that was recorded); a read by any other organisation is logged first.
   */
  async deelnemer(id: string, door: Actor, aanroep: Aanroep): Promise<DeelnemerWeergave> {
    const d = await this.deelnemers.vind(id);
    if (!d) throw trajectError('TRAJECT.DEELNEMER_NOT_FOUND', 'No such deelnemer');
    const betrokkenheid = await this.betrokkenheidBijDeelnemer(id, aanmeldersVan(d), door);
    await this.eisOfVerberg(door, 'deelnemer.lezen', id, betrokkenheid, () => trajectError('TRAJECT.DEELNEMER_NOT_FOUND', 'No such deelnemer'));
    const trajecten = await Promise.all(
      (await this.trajecten.vanDeelnemer(id)).map(async (t) => ({
        t,
        o: (await this.trajecten.overzicht(t.id)) ?? (await this.workflows.overzicht(t.workflowId).catch(() => undefined)),
      })),
    );
    const leidt = betrokkenheid.includes('regievoerder');
    const eigenaar = d.aangemaaktDoorOrganisatie === undefined ? leidt : d.aangemaaktDoorOrganisatie === door.organisatie;
    if (!eigenaar) await this.schrijfRaadpleging(id, DEELNEMER_CATEGORIEEN, aanroep);
    const bsn = (await this.deelnemers.bsnVan(id)) as string;
    return {
      id,
      bsnGemaskeerd: maskeerBsn(bsn),
      ...(BSN_VOLLEDIG_ROLLEN.includes(door.rol) ? { bsn } : {}),
      voornamen: d.voornamen,
      achternaam: d.achternaam,
      geboortedatum: d.geboortedatum,
      contact: d.contact,
      huishoudenId: d.huishoudenId,
      trajecten: trajecten.map(({ t, o }) => ({
        id: t.id,
        programma: { code: t.programmaCode, versie: t.programmaVersie },
        ...(o ? { startdatum: o.startdatum, fase: o.fase, status: o.status } : {}),
      })),
    };
  }

  /**
   * The involvements the caller's organisation holds now with a deelnemer (registration and any
   * of their trajecten): the facts other contexts give the access policy. Empty for an unknown
   * deelnemer, so the answer does not reveal whether the id exists.
   */
  async betrokkenheidVan(deelnemerId: string, door: Actor): Promise<{ deelnemerId: string; organisatie: string; betrokkenheid: TrajectBetrokkenheid[] }> {
    await this.toegang.eis(door, 'betrokkenheid.lezen');
    const d = await this.deelnemers.vind(deelnemerId);
    const betrokkenheid = d ? await this.betrokkenheidBijDeelnemer(deelnemerId, aanmeldersVan(d), door) : [];
    return { deelnemerId, organisatie: door.organisatie, betrokkenheid };
  }

  /**
   * The overviews of a deelnemer's trajecten, oldest first: for the deelnemer themself ("my
   * traject") and for professionals of involved organisations. Each overview is read as
   * `GET /trajecten/{id}` reads it (same access rule and processing log); a traject the caller
   * may not see is left out. A deelnemer the caller may not see is not-found.
   */
  async trajectenVan(deelnemerId: string, door: Actor, aanroep: Aanroep): Promise<TrajectOverzicht[]> {
    const d = await this.deelnemers.vind(deelnemerId);
    if (!d) throw trajectError('TRAJECT.DEELNEMER_NOT_FOUND', 'No such deelnemer');
    const betrokkenheid = door.rol === 'deelnemer' ? [] : await this.betrokkenheidBijDeelnemer(deelnemerId, aanmeldersVan(d), door);
    await this.eisOfVerberg(door, 'traject.samenvatting.lezen', deelnemerId, betrokkenheid, () =>
      trajectError('TRAJECT.DEELNEMER_NOT_FOUND', 'No such deelnemer'),
    );
    const overzichten: TrajectOverzicht[] = [];
    for (const t of await this.trajecten.vanDeelnemer(deelnemerId)) {
      try {
        overzichten.push(await this.overzicht(t.id, door, aanroep));
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'TRAJECT.NOT_FOUND')) throw error;
      }
    }
    return overzichten;
  }

  /**
   * Whether a deelnemer exists, for the gateway's demo login (its service token, acting for the
   * deelnemer who signs in). Answers nothing but the id.
   * @throws `TRAJECT.DEELNEMER_NOT_FOUND` when there is no such deelnemer.
   */
  async bestaat(deelnemerId: string, door: Actor): Promise<{ id: string }> {
    await this.toegang.eis(door, 'deelnemer.bestaan.toetsen', { deelnemerId });
    if (!(await this.deelnemers.vind(deelnemerId))) throw trajectError('TRAJECT.DEELNEMER_NOT_FOUND', 'No such deelnemer');
    return { id: deelnemerId };
  }

  /**
   * Records the receiver of a referral that consent permitted as `ontvanger` (effective from now)
   * in the trajecten where the sender's organisation holds the lead or the coach organisation.
   * Only exchange-service, acting for the sender with its service token, may ask
   * (`ontvanger.vastleggen`); the receiver must be in the organisation registry.
   */
  async legOntvangerVast(deelnemerId: string, organisatie: string, door: Actor): Promise<{ deelnemerId: string; organisatie: string; trajecten: string[] }> {
    const d = await this.deelnemers.vind(deelnemerId);
    const betrokkenheid = d ? await this.betrokkenheidBijDeelnemer(deelnemerId, aanmeldersVan(d), door) : [];
    await this.toegang.eis(door, 'ontvanger.vastleggen', { deelnemerId }, { betrokkenheid });
    await this.toegang.organisatieType(organisatie, 'organisatie');
    return { deelnemerId, organisatie, trajecten: await this.trajecten.legOntvangerVast(deelnemerId, organisatie, door.organisatie) };
  }

  /**
   * Ends the receiver's `ontvanger` involvement with the deelnemer, now, in every traject: its
   * referral ended (rejected or finished; exchange-service asks), or the consent that carried it
   * was withdrawn or expired (consent-service and the consent lifecycle's activity in the worker
   * ask). Only a service token may (`ontvanger.beeindigen`); ending what already ended changes
   * nothing (an empty list).
   */
  async beeindigOntvanger(deelnemerId: string, organisatie: string, door: Actor): Promise<{ deelnemerId: string; organisatie: string; beeindigd: string[] }> {
    await this.toegang.eis(door, 'ontvanger.beeindigen', { deelnemerId });
    return { deelnemerId, organisatie, beeindigd: await this.trajecten.beeindigOntvanger(deelnemerId, organisatie) };
  }

  /**
   * The deelnemer of a traject and the involvements the caller's organisation holds in it now:
   * the facts exchange-service needs to check a handover or referral. An organisation that is not
   * involved gets not-found, as if the traject did not exist.
   */
  async trajectBetrokkenheidVan(
    trajectId: string,
    door: Actor,
  ): Promise<{ trajectId: string; deelnemerId: string; organisatie: string; betrokkenheid: TrajectBetrokkenheid[]; regie?: TrajectOverzicht['regie'] }> {
    await this.toegang.eis(door, 'betrokkenheid.lezen');
    const t = await this.trajecten.vind(trajectId);
    const betrokkenheid = t ? await this.trajecten.betrokkenheid(trajectId, door.organisatie) : [];
    if (!t || betrokkenheid.length === 0) throw trajectError('TRAJECT.NOT_FOUND', 'No such traject');
    // The lead now: a handover escalates to the traject's regievoerder, whoever sends it.
    const regie = ((await this.trajecten.overzicht(trajectId)) ?? (await this.workflows.overzicht(t.workflowId).catch(() => undefined)))?.regie;
    return { trajectId, deelnemerId: t.deelnemerId, organisatie: door.organisatie, betrokkenheid, ...(regie ? { regie } : {}) };
  }

  /**
   * Starts a traject for a deelnemer; the caller's organisation must be the lead. The candidate is
   * checked against the programme's doelgroep (age from the date of birth); a failed check needs a
   * coded `doelgroepAfwijking`. Unknown criteria do not block; the check is stored with the traject.
   */
  async start(invoer: TrajectStarten, door: Actor): Promise<{ id: string; overzicht: TrajectOverzicht }> {
    const deelnemer = await this.deelnemers.vind(invoer.deelnemerId);
    if (!deelnemer) {
      await this.toegang.eis(door, 'deelnemer.registreren');
      throw trajectError('TRAJECT.DEELNEMER_NOT_FOUND', 'No such deelnemer');
    }
    const betrokkenheid = await this.betrokkenheidBijDeelnemer(invoer.deelnemerId, aanmeldersVan(deelnemer), door);
    await this.toegang.eis(door, 'traject.starten', { deelnemerId: invoer.deelnemerId }, { betrokkenheid });
    if (invoer.regie.organisatieId !== door.organisatie) {
      throw trajectError('TRAJECT.FORBIDDEN', 'A traject is started by its lead organisation');
    }
    const peildatum = invoer.datum ?? amsterdamDate(Date.now());
    // Without a version the traject follows the one valid on its start date; it keeps that version.
    const programma = (
      invoer.programmaVersie
        ? await this.programmas.versie(invoer.programmaCode, invoer.programmaVersie)
        : await this.programmas.geldigOp(invoer.programmaCode, peildatum)
    )?.definitie;
    if (!programma) {
      throw trajectError(
        'TRAJECT.PROGRAMME_NOT_FOUND',
        `Er is geen programma ${invoer.programmaCode}${invoer.programmaVersie ? ` versie ${invoer.programmaVersie}` : ` dat op ${peildatum} geldt`}`,
      );
    }
    const aantal = programma.maxTrajecten !== undefined || programma.groep ? await this.trajecten.aantalOpProgramma(programma.code, programma.versie) : 0;
    if (programma.maxTrajecten !== undefined && aantal >= programma.maxTrajecten) {
      throw trajectError(
        'TRAJECT.PROGRAMME_FULL',
        `${programma.naam} (versie ${programma.versie}) is vol: er lopen al ${aantal} van de ${programma.maxTrajecten} trajecten`,
      );
    }
    if (programma.groep && aantal >= programma.groep.cohortGrootte) {
      throw trajectError(
        'TRAJECT.PROGRAMME_FULL',
        `De groep van ${programma.naam} is vol (${programma.groep.cohortGrootte} deelnemers); meld aan voor het volgende cohort`,
      );
    }
    if (programma.groep && peildatum > programma.groep.startdatum) {
      throw trajectError(
        'TRAJECT.GROUP_STARTED',
        `De groep van ${programma.naam} is op ${programma.groep.startdatum} begonnen; meld aan voor het volgende cohort (een nieuwe versie)`,
      );
    }
    // Whether another traject runs comes from the traject context's own records, not only from the request.
    const lopend: TrajectRegistratie[] = [];
    for (const t of await this.trajecten.vanDeelnemer(invoer.deelnemerId)) {
      const status = (await this.trajecten.overzicht(t.id))?.status;
      if (status === 'actief' || status === 'gepauzeerd') lopend.push(t);
    }
    const exclusief = await Promise.all(
      lopend.map(async (t) => (await this.programmas.versie(t.programmaCode, t.programmaVersie))?.definitie.doelgroep.geenAnderTraject === true),
    );
    const toets = toetsDoelgroep(programma, {
      ...invoer.doelgroep,
      ladderTrede: invoer.doelgroep?.ladderTrede as LadderTrede | undefined,
      leeftijd: leeftijdOp(deelnemer.geboortedatum, peildatum),
      heeftAnderTraject: invoer.doelgroep?.heeftAnderTraject === true || lopend.length > 0,
      inExclusiefTraject: exclusief.includes(true),
    });
    if (toets.afwijzingen.length > 0 && !invoer.doelgroepAfwijking) {
      throw trajectError(
        'TRAJECT.NOT_ELIGIBLE',
        `The deelnemer is outside the doelgroep of ${programma.code}; give a doelgroepAfwijking to start anyway`,
        Object.fromEntries(toets.afwijzingen.map((a) => [`doelgroep.${a}`, a])),
      );
    }
    const id = randomUUID();
    const workflowId = trajectWorkflowId(id);
    await this.trajecten.registreer({
      id,
      deelnemerId: invoer.deelnemerId,
      programmaCode: programma.code,
      programmaVersie: programma.versie,
      workflowId,
      aangemaaktDoor: door.sub,
      aangemaaktDoorOrganisatie: door.organisatie,
      doelgroepToets: toets,
      doelgroepAfwijking: toets.afwijzingen.length > 0 ? invoer.doelgroepAfwijking : undefined,
    });
    await this.workflows.start(workflowId, {
      trajectId: id,
      programma,
      start: { datum: invoer.datum, regie: invoer.regie, coach: invoer.coach, aanmeldreden: invoer.aanmeldreden },
    });
    // Read-your-writes: the first projection is stored before answering, so the involved
    // organisations can command the traject at once; the activities' later versions replace it.
    const overzicht = await this.workflows.overzicht(workflowId);
    await this.trajecten.werkOverzichtBij(overzicht);
    return { id, overzicht };
  }

  /**
   * Phase, status, next deadline, lead: from the projection, or from the workflow before its first
   * projection. A read by another organisation than the lead is logged first ({@link meldRaadpleging}).
   */
  async overzicht(id: string, door: Actor, aanroep: Aanroep): Promise<TrajectOverzicht> {
    const t = await this.zichtbaar(id, door, 'traject.samenvatting.lezen');
    const overzicht = (await this.trajecten.overzicht(id)) ?? (await this.workflows.overzicht(t.workflowId));
    await this.meldRaadpleging(t, overzicht.regie, categorieenVanOverzicht(overzicht), door, aanroep);
    return overzicht;
  }

  /**
   * The timeline, oldest first: the workflow's own (always current), else the recorded copy. A
   * read by another organisation than the lead is logged first ({@link meldRaadpleging}).
   */
  async tijdlijn(id: string, door: Actor, aanroep: Aanroep): Promise<readonly TijdlijnGebeurtenis[]> {
    const t = await this.zichtbaar(id, door, 'traject.lezen');
    let gebeurtenissen: readonly TijdlijnGebeurtenis[];
    try {
      gebeurtenissen = await this.workflows.tijdlijn(t.workflowId);
    } catch {
      gebeurtenissen = await this.trajecten.tijdlijn(id);
    }
    const regie = ((await this.trajecten.overzicht(id)) ?? (await this.workflows.overzicht(t.workflowId))).regie;
    await this.meldRaadpleging(t, regie, TIJDLIJN_CATEGORIEEN, door, aanroep);
    return gebeurtenissen;
  }

  /** Issues a command (`soort`) with `body` (validated against the command schema) to the traject. */
  async opdracht(id: string, soort: keyof typeof OPDRACHT_SCHEMAS, body: unknown, door: Actor): Promise<OpdrachtResultaat> {
    const geregistreerd = await this.trajecten.vind(id);
    const coachOrganisatie = geregistreerd
      ? ((await this.trajecten.overzicht(id)) ?? (await this.workflows.overzicht(geregistreerd.workflowId)))?.coach?.organisatieId
      : undefined;
    const t = await this.zichtbaar(id, door, handelingVanOpdracht(soort, body, coachOrganisatie));
    const metFeiten = soort === 'casuistiekoverleg' ? await this.metGenodigden(id, body) : metScorerUitToken(soort, body, door);
    const invoer = OPDRACHT_SCHEMAS[soort].safeParse({ ...(metFeiten as object), soort });
    if (!invoer.success) {
      throw trajectError(
        'TRAJECT.COMMAND_INVALID',
        `The ${soort} command is invalid`,
        Object.fromEntries(fieldErrorsFromZod(invoer.error).map((e) => [e.field, e.detail])),
      );
    }
    const metingen = 'metingen' in invoer.data ? (invoer.data.metingen ?? []) : [];
    if (metingen.length > 0) {
      const programma = (await this.programmas.versie(t.programmaCode, t.programmaVersie))?.definitie;
      const fouten = programma ? afwijkendeInstrumentVersies(programma, metingen) : {};
      if (Object.keys(fouten).length > 0)
        throw trajectError('TRAJECT.SCORE_INVALID', 'Een score gebruikt een andere versie van het instrument dan het programma', fouten);
    }
    return this.workflows.opdracht(t.workflowId, invoer.data, { sub: door.sub, organisatie: door.organisatie, rol: door.rol });
  }

  /**
   * A case meeting's body with the invited organisations from the server's own data: every
   * organisation involved in the traject now. Each attending organisation must be in the registry
   * and among them; a body naming the invited itself is refused.
   * @throws DomainError `TRAJECT.COMMAND_INVALID` (400) for `genodigd` in the body, `TRAJECT.ATTENDANCE_INVALID` (400) for an
   *   attending organisation not involved in the traject; NotFoundError `TOEGANG.ORGANISATIE_ONBEKEND` for one the registry does not know.
   */
  private async metGenodigden(trajectId: string, body: unknown): Promise<unknown> {
    if (typeof body !== 'object' || body === null) return body;
    if ('genodigd' in body)
      throw trajectError('TRAJECT.COMMAND_INVALID', 'Wie genodigd is volgt uit de betrokkenheid bij het traject, niet uit het verzoek.', {
        genodigd: 'laat weg: de server bepaalt wie genodigd is',
      });
    const aanwezig = (body as { aanwezig?: unknown }).aanwezig;
    const genodigd = await this.trajecten.betrokkenOrganisaties(trajectId);
    if (Array.isArray(aanwezig)) {
      for (const [i, a] of aanwezig.entries()) if (typeof a === 'string') await this.toegang.organisatieType(a, `aanwezig.${i}`);
      const vreemd = aanwezig.filter((a): a is string => typeof a === 'string' && !genodigd.includes(a));
      if (vreemd.length > 0)
        throw trajectError('TRAJECT.ATTENDANCE_INVALID', 'Alleen organisaties die bij het traject betrokken zijn, kunnen bij de bespreking aanwezig zijn.', {
          aanwezig: vreemd.join(', '),
        });
    }
    return { ...body, genodigd };
  }

  /**
   * The scores of a traject per instrument version, with who scored, when and the movement since
   * T0, and the programme version the traject follows. A read by another organisation than the
   * lead is logged first (categories: the instruments read).
   */
  async metingen(id: string, door: Actor, aanroep: Aanroep): Promise<TrajectMetingen> {
    const t = await this.zichtbaar(id, door, 'traject.lezen');
    const { metingen, t0 } = await this.workflows.metingen(t.workflowId);
    const instrumenten = metingenPerInstrument(metingen, t0);
    const regie = ((await this.trajecten.overzicht(id)) ?? (await this.workflows.overzicht(t.workflowId))).regie;
    await this.meldRaadpleging(t, regie, ['traject-status', ...new Set(instrumenten.map((i) => i.instrument))], door, aanroep);
    return { trajectId: id, programma: { code: t.programmaCode, versie: t.programmaVersie }, ...(t0 ? { t0 } : {}), instrumenten };
  }

  /**
   * A coach leaves: every running traject of that coach in the caller's organisation moves to the
   * new coach (the workflows hand over tasks and ask the new coach to inform the deelnemer).
   */
  async draagCaseloadOver(invoer: CaseloadOverdrachtInvoer, door: Actor): Promise<{ trajecten: number }> {
    await this.toegang.eis(door, 'caseload.overdragen');
    if (invoer.naar.organisatieId !== door.organisatie) throw trajectError('TRAJECT.FORBIDDEN', 'A caseload moves to a coach of your own organisation');
    const lopend = await this.trajecten.lopendVanCoach(invoer.vanCoachId, door.organisatie);
    for (const t of lopend) await this.workflows.caseloadOverdracht(t.workflowId, { vanCoachId: invoer.vanCoachId, naar: invoer.naar, datum: invoer.datum });
    return { trajecten: lopend.length };
  }

  /**
   * The caller's tasks and deadlines, overdue first, then by due date: the open and overdue tasks
   * (escalations addressed to them included), and the deadlines of their running trajecten whose
   * task has not appeared yet (`gepland`: the next call attempt, the re-approach a month after a
   * "nee"), so logging a call never leaves the list without the call-back. The placements of the
   * werkgever lane the caller is jobcoach, coach or regievoerder of add theirs (read from
   * plaatsing-service with the caller's own token).
   */
  async taken(door: Actor, aanroep?: Aanroep): Promise<TaakRegel[]> {
    await this.toegang.eis(door, 'taken.lezen');
    const plaatsingTaken = this.plaatsingTaken ? await this.plaatsingTaken.voor(aanroep?.bearer) : [];
    const open = await this.takenOpslag.openVoor(door.sub);
    const bekend = new Set(open.map((t) => `${t.trajectId}/${t.termijnId}`));
    const gepland: TaakRegel[] = (await this.trajecten.overzichtenVanPersoon(door.sub)).flatMap((o) =>
      (o.termijnen ?? [])
        .filter((t) => !t.taakAangemaakt && !t.verlopen && !bekend.has(`${o.trajectId}/${t.id}`))
        .filter((t) => (t.voor === 'coach' && o.coach ? o.coach.coachId : o.regie.regievoerderId) === door.sub)
        .map((t) => ({
          trajectId: o.trajectId,
          termijnId: t.id,
          soort: t.soort,
          voor: t.voor,
          toegewezenAan: door.sub,
          vervalt: t.vervalt,
          status: 'gepland' as const,
          ...(t.taakVanaf ? { taakVanaf: t.taakVanaf } : {}),
        })),
    );
    const gewicht = (t: TaakRegel) => (t.status === 'verlopen' ? 0 : 1);
    return [...open, ...gepland, ...plaatsingTaken].sort(
      (a, b) =>
        gewicht(a) - gewicht(b) || a.vervalt.localeCompare(b.vervalt) || a.trajectId.localeCompare(b.trajectId) || a.termijnId.localeCompare(b.termijnId),
    );
  }

  /**
   * One page of the trajecten the caller's organisation is involved in, newest first, filtered by
   * programme, phase, status and overdue deadlines. Every row is checked against the policy as a
   * read of the traject's overview; the deelnemer's name is a read of personal data, logged first
   * for an organisation other than the one that registered them.
   */
  async lijst(filter: TrajectFilter, pagina: { pagina: number; perPagina: number }, door: Actor, aanroep: Aanroep): Promise<TrajectenPagina> {
    await this.toegang.eis(door, 'trajecten.zoeken');
    const { totaal, trajecten } = await this.trajecten.zichtbareVoor(door.organisatie, filter, {
      offset: (pagina.pagina - 1) * pagina.perPagina,
      limiet: pagina.perPagina,
    });
    const rijen: TrajectRij[] = [];
    for (const t of trajecten) {
      if (!(await this.toegang.mag(door, 'traject.samenvatting.lezen', { deelnemerId: t.deelnemerId }, { betrokkenheid: [...t.betrokkenheid] }))) continue;
      const o = t.overzicht ?? (await this.workflows.overzicht(t.workflowId).catch(() => undefined));
      rijen.push({
        trajectId: t.id,
        deelnemer: await this.deelnemerNaam(t.deelnemerId, t.betrokkenheid, door, aanroep),
        programma: { code: t.programmaCode, versie: t.programmaVersie, naam: await this.programmaNaam(t.programmaCode, t.programmaVersie) },
        betrokkenheid: t.betrokkenheid,
        ...(o
          ? {
              fase: o.fase,
              faseTekst: faseLabel(o.fase),
              status: o.status,
              startdatum: o.startdatum,
              verlopen: (o.termijnen ?? []).some((x) => x.verlopen) || o.volgendeTermijn?.verlopen === true,
              ...(o.volgendeTermijn ? { volgendeTermijn: volgendeTermijnTekst(o.volgendeTermijn) } : {}),
            }
          : {}),
      });
    }
    return { trajecten: rijen, totaal, pagina: pagina.pagina, perPagina: pagina.perPagina, paginas: Math.max(1, Math.ceil(totaal / pagina.perPagina)) };
  }

  /**
   * The timeline for people, newest first (Dutch labels, date and recording moment, who did it,
   * what changed; no codes or ids), with the next deadline. Logged as the timeline is.
   */
  async verloop(id: string, door: Actor, aanroep: Aanroep): Promise<TrajectVerloop> {
    const gebeurtenissen = await this.tijdlijn(id, door, aanroep);
    const t = (await this.trajecten.vind(id)) as TrajectRegistratie;
    const overzicht = (await this.trajecten.overzicht(id)) ?? (await this.workflows.overzicht(t.workflowId));
    const momenten = await this.trajecten.tijdlijnMomenten(id);
    const naam = await this.organisatieNamen(
      gebeurtenissen.flatMap((g) => Object.values(g.gegevens).flatMap((v) => (typeof v === 'string' ? v.split(',') : []))),
    );
    return {
      trajectId: id,
      programma: await this.programmaNaam(t.programmaCode, t.programmaVersie),
      fase: faseLabel(overzicht.fase),
      ...(overzicht.volgendeTermijn ? { volgendeTermijn: volgendeTermijnTekst(overzicht.volgendeTermijn) } : {}),
      gebeurtenissen: leesbareTijdlijn(gebeurtenissen, momenten, naam),
    };
  }

  /**
   * The regievoerder's signals, newest first: drop-outs, consent refused or withdrawn (a
   * handover that ended so), escalated deadlines and lead changes, in the trajecten the caller's
   * organisation leads or registered. Each is checked as a read of the traject's timeline.
   */
  async signalen(door: Actor, aanroep: Aanroep, limiet = 100): Promise<{ signalen: Signaal[] }> {
    await this.toegang.eis(door, 'signalen.lezen');
    const rijen = await this.trajecten.gebeurtenissenVoor(door.organisatie, ['regievoerder', 'aanmelder'], Object.keys(SIGNAAL_SOORTEN), limiet);
    const naam = await this.organisatieNamen(
      rijen.flatMap((r) => Object.values(r.gebeurtenis.gegevens).flatMap((v) => (typeof v === 'string' ? v.split(',') : []))),
    );
    const signalen: Signaal[] = [];
    const gelogd = new Set<string>();
    for (const r of rijen) {
      const soort = signaalSoort(r.gebeurtenis);
      if (!soort) continue;
      if (!(await this.toegang.mag(door, 'traject.lezen', { deelnemerId: r.deelnemerId }, { betrokkenheid: [...r.betrokkenheid] }))) continue;
      if (!r.betrokkenheid.includes('regievoerder') && !gelogd.has(r.trajectId)) {
        await this.schrijfRaadpleging(r.deelnemerId, TIJDLIJN_CATEGORIEEN, aanroep);
        gelogd.add(r.trajectId);
      }
      const { titel, details } = beschrijfGebeurtenis(r.gebeurtenis.soort, r.gebeurtenis.gegevens, naam);
      const t = (await this.trajecten.vind(r.trajectId)) as TrajectRegistratie;
      signalen.push({
        trajectId: r.trajectId,
        soort,
        soortTekst: SIGNAAL_TEKST[soort],
        titel,
        details,
        datum: r.gebeurtenis.datum,
        datumTekst: formatDutchDate(r.gebeurtenis.datum),
        vastgelegdOp: formatDutchMoment(r.vastgelegdOp.getTime()),
        programma: await this.programmaNaam(r.programmaCode, t.programmaVersie),
        deelnemer: await this.deelnemerNaam(r.deelnemerId, r.betrokkenheid, door, aanroep),
      });
    }
    return { signalen };
  }

  /** A deelnemer's name for a list; a read by another organisation than the one that registered them is logged first. */
  private async deelnemerNaam(
    deelnemerId: string,
    betrokkenheid: readonly TrajectBetrokkenheid[],
    door: Actor,
    aanroep: Aanroep,
  ): Promise<{ id: string; naam: string } | undefined> {
    const d = await this.deelnemers.vind(deelnemerId);
    if (!d) return undefined;
    const eigenaar = d.aangemaaktDoorOrganisatie === undefined ? betrokkenheid.includes('regievoerder') : d.aangemaaktDoorOrganisatie === door.organisatie;
    if (!eigenaar) await this.schrijfRaadpleging(deelnemerId, DEELNEMER_CATEGORIEEN, aanroep);
    return { id: deelnemerId, naam: `${d.voornamen} ${d.achternaam}` };
  }

  private async programmaNaam(code: string, versie: number): Promise<string> {
    return (await this.programmas.versie(code, versie))?.definitie.naam ?? code;
  }

  /** Names of the organisations among `kandidaten` (any strings; only registry ids get a name). */
  private async organisatieNamen(kandidaten: readonly string[]): Promise<OrganisatieNamen> {
    const namen = new Map<string, string>();
    if (this.register?.naamVan) {
      for (const id of new Set(kandidaten)) {
        const naam = await this.register.naamVan(id).catch(() => undefined);
        if (naam) namen.set(id, naam);
      }
    }
    return (id) => namen.get(id);
  }

  /**
   * The involvements the caller's organisation holds with a deelnemer: `aanmelder` when it
   * registered them (first or again, see {@link maakDeelnemer}), and whatever it holds in any of
   * their trajecten.
   */
  private async betrokkenheidBijDeelnemer(deelnemerId: string, aanmelders: readonly string[], door: Actor): Promise<TrajectBetrokkenheid[]> {
    if (door.rol === 'deelnemer') return [];
    const inTrajecten = await this.trajecten.betrokkenheidBijDeelnemer(deelnemerId, door.organisatie);
    return aanmelders.includes(door.organisatie) && !inTrajecten.includes('aanmelder') ? ['aanmelder', ...inTrajecten] : inTrajecten;
  }

  /**
   * Asks the policy; a caller whose organisation is not involved at all learns nothing, not even
   * that the resource exists (`verborgen`), any other refusal is a 403.
   */
  private async eisOfVerberg(
    door: Actor,
    handeling: Handeling,
    deelnemerId: string,
    betrokkenheid: readonly TrajectBetrokkenheid[],
    verborgen: () => Error,
  ): Promise<void> {
    try {
      await this.toegang.eis(door, handeling, { deelnemerId }, { betrokkenheid });
    } catch (error) {
      if (
        error instanceof ToegangGeweigerdError &&
        (error.reden === 'niet-betrokken' || error.reden === 'niet-de-eigen-gegevens') &&
        betrokkenheid.length === 0
      )
        throw verborgen();
      throw error;
    }
  }

  /**
   * The lead organisation (regie) answers for the traject's data; any other organisation that
   * reads it (the coach's uitvoerder, a GGZ coach) processes another organisation's data, so the
   * read is written to consent's processing log before the data leaves. No log line, no data.
   * @throws DomainError `TRAJECT.PROCESSING_LOG_UNAVAILABLE` (503) when the log refuses or is unreachable.
   */
  private async meldRaadpleging(t: TrajectRegistratie, regie: Regie, categorieen: readonly string[], door: Actor, aanroep: Aanroep): Promise<void> {
    // A deelnemer reading their own traject processes no other organisation's data.
    if (door.rol === 'deelnemer') return;
    if (door.organisatie !== regie.organisatieId) await this.schrijfRaadpleging(t.deelnemerId, categorieen, aanroep);
  }

  /** @throws DomainError `TRAJECT.PROCESSING_LOG_UNAVAILABLE` (503) when the log refuses or is unreachable. */
  private async schrijfRaadpleging(deelnemerId: string, categorieen: readonly string[], aanroep: Aanroep): Promise<void> {
    try {
      await this.verwerkingslog.meld({ handeling: 'raadpleging', deelnemerId, doel: TRAJECT_DOEL, categorieen }, aanroep);
    } catch (cause) {
      throw new DomainError({
        code: 'TRAJECT.PROCESSING_LOG_UNAVAILABLE',
        kind: TRAJECT_ERRORS['TRAJECT.PROCESSING_LOG_UNAVAILABLE'],
        detail: 'The read could not be written to the processing log, so no data is returned. Try again later.',
        cause,
      });
    }
  }

  /**
   * The traject, when the policy lets the caller perform `handeling` on it with the involvement
   * its organisation holds now (the traject context's own `betrokkenheid` table).
   */
  private async zichtbaar(id: string, door: Actor, handeling: Handeling): Promise<TrajectRegistratie> {
    const t = await this.trajecten.vind(id);
    if (!t) throw trajectError('TRAJECT.NOT_FOUND', 'No such traject');
    const betrokkenheid = door.rol === 'deelnemer' ? [] : await this.trajecten.betrokkenheid(id, door.organisatie);
    // Not involved: answer as if it did not exist, so ids cannot be probed.
    await this.eisOfVerberg(door, handeling, t.deelnemerId, betrokkenheid, () => trajectError('TRAJECT.NOT_FOUND', 'No such traject'));
    return t;
  }
}

/** One row of `GET /api/v1/trajecten`. */
export interface TrajectRij {
  readonly trajectId: string;
  /** Absent when the deelnemer record is gone. */
  readonly deelnemer?: { readonly id: string; readonly naam: string };
  readonly programma: { readonly code: string; readonly versie: number; readonly naam: string };
  /** How the caller's organisation is involved. */
  readonly betrokkenheid: readonly TrajectBetrokkenheid[];
  readonly fase?: string;
  readonly faseTekst?: string;
  readonly status?: string;
  readonly startdatum?: string;
  /** Whether a deadline of the traject is overdue. */
  readonly verlopen?: boolean;
  readonly volgendeTermijn?: VolgendeTermijnTekst;
}

/** `GET /api/v1/trajecten`: one page. */
export interface TrajectenPagina {
  readonly trajecten: readonly TrajectRij[];
  readonly totaal: number;
  readonly pagina: number;
  readonly perPagina: number;
  readonly paginas: number;
}

/** The next deadline for people. */
export interface VolgendeTermijnTekst {
  readonly soort: string;
  /** `Opnieuw contact proberen` */
  readonly titel: string;
  readonly vervalt: string;
  /** `14 december 2026` */
  readonly uiterlijk: string;
  /** `coach` or `regievoerder`. */
  readonly voor: string;
  readonly verlopen: boolean;
}

/** `GET /api/v1/trajecten/{id}/verloop`: the timeline for people. */
export interface TrajectVerloop {
  readonly trajectId: string;
  readonly programma: string;
  readonly fase: string;
  readonly volgendeTermijn?: VolgendeTermijnTekst;
  readonly gebeurtenissen: readonly LeesbareGebeurtenis[];
}

/** Kind of a regievoerder's signal. */
export type SignaalSoort = 'uitval' | 'toestemming-geweigerd' | 'toestemming-ingetrokken' | 'escalatie' | 'regiewissel';

/** One of the regievoerder's signals (`GET /api/v1/signalen`). */
export interface Signaal {
  readonly trajectId: string;
  readonly soort: SignaalSoort;
  /** `Uitval`, `Toestemming geweigerd`, … */
  readonly soortTekst: string;
  readonly titel: string;
  readonly details: readonly string[];
  readonly datum: string;
  readonly datumTekst: string;
  /** `7 december 2026, 14:05` */
  readonly vastgelegdOp: string;
  readonly programma: string;
  readonly deelnemer?: { readonly id: string; readonly naam: string };
}

/** The timeline events a signal can come from. */
const SIGNAAL_SOORTEN = { uitgevallen: true, 'overdracht-beeindigd': true, geescaleerd: true, 'regie-gewijzigd': true } as const;

const SIGNAAL_TEKST: Readonly<Record<SignaalSoort, string>> = {
  uitval: 'Uitval',
  'toestemming-geweigerd': 'Toestemming geweigerd',
  'toestemming-ingetrokken': 'Toestemming ingetrokken',
  escalatie: 'Escalatie',
  regiewissel: 'Regiewissel',
};

/** The signal an event gives, if any: a handover is a signal when consent stopped it or the lead moved. */
function signaalSoort(g: TijdlijnGebeurtenis): SignaalSoort | undefined {
  switch (g.soort) {
    case 'uitgevallen':
      return 'uitval';
    case 'geescaleerd':
      return 'escalatie';
    case 'regie-gewijzigd':
      return 'regiewissel';
    case 'overdracht-beeindigd': {
      const status = g.gegevens['status'];
      if (status === 'toestemming-geweigerd') return 'toestemming-geweigerd';
      if (status === 'toestemming-ingetrokken' || status === 'toestemming-verlopen') return 'toestemming-ingetrokken';
      if (status === 'regie-overgedragen') return 'regiewissel';
      return undefined;
    }
    default:
      return undefined;
  }
}

function volgendeTermijnTekst(t: NonNullable<TrajectOverzicht['volgendeTermijn']>): VolgendeTermijnTekst {
  return { soort: t.soort, titel: taakLabel(t.soort), vervalt: t.vervalt, uiterlijk: formatDutchDate(t.vervalt), voor: t.voor, verlopen: t.verlopen };
}

/** Every organisation that registered the deelnemer: the first registrant and those that registered the same BSN again. */
function aanmeldersVan(d: { readonly aangemaaktDoorOrganisatie?: string; readonly aanmelders: readonly string[] }): string[] {
  return [...(d.aangemaaktDoorOrganisatie === undefined ? [] : [d.aangemaaktDoorOrganisatie]), ...d.aanmelders];
}
