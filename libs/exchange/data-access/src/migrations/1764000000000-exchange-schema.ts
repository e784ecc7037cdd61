import { sqlMigratie } from '@ketenregie/shared-platform';

/**
 * The exchange schema: overdrachten (request and projection), the sender's source data, the
 * receiver's minimal dossiers with their access log, tasks, verwijzingen, webhook subscriptions
 * and the CloudEvents outbox with one delivery row (attempts, next attempt) per subscription.
 */
export const ExchangeSchema1764000000000 = sqlMigratie('ExchangeSchema1764000000000', {
  up: (s) => [
    `
      CREATE TABLE ${s}.overdracht (
        id uuid PRIMARY KEY,
        deelnemer_id uuid NOT NULL,
        traject_id text,
        zender jsonb NOT NULL,
        zender_organisatie text NOT NULL,
        ontvanger jsonb NOT NULL,
        ontvanger_organisatie text NOT NULL,
        regievoerder text NOT NULL,
        reden text NOT NULL,
        over_te_nemen text[] NOT NULL,
        voorgesteld_eerste_gesprek date,
        status text NOT NULL,
        termijn jsonb,
        afwijzingen jsonb NOT NULL DEFAULT '[]',
        driegesprek date,
        aangevraagd_op timestamptz NOT NULL DEFAULT clock_timestamp(),
        bijgewerkt_op timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
    `CREATE INDEX overdracht_zender_idx ON ${s}.overdracht (zender_organisatie)`,
    `CREATE INDEX overdracht_ontvanger_idx ON ${s}.overdracht (ontvanger_organisatie)`,
    `CREATE TABLE ${s}.overdracht_bron (overdracht_id uuid PRIMARY KEY REFERENCES ${s}.overdracht (id), gegevens jsonb NOT NULL)`,
    `
      CREATE TABLE ${s}.dossier (
        overdracht_id uuid PRIMARY KEY REFERENCES ${s}.overdracht (id),
        sleutel text NOT NULL,
        besluit_id uuid NOT NULL,
        categorieen jsonb NOT NULL,
        geleverd_op timestamptz NOT NULL DEFAULT clock_timestamp(),
        ingetrokken_op timestamptz,
        intrekking_reden text
      )`,
    `
      CREATE TABLE ${s}.dossier_inzage (
        id bigserial PRIMARY KEY,
        overdracht_id uuid NOT NULL REFERENCES ${s}.overdracht (id),
        organisatie text NOT NULL,
        sub text NOT NULL,
        uitkomst text NOT NULL CHECK (uitkomst IN ('toegestaan', 'geweigerd')),
        reden text,
        trace_id text NOT NULL,
        op timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
    `
      CREATE TABLE ${s}.taak (
        sleutel text PRIMARY KEY,
        overdracht_id uuid NOT NULL REFERENCES ${s}.overdracht (id),
        organisatie text NOT NULL,
        voor text NOT NULL,
        soort text NOT NULL,
        vervalt date,
        aangemaakt_op timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
    `CREATE INDEX taak_organisatie_idx ON ${s}.taak (organisatie)`,
    `
      CREATE TABLE ${s}.verwijzing (
        id uuid PRIMARY KEY,
        deelnemer_id uuid NOT NULL,
        soort text NOT NULL,
        zender jsonb NOT NULL,
        zender_organisatie text NOT NULL,
        ontvanger jsonb NOT NULL,
        ontvanger_organisatie text NOT NULL,
        reden text NOT NULL,
        detail_terugkoppeling boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('aangemeld', 'geaccepteerd', 'afgewezen', 'gestart', 'beeindigd')),
        eindreden text,
        afwijzing_reden text,
        aangemeld_op timestamptz NOT NULL DEFAULT clock_timestamp(),
        bijgewerkt_op timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (status <> 'beeindigd' OR eindreden IS NOT NULL)
      )`,
    `
      CREATE TABLE ${s}.abonnement (
        id uuid PRIMARY KEY,
        organisatie text NOT NULL,
        url text NOT NULL,
        types text[],
        UNIQUE (organisatie, url)
      )`,
    `
      CREATE TABLE ${s}.outbox (
        id uuid PRIMARY KEY,
        sleutel text NOT NULL UNIQUE,
        volgnummer bigserial NOT NULL UNIQUE,
        type text NOT NULL,
        subject text NOT NULL,
        dataref text NOT NULL,
        data jsonb NOT NULL,
        ontvangers text[] NOT NULL,
        tijd timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
    `
      CREATE TABLE ${s}.outbox_aflevering (
        event_id uuid NOT NULL REFERENCES ${s}.outbox (id),
        abonnement_id uuid NOT NULL REFERENCES ${s}.abonnement (id),
        pogingen integer NOT NULL DEFAULT 0,
        volgende_poging timestamptz NOT NULL DEFAULT clock_timestamp(),
        afgeleverd_op timestamptz,
        laatste_fout text,
        PRIMARY KEY (event_id, abonnement_id)
      )`,
    `CREATE INDEX outbox_aflevering_due_idx ON ${s}.outbox_aflevering (volgende_poging) WHERE afgeleverd_op IS NULL`,
  ],
  down: (s) =>
    ['outbox_aflevering', 'outbox', 'abonnement', 'verwijzing', 'taak', 'dossier_inzage', 'dossier', 'overdracht_bron', 'overdracht'].map(
      (t) => `DROP TABLE ${s}.${t}`,
    ),
});
