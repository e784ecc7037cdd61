import type { IsoDate } from '@ketenregie/shared-kernel';
import { addMonths, compareIsoDates } from '@ketenregie/shared-kernel';

/** A published fact as monitoring receives it (from a context's outbox feed), reduced to what the projection needs. */
export interface Feit {
  /** The CloudEvent id: the projection processes each id once. */
  readonly id: string;
  /** The kind within its source, e.g. `traject.aangemeld`, `toestemming.gegeven`. */
  readonly soort: string;
  /** The opaque id of the traject (or consent, handover) the fact is about. */
  readonly onderwerp: string;
  /** Business date. */
  readonly datum: IsoDate;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Phases of the traject in their order (the traject context's published `fase` values). */
const FASE_VOLGORDE = ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg'];
const rang = (fase: unknown) => (typeof fase === 'string' ? FASE_VOLGORDE.indexOf(fase) : -1);

/**
 * One traject as the projection keeps it: stage dates of the funnel, drop-out, ladder and ZRM
 * progress, evaluations, current organisations. Only opaque ids and codes; no deelnemer id.
 */
export interface TrajectStand {
  readonly trajectId: string;
  readonly programma?: string;
  /** Lead organisation on the day of the aanmelding (the funnel's partner). */
  readonly aanmeldPartner?: string;
  readonly aangemeldOp?: IsoDate;
  readonly bereiktOp?: IsoDate;
  readonly intakeOp?: IsoDate;
  readonly actiefOp?: IsoDate;
  readonly uitval?: { readonly datum: IsoDate; readonly reden: string; readonly partner: string };
  readonly afgeslotenOp?: IsoDate;
  readonly gepauzeerd: boolean;
  readonly regieOrganisatie?: string;
  readonly coachOrganisatie?: string;
  readonly coach?: string;
  /** First ladder rung, its date, and the first date within 12 months on which it stood ≥ 1 rung higher. */
  readonly ladder?: { readonly eerste: number; readonly eersteDatum: IsoDate; readonly gestegenOp?: IsoDate };
  /** Per ZRM domain: first and latest score and the latest score's date. */
  readonly zrm: Readonly<Record<string, { readonly eerste: number; readonly laatste: number; readonly laatsteDatum: IsoDate }>>;
  readonly evaluaties: readonly { readonly datum: IsoDate; readonly opTijd: boolean; readonly partner: string }[];
  /** An evaluation deadline passed since the last evaluation. */
  readonly evaluatieTeLaat: boolean;
}

const leeg = (trajectId: string): TrajectStand => ({ trajectId, gepauzeerd: false, zrm: {}, evaluaties: [], evaluatieTeLaat: false });
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const vroegste = (a: IsoDate | undefined, b: IsoDate): IsoDate => (a === undefined || compareIsoDates(b, a) < 0 ? b : a);

/**
 * Applies one traject fact to the traject's stand (pure). Facts arrive in the traject's own
 * order; a stage once reached stays reached (a later step back does not undo the funnel).
 */
export function pasToe(stand: TrajectStand | undefined, feit: Feit): TrajectStand {
  const s: TrajectStand = stand ?? leeg(feit.onderwerp);
  const d = feit.data;
  const organisaties = {
    programma: str(d['programma']) ?? s.programma,
    regieOrganisatie: str(d['regieOrganisatie']) ?? s.regieOrganisatie,
    coachOrganisatie: str(d['coachOrganisatie']) ?? s.coachOrganisatie,
    coach: str(d['coach']) ?? s.coach,
  };
  const n: TrajectStand = { ...s, ...organisaties };
  switch (feit.soort) {
    case 'traject.aangemeld':
      return { ...n, aangemeldOp: feit.datum, aanmeldPartner: organisaties.regieOrganisatie };
    case 'traject.fase-gewijzigd': {
      const r = rang(d['naar']);
      return {
        ...n,
        ...(r >= rang('kennismaking') ? { bereiktOp: vroegste(n.bereiktOp, feit.datum) } : {}),
        ...(r >= rang('diagnose') ? { intakeOp: vroegste(n.intakeOp, feit.datum) } : {}),
        ...(r >= rang('uitvoering') ? { actiefOp: vroegste(n.actiefOp, feit.datum) } : {}),
      };
    }
    case 'traject.uitgevallen':
      return { ...n, uitval: { datum: feit.datum, reden: str(d['reden']) ?? 'onbekend', partner: organisaties.regieOrganisatie ?? 'onbekend' } };
    case 'traject.gepauzeerd':
      return { ...n, gepauzeerd: true };
    case 'traject.hervat':
      return { ...n, gepauzeerd: false };
    case 'traject.afgesloten':
      return { ...n, afgeslotenOp: feit.datum, gepauzeerd: false };
    case 'traject.termijn-verlopen':
      return d['termijn'] === 'evaluatie' ? { ...n, evaluatieTeLaat: true } : n;
    case 'traject.evaluatie':
      return {
        ...n,
        evaluaties: [
          ...n.evaluaties,
          { datum: feit.datum, opTijd: !n.evaluatieTeLaat, partner: organisaties.coachOrganisatie ?? organisaties.regieOrganisatie ?? 'onbekend' },
        ],
        evaluatieTeLaat: false,
      };
    case 'traject.meting':
      return { ...n, ladder: ladderNa(n.ladder, d['ladder']), zrm: zrmNa(n.zrm, d['zrm']) };
    default:
      return n;
  }
}

function ladderNa(huidig: TrajectStand['ladder'], v: unknown): TrajectStand['ladder'] {
  if (typeof v !== 'object' || v === null) return huidig;
  const l = v as { eerste?: unknown; eersteDatum?: unknown; laatste?: unknown; laatsteDatum?: unknown };
  if (typeof l.eerste !== 'number' || typeof l.eersteDatum !== 'string' || typeof l.laatste !== 'number' || typeof l.laatsteDatum !== 'string') return huidig;
  const basis = huidig && huidig.eersteDatum === l.eersteDatum ? huidig : { eerste: l.eerste, eersteDatum: l.eersteDatum };
  if (basis.gestegenOp) return basis;
  const binnen12 = compareIsoDates(l.laatsteDatum, addMonths(basis.eersteDatum, 12)) <= 0;
  return binnen12 && l.laatste >= basis.eerste + 1 ? { ...basis, gestegenOp: l.laatsteDatum } : basis;
}

function zrmNa(huidig: TrajectStand['zrm'], v: unknown): TrajectStand['zrm'] {
  if (typeof v !== 'object' || v === null) return huidig;
  const uit: Record<string, { eerste: number; laatste: number; laatsteDatum: IsoDate }> = { ...huidig };
  for (const [domein, w] of Object.entries(v as Record<string, unknown>)) {
    const x = w as { eerste?: unknown; laatste?: unknown; laatsteDatum?: unknown };
    if (typeof x.eerste === 'number' && typeof x.laatste === 'number' && typeof x.laatsteDatum === 'string')
      uit[domein] = { eerste: x.eerste, laatste: x.laatste, laatsteDatum: x.laatsteDatum };
  }
  return uit;
}

/** Rebuilds every stand from scratch from the facts in the order they were received (pure): the projection's rebuild. */
export function bouwStanden(feiten: Iterable<Feit>): Map<string, TrajectStand> {
  const standen = new Map<string, TrajectStand>();
  for (const f of feiten) if (f.soort.startsWith('traject.')) standen.set(f.onderwerp, pasToe(standen.get(f.onderwerp), f));
  return standen;
}
