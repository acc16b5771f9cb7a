import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CandidateLoad } from './rebalancing.rules';

export interface LockedCase {
  id: string;
  assignee_id: string | null;
  merged_into_id: string | null;
}

export interface BulkFilter {
  status?: string[];
  assigneeId?: string;
  unassigned?: boolean;
  category?: string;
  overdue?: boolean;
}

/** Reads and bulk changes of case holders, in raw SQL over the cases context's tables. */
@Injectable()
export class RebalancingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findCase(id: string): Promise<{ id: string; category: string; assignee_id: string | null } | null> {
    const rows = await this.dataSource.query(`SELECT id, category, assignee_id FROM cases WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findInquiry(
    id: string,
  ): Promise<{ id: string; category: string; case_id: string | null; case_assignee_id: string | null } | null> {
    const rows = await this.dataSource.query(
      `SELECT i.id, i.category, i.case_id, c.assignee_id AS case_assignee_id
         FROM inquiries i LEFT JOIN cases c ON c.id = i.case_id WHERE i.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Every active caseworker with their open, overdue and same-category counts: one index-only
   * GROUP BY over open cases per holder and category (a few hundred groups), then summed per person.
   */
  async caseworkerLoads(overdueDays: number, category: string): Promise<CandidateLoad[]> {
    const rows: { id: string; full_name: string; open: number; overdue: number; same_category: number }[] =
      await this.dataSource.query(
        `SELECT u.id, u.full_name, coalesce(sum(l.open), 0)::int AS open, coalesce(sum(l.overdue), 0)::int AS overdue,
                coalesce(sum(l.open) FILTER (WHERE l.category = $2), 0)::int AS same_category
           FROM users u
           LEFT JOIN (
             SELECT assignee_id, category, count(*) AS open,
                    count(*) FILTER (WHERE last_family_news_at < (SELECT now() - make_interval(days => $1))) AS overdue
               FROM cases
              WHERE status NOT IN ('closed') AND assignee_id IS NOT NULL
              GROUP BY assignee_id, category
           ) l ON l.assignee_id = u.id
          WHERE u.role = 'caseworker' AND u.active
          GROUP BY u.id, u.full_name`,
        [overdueDays, category],
      );
    return rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      open: r.open,
      overdue: r.overdue,
      sameCategory: r.same_category,
    }));
  }

  /** Locks the assignee's account row so that it cannot be deactivated while cases move to it. */
  async lockAssignable(m: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('caseworker', 'council') FOR SHARE`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Locks the named cases in id order (the order every multi-case change uses: no deadlock). */
  lockByIds(m: EntityManager, ids: string[]): Promise<LockedCase[]> {
    return m.query(
      `SELECT id, assignee_id, merged_into_id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  /** Locks the open cases a filter selects, in id order. */
  lockByFilter(m: EntityManager, filter: BulkFilter, overdueDays: number): Promise<LockedCase[]> {
    const where = [`c.status NOT IN ('closed')`];
    const params: unknown[] = [];
    if (filter.status?.length) where.push(`c.status = ANY($${params.push(filter.status)}::text[])`);
    if (filter.assigneeId) where.push(`c.assignee_id = $${params.push(filter.assigneeId)}::uuid`);
    if (filter.unassigned) where.push(`c.assignee_id IS NULL`);
    if (filter.category) where.push(`c.category = $${params.push(filter.category)}`);
    if (filter.overdue) {
      where.push(`c.last_family_news_at < now() - make_interval(days => $${params.push(overdueDays)})`);
    }
    return m.query(
      `SELECT c.id, c.assignee_id, c.merged_into_id FROM cases c WHERE ${where.join(' AND ')} ORDER BY c.id FOR UPDATE`,
      params,
    );
  }

  /**
   * Gives the cases to the assignee with a version bump, and writes one history row each
   * (action 'assigned', from → to), in one statement.
   */
  async reassign(
    m: EntityManager,
    ids: string[],
    previous: (string | null)[],
    assigneeId: string,
    actorId: string,
  ): Promise<number> {
    const rows: { moved: number }[] = await m.query(
      `WITH moved AS (
         UPDATE cases c SET assignee_id = $2, version = c.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $3::uuid[]) AS t(id, prev)
          WHERE c.id = t.id
         RETURNING c.id, t.prev),
       history AS (
         INSERT INTO case_history (case_id, actor_id, action, details)
         SELECT id, $4, 'assigned', jsonb_build_object('from', prev, 'to', $2::uuid, 'bulk', true) FROM moved)
       SELECT count(*)::int AS moved FROM moved`,
      [ids, assigneeId, previous, actorId],
    );
    return rows[0].moved;
  }
}
