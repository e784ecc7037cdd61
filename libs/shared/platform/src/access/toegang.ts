import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, beslis, Feiten, Handeling, REGELS, Resource } from '@ketenregie/shared-access-policy';
import { ForbiddenError, ValidationError } from '@ketenregie/shared-kernel';
import type { Identity, OrganisatieType } from '@ketenregie/shared-kernel';
import type { VerifiedIdentity } from '../auth/token-verifier';
import { ORGANISATIE_REGISTER, OrganisatieRegister, vereisBekendeOrganisatie } from './organisatie-register';

/** The access policy refused the request (403 `TOEGANG.GEWEIGERD`); `reden` says why. */
export class ToegangGeweigerdError extends ForbiddenError {
  constructor(
    readonly handeling: Handeling,
    readonly reden: string,
  ) {
    super({ code: 'TOEGANG.GEWEIGERD', detail: `Not allowed: ${REGELS[handeling].omschrijving.toLowerCase()} (${reden}).` });
  }
}

/**
 * The platform side of the access policy: turns a verified identity into the policy's
 * {@link Actor} (the organisation type from the registry, never from the token), asks
 * {@link beslis} with the facts the calling service gathered, and throws
 * {@link ToegangGeweigerdError} on a refusal. Every service asks it before acting or answering.
 */
@Injectable()
export class Toegang {
  private readonly logger = new Logger('Toegang');

  constructor(@Inject(ORGANISATIE_REGISTER) private readonly register: OrganisatieRegister) {}

  /** The actor the policy sees for `identiteit`. */
  async actor(identiteit: Identity): Promise<Actor> {
    const dienst = (identiteit as VerifiedIdentity).actor !== undefined;
    if (identiteit.rol === 'deelnemer') return { rol: 'deelnemer', dienst, ...(identiteit.deelnemerId ? { deelnemerId: identiteit.deelnemerId } : {}) };
    const organisatieType = await this.register.typeVan(identiteit.organisatie);
    return { rol: identiteit.rol, dienst, ...(organisatieType ? { organisatieType } : {}) };
  }

  /**
   * The registry's type of an organisation a request names (a recipient) or acts for: never the
   * type a body or a token states.
   * @throws NotFoundError `TOEGANG.ORGANISATIE_ONBEKEND` naming `veld` when the registry does not know it.
   */
  organisatieType(organisatieId: string, veld: string): Promise<OrganisatieType> {
    return vereisBekendeOrganisatie(this.register, organisatieId, veld);
  }

  /**
   * The registry's type of the recipient a request names under `veld` (e.g. `ontvanger`). A body
   * may still state the recipient's type; it is never used, and one that disagrees with the
   * registry is refused, so a client learns its request was not what it meant.
   * @throws NotFoundError `TOEGANG.ORGANISATIE_ONBEKEND` naming `<veld>.organisatie` when the registry does not know it.
   * @throws ValidationError `TOEGANG.ORGANISATIETYPE_ONJUIST` (400) naming `<veld>.type` when the stated type is not the registry's.
   */
  async ontvangerType(ontvanger: { readonly organisatie: string; readonly type?: string }, veld: string): Promise<OrganisatieType> {
    const type = await this.organisatieType(ontvanger.organisatie, `${veld}.organisatie`);
    if (ontvanger.type !== undefined && ontvanger.type !== type) {
      throw new ValidationError({
        code: 'TOEGANG.ORGANISATIETYPE_ONJUIST',
        detail: `${veld}.type is not the type the organisation registry holds for ${veld}.organisatie; leave it out: the registry decides.`,
        fields: { [`${veld}.type`]: 'does not match the organisation registry' },
      });
    }
    return type;
  }

  /** Whether `identiteit` may perform `handeling`, without throwing. */
  async mag(identiteit: Identity, handeling: Handeling, resource: Resource = {}, feiten: Feiten = { betrokkenheid: [] }): Promise<boolean> {
    return beslis(await this.actor(identiteit), handeling, resource, feiten).toegestaan;
  }

  /** @throws ToegangGeweigerdError (403) when the policy refuses; `TOEGANG.REGISTER_ONBEREIKBAAR` (503) without the registry. */
  async eis(identiteit: Identity, handeling: Handeling, resource: Resource = {}, feiten: Feiten = { betrokkenheid: [] }): Promise<void> {
    const besluit = beslis(await this.actor(identiteit), handeling, resource, feiten);
    if (besluit.toegestaan) return;
    this.logger.log({ handeling, reden: besluit.reden, organisatie: identiteit.organisatie, rol: identiteit.rol }, 'Access refused');
    throw new ToegangGeweigerdError(handeling, besluit.reden);
  }
}
