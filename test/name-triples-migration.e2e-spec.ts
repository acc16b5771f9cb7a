import { storedKeys } from '@app/cases';
import { NameTriples1764700000000 } from '@app/core/database/migrations/1764700000000-name-triples';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { seedCase } from './support/cases';

describe('Migration: name triples for existing cases (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('gives a case stored before triples the very keys the application stores now', async () => {
    const db = api.app.get(DataSource);
    const person = {
      surname: 'Ковальчук',
      givenName: 'Олександр',
      patronymic: 'Миколайович',
      dateOfBirth: '1987-11-02',
    };
    const { id } = await seedCase(api, person);
    const expected = storedKeys(person).keys.sort();
    const triples = expected.filter((k) => k.split('|').length === 3 && !k.startsWith('b:'));
    expect(triples).toHaveLength(1);
    // As the case was stored before this change: no triple.
    await db.query(`DELETE FROM case_name_keys WHERE case_id = $1 AND key = ANY($2::text[])`, [id, triples]);

    const runner = db.createQueryRunner();
    try {
      await new NameTriples1764700000000().up(runner);
    } finally {
      await runner.release();
    }
    const rows: { key: string }[] = await db.query(`SELECT key FROM case_name_keys WHERE case_id = $1`, [id]);
    expect(rows.map((r) => r.key).sort()).toEqual(expected);
  });
});
