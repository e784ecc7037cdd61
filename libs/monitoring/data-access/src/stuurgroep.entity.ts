import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { MONITORING_SCHEMA } from './monitoring.schema';
import { OrganisatieEntity } from './organisatie.entity';

/** Row of `monitoring.stuurgroep`. */
@Entity({ schema: MONITORING_SCHEMA, name: 'stuurgroep' })
export class StuurgroepEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  naam!: string;

  @OneToMany('StuurgroepLidEntity', (lid: StuurgroepLidEntity) => lid.stuurgroep, { cascade: ['insert'] })
  leden!: StuurgroepLidEntity[];
}

/** Row of `monitoring.stuurgroep_lid`: an organisation's seat in a stuurgroep. */
@Entity({ schema: MONITORING_SCHEMA, name: 'stuurgroep_lid' })
export class StuurgroepLidEntity {
  @PrimaryColumn({ name: 'stuurgroep_id', type: 'text' })
  stuurgroepId!: string;

  @PrimaryColumn({ name: 'organisatie_id', type: 'text' })
  organisatieId!: string;

  /** Position in the member list as registered. */
  @Column({ type: 'integer' })
  volgorde!: number;

  @ManyToOne(() => StuurgroepEntity, (s) => s.leden, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stuurgroep_id' })
  stuurgroep?: StuurgroepEntity;

  @ManyToOne(() => OrganisatieEntity, (o) => o.lidmaatschappen)
  @JoinColumn({ name: 'organisatie_id' })
  organisatie?: OrganisatieEntity;
}
