import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@ketenregie/shared-kernel';
import { Toegang } from '@ketenregie/shared-platform';
import type { Aanroep, Identity, VerwerkingslogPoort } from '@ketenregie/shared-platform';
import { trajectError, TRAJECT_ERRORS } from '@ketenregie/traject-domain';
import { DEELNEMER_OPSLAG, DEELNEMER_WISSING, TRAJECT_OPSLAG, TRAJECT_WORKFLOWS } from './traject.ports';
import type { DeelnemerOpslag, DeelnemerWissing, TrajectOpslag, TrajectWorkflows } from './traject.ports';
import { DEELNEMER_CATEGORIEEN, TRAJECT_DOEL, TRAJECT_VERWERKINGSLOG } from './traject-verwerkingslog';

/** The lawful grounds of an erasure. */
export const WISSING_GRONDEN = ['verzoek-betrokkene', 'bewaartermijn-verstreken', 'onrechtmatige-verwerking'] as const;
/** One of {@link WISSING_GRONDEN}. */
export type WissingGrond = (typeof WISSING_GRONDEN)[number];

/**
 * Erasure (AVG art. 17) of a deelnemer by crypto-shredding: the gemeente's fg, on a lawful
 * request or at the end of the retention period, destroys the deelnemer's data keys. Every value
 * and workflow payload encrypted for them becomes unreadable wherever it is stored; the
 * processing log, which holds only pseudonyms, stays as it is and records the erasure itself.
 */
@Injectable()
export class WissingService {
  constructor(
    @Inject(DEELNEMER_OPSLAG) private readonly deelnemers: DeelnemerOpslag,
    @Inject(TRAJECT_OPSLAG) private readonly trajecten: TrajectOpslag,
    @Inject(TRAJECT_WORKFLOWS) private readonly workflows: TrajectWorkflows,
    @Inject(TRAJECT_VERWERKINGSLOG) private readonly verwerkingslog: VerwerkingslogPoort,
    @Inject(DEELNEMER_WISSING) private readonly wissing: DeelnemerWissing,
    private readonly toegang: Toegang,
  ) {}

  /**
   * Erases the deelnemer: refuses while a traject still runs (`TRAJECT.WISSING_LOPEND_TRAJECT`),
   * ends the workflows of their trajecten, writes the erasure to the processing log (nothing is
   * erased when it cannot be written), then destroys the keys and the blind indexes.
   * @throws `TRAJECT.DEELNEMER_NOT_FOUND` for an unknown (or already erased) deelnemer.
   */
  async wis(
    deelnemerId: string,
    grond: WissingGrond,
    door: Identity & { readonly actor?: string },
    aanroep: Aanroep,
  ): Promise<{ deelnemerId: string; grond: WissingGrond; sleutels: number }> {
    await this.toegang.eis(door, 'deelnemer.wissen', { deelnemerId });
    const deelnemer = await this.deelnemers.vind(deelnemerId);
    if (!deelnemer) throw trajectError('TRAJECT.DEELNEMER_NOT_FOUND', 'No such deelnemer');
    const trajecten = await this.trajecten.vanDeelnemer(deelnemerId);
    // Only the fg of a gemeente that registered this deelnemer or started one of their trajecten (server data),
    // whether in person or through the worker's retention workflow acting for them.
    const gemeenten = new Set([...deelnemer.aanmelders, ...(await Promise.all(trajecten.map((t) => this.trajecten.aanmelderVan?.(t.id))))]);
    if (!gemeenten.has(door.organisatie)) {
      throw trajectError('TRAJECT.FORBIDDEN', "Only the fg of the deelnemer's own gemeente erases a deelnemer");
    }
    if (door.actor !== undefined && grond !== 'bewaartermijn-verstreken') {
      // A service (the retention workflow) erases only at the end of the retention period.
      throw trajectError('TRAJECT.FORBIDDEN', 'A service erases a deelnemer only at the end of the retention period');
    }
    for (const t of trajecten) {
      const o = await this.trajecten.overzicht(t.id);
      if (o && (o.status === 'actief' || o.status === 'gepauzeerd')) {
        throw trajectError('TRAJECT.WISSING_LOPEND_TRAJECT', 'A deelnemer is erased only when none of their trajecten runs any more');
      }
    }
    for (const t of trajecten) await this.workflows.beeindig?.(t.workflowId);
    try {
      await this.verwerkingslog.meld({ handeling: 'wissing', deelnemerId, doel: TRAJECT_DOEL, categorieen: DEELNEMER_CATEGORIEEN }, aanroep);
    } catch (cause) {
      throw new DomainError({
        code: 'TRAJECT.PROCESSING_LOG_UNAVAILABLE',
        kind: TRAJECT_ERRORS['TRAJECT.PROCESSING_LOG_UNAVAILABLE'],
        detail: 'The erasure could not be written to the processing log, so nothing was erased. Try again later.',
        cause,
      });
    }
    const sleutels = await this.wissing.vernietig(deelnemerId, grond);
    await this.deelnemers.wisIndexen?.(deelnemerId);
    return { deelnemerId, grond, sleutels };
  }
}
