import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OverdueGroupRow } from './reminders.rules';

/** The calendar the daily run is keyed on: the Staff works on Kyiv time. */
export const REMINDER_TIME_ZONE = 'Europe/Kyiv';

@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Today's date in Kyiv, by the database clock (one clock for every worker). */
  async today(): Promise<string> {
    const rows: { day: string }[] = await this.dataSource.query(
      `SELECT to_char((now() AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day`,
      [REMINDER_TIME_ZONE],
    );
    return rows[0].day;
  }

  /**
   * Claims the day: the one run that inserts the row goes on; another (a second worker, a retry
   * after success, a restart) waits for it on the unique key and then finds the day taken.
   */
  async claimDay(m: EntityManager, day: string, overdueDays: number): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `WITH claimed AS (
         INSERT INTO workload_reminder_runs (run_date, overdue_days) VALUES ($1::date, $2)
         ON CONFLICT ON CONSTRAINT workload_reminder_runs_day DO NOTHING RETURNING id)
       SELECT id FROM claimed`,
      [day, overdueDays],
    );
    return rows[0]?.id ?? null;
  }

  /** Overdue open cases grouped by holder, the longest-silent first, over cases_open_by_family_news. */
  overdueByHolder(m: EntityManager, overdueDays: number): Promise<OverdueGroupRow[]> {
    return m.query(
      `SELECT c.assignee_id,
              coalesce(bool_or(u.active AND u.role IN ('caseworker', 'council')), false) AS remindable,
              array_agg(c.id ORDER BY c.last_family_news_at, c.id) AS case_ids
         FROM cases c LEFT JOIN users u ON u.id = c.assignee_id
        WHERE c.status NOT IN ('closed') AND c.last_family_news_at < now() - make_interval(days => $1)
        GROUP BY c.assignee_id`,
      [overdueDays],
    );
  }

  async finishRun(m: EntityManager, id: string, overdueCount: number, reminders: number): Promise<void> {
    await m.query(
      `UPDATE workload_reminder_runs SET overdue_count = $2, reminders = $3, finished_at = now() WHERE id = $1`,
      [id, overdueCount, reminders],
    );
  }
}
