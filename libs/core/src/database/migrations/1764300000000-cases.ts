import { MigrationInterface, QueryRunner } from 'typeorm';

const CASE_STATUSES = `'registered','missing','captivity_confirmed','exchange_listed','returned','deceased','closed'`;

/** Inquiries, cases (one per person), their history, notes and name keys, and the outbox. */
export class Cases1764300000000 implements MigrationInterface {
  name = 'Cases1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE inquiry_reference_seq`);
    await q.query(`CREATE SEQUENCE case_reference_seq`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'registered' CHECK (status IN (${CASE_STATUSES})),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        assignee_id uuid NULL REFERENCES users (id),
        category text NOT NULL CHECK (category IN ('military', 'civilian')),
        surname text NOT NULL CHECK (char_length(surname) BETWEEN 1 AND 100),
        given_name text NOT NULL CHECK (char_length(given_name) BETWEEN 1 AND 100),
        patronymic text NULL CHECK (char_length(patronymic) <= 100),
        latin_name text NULL CHECK (char_length(latin_name) <= 200),
        date_of_birth date NULL,
        military_unit text NULL,
        rank text NULL,
        service_number text NULL,
        disappearance_date date NULL,
        disappearance_place text NULL,
        circumstances text NULL,
        merged_into_id uuid NULL REFERENCES cases (id),
        last_family_news_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (category = 'military' OR (military_unit IS NULL AND rank IS NULL AND service_number IS NULL)),
        CHECK (merged_into_id IS NULL OR status = 'closed')
      )`);
    await q.query(`CREATE INDEX cases_updated ON cases (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_status_updated ON cases (status, updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_assignee_updated ON cases (assignee_id, updated_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX cases_unassigned_updated ON cases (updated_at DESC, id DESC) WHERE assignee_id IS NULL`,
    );
    await q.query(`CREATE INDEX cases_service_number ON cases (service_number) WHERE service_number IS NOT NULL`);
    await q.query(`
      CREATE INDEX cases_open_by_assignee ON cases (assignee_id) INCLUDE (status, updated_at, created_at, last_family_news_at)
      WHERE status NOT IN ('closed')`);

    // Name search: each case's word keys and the pairs of them, looked up exactly (see docs/decisions.md).
    await q.query(`
      CREATE TABLE case_name_keys (
        key text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        PRIMARY KEY (key, case_id)
      )`);
    await q.query(`CREATE INDEX case_name_keys_case ON case_name_keys (case_id)`);
    // The distinct name words (a few thousand rows): typo correction by trigram distance.
    await q.query(`
      CREATE TABLE name_words (
        word text PRIMARY KEY,
        canonical text NOT NULL
      )`);
    await q.query(`CREATE INDEX name_words_trgm ON name_words USING gist (word gist_trgm_ops)`);

    await q.query(`
      CREATE TABLE inquiries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        owner_id uuid NOT NULL REFERENCES users (id),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'in_review', 'linked', 'rejected', 'withdrawn')),
        case_id uuid NULL REFERENCES cases (id),
        category text NOT NULL CHECK (category IN ('military', 'civilian')),
        surname text NOT NULL,
        given_name text NOT NULL,
        patronymic text NULL,
        latin_name text NULL,
        date_of_birth date NULL,
        military_unit text NULL,
        rank text NULL,
        service_number text NULL,
        disappearance_date date NULL,
        disappearance_place text NULL,
        circumstances text NULL,
        relationship text NOT NULL CHECK (relationship IN ('mother', 'father', 'spouse', 'child', 'sibling', 'other')),
        notify_email boolean NOT NULL DEFAULT false,
        notify_sms boolean NOT NULL DEFAULT false,
        consent_at timestamptz NOT NULL,
        kinship text NOT NULL DEFAULT 'unverified' CHECK (kinship IN ('unverified', 'verified')),
        kinship_method text NULL CHECK (kinship_method IN ('document_seen', 'call_back', 'known_family')),
        kinship_verified_at timestamptz NULL,
        kinship_verified_by uuid NULL REFERENCES users (id),
        rejection_reason text NULL,
        withdrawal_reason text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'linked') = (case_id IS NOT NULL) OR status = 'withdrawn'),
        CHECK ((kinship = 'verified') = (kinship_method IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX inquiries_owner ON inquiries (owner_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX inquiries_status ON inquiries (status, created_at, id)`);
    await q.query(`CREATE INDEX inquiries_created ON inquiries (created_at, id)`);
    await q.query(`CREATE INDEX inquiries_case ON inquiries (case_id) WHERE case_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE inquiry_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        inquiry_id uuid NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('received', 'in_review', 'linked', 'rejected', 'withdrawn', 'kinship_verified')),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid NULL REFERENCES users (id),
        text text NULL
      )`);
    await q.query(`CREATE INDEX inquiry_events_inquiry ON inquiry_events (inquiry_id, at, id)`);

    await q.query(`
      CREATE TABLE case_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid NULL REFERENCES users (id),
        action text NOT NULL CHECK (action IN ('created', 'status', 'assigned', 'updated', 'merged_in', 'merged_away', 'inquiry_linked')),
        from_status text NULL,
        to_status text NULL,
        reason text NULL,
        evidence_source text NULL,
        details jsonb NULL,
        original_case_id uuid NULL
      )`);
    await q.query(`CREATE INDEX case_history_case ON case_history (case_id, at, id)`);

    await q.query(`
      CREATE TABLE case_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        author_id uuid NOT NULL REFERENCES users (id),
        visibility text NOT NULL CHECK (visibility IN ('internal', 'shared')),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        original_case_id uuid NULL
      )`);
    await q.query(`CREATE INDEX case_notes_case ON case_notes (case_id, created_at, id)`);

    // Transactional outbox: written in the same transaction as the change that causes a message.
    await q.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL,
        request_id text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX outbox_events_pending ON outbox_events (created_at, id) WHERE dispatched_at IS NULL`);
    await q.query(
      `CREATE INDEX outbox_events_dispatched ON outbox_events (dispatched_at) WHERE dispatched_at IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_events', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_events`);
    await q.query(`DROP FUNCTION outbox_notify()`);
    await q.query(`DROP TABLE case_notes`);
    await q.query(`DROP TABLE case_history`);
    await q.query(`DROP TABLE inquiry_events`);
    await q.query(`DROP TABLE inquiries`);
    await q.query(`DROP TABLE name_words`);
    await q.query(`DROP TABLE case_name_keys`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP SEQUENCE case_reference_seq`);
    await q.query(`DROP SEQUENCE inquiry_reference_seq`);
  }
}
