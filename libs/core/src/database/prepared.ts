import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs one statement as a named prepared statement, on TypeORM's own pool (or on the connection of
 * the transaction `manager` belongs to): each connection parses and plans it once instead of on
 * every call, and TypeORM's per-call overhead is skipped. For the statements of hot paths; see
 * docs/decisions.md for what it saved. Each name must always carry the same text.
 */
export async function preparedQuery<T extends QueryResultRow>(
  source: DataSource | EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const query = { name, text, values };
  if (source instanceof DataSource) {
    const pool = (source.driver as unknown as { master: Pool }).master;
    return (await pool.query<T>(query)).rows;
  }
  const runner = source.queryRunner;
  if (!runner) return preparedQuery(source.connection, name, text, values);
  const client = (await runner.connect()) as PoolClient;
  return (await client.query<T>(query)).rows;
}
