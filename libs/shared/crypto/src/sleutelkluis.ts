import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { aeadOntsleutel, aeadVersleutel } from './aead';
import { DeelnemerGewistFout, type Gegevenskluis, SleutelVernietigdFout } from './gegevenskluis';
import type { Kms } from './kms';
import { KluisSchema1765000000000 } from './migrations/1765000000000-kluis-schema';

/** Migrations of the key store's schema. */
export const KLUIS_MIGRATIONS = [KluisSchema1765000000000];
/** The key store's schema in a running stack. */
export const KLUIS_SCHEMA = 'kluis';

const MAGIC = 0x4b;
const VERSIE = 1;

/** The key id a ciphertext of {@link Sleutelkluis} was made with, or undefined for anything else. */
export function sleutelIdVan(data: Buffer): string | undefined {
  if (data.length < 3 || data[0] !== MAGIC || data[1] !== VERSIE) return undefined;
  const n = data[2] as number;
  return data.length >= 3 + n ? data.subarray(3, 3 + n).toString('ascii') : undefined;
}

interface Sleutel {
  readonly id: string;
  readonly deelnemerId: string | null;
  readonly dek: Buffer;
}

interface SleutelRij {
  id: string;
  deelnemer_id: string | null;
  kek_id: string;
  verpakt: Buffer;
}

/** Options of {@link Sleutelkluis}. */
export interface SleutelkluisOpties {
  /**
   * How long an unwrapped data key is kept in memory (ms); 0: never cached. An erasure anywhere drops the key
   * from every process's memory at once (PostgreSQL `NOTIFY`); while a process cannot hear erasures, it keeps a
   * key at most {@link ZONDER_MELDING_MS}.
   */
  readonly cacheMs?: number;
}

/** The channel on which {@link Sleutelkluis.vernietig} tells every process which keys are gone. */
const KANAAL = 'ketenregie_kluis';
/** How long a key is kept at most while this process does not hear erasures (its listening connection lost). */
export const ZONDER_MELDING_MS = 10_000;
/** After a lost listening connection, the next attempt to listen again. */
const OPNIEUW_LUISTEREN_MS = 5_000;

interface Melding {
  readonly deelnemerId: string | null;
  readonly sleutels?: readonly string[];
}

/** The part of a `pg` pool client the listener uses. */
interface LuisterVerbinding {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', f: (n: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error' | 'end', f: () => void): unknown;
  release(destroy?: boolean): void;
}

const context = (id: string, deelnemerId: string | null) => `sleutel:${id}|deelnemer:${deelnemerId ?? 'systeem'}`;

/**
 * The key store: per-deelnemer data keys (AES-256) wrapped under the KMS's master key, in table
 * `sleutel` of its own schema, shared by every process that holds personal data (the services
 * and the worker). Destroying a deelnemer's keys ({@link vernietig}) makes every value and every
 * workflow payload encrypted for them unreadable, wherever it is stored.
 *
 * Values are `K 1 ‖ n ‖ key id (n bytes) ‖ iv ‖ tag ‖ ciphertext`, authenticated with their
 * `doel` and key id.
 */
export class Sleutelkluis implements Gegevenskluis {
  private ds: Promise<DataSource> | undefined;
  private readonly cache = new Map<string, { sleutel: Sleutel; tot: number }>();
  /** Loads of keys under way, shared by concurrent reads of the same key. */
  private readonly laden = new Map<string, Promise<Sleutel>>();
  private readonly actief = new Map<string, { id: string; tot: number }>();
  private readonly cacheMs: number;
  /** The connection that hears erasures (LISTEN), while it works. */
  private luisteraar: LuisterVerbinding | undefined;
  private opnieuw: NodeJS.Timeout | undefined;
  /** Listening connections given back to the pool (their `error` and `end` may both still come). */
  private readonly vrijgegeven = new WeakSet<LuisterVerbinding>();

  /**
   * @param kms wraps and unwraps the data keys
   * @param open opens (and migrates) the data source of the key store's schema; called once, on first use
   */
  constructor(
    private readonly kms: Kms,
    private readonly open: () => Promise<DataSource>,
    opties: SleutelkluisOpties = {},
  ) {
    this.cacheMs = opties.cacheMs ?? 10_000;
  }

  private async bron(): Promise<{ ds: DataSource; s: string }> {
    this.ds ??= this.open().then(
      async (ds) => {
        await this.luister(ds);
        return ds;
      },
      (error: unknown) => {
        this.ds = undefined;
        throw error;
      },
    );
    const ds = await this.ds;
    return { ds, s: `"${String((ds.options as { schema?: string }).schema)}"` };
  }

  /**
   * Listens for erasures (and rotations) by every process on one connection of the pool. When that fails or the
   * connection is lost, keys are kept at most {@link ZONDER_MELDING_MS} (the cache is emptied at once) until
   * listening works again.
   */
  private async luister(ds: DataSource): Promise<void> {
    if (this.cacheMs === 0 || this.luisteraar) return;
    const pool = (ds.driver as unknown as { master?: { connect(): Promise<LuisterVerbinding> } }).master;
    let verbinding: LuisterVerbinding | undefined;
    try {
      if (!pool) return;
      verbinding = await pool.connect();
      verbinding.on('notification', (n) => {
        if (n.channel !== KANAAL || !n.payload) return;
        try {
          this.gehoord(JSON.parse(n.payload) as Melding);
        } catch {
          // Not a message of ours: forget every key rather than miss an erasure.
          this.cache.clear();
          this.actief.clear();
        }
      });
      const doof = () => this.doof(verbinding);
      verbinding.on('error', doof);
      verbinding.on('end', doof);
      await verbinding.query(`LISTEN ${KANAAL}`);
      this.luisteraar = verbinding;
    } catch {
      this.doof(verbinding);
    }
  }

  /** The listening connection is gone: forget every key (an erasure may have been missed) and try again later. */
  private doof(verbinding: LuisterVerbinding | undefined): void {
    if (verbinding) {
      if (this.vrijgegeven.has(verbinding)) return;
      this.vrijgegeven.add(verbinding);
      verbinding.release(true);
    }
    this.luisteraar = undefined;
    this.cache.clear();
    this.actief.clear();
    if (this.opnieuw || !this.ds) return;
    const ds = this.ds;
    this.opnieuw = setTimeout(() => {
      this.opnieuw = undefined;
      if (this.ds === ds) void ds.then((d) => this.luister(d)).catch(() => undefined);
    }, OPNIEUW_LUISTEREN_MS);
    this.opnieuw.unref();
  }

  private gehoord(melding: Melding): void {
    for (const id of melding.sleutels ?? []) {
      this.cache.delete(id);
      this.laden.delete(id);
    }
    this.actief.delete(melding.deelnemerId ?? '');
  }

  /** Closes the key store's data source. */
  async sluit(): Promise<void> {
    const ds = this.ds;
    this.ds = undefined;
    clearTimeout(this.opnieuw);
    this.opnieuw = undefined;
    const luisteraar = this.luisteraar;
    this.luisteraar = undefined;
    if (luisteraar && !this.vrijgegeven.has(luisteraar)) {
      this.vrijgegeven.add(luisteraar);
      luisteraar.release(true);
    }
    if (ds) await (await ds).destroy();
  }

  /** How long a key loaded now may be kept. */
  private bewaarMs(): number {
    return this.luisteraar ? this.cacheMs : Math.min(this.cacheMs, ZONDER_MELDING_MS);
  }

  async versleutel(deelnemerId: string, doel: string, waarde: Buffer): Promise<Buffer> {
    return this.versleutelMet(await this.actieveSleutel(deelnemerId), doel, waarde);
  }

  /** Encrypts with the system key: data of no deelnemer (it is never erased). */
  async versleutelSysteem(doel: string, waarde: Buffer): Promise<Buffer> {
    return this.versleutelMet(await this.actieveSleutel(null), doel, waarde);
  }

  /** Encrypts with the key of `deelnemerId`, or with the system key when there is none. */
  async versleutelVoor(deelnemerId: string | undefined, doel: string, waarde: Buffer): Promise<{ sleutelId: string; data: Buffer }> {
    const sleutel = await this.actieveSleutel(deelnemerId ?? null);
    return { sleutelId: sleutel.id, data: this.versleutelMet(sleutel, doel, waarde) };
  }

  async ontsleutel(doel: string, data: Buffer): Promise<Buffer> {
    const id = sleutelIdVan(data);
    if (!id) throw new Error('Not a ciphertext of the key store');
    const sleutel = await this.sleutel(id);
    return aeadOntsleutel(sleutel.dek, Buffer.from(`${doel}|${id}`), data.subarray(3 + id.length));
  }

  async versleutelJson(deelnemerId: string, doel: string, waarde: unknown): Promise<Buffer> {
    return this.versleutel(deelnemerId, doel, Buffer.from(JSON.stringify(waarde), 'utf8'));
  }

  async ontsleutelJson<T>(doel: string, data: Buffer): Promise<T> {
    return JSON.parse((await this.ontsleutel(doel, data)).toString('utf8')) as T;
  }

  private versleutelMet(sleutel: Sleutel, doel: string, waarde: Buffer): Buffer {
    const id = Buffer.from(sleutel.id, 'ascii');
    return Buffer.concat([Buffer.from([MAGIC, VERSIE, id.length]), id, aeadVersleutel(sleutel.dek, Buffer.from(`${doel}|${sleutel.id}`), waarde)]);
  }

  /**
   * The data key with this id. Concurrent reads of a key that is not cached (or whose cache time
   * ran out) share one load: one query and one unwrap, not one per read.
   * @throws SleutelVernietigdFout when it does not exist (any more).
   */
  sleutel(id: string): Promise<Sleutel> {
    const hit = this.cache.get(id);
    if (hit && hit.tot > Date.now()) return Promise.resolve(hit.sleutel);
    const bezig = this.laden.get(id);
    if (bezig) return bezig;
    // A load that an erasure overtook ({@link vernietig} drops it from `laden`) caches nothing.
    const laden: Promise<Sleutel> = this.laad(id)
      .then((sleutel) => (this.laden.get(id) === laden ? this.onthoud(sleutel) : sleutel))
      .finally(() => {
        if (this.laden.get(id) === laden) this.laden.delete(id);
      });
    this.laden.set(id, laden);
    return laden;
  }

  private async laad(id: string): Promise<Sleutel> {
    const { ds, s } = await this.bron();
    const [rij]: SleutelRij[] = /^[0-9a-f-]{36}$/.test(id)
      ? await ds.query(`SELECT id, deelnemer_id, kek_id, verpakt FROM ${s}.sleutel WHERE id = $1`, [id])
      : [];
    if (!rij) {
      this.cache.delete(id);
      throw new SleutelVernietigdFout(id);
    }
    return this.ontpak(rij);
  }

  private async ontpak(rij: SleutelRij): Promise<Sleutel> {
    const dek = await this.kms.ontpak({ kekId: rij.kek_id, data: rij.verpakt }, context(rij.id, rij.deelnemer_id));
    return { id: rij.id, deelnemerId: rij.deelnemer_id, dek };
  }

  private onthoud(sleutel: Sleutel): Sleutel {
    if (this.cacheMs > 0) {
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(sleutel.id, { sleutel, tot: Date.now() + this.bewaarMs() });
    }
    return sleutel;
  }

  /** The key new values of `deelnemerId` (null: the system key) are encrypted with; made on first use. */
  private async actieveSleutel(deelnemerId: string | null): Promise<Sleutel> {
    const nu = Date.now();
    const naam = deelnemerId ?? '';
    const hit = this.actief.get(naam);
    if (hit && hit.tot > nu) {
      const sleutel = this.cache.get(hit.id);
      if (sleutel && sleutel.tot > nu) return sleutel.sleutel;
    }
    const sleutel = (await this.zoekActief(deelnemerId)) ?? (await this.maakSleutel(deelnemerId));
    if (this.cacheMs > 0) this.actief.set(naam, { id: sleutel.id, tot: nu + this.bewaarMs() });
    return this.onthoud(sleutel);
  }

  private async zoekActief(deelnemerId: string | null): Promise<Sleutel | undefined> {
    const { ds, s } = await this.bron();
    const [rij]: SleutelRij[] =
      deelnemerId === null
        ? await ds.query(`SELECT id, deelnemer_id, kek_id, verpakt FROM ${s}.sleutel WHERE deelnemer_id IS NULL AND actief`)
        : await ds.query(`SELECT id, deelnemer_id, kek_id, verpakt FROM ${s}.sleutel WHERE deelnemer_id = $1 AND actief`, [deelnemerId]);
    return rij ? this.ontpak(rij) : undefined;
  }

  private async maakSleutel(deelnemerId: string | null, vervang = false): Promise<Sleutel> {
    const { ds, s } = await this.bron();
    const id = randomUUID();
    const dek = randomBytes(32);
    const verpakt = await this.kms.verpak(dek, context(id, deelnemerId));
    await ds.transaction(async (m) => {
      // One lock per deelnemer, shared with the erasure: a key is never made after it.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`kluis:${deelnemerId ?? ''}`]);
      if (deelnemerId !== null) {
        const gewist: unknown[] = await m.query(`SELECT 1 FROM ${s}.vernietiging WHERE deelnemer_id = $1`, [deelnemerId]);
        if (gewist.length > 0) throw new DeelnemerGewistFout();
      }
      if (vervang) {
        await m.query(`UPDATE ${s}.sleutel SET actief = false WHERE actief AND deelnemer_id IS NOT DISTINCT FROM $1`, [deelnemerId]);
        // Every process encrypts with the new key from the commit on.
        await m.query(`SELECT pg_notify($1, $2)`, [KANAAL, JSON.stringify({ deelnemerId } satisfies Melding)]);
      } else {
        const bestaand: unknown[] = await m.query(`SELECT 1 FROM ${s}.sleutel WHERE actief AND deelnemer_id IS NOT DISTINCT FROM $1`, [deelnemerId]);
        if (bestaand.length > 0) return;
      }
      await m.query(`INSERT INTO ${s}.sleutel (id, deelnemer_id, kek_id, verpakt) VALUES ($1, $2, $3, $4)`, [id, deelnemerId, verpakt.kekId, verpakt.data]);
    });
    const actief = await this.zoekActief(deelnemerId);
    if (!actief) throw new Error('A data key was made but is not found');
    return actief;
  }

  /** Whether the deelnemer's data was erased. */
  async isGewist(deelnemerId: string): Promise<boolean> {
    const { ds, s } = await this.bron();
    return ((await ds.query(`SELECT 1 FROM ${s}.vernietiging WHERE deelnemer_id = $1`, [deelnemerId])) as unknown[]).length > 0;
  }

  /**
   * Rotates the deelnemer's data key: new values use a new key; older values still decrypt
   * with the old one (its id is in each value) until they are rewritten.
   * @returns the new key's id
   */
  async roteer(deelnemerId: string): Promise<string> {
    const sleutel = await this.maakSleutel(deelnemerId, true);
    this.actief.delete(deelnemerId);
    return sleutel.id;
  }

  /**
   * Rotates the master key: re-wraps every data key not yet wrapped with the KMS's active master
   * key. Afterwards the old master key may be dropped from the configuration.
   * @returns how many keys were re-wrapped
   */
  async herverpak(): Promise<number> {
    const { ds, s } = await this.bron();
    let aantal = 0;
    for (;;) {
      const rijen: SleutelRij[] = await ds.query(`SELECT id, deelnemer_id, kek_id, verpakt FROM ${s}.sleutel WHERE kek_id <> $1 ORDER BY id LIMIT 500`, [
        this.kms.actieveKekId,
      ]);
      for (const rij of rijen) {
        const { dek } = await this.ontpak(rij);
        const nieuw = await this.kms.verpak(dek, context(rij.id, rij.deelnemer_id));
        await ds.query(`UPDATE ${s}.sleutel SET kek_id = $2, verpakt = $3, herverpakt_op = now() WHERE id = $1`, [rij.id, nieuw.kekId, nieuw.data]);
        aantal += 1;
      }
      if (rijen.length < 500) return aantal;
    }
  }

  /**
   * Erasure (AVG art. 17) by crypto-shredding: destroys every data key of the deelnemer and
   * their workflow links, and records the erasure, so no key is ever made for them again. Every
   * value and payload encrypted for them, in any table, history or export, is unreadable from now
   * on, in every process at once (a process that cannot hear erasures keeps a key at most {@link ZONDER_MELDING_MS}).
   * @returns the number of keys destroyed
   */
  async vernietig(deelnemerId: string, grond: string): Promise<number> {
    const { ds, s } = await this.bron();
    const ids = await ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`kluis:${deelnemerId}`]);
      await m.query(`INSERT INTO ${s}.vernietiging (deelnemer_id, grond) VALUES ($1, $2) ON CONFLICT (deelnemer_id) DO NOTHING`, [deelnemerId, grond]);
      await m.query(`DELETE FROM ${s}.workflow_deelnemer WHERE deelnemer_id = $1`, [deelnemerId]);
      const [rijen]: [{ id: string }[], number] = await m.query(`DELETE FROM ${s}.sleutel WHERE deelnemer_id = $1 RETURNING id`, [deelnemerId]);
      const ids = rijen.map((r) => r.id);
      // Delivered to every listening process when this commits: they drop the keys from memory at once.
      await m.query(`SELECT pg_notify($1, $2)`, [KANAAL, JSON.stringify({ deelnemerId, sleutels: ids } satisfies Melding)]);
      return ids;
    });
    for (const id of ids) {
      this.cache.delete(id);
      this.laden.delete(id);
    }
    this.actief.delete(deelnemerId);
    // The deleted rows' bytes leave the table's pages when it is vacuumed (wrapped keys; WAL and backups keep them until they expire).
    await ds.query(`VACUUM ${s}.sleutel`).catch(() => undefined);
    return ids.length;
  }

  /** Records that workflow `workflowId` holds data of `deelnemerId` (its payloads are encrypted with their key). */
  async koppelWorkflow(workflowId: string, deelnemerId: string): Promise<void> {
    const { ds, s } = await this.bron();
    await ds.query(`INSERT INTO ${s}.workflow_deelnemer (workflow_id, deelnemer_id) VALUES ($1, $2) ON CONFLICT (workflow_id) DO NOTHING`, [
      workflowId,
      deelnemerId,
    ]);
  }

  /** The deelnemer whose data workflow `workflowId` holds, when it was recorded. */
  async deelnemerVanWorkflow(workflowId: string): Promise<string | undefined> {
    const { ds, s } = await this.bron();
    const [rij]: { deelnemer_id: string }[] = await ds.query(`SELECT deelnemer_id FROM ${s}.workflow_deelnemer WHERE workflow_id = $1`, [workflowId]);
    return rij?.deelnemer_id;
  }
}
