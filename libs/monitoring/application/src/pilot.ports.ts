import type { Pilot, Rapportage, StuurgroepMelding } from '@ketenregie/monitoring-domain';

/** Injection token of the {@link PilotRepository} port. */
export const PILOT_REPOSITORY = Symbol('PILOT_REPOSITORY');
/** Injection token of the {@link PilotWorkflows} port. */
export const PILOT_WORKFLOWS = Symbol('PILOT_WORKFLOWS');

/** Pilots, decisions, reports and the stuurgroep's inbox (monitoring-data-access); every write keyed by `sleutel`. */
export interface PilotRepository {
  maak(p: Pilot & { readonly aangemaaktDoor: string }): Promise<void>;
  vind(id: string): Promise<Pilot | undefined>;
  legBesluitVast(b: { sleutel: string; pilotId: string; besluit: string; door?: string; nieuweEinddatum?: string }): Promise<void>;
  publiceer(r: { sleutel: string; pilotId?: string; convenantId?: string; moment: string; peildatum: string; inhoud: unknown }): Promise<void>;
  rapportages(pilotId: string): Promise<Rapportage[]>;
  meld(m: { sleutel: string; stuurgroepId: string; aan: string; onderwerp: string; verwijzing: string }): Promise<void>;
  /** The stuurgroep's inbox, newest first. */
  meldingen(stuurgroepId: string): Promise<StuurgroepMelding[]>;
}

/** The pilot's workflow (Temporal client in monitor-service). */
export interface PilotWorkflows {
  start(p: Pilot): Promise<void>;
  besluit(pilotId: string, besluit: { besluit: 'verlengen' | 'beeindigen'; door: string }): Promise<void>;
}
