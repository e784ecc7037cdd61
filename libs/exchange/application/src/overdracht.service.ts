import { Inject, Injectable } from '@nestjs/common';
import type { AcceptatieDto, AfwijzingDto, AnnuleringDto, DriegesprekDto, OverdrachtAanvraagDto, ToestemmingMeldingDto } from '@ketenregie/exchange-contracts';
import { TRAJECT_VEREIST } from '@ketenregie/exchange-contracts';
import {
  dossierLeesbaar,
  DossierRecord,
  instellingen,
  isEindstatus,
  leveringOverzicht,
  type LeveringOverzicht,
  type OverdrachtStatus,
  OverdrachtRecord,
  TaakRecord,
} from '@ketenregie/exchange-domain';
import type { DossierRepository, OverdrachtRepository } from './exchange.ports';
import { amsterdamDate, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@ketenregie/shared-kernel';
import { BETROKKENHEID_POORT, Toegang } from '@ketenregie/shared-platform';
import type { Handeling } from '@ketenregie/shared-access-policy';
import type { BetrokkenheidPoort } from '@ketenregie/shared-platform';
import type { Identity, Rol } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import { partijVan } from './betrokkenheid';
import { gebeurtenis } from './exchange.gebeurtenissen';
import {
  Aanroep,
  DOSSIER_REPOSITORY,
  OVERDRACHT_REPOSITORY,
  OVERDRACHT_WORKFLOWS,
  OverdrachtOpdracht,
  OverdrachtWorkflowPoort,
  VERWERKINGSLOG,
  VerwerkingslogPoort,
} from './exchange.ports';

/** Purpose code (processing register) of every processing a handover reports. */
const OVERDRACHT_DOEL = 'warme-overdracht';

/** Professionals who hand over, receive and read dossiers. */
export const PROFESSIONALS: readonly Rol[] = ['klantmanager', 'coach', 'jobcoach', 'behandelaar'];

const NIET_GEVONDEN = () => new NotFoundError({ code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN', detail: 'No such overdracht for your organisation.' });

/** Filter and page of {@link OverdrachtService.lijst}. */
export interface OverdrachtFilter {
  readonly richting?: 'inkomend' | 'uitgaand';
  readonly status?: 'lopend' | 'afgerond' | OverdrachtStatus;
  /** 1-based. */
  readonly pagina: number;
  readonly limiet: number;
}

/** What one organisation sees of an overdracht, and from which side. */
export interface OverdrachtInzicht {
  readonly overdracht: OverdrachtRecord;
  readonly richting: 'inkomend' | 'uitgaand';
}

/**
 * Use cases of the warm handover for the partner organisations. Visibility is strict: an
 * organisation that is neither sender nor receiver learns nothing, not even that the handover
 * exists (404); the wrong side gets 403.
 */
@Injectable()
export class OverdrachtService {
  constructor(
    @Inject(OVERDRACHT_REPOSITORY) private readonly overdrachten: OverdrachtRepository,
    @Inject(DOSSIER_REPOSITORY) private readonly dossiers: DossierRepository,
    @Inject(OVERDRACHT_WORKFLOWS) private readonly workflows: OverdrachtWorkflowPoort,
    @Inject(VERWERKINGSLOG) private readonly log: VerwerkingslogPoort,
    private readonly toegang: Toegang,
    @Inject(BETROKKENHEID_POORT) private readonly betrokkenheid: BetrokkenheidPoort,
  ) {}

  /**
   * The sending professional asks another organisation to take over the lead of a traject. The
   * request is stored first (the workflow's steps need the row); then the traject workflow starts
   * the handover as its child, which the traject may refuse (`PreconditionError`, `TRAJECT.*`).
   */
  async vraagAan(aanvraag: OverdrachtAanvraagDto, door: Identity, aanroep: Aanroep): Promise<OverdrachtRecord> {
    if (aanvraag.trajectId === undefined)
      throw new ValidationError({ code: 'EXCHANGE.TRAJECT_VEREIST', detail: TRAJECT_VEREIST, fields: { trajectId: 'required' } });
    // Facts from the traject context: the sender's involvement and the traject's own deelnemer.
    const traject = await this.betrokkenheid.inTraject(aanvraag.trajectId, aanroep.bearer);
    await this.toegang.eis(door, 'overdracht.aanvragen', { deelnemerId: aanvraag.deelnemerId }, { betrokkenheid: traject?.betrokkenheid ?? [] });
    if (traject && traject.deelnemerId !== aanvraag.deelnemerId) {
      throw new ValidationError({
        code: 'EXCHANGE.DEELNEMER_NIET_VAN_TRAJECT',
        detail: 'The deelnemer of a handover is the deelnemer of its traject.',
        fields: { deelnemerId: 'not the deelnemer of the traject' },
      });
    }
    // The handover escalates to the traject's regievoerder (the lead now), not to whoever sends it.
    const regie = traject?.regie;
    if (regie && aanvraag.regievoerder !== undefined && aanvraag.regievoerder !== regie.regievoerderId) {
      throw new ValidationError({
        code: 'EXCHANGE.REGIEVOERDER_NIET_VAN_TRAJECT',
        detail: "The regievoerder of a handover is the traject's regievoerder.",
        fields: { regievoerder: 'not the regievoerder of the traject' },
      });
    }
    // A retry of a request with its own stable id (the worker's warm return) answers with the first;
    // one still `aangevraagd` asks the traject again (idempotent on the update id), in case the first start was lost.
    if (aanvraag.overdrachtId !== undefined) {
      const eerder = await this.overdrachten.overdracht(aanvraag.overdrachtId);
      if (eerder) {
        if (eerder.zender.organisatie !== door.organisatie || eerder.trajectId !== aanvraag.trajectId) throw NIET_GEVONDEN();
        if (eerder.status === 'aangevraagd') await this.startWorkflow(eerder, aanvraag.trajectId, instellingen(aanvraag.instellingen ?? {}));
        return eerder;
      }
    }
    if (aanvraag.ontvanger.organisatie === door.organisatie) {
      throw new ValidationError({ code: 'EXCHANGE.ONTVANGER_IS_ZENDER', detail: 'A handover goes to another organisation.' });
    }
    // The receiver's type picks the release profile: it comes from the registry, never from the body.
    const [zenderType, ontvangerType] = await Promise.all([
      this.toegang.organisatieType(door.organisatie, 'zender'),
      this.toegang.ontvangerType(aanvraag.ontvanger, 'ontvanger'),
    ]);
    const instelling = instellingen(aanvraag.instellingen ?? {});
    const nu = new Date();
    const record: OverdrachtRecord = {
      id: aanvraag.overdrachtId ?? randomUUID(),
      deelnemerId: aanvraag.deelnemerId,
      trajectId: aanvraag.trajectId,
      zender: { organisatie: door.organisatie, type: zenderType, professional: door.sub, rol: door.rol },
      ontvanger: { organisatie: aanvraag.ontvanger.organisatie, type: ontvangerType },
      regievoerder: regie?.regievoerderId ?? aanvraag.regievoerder ?? door.sub,
      regievoerderOrganisatie: regie?.organisatieId ?? door.organisatie,
      reden: aanvraag.reden,
      overTeNemen: aanvraag.overTeNemen,
      ...(aanvraag.voorgesteldEersteGesprek ? { voorgesteldEersteGesprek: aanvraag.voorgesteldEersteGesprek } : {}),
      status: 'aangevraagd',
      afwijzingen: [],
      aangevraagdOp: nu,
      bijgewerktOp: nu,
    };
    await this.overdrachten.voegOverdrachtToe(
      record,
      aanvraag.gegevens,
      // The receiver hears nothing until the consent decision permits it (the dossier is delivered).
      gebeurtenis('overdracht', record.id, `${record.id}/aanvraag`, 'nl.ketenregie.overdracht.aangevraagd', { status: 'aangevraagd', reden: record.reden }, [
        record.zender.organisatie,
      ]),
    );
    await this.startWorkflow(record, aanvraag.trajectId, instelling);
    return record;
  }

  /** The traject workflow starts the handover as its child; a refusal leaves nothing of the request. */
  private async startWorkflow(record: OverdrachtRecord, trajectId: string, instelling: ReturnType<typeof instellingen>): Promise<void> {
    const workflowInput = {
      overdrachtId: record.id,
      deelnemerId: record.deelnemerId,
      trajectId,
      zender: record.zender,
      ontvanger: record.ontvanger,
      regievoerder: record.regievoerder,
      reden: record.reden,
      overTeNemen: record.overTeNemen,
      ...(record.voorgesteldEersteGesprek ? { voorgesteldEersteGesprek: record.voorgesteldEersteGesprek } : {}),
      instellingen: instelling,
    };
    try {
      await this.workflows.start(workflowInput);
    } catch (error) {
      // Refused by the traject (paused, closed, another handover running): the request leaves nothing anywhere.
      if (error instanceof PreconditionError) await this.overdrachten.verwijderOverdracht(record.id);
      throw error;
    }
  }

  /**
   * An overdracht the caller's organisation sends, or receives once the consent decision permitted
   * the disclosure (the dossier was delivered); `handeling` is what the caller wants to do with it.
   * A third organisation, and a receiver before consent, learn nothing: not-found.
   */
  async bekijk(id: string, door: Identity, handeling: Handeling = 'overdracht.lezen'): Promise<OverdrachtInzicht> {
    const { overdracht, richting } = await this.inzien(id, door, handeling);
    return { overdracht, richting };
  }

  /** {@link bekijk}, with the delivered dossier it looked up to decide: a dossier read uses it rather than read (and decrypt) it twice. */
  private async inzien(id: string, door: Identity, handeling: Handeling): Promise<OverdrachtInzicht & { readonly dossier: DossierRecord | undefined }> {
    const overdracht = await this.overdrachten.overdracht(id);
    if (!overdracht) throw NIET_GEVONDEN();
    const betrokkenheid = partijVan(overdracht, door);
    if (betrokkenheid.length === 0) throw NIET_GEVONDEN();
    // Consent permitted the disclosure when the dossier was delivered.
    const dossier = await this.dossiers.dossier(id);
    const toestemming = dossier !== undefined;
    if (!betrokkenheid.includes('verzender') && !toestemming) throw NIET_GEVONDEN();
    await this.toegang.eis(door, handeling, { deelnemerId: overdracht.deelnemerId }, { betrokkenheid, toestemming });
    return { overdracht, richting: betrokkenheid.includes('verzender') ? 'uitgaand' : 'inkomend', dossier };
  }

  /**
   * The partner inbox: every overdracht the organisation sends or receives, and its tasks, with the
   * tasks it has as the traject's regievoerder (professionals only: a stuurgroeplid sees no deelnemer).
   */
  async inbox(door: Identity): Promise<{ overdrachten: OverdrachtInzicht[]; taken: TaakRecord[] }> {
    await this.toegang.eis(door, 'inbox.lezen');
    const zichtbaar: OverdrachtInzicht[] = [];
    for (const overdracht of await this.overdrachten.overdrachtenVan(door.organisatie)) {
      if (overdracht.zender.organisatie === door.organisatie) zichtbaar.push({ overdracht, richting: 'uitgaand' });
      else if (await this.toestemmingVerleend(overdracht.id)) zichtbaar.push({ overdracht, richting: 'inkomend' });
    }
    const ids = new Set(zichtbaar.map((z) => z.overdracht.id));
    // A task for the regievoerder is on the list of the traject's lead (stored there by the workflow's step), also when it neither sends nor receives.
    const taken = (await this.overdrachten.takenVan(door.organisatie)).filter((t) => ids.has(t.overdrachtId) || t.voor === 'regievoerder');
    return { overdrachten: zichtbaar, taken };
  }

  /**
   * One page of the overdrachten the organisation sends or (after the consent decision permitted
   * it) receives, most recently changed first, filtered by direction and by status (`lopend`,
   * `afgerond` or one status). Professionals only, as the inbox.
   */
  async lijst(door: Identity, filter: OverdrachtFilter): Promise<{ overdrachten: OverdrachtInzicht[]; totaal: number }> {
    const { overdrachten } = await this.inbox(door);
    const passend = overdrachten
      .filter((i) => !filter.richting || i.richting === filter.richting)
      .filter((i) =>
        !filter.status
          ? true
          : filter.status === 'lopend'
            ? !isEindstatus(i.overdracht.status)
            : filter.status === 'afgerond'
              ? isEindstatus(i.overdracht.status)
              : i.overdracht.status === filter.status,
      )
      .sort((a, b) => b.overdracht.bijgewerktOp.getTime() - a.overdracht.bijgewerktOp.getTime() || a.overdracht.id.localeCompare(b.overdracht.id));
    const start = (filter.pagina - 1) * filter.limiet;
    return { overdrachten: passend.slice(start, start + filter.limiet), totaal: passend.length };
  }

  /**
   * For the sender: what the delivered dossier holds and what was left out and why (field names,
   * never values); undefined before delivery and for the receiver.
   */
  async levering(inzicht: OverdrachtInzicht): Promise<(LeveringOverzicht & { readonly geleverdOp: Date; readonly ingetrokken: boolean }) | undefined> {
    if (inzicht.richting !== 'uitgaand') return undefined;
    const dossier = await this.dossiers.dossier(inzicht.overdracht.id);
    if (!dossier) return undefined;
    const bron = (await this.overdrachten.bron(inzicht.overdracht.id)) ?? {};
    return {
      ...leveringOverzicht(inzicht.overdracht.ontvanger.type, bron, dossier),
      geleverdOp: dossier.geleverdOp,
      ingetrokken: dossier.ingetrokkenOp !== undefined,
    };
  }

  async accepteer(id: string, body: AcceptatieDto, door: Identity): Promise<OverdrachtInzicht> {
    await this.bekijk(id, door, 'overdracht.beantwoorden');
    return this.voerUit(id, { soort: 'acceptatie', door: door.sub, regievoerderId: body.regievoerderId ?? door.sub }, door);
  }

  async wijsAf(id: string, body: AfwijzingDto, door: Identity): Promise<OverdrachtInzicht> {
    await this.bekijk(id, door, 'overdracht.beantwoorden');
    const inzicht = await this.voerUit(id, { soort: 'afwijzing', door: door.sub, reden: body.reden, advies: body.advies }, door);
    await this.overdrachten.legAfwijzingVast(id, { reden: body.reden, advies: body.advies, op: amsterdamDate(Date.now()) });
    return inzicht;
  }

  async meldToestemming(id: string, body: ToestemmingMeldingDto, door: Identity): Promise<OverdrachtInzicht> {
    await this.bekijk(id, door, 'overdracht.sturen');
    return this.voerUit(id, { soort: 'toestemming', opdracht: { door: door.sub, soort: body.soort } }, door);
  }

  async driegesprek(id: string, body: DriegesprekDto, door: Identity): Promise<OverdrachtInzicht> {
    await this.bekijk(id, door, 'overdracht.driegesprek');
    const inzicht = await this.voerUit(id, { soort: 'driegesprek', opdracht: { ...body, door: door.sub } }, door);
    if (body.soort !== 'gehouden') await this.overdrachten.legDriegesprekVast(id, body.soort === 'gepland' ? body.datum : undefined);
    return inzicht;
  }

  async annuleer(id: string, body: AnnuleringDto, door: Identity): Promise<OverdrachtInzicht> {
    await this.bekijk(id, door, 'overdracht.sturen');
    return this.voerUit(id, { soort: 'annulering', door: door.sub, reden: body.reden }, door);
  }

  async bied(id: string, door: Identity): Promise<OverdrachtInzicht> {
    await this.bekijk(id, door, 'overdracht.sturen');
    return this.voerUit(id, { soort: 'heraanbieding', door: door.sub }, door);
  }

  /**
   * The receiver reads the minimal dossier. Every attempt is logged here (allowed or denied);
   * an allowed read is also reported to consent's processing log before any data is returned,
   * so there is no read without a log line.
   */
  async leesDossier(id: string, door: Identity, aanroep: Aanroep): Promise<DossierRecord> {
    const { overdracht, dossier } = await this.inzien(id, door, 'dossier.lezen');
    const weigering = !dossier
      ? 'niet-geleverd'
      : dossier.ingetrokkenOp
        ? (dossier.intrekkingReden ?? 'ingetrokken')
        : !dossierLeesbaar(overdracht.status)
          ? overdracht.status
          : undefined;
    if (weigering || !dossier) {
      await this.dossiers.logInzage({
        overdrachtId: id,
        organisatie: door.organisatie,
        sub: door.sub,
        uitkomst: 'geweigerd',
        reden: weigering,
        traceId: aanroep.traceId,
      });
      // The deelnemer sees refused reads of their dossier in their own processing log too.
      await this.log.meld(
        { handeling: 'raadpleging', status: 'geweigerd', deelnemerId: overdracht.deelnemerId, doel: OVERDRACHT_DOEL, categorieen: [] },
        aanroep,
      );
      throw new ForbiddenError({ code: 'EXCHANGE.DOSSIER_NIET_BESCHIKBAAR', detail: `The dossier is not available (${weigering}).` });
    }
    const categorieen = Object.keys(dossier.categorieen);
    if (categorieen.length > 0) {
      try {
        // Citing the decision: consent-service re-checks the consents now, so a withdrawal that has not reached the handover yet still stops the read.
        await this.log.meld(
          { handeling: 'raadpleging', deelnemerId: overdracht.deelnemerId, doel: OVERDRACHT_DOEL, categorieen, besluitId: dossier.besluitId },
          aanroep,
        );
      } catch (error) {
        if (!(error instanceof ForbiddenError)) throw error;
        await this.dossiers.logInzage({
          overdrachtId: id,
          organisatie: door.organisatie,
          sub: door.sub,
          uitkomst: 'geweigerd',
          reden: 'toestemming-ingetrokken',
          traceId: aanroep.traceId,
        });
        // The refused read belongs in the deelnemer's processing log too, as a refused read before the re-check does.
        await this.log.meld(
          { handeling: 'raadpleging', status: 'geweigerd', deelnemerId: overdracht.deelnemerId, doel: OVERDRACHT_DOEL, categorieen: [] },
          aanroep,
        );
        throw new ForbiddenError({ code: 'EXCHANGE.DOSSIER_NIET_BESCHIKBAAR', detail: 'The dossier is not available (toestemming-ingetrokken).' });
      }
    }
    await this.dossiers.logInzage({ overdrachtId: id, organisatie: door.organisatie, sub: door.sub, uitkomst: 'toegestaan', traceId: aanroep.traceId });
    return dossier;
  }

  /** Every read attempt of the dossier (for the sender, the receiver and the DPO). */
  async inzagen(id: string, door: Identity) {
    await this.bekijk(id, door, 'dossier.inzagen.lezen');
    return this.dossiers.inzagen(id);
  }

  /**
   * The consent decision permitted a disclosure to the receiver: a dossier was delivered (only a
   * decision that released something stores one; a later withdrawal empties it but keeps the row,
   * so the receiver still sees how the handover ended).
   */
  private async toestemmingVerleend(overdrachtId: string): Promise<boolean> {
    return (await this.dossiers.dossier(overdrachtId)) !== undefined;
  }

  /**
   * Sends the command and answers with the workflow's state, which is authoritative; the stored
   * projection follows within moments (the workflow records the step itself).
   */
  private async voerUit(id: string, opdracht: OverdrachtOpdracht, door: Identity): Promise<OverdrachtInzicht> {
    const weergave = await this.workflows.voerUit(id, opdracht);
    const { overdracht, richting } = await this.bekijk(id, door);
    const { termijn: _oud, driegesprek: _vorig, ...vast } = overdracht;
    const w = weergave.toestand;
    return {
      richting,
      overdracht: {
        ...vast,
        status: weergave.status,
        afwijzingen: w.afwijzingen,
        ...(weergave.termijn ? { termijn: { soort: weergave.termijn.soort, uiterlijk: weergave.termijn.uiterlijk } } : {}),
        ...(w.driegesprek ? { driegesprek: w.driegesprek } : {}),
      },
    };
  }
}
