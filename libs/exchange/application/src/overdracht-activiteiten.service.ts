import { Inject, Injectable } from '@nestjs/common';
import type { Namens, StapRegistratie } from '@ketenregie/exchange-contracts';
import {
  type BesluitUitkomst,
  besluitUitkomst,
  type OverdrachtRecord,
  stelDossierSamen,
  type ToestemmingsBesluit,
  type Vrijgave,
} from '@ketenregie/exchange-domain';
import type { DossierRepository, OverdrachtRepository } from './exchange.ports';
import { NotFoundError } from '@ketenregie/shared-kernel';
import { gebeurtenis } from './exchange.gebeurtenissen';
import { type Aanroep, DOSSIER_REPOSITORY, OVERDRACHT_REPOSITORY, VERWERKINGSLOG, type VerwerkingslogPoort } from './exchange.ports';

/** Purpose code (processing register) of every processing a handover reports. */
const OVERDRACHT_DOEL = 'warme-overdracht';

/** The dossier delivery step of the overdracht workflow. */
export interface DossierLevering {
  readonly sleutel: string;
  readonly namens: Namens;
  readonly overdrachtId: string;
  readonly besluitId: string;
  readonly vrijgaven: readonly Vrijgave[];
}

/** The withdrawal step of the overdracht workflow. */
export interface DossierIntrekking {
  readonly sleutel: string;
  readonly namens: Namens;
  readonly overdrachtId: string;
  readonly reden: string;
}

/**
 * The overdracht workflow's own steps, called in-process by the worker's activity adapter (the
 * workflow acts for the sending professional, `namens`). No access decision is asked here: the
 * caller is the exchange context's own workflow, started for this sender by exchange-service
 * after its access checks. What is checked is that the handover exists and that `namens` is its
 * sender. Every step is idempotent on its `sleutel`.
 */
@Injectable()
export class OverdrachtActiviteitenService {
  constructor(
    @Inject(OVERDRACHT_REPOSITORY) private readonly overdrachten: OverdrachtRepository,
    @Inject(DOSSIER_REPOSITORY) private readonly dossiers: DossierRepository,
    @Inject(VERWERKINGSLOG) private readonly log: VerwerkingslogPoort,
  ) {}

  /** What consent's decision (asked by the worker over consent-service's API) means for the handover: see the domain's {@link besluitUitkomst}. */
  decisionOutcome(besluit: ToestemmingsBesluit): BesluitUitkomst {
    return besluitUitkomst(besluit);
  }

  /**
   * Assembles the minimal dossier for the receiver's role from the sender's data and the
   * decision's released fields, stores it (idempotent per key) and reports the disclosure to the
   * processing log (`aanroep` names the worker acting for the sender).
   */
  async deliverDossier(invoer: DossierLevering, aanroep: Aanroep): Promise<{ categorieen: string[] }> {
    const overdracht = await this.vanZender(invoer.overdrachtId, invoer.namens);
    // A decision that released nothing permits nothing: no dossier, so the receiver sees nothing of the handover.
    if (invoer.vrijgaven.length === 0) return { categorieen: [] };
    const bron = (await this.overdrachten.bron(invoer.overdrachtId)) ?? {};
    const { dossier, geleverd } = stelDossierSamen(overdracht.ontvanger.type, bron, invoer.vrijgaven);
    const nieuw = await this.dossiers.slaDossierOp({
      sleutel: invoer.sleutel,
      overdrachtId: invoer.overdrachtId,
      besluitId: invoer.besluitId,
      categorieen: dossier.categorieen,
    });
    // Logged once the dossier is stored, and again on a retry until the log has it (consent-service may have been down).
    const teMelden = this.dossiers.verstrekkingTeMelden ? await this.dossiers.verstrekkingTeMelden(invoer.overdrachtId, invoer.sleutel) : nieuw;
    if (teMelden && geleverd.length > 0) {
      await this.log.meld(
        {
          handeling: 'verstrekking',
          deelnemerId: overdracht.deelnemerId,
          doel: OVERDRACHT_DOEL,
          categorieen: geleverd,
          ontvanger: overdracht.ontvanger,
          besluitId: invoer.besluitId,
        },
        aanroep,
      );
    }
    if (teMelden) await this.dossiers.verstrekkingGemeld?.(invoer.overdrachtId, invoer.sleutel);
    return { categorieen: [...geleverd] };
  }

  /** Withdraws the dossier from the receiver at once; later reads are denied (and logged as denied). */
  async withdrawDossier(invoer: DossierIntrekking): Promise<void> {
    await this.vanZender(invoer.overdrachtId, invoer.namens);
    await this.dossiers.trekDossierIn(invoer.overdrachtId, invoer.reden);
  }

  /** Projection, task and CloudEvent of one workflow step, in one transaction (a repeated key is a no-op). */
  async recordStep(stap: StapRegistratie): Promise<void> {
    const o = await this.vanZender(stap.overdrachtId, stap.namens);
    // A task for the regievoerder (an escalation, the end of the handover) goes to the traject's lead, who need not be the sender.
    const voor = stap.taak?.voor;
    const organisatie = voor === 'ontvanger' ? o.ontvanger.organisatie : voor === 'regievoerder' ? o.regievoerderOrganisatie : o.zender.organisatie;
    // Until the consent decision permitted the disclosure (dossier delivered), the receiver is told nothing.
    const partijen = (await this.dossiers.dossier(o.id)) !== undefined ? [o.zender.organisatie, o.ontvanger.organisatie] : [o.zender.organisatie];
    // The regievoerder's organisation hears of the steps that give it something to do.
    const ontvangers = voor === 'regievoerder' && !partijen.includes(organisatie) ? [...partijen, organisatie] : partijen;
    await this.overdrachten.registreerStap({
      sleutel: stap.sleutel,
      overdrachtId: stap.overdrachtId,
      status: stap.status,
      // The step's record takes a deadline's kind and date; the workflow's reminder and escalation dates stay in the workflow.
      ...(stap.termijn ? { termijn: { soort: stap.termijn.soort, uiterlijk: stap.termijn.uiterlijk } } : {}),
      ...(stap.taak
        ? {
            taak: {
              sleutel: stap.sleutel,
              overdrachtId: stap.overdrachtId,
              organisatie,
              voor: stap.taak.voor,
              soort: stap.taak.soort,
              ...(stap.taak.vervalt ? { vervalt: stap.taak.vervalt } : {}),
            },
          }
        : {}),
      gebeurtenis: gebeurtenis('overdracht', o.id, stap.sleutel, stap.gebeurtenis, { status: stap.status, ...(stap.gegevens ?? {}) }, ontvangers),
    });
  }

  /**
   * The handover, when `namens` is its sender (the only party its workflow acts for).
   * @throws NotFoundError `EXCHANGE.OVERDRACHT_NIET_GEVONDEN` otherwise (a wiring error: permanent).
   */
  private async vanZender(overdrachtId: string, namens: Namens): Promise<OverdrachtRecord> {
    const overdracht = await this.overdrachten.overdracht(overdrachtId);
    if (!overdracht || overdracht.zender.organisatie !== namens.organisatie) {
      throw new NotFoundError({ code: 'EXCHANGE.OVERDRACHT_NIET_GEVONDEN', detail: 'No such overdracht sent by the organisation the workflow acts for.' });
    }
    return overdracht;
  }
}
