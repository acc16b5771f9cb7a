import { decodeCursor, DomainError } from '@app/core';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A (created_at, id) keyset cursor, checked so that a forged one is a 400, never a database error. */
export function decodeTimeCursor(cursor: string | undefined): [string, string] | null {
  const values = decodeCursor(cursor, 2);
  if (values === null) return null;
  const [at, id] = values;
  if (typeof at !== 'string' || typeof id !== 'string' || !TIMESTAMP.test(at) || !UUID.test(id)) {
    throw DomainError.validation([
      { field: 'cursor', rule: 'isCursor', message: 'cursor is not a cursor this API gave' },
    ]);
  }
  return [at, id];
}
