import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { TrajectStand } from '@ketenregie/monitoring-domain';
import { MONITORING_SCHEMA } from './monitoring.schema';

/** Row of `monitoring.feit`: a fact received from a context's feed, once per CloudEvent id. */
@Entity({ schema: MONITORING_SCHEMA, name: 'feit' })
export class FeitEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  nr!: string;

  @Column({ type: 'uuid', unique: true })
  id!: string;

  @Column({ type: 'text' })
  soort!: string;

  @Column({ type: 'text' })
  onderwerp!: string;

  @Column({ type: 'date' })
  datum!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'ontvangen_op', type: 'timestamptz', default: () => 'now()' })
  ontvangenOp!: Date;
}

/** Row of `monitoring.traject_stand`: the projection of one traject (rebuilt from `feit`). */
@Entity({ schema: MONITORING_SCHEMA, name: 'traject_stand' })
export class TrajectStandEntity {
  @PrimaryColumn({ name: 'traject_id', type: 'text' })
  trajectId!: string;

  @Column({ type: 'jsonb' })
  stand!: TrajectStand;
}

/** Row of `monitoring.feed_positie`: the last sequence number of a feed that was processed. */
@Entity({ schema: MONITORING_SCHEMA, name: 'feed_positie' })
export class FeedPositieEntity {
  @PrimaryColumn({ type: 'text' })
  bron!: string;

  @Column({ type: 'bigint' })
  laatste!: string;
}
