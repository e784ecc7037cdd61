import { Inject, Injectable } from '@nestjs/common';
import type { BewaartermijnActivities, WissingUitkomst } from '@ketenregie/consent-contracts';
import type { BewaartermijnEinde } from '@ketenregie/consent-domain';
import { DEELNEMER_WISSING_POORT, type DeelnemerWissingPoort } from '@ketenregie/shared-platform';
import { RegisterService } from './register.service';

/**
 * The retention workflow's use cases (the worker's adapter calls them): the register's period
 * in-process, the erasure at traject-service (another context) acting for the fg of the gemeente
 * that started the deelnemer's traject.
 */
@Injectable()
export class BewaartermijnActiviteitenService implements BewaartermijnActivities {
  constructor(
    private readonly register: RegisterService,
    @Inject(DEELNEMER_WISSING_POORT) private readonly wissing: DeelnemerWissingPoort,
  ) {}

  async determineRetention(input: { readonly einddatum: string }): Promise<BewaartermijnEinde | null> {
    return (await this.register.bewaartermijnNa(input.einddatum)) ?? null;
  }

  eraseDeelnemer(input: { readonly sleutel: string; readonly deelnemerId: string; readonly gemeente: string }): Promise<WissingUitkomst> {
    return this.wissing.wisNaBewaartermijn(input.deelnemerId, { sub: 'bewaartermijn', organisatie: input.gemeente, organisatieType: 'gemeente', rol: 'fg' });
  }
}
