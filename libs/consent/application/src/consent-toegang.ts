import { Inject, Injectable } from '@nestjs/common';
import type { Handeling } from '@ketenregie/shared-access-policy';
import { NotFoundError } from '@ketenregie/shared-kernel';
import { BETROKKENHEID_POORT, Toegang, ToegangGeweigerdError } from '@ketenregie/shared-platform';
import type { BetrokkenheidPoort, Identity } from '@ketenregie/shared-platform';
import type { ConsentTransacties } from './consent.ports';
import { CONSENT_TRANSACTIES } from './consent.tokens';

/**
 * Gathers the facts the access policy needs for consent-service's actions (the caller's
 * involvement with the deelnemer, from the traject context; the deelnemer of a consent, from the
 * registry of consents) and asks it. Every endpoint of consent-service passes through here.
 */
@Injectable()
export class ConsentToegang {
  constructor(
    private readonly toegang: Toegang,
    @Inject(BETROKKENHEID_POORT) private readonly betrokkenheid: BetrokkenheidPoort,
    @Inject(CONSENT_TRANSACTIES) private readonly transacties: ConsentTransacties,
  ) {}

  /** @throws ToegangGeweigerdError (403) unless `door` may perform `handeling` for this deelnemer. */
  async voorDeelnemer(handeling: Handeling, deelnemerId: string, door: Identity, bearer: string | undefined): Promise<void> {
    const betrokkenheid =
      door.rol === 'deelnemer' || door.rol === 'fg' || door.rol === 'stuurgroeplid' ? [] : await this.betrokkenheid.bijDeelnemer(deelnemerId, bearer);
    await this.toegang.eis(door, handeling, { deelnemerId }, { betrokkenheid });
  }

  /**
   * For an action on one consent: its deelnemer decides. A caller who may not act on it learns
   * nothing, not even that it exists.
   * @throws NotFoundError `CONSENT.NOT_FOUND`
   */
  async voorToestemming(handeling: Handeling, toestemmingId: string, door: Identity, bearer: string | undefined): Promise<void> {
    const t = await this.transacties.transactie((tx) => tx.toestemming(toestemmingId, 'geen'));
    const nietGevonden = new NotFoundError({ code: 'CONSENT.NOT_FOUND', detail: `No consent with id ${toestemmingId}.` });
    if (!t) throw nietGevonden;
    try {
      await this.voorDeelnemer(handeling, t.deelnemerId, door, bearer);
    } catch (error) {
      if (error instanceof ToegangGeweigerdError && (error.reden === 'niet-betrokken' || error.reden === 'niet-de-eigen-gegevens')) throw nietGevonden;
      throw error;
    }
  }

  /** @throws ToegangGeweigerdError (403) for an action without a deelnemer (log, register, reminders). */
  async algemeen(handeling: Handeling, door: Identity): Promise<void> {
    await this.toegang.eis(door, handeling);
  }
}
