import { maandVan, type Basiscel } from './indicatoren';
import type { Feit } from './traject-stand';

/** The fact the traject context publishes when the regievoerder records a case meeting (`traject.casuistiekoverleg-gehouden`). */
export const OVERLEG_FEIT = 'traject.casuistiekoverleg-gehouden';

/** Organisation ids of a comma-separated list as the traject context publishes it (`a,b,c`); anything else is none. */
const organisaties = (v: unknown): string[] => (typeof v === 'string' && v !== '' ? [...new Set(v.split(','))] : []);

/**
 * Case-meeting attendance as base cells (pure): for each recorded discussion of a traject in the
 * casuïstiekoverleg, every invited organisation (involved in the traject on the meeting's day)
 * counts once in `noemer`, and once in `teller` when it attended; the month is the meeting's,
 * the partner the organisation. Organisations only, never persons. An attending organisation
 * that was not invited does not count (the traject context refuses it anyway). A fact delivered
 * twice is stored once (`monitoring.feit` keys on the CloudEvent id), so it counts once.
 */
export function overlegCellen(feiten: Iterable<Feit>): Basiscel[] {
  const cellen = new Map<string, { cel: Omit<Basiscel, 'aantal'>; aantal: number }>();
  const tel = (meting: 'teller' | 'noemer', partner: string, maand: string) => {
    const k = `${meting}|${partner}|${maand}`;
    const c = cellen.get(k) ?? { cel: { indicator: 'casuistiekoverleg-aanwezigheid', meting, categorie: '-', partner, maand }, aantal: 0 };
    c.aantal += 1;
    cellen.set(k, c);
  };
  for (const f of feiten) {
    if (f.soort !== OVERLEG_FEIT) continue;
    const maand = maandVan(typeof f.data['overleg'] === 'string' ? (f.data['overleg'] as string) : f.datum);
    const aanwezig = new Set(organisaties(f.data['aanwezig']));
    for (const o of organisaties(f.data['genodigd'])) {
      tel('noemer', o, maand);
      if (aanwezig.has(o)) tel('teller', o, maand);
    }
  }
  return [...cellen.values()].map((c) => ({ ...c.cel, aantal: c.aantal }));
}
