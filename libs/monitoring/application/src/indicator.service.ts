import { Inject, Injectable } from '@nestjs/common';
import { amsterdamDate } from '@ketenregie/shared-kernel';
import {
  basiscellenUitProjectie,
  berekenBasiscellen,
  INDICATOR_DEFINITIES,
  INDICATOR_CODES,
  overdrachtStanden,
  OVERLEG_FEIT,
  overlegCellen,
  plaatsingStanden,
  publiceer,
  verwijzingStanden,
  type Basiscel,
  type IndicatorBron,
  type Cel,
  type IndicatorDefinitie,
  type Selectie,
} from '@ketenregie/monitoring-domain';
import { Toegang, type Identity } from '@ketenregie/shared-platform';
import { PROJECTIE_REPOSITORY, type ProjectieRepository } from './projectie.ports';

/** The indicators as a stuurgroeplid sees them: definitions and released figures only. */
export interface IndicatorRapport {
  readonly periode: Selectie['periode'];
  readonly peildatum: string;
  readonly indicatoren: readonly { readonly definitie: IndicatorDefinitie; readonly cellen: readonly Cel[] }[];
}

/** `;`-separated lines with a header, CRLF, as the stuurgroep's exports are written. Values are codes and numbers only. */
export const naarCsv = (kolommen: readonly string[], rijen: readonly (readonly string[])[]): string =>
  [kolommen, ...rijen].map((r) => r.join(';')).join('\r\n') + '\r\n';

const CSV_KOLOMMEN = ['indicator', 'meting', 'categorie', 'partner', 'periode', 'waarde', 'onderdrukt', 'onvolledig'] as const;

/** Computes the figures from the projection with disclosure control (no access decision: for the use cases below and the workflows' reports). */
@Injectable()
export class IndicatorBerekening {
  constructor(@Inject(PROJECTIE_REPOSITORY) private readonly projectie: ProjectieRepository) {}

  /**
   * The figures as of `peildatum`, optionally for the trajecten of one programme only (a pilot);
   * every figure through `publiceer`.
   */
  async bereken(selectie: Selectie, peildatum: string, filter: { readonly programma?: string } = {}): Promise<IndicatorRapport> {
    const cellen = publiceer(await this.basiscellen(peildatum, filter), selectie);
    const codes = selectie.indicatoren ?? INDICATOR_CODES;
    return {
      periode: selectie.periode,
      peildatum,
      indicatoren: codes.map((code) => ({ definitie: INDICATOR_DEFINITIES[code], cellen: cellen.filter((c) => c.indicator === code) })),
    };
  }

  /**
   * The base cells as of `peildatum` (unreleased: only ever passed on through `publiceer`): the
   * traject and consent indicators from the projection's stored cells (a few thousand, kept up to
   * date per fact), the handovers, referrals and placements folded from their facts.
   */
  async basiscellen(peildatum: string, filter: { readonly programma?: string } = {}): Promise<Basiscel[]> {
    // Consents, handovers, referrals and placements belong to no programme: a pilot's figures have none of them.
    const [cellen, keten, overleg] = await Promise.all([
      this.projectie.cellen(filter),
      filter.programma ? {} : this.ketenBron(),
      this.projectie.feiten(OVERLEG_FEIT),
    ]);
    return [
      ...basiscellenUitProjectie(cellen, peildatum),
      ...berekenBasiscellen({ trajecten: [], ...keten }, peildatum),
      ...overlegCellen(overleg.filter((f) => !filter.programma || f.data['programma'] === filter.programma)),
    ];
  }

  /** The handover, referral and placement facts, folded into their stands (the facts are the projection's source; a rebuild folds them again). */
  private async ketenBron(): Promise<Omit<IndicatorBron, 'trajecten' | 'toestemmingen'>> {
    const [overdrachten, verwijzingen, plaatsingen] = await Promise.all([
      this.projectie.feiten('overdracht.%'),
      this.projectie.feiten('verwijzing.%'),
      this.projectie.feiten('plaatsing.%'),
    ]);
    return {
      overdrachten: overdrachtStanden(overdrachten),
      verwijzingen: verwijzingStanden(verwijzingen),
      plaatsingen: plaatsingStanden(plaatsingen),
    };
  }
}

/** The indicators for a stuurgroeplid: access decided, then the released figures. */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly berekening: IndicatorBerekening,
    private readonly toegang: Toegang,
  ) {}

  async rapport(selectie: Selectie, door: Identity, nu = Date.now()): Promise<IndicatorRapport> {
    await this.toegang.eis(door, 'indicatoren.lezen');
    return this.berekening.bereken(selectie, amsterdamDate(nu));
  }

  /** The same figures as CSV (`;`-separated, one figure a line; a suppressed figure reads `onderdrukt`). */
  async csv(selectie: Selectie, door: Identity, nu = Date.now()): Promise<string> {
    const r = await this.rapport(selectie, door, nu);
    return naarCsv(
      CSV_KOLOMMEN,
      r.indicatoren.flatMap((i) =>
        i.cellen.map((c) => [
          c.indicator,
          c.meting,
          c.categorie,
          c.partner,
          c.periode,
          c.onderdrukt ? 'onderdrukt' : String(c.waarde ?? ''),
          String(c.onderdrukt),
          String(c.onvolledig),
        ]),
      ),
    );
  }
}
