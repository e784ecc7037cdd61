import { ValidationError, type IsoDate } from '@ketenregie/shared-kernel';
import type { Convenant } from './convenant';
import { maandVan, type Basiscel } from './indicatoren';

/** Hours are registered in quarters of an hour: exact in binary, so sums never drift. */
export const INZET_UREN_STAP = 0.25;
/** At most this many hours per organisation, month and expertise (a sanity bound, not a rule of the convenant). */
export const INZET_UREN_MAX = 10_000;
/** A coded expertise (`schuldhulp`, `ggz`, `jobcoaching`), never free text about persons. */
export const EXPERTISE_PATROON = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** What a partner registers: the hours it delivered under the convenant in one month, per coded expertise. */
export interface InzetInvoer {
  /** `YYYY-MM`. */
  readonly maand: string;
  readonly expertise: string;
  readonly uren: number;
}

/** A registration as stored: the organisation is the caller's own (from the server), never the body's. */
export interface InzetRegistratie extends InzetInvoer {
  readonly convenantId: string;
  readonly organisatieId: string;
  /** When it was (last) registered, ISO timestamp. */
  readonly geregistreerdOp: string;
}

/**
 * Checks a registration against the convenant (pure; that the caller's organisation is a party is
 * the access policy's question): the month lies
 * within the convenant and has begun on `vandaag`, the expertise is a code and the hours a
 * positive multiple of a quarter of an hour.
 * @throws ValidationError `MONITORING.INZET_INVALID` naming each wrong field.
 */
export function assertInzet(invoer: InzetInvoer, convenant: Convenant, vandaag: IsoDate): InzetInvoer {
  const fouten: Record<string, string> = {};
  const eerste = convenant.versies[0];
  const laatste = convenant.versies[convenant.versies.length - 1];
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(invoer.maand)) fouten['maand'] = 'een maand als JJJJ-MM';
  else if (invoer.maand < maandVan(eerste.startdatum) || invoer.maand > maandVan(laatste.einddatum))
    fouten['maand'] = 'een maand binnen de looptijd van het convenant';
  else if (invoer.maand > maandVan(vandaag)) fouten['maand'] = 'een maand die al begonnen is';
  if (!EXPERTISE_PATROON.test(invoer.expertise)) fouten['expertise'] = 'een expertisecode: kleine letters, cijfers en -, geen vrije tekst';
  if (!(invoer.uren > 0 && invoer.uren <= INZET_UREN_MAX && Number.isInteger(invoer.uren / INZET_UREN_STAP)))
    fouten['uren'] = `een positief aantal uren in kwartieren, ten hoogste ${INZET_UREN_MAX}`;
  if (Object.keys(fouten).length > 0)
    throw new ValidationError({ code: 'MONITORING.INZET_INVALID', detail: 'De registratie van de inzet klopt niet.', fields: fouten });
  return invoer;
}

/**
 * The registered hours as base cells (pure): indicator `inzet-uren`, measure `uren`, category the
 * expertise, partner the registering organisation, the registered month. Like every base cell
 * they reach the stuurgroep only through `publiceer` (a month with more than 0 and fewer than 5 hours is suppressed).
 */
export function inzetCellen(registraties: Iterable<InzetRegistratie>): Basiscel[] {
  const cellen = new Map<string, Basiscel>();
  for (const r of registraties) {
    const k = `${r.organisatieId}|${r.expertise}|${r.maand}`;
    const vorig = cellen.get(k)?.aantal ?? 0;
    cellen.set(k, { indicator: 'inzet-uren', meting: 'uren', categorie: r.expertise, partner: r.organisatieId, maand: r.maand, aantal: vorig + r.uren });
  }
  return [...cellen.values()];
}
