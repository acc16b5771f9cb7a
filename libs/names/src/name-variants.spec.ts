import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  buildPool,
  type CanonicalPerson,
  rank,
  rankIgnoringExactNamesakes,
  splitCanonical,
  toDottedDate,
  type VariantRow,
} from './name-pool.fixture';
import { personNameKeys } from './person-name';
import { createComparisonMemo, prepareName, scoreNames, scorePreparedNames } from './score';

/** The shared data beside the project when it is there (CI lays it), else the copy kept with the tests. */
const SHARED_CSV = path.resolve(__dirname, '../../../../shared/data/name-variants.csv');
const CSV_PATH = fs.existsSync(SHARED_CSV)
  ? SHARED_CSV
  : path.resolve(__dirname, '../../../test/fixtures/name-variants.csv');

function readVariants(): VariantRow[] {
  const lines = fs
    .readFileSync(CSV_PATH, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const [header, ...rows] = lines;
  expect(header).toBe('canonical_uk,date_of_birth,variant,kind');
  return rows.map((line) => {
    const cells = line.split(',');
    expect(cells).toHaveLength(4);
    const [fullName, dateOfBirth, variant, kind] = cells as [string, string, string, string];
    return { canonical: { fullName, dateOfBirth }, variant, kind };
  });
}

const variants = readVariants();
const persons: CanonicalPerson[] = [
  ...new Map(variants.map((row) => [row.canonical.fullName, row.canonical])).values(),
];
const pool = buildPool(persons);
const cases = variants.map((row) => [row.kind, row.variant, row.canonical] as const);

describe('name-variants.csv', () => {
  it('is found beside the repository and has rows of every kind', () => {
    expect(fs.existsSync(CSV_PATH)).toBe(true);
    expect(variants.length).toBeGreaterThan(30);
    expect(new Set(variants.map((row) => row.kind)).size).toBeGreaterThanOrEqual(6);
    expect(pool.length).toBeGreaterThan(persons.length * 8);
  });

  it.each(cases)('%s "%s" ranks its canonical person first (with date of birth)', (_, variant, person) => {
    const query = { fullName: variant, dateOfBirth: person.dateOfBirth };
    const { canonicalScore, runnerUp } = rank(query, pool, `${person.fullName} ${person.dateOfBirth}`);
    expect(canonicalScore > runnerUp.score ? 'canonical first' : runnerUp.id).toBe('canonical first');
    expect(canonicalScore).toBeGreaterThanOrEqual(0.85);
  });

  it.each(cases)('%s "%s" ranks its canonical person first (date as dd.mm.yyyy)', (_, variant, person) => {
    const query = { fullName: variant, dateOfBirth: toDottedDate(person.dateOfBirth) };
    const { canonicalScore, runnerUp } = rank(query, pool, `${person.fullName} ${person.dateOfBirth}`);
    expect(canonicalScore > runnerUp.score ? 'canonical first' : runnerUp.id).toBe('canonical first');
  });

  it.each(cases)('%s "%s" without a date ties only with exact namesakes', (_, variant, person) => {
    const query = { fullName: variant };
    const canonical = scoreNames(query, { ...splitCanonical(person.fullName), dateOfBirth: person.dateOfBirth });
    const namesake = scoreNames(query, { ...splitCanonical(person.fullName), dateOfBirth: '1950-01-01' });
    expect(canonical.score).toBe(namesake.score);
    const { canonicalScore, runnerUp } = rankIgnoringExactNamesakes(query, pool, person);
    expect(canonicalScore > runnerUp.score ? 'canonical first' : runnerUp.id).toBe('canonical first');
  });

  it('scores every variant against the whole pool the same with a memo as without', () => {
    // Namesakes share one analysed name, as the search service's cache gives them.
    const names = new Map<string, ReturnType<typeof prepareName>['name']>();
    const prepared = pool.map((entry) => {
      const key = `${entry.name.surname} ${entry.name.givenName} ${entry.name.patronymic}`;
      const name = names.get(key) ?? prepareName(entry.name).name;
      names.set(key, name);
      return { name, dateOfBirth: prepareName(entry.name).dateOfBirth };
    });
    for (const [, variant, person] of cases) {
      for (const query of [
        { fullName: variant, dateOfBirth: person.dateOfBirth },
        { fullName: variant },
        { ...splitCanonical(variant), dateOfBirth: person.dateOfBirth },
      ]) {
        const memo = createComparisonMemo();
        const q = prepareName(query);
        const withMemo = prepared.map((candidate) => scorePreparedNames(q, candidate, memo));
        expect(withMemo).toEqual(pool.map((entry) => scoreNames(query, entry.name)));
      }
    }
  });

  it.each(cases)('%s "%s" shares lookup keys with its canonical person', (_, variant, person) => {
    const variantKeys = personNameKeys({ fullName: variant });
    const canonicalKeys = personNameKeys(splitCanonical(person.fullName));
    expect(variantKeys.filter((key) => canonicalKeys.includes(key))).not.toEqual([]);
  });
});
