import { Inject, Injectable } from '@nestjs/common';
import { amsterdamDate, DomainError, isValidBsn } from '@ketenregie/shared-kernel';
import type { Handeling } from '@ketenregie/shared-access-policy';
import { fieldErrorsFromZod, Toegang, ToegangGeweigerdError } from '@ketenregie/shared-platform';
import type { Aanroep, Identity, VerwerkingslogPoort } from '@ketenregie/shared-platform';
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
import type { InstrumentMetingen, LadderTrede, Regie } from '@ketenregie/traject-domain';
import { randomUUID } from 'node:crypto';
import { DEELNEMER_OPSLAG, PROGRAMMA_OPSLAG, TAKEN_OPSLAG, TRAJECT_OPSLAG, TRAJECT_WORKFLOWS } from './traject.ports';
import type { DeelnemerOpslag, ProgrammaOpslag, TakenOpslag, TrajectBetrokkenheid, TrajectOpslag, TrajectRegistratie, TrajectWorkflows } from './traject.ports';
import { categorieenVanOverzicht, DEELNEMER_CATEGORIEEN, TIJDLIJN_CATEGORIEEN, TRAJECT_DOEL, TRAJECT_VERWERKINGSLOG } from './traject-verwerkingslog';

/** Who acts: the authenticated person (a professional, or a deelnemer signed in as themself). */
export type Actor = Identity;

/**
 * The policy action of a traject command. Moving the lead, assigning a coach organisation,
 * extending or reopening is the regievoerder's; replacing the coach within the coach's own
 * organisation is also the coach organisation's; the rest is the daily work of both.
 */
function handelingVanOpdracht(soort: keyof typeof OPDRACHT_SCHEMAS, body: unknown, huidigeCoachOrganisatie: string | undefined): Handeling {
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
   * The deelnemer of a traject and the involvements the caller's organisation holds in it now:
   * the facts exchange-service needs to check a handover or referral. An organisation that is not
   * involved gets not-found, as if the traject did not exist.
   */
  async trajectBetrokkenheidVan(
    trajectId: string,
    door: Actor,
  ): Promise<{ trajectId: string; deelnemerId: string; organisatie: string; betrokkenheid: TrajectBetrokkenheid[] }> {
    await this.toegang.eis(door, 'betrokkenheid.lezen');
    const t = await this.trajecten.vind(trajectId);
    const betrokkenheid = t ? await this.trajecten.betrokkenheid(trajectId, door.organisatie) : [];
    if (!t || betrokkenheid.length === 0) throw trajectError('TRAJECT.NOT_FOUND', 'No such traject');
    return { trajectId, deelnemerId: t.deelnemerId, organisatie: door.organisatie, betrokkenheid };
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
    const invoer = OPDRACHT_SCHEMAS[soort].safeParse({ ...(metScorerUitToken(soort, body, door) as object), soort });
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

  /** The caller's open and overdue tasks, including escalations addressed to them. */
  async taken(door: Actor): Promise<TaakRegel[]> {
    await this.toegang.eis(door, 'taken.lezen');
    return this.takenOpslag.openVoor(door.sub);
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

/** Every organisation that registered the deelnemer: the first registrant and those that registered the same BSN again. */
function aanmeldersVan(d: { readonly aangemaaktDoorOrganisatie?: string; readonly aanmelders: readonly string[] }): string[] {
  return [...(d.aangemaaktDoorOrganisatie === undefined ? [] : [d.aangemaaktDoorOrganisatie]), ...d.aanmelders];
}
