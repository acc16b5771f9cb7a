import {
  compareDatesOfBirth,
  type DateOfBirthComparison,
  type DateOfBirthParts,
  parseDateOfBirthParts,
} from './date-of-birth';
import { keySimilarity } from './edit-distance';
import { givenNameKeys } from './given-names';
import { patronymicKeys } from './patronymics';
import { type NameWord, type PersonNameInput, type ResolvedName, resolvePersonName } from './person-name';

/** A name with an optional date of birth (ISO `YYYY-MM-DD`, `dd.mm.yyyy` or a bare year). */
export interface PersonNameWithDate extends PersonNameInput {
  dateOfBirth?: string | null;
}

/** Why a candidate scored as it did (machine-readable, stable). */
export type NameMatchReason =
  | 'surname_exact'
  | 'surname_fuzzy'
  | 'surname_mismatch'
  | 'surname_missing'
  | 'given_name_exact'
  | 'given_name_equivalent'
  | 'given_name_fuzzy'
  | 'given_name_initial'
  | 'given_name_mismatch'
  | 'given_name_missing'
  | 'patronymic_exact'
  | 'patronymic_equivalent'
  | 'patronymic_fuzzy'
  | 'patronymic_initial'
  | 'patronymic_mismatch'
  | 'patronymic_missing'
  /** The words were read in another order than the fields (or the most plausible reading) say. */
  | 'word_order_swapped'
  | 'date_of_birth_match'
  | 'date_of_birth_year_match'
  | 'date_of_birth_partial'
  | 'date_of_birth_mismatch'
  | 'date_of_birth_missing';

export interface NameScore {
  /** In [0, 1]; higher is more likely the same person. */
  score: number;
  reasons: NameMatchReason[];
}

/** A name analysed once, to score against many others. */
export interface PreparedName {
  readonly name: ResolvedName;
  readonly dateOfBirth: DateOfBirthParts | null;
}

/** Weights of the three parts of a name; they add up to 1. */
const SURNAME_WEIGHT = 0.45;
const GIVEN_WEIGHT = 0.33;
const PATRONYMIC_WEIGHT = 0.22;
/** Similarity assumed for a part that one side does not know. */
const MISSING_SURNAME = 0.3;
const MISSING_GIVEN = 0.4;
const MISSING_PATRONYMIC = 0.8;
/** Similarity of two keys = 1 - slope × distance / length: one typo in 8 letters gives 0.8. */
const FUZZY_SLOPE = 1.6;
/** Below this, a fuzzy similarity is reported as a mismatch. */
const FUZZY_REASON_FLOOR = 0.5;
/** Two different known names (Петро, Павло) keep only this share of their spelling similarity. */
const DIFFERENT_KNOWN_NAMES = 0.5;
const INITIAL_MATCH = 0.75;
const SWAPPED_ORDER_PENALTY = 0.03;
/** How far a matching date of birth lifts a name score n towards 1: n + lift × n × (1 - n). */
const DATE_MATCH_LIFT = 0.75;
/** Cost of reading a full name less plausibly than the best reading, per plausibility unit. */
const IMPLAUSIBILITY_WEIGHT = 0.03;
/** A part made of several words matched by one of them only. */
const PARTIAL_WORDS = 0.8;

/**
 * How the date of birth changes the name score n: a match lifts it (n + 0.75 n (1 - n)), a year
 * match or a missing date keeps it nearly as is, a near date (one part differs) lowers it, a
 * different date lowers it clearly, so that a namesake with another date always ranks below
 * the same name with a matching or unknown date.
 */
function applyDateOfBirth(nameScore: number, comparison: DateOfBirthComparison): number {
  switch (comparison) {
    case 'match':
      return nameScore + DATE_MATCH_LIFT * nameScore * (1 - nameScore);
    case 'year_match':
      return 0.95 * nameScore;
    case 'missing':
      return 0.9 * nameScore;
    case 'partial':
      return 0.8 * nameScore;
    case 'mismatch':
      return 0.6 * nameScore;
  }
}

const DATE_REASONS: Readonly<Record<DateOfBirthComparison, NameMatchReason>> = {
  match: 'date_of_birth_match',
  year_match: 'date_of_birth_year_match',
  partial: 'date_of_birth_partial',
  mismatch: 'date_of_birth_mismatch',
  missing: 'date_of_birth_missing',
};

type PartKind = 'exact' | 'equivalent' | 'fuzzy' | 'initial' | 'mismatch' | 'missing';

const SURNAME_REASONS: Readonly<Record<PartKind, NameMatchReason>> = {
  exact: 'surname_exact',
  equivalent: 'surname_exact',
  fuzzy: 'surname_fuzzy',
  initial: 'surname_fuzzy',
  mismatch: 'surname_mismatch',
  missing: 'surname_missing',
};

const GIVEN_NAME_REASONS: Readonly<Record<PartKind, NameMatchReason>> = {
  exact: 'given_name_exact',
  equivalent: 'given_name_equivalent',
  fuzzy: 'given_name_fuzzy',
  initial: 'given_name_initial',
  mismatch: 'given_name_mismatch',
  missing: 'given_name_missing',
};

const PATRONYMIC_REASONS: Readonly<Record<PartKind, NameMatchReason>> = {
  exact: 'patronymic_exact',
  equivalent: 'patronymic_equivalent',
  fuzzy: 'patronymic_fuzzy',
  initial: 'patronymic_initial',
  mismatch: 'patronymic_mismatch',
  missing: 'patronymic_missing',
};

function fuzzy(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  // The distance is at least the difference in length: skip what cannot score above 0.
  if (FUZZY_SLOPE * Math.abs(a.length - b.length) >= longer) return 0;
  return Math.max(0, 1 - FUZZY_SLOPE * (1 - keySimilarity(a, b)));
}

function bestFuzzy(as: readonly string[], bs: readonly string[]): number {
  let best = 0;
  for (const a of as) {
    for (const b of bs) {
      const similarity = fuzzy(a, b);
      if (similarity > best) best = similarity;
      if (best === 1) return 1;
    }
  }
  return best;
}

interface PartScore {
  readonly similarity: number;
  readonly kind: PartKind;
}

const MISSING: PartScore = { similarity: 0, kind: 'missing' };

function fuzzyPart(similarity: number): PartScore {
  return { similarity, kind: similarity >= FUZZY_REASON_FLOOR ? 'fuzzy' : 'mismatch' };
}

function compareSurnames(q: readonly NameWord[], c: readonly NameWord[]): PartScore {
  const qWords = q.filter((w) => !w.initial && w.key !== '');
  const cWords = c.filter((w) => !w.initial && w.key !== '');
  if (qWords.length === 0 || cWords.length === 0) return MISSING;
  const qKey = qWords.map((w) => w.key).join('');
  const cKey = cWords.map((w) => w.key).join('');
  if (qKey === cKey) return { similarity: 1, kind: 'exact' };
  let best = fuzzy(qKey, cKey);
  if (qWords.length > 1 || cWords.length > 1) {
    for (const a of qWords) {
      for (const b of cWords) best = Math.max(best, PARTIAL_WORDS * fuzzy(a.key, b.key));
    }
  }
  return fuzzyPart(best);
}

type KeysOfClass = (classId: string) => readonly string[];

function compareInitial(initial: NameWord, other: NameWord, keysOf: KeysOfClass, classOf: ClassOf): PartScore {
  if (initial.key === '') return MISSING;
  const otherClass = classOf(other);
  const keys = other.initial ? [other.key] : otherClass !== null ? keysOf(otherClass) : [other.key];
  const matches = keys.some((key) => key.startsWith(initial.key) || initial.key.startsWith(key));
  return matches ? { similarity: INITIAL_MATCH, kind: 'initial' } : { similarity: 0, kind: 'mismatch' };
}

type ClassOf = (word: NameWord) => string | null;

function compareWords(a: NameWord, b: NameWord, keysOf: KeysOfClass, classOf: ClassOf): PartScore {
  if (a.initial) return compareInitial(a, b, keysOf, classOf);
  if (b.initial) return compareInitial(b, a, keysOf, classOf);
  const aClass = classOf(a);
  const bClass = classOf(b);
  if (aClass !== null && aClass === bClass) {
    return { similarity: 1, kind: a.key === b.key ? 'exact' : 'equivalent' };
  }
  if (a.key === b.key) return { similarity: 1, kind: 'exact' };
  if (aClass !== null && bClass !== null) {
    // Two different known names: only how alike these two spellings are, discounted.
    return fuzzyPart(DIFFERENT_KNOWN_NAMES * fuzzy(a.key, b.key));
  }
  // A name not in the table (rare, or mistyped) against every form of the other's class.
  const aKeys = aClass !== null ? keysOf(aClass) : [a.key];
  const bKeys = bClass !== null ? keysOf(bClass) : [b.key];
  return fuzzyPart(bestFuzzy(aKeys, bKeys));
}

function compareParts(
  q: readonly NameWord[],
  c: readonly NameWord[],
  keysOf: KeysOfClass,
  classOf: ClassOf,
): PartScore {
  if (q.length === 0 || c.length === 0) return MISSING;
  let best: PartScore = { similarity: -1, kind: 'mismatch' };
  const several = q.length > 1 || c.length > 1;
  for (const a of q) {
    for (const b of c) {
      const part = compareWords(a, b, keysOf, classOf);
      const similarity = several ? part.similarity * PARTIAL_WORDS : part.similarity;
      if (similarity > best.similarity) best = { similarity, kind: part.kind };
    }
  }
  return best;
}

const givenClassOf: ClassOf = (word) => word.givenClass;
const patronymicClassOf: ClassOf = (word) => word.patronymicClass;

interface NameComparison {
  readonly score: number;
  readonly surname: PartScore;
  readonly given: PartScore;
  readonly patronymic: PartScore;
}

function compareNames(
  qSurname: readonly NameWord[],
  qGiven: readonly NameWord[],
  q: ResolvedName,
  c: ResolvedName,
  parts?: PartMemo,
  tag = '',
): NameComparison {
  const surname = memoPart(parts, `${tag}s`, c.surname, () => compareSurnames(qSurname, c.surname));
  const given = memoPart(parts, `${tag}g`, c.given, () => compareParts(qGiven, c.given, givenNameKeys, givenClassOf));
  const patronymic = memoPart(parts, 'p', c.patronymic, () =>
    compareParts(q.patronymic, c.patronymic, patronymicKeys, patronymicClassOf),
  );
  return { score: combine(surname, given, patronymic), surname, given, patronymic };
}

interface Compared {
  comparison: NameComparison;
  swapped: boolean;
}

/**
 * A query's part comparisons, by the candidate's part (its `partId`), then by the query's words in
 * a role (a short tag). Two lookups by strings that exist already cost less than building,
 * flattening and hashing one combined key for every part of every candidate.
 */
type PartMemo = Map<string, Map<string, PartScore>>;

/**
 * The comparisons of one query: by the candidate's resolved name (the object `prepareName` made),
 * so namesakes sharing a name are compared once, and by part, so candidates sharing a surname or
 * a given name (most candidates of a search) compare it once. Use a new memo for every query.
 */
export interface NameComparisonMemo {
  readonly names: Map<ResolvedName, Compared>;
  readonly parts: PartMemo;
}

export function createComparisonMemo(): NameComparisonMemo {
  return { names: new Map(), parts: new Map() };
}

/** What a comparison of a part depends on: each word's key, classes and whether it is an initial. */
const partIds = new WeakMap<readonly NameWord[], string>();

function partId(words: readonly NameWord[]): string {
  let id = partIds.get(words);
  if (id === undefined) {
    id = words
      .map((w) => `${w.key}\u0001${w.givenClass ?? ''}\u0001${w.patronymicClass ?? ''}\u0001${w.initial ? 1 : 0}`)
      .join('\u0002');
    partIds.set(words, id);
  }
  return id;
}

function memoPart(
  parts: PartMemo | undefined,
  tag: string,
  candidatePart: readonly NameWord[],
  compare: () => PartScore,
): PartScore {
  if (parts === undefined) return compare();
  const id = partId(candidatePart);
  let byTag = parts.get(id);
  if (byTag === undefined) {
    byTag = new Map();
    parts.set(id, byTag);
  }
  let part = byTag.get(tag);
  if (part === undefined) {
    part = compare();
    byTag.set(tag, part);
  }
  return part;
}

/** Analyses a name and its date of birth once, for `scorePreparedNames`. */
export function prepareName(input: PersonNameWithDate): PreparedName {
  return { name: resolvePersonName(input), dateOfBirth: parseDateOfBirthParts(input.dateOfBirth) };
}

function combine(surname: PartScore, given: PartScore, patronymic: PartScore): number {
  return (
    SURNAME_WEIGHT * (surname.kind === 'missing' ? MISSING_SURNAME : surname.similarity) +
    GIVEN_WEIGHT * (given.kind === 'missing' ? MISSING_GIVEN : given.similarity) +
    PATRONYMIC_WEIGHT * (patronymic.kind === 'missing' ? MISSING_PATRONYMIC : patronymic.similarity)
  );
}

/** Structured query: the roles as given, or surname and given name swapped. */
function compareStructured(q: ResolvedName, c: ResolvedName, parts?: PartMemo): Compared {
  const direct = compareNames(q.surname, q.given, q, c, parts, 'd');
  if (q.surname.length === 0 || q.given.length === 0) return { comparison: direct, swapped: false };
  const alternative = compareNames(q.given, q.surname, q, c, parts, 'a');
  if (alternative.score - SWAPPED_ORDER_PENALTY > direct.score) {
    return { comparison: { ...alternative, score: alternative.score - SWAPPED_ORDER_PENALTY }, swapped: true };
  }
  return { comparison: direct, swapped: false };
}

/**
 * Full-name query: every plausible reading of its words (see `roleAssignments`) is compared,
 * each less plausible reading paying for its implausibility; the best reading counts. Word
 * comparisons are computed once per word and role.
 */
function compareGuessed(q: ResolvedName, c: ResolvedName, parts?: PartMemo): Compared {
  const words = q.words;
  const surnames: Array<PartScore | undefined> = [];
  const givens: Array<PartScore | undefined> = [];
  const patronymics: Array<PartScore | undefined> = [];
  const severalSurnames = new Map<number, PartScore>();
  let best: NameComparison | undefined;
  let bestIndex = 0;
  q.assignments.forEach((assignment, index) => {
    let surnameMask = 0;
    let surnameCount = 0;
    let lastSurname = -1;
    let given = -1;
    let patronymic = -1;
    assignment.roles.forEach((role, i) => {
      if (role === 'G') given = i;
      else if (role === 'P') patronymic = i;
      else {
        surnameMask |= 1 << i;
        surnameCount++;
        lastSurname = i;
      }
    });
    let surname: PartScore;
    if (surnameCount === 0) surname = MISSING;
    else if (surnameCount === 1) {
      surname = surnames[lastSurname] ??= memoPart(parts, `s${lastSurname}`, c.surname, () =>
        compareSurnames([words[lastSurname] as NameWord], c.surname),
      );
    } else {
      let several = severalSurnames.get(surnameMask);
      if (several === undefined) {
        several = memoPart(parts, `S${surnameMask}`, c.surname, () =>
          compareSurnames(
            words.filter((_, i) => (surnameMask & (1 << i)) !== 0),
            c.surname,
          ),
        );
        severalSurnames.set(surnameMask, several);
      }
      surname = several;
    }
    const givenPart =
      given < 0
        ? MISSING
        : (givens[given] ??= memoPart(parts, `g${given}`, c.given, () =>
            compareParts([words[given] as NameWord], c.given, givenNameKeys, givenClassOf),
          ));
    const patronymicPart =
      patronymic < 0
        ? MISSING
        : (patronymics[patronymic] ??= memoPart(parts, `p${patronymic}`, c.patronymic, () =>
            compareParts([words[patronymic] as NameWord], c.patronymic, patronymicKeys, patronymicClassOf),
          ));
    const score = combine(surname, givenPart, patronymicPart) - IMPLAUSIBILITY_WEIGHT * assignment.implausibility;
    if (best === undefined || score > best.score) {
      best = { score, surname, given: givenPart, patronymic: patronymicPart };
      bestIndex = index;
    }
  });
  if (best === undefined) return { comparison: compareNames(q.surname, q.given, q, c), swapped: false };
  return { comparison: best, swapped: bestIndex !== 0 };
}

function isGuessed(name: ResolvedName): boolean {
  return name.guessed && name.assignments.length > 1;
}

function isEmpty(name: ResolvedName): boolean {
  return name.surname.length === 0 && name.given.length === 0 && name.patronymic.length === 0;
}

/** `scoreNames` on names prepared with `prepareName` (faster when one query meets many). */
export function scorePreparedNames(query: PreparedName, candidate: PreparedName, memo?: NameComparisonMemo): NameScore {
  if (isEmpty(query.name) || isEmpty(candidate.name)) {
    return { score: 0, reasons: ['surname_missing', 'given_name_missing', 'patronymic_missing'] };
  }
  let compared = memo?.names.get(candidate.name);
  if (compared === undefined) {
    // A full name is read every plausible way against the other side (the query's when both are
    // full names); two structured names are compared as given, or with surname and given swapped.
    // Part comparisons are kept only where the query's words are the fixed side.
    compared = isGuessed(query.name)
      ? compareGuessed(query.name, candidate.name, memo?.parts)
      : isGuessed(candidate.name)
        ? compareGuessed(candidate.name, query.name)
        : compareStructured(query.name, candidate.name, memo?.parts);
    memo?.names.set(candidate.name, compared);
  }
  const { comparison, swapped } = compared;
  const dates = compareDatesOfBirth(query.dateOfBirth, candidate.dateOfBirth);
  const score = Math.min(1, Math.max(0, applyDateOfBirth(comparison.score, dates)));
  const reasons: NameMatchReason[] = [
    SURNAME_REASONS[comparison.surname.kind],
    GIVEN_NAME_REASONS[comparison.given.kind],
    PATRONYMIC_REASONS[comparison.patronymic.kind],
  ];
  if (swapped) reasons.push('word_order_swapped');
  reasons.push(DATE_REASONS[dates]);
  return { score: Math.round(score * 10_000) / 10_000, reasons };
}

/**
 * How likely two records name the same person, in [0, 1], with the reasons. Names are
 * compared part by part on phonetic keys and given-name / patronymic classes (any script,
 * spelling, word order, capitals, homoglyphs), with typo tolerance (Damerau-Levenshtein on
 * keys); the date of birth then lifts a match and clearly lowers a namesake with another date.
 */
export function scoreNames(query: PersonNameWithDate, candidate: PersonNameWithDate): NameScore {
  return scorePreparedNames(prepareName(query), prepareName(candidate));
}
