/**
 * Run in a writer's transaction right before it inserts into an outbox whose `volgnummer` comes
 * from a sequence: a transaction-scoped advisory lock per outbox, held until commit, so rows get
 * their numbers in commit order. Without it a feed reader (`volgnummer > position`) could see 11
 * committed before 10, move past 10 and never read it (the soak test lost an event that way).
 * Parameter: the outbox's qualified table name.
 */
export const OUTBOX_VOLGORDE_SQL = 'SELECT pg_advisory_xact_lock(hashtext($1))';
