import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes of `cases` that no statement uses, each written on every insert and on every change
 * of its columns:
 * - `cases_open_by_assignee`: the workload's aggregate moved to `cases_open_by_assignee_status`
 *   (same predicate, same leading column), and no other statement reads it (no scan in a run of
 *   `bench:workload`, and no plan of the statements filtering open cases by holder picks it);
 * - `cases_service_number`: service numbers are looked up case-insensitively, through
 *   `cases_service_number_upper`.
 */
export class DropUnusedCaseIndexes1765000000000 implements MigrationInterface {
  name = 'DropUnusedCaseIndexes1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_open_by_assignee`);
    await q.query(`DROP INDEX cases_service_number`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_service_number ON cases (service_number) WHERE service_number IS NOT NULL`);
    await q.query(`
      CREATE INDEX cases_open_by_assignee ON cases (assignee_id) INCLUDE (status, updated_at, created_at, last_family_news_at)
      WHERE status NOT IN ('closed')`);
  }
}
