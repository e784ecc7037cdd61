import { Inject, Injectable } from '@nestjs/common';
import { amsterdamDate, NotFoundError } from '@ketenregie/shared-kernel';
import { assertInzet, isPartij, type Convenant, type InzetInvoer, type InzetRegistratie } from '@ketenregie/monitoring-domain';
import { Toegang, type Identity } from '@ketenregie/shared-platform';
import type { Feiten } from '@ketenregie/shared-access-policy';
import { CONVENANT_REPOSITORY, type ConvenantRepository } from './convenant.ports';

/** Injection token of the {@link InzetRepository} port. */
export const INZET_REPOSITORY = Symbol('INZET_REPOSITORY');

/** Persistence of the registered hours (implemented in monitoring-data-access). */
export interface InzetRepository {
  /** Records the hours, replacing an earlier figure of the same month and expertise. */
  registreer(r: Omit<InzetRegistratie, 'geregistreerdOp'>): Promise<InzetRegistratie>;
  /** The registrations of a convenant, of one organisation when given. */
  lijst(convenantId: string, organisatieId?: string): Promise<InzetRegistratie[]>;
}

/**
 * The hours and expertise a partner delivered under a convenant (`uren-en-expertise`): a
 * professional or stuurgroeplid of a party registers its own organisation's hours (the
 * organisation is the caller's, from the server, never from the body); a party reads its own, the
 * gemeente that is a party reads all. The stuurgroep sees them beside the commitment through the
 * afspraken, with small figures suppressed.
 */
@Injectable()
export class InzetService {
  constructor(
    @Inject(CONVENANT_REPOSITORY) private readonly convenanten: ConvenantRepository,
    @Inject(INZET_REPOSITORY) private readonly inzet: InzetRepository,
    private readonly toegang: Toegang,
  ) {}

  /**
   * @throws NotFoundError `MONITORING.CONVENANT_NOT_FOUND`; ToegangGeweigerdError (403) when the caller's organisation is no party;
   *   ValidationError `MONITORING.INZET_INVALID` (400); nothing is stored unless all checks pass.
   */
  async registreer(convenantId: string, invoer: InzetInvoer, door: Identity, nu = Date.now()): Promise<InzetRegistratie> {
    const c = await this.convenant(convenantId);
    await this.toegang.eis(door, 'inzet.registreren', {}, this.feiten(c, door));
    const geldig = assertInzet(invoer, c, amsterdamDate(nu));
    return this.inzet.registreer({ convenantId: c.id, organisatieId: door.organisatie, maand: geldig.maand, expertise: geldig.expertise, uren: geldig.uren });
  }

  /** The caller's own organisation's registrations, or every party's for the gemeente that is a party. */
  async lijst(convenantId: string, door: Identity): Promise<InzetRegistratie[]> {
    const c = await this.convenant(convenantId);
    const feiten = this.feiten(c, door);
    await this.toegang.eis(door, 'inzet.lezen', {}, feiten);
    const alle = await this.toegang.mag(door, 'inzet.alle.lezen', {}, feiten);
    return this.inzet.lijst(c.id, alle ? undefined : door.organisatie);
  }

  /** The registrations of a convenant, unreleased: only ever passed on through `publiceer` (the afspraken). */
  registraties(convenantId: string): Promise<InzetRegistratie[]> {
    return this.inzet.lijst(convenantId);
  }

  private async convenant(id: string): Promise<Convenant> {
    const c = await this.convenanten.find(id);
    if (!c) throw new NotFoundError({ code: 'MONITORING.CONVENANT_NOT_FOUND', detail: 'Dit convenant bestaat niet.' });
    return c;
  }

  private feiten(c: Convenant, door: Identity): Feiten {
    return { betrokkenheid: isPartij(c, door.organisatie) ? ['convenant-partij'] : [] };
  }
}
