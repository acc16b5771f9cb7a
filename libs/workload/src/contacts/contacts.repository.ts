import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface ContactRow {
  id: string;
  case_id: string;
  inquiry_id: string | null;
  author_id: string;
  channel: string;
  visibility: 'shared' | 'internal';
  summary: string;
  contacted_at: Date;
  created_at: Date;
  cursor_at: string;
}

export interface NewContact {
  caseId: string;
  inquiryId: string | null;
  authorId: string;
  channel: string;
  visibility: string;
  summary: string;
  contactedAt: string | null;
}

const COLUMNS = `id, case_id, inquiry_id, author_id, channel, visibility, summary, contacted_at, created_at, contacted_at::text AS cursor_at`;

/** Contacts logged with a case's family, and the case's no-news clock they reset. */
@Injectable()
export class ContactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findCaseForUpdate(
    m: EntityManager,
    id: string,
  ): Promise<{ id: string; assignee_id: string | null; merged_into_id: string | null } | null> {
    const rows = await m.query(`SELECT id, assignee_id, merged_into_id FROM cases WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async caseExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM cases WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** The inquiry's status if it is one of the case's (linked to it, or withdrawn since), else null. */
  async inquiryOfCase(m: EntityManager, inquiryId: string, caseId: string): Promise<string | null> {
    const rows: { status: string }[] = await m.query(`SELECT status FROM inquiries WHERE id = $1 AND case_id = $2`, [
      inquiryId,
      caseId,
    ]);
    return rows[0]?.status ?? null;
  }

  async insert(m: EntityManager, c: NewContact): Promise<ContactRow> {
    const rows: ContactRow[] = await m.query(
      `INSERT INTO case_contacts (case_id, inquiry_id, author_id, channel, visibility, summary, contacted_at)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now()))
       RETURNING ${COLUMNS}`,
      [c.caseId, c.inquiryId, c.authorId, c.channel, c.visibility, c.summary, c.contactedAt],
    );
    return rows[0];
  }

  /** Resets the no-news clock to the contact's time (never moves it back) and marks the case changed. */
  async resetNewsClock(m: EntityManager, caseId: string, at: Date): Promise<Date> {
    const rows: { last_family_news_at: Date }[] = await m.query(
      `WITH u AS (
         UPDATE cases SET last_family_news_at = GREATEST(last_family_news_at, $2::timestamptz), updated_at = now()
          WHERE id = $1 RETURNING last_family_news_at)
       SELECT last_family_news_at FROM u`,
      [caseId, at],
    );
    return rows[0].last_family_news_at;
  }

  /** Newest first, keyset on (contacted_at, id). */
  listPage(caseId: string, after: [string, string] | null, limit: number): Promise<ContactRow[]> {
    const params: unknown[] = [caseId, limit + 1];
    const keyset = after
      ? `AND (contacted_at, id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`
      : '';
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM case_contacts WHERE case_id = $1 ${keyset}
        ORDER BY contacted_at DESC, id DESC LIMIT $2`,
      params,
    );
  }
}
