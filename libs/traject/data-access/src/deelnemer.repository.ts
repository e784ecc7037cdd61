import { type Gegevenskluis, sleutelIdVan, SleutelVernietigdFout } from '@ketenregie/shared-crypto';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DeelnemerGegevens, DeelnemerRecord, NieuweDeelnemer } from '@ketenregie/traject-domain';
import type { DeelnemerKluis } from './deelnemer.crypto';
import { isKluisdata, isUuid, TRAJECT_DOELEN, TrajectSql } from './traject.sql';

interface DeelnemerRij {
  id: string;
  gegevens_versleuteld: Buffer;
  gegevens_sleutel_id: string;
  aangemaakt_door_organisatie: string | null;
  aangemaakt_op: Date;
  aanmelders: string[] | null;
}

/**
 * Deelnemers. Every personal field is encrypted at rest with {@link DeelnemerKluis}: the BSN
 * (unique through its keyed blind index) and the record of name, date of birth, contact details
 * and household link (bound to the row's id; the household link findable through its own index).
 */
export class SqlDeelnemerRepository {
  private readonly sql: TrajectSql;

  /**
   * @param kluis the blind-index key, and the single key of rows written before per-deelnemer keys
   * @param sleutels the per-deelnemer key store every new value is encrypted with; without it (tests of old rows) the single key
   */
  constructor(
    ds: DataSource,
    private readonly kluis: DeelnemerKluis,
    private readonly sleutels?: Gegevenskluis,
  ) {
    this.sql = new TrajectSql(ds);
  }

  private async versleutelBsn(id: string, bsn: string): Promise<{ data: Buffer; sleutelId: string }> {
    if (!this.sleutels) return this.kluis.versleutel('bsn', bsn);
    const data = await this.sleutels.versleutel(id, TRAJECT_DOELEN.bsn, Buffer.from(bsn, 'utf8'));
    return { data, sleutelId: sleutelIdVan(data) as string };
  }

  private async versleutelGegevens(id: string, d: DeelnemerGegevens): Promise<{ data: Buffer; sleutelId: string }> {
    if (!this.sleutels) return this.kluis.versleutelGegevens(id, d);
    const { voornamen, achternaam, geboortedatum, contact, huishoudenId } = d;
    const data = await this.sleutels.versleutelJson(id, TRAJECT_DOELEN.gegevens(id), { voornamen, achternaam, geboortedatum, contact, huishoudenId });
    return { data, sleutelId: sleutelIdVan(data) as string };
  }

  private async ontsleutelGegevens(id: string, data: Buffer, sleutelId: string): Promise<DeelnemerGegevens> {
    if (isKluisdata(data) && this.sleutels) return this.sleutels.ontsleutelJson<DeelnemerGegevens>(TRAJECT_DOELEN.gegevens(id), data);
    return this.kluis.ontsleutelGegevens(id, { sleutelId, data });
  }

  /**
   * Registers a deelnemer and returns their id: a new one, or, when the BSN is already known, the
   * existing one (whose data stays as it is). Either way the registering organisation is recorded
   * as an aanmelder, so both cases leave the caller in the same position.
   */
  async maak(d: NieuweDeelnemer): Promise<string> {
    const id = (await this.voegToe(d)) ?? (await this.vindOpBsn(d.bsn));
    if (!id) throw new Error('A deelnemer with this BSN was neither stored nor found');
    await this.sql.q(
      `INSERT INTO $S.deelnemer_aanmelding (deelnemer_id, organisatie, aangemeld_door) VALUES ($1, $2, $3) ON CONFLICT (deelnemer_id, organisatie) DO NOTHING`,
      [id, d.aangemaaktDoorOrganisatie, d.aangemaaktDoor],
    );
    return id;
  }

  /** Stores a new deelnemer; `undefined` when one with this BSN exists (nothing is written). */
  private async voegToe(d: NieuweDeelnemer): Promise<string | undefined> {
    const id = randomUUID();
    const bsn = await this.versleutelBsn(id, d.bsn);
    const gegevens = await this.versleutelGegevens(id, d);
    const rows: { id: string }[] = await this.sql.q(
      `INSERT INTO $S.deelnemer (id, bsn_versleuteld, bsn_sleutel_id, bsn_index, gegevens_versleuteld, gegevens_sleutel_id, huishouden_index, aangemaakt_door, aangemaakt_door_organisatie)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (bsn_index) DO NOTHING RETURNING id`,
      [
        id,
        bsn.data,
        bsn.sleutelId,
        this.kluis.bsnIndex(d.bsn),
        gegevens.data,
        gegevens.sleutelId,
        d.huishoudenId === undefined ? null : this.kluis.huishoudenIndex(d.huishoudenId),
        d.aangemaaktDoor,
        d.aangemaaktDoorOrganisatie,
      ],
    );
    return rows[0]?.id;
  }

  async vind(id: string): Promise<DeelnemerRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: DeelnemerRij[] = await this.sql.q(
      `SELECT id, gegevens_versleuteld, gegevens_sleutel_id, aangemaakt_door_organisatie, aangemaakt_op,
              (SELECT array_agg(a.organisatie ORDER BY a.aangemeld_op, a.organisatie) FROM $S.deelnemer_aanmelding a WHERE a.deelnemer_id = d.id) AS aanmelders
       FROM $S.deelnemer d WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    let g: DeelnemerGegevens;
    try {
      g = await this.ontsleutelGegevens(r.id, r.gegevens_versleuteld, r.gegevens_sleutel_id);
    } catch (error) {
      // An erased deelnemer's key is destroyed: they no longer exist for anyone.
      if (error instanceof SleutelVernietigdFout) return undefined;
      throw error;
    }
    return {
      id: r.id,
      voornamen: g.voornamen,
      achternaam: g.achternaam,
      geboortedatum: g.geboortedatum,
      contact: g.contact,
      huishoudenId: g.huishoudenId,
      aangemaaktDoorOrganisatie: r.aangemaakt_door_organisatie ?? undefined,
      aanmelders: r.aanmelders ?? [],
      aangemaaktOp: r.aangemaakt_op,
    };
  }

  /** Id of the deelnemer with this BSN, found through the blind index. */
  async vindOpBsn(bsn: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.sql.q(`SELECT id FROM $S.deelnemer WHERE bsn_index = $1`, [this.kluis.bsnIndex(bsn)]);
    return rows[0]?.id;
  }

  /** Ids of the deelnemers of a household, found through the blind index. */
  async vanHuishouden(huishoudenId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.sql.q(`SELECT id FROM $S.deelnemer WHERE huishouden_index = $1 ORDER BY aangemaakt_op, id`, [
      this.kluis.huishoudenIndex(huishoudenId),
    ]);
    return rows.map((r) => r.id);
  }

  /** Decrypts the BSN of a deelnemer (for a lawful, logged purpose only). */
  async bsnVan(id: string): Promise<string | undefined> {
    const rows: { bsn_versleuteld: Buffer; bsn_sleutel_id: string }[] = await this.sql.q(
      `SELECT bsn_versleuteld, bsn_sleutel_id FROM $S.deelnemer WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    if (isKluisdata(r.bsn_versleuteld) && this.sleutels) return (await this.sleutels.ontsleutel(TRAJECT_DOELEN.bsn, r.bsn_versleuteld)).toString('utf8');
    return this.kluis.ontsleutel('bsn', { sleutelId: r.bsn_sleutel_id, data: r.bsn_versleuteld });
  }

  /**
   * After an erasure (the deelnemer's keys are destroyed): removes the blind indexes, so not even
   * a known BSN or household can be matched to the row any more. The row itself, unreadable, stays
   * for the trajecten that refer to it.
   */
  async wisIndexen(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.sql.q(`UPDATE $S.deelnemer SET bsn_index = 'gewist:' || id::text, huishouden_index = NULL WHERE id = $1`, [id]);
  }
}
