import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import type { ConvenantPartij, IndicatorDoel } from '@ketenregie/monitoring-domain';
import { MONITORING_SCHEMA } from './monitoring.schema';

/** Row of `monitoring.convenant`: the convenant of a stuurgroep; its content lives in its versions. */
@Entity({ schema: MONITORING_SCHEMA, name: 'convenant' })
export class ConvenantEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'stuurgroep_id', type: 'text' })
  stuurgroepId!: string;

  @CreateDateColumn({ name: 'aangemaakt_op', type: 'timestamptz' })
  aangemaaktOp!: Date;

  @OneToMany('ConvenantVersieEntity', (v: ConvenantVersieEntity) => v.convenant)
  versies?: ConvenantVersieEntity[];
}

/** Row of `monitoring.convenant_versie`: one version of a convenant, never changed once written. */
@Entity({ schema: MONITORING_SCHEMA, name: 'convenant_versie' })
export class ConvenantVersieEntity {
  @PrimaryColumn({ name: 'convenant_id', type: 'uuid' })
  convenantId!: string;

  @PrimaryColumn({ type: 'integer' })
  versie!: number;

  @Column({ type: 'date' })
  ingangsdatum!: string;

  @Column({ type: 'text' })
  naam!: string;

  @Column({ type: 'date' })
  startdatum!: string;

  @Column({ type: 'date' })
  einddatum!: string;

  @Column({ type: 'jsonb' })
  partijen!: ConvenantPartij[];

  @Column({ type: 'jsonb' })
  doelen!: IndicatorDoel[];

  @Column({ name: 'vastgesteld_door', type: 'text' })
  vastgesteldDoor!: string;

  @CreateDateColumn({ name: 'vastgesteld_op', type: 'timestamptz' })
  vastgesteldOp!: Date;

  @ManyToOne(() => ConvenantEntity, (c) => c.versies)
  @JoinColumn({ name: 'convenant_id' })
  convenant?: ConvenantEntity;
}
