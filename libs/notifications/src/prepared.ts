import { preparedQuery } from '@app/core';
import type { QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/** The notifications context's prepared statements, named under `notifications.`. */
export function prepared<T extends QueryResultRow>(
  source: DataSource | EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  return preparedQuery<T>(source, `notifications.${name}`, text, values);
}
