import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema for notifications (deliveries, in-app inbox). */
export class Notifications1764400000000 implements MigrationInterface {
  name = 'Notifications1764400000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
