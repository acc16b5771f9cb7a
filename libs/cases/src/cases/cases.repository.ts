import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PersonRecord } from '../person.dto';
import { PersonColumns, personValues } from '../person-record';
import { IndexedWord } from '../search/name-keys';
import { CaseStatus } from '../status/case-status';

export interface CaseRow extends PersonColumns {
  id: string;
  reference: string;
  status: CaseStatus;
  version: number;
  assignee_id: string | null;
  merged_into_id: string | null;
  last_family_news_at: Date;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export interface HistoryRow {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  evidence_source: string | null;
  details: Record<string, unknown> | null;
  original_case_id: string | null;
}

export interface NoteRow {
  id: string;
  author_id: string;
  visibility: 'internal' | 'shared';
  body: string;
  created_at: Date;
  original_case_id: string | null;
}

export interface HistoryEntry {
  caseId: string;
  actorId: string | null;
  action: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  evidenceSource?: string | null;
  details?: Record<string, unknown> | null;
}

export interface CaseListFilter {
  statuses?: CaseStatus[];
  assigneeId?: string;
  unassigned?: boolean;
  category?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

/** Every column of a case as services read it (dates as YYYY-MM-DD text). */
export const CASE_COLUMNS = `c.id, c.reference, c.status, c.version, c.assignee_id, c.category, c.surname, c.given_name, c.patronymic,
  c.latin_name, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, c.military_unit, c.rank, c.service_number,
  to_char(c.disappearance_date, 'YYYY-MM-DD') AS disappearance_date, c.disappearance_place, c.circumstances,
  c.merged_into_id, c.last_family_news_at, c.created_at, c.updated_at, c.updated_at::text AS cursor_at`;

/** What a list or a search shows of a case: no free text, no clock but the last change. */
export type CaseSummaryRow = Pick<
  CaseRow,
  | 'id'
  | 'reference'
  | 'status'
  | 'version'
  | 'assignee_id'
  | 'category'
  | 'surname'
  | 'given_name'
  | 'patronymic'
  | 'latin_name'
  | 'date_of_birth'
  | 'military_unit'
  | 'rank'
  | 'service_number'
  | 'merged_into_id'
  | 'updated_at'
>;

export const CASE_SUMMARY_COLUMNS = `c.id, c.reference, c.status, c.version, c.assignee_id, c.category, c.surname, c.given_name,
  c.patronymic, c.latin_name, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, c.military_unit, c.rank,
  c.service_number, c.merged_into_id, c.updated_at`;

/** Every SQL statement of the cases context's cases. */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(m: EntityManager, p: PersonRecord, assigneeId: string | null): Promise<CaseRow> {
    const rows: CaseRow[] = await m.query(
      `WITH c AS (
         INSERT INTO cases (reference, assignee_id, category, surname, given_name, patronymic, latin_name, date_of_birth,
           military_unit, rank, service_number, disappearance_date, disappearance_place, circumstances)
         VALUES ('CASE-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
           $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING *)
       SELECT ${CASE_COLUMNS} FROM c`,
      [assigneeId, ...personValues(p)],
    );
    return rows[0];
  }

  async findById(id: string, m: EntityManager = this.dataSource.manager): Promise<CaseRow | null> {
    const rows: CaseRow[] = await m.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findForUpdate(m: EntityManager, id: string): Promise<CaseRow | null> {
    const rows: CaseRow[] = await m.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Locks many cases in id order (two bulk changes over the same cases cannot deadlock). */
  async findManyForUpdate(m: EntityManager, ids: string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    return m.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE`, [ids]);
  }

  async findManyByIds(ids: string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  /** Keyset page ordered by last change (newest first by default). */
  async listPage(
    filter: CaseListFilter,
    order: 'desc' | 'asc',
    after: [string, string] | null,
    limit: number,
  ): Promise<CaseRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.statuses?.length) add('c.status = ANY(?::text[])', filter.statuses);
    if (filter.assigneeId) add('c.assignee_id = ?::uuid', filter.assigneeId);
    if (filter.unassigned) where.push('c.assignee_id IS NULL');
    if (filter.category) add('c.category = ?', filter.category);
    if (filter.updatedFrom) add('c.updated_at >= ?::timestamptz', filter.updatedFrom);
    if (filter.updatedTo) add('c.updated_at < ?::timestamptz', filter.updatedTo);
    if (after) {
      params.push(after[0], after[1]);
      const cmp = order === 'desc' ? '<' : '>';
      where.push(`(c.updated_at, c.id) ${cmp} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const dir = order === 'desc' ? 'DESC' : 'ASC';
    return this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM cases c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.updated_at ${dir}, c.id ${dir} LIMIT $${params.length}`,
      params,
    );
  }

  async idsByServiceNumber(serviceNumber: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM cases WHERE upper(service_number) = upper($1) AND merged_into_id IS NULL LIMIT 20`,
      [serviceNumber],
    );
    return rows.map((r) => r.id);
  }

  async replaceNameKeys(
    m: EntityManager,
    caseId: string,
    keys: string[],
    words: IndexedWord[],
  ): Promise<{ newWords: number }> {
    await m.query(`DELETE FROM case_name_keys WHERE case_id = $1`, [caseId]);
    return this.insertNameKeys(m, [caseId], [keys], [words]);
  }

  /** Bulk form: keys[i] and words[i] belong to caseIds[i]. Tells how many name words were new to the dictionary. */
  async insertNameKeys(
    m: EntityManager,
    caseIds: string[],
    keys: string[][],
    words: IndexedWord[][],
  ): Promise<{ newWords: number }> {
    const keyCases: string[] = [];
    const keyValues: string[] = [];
    caseIds.forEach((id, i) => {
      for (const key of keys[i]) {
        keyCases.push(id);
        keyValues.push(key);
      }
    });
    if (keyValues.length > 0) {
      await m.query(
        `INSERT INTO case_name_keys (key, case_id) SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT DO NOTHING`,
        [keyValues, keyCases],
      );
    }
    const seen = new Map<string, string>();
    for (const list of words) for (const w of list) seen.set(w.phonetic, w.canonical);
    if (seen.size === 0) return { newWords: 0 };
    const added: unknown[] = await m.query(
      `INSERT INTO name_words (word, canonical) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (word) DO NOTHING
       RETURNING word`,
      [[...seen.keys()], [...seen.values()]],
    );
    return { newWords: added.length };
  }

  async deleteNameKeys(m: EntityManager, caseId: string): Promise<void> {
    await m.query(`DELETE FROM case_name_keys WHERE case_id = $1`, [caseId]);
  }

  /**
   * Moves cases to statuses if their versions are still the given ones, in one statement;
   * returns the new version of each case moved (a case missing from the map had changed).
   */
  async updateStatusMany(
    m: EntityManager,
    items: { id: string; version: number; to: CaseStatus; familyNews: boolean }[],
  ): Promise<Map<string, number>> {
    const rows: { id: string; version: number }[] = await m.query(
      `WITH u AS (
         UPDATE cases c SET status = v.to_status, version = c.version + 1, updated_at = now(),
           last_family_news_at = CASE WHEN v.family_news THEN now() ELSE c.last_family_news_at END
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::boolean[]) AS v(id, version, to_status, family_news)
          WHERE c.id = v.id AND c.version = v.version
          RETURNING c.id, c.version)
       SELECT id, version FROM u`,
      [items.map((i) => i.id), items.map((i) => i.version), items.map((i) => i.to), items.map((i) => i.familyNews)],
    );
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  async updatePersonIfVersion(m: EntityManager, id: string, version: number, p: PersonRecord): Promise<number | null> {
    const rows: { version: number }[] = await m.query(
      `WITH u AS (
         UPDATE cases SET category = $3, surname = $4, given_name = $5, patronymic = $6, latin_name = $7, date_of_birth = $8,
           military_unit = $9, rank = $10, service_number = $11, disappearance_date = $12, disappearance_place = $13,
           circumstances = $14, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING version)
       SELECT version FROM u`,
      [id, version, ...personValues(p)],
    );
    return rows[0]?.version ?? null;
  }

  async setAssignee(m: EntityManager, id: string, assigneeId: string): Promise<number> {
    const rows: { version: number }[] = await m.query(
      `WITH u AS (UPDATE cases SET assignee_id = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version)
       SELECT version FROM u`,
      [id, assigneeId],
    );
    return rows[0].version;
  }

  async touch(m: EntityManager, id: string, familyNews = false): Promise<void> {
    await m.query(
      `UPDATE cases SET updated_at = now(), last_family_news_at = CASE WHEN $2 THEN now() ELSE last_family_news_at END WHERE id = $1`,
      [id, familyNews],
    );
  }

  async markMerged(m: EntityManager, id: string, intoId: string): Promise<void> {
    await m.query(
      `UPDATE cases SET status = 'closed', merged_into_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, intoId],
    );
  }

  async addHistory(m: EntityManager, entry: HistoryEntry): Promise<void> {
    await this.addHistoryMany(m, [entry]);
  }

  async addHistoryMany(m: EntityManager, entries: HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await m.query(
      `INSERT INTO case_history (case_id, actor_id, action, from_status, to_status, reason, evidence_source, details)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])`,
      [
        entries.map((e) => e.caseId),
        entries.map((e) => e.actorId),
        entries.map((e) => e.action),
        entries.map((e) => e.from ?? null),
        entries.map((e) => e.to ?? null),
        entries.map((e) => e.reason ?? null),
        entries.map((e) => e.evidenceSource ?? null),
        entries.map((e) => (e.details ? JSON.stringify(e.details) : null)),
      ],
    );
  }

  async history(caseId: string): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT id::text, at, actor_id, action, from_status, to_status, reason, evidence_source, details, original_case_id
         FROM case_history WHERE case_id = $1 ORDER BY at, id`,
      [caseId],
    );
  }

  async moveHistory(m: EntityManager, fromId: string, intoId: string): Promise<void> {
    await m.query(
      `UPDATE case_history SET case_id = $2, original_case_id = COALESCE(original_case_id, $1) WHERE case_id = $1`,
      [fromId, intoId],
    );
  }

  async addNote(
    m: EntityManager,
    caseId: string,
    authorId: string,
    visibility: string,
    body: string,
  ): Promise<NoteRow> {
    const rows: NoteRow[] = await m.query(
      `INSERT INTO case_notes (case_id, author_id, visibility, body) VALUES ($1, $2, $3, $4)
       RETURNING id, author_id, visibility, body, created_at, original_case_id`,
      [caseId, authorId, visibility, body],
    );
    return rows[0];
  }

  async notes(caseId: string, visibility?: 'shared'): Promise<NoteRow[]> {
    return this.dataSource.query(
      `SELECT id, author_id, visibility, body, created_at, original_case_id FROM case_notes
        WHERE case_id = $1 AND ($2::text IS NULL OR visibility = $2) ORDER BY created_at, id`,
      [caseId, visibility ?? null],
    );
  }

  async moveNotes(m: EntityManager, fromId: string, intoId: string): Promise<void> {
    await m.query(
      `UPDATE case_notes SET case_id = $2, original_case_id = COALESCE(original_case_id, $1) WHERE case_id = $1`,
      [fromId, intoId],
    );
  }

  /**
   * Moves a merged duplicate's exchange links to the surviving case. Where the survivor is already
   * linked to the same exchange, its own link stands and the duplicate keeps its link (it is not
   * counted twice: reports count cases that were not merged away). Returns the exchanges moved and kept.
   */
  /** Contacts logged with the family move with the case (the workload context's table). */
  async moveContacts(m: EntityManager, fromId: string, intoId: string): Promise<void> {
    await m.query(`UPDATE case_contacts SET case_id = $2 WHERE case_id = $1`, [fromId, intoId]);
  }

  async moveExchangeLinks(
    m: EntityManager,
    fromId: string,
    intoId: string,
  ): Promise<{ moved: string[]; kept: string[] }> {
    const rows: { exchange_id: string; moved: boolean }[] = await m.query(
      `WITH moved AS (
         UPDATE exchange_case_links l SET case_id = $2, original_case_id = COALESCE(l.original_case_id, $1)
          WHERE l.case_id = $1
            AND NOT EXISTS (SELECT 1 FROM exchange_case_links s WHERE s.case_id = $2 AND s.exchange_id = l.exchange_id)
          RETURNING l.exchange_id)
       SELECT exchange_id, true AS moved FROM moved
       UNION ALL
       SELECT exchange_id, false AS moved FROM exchange_case_links
        WHERE case_id = $1 AND exchange_id NOT IN (SELECT exchange_id FROM moved)`,
      [fromId, intoId],
    );
    return {
      moved: rows.filter((r) => r.moved).map((r) => r.exchange_id),
      kept: rows.filter((r) => !r.moved).map((r) => r.exchange_id),
    };
  }

  /** Status changes a family may see (never internal statuses). */
  async familyVisibleHistory(caseId: string, hidden: readonly string[]): Promise<{ at: Date; to_status: string }[]> {
    return this.dataSource.query(
      `SELECT at, to_status FROM case_history
        WHERE case_id = $1 AND action = 'status' AND NOT (to_status = ANY($2::text[]))
        ORDER BY at, id`,
      [caseId, hidden],
    );
  }

  async activeAssignable(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('caseworker', 'council')`,
      [userId],
    );
    return rows.length > 0;
  }
}
