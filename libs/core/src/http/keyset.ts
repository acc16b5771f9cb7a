import { DomainError } from '../errors/domain-error';
import { decodeCursor } from './pagination';

/** A timestamp as PostgreSQL prints timestamptz::text, the first half of every keyset cursor here. */
const TIMESTAMP_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?(Z|[+-](0\d|1[0-4])(:?[0-5]\d)?)?$/;
export const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SEQUENCE_TEXT = /^\d{1,18}$/;

/**
 * Decodes a (time, id) keyset cursor and checks both halves, so that a forged cursor is a 400
 * naming the field rather than a failed cast in SQL.
 */
export function decodeTimeKeyset(cursor: string | undefined, id: RegExp): [string, string] | null {
  const values = decodeCursor(cursor, 2);
  if (values === null) return null;
  const [at, key] = values.map(String);
  if (!isTimestampText(at) || !id.test(key)) {
    throw DomainError.validation([
      { field: 'cursor', rule: 'isCursor', message: 'cursor is not a cursor this API gave' },
    ]);
  }
  return [at, key];
}

/** The shape PostgreSQL prints, on a day that exists (no 30 February: the SQL cast would fail). */
export function isTimestampText(text: string): boolean {
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
