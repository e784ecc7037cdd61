import { Inject, Injectable } from '@nestjs/common';
import { besluit, Besluit, ConsentOpslag, DataCategorie, Organisatie, Pseudonimiseer, regelVoorBesluit } from '@ketenregie/consent-domain';
import { Toegang } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import { Aanroep } from './consent.ports';
import { CONSENT_OPSLAG, PSEUDONIMISEERDER } from './consent.tokens';
import { RegisterService } from './register.service';
import { nieuweSpanId } from './toestemming.service';

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
    @Inject(CONSENT_OPSLAG) private readonly opslag: ConsentOpslag,
    @Inject(PSEUDONIMISEERDER) private readonly pseudoniem: Pseudonimiseer,
    private readonly register: RegisterService,
    private readonly toegang: Toegang,
  ) {}

  /**
   * Decides, stores and logs, in one transaction.
   *
   * Locking (the race rule, see {@link ToestemmingService.trekIn}): the deelnemer's consent rows
   * are locked FOR UPDATE, in id order, and only then is the database clock read and used as
   * the decision instant; the processing-log head is locked after them, by decisions and
   * withdrawals alike, so the two never deadlock. FOR UPDATE rather than FOR SHARE on purpose:
   * PostgreSQL lets new share lockers join a row that is already share-locked even while a
   * FOR UPDATE waits, so a steady stream of decisions would starve a withdrawal and delay it
   * indefinitely; exclusive lockers queue in order, and a withdrawal takes effect after the
   * decisions already queued before it. Decisions about one deelnemer therefore run one at a
   * time (they already queue on the log head); decisions about different deelnemers do not
   * wait for each other until the log append.
   */
  async besluit(aanvraag: BesluitAanvraag, door: Identity, aanroep: Aanroep): Promise<GenomenBesluit> {
    // Both types pick the release profile and the legal regime: they come from the registry,
    // never from the body (the recipient) or the token (the source).
    const [bronType, ontvangerType] = await Promise.all([
      this.toegang.organisatieType(door.organisatie, 'bron'),
      this.toegang.ontvangerType(aanvraag.ontvanger, 'ontvanger'),
    ]);
    const register = await this.register.huidig();
    return this.opslag.transactie(async (tx) => {
      const toestemmingen = await tx.toestemmingenVan(aanvraag.deelnemerId, 'exclusief');
      const op = await tx.nu();
      const genomen = besluit(
        register,
        toestemmingen,
        {
          ...aanvraag,
          ontvanger: { organisatie: aanvraag.ontvanger.organisatie, type: ontvangerType },
          bron: { organisatie: door.organisatie, type: bronType },
        },
        op,
      );
      const id = randomUUID();
      await tx.bewaarBesluit(id, genomen, aanroep.traceId);
      const trace = {
        traceId: aanroep.traceId,
        spanId: nieuweSpanId(),
        ...(aanroep.parentSpanId ? { parentSpanId: aanroep.parentSpanId } : {}),
      };
      const schakel = await tx.logVerwerking(regelVoorBesluit(genomen, trace, this.pseudoniem));
      return { id, besluit: genomen, traceId: aanroep.traceId, volgnummer: schakel.volgnummer };
    });
  }
}
