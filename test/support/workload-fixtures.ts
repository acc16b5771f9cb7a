import { DataSource } from 'typeorm';
import type { Response } from 'supertest';
import { TestApi } from './api';

let batch = 0;

export interface CaseSpec {
  assigneeId?: string | null;
  status?: string;
  category?: 'military' | 'civilian';
  /** Days since the family last had news (the no-news clock). */
  newsDaysAgo?: number;
  createdDaysAgo?: number;
  /** Days since the case last changed ("changed this week" counts the last seven). */
  updatedDaysAgo?: number;
}

/** Cases written straight to the database in one statement (no name keys: workload tests never search). */
export async function seedCases(api: TestApi, count: number, spec: CaseSpec = {}): Promise<string[]> {
  const db = api.app.get(DataSource);
  batch++;
  const created = spec.createdDaysAgo ?? 0;
  const rows: { id: string }[] = await db.query(
    `INSERT INTO cases (reference, status, assignee_id, category, surname, given_name, patronymic,
                        created_at, updated_at, last_family_news_at)
     SELECT 'CASE-WL-' || $1::text || '-' || lpad(g::text, 6, '0'), $2, $3::uuid, $4, 'Навантаження', 'Тарас', 'Іванович',
            now() - make_interval(days => $5), now() - make_interval(days => $6), now() - make_interval(days => $7)
       FROM generate_series(1, $8::int) AS g
     RETURNING id`,
    [
      `${process.pid}-${batch}-${Math.random().toString(36).slice(2, 8)}`,
      spec.status ?? 'registered',
      spec.assigneeId ?? null,
      spec.category ?? 'civilian',
      created,
      spec.updatedDaysAgo ?? created,
      spec.newsDaysAgo ?? created,
      count,
    ],
  );
  return rows.map((r) => r.id);
}

/** Sets the no-news clock of cases some days in the past, as time would. */
export async function setNewsDaysAgo(api: TestApi, ids: string[], days: number): Promise<void> {
  await api.app
    .get(DataSource)
    .query(`UPDATE cases SET last_family_news_at = now() - make_interval(days => $2) WHERE id = ANY($1::uuid[])`, [
      ids,
      days,
    ]);
}

/** supertest parser that keeps the raw bytes (a text parser could drop the byte-order mark). */
export function rawBody(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Splits a CSV body (no quoted line breaks in test data) into rows of cells. */
export function csvRows(body: Buffer): string[][] {
  return body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split(','));
}
