import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DataCategorie } from '@ketenregie/consent-domain';
import { opaakWorkflowId } from '@ketenregie/shared-workflow';

/** Task queue of the consent context's workflows and activities. */
export const CONSENT_TASK_QUEUE = 'consent';

/** Workflow id of the lifecycle workflow of one consent: `toestemming-<uuid>` from the opaque id only ({@link opaakWorkflowId}). */
export const toestemmingWorkflowId = (toestemmingId: string): string => opaakWorkflowId('toestemming', toestemmingId);

/** Input of `toestemmingLevenscyclusWorkflow`: configuration travels in the input, never the environment. */
export interface ToestemmingLevenscyclusInput {
  readonly toestemmingId: string;
  /** ISO-8601 instant at which the consent expires (exclusive end). */
  readonly geldigTot: string;
  /** Days before `geldigTot` on which the coach is reminded (30 by default in the service). */
  readonly herinneringDagenVoorEinde: number;
  /** Subject id of the coach to remind (opaque). */
  readonly coach: string;
}

/** Why a consent stopped granting access. */
export type BeeindigingReden = 'ingetrokken' | 'verlopen' | 'vervangen';

/** Sent by consent-service to the lifecycle workflow right after a withdrawal was committed. */
export interface IntrekkingSignaal {
  readonly toestemmingId: string;
  /** ISO-8601 instant of the withdrawal as recorded by the service. */
  readonly op: string;
  readonly reden: BeeindigingReden;
}

/** Signal from consent-service to the lifecycle workflow: the consent was withdrawn or superseded. */
export const toestemmingBeeindigdDoorServiceSignal = defineSignal<[IntrekkingSignaal]>('consent.beeindigd');

/**
 * Another context's workflow (a handover, an exchange) that relies on a consent. Identified only
 * by its workflow id; the consent workflow signals it with {@link toestemmingBeeindigdSignal}.
 */
export interface Afhankelijkheid {
  readonly workflowId: string;
  /** Which context it is in, for the log and the inzage (e.g. `exchange`). */
  readonly context: string;
}

/**
 * Update: register a dependent workflow. Answers whether the consent still grants access at the
 * time of registration; a dependant registering after the end is told at once (`actief: false`)
 * and also signalled, so it never misses the end.
 */
export const registreerAfhankelijkheidUpdate = defineUpdate<{ readonly actief: boolean }, [Afhankelijkheid]>('consent.registreerAfhankelijkheid');

/** State of the lifecycle workflow. */
export interface ToestemmingLevenscyclusStatus {
  readonly toestemmingId: string;
  readonly fase: 'actief' | BeeindigingReden;
  readonly herinneringVerstuurd: boolean;
  readonly afhankelijken: readonly Afhankelijkheid[];
}

export const toestemmingStatusQuery = defineQuery<ToestemmingLevenscyclusStatus>('consent.status');

/**
 * What a dependent workflow is told when a consent it relies on ends. Contexts that rely on
 * consent register a handler for {@link toestemmingBeeindigdSignal} and stop the disclosure; the
 * payload carries opaque ids, the purpose and the categories, never personal data.
 */
export interface ToestemmingBeeindigd {
  readonly toestemmingId: string;
  readonly reden: BeeindigingReden;
  /** ISO-8601 instant from which the consent no longer grants anything. */
  readonly op: string;
  readonly doel: string;
  readonly categorieen: readonly DataCategorie[];
}

/** The signal every consent-dependent workflow handles (the contract for other contexts). */
export const toestemmingBeeindigdSignal = defineSignal<[ToestemmingBeeindigd]>('consent.toestemmingBeeindigd');

/**
 * Activities of the consent context, implemented in the worker by adapters over the consent
 * application. Each is idempotent: repeated calls for the same consent have the same effect.
 */
export interface ConsentActivities {
  /**
   * Records expiry (status `verlopen`) once `geldigTot` has passed by the database clock, and
   * logs it. When the consent had already ended another way (withdrawn, superseded) it changes
   * nothing and reports that end instead, so the workflow always learns how the consent ended.
   */
  recordExpiry(input: { readonly toestemmingId: string }): Promise<ToestemmingBeeindigd>;
  /** Puts a reminder in the coach's list that the consent expires soon; idempotent per consent. */
  remindCoach(input: { readonly toestemmingId: string; readonly coach: string; readonly geldigTot: string }): Promise<void>;
  /** Purpose and categories of a consent, for the end notice of a withdrawal signalled by the service. */
  readScope(input: { readonly toestemmingId: string }): Promise<{ readonly doel: string; readonly categorieen: readonly DataCategorie[] }>;
  /**
   * Ends, in the traject context, the `ontvanger` involvement of every organisation this consent
   * carried access for (the recipients of the permitting decisions that rested on it), once the
   * consent was withdrawn or expired; answers which organisations it ended. Nothing for a consent
   * still in force or superseded. Idempotent; throws (retryable) while traject-service cannot
   * take it, so Temporal retries with backoff until it can.
   */
  endReceiverAccess(input: { readonly toestemmingId: string }): Promise<{ readonly beeindigd: readonly string[] }>;
}

/** The activities that had Dutch names before (every one except those added after the rename). */
export type HernoemdeActiviteit = 'recordExpiry' | 'remindCoach' | 'readScope';

/**
 * The consent activities' names before they became English. Activity type names are recorded in
 * workflow histories: a lifecycle started before the rename schedules these (the workflow asks
 * `patched(CONSENT_ENGLISH_ACTIVITY_NAMES)`), so the worker keeps them registered as aliases.
 */
export const CONSENT_LEGACY_ACTIVITY_NAMES = {
  recordExpiry: 'markeerVerlopen',
  remindCoach: 'herinnerCoach',
  readScope: 'toestemmingReikwijdte',
} as const satisfies Record<HernoemdeActiviteit, string>;

/** Patch id behind which the lifecycle workflow schedules the English activity names. */
export const CONSENT_ENGLISH_ACTIVITY_NAMES = 'consent-english-activity-names';

/**
 * Patch id behind which the lifecycle workflow, once a consent was withdrawn or expired, ends the
 * receivers' `ontvanger` involvement (`endReceiverAccess`); a lifecycle that ended before the
 * patch replays without it.
 */
export const CONSENT_END_RECEIVER_ACCESS = 'consent-end-receiver-access';

/** The consent activities under their old names (see {@link CONSENT_LEGACY_ACTIVITY_NAMES}). */
export type LegacyConsentActivities = {
  readonly [K in HernoemdeActiviteit as (typeof CONSENT_LEGACY_ACTIVITY_NAMES)[K]]: ConsentActivities[K];
};
