import type { PlaatsingUitkomstVerwerken } from '@ketenregie/plaatsing-contracts';
import {
  plaatsingError,
  type Ondersteuning,
  type PlaatsingOverzicht,
  type Vacature,
  type VacatureStatus,
  type Werkgever,
  type Werkgeversweergave,
} from '@ketenregie/plaatsing-domain';
import type { FeedRij } from '@ketenregie/shared-kernel';
import { type DataSource, QueryFailedError } from 'typeorm';
import { PlaatsingEntity, PlaatsingGebeurtenisEntity, PlaatsingOutboxEntity, PlaatsingTaakEntity, VacatureEntity, WerkgeverEntity } from './plaatsing.entities';

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

/** The application's `WerkgeverRepository` over `plaatsing.werkgever`. */
export class TypeOrmWerkgeverRepository {
  constructor(private readonly ds: DataSource) {}

  async vind(organisatieId: string): Promise<Werkgever | undefined> {
    const row = await this.ds.getRepository(WerkgeverEntity).findOneBy({ organisatieId });
    if (!row) return undefined;
    return { organisatieId: row.organisatieId, contactpersoon: row.contactpersoon, ...(row.plaatsvervanger ? { plaatsvervanger: row.plaatsvervanger } : {}) };
  }

  async bewaar(w: Werkgever): Promise<void> {
    await this.ds
      .getRepository(WerkgeverEntity)
      .upsert({ organisatieId: w.organisatieId, contactpersoon: w.contactpersoon, plaatsvervanger: w.plaatsvervanger ?? null, bijgewerktOp: new Date() }, [
        'organisatieId',
      ]);
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

const naarRecord = (r: PlaatsingEntity): PlaatsingRecord => ({
  overzicht: r.overzicht,
  kandidaat: r.kandidaat,
  ...(r.besluitId ? { besluitId: r.besluitId } : {}),
});

/** The application's `PlaatsingRepository` over `plaatsing.plaatsing`, its timeline, tasks and outbox. */
export class TypeOrmPlaatsingRepository {
  constructor(private readonly ds: DataSource) {}

  async voegToe(r: PlaatsingRecord): Promise<void> {
    const o = r.overzicht;
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
        overzicht: o,
        kandidaat: r.kandidaat,
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
    return row ? naarRecord(row) : undefined;
  }

  async zoek(f: { readonly organisatie: string; readonly professional: string }): Promise<PlaatsingRecord[]> {
    const rows = await this.ds
      .getRepository(PlaatsingEntity)
      .createQueryBuilder('p')
      .where('p.werkgever_id = :org OR p.coach_organisatie = :org OR p.regievoerder_organisatie = :org', { org: f.organisatie })
      .orWhere('(p.jobcoach_organisatie = :org AND p.jobcoach_professional = :prof)', { org: f.organisatie, prof: f.professional })
      .orderBy('p.aangemaakt_op', 'ASC')
      .getMany();
    return rows.map(naarRecord);
  }

  async vanWerkgever(werkgeverId: string): Promise<PlaatsingRecord[]> {
    return (await this.ds.getRepository(PlaatsingEntity).find({ where: { werkgeverId }, order: { aangemaaktOp: 'ASC' } })).map(naarRecord);
  }

  async verwerk(u: PlaatsingUitkomstVerwerken, gebeurtenissen: readonly UitgaandeGebeurtenis[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .update(PlaatsingEntity)
        .set({ overzicht: u.overzicht, fase: u.overzicht.fase, versie: u.overzicht.versie, werkgeverId: u.overzicht.werkgever.organisatieId })
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
