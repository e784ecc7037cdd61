import { Inject, Injectable } from '@nestjs/common';
import { besluit, Besluit, DataCategorie, Organisatie, Pseudonimiseer, regelVoorBesluit, uitkomst } from '@ketenregie/consent-domain';
import { consentDecisions, Toegang } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import type { Aanroep, BesluitRepository, ConsentTransacties } from './consent.ports';
import { BESLUIT_REPOSITORY, CONSENT_TRANSACTIES, PSEUDONIMISEERDER } from './consent.tokens';
import { RegisterService } from './register.service';
import { spoorVan } from './toestemming.service';

/** Optimistic attempts of a decision before it takes the consents' locks for the whole decision. */
const OPTIMISTISCHE_POGINGEN = 3;

/** A request for a decision; the source is the caller's organisation. */
export interface BesluitAanvraag {
  readonly deelnemerId: string;
  /** The registry decides the type; a stated one that disagrees is refused. */
  readonly ontvanger: Omit<Organisatie, 'type'> & { readonly type?: Organisatie['type'] };
  readonly doel: string;
  readonly categorieen: readonly DataCategorie[];
}

/** A decision as stored and logged. */
export interface GenomenBesluit {
  readonly id: string;
  readonly besluit: Besluit;
  readonly traceId: string;
  readonly volgnummer: number;
}

/** The policy decision point: every disclosure between organisations is decided and logged here. */
@Injectable()
export class BesluitService {
  constructor(
    @Inject(BESLUIT_REPOSITORY) private readonly besluiten: BesluitRepository,
    @Inject(CONSENT_TRANSACTIES) private readonly transacties: ConsentTransacties,
    @Inject(PSEUDONIMISEERDER) private readonly pseudoniem: Pseudonimiseer,
    private readonly register: RegisterService,
    private readonly toegang: Toegang,
  ) {}

  /**
   * Decides, stores and logs, atomically.
   *
   * The race rule (see {@link ToestemmingService.trekIn}): a decision never uses a consent state
   * that a withdrawal or expiry committed before the decision was stored. The optimistic path
   * reads the consents and the database clock (the decision instant) in one statement without
   * locks, then stores the decision and its log line in one statement that first locks the
   * deelnemer's consent rows FOR UPDATE, in id order, and writes only if they are unchanged;
   * otherwise it reads and decides again. The processing-log head is locked after the consent
   * rows, by decisions and withdrawals alike, so the two never deadlock. After
   * {@link OPTIMISTISCHE_POGINGEN} changed reads the decision is taken in one transaction under
   * the consents' locks, with the clock read after them. FOR UPDATE rather than FOR SHARE on
   * purpose: PostgreSQL lets new share lockers join a row that is already share-locked even
   * while a FOR UPDATE waits, so a steady stream of decisions would starve a withdrawal;
   * exclusive lockers queue in order.
   */
  async besluit(aanvraag: BesluitAanvraag, door: Identity, aanroep: Aanroep): Promise<GenomenBesluit> {
    const genomen = await this.beslis(aanvraag, door, aanroep);
    consentDecisions.inc({ uitkomst: uitkomst(genomen.besluit) });
    return genomen;
  }

  private async beslis(aanvraag: BesluitAanvraag, door: Identity, aanroep: Aanroep): Promise<GenomenBesluit> {
    // Both types pick the release profile and the legal regime: they come from the registry,
    // never from the body (the recipient) or the token (the source).
    const [bronType, ontvangerType] = await Promise.all([
      this.toegang.organisatieType(door.organisatie, 'bron'),
      this.toegang.ontvangerType(aanvraag.ontvanger, 'ontvanger'),
    ]);
    const register = await this.register.huidig();
    const verzoek = {
      ...aanvraag,
      ontvanger: { organisatie: aanvraag.ontvanger.organisatie, type: ontvangerType },
      bron: { organisatie: door.organisatie, type: bronType },
    };
    const trace = () => spoorVan(aanroep);
    // Optimistic first: read without locks, decide, then store and log in one statement that
    // writes only if the consents are unchanged under lock (two round trips, no lock held
    // between them). A consent that changed in between: read and decide again.
    for (let poging = 0; poging < OPTIMISTISCHE_POGINGEN; poging++) {
      const grondslag = await this.besluiten.leesVoorBesluit(aanvraag.deelnemerId);
      const genomen = besluit(register, grondslag.toestemmingen, verzoek, grondslag.op);
      const id = randomUUID();
      const schakel = await this.besluiten.legBesluitVast(id, genomen, aanroep.traceId, regelVoorBesluit(genomen, trace(), this.pseudoniem), grondslag.stempel);
      if (schakel) return { id, besluit: genomen, traceId: aanroep.traceId, volgnummer: schakel.volgnummer };
    }
    // Consents of this deelnemer keep changing: decide under their locks, which always completes.
    return this.transacties.transactie(async (tx) => {
      const toestemmingen = await tx.toestemmingenVan(aanvraag.deelnemerId, 'exclusief');
      const genomen = besluit(register, toestemmingen, verzoek, await tx.nu());
      const id = randomUUID();
      await tx.bewaarBesluit(id, genomen, aanroep.traceId);
      const schakel = await tx.logVerwerking(regelVoorBesluit(genomen, trace(), this.pseudoniem));
      return { id, besluit: genomen, traceId: aanroep.traceId, volgnummer: schakel.volgnummer };
    });
  }
}
