import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PlaatsingOverzicht } from '@ketenregie/plaatsing-domain';

/** The PostgreSQL schema owned by plaatsing-service (and the worker's plaatsing activities). */
export const PLAATSING_SCHEMA = 'plaatsing';

/** A placement's overview as stored in the clear: the employer without its contact persons (those are encrypted). */
export type OpgeslagenOverzicht = Omit<PlaatsingOverzicht, 'werkgever'> & { readonly werkgever: { readonly organisatieId: string } };

/** Row of `plaatsing.werkgever`: an employer's contact person and named deputy, encrypted under the key store's system key. */
@Entity({ schema: PLAATSING_SCHEMA, name: 'werkgever' })
export class WerkgeverEntity {
  @PrimaryColumn({ name: 'organisatie_id', type: 'text' })
  organisatieId!: string;

  @Column({ name: 'contact_versleuteld', type: 'bytea' })
  contactVersleuteld!: Buffer;

  @Column({ name: 'bijgewerkt_op', type: 'timestamptz', default: () => 'now()' })
  bijgewerktOp!: Date;
}

/** Row of `plaatsing.vacature` (no personal data). */
@Entity({ schema: PLAATSING_SCHEMA, name: 'vacature' })
export class VacatureEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'werkgever_id', type: 'text' })
  werkgeverId!: string;

  @Column({ type: 'text' })
  titel!: string;

  @Column({ name: 'uren_per_week', type: 'integer' })
  urenPerWeek!: number;

  @Column({ type: 'jsonb' })
  taken!: string[];

  @Column({ type: 'jsonb' })
  competenties!: string[];

  @Column({ type: 'jsonb' })
  ondersteuning!: string[];

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'aangemaakt_op', type: 'timestamptz', default: () => 'now()' })
  aangemaaktOp!: Date;
}

/**
 * Row of `plaatsing.plaatsing`: the read model of one placement (`overzicht`, written by the
 * workflow's activity, without the employer's contact persons) with the access facts as columns,
 * what the employer may see of the deelnemer (`kandidaat_versleuteld`: only the categories the
 * consent decision released, under the deelnemer's own key) and the employer's contact persons
 * for this placement (`contact_versleuteld`, under the system key).
 */
@Entity({ schema: PLAATSING_SCHEMA, name: 'plaatsing' })
export class PlaatsingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'vacature_id', type: 'uuid' })
  vacatureId!: string;

  @Column({ name: 'werkgever_id', type: 'text' })
  werkgeverId!: string;

  @Column({ name: 'deelnemer_id', type: 'uuid' })
  deelnemerId!: string;

  @Column({ name: 'coach_organisatie', type: 'text' })
  coachOrganisatie!: string;

  @Column({ name: 'regievoerder_organisatie', type: 'text' })
  regievoerderOrganisatie!: string;

  @Column({ name: 'jobcoach_organisatie', type: 'text' })
  jobcoachOrganisatie!: string;

  @Column({ name: 'jobcoach_professional', type: 'text' })
  jobcoachProfessional!: string;

  @Column({ type: 'text' })
  fase!: string;

  @Column({ type: 'integer' })
  versie!: number;

  @Column({ type: 'jsonb' })
  overzicht!: OpgeslagenOverzicht;

  @Column({ name: 'kandidaat_versleuteld', type: 'bytea' })
  kandidaatVersleuteld!: Buffer;

  @Column({ name: 'contact_versleuteld', type: 'bytea' })
  contactVersleuteld!: Buffer;

  @Column({ name: 'besluit_id', type: 'uuid', nullable: true })
  besluitId!: string | null;

  @Column({ name: 'aangemaakt_op', type: 'timestamptz', default: () => 'now()' })
  aangemaaktOp!: Date;
}

/** Row of `plaatsing.gebeurtenis`: the placement's timeline (coded, no personal data). */
@Entity({ schema: PLAATSING_SCHEMA, name: 'gebeurtenis' })
export class PlaatsingGebeurtenisEntity {
  @PrimaryColumn({ name: 'plaatsing_id', type: 'uuid' })
  plaatsingId!: string;

  @PrimaryColumn({ type: 'integer' })
  nr!: number;

  @Column({ type: 'date' })
  datum!: string;

  @Column({ type: 'text' })
  soort!: string;

  @Column({ type: 'jsonb' })
  gegevens!: Record<string, string | number | boolean>;
}

/** Row of `plaatsing.taak`: a task the placement put on a list, once per `sleutel`. */
@Entity({ schema: PLAATSING_SCHEMA, name: 'taak' })
export class PlaatsingTaakEntity {
  @PrimaryColumn({ type: 'text' })
  sleutel!: string;

  @Column({ name: 'plaatsing_id', type: 'uuid' })
  plaatsingId!: string;

  @Column({ type: 'text' })
  voor!: string;

  @Column({ type: 'text' })
  onderwerp!: string;

  @Column({ type: 'date' })
  vervalt!: string;
}

/** Row of `plaatsing.outbox`: a CloudEvent written in the transaction of the outcome that caused it. */
@Entity({ schema: PLAATSING_SCHEMA, name: 'outbox' })
export class PlaatsingOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  volgnummer!: string;

  @Column({ type: 'uuid', unique: true })
  id!: string;

  @Column({ type: 'text', unique: true })
  sleutel!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, string | number | boolean>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  tijd!: Date;

  @Column({ name: 'bezorgd_op', type: 'timestamptz', nullable: true })
  bezorgdOp!: Date | null;
}
