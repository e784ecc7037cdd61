import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * Keys the processing log's chain: every new line stores the id of the HMAC-SHA-256 key its hash
 * was made with (`sleutel_id`), and a line without one can no longer be inserted (a `NOT VALID`
 * check: it binds new rows only). Existing lines are not re-chained: they keep their plain
 * SHA-256 hashes and no key id, and still verify as the unkeyed prefix of their chain (the
 * verifier refuses an unkeyed line after a keyed one). Re-chaining would need the key in the
 * migration and would rewrite lines the signed anchors already vouch for.
 */
export const KetenSleutel1767400000001 = sqlMigratie('KetenSleutel1767400000001', {
  up: (s) => [
    `ALTER TABLE ${s}.verwerking ADD COLUMN sleutel_id text CHECK (sleutel_id ~ '^[a-z0-9]{1,16}$')`,
    `ALTER TABLE ${s}.verwerking ADD CONSTRAINT verwerking_sleutel_verplicht CHECK (sleutel_id IS NOT NULL) NOT VALID`,
  ],
  down: () => {
    throw new Error('The processing log is append-only: keying its chain cannot be undone');
  },
});
