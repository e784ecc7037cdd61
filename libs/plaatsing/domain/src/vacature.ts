import { plaatsingError } from './plaatsing.errors';

/** Support an employer can offer or the partnership brings along (coded; the view explains each in Dutch). */
export const ONDERSTEUNING = [
  'jobcoach',
  'werkplekaanpassing',
  'proefplaatsing',
  'loonkostensubsidie',
  'no-risk-polis',
  'inwerkperiode',
  'vaste-begeleider',
] as const;
/** One of {@link ONDERSTEUNING}. */
export type Ondersteuning = (typeof ONDERSTEUNING)[number];

/** What each kind of support means for the employer, in Dutch (shown before hiring: no surprises, no paperwork). */
export const ONDERSTEUNING_UITLEG: Readonly<Record<Ondersteuning, string>> = {
  jobcoach: 'Een jobcoach begeleidt de werknemer en u op de werkplek, met vaste contactmomenten.',
  werkplekaanpassing: 'Aanpassingen aan werkplek of taken worden vergoed en geregeld via het werkgeversservicepunt.',
  proefplaatsing: 'Twee maanden proefplaatsing met behoud van uitkering: u betaalt nog geen loon.',
  loonkostensubsidie: 'De gemeente vult het loon aan naar de gemeten loonwaarde en beoordeelt dat periodiek opnieuw.',
  'no-risk-polis': 'Bij ziekte vergoedt het UWV het loon; u draagt het verzuimrisico niet alleen.',
  inwerkperiode: 'Een startperiode waarin fouten mogen zonder dat er meteen op wordt afgerekend.',
  'vaste-begeleider': 'Een vaste collega op de werkvloer met affiniteit voor begeleiding.',
};

/** Whether a vacancy takes proposals. */
export type VacatureStatus = 'open' | 'gesloten';

/** A vacancy of an employer: hours, tasks, required competences and the support on offer. No personal data. */
export interface Vacature {
  readonly id: string;
  readonly werkgeverId: string;
  readonly titel: string;
  readonly urenPerWeek: number;
  readonly taken: readonly string[];
  readonly competenties: readonly string[];
  readonly ondersteuning: readonly Ondersteuning[];
  readonly status: VacatureStatus;
}

/**
 * Checks a vacancy: a title, 1 to 40 hours a week, at least one task.
 * @throws DomainError `PLAATSING.VACATURE_ONGELDIG` naming the offending fields.
 */
export function controleerVacature(v: Vacature): Vacature {
  const fouten: Record<string, string> = {};
  const titel = v.titel.trim();
  if (titel.length === 0 || titel.length > 120) fouten['titel'] = 'must be 1 to 120 characters';
  if (!Number.isInteger(v.urenPerWeek) || v.urenPerWeek < 1 || v.urenPerWeek > 40) fouten['urenPerWeek'] = 'must be 1 to 40 hours';
  const taken = v.taken.map((t) => t.trim()).filter((t) => t.length > 0);
  if (taken.length === 0) fouten['taken'] = 'name at least one task';
  if (Object.keys(fouten).length > 0) throw plaatsingError('PLAATSING.VACATURE_ONGELDIG', 'The vacancy is not complete.', fouten);
  return { ...v, titel, taken, competenties: v.competenties.map((c) => c.trim()).filter((c) => c.length > 0), ondersteuning: [...new Set(v.ondersteuning)] };
}

/** @throws DomainError `PLAATSING.VACATURE_GESLOTEN` when the vacancy takes no proposals. */
export function controleerOpen(v: Vacature): void {
  if (v.status !== 'open') throw plaatsingError('PLAATSING.VACATURE_GESLOTEN', 'The vacancy is closed.');
}
