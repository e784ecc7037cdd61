import { commaList, openDatabase } from '@ketenregie/shared-platform';
import { z } from 'zod';
import { LokaleKms, SLEUTEL_ID } from './kms';
import { KLUIS_MIGRATIONS, KLUIS_SCHEMA, Sleutelkluis } from './sleutelkluis';

/** The master key of embedded (demo, test) mode, base64 of 32 bytes. Not secret; distributed mode must set `KLUIS_MASTERSLEUTEL`. */
export const EMBEDDED_MASTERSLEUTEL = Buffer.from('ketenregie-embedded-master-key!!', 'utf8').toString('base64');

const sleutel32 = z.base64().refine((v) => Buffer.from(v, 'base64').length === 32, 'must decode to exactly 32 bytes (AES-256)');

/**
 * The key store's settings, validated once with the app's configuration: the master key (and
 * its id), master keys still held while data keys are re-wrapped (`id:base64,…`), and how long an
 * unwrapped data key stays in memory.
 */
export const kluisConfigSchema = z.object({
  KLUIS_MASTERSLEUTEL: sleutel32.default(EMBEDDED_MASTERSLEUTEL),
  KLUIS_MASTERSLEUTEL_ID: z.string().regex(SLEUTEL_ID).default('m1'),
  KLUIS_OUDE_MASTERSLEUTELS: commaList(
    z.string().refine((d) => {
      const [id, k] = d.split(':');
      return !!id && SLEUTEL_ID.test(id) && !!k && sleutel32.safeParse(k).success;
    }, 'each entry must be id:base64 of a 32-byte key'),
  ).default([]),
  KLUIS_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(300_000),
});

/** Parsed {@link kluisConfigSchema}. */
export type KluisConfig = z.output<typeof kluisConfigSchema>;

/** The local KMS of a configuration: the active master key and the older ones still held. */
export function kmsVanConfig(c: KluisConfig): LokaleKms {
  const sleutels: Record<string, Buffer> = {};
  for (const d of c.KLUIS_OUDE_MASTERSLEUTELS) {
    const [id, k] = d.split(':') as [string, string];
    sleutels[id] = Buffer.from(k, 'base64');
  }
  sleutels[c.KLUIS_MASTERSLEUTEL_ID] = Buffer.from(c.KLUIS_MASTERSLEUTEL, 'base64');
  return new LokaleKms(c.KLUIS_MASTERSLEUTEL_ID, sleutels);
}

/** The key store of a configuration, in schema {@link KLUIS_SCHEMA} (tests: their own) of `DATABASE_URL`; opened on first use. */
export function sleutelkluisVanConfig(
  c: KluisConfig & { readonly DATABASE_URL: string },
  opties: { schema?: string; applicationName?: string } = {},
): Sleutelkluis {
  return new Sleutelkluis(
    kmsVanConfig(c),
    () =>
      openDatabase({
        url: c.DATABASE_URL,
        schema: opties.schema ?? KLUIS_SCHEMA,
        entities: [],
        migrations: KLUIS_MIGRATIONS,
        // One of them listens for erasures (Sleutelkluis).
        poolSize: 5,
        applicationName: opties.applicationName ?? 'ketenregie-kluis',
      }),
    { cacheMs: c.KLUIS_CACHE_MS },
  );
}
