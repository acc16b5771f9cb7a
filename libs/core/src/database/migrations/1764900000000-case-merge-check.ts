import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case is never merged into itself: such a case would be closed with a pointer to itself and
 * refuse every change from then on. The service refuses it; the table now does too.
 */
export class CaseMergeCheck1764900000000 implements MigrationInterface {
  name = 'CaseMergeCheck1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD CONSTRAINT cases_not_merged_into_itself CHECK (merged_into_id <> id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_not_merged_into_itself`);
  }
}
