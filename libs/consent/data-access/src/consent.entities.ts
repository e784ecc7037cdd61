import type { ReleaseProfiel, Verwerkingsactiviteit } from '@ketenregie/consent-domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

// Entities name no schema: the data source's `schema` (consent in the service, a fresh one per
// test run) applies, as the platform's migrations expect.

/** Row of `register_versie`: one immutable version of the processing register. */
@Entity({ name: 'register_versie' })
export class RegisterVersieEntity {
  @PrimaryColumn({ type: 'integer' })
  versie!: number;

  @Column({ name: 'geldig_vanaf', type: 'timestamptz' })
  geldigVanaf!: Date;

  @Column({ type: 'jsonb' })
  activiteiten!: Verwerkingsactiviteit[];

  @Column({ name: 'release_profielen', type: 'jsonb' })
  releaseProfielen!: ReleaseProfiel[];

  @Column({ name: 'vastgesteld_op', type: 'timestamptz', insert: false })
  vastgesteldOp!: Date;
}

/** Row of `toestemming`: the consent and its current status (history in `toestemming_status`). */
@Entity({ name: 'toestemming' })
export class ToestemmingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'deelnemer_id', type: 'uuid' })
  deelnemerId!: string;

  @Column({ type: 'jsonb' })
  verlener!: unknown;

  @Column({ type: 'text' })
  doel!: string;

  @Column({ type: 'text', array: true })
  categorieen!: string[];

  @Column({ type: 'jsonb' })
  bronnen!: unknown;

  @Column({ type: 'jsonb' })
  ontvangers!: unknown;

  @Column({ name: 'geldig_vanaf', type: 'timestamptz' })
  geldigVanaf!: Date;

  @Column({ name: 'geldig_tot', type: 'timestamptz' })
  geldigTot!: Date;

  @Column({ type: 'jsonb' })
  bewijs!: unknown;

  @Column({ type: 'uuid', nullable: true })
  vervangt!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'integer' })
  versie!: number;
}

/** Row of `toestemming_status`: one event of a consent's status history (append-only). */
@Entity({ name: 'toestemming_status' })
export class ToestemmingStatusEntity {
  @PrimaryColumn({ name: 'toestemming_id', type: 'uuid' })
  toestemmingId!: string;

  @PrimaryColumn({ type: 'integer' })
  volgnummer!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz' })
  op!: Date;

  @Column({ type: 'text', nullable: true })
  door!: string | null;

  @Column({ type: 'text', nullable: true })
  reden!: string | null;

  @Column({ name: 'vervangen_door', type: 'uuid', nullable: true })
  vervangenDoor!: string | null;
}

/** Row of `besluit`: a decision as it was taken (append-only). */
@Entity({ name: 'besluit' })
export class BesluitEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz' })
  op!: Date;

  @Column({ name: 'deelnemer_id', type: 'uuid' })
  deelnemerId!: string;

  @Column({ name: 'bron_organisatie', type: 'text' })
  bronOrganisatie!: string;

  @Column({ name: 'bron_type', type: 'text' })
  bronType!: string;

  @Column({ name: 'ontvanger_organisatie', type: 'text' })
  ontvangerOrganisatie!: string;

  @Column({ name: 'ontvanger_type', type: 'text' })
  ontvangerType!: string;

  @Column({ type: 'text' })
  doel!: string;

  @Column({ name: 'register_versie', type: 'integer', nullable: true })
  registerVersie!: number | null;

  @Column({ name: 'activiteit_id', type: 'text', nullable: true })
  activiteitId!: string | null;

  @Column({ name: 'activiteit_versie', type: 'integer', nullable: true })
  activiteitVersie!: number | null;

  @Column({ type: 'text' })
  uitkomst!: string;

  @Column({ type: 'jsonb' })
  categorieen!: unknown;

  @Column({ type: 'uuid', array: true })
  toestemmingen!: string[];

  @Column({ name: 'trace_id', type: 'text' })
  traceId!: string;
}

/** Row of `verwerking`: one line of the hash-chained processing log (append-only). */
@Entity({ name: 'verwerking' })
export class VerwerkingEntity {
  @PrimaryColumn({ type: 'smallint' })
  keten!: number;

  @PrimaryColumn({ type: 'bigint' })
  volgnummer!: string;

  @Column({ name: 'vorige_hash', type: 'char', length: 64 })
  vorigeHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  /** The chain key the line's HMAC was made with; null for a line from before the chain was keyed (plain SHA-256). */
  @Column({ name: 'sleutel_id', type: 'text', nullable: true })
  sleutelId!: string | null;

  @Column({ name: 'trace_id', type: 'text' })
  traceId!: string;

  @Column({ name: 'span_id', type: 'text' })
  spanId!: string;

  @Column({ name: 'parent_span_id', type: 'text', nullable: true })
  parentSpanId!: string | null;

  @Column({ type: 'text' })
  handeling!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz' })
  tijdstip!: Date;

  @Column({ name: 'activiteit_id', type: 'text', nullable: true })
  activiteitId!: string | null;

  @Column({ name: 'activiteit_versie', type: 'integer', nullable: true })
  activiteitVersie!: number | null;

  @Column({ type: 'text' })
  betrokkene!: string;

  @Column({ type: 'text' })
  organisatie!: string;

  @Column({ type: 'text', nullable: true })
  ontvanger!: string | null;

  @Column({ type: 'text', nullable: true })
  doel!: string | null;

  @Column({ type: 'text', array: true })
  categorieen!: string[];

  @Column({ type: 'text', array: true })
  grondslagen!: string[];

  @Column({ type: 'uuid', array: true })
  toestemmingen!: string[];

  @Column({ name: 'geschreven_op', type: 'timestamptz', insert: false })
  geschrevenOp!: Date;
}

/** Row of `keten_kop`: the head of one processing-log chain (`id` is the chain), the appenders' lock. */
@Entity({ name: 'keten_kop' })
export class KetenKopEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'bigint' })
  volgnummer!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}

/** Row of `herinnering`: a coach's reminder that a consent expires soon. */
@Entity({ name: 'herinnering' })
export class HerinneringEntity {
  @PrimaryColumn({ name: 'toestemming_id', type: 'uuid' })
  toestemmingId!: string;

  @Column({ type: 'text' })
  coach!: string;

  @Column({ name: 'aangemaakt_op', type: 'timestamptz' })
  aangemaaktOp!: Date;
}
