import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { MONITORING_SCHEMA } from './monitoring.schema';
import type { StuurgroepLidEntity } from './stuurgroep.entity';

/** Row of `monitoring.organisatie`. */
@Entity({ schema: MONITORING_SCHEMA, name: 'organisatie' })
export class OrganisatieEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  naam!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'geregistreerd_op', type: 'timestamptz', default: () => 'now()' })
  geregistreerdOp!: Date;

  @OneToMany('StuurgroepLidEntity', (lid: StuurgroepLidEntity) => lid.organisatie)
  lidmaatschappen?: StuurgroepLidEntity[];
}
