import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema for workload (contacts, reminders). */
export class Workload1764600000000 implements MigrationInterface {
  name = 'Workload1764600000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
