import type { TrajectOverzicht } from '@ketenregie/traject-contracts';
import { assertSchemaName } from '@ketenregie/shared-platform';
import { sleutelIdVan } from '@ketenregie/shared-crypto';
import { type DataSource, EntityManager } from 'typeorm';

/** Purposes the per-deelnemer ciphertexts of this schema are bound to. */
export const TRAJECT_DOELEN = {
  bsn: 'traject:bsn',
  gegevens: (deelnemerId: string) => `traject:deelnemer:${deelnemerId}`,
  overzicht: (trajectId: string) => `traject:overzicht:${trajectId}`,
  tijdlijn: (trajectId: string, nr: number) => `traject:tijdlijn:${trajectId}:${nr}`,
} as const;

/**
 * The part of an overview kept readable next to its encrypted whole: phase, status, dates, lead,
 * coach and counters. Progress (scores, including the ZRM's health domains) and the reason of a
 * drop-out exist only encrypted with the deelnemer's key.
 */
export function openbaarOverzicht(o: TrajectOverzicht): Omit<TrajectOverzicht, 'voortgang' | 'uitval'> & { uitval?: { datum: string } } {
  const { voortgang: _v, uitval, ...rest } = o;
  return { ...rest, ...(uitval ? { uitval: { datum: uitval.datum } } : {}) };
}

/** Whether a stored value was encrypted with a per-deelnemer key (else: the single key of older rows, or nothing). */
export const isKluisdata = (data: Buffer | null | undefined): data is Buffer => !!data && sleutelIdVan(data) !== undefined;

export type Tabel =
  'deelnemer' | 'deelnemer_aanmelding' | 'traject' | 'traject_overzicht' | 'tijdlijn_gebeurtenis' | 'taak' | 'melding' | 'betrokkenheid' | 'outbox';

/** Where statements run: the data source, or the entity manager of one transaction on it. */
export type Uitvoerder = DataSource | EntityManager;

/** Schema-qualified table names of the data source's schema (never rely on `search_path`). */
export function tabellen(ds: Uitvoerder): Record<Tabel, string> {
  const bron = ds instanceof EntityManager ? ds.connection : ds;
  const schema = assertSchemaName(String((bron.options as { schema?: string }).schema));
  const namen: Tabel[] = [
    'deelnemer',
    'deelnemer_aanmelding',
    'traject',
    'traject_overzicht',
    'tijdlijn_gebeurtenis',
    'taak',
    'melding',
    'betrokkenheid',
    'outbox',
  ];
  return Object.fromEntries(namen.map((n) => [n, `"${schema}"."${n}"`])) as Record<Tabel, string>;
}

/** Deelnemers and trajecten have uuid keys: any other id names none of them (and must not reach a uuid column). */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
