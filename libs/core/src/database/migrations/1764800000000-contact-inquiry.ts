import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A logged contact records which inquiry (which family) it was with, so that a shared contact is
 * shown on that family's timeline and on no other: a case can have several families, and a
 * conversation with one must not tell another that it exists. Contacts logged before keep no
 * inquiry and stay visible to staff only.
 */
export class ContactInquiry1764800000000 implements MigrationInterface {
  name = 'ContactInquiry1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_contacts ADD COLUMN inquiry_id uuid NULL REFERENCES inquiries (id)`);
    await q.query(
      `CREATE INDEX case_contacts_inquiry ON case_contacts (inquiry_id, contacted_at) WHERE inquiry_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_contacts DROP COLUMN inquiry_id`);
  }
}
