import { Inject, Injectable } from '@nestjs/common';
import {
  besluit as beslis,
  DataCategorie,
  Handeling,
  Ketenregel,
  KetenVerificatie,
  KetenVerifier,
  Organisatie,
  Pseudonimiseer,
  KetenSleutels,
  Toestemming,
  Verwerkingsactiviteit,
  Verwerkingsregister,
  ORGANISATIE_TYPEN,
  vrijgaveOverzicht,
  type OrganisatieType,
  type VrijgaveOverzicht,
} from '@ketenregie/consent-domain';
import { ForbiddenError, NotFoundError } from '@ketenregie/shared-kernel';
import type { Identity } from '@ketenregie/shared-platform';
import { PROFESSIONALS, vereisRol } from './autorisatie';
import type { Aanroep, ConsentTransacties, VerwerkingRepository } from './consent.ports';
import { CONSENT_TRANSACTIES, KETEN_SLEUTELS, PSEUDONIMISEERDER, VERWERKING_REPOSITORY } from './consent.tokens';
import { RegisterService } from './register.service';
import { spoorVan } from './toestemming.service';

/** A processing another service reports (it read or disclosed another organisation's data). */
export interface VerwerkingMelding {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly handeling: 'verstrekking' | 'raadpleging' | 'wissing';
  /** A refused read is logged too (default `ok`). */
  readonly status?: 'ok' | 'geweigerd';
  readonly deelnemerId: string;
  readonly ontvanger?: Organisatie;
  readonly doel: string;
  readonly categorieen: readonly DataCategorie[];
  readonly besluitId?: string;
}

/** One log line as the deelnemer sees it, with the register's words for why. */
export interface InzageRegel {
  readonly keten: number;
  readonly volgnummer: number;
  readonly tijdstip: Date;
  readonly handeling: Handeling;
  readonly status: 'ok' | 'geweigerd' | 'deels';
  readonly organisatie: string;
  readonly ontvanger?: string;
  readonly doel?: string;
  readonly verwerkingsactiviteit?: Pick<Verwerkingsactiviteit, 'id' | 'versie' | 'naam' | 'doelomschrijving'>;
  readonly categorieen: readonly DataCategorie[];
  readonly grondslagen: readonly string[];
  readonly toestemmingen: readonly string[];
  readonly traceId: string;
}

/** The inzage of one deelnemer: consents and every processing of their data, in log order. */
export interface Inzage {
  readonly deelnemerId: string;
  readonly opgesteldOp: Date;
  readonly toestemmingen: readonly Toestemming[];
  readonly verwerkingen: readonly InzageRegel[];
}

/** The processing log: reports from other services, verification, and the deelnemer's inzage. */
@Injectable()
export class VerwerkingService {
  constructor(
    @Inject(CONSENT_TRANSACTIES) private readonly transacties: ConsentTransacties,
    @Inject(VERWERKING_REPOSITORY) private readonly verwerkingen: VerwerkingRepository,
    @Inject(PSEUDONIMISEERDER) private readonly pseudoniem: Pseudonimiseer,
    @Inject(KETEN_SLEUTELS) private readonly ketenSleutels: KetenSleutels,
    private readonly register: RegisterService,
  ) {}

  /**
   * Appends a reported processing; the processing organisation is the caller's. A disclosure
   * (`verstrekking`) must cite a decision that permitted exactly this: same deelnemer, the caller
   * as source, the same recipient and purpose, only permitted categories; and it must still be
   * permitted now (a withdrawal since the decision ends the access it granted).
   * @throws NotFoundError `CONSENT.DECISION_NOT_FOUND`; ForbiddenError `CONSENT.DISCLOSURE_NOT_PERMITTED`.
   */
  async meld(melding: VerwerkingMelding, door: Identity): Promise<Ketenregel> {
    // An erasure is the gemeente's fg's (access policy `deelnemer.wissen`); every other processing a professional's.
    vereisRol(door, melding.handeling === 'wissing' ? ['fg'] : PROFESSIONALS, 'report a processing');
    const register = await this.register.huidig();
    return this.transacties.transactie(async (tx) => {
      if (melding.handeling === 'verstrekking') {
        const eerder = melding.besluitId ? await tx.besluit(melding.besluitId) : undefined;
        if (!eerder) throw new NotFoundError({ code: 'CONSENT.DECISION_NOT_FOUND', detail: 'A disclosure must cite the decision that permitted it.' });
        const v = eerder.verzoek;
        const toegestaan = new Set(eerder.categorieen.filter((c) => c.uitkomst === 'toegestaan').map((c) => c.categorie));
        const klopt =
          v.deelnemerId === melding.deelnemerId &&
          v.bron.organisatie === door.organisatie &&
          v.ontvanger.organisatie === melding.ontvanger?.organisatie &&
          v.doel === melding.doel &&
          melding.categorieen.every((c) => toegestaan.has(c));
        if (!klopt) {
          throw new ForbiddenError({ code: 'CONSENT.DISCLOSURE_NOT_PERMITTED', detail: 'The disclosure goes beyond the decision it cites.' });
        }
        const toestemmingen = await tx.toestemmingenVan(melding.deelnemerId, 'exclusief');
        const nu = beslis(register, toestemmingen, { ...v, categorieen: melding.categorieen }, await tx.nu());
        if (nu.categorieen.some((c) => c.uitkomst !== 'toegestaan')) {
          throw new ForbiddenError({
            code: 'CONSENT.DISCLOSURE_NOT_PERMITTED',
            detail: 'The disclosure is no longer permitted (consent ended since the decision).',
          });
        }
      }
      if (melding.handeling === 'raadpleging' && melding.besluitId && (melding.status ?? 'ok') === 'ok') {
        // A read of data disclosed under a decision (the receiver reads a handover's dossier) is re-checked
        // against the consents as they are now: after a withdrawal it is refused, whatever else missed it.
        const eerder = await tx.besluit(melding.besluitId);
        if (!eerder) throw new NotFoundError({ code: 'CONSENT.DECISION_NOT_FOUND', detail: 'A read must cite the decision it relies on.' });
        const v = eerder.verzoek;
        const toegestaan = new Set(eerder.categorieen.filter((c) => c.uitkomst === 'toegestaan').map((c) => c.categorie));
        const klopt =
          v.deelnemerId === melding.deelnemerId && v.ontvanger.organisatie === door.organisatie && melding.categorieen.every((c) => toegestaan.has(c));
        const nu = klopt
          ? beslis(register, await tx.toestemmingenVan(melding.deelnemerId, 'exclusief'), { ...v, categorieen: melding.categorieen }, await tx.nu())
          : undefined;
        if (!nu || nu.categorieen.some((c) => c.uitkomst !== 'toegestaan')) {
          throw new ForbiddenError({ code: 'CONSENT.READ_NOT_PERMITTED', detail: 'The read is not (or no longer) permitted by the decision it cites.' });
        }
      }
      const op = await tx.nu();
      const activiteit = await this.register.activiteitOp(melding.doel, op);
      return tx.logVerwerking({
        traceId: melding.traceId,
        spanId: melding.spanId,
        ...(melding.parentSpanId ? { parentSpanId: melding.parentSpanId } : {}),
        handeling: melding.handeling,
        status: melding.status ?? 'ok',
        tijdstip: op,
        ...(activiteit ? { verwerkingsactiviteit: { id: activiteit.id, versie: activiteit.versie } } : {}),
        betrokkene: this.pseudoniem(melding.deelnemerId),
        organisatie: door.organisatie,
        ...(melding.ontvanger ? { ontvanger: melding.ontvanger.organisatie } : {}),
        doel: melding.doel,
        categorieen: melding.categorieen,
        grondslagen: melding.besluitId ? [`besluit:${melding.besluitId}`] : [],
        toestemmingen: [],
      });
    });
  }

  /** Recomputes the whole chain with its keys (the FG's; see the access policy). */
  async verifieer(): Promise<KetenVerificatie> {
    const verifier = new KetenVerifier(this.ketenSleutels, this.verwerkingen.aantalKetens);
    for await (const regel of this.verwerkingen.verwerkingen()) if (!verifier.volgende(regel)) break;
    return verifier.resultaat();
  }

  /** A page of the processing log as stored (pseudonymised, with its hashes), for the FG. */
  async logInzien(na: { keten: number; volgnummer: number } | undefined, limiet: number): Promise<readonly Ketenregel[]> {
    return this.verwerkingen.verwerkingenPagina(na, limiet);
  }

  /** The versioned processing register (for the FG). */
  async registerInzien(): Promise<Verwerkingsregister> {
    return this.register.huidig();
  }

  /**
   * What each recipient type (or only `ontvangerType`) may get for `doel` under the register in
   * force now, before any consent: the preview a sender sees before asking for a handover.
   */
  async vrijgaveprofielen(doel: string, ontvangerType?: OrganisatieType, op: Date = new Date()): Promise<readonly VrijgaveOverzicht[]> {
    const register = await this.register.huidig();
    return (ontvangerType ? [ontvangerType] : ORGANISATIE_TYPEN).map((type) => vrijgaveOverzicht(register, doel, type, op));
  }

  /**
   * The deelnemer's consents and the processing of their data, for a professional to hand over.
   * Reading is itself a processing: it is logged (handeling `inzage`) after the lines shown.
   */
  async inzage(deelnemerId: string, door: Identity, aanroep: Aanroep): Promise<Inzage> {
    const betrokkene = this.pseudoniem(deelnemerId);
    await this.register.huidig();
    // Read before the transaction: the embedded database serialises connections while one holds a transaction.
    const regels = await this.verwerkingen.verwerkingenVan(betrokkene);
    return this.transacties.transactie(async (tx) => {
      const toestemmingen = await tx.toestemmingenVan(deelnemerId, 'geen');
      const opgesteldOp = await tx.nu();
      await tx.logVerwerking({
        ...spoorVan(aanroep),
        handeling: 'inzage',
        status: 'ok',
        tijdstip: opgesteldOp,
        betrokkene,
        organisatie: door.organisatie,
        categorieen: [],
        grondslagen: ['art15-avg-recht-op-inzage'],
        toestemmingen: [],
      });
      const verwerkingen = await Promise.all(regels.map((r) => this.inzageRegel(r)));
      return { deelnemerId, opgesteldOp, toestemmingen, verwerkingen };
    });
  }

  private async inzageRegel({ keten, volgnummer, regel }: Ketenregel): Promise<InzageRegel> {
    const activiteit = regel.verwerkingsactiviteit
      ? await this.register.activiteit(regel.verwerkingsactiviteit.id, regel.verwerkingsactiviteit.versie)
      : undefined;
    return {
      keten,
      volgnummer,
      tijdstip: regel.tijdstip,
      handeling: regel.handeling,
      status: regel.status,
      organisatie: regel.organisatie,
      ...(regel.ontvanger ? { ontvanger: regel.ontvanger } : {}),
      ...(regel.doel ? { doel: regel.doel } : {}),
      ...(activiteit
        ? { verwerkingsactiviteit: { id: activiteit.id, versie: activiteit.versie, naam: activiteit.naam, doelomschrijving: activiteit.doelomschrijving } }
        : {}),
      categorieen: regel.categorieen,
      grondslagen: regel.grondslagen,
      toestemmingen: regel.toestemmingen,
      traceId: regel.traceId,
    };
  }
}
