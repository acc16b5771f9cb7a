import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Runs a hot statement as a named prepared statement on TypeORM's own pg pool: PostgreSQL parses
 * and plans it once per connection instead of on every call. Planning the name-search statement
 * cost as much as running it; on the search route this alone raised the statements per second
 * by half (docs/decisions.md). Use it for fixed statements on request paths that run outside a
 * transaction; `name` must be unique per statement text.
 */
export async function preparedQuery<T>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
