import { OUTBOX_VOLGORDE_SQL } from '@ketenregie/shared-platform';
import type { PlaatsingUitkomstVerwerken } from '@ketenregie/plaatsing-contracts';
import {
  plaatsingError,
  type Contactpersoon,
  type OpgeslagenTaak,
  type Ondersteuning,
  type PlaatsingOverzicht,
  type Vacature,
  type VacatureStatus,
  type TaakOnderwerp,
  type Werkgever,
  type Werkgeversweergave,
  type Wie,
} from '@ketenregie/plaatsing-domain';
import type { FeedRij } from '@ketenregie/shared-kernel';
import { type Sleutelkluis, SleutelVernietigdFout } from '@ketenregie/shared-crypto';
import { type DataSource, QueryFailedError } from 'typeorm';
import {
  type OpgeslagenOverzicht,
  PlaatsingEntity,
  PlaatsingGebeurtenisEntity,
  PlaatsingOutboxEntity,
  PlaatsingTaakEntity,
  VacatureEntity,
  WerkgeverEntity,
} from './plaatsing.entities';

/** A stored placement (the application's `PlaatsingRecord` port shape). */
interface PlaatsingRecord {
  readonly overzicht: PlaatsingOverzicht;
  readonly kandidaat: Werkgeversweergave;
  readonly besluitId?: string;
}

/** A CloudEvent for the outbox (the application's `UitgaandeGebeurtenis`). */
interface UitgaandeGebeurtenis {
  readonly id: string;
  readonly sleutel: string;
  readonly type: string;
  readonly subject: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
}

/**
 * What the plaatsing tables need of the key store: the deelnemer's own key for what the employer
 * may see of them, the system key for the employer's contact persons (staff of the employer, not
 * a deelnemer: their data goes when the employer replaces it, never with a deelnemer's erasure).
 */
export type PlaatsingKluis = Pick<Sleutelkluis, 'versleutelJson' | 'versleutelSysteem' | 'ontsleutelJson'>;

/** The purpose each encrypted value is bound to (a value copied to another row or column does not decrypt). */
export const PLAATSING_DOELEN = {
  werkgever: (organisatieId: string) => `plaatsing-werkgever:${organisatieId}`,
  kandidaat: (plaatsingId: string) => `plaatsing-kandidaat:${plaatsingId}`,
  contact: (plaatsingId: string) => `plaatsing-contact:${plaatsingId}`,
} as const;

/** An employer's contact person and deputy, as one encrypted value. */
export interface Contacten {
  readonly contactpersoon: Contactpersoon;
  readonly plaatsvervanger?: Contactpersoon;
}

/** Encrypts the contact persons under the system key. */
export function versleutelContacten(kluis: PlaatsingKluis, doel: string, w: Contacten): Promise<Buffer> {
  const waarde: Contacten = { contactpersoon: w.contactpersoon, ...(w.plaatsvervanger ? { plaatsvervanger: w.plaatsvervanger } : {}) };
  return kluis.versleutelSysteem(doel, Buffer.from(JSON.stringify(waarde), 'utf8'));
}

/** The overview without the employer's contact persons: what is stored in the clear. */
export function openbaarOverzicht(o: PlaatsingOverzicht): OpgeslagenOverzicht {
  return { ...o, werkgever: { organisatieId: o.werkgever.organisatieId } };
}

/** The application's `WerkgeverRepository` over `plaatsing.werkgever`; the contact persons are encrypted at rest. */
export class TypeOrmWerkgeverRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly kluis: PlaatsingKluis,
  ) {}

  async vind(organisatieId: string): Promise<Werkgever | undefined> {
    const row = await this.ds.getRepository(WerkgeverEntity).findOneBy({ organisatieId });
    if (!row) return undefined;
    const c = await this.kluis.ontsleutelJson<Contacten>(PLAATSING_DOELEN.werkgever(organisatieId), row.contactVersleuteld);
    return { organisatieId: row.organisatieId, contactpersoon: c.contactpersoon, ...(c.plaatsvervanger ? { plaatsvervanger: c.plaatsvervanger } : {}) };
  }

  async bewaar(w: Werkgever): Promise<void> {
    const contactVersleuteld = await versleutelContacten(this.kluis, PLAATSING_DOELEN.werkgever(w.organisatieId), w);
    await this.ds.getRepository(WerkgeverEntity).upsert({ organisatieId: w.organisatieId, contactVersleuteld, bijgewerktOp: new Date() }, ['organisatieId']);
  }
}

const naarVacature = (r: VacatureEntity): Vacature => ({
  id: r.id,
  werkgeverId: r.werkgeverId,
  titel: r.titel,
  urenPerWeek: r.urenPerWeek,
  taken: r.taken,
  competenties: r.competenties,
  ondersteuning: r.ondersteuning as Ondersteuning[],
  status: r.status as VacatureStatus,
});

/** The application's `VacatureRepository` over `plaatsing.vacature`. */
export class TypeOrmVacatureRepository {
  constructor(private readonly ds: DataSource) {}

  async voegToe(v: Vacature): Promise<void> {
    await this.ds.getRepository(VacatureEntity).insert({ ...v, taken: [...v.taken], competenties: [...v.competenties], ondersteuning: [...v.ondersteuning] });
  }

  async vind(id: string): Promise<Vacature | undefined> {
    const row = await this.ds.getRepository(VacatureEntity).findOneBy({ id });
    return row ? naarVacature(row) : undefined;
  }

  async vanWerkgever(werkgeverId: string): Promise<Vacature[]> {
    return (await this.ds.getRepository(VacatureEntity).find({ where: { werkgeverId }, order: { aangemaaktOp: 'ASC' } })).map(naarVacature);
  }

  async open(): Promise<Vacature[]> {
    return (await this.ds.getRepository(VacatureEntity).find({ where: { status: 'open' }, order: { aangemaaktOp: 'ASC' } })).map(naarVacature);
  }
}

/**
 * The application's `PlaatsingRepository` over `plaatsing.plaatsing`, its timeline, tasks and
 * outbox. What the employer may see of the deelnemer is encrypted with the deelnemer's own key, the
 * employer's contact persons with the system key; the overview is stored without them. A placement
 * whose deelnemer was erased (their key destroyed) no longer exists for anyone.
 */
export class TypeOrmPlaatsingRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly kluis: PlaatsingKluis,
  ) {}

  private async naarRecord(r: PlaatsingEntity): Promise<PlaatsingRecord | undefined> {
    try {
      const kandidaat = await this.kluis.ontsleutelJson<Werkgeversweergave>(PLAATSING_DOELEN.kandidaat(r.id), r.kandidaatVersleuteld);
      const contacten = await this.kluis.ontsleutelJson<Contacten>(PLAATSING_DOELEN.contact(r.id), r.contactVersleuteld);
      const overzicht: PlaatsingOverzicht = { ...r.overzicht, werkgever: { organisatieId: r.overzicht.werkgever.organisatieId, ...contacten } };
      return { overzicht, kandidaat, ...(r.besluitId ? { besluitId: r.besluitId } : {}) };
    } catch (error) {
      if (error instanceof SleutelVernietigdFout) return undefined;
      throw error;
    }
  }

  private async naarRecords(rows: PlaatsingEntity[]): Promise<PlaatsingRecord[]> {
    const records: PlaatsingRecord[] = [];
    for (const row of rows) {
      const r = await this.naarRecord(row);
      if (r) records.push(r);
    }
    return records;
  }

  async voegToe(r: PlaatsingRecord): Promise<void> {
    const o = r.overzicht;
    const kandidaatVersleuteld = await this.kluis.versleutelJson(o.deelnemerId, PLAATSING_DOELEN.kandidaat(o.plaatsingId), r.kandidaat);
    const contactVersleuteld = await versleutelContacten(this.kluis, PLAATSING_DOELEN.contact(o.plaatsingId), o.werkgever);
    try {
      await this.ds.getRepository(PlaatsingEntity).insert({
        id: o.plaatsingId,
        vacatureId: o.vacatureId,
        werkgeverId: o.werkgever.organisatieId,
        deelnemerId: o.deelnemerId,
        coachOrganisatie: o.coach.organisatieId,
        regievoerderOrganisatie: o.regievoerder.organisatieId,
        jobcoachOrganisatie: o.jobcoach.organisatieId,
        jobcoachProfessional: o.jobcoach.professional,
        fase: o.fase,
        versie: o.versie,
        overzicht: openbaarOverzicht(o),
        kandidaatVersleuteld,
        contactVersleuteld,
        besluitId: r.besluitId ?? null,
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw plaatsingError('PLAATSING.LOOPT_AL', 'This deelnemer already has a running placement on this vacancy.');
      }
      throw error;
    }
  }

  async vind(id: string): Promise<PlaatsingRecord | undefined> {
    const row = await this.ds.getRepository(PlaatsingEntity).findOneBy({ id });
    return row ? this.naarRecord(row) : undefined;
  }

  async zoek(f: { readonly organisatie: string; readonly professional: string }): Promise<PlaatsingRecord[]> {
    const rows = await this.ds
      .getRepository(PlaatsingEntity)
      .createQueryBuilder('p')
      .where('p.werkgever_id = :org OR p.coach_organisatie = :org OR p.regievoerder_organisatie = :org', { org: f.organisatie })
      .orWhere('(p.jobcoach_organisatie = :org AND p.jobcoach_professional = :prof)', { org: f.organisatie, prof: f.professional })
      .orderBy('p.aangemaakt_op', 'ASC')
      .getMany();
    return this.naarRecords(rows);
  }

  async vanWerkgever(werkgeverId: string): Promise<PlaatsingRecord[]> {
    return this.naarRecords(await this.ds.getRepository(PlaatsingEntity).find({ where: { werkgeverId }, order: { aangemaaktOp: 'ASC' } }));
  }

  async verwerk(u: PlaatsingUitkomstVerwerken, gebeurtenissen: readonly UitgaandeGebeurtenis[]): Promise<void> {
    const contactVersleuteld = await versleutelContacten(this.kluis, PLAATSING_DOELEN.contact(u.plaatsingId), u.overzicht.werkgever);
    await this.ds.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .update(PlaatsingEntity)
        .set({
          overzicht: openbaarOverzicht(u.overzicht),
          contactVersleuteld,
          fase: u.overzicht.fase,
          versie: u.overzicht.versie,
          werkgeverId: u.overzicht.werkgever.organisatieId,
        })
        .where('id = :id AND versie <= :versie', { id: u.plaatsingId, versie: u.overzicht.versie })
        .execute();
      if (u.gebeurtenissen.length > 0) {
        await m
          .createQueryBuilder()
          .insert()
          .into(PlaatsingGebeurtenisEntity)
          .values(u.gebeurtenissen.map((g) => ({ plaatsingId: u.plaatsingId, nr: g.nr, datum: g.datum, soort: g.soort, gegevens: { ...g.gegevens } })))
          .orIgnore()
          .execute();
      }
      if (u.taken.length > 0) {
        await m
          .createQueryBuilder()
          .insert()
          .into(PlaatsingTaakEntity)
          .values(u.taken.map((t) => ({ sleutel: t.sleutel, plaatsingId: u.plaatsingId, voor: t.voor, onderwerp: t.onderwerp, vervalt: t.vervalt })))
          .orIgnore()
          .execute();
      }
      if (gebeurtenissen.length > 0) {
        await m.query(OUTBOX_VOLGORDE_SQL, ['plaatsing.outbox']);
        await m
          .createQueryBuilder()
          .insert()
          .into(PlaatsingOutboxEntity)
          .values(gebeurtenissen.map((g) => ({ id: g.id, sleutel: g.sleutel, type: g.type, subject: g.subject, data: { ...g.data } })))
          .orIgnore()
          .execute();
      }
    });
  }

  async taken(plaatsingIds: readonly string[]): Promise<ReadonlyMap<string, readonly OpgeslagenTaak[]>> {
    const per = new Map<string, OpgeslagenTaak[]>();
    if (plaatsingIds.length === 0) return per;
    const rows = await this.ds
      .getRepository(PlaatsingTaakEntity)
      .createQueryBuilder('t')
      .where('t.plaatsing_id IN (:...ids)', { ids: [...plaatsingIds] })
      .orderBy('t.vervalt', 'ASC')
      .getMany();
    for (const r of rows) {
      const lijst = per.get(r.plaatsingId) ?? [];
      lijst.push({ sleutel: r.sleutel, voor: r.voor as Wie, onderwerp: r.onderwerp as TaakOnderwerp, vervalt: r.vervalt });
      per.set(r.plaatsingId, lijst);
    }
    return per;
  }

  /** The placement's timeline, oldest first. */
  async tijdlijn(plaatsingId: string): Promise<PlaatsingGebeurtenisEntity[]> {
    return this.ds.getRepository(PlaatsingGebeurtenisEntity).find({ where: { plaatsingId }, order: { nr: 'ASC' } });
  }

  /** The outbox after sequence `na` as feed rows (the application's `PlaatsingFeed`); the business date is the event's own. */
  async gebeurtenissenNa(na: number, max: number): Promise<FeedRij[]> {
    const rows: { volgnummer: string; id: string; type: string; subject: string; data: Record<string, unknown>; tijd: Date }[] = await this.ds.query(
      `SELECT volgnummer, id, type, subject, data, tijd FROM plaatsing.outbox WHERE volgnummer > $1 ORDER BY volgnummer LIMIT $2`,
      [na, max],
    );
    return rows.map((r) => ({
      id: r.id,
      volgnummer: Number(r.volgnummer),
      type: r.type,
      subject: r.subject,
      datum: typeof r.data['datum'] === 'string' ? r.data['datum'] : r.tijd.toISOString().slice(0, 10),
      tijd: r.tijd,
      data: r.data,
    }));
  }

  /** Events not delivered yet, in order (the outbox a monitoring projection reads). */
  async openUitgaand(max = 100): Promise<PlaatsingOutboxEntity[]> {
    return this.ds
      .getRepository(PlaatsingOutboxEntity)
      .createQueryBuilder('o')
      .where('o.bezorgd_op IS NULL')
      .orderBy('o.volgnummer', 'ASC')
      .limit(max)
      .getMany();
  }
}
