import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name search: every case is also stored under each unordered triple of its name's word keys
 * (surname, given name and patronymic in any order), which a three-word query looks up first. The
 * triples of existing cases are made from their single-word keys (those without a `|`), joined in
 * byte order as the application joins them.
 */
export class NameTriples1764700000000 implements MigrationInterface {
  name = 'NameTriples1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO case_name_keys (key, case_id)
      SELECT a.key || '|' || b.key || '|' || c.key, a.case_id
        FROM case_name_keys a
        JOIN case_name_keys b ON b.case_id = a.case_id AND b.key COLLATE "C" > a.key COLLATE "C"
        JOIN case_name_keys c ON c.case_id = a.case_id AND c.key COLLATE "C" > b.key COLLATE "C"
       WHERE strpos(a.key, '|') = 0 AND strpos(b.key, '|') = 0 AND strpos(c.key, '|') = 0
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM case_name_keys WHERE key ~ '^[^|]+\\|[^|]+\\|[^|]+$' AND key NOT LIKE 'b:%'`);
  }
}
