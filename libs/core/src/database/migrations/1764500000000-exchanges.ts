import { MigrationInterface, QueryRunner } from 'typeorm';

const OUTCOMES = `'returned', 'listed_not_returned', 'remains_repatriated'`;

/** Schema for exchange events, case links and return-list batches. */
export class Exchanges1764500000000 implements MigrationInterface {
  name = 'Exchanges1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // The announced totals are the official figures; they need not equal the cases linked here.
    await q.query(`
      CREATE TABLE exchange_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL CHECK (date >= '1991-08-24'),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        mediator text NULL CHECK (char_length(mediator) BETWEEN 1 AND 200),
        announced_military integer NOT NULL DEFAULT 0 CHECK (announced_military BETWEEN 0 AND 100000),
        announced_civilian integer NOT NULL DEFAULT 0 CHECK (announced_civilian BETWEEN 0 AND 100000),
        announced_bodies integer NOT NULL DEFAULT 0 CHECK (announced_bodies BETWEEN 0 AND 100000),
        notes text NULL CHECK (char_length(notes) <= 4000),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_by uuid NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX exchange_events_date ON exchange_events (date DESC, id DESC)`);

    // A return list as uploaded, with the matching answer of each row, kept for review by several people.
    await q.query(`
      CREATE TABLE exchange_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        exchange_id uuid NOT NULL REFERENCES exchange_events (id),
        source text NOT NULL CHECK (source IN ('json', 'csv')),
        row_count integer NOT NULL CHECK (row_count BETWEEN 1 AND 2000),
        confident integer NOT NULL CHECK (confident >= 0),
        ambiguous integer NOT NULL CHECK (ambiguous >= 0),
        unmatched integer NOT NULL CHECK (unmatched >= 0),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_confirmed_at timestamptz NULL,
        CHECK (confident + ambiguous + unmatched = row_count)
      )`);
    await q.query(`CREATE INDEX exchange_batches_exchange ON exchange_batches (exchange_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE exchange_batch_rows (
        batch_id uuid NOT NULL REFERENCES exchange_batches (id) ON DELETE CASCADE,
        row_number integer NOT NULL CHECK (row_number BETWEEN 1 AND 2000),
        input jsonb NOT NULL,
        classification text NOT NULL CHECK (classification IN ('confident', 'ambiguous', 'none')),
        note text NOT NULL,
        candidates jsonb NOT NULL CHECK (jsonb_typeof(candidates) = 'array'),
        applied_case_id uuid NULL REFERENCES cases (id),
        applied_outcome text NULL CHECK (applied_outcome IN (${OUTCOMES})),
        applied_by uuid NULL REFERENCES users (id),
        applied_at timestamptz NULL,
        PRIMARY KEY (batch_id, row_number),
        CHECK ((applied_case_id IS NULL) = (applied_outcome IS NULL) AND (applied_case_id IS NULL) = (applied_at IS NULL))
      )`);
    // One case is applied at most once per batch.
    await q.query(
      `CREATE UNIQUE INDEX exchange_batch_rows_applied_case ON exchange_batch_rows (batch_id, applied_case_id)
        WHERE applied_case_id IS NOT NULL`,
    );

    // One outcome per (exchange, case).
    await q.query(`
      CREATE TABLE exchange_case_links (
        exchange_id uuid NOT NULL REFERENCES exchange_events (id),
        case_id uuid NOT NULL REFERENCES cases (id),
        outcome text NOT NULL CHECK (outcome IN (${OUTCOMES})),
        linked_by uuid NULL REFERENCES users (id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        batch_id uuid NULL,
        batch_row integer NULL,
        original_case_id uuid NULL REFERENCES cases (id),
        PRIMARY KEY (exchange_id, case_id),
        FOREIGN KEY (batch_id, batch_row) REFERENCES exchange_batch_rows (batch_id, row_number),
        CHECK ((batch_id IS NULL) = (batch_row IS NULL))
      )`);
    await q.query(`CREATE INDEX exchange_case_links_case ON exchange_case_links (case_id)`);
    // Return-list matching looks every row's service number up case-insensitively
    // (CasesRepository.idsByServiceNumber): without this a 1,000-row list scans the cases table hundreds of times.
    await q.query(
      `CREATE INDEX cases_service_number_upper ON cases (upper(service_number)) WHERE service_number IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX exchange_case_links_page ON exchange_case_links (exchange_id, linked_at DESC, case_id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_service_number_upper`);
    await q.query(`DROP TABLE exchange_case_links`);
    await q.query(`DROP TABLE exchange_batch_rows`);
    await q.query(`DROP TABLE exchange_batches`);
    await q.query(`DROP TABLE exchange_events`);
  }
}
