import type { MigrationInterface } from 'typeorm';
import type { DeelnemerKluis } from './deelnemer.crypto';
import { TrajectSchema1764000000000 } from './migrations/1764000000000-traject-schema';
import { DoelgroepToets1764000000001 } from './migrations/1764000000001-doelgroep-toets';
import { deelnemerVersleuteling } from './migrations/1764000000002-deelnemer-versleuteling';
import { Betrokkenheid1764000000003 } from './migrations/1764000000003-betrokkenheid';
import { DeelnemerAanmelding1764000000005 } from './migrations/1764000000005-deelnemer-aanmelding';
import { Programma1764000000004 } from './migrations/1764000000004-programma';
import { TrajectVersleuteling1764000000006 } from './migrations/1764000000006-traject-versleuteling';
import { deelnemerSleutels } from './migrations/1764000000007-deelnemer-sleutels';
import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import { TijdlijnVastgelegdOp1764000000008 } from './migrations/1764000000008-tijdlijn-vastgelegd-op';
import { TrajectOutbox1766000000006 } from './migrations/1766000000006-outbox';

export * from './deelnemer.crypto';
export { openbaarOverzicht, TRAJECT_DOELEN } from './traject.sql';
export * from './deelnemer.repository';
export * from './traject.repository';
export * from './taak.repository';
export * from './traject.transacties';
export * from './programma.repository';

/**
 * Migrations of the `traject` schema that need no key, in order: what the worker, which never
 * touches deelnemers, runs. A migration that touches the deelnemer table goes into
 * {@link trajectMigraties} instead.
 */
export const TRAJECT_MIGRATIONS = [
  TrajectSchema1764000000000,
  DoelgroepToets1764000000001,
  Betrokkenheid1764000000003,
  Programma1764000000004,
  TrajectVersleuteling1764000000006,
  TijdlijnVastgelegdOp1764000000008,
  TrajectOutbox1766000000006,
];

/**
 * Every migration of the `traject` schema, in order: what traject-service runs with its single
 * (older) deelnemer key and, when given, the per-deelnemer key store its rows move to.
 */
export function trajectMigraties(kluis: DeelnemerKluis, sleutels?: Gegevenskluis): (new () => MigrationInterface)[] {
  return [...TRAJECT_MIGRATIONS, deelnemerVersleuteling(kluis), DeelnemerAanmelding1764000000005, ...(sleutels ? [deelnemerSleutels(kluis, sleutels)] : [])];
}

/** The service's own schema. */
export const TRAJECT_SCHEMA = 'traject';
export * from './traject.metrics';
