import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangedRow, OpenGroupRow, StaffRow } from './workload.rules';

export type Category = 'military' | 'civilian';

/** Counts and ages of a waiting list (unassigned cases or untriaged inquiries). */
export interface WaitingRow {
  total: number;
  up_to_7_days: number;
  up_to_30_days: number;
  over_30_days: number;
  oldest_days: number | null;
  oldest: { id: string; reference: string; status: string; category: string; age_days: number }[];
}

/** How many of the oldest waiting items the workload names. */
export const OLDEST_LISTED = 10;

/**
 * The workload aggregates, all in SQL over the cases context's tables (read only). Each is one
 * GROUP BY over a covering partial index: no case is loaded into the process.
 */
@Injectable()
export class WorkloadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open cases per holder and status: count, overdue by the no-news clock, age of the oldest. */
  openGroups(overdueDays: number, category?: Category): Promise<OpenGroupRow[]> {
    const params: unknown[] = [overdueDays];
    const byCategory = category ? `AND c.category = $${params.push(category)}` : '';
    return this.dataSource.query(
      `SELECT c.assignee_id, c.status, count(*)::int AS open,
              count(*) FILTER (WHERE c.last_family_news_at < (SELECT now() - make_interval(days => $1)))::int AS overdue,
              floor(extract(epoch FROM now() - min(c.created_at)) / 86400)::int AS oldest_days
         FROM cases c
        WHERE c.status NOT IN ('closed') ${byCategory}
        GROUP BY c.assignee_id, c.status`,
      params,
    );
  }

  /** Cases changed in the last seven days per holder, open or closed. */
  changedThisWeek(category?: Category): Promise<ChangedRow[]> {
    const params: unknown[] = [];
    const byCategory = category ? `AND c.category = $${params.push(category)}` : '';
    return this.dataSource.query(
      `SELECT c.assignee_id, count(*)::int AS changed
         FROM cases c
        WHERE c.updated_at >= now() - interval '7 days' ${byCategory}
        GROUP BY c.assignee_id`,
      params,
    );
  }

  /** Every staff account (a few hundred rows): names for the holders, and the active caseworkers. */
  staff(): Promise<StaffRow[]> {
    return this.dataSource.query(`SELECT id, full_name, role, active FROM users WHERE role <> 'family'`);
  }

  async unassignedCases(category?: Category): Promise<WaitingRow> {
    const params: unknown[] = [OLDEST_LISTED];
    const byCategory = category ? `AND c.category = $${params.push(category)}` : '';
    return this.waiting(
      `FROM cases c WHERE c.assignee_id IS NULL AND c.status NOT IN ('closed') ${byCategory}`,
      'c.id, c.reference, c.status, c.category',
      params,
    );
  }

  /** Inquiries nobody has triaged yet (submitted or in review, not linked to a case). */
  async untriagedInquiries(category?: Category): Promise<WaitingRow> {
    const params: unknown[] = [OLDEST_LISTED];
    const byCategory = category ? `AND c.category = $${params.push(category)}` : '';
    return this.waiting(
      `FROM inquiries c WHERE c.status IN ('submitted', 'in_review') ${byCategory}`,
      'c.id, c.reference, c.status, c.category',
      params,
    );
  }

  private async waiting(from: string, columns: string, params: unknown[]): Promise<WaitingRow> {
    const rows: WaitingRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE c.created_at >= now() - interval '7 days')::int AS up_to_7_days,
              count(*) FILTER (WHERE c.created_at < now() - interval '7 days'
                                 AND c.created_at >= now() - interval '30 days')::int AS up_to_30_days,
              count(*) FILTER (WHERE c.created_at < now() - interval '30 days')::int AS over_30_days,
              floor(extract(epoch FROM now() - min(c.created_at)) / 86400)::int AS oldest_days,
              (SELECT coalesce(json_agg(o), '[]'::json) FROM (
                 SELECT ${columns}, floor(extract(epoch FROM now() - c.created_at) / 86400)::int AS age_days
                   ${from} ORDER BY c.created_at, c.id LIMIT $1) o) AS oldest
         ${from}`,
      params,
    );
    return rows[0];
  }
}
