import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Outcome } from '../exchange-outcome';
import { Classification, ClassificationNote, ScoredCandidate } from './classification';

export interface BatchRow {
  id: string;
  exchange_id: string;
  source: 'json' | 'csv';
  row_count: number;
  confident: number;
  ambiguous: number;
  unmatched: number;
  applied: number;
  created_by: string;
  created_at: Date;
  cursor_at: string;
  last_confirmed_at: Date | null;
}

export interface StoredRow {
  row_number: number;
  input: Record<string, string>;
  classification: Classification;
  note: ClassificationNote;
  candidates: ScoredCandidate[];
  applied_case_id: string | null;
  applied_outcome: Outcome | null;
  applied_at: Date | null;
  applied_by: string | null;
}

export interface NewBatchRow {
  row: number;
  input: Record<string, string>;
  classification: Classification;
  note: ClassificationNote;
  candidates: ScoredCandidate[];
}

export interface RowFilter {
  classification?: Classification;
  applied?: boolean;
}

const BATCH_COLUMNS = `b.id, b.exchange_id, b.source, b.row_count, b.confident, b.ambiguous, b.unmatched,
  (SELECT count(*)::int FROM exchange_batch_rows r WHERE r.batch_id = b.id AND r.applied_case_id IS NOT NULL) AS applied,
  b.created_by, b.created_at, b.created_at::text AS cursor_at, b.last_confirmed_at`;
const ROW_COLUMNS = `row_number, input, classification, note, candidates, applied_case_id, applied_outcome, applied_at, applied_by`;

/** Every SQL statement of return-list batches and their rows. */
@Injectable()
export class BatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Stores a batch and all its rows (two statements). */
  async insert(
    m: EntityManager,
    batch: { exchangeId: string; source: 'json' | 'csv'; createdBy: string },
    rows: NewBatchRow[],
  ): Promise<{ id: string; created_at: Date }> {
    const count = (c: Classification): number => rows.filter((r) => r.classification === c).length;
    const inserted: { id: string; created_at: Date }[] = await m.query(
      `INSERT INTO exchange_batches (exchange_id, source, row_count, confident, ambiguous, unmatched, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
      [
        batch.exchangeId,
        batch.source,
        rows.length,
        count('confident'),
        count('ambiguous'),
        count('none'),
        batch.createdBy,
      ],
    );
    await m.query(
      `INSERT INTO exchange_batch_rows (batch_id, row_number, input, classification, note, candidates)
       SELECT $1, * FROM unnest($2::int[], $3::jsonb[], $4::text[], $5::text[], $6::jsonb[])`,
      [
        inserted[0].id,
        rows.map((r) => r.row),
        rows.map((r) => JSON.stringify(r.input)),
        rows.map((r) => r.classification),
        rows.map((r) => r.note),
        rows.map((r) => JSON.stringify(r.candidates)),
      ],
    );
    return inserted[0];
  }

  async find(exchangeId: string, batchId: string): Promise<BatchRow | null> {
    const rows: BatchRow[] = await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} FROM exchange_batches b WHERE b.id = $1 AND b.exchange_id = $2`,
      [batchId, exchangeId],
    );
    return rows[0] ?? null;
  }

  /** Locks the batch: confirmations of one batch run one after the other. */
  async lock(m: EntityManager, exchangeId: string, batchId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM exchange_batches WHERE id = $1 AND exchange_id = $2 FOR UPDATE`,
      [batchId, exchangeId],
    );
    return rows.length > 0;
  }

  /** Newest first; keyset on (created_at, id). */
  async listPage(exchangeId: string, after: [string, string] | null, limit: number): Promise<BatchRow[]> {
    return this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} FROM exchange_batches b
        WHERE b.exchange_id = $1 AND ($2::timestamptz IS NULL OR (b.created_at, b.id) < ($2::timestamptz, $3::uuid))
        ORDER BY b.created_at DESC, b.id DESC LIMIT $4`,
      [exchangeId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }

  async rows(m: EntityManager, batchId: string, numbers: number[]): Promise<StoredRow[]> {
    return m.query(
      `SELECT ${ROW_COLUMNS} FROM exchange_batch_rows WHERE batch_id = $1 AND row_number = ANY($2::int[])`,
      [batchId, numbers],
    );
  }

  /** The cases already applied in the batch, with their row. */
  async appliedCases(m: EntityManager, batchId: string): Promise<Map<string, number>> {
    const rows: { applied_case_id: string; row_number: number }[] = await m.query(
      `SELECT applied_case_id, row_number FROM exchange_batch_rows WHERE batch_id = $1 AND applied_case_id IS NOT NULL`,
      [batchId],
    );
    return new Map(rows.map((r) => [r.applied_case_id, r.row_number]));
  }

  async markApplied(
    m: EntityManager,
    batchId: string,
    applied: { row: number; caseId: string; outcome: Outcome }[],
    userId: string,
  ): Promise<void> {
    if (applied.length === 0) return;
    await m.query(
      `UPDATE exchange_batch_rows r SET applied_case_id = a.case_id, applied_outcome = a.outcome, applied_by = $5,
              applied_at = now()
         FROM unnest($2::int[], $3::uuid[], $4::text[]) AS a(row_number, case_id, outcome)
        WHERE r.batch_id = $1 AND r.row_number = a.row_number AND r.applied_case_id IS NULL`,
      [batchId, applied.map((a) => a.row), applied.map((a) => a.caseId), applied.map((a) => a.outcome), userId],
    );
    await m.query(`UPDATE exchange_batches SET last_confirmed_at = now() WHERE id = $1`, [batchId]);
  }

  /** A page of rows in list order, optionally only one classification or only (un)applied rows. */
  async rowsPage(batchId: string, filter: RowFilter, afterRow: number | null, limit: number): Promise<StoredRow[]> {
    return this.dataSource.query(
      `SELECT ${ROW_COLUMNS} FROM exchange_batch_rows
        WHERE batch_id = $1 AND ($2::text IS NULL OR classification = $2)
          AND ($3::boolean IS NULL OR (applied_case_id IS NOT NULL) = $3)
          AND ($4::int IS NULL OR row_number > $4)
        ORDER BY row_number LIMIT $5`,
      [batchId, filter.classification ?? null, filter.applied ?? null, afterRow, limit + 1],
    );
  }

  /** Rows of the batch that no confirmation has given a case yet (people no one may have asked about). */
  async unappliedRows(m: EntityManager, batchId: string): Promise<Pick<StoredRow, 'row_number' | 'classification'>[]> {
    return m.query(
      `SELECT row_number, classification FROM exchange_batch_rows
        WHERE batch_id = $1 AND applied_case_id IS NULL ORDER BY row_number`,
      [batchId],
    );
  }
}
