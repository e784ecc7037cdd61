import { Injectable } from '@nestjs/common';
import { amsterdamDate } from '@ketenregie/shared-kernel';
import { INDICATOR_DEFINITIES, inzetCellen, vergelijkAfspraken, type AfspraakRegel, type IndicatorDefinitie } from '@ketenregie/monitoring-domain';
import { Toegang, type Identity } from '@ketenregie/shared-platform';
import { ConvenantService } from './convenant.service';
import { IndicatorBerekening, naarCsv } from './indicator.service';
import { InzetService } from './inzet.service';

/** The commitments of a convenant beside the figures, as a stuurgroeplid of a party sees them. */
export interface AfsprakenRapport {
  readonly convenantId: string;
  readonly peildatum: string;
  readonly regels: readonly AfspraakRegel[];
  /** The definition of every indicator a figure comes from. */
  readonly definities: readonly IndicatorDefinitie[];
}

/** Months asked for (`YYYY-MM`, inclusive). */
export interface AfsprakenPeriode {
  readonly vanMaand?: string;
  readonly totMaand?: string;
}

const CSV_KOLOMMEN = [
  'partner',
  'toezegging',
  'expertise',
  'versie',
  'periode',
  'toegezegd',
  'eenheid',
  'indicator',
  'gerealiseerd',
  'onderdrukt',
  'onvolledig',
  'lopend',
  'signaal',
] as const;

/**
 * Commitments per partner compared with the figures: the caller must read the convenant (a party's
 * stuurgroeplid, else 404) and the indicators; every figure comes through `publiceer`.
 */
@Injectable()
export class AfsprakenService {
  constructor(
    private readonly convenanten: ConvenantService,
    private readonly berekening: IndicatorBerekening,
    private readonly toegang: Toegang,
    private readonly inzet: InzetService,
  ) {}

  async rapport(id: string, periode: AfsprakenPeriode, door: Identity, nu = Date.now()): Promise<AfsprakenRapport> {
    const convenant = await this.convenanten.leesbaar(id, door);
    await this.toegang.eis(door, 'indicatoren.lezen');
    const peildatum = amsterdamDate(nu);
    // The hours are this convenant's own registrations; everything else comes from the projection.
    const cellen = [
      ...(await this.berekening.basiscellen(peildatum)).filter((c) => c.indicator !== 'inzet-uren'),
      ...inzetCellen(await this.inzet.registraties(convenant.id)),
    ];
    const regels = vergelijkAfspraken(convenant, cellen, { peildatum, ...periode });
    const codes = [...new Set(regels.flatMap((r) => (r.indicator ? [r.indicator] : [])))].sort();
    return { convenantId: convenant.id, peildatum, regels, definities: codes.map((c) => INDICATOR_DEFINITIES[c]) };
  }

  /** The same lines as CSV (`;`; a suppressed figure reads `onderdrukt`, one without a source stays empty). */
  async csv(id: string, periode: AfsprakenPeriode, door: Identity, nu = Date.now()): Promise<string> {
    const r = await this.rapport(id, periode, door, nu);
    return naarCsv(
      CSV_KOLOMMEN,
      r.regels.map((x) => [
        x.partner,
        x.soort,
        x.expertise ?? '',
        String(x.versie),
        x.periode,
        String(x.toezegging),
        x.eenheid,
        x.indicator ?? '',
        x.onderdrukt ? 'onderdrukt' : String(x.gerealiseerd ?? ''),
        String(x.onderdrukt),
        String(x.onvolledig),
        String(x.lopend),
        x.signaal,
      ]),
    );
  }
}
