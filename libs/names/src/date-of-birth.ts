/**
 * Dates of birth as ISO `YYYY-MM-DD` strings. Lists write them as `dd.mm.yyyy`, `d.m.yyyy`,
 * `dd/mm/yyyy`, `dd-mm-yyyy`, `yyyy-mm-dd` or `yyyy.mm.dd`; some give only the year.
 */

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_FIRST_RE = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/;
const DAY_FIRST_RE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const YEAR_ONLY_RE = /^(\d{4})$/;
const MIN_YEAR = 1900;

/** The parts of a date of birth; month and day are absent when only the year is known. */
export interface DateOfBirthParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function todayIso(today: Date): string {
  return today.toISOString().slice(0, 10);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toIso(year: number, month: number, day: number, today: Date): string | null {
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return iso > todayIso(today) ? null : iso;
}

/**
 * Parses a date of birth to ISO `YYYY-MM-DD`: `14.03.1991`, `4.3.1991`, `14/03/1991`,
 * `1991-03-14`, `1991.03.14`. Returns null for an impossible date (31.02, month 13), a year
 * before 1900, a date after `today`, or anything else.
 */
export function parseDateOfBirth(s: string | null | undefined, today: Date = new Date()): string | null {
  if (s === null || s === undefined) return null;
  const text = s.trim();
  let match = ISO_RE.exec(text) ?? YEAR_FIRST_RE.exec(text);
  if (match !== null) return toIso(Number(match[1]), Number(match[2]), Number(match[3]), today);
  match = DAY_FIRST_RE.exec(text);
  if (match !== null) return toIso(Number(match[3]), Number(match[2]), Number(match[1]), today);
  return null;
}

/**
 * Parses a date of birth that may be only a year (`1991`) into its parts; null when it is
 * neither a valid date nor a plausible year.
 */
export function parseDateOfBirthParts(s: string | null | undefined, today: Date = new Date()): DateOfBirthParts | null {
  if (s === null || s === undefined) return null;
  const iso = parseDateOfBirth(s, today);
  if (iso !== null) {
    return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8)) };
  }
  const year = YEAR_ONLY_RE.exec(s.trim());
  if (year === null) return null;
  const value = Number(year[1]);
  return value >= MIN_YEAR && value <= today.getUTCFullYear() ? { year: value } : null;
}

/**
 * How two dates of birth compare:
 * - `match`: the same full date;
 * - `year_match`: one side knows only the year, and it is the same;
 * - `partial`: full dates that differ in one part only (day, month or one digit of the year)
 *   or by day and month swapped: a likely clerical error, weak evidence;
 * - `mismatch`: anything else;
 * - `missing`: one side has no (valid) date.
 */
export type DateOfBirthComparison = 'match' | 'year_match' | 'partial' | 'mismatch' | 'missing';

function oneDigitApart(a: number, b: number): boolean {
  const x = pad(a, 4);
  const y = pad(b, 4);
  let differences = 0;
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) differences++;
  return differences === 1;
}

export function compareDatesOfBirth(a: DateOfBirthParts | null, b: DateOfBirthParts | null): DateOfBirthComparison {
  if (a === null || b === null) return 'missing';
  if (a.month === undefined || b.month === undefined) {
    return a.year === b.year ? 'year_match' : 'mismatch';
  }
  const sameYear = a.year === b.year;
  const sameMonth = a.month === b.month;
  const sameDay = a.day === b.day;
  if (sameYear && sameMonth && sameDay) return 'match';
  if (sameYear && a.month === b.day && a.day === b.month) return 'partial';
  if (sameYear && (sameMonth || sameDay)) return 'partial';
  if (sameMonth && sameDay && oneDigitApart(a.year, b.year)) return 'partial';
  return 'mismatch';
}
