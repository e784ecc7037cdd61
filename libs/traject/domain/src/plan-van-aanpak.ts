import { type IsoDate, isIsoDate } from '@ketenregie/shared-kernel';
import { trajectError } from './traject.errors';

/** The GROW conversation that leads to the goals (Whitmore): Goal, Reality, Options, Will. */
export interface Grow {
  readonly goal: string;
  readonly reality: string;
  readonly options: string;
  readonly will: string;
  /** How sure the deelnemer is of carrying out the actions, 0–10 (the Den Bosch programme uses both 0–10 and 1–10). */
  readonly zekerheid?: number;
}

/** SMART elaboration of a goal (Specifiek, Meetbaar, Actiegericht, Realistisch, Tijdgebonden). */
export interface Smart {
  readonly specifiek: string;
  readonly meetbaar: string;
  readonly actiegericht: string;
  readonly realistisch: string;
  /** Target date. */
  readonly tijdgebonden: IsoDate;
}

/** A goal of the plan. */
export interface Doel {
  /** Stable id within the plan (referred to by evaluations). */
  readonly id: string;
  readonly omschrijving: string;
  readonly smart: Smart;
}

/** A Goal Attainment Scaling goal with the five expected-outcome levels −2 … +2. */
export interface GasDoel {
  readonly id: string;
  readonly omschrijving: string;
  /** Descriptions of the levels, keyed `'-2' | '-1' | '0' | '1' | '2'`. */
  readonly niveaus: Readonly<Record<'-2' | '-1' | '0' | '1' | '2', string>>;
}

/** Signature of the plan: by the deelnemer or their legal representative. */
export interface Ondertekening {
  readonly datum: IsoDate;
  readonly door: 'deelnemer' | 'wettelijk-vertegenwoordiger';
}

/** The plan van aanpak. A plan without {@link Ondertekening} is a concept and does not start uitvoering. */
export interface PlanVanAanpak {
  readonly versie: number;
  readonly grow: Grow;
  readonly doelen: readonly Doel[];
  readonly gasDoelen: readonly GasDoel[];
  readonly ondertekening?: Ondertekening;
}

/** The plan as submitted (the version is assigned by the traject). */
export type PlanInvoer = Omit<PlanVanAanpak, 'versie'>;

const GAS_NIVEAUS = ['-2', '-1', '0', '1', '2'] as const;

function leeg(s: unknown): boolean {
  return typeof s !== 'string' || s.trim().length === 0;
}

/**
 * Checks a plan: GROW filled in, at least one goal, every goal SMART with a target date on or
 * after `vandaag`'s plan date, unique ids, at most `maxGasDoelen` GAS goals with all five levels
 * described, and a signature not in the future. Throws `TRAJECT.PLAN_INVALID` or
 * `TRAJECT.GAS_LIMIT_EXCEEDED` naming every offending field.
 */
export function valideerPlan(plan: PlanInvoer, opties: { maxGasDoelen: number; vandaag: IsoDate }): void {
  const fouten: Record<string, string> = {};
  for (const k of ['goal', 'reality', 'options', 'will'] as const) if (leeg(plan.grow?.[k])) fouten[`grow.${k}`] = 'required';
  const z = plan.grow?.zekerheid;
  if (z !== undefined && (!Number.isInteger(z) || z < 0 || z > 10)) fouten['grow.zekerheid'] = 'must be 0–10';
  if (!Array.isArray(plan.doelen) || plan.doelen.length === 0) fouten['doelen'] = 'at least one goal';
  const ids = new Set<string>();
  (plan.doelen ?? []).forEach((d, i) => {
    if (leeg(d.id) || ids.has(d.id)) fouten[`doelen.${i}.id`] = 'required and unique';
    ids.add(d.id);
    if (leeg(d.omschrijving)) fouten[`doelen.${i}.omschrijving`] = 'required';
    for (const k of ['specifiek', 'meetbaar', 'actiegericht', 'realistisch'] as const) {
      if (leeg(d.smart?.[k])) fouten[`doelen.${i}.smart.${k}`] = 'required (SMART)';
    }
    if (!isIsoDate(d.smart?.tijdgebonden)) fouten[`doelen.${i}.smart.tijdgebonden`] = 'must be a YYYY-MM-DD date';
    else if (d.smart.tijdgebonden < opties.vandaag) fouten[`doelen.${i}.smart.tijdgebonden`] = 'must not be in the past';
  });
  const gas = plan.gasDoelen ?? [];
  if (gas.length > opties.maxGasDoelen) {
    throw trajectError('TRAJECT.GAS_LIMIT_EXCEEDED', `A plan has at most ${opties.maxGasDoelen} GAS goals`, {
      gasDoelen: `at most ${opties.maxGasDoelen}`,
    });
  }
  gas.forEach((g, i) => {
    if (leeg(g.id) || ids.has(g.id)) fouten[`gasDoelen.${i}.id`] = 'required and unique';
    ids.add(g.id);
    if (leeg(g.omschrijving)) fouten[`gasDoelen.${i}.omschrijving`] = 'required';
    for (const n of GAS_NIVEAUS) if (leeg(g.niveaus?.[n])) fouten[`gasDoelen.${i}.niveaus.${n}`] = 'describe every level';
  });
  if (plan.ondertekening) {
    if (!isIsoDate(plan.ondertekening.datum)) fouten['ondertekening.datum'] = 'must be a YYYY-MM-DD date';
    else if (plan.ondertekening.datum > opties.vandaag) fouten['ondertekening.datum'] = 'must not be in the future';
    if (plan.ondertekening.door !== 'deelnemer' && plan.ondertekening.door !== 'wettelijk-vertegenwoordiger') {
      fouten['ondertekening.door'] = 'deelnemer or wettelijk-vertegenwoordiger';
    }
  }
  if (Object.keys(fouten).length > 0) throw trajectError('TRAJECT.PLAN_INVALID', 'The plan van aanpak is incomplete or invalid', fouten);
}
