/**
 * Test helpers for the ranking specs: canonical persons, their namesakes, and the rank of a
 * variant among them. Not exported from the library.
 */
import { canonicalGivenName, givenNameClass } from './given-names';
import type { PersonNameWithDate } from './score';
import { scoreNames } from './score';

export interface CanonicalPerson {
  /** `Прізвище Ім'я По-батькові` as a family writes it. */
  readonly fullName: string;
  readonly dateOfBirth: string;
}

export interface PoolEntry {
  readonly id: string;
  /** Which canonical person this entry belongs to (same person or a namesake of them). */
  readonly canonical: string;
  readonly kind: 'canonical' | 'same_name_other_date' | 'other_given_name';
  readonly name: PersonNameWithDate;
}

export interface VariantRow {
  readonly canonical: CanonicalPerson;
  readonly variant: string;
  readonly kind: string;
}

const OTHER_MALE_NAMES = ['Олександр', 'Володимир', 'Іван', 'Сергій', 'Андрій', 'Дмитро'];
const OTHER_FEMALE_NAMES = ['Олена', 'Тетяна', 'Ірина', 'Наталія', 'Оксана'];

export function splitCanonical(fullName: string): PersonNameWithDate {
  const [surname, givenName, patronymic] = fullName.split(' ');
  return { surname, givenName, patronymic };
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Other dates of birth for namesakes: near ones (one part differs) and far ones. */
export function otherDatesOfBirth(iso: string): Array<string | null> {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const dates = new Set<string>([
    addDays(iso, 1),
    addDays(iso, -3),
    isoDate(year + 1, month, Math.min(day, 28)),
    isoDate(year - 10, month, Math.min(day, 28)),
    addDays(iso, 400),
    isoDate(year, month === 12 ? 1 : month + 1, Math.min(day, 28)),
  ]);
  if (day <= 12 && day !== month) dates.add(isoDate(year, day, month));
  dates.delete(iso);
  return [...dates, null];
}

function otherGivenNames(givenName: string): string[] {
  const id = canonicalGivenName(givenName);
  const sex = id === null ? 'm' : (givenNameClass(id)?.sex ?? 'm');
  const names = sex === 'f' ? OTHER_FEMALE_NAMES : OTHER_MALE_NAMES;
  return names.filter((name) => canonicalGivenName(name) !== id).slice(0, 3);
}

/** Every canonical person, plus namesakes with other dates and with other given names. */
export function buildPool(persons: readonly CanonicalPerson[]): PoolEntry[] {
  const pool: PoolEntry[] = [];
  for (const person of persons) {
    const name = splitCanonical(person.fullName);
    pool.push({
      id: `${person.fullName} ${person.dateOfBirth}`,
      canonical: person.fullName,
      kind: 'canonical',
      name: { ...name, dateOfBirth: person.dateOfBirth },
    });
    for (const dateOfBirth of otherDatesOfBirth(person.dateOfBirth)) {
      pool.push({
        id: `${person.fullName} ${dateOfBirth ?? 'no date'}`,
        canonical: person.fullName,
        kind: 'same_name_other_date',
        name: { ...name, dateOfBirth },
      });
    }
    for (const givenName of otherGivenNames(name.givenName ?? '')) {
      const fullName = `${name.surname} ${givenName} ${name.patronymic}`;
      pool.push({
        id: `${fullName} ${person.dateOfBirth}`,
        canonical: person.fullName,
        kind: 'other_given_name',
        name: { ...name, givenName, dateOfBirth: person.dateOfBirth },
      });
    }
  }
  return pool;
}

export interface Ranking {
  readonly canonicalScore: number;
  /** The best-scoring entry other than the canonical person. */
  readonly runnerUp: { readonly id: string; readonly kind: string; readonly score: number };
}

/** Scores a query against every entry of the pool. */
export function rank(query: PersonNameWithDate, pool: readonly PoolEntry[], canonicalId: string): Ranking {
  let canonicalScore = Number.NaN;
  let runnerUp = { id: '', kind: '', score: Number.NEGATIVE_INFINITY };
  for (const entry of pool) {
    const { score } = scoreNames(query, entry.name);
    if (entry.id === canonicalId) canonicalScore = score;
    else if (score > runnerUp.score) runnerUp = { id: entry.id, kind: entry.kind, score };
  }
  return { canonicalScore, runnerUp };
}

/** Like `rank`, ignoring the namesakes that bear exactly the canonical name (for queries without a date). */
export function rankIgnoringExactNamesakes(
  query: PersonNameWithDate,
  pool: readonly PoolEntry[],
  person: CanonicalPerson,
): Ranking {
  const others = pool.filter(
    (entry) => !(entry.kind === 'same_name_other_date' && entry.canonical === person.fullName),
  );
  return rank(query, others, `${person.fullName} ${person.dateOfBirth}`);
}

/** `1991-03-14` → `14.03.1991`. */
export function toDottedDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
