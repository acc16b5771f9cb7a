import { givenNameClassOfKey } from './given-names';
import { looksLikePatronymicKey, patronymicClassOfKey, patronymicStemOfKey } from './patronymics';
import { nameWordKey } from './word-key';

/** A person's name as any source gives it: structured fields, or one full name in any order. */
export interface PersonNameInput {
  surname?: string | null;
  givenName?: string | null;
  patronymic?: string | null;
  fullName?: string | null;
}

/** Roles assigned to the words of a full name. */
export interface ParsedFullName {
  surname?: string;
  givenName?: string;
  patronymic?: string;
}

/** One word of a name, analysed once (cached by its text). */
export interface NameWord {
  /** The word as written (punctuation trimmed). */
  readonly text: string;
  /** `nameWordKey(text)`. */
  readonly key: string;
  readonly givenClass: string | null;
  readonly patronymicClass: string | null;
  /** Has the form of a patronymic, known or not. */
  readonly patronymicLike: boolean;
  /** A single letter (А., Yu.). */
  readonly initial: boolean;
  /** Ends like a common Ukrainian or Russian surname (-енко, -ук, -ський, -ов...). */
  readonly surnameLike: boolean;
  /** Written in capitals (2 letters or more). */
  readonly upper: boolean;
}

/** A name with its words sorted into roles. */
export interface ResolvedName {
  readonly surname: readonly NameWord[];
  readonly given: readonly NameWord[];
  readonly patronymic: readonly NameWord[];
  /** True when the roles were guessed from a full name (their order is uncertain). */
  readonly guessed: boolean;
  /** Every word, in the order written (for guessed names). */
  readonly words: readonly NameWord[];
  /** For guessed names, the plausible readings of `words`, the chosen one first. */
  readonly assignments: readonly RoleAssignment[];
}

const SPLIT_RE = /[\s,;/|()[\]{}"«»„“”]+/u;
const EDGE_PUNCTUATION_RE = /^[^\p{L}]+|[^\p{L}]+$/gu;
const LETTER_RE = /\p{L}/u;
/** Latin digraphs that stand for one Cyrillic letter in an initial (Yu. = Ю., Zh. = Ж.). */
const DIGRAPH_INITIALS = new Set(['ye', 'yi', 'yu', 'ya', 'iu', 'ia', 'ie', 'zh', 'kh', 'ts', 'ch', 'sh', 'shch']);
const SURNAME_ENDINGS: readonly string[] = [
  'enko',
  'uk',
  'ski',
  'ska',
  'ov',
  'ova',
  'ev',
  'eva',
  'in',
  'ina',
  'nik',
  'ak',
  'ko',
  'ex',
  'ic',
  'iv',
  'ix',
  'ar',
];

const WORD_CACHE_LIMIT = 20_000;
const wordCache = new Map<string, NameWord>();

function letterCount(s: string): number {
  let count = 0;
  for (const ch of s) if (LETTER_RE.test(ch)) count++;
  return count;
}

function analyseWord(text: string, initial: boolean, upper: boolean): NameWord {
  const cacheKey = `${initial ? 'i' : 'w'}${upper ? 'u' : 'l'}${text}`;
  const cached = wordCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const key = nameWordKey(text);
  const givenClass = initial ? null : givenNameClassOfKey(key);
  const patronymicClass = initial ? null : patronymicClassOfKey(key);
  const word: NameWord = {
    text,
    key,
    givenClass,
    patronymicClass,
    patronymicLike: !initial && looksLikePatronymicKey(key),
    initial,
    surnameLike: !initial && key.length >= 4 && SURNAME_ENDINGS.some((end) => key.endsWith(end)),
    upper,
  };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(cacheKey, word);
  return word;
}

interface Token {
  readonly text: string;
  readonly initial: boolean;
}

/** Splits a name into words; `А.П.` gives two initials, `Yu.` one. */
function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  for (const chunk of s.normalize('NFKC').split(SPLIT_RE)) {
    if (chunk === '') continue;
    const parts = chunk.split('.');
    for (let i = 0; i < parts.length; i++) {
      const text = (parts[i] as string).replace(EDGE_PUNCTUATION_RE, '');
      if (text === '') continue;
      const letters = letterCount(text);
      const dotted = i < parts.length - 1;
      const initial = letters === 1 || (dotted && letters <= 4 && DIGRAPH_INITIALS.has(text.toLowerCase()));
      tokens.push({ text, initial });
    }
  }
  return tokens;
}

function isUpperWord(text: string): boolean {
  return letterCount(text) >= 2 && text === text.toUpperCase() && text !== text.toLowerCase();
}

function analyseTokens(tokens: readonly Token[]): NameWord[] {
  const multiLetter = tokens.filter((token) => !token.initial);
  const allUpper = multiLetter.length > 0 && multiLetter.every((token) => isUpperWord(token.text));
  return tokens.map((token) =>
    analyseWord(token.text, token.initial, !allUpper && !token.initial && isUpperWord(token.text)),
  );
}

const TEXT_CACHE_LIMIT = 20_000;
const textCache = new Map<string, readonly NameWord[]>();
const NO_WORDS: readonly NameWord[] = [];

/** Analyses the words of a text (cached by text; for callers that keep their own roles). */
export function nameWords(s: string | null | undefined): readonly NameWord[] {
  if (s === null || s === undefined || s === '') return NO_WORDS;
  const cached = textCache.get(s);
  if (cached !== undefined) return cached;
  const words = analyseTokens(tokenize(s));
  if (textCache.size >= TEXT_CACHE_LIMIT) textCache.clear();
  textCache.set(s, words);
  return words;
}

/** The role of a word: surname, given name or patronymic. */
export type NameRole = 'S' | 'G' | 'P';

/** One way to read the words of a full name, and how much less plausible it is than the best. */
export interface RoleAssignment {
  readonly roles: readonly NameRole[];
  /** 0 for the most plausible reading; larger for less plausible ones (see `assignmentPenalty`). */
  readonly implausibility: number;
}

const ROLES: readonly NameRole[] = ['S', 'G', 'P'];

function roleScore(word: NameWord, role: NameRole): number {
  if (role === 'G') {
    if (word.initial) return 1;
    if (word.givenClass !== null) return 3;
    return word.patronymicLike ? -3 : -0.5;
  }
  if (role === 'P') {
    if (word.patronymicClass !== null) return 4;
    if (word.patronymicLike) return 2.5;
    return word.initial ? 0.5 : -6;
  }
  if (word.initial) return -4;
  let score = 0;
  if (word.givenClass !== null) score -= 2.5;
  if (word.patronymicClass !== null) score -= 3;
  else if (word.patronymicLike) score -= 1.5;
  if (word.surnameLike) score += 1;
  if (word.upper) score += 1;
  return score;
}

/** Bonus for the usual orders: surname given patronymic, given patronymic surname, etc. */
const ORDER_BONUS: ReadonlyMap<string, number> = new Map([
  ['SGP', 1],
  ['GPS', 0.8],
  ['SG', 0.6],
  ['GS', 0.5],
  ['GP', 0.3],
  ['SP', 0.1],
  ['G', 0.2],
  ['S', 0],
]);
const EXTRA_SURNAME_WORD = -1;
const NO_GIVEN_NAME = -1;
const NO_SURNAME = -1.5;
/** Readings less plausible than the best by more than this are not considered. */
const MAX_IMPLAUSIBILITY = 4;
const MAX_ASSIGNMENTS = 12;
const MAX_ENUMERATED_WORDS = 6;

function orderPattern(roles: readonly NameRole[]): string {
  let pattern = '';
  for (const role of roles) if (!pattern.endsWith(role)) pattern += role;
  return pattern;
}

function plausibility(words: readonly NameWord[], roles: readonly NameRole[]): number | null {
  let given = 0;
  let patronymic = 0;
  let surname = 0;
  let score = 0;
  for (let i = 0; i < words.length; i++) {
    const role = roles[i] as NameRole;
    if (role === 'G') given++;
    else if (role === 'P') patronymic++;
    else surname++;
    score += roleScore(words[i] as NameWord, role);
  }
  if (given > 1 || patronymic > 1) return null;
  if (words.length >= 2 && given === 0) score += NO_GIVEN_NAME;
  if (words.length >= 2 && surname === 0) score += NO_SURNAME;
  if (surname > 1) score += EXTRA_SURNAME_WORD * (surname - 1);
  const pattern = orderPattern(roles);
  return score + (ORDER_BONUS.get(pattern) ?? (pattern.length > 3 ? -0.5 : 0));
}

function greedyRoles(words: readonly NameWord[]): NameRole[] {
  const roles: NameRole[] = words.map(() => 'S');
  const patronymic = words.findIndex((w) => w.patronymicClass !== null);
  if (patronymic >= 0) roles[patronymic] = 'P';
  const given = words.findIndex((w, i) => i !== patronymic && w.givenClass !== null);
  if (given >= 0) roles[given] = 'G';
  return roles;
}

/**
 * The plausible readings of a full name, most plausible first: every assignment of roles
 * (at most one given name and one patronymic; any number of surname words) scored by the
 * form of each word (known given name, patronymic ending, surname ending, capitals) and by
 * the usual word orders.
 */
export function roleAssignments(words: readonly NameWord[]): RoleAssignment[] {
  const n = words.length;
  if (n === 0) return [{ roles: [], implausibility: 0 }];
  if (n > MAX_ENUMERATED_WORDS) return [{ roles: greedyRoles(words), implausibility: 0 }];
  const scored: Array<{ roles: NameRole[]; score: number }> = [];
  const total = 3 ** n;
  for (let combination = 0; combination < total; combination++) {
    const roles: NameRole[] = [];
    let rest = combination;
    for (let i = 0; i < n; i++) {
      roles.push(ROLES[rest % 3] as NameRole);
      rest = Math.floor(rest / 3);
    }
    const score = plausibility(words, roles);
    if (score !== null) scored.push({ roles, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const best = (scored[0] as { score: number }).score;
  return scored
    .filter((reading) => best - reading.score <= MAX_IMPLAUSIBILITY)
    .slice(0, MAX_ASSIGNMENTS)
    .map((reading) => ({ roles: reading.roles, implausibility: best - reading.score }));
}

function joinText(words: readonly NameWord[]): string | undefined {
  return words.length === 0 ? undefined : words.map((w) => w.text).join(' ');
}

function resolveWords(words: readonly NameWord[]): ResolvedName {
  const assignments = roleAssignments(words);
  const roles = (assignments[0] as RoleAssignment).roles;
  const surname: NameWord[] = [];
  const given: NameWord[] = [];
  const patronymic: NameWord[] = [];
  words.forEach((word, i) => {
    const role = roles[i];
    if (role === 'G') given.push(word);
    else if (role === 'P') patronymic.push(word);
    else surname.push(word);
  });
  return { surname, given, patronymic, guessed: true, words, assignments };
}

/**
 * Best-effort roles for the words of a full name in any order: `Шевченко Андрій Петрович`,
 * `Андрій Петрович Шевченко`, `Андрій Шевченко`, `SHEVCHENKO Andriy`, `Шевченко А.П.`.
 * A patronymic is recognised by its form, a given name by the table, a surname by what is left
 * (and by capitals, common endings, and the usual word orders). Several surname words are
 * kept together (`Римський Корсаков`). The words are returned as written.
 */
export function parseFullName(fullName: string): ParsedFullName {
  const resolved = resolveWords(nameWords(fullName));
  const result: ParsedFullName = {};
  const surname = joinText(resolved.surname);
  const givenName = joinText(resolved.given);
  const patronymic = joinText(resolved.patronymic);
  if (surname !== undefined) result.surname = surname;
  if (givenName !== undefined) result.givenName = givenName;
  if (patronymic !== undefined) result.patronymic = patronymic;
  return result;
}

/**
 * Sorts the words of a name into roles. Structured fields are trusted (a patronymic typed
 * into the given-name field is moved); a full name, or a lone field holding several words of
 * which one is a known given name or a patronymic, is parsed.
 */
export function resolvePersonName(name: PersonNameInput): ResolvedName {
  const surname = nameWords(name.surname);
  let given = nameWords(name.givenName);
  let patronymic = nameWords(name.patronymic);
  const filled = [surname, given, patronymic].filter((words) => words.length > 0);
  if (filled.length === 0) {
    const words = nameWords(name.fullName);
    return words.length > 0
      ? resolveWords(words)
      : { surname: [], given: [], patronymic: [], guessed: false, words: [], assignments: [] };
  }
  if (filled.length === 1) {
    // A whole name typed into one field: parse it when it holds a given name or a patronymic.
    const words = filled[0] as readonly NameWord[];
    if (words.length > 1 && words.some((w) => w.givenClass !== null || w.patronymicLike)) {
      return resolveWords(words);
    }
  }
  if (patronymic.length === 0 && given.length > 1) {
    const last = given[given.length - 1] as NameWord;
    if (last.patronymicLike || last.initial) {
      patronymic = [last];
      given = given.slice(0, -1);
    }
  }
  return { surname, given, patronymic, guessed: false, words: [], assignments: [] };
}

/** Prefix of a given-name class key. */
export const GIVEN_NAME_KEY_PREFIX = 'g:';
/** Prefix of a patronymic class key (`p:~stem` for a patronymic of an unknown name). */
export const PATRONYMIC_KEY_PREFIX = 'p:';

function addSurnameKeys(words: readonly NameWord[], keys: Set<string>): void {
  const parts: string[] = [];
  for (const word of words) {
    if (word.initial || word.key === '') continue;
    keys.add(word.key);
    parts.push(word.key);
    if (word.text.includes('-')) {
      for (const part of word.text.split('-')) {
        const key = nameWordKey(part);
        if (key.length >= 2) keys.add(key);
      }
    }
  }
  if (parts.length > 1) keys.add(parts.join(''));
}

/**
 * The keys that identify a person, order-free, for exact lookups in the database:
 * - `g:<class>` for a known given name (`g:oleksandr`);
 * - `p:<class>` for a recognised patronymic (`p:mykola`), `p:~<stem>` for a patronymic of an
 *   unknown name;
 * - the phonetic key (no prefix) of every surname-like word: the surname, and any word that is
 *   neither a known given name nor a patronymic; a double surname also gives its parts.
 * From a full name, a known given name that may be the surname (`Роман Максим`) gives both.
 * Initials give no key. The result is sorted and has no duplicates.
 */
export function personNameKeys(name: PersonNameInput): string[] {
  const resolved = resolvePersonName(name);
  const keys = new Set<string>();
  addSurnameKeys(resolved.surname, keys);
  for (const word of resolved.given) {
    if (word.initial) continue;
    if (word.givenClass !== null) keys.add(GIVEN_NAME_KEY_PREFIX + word.givenClass);
    else addSurnameKeys([word], keys);
  }
  if (resolved.guessed) {
    // The order of a full name is a guess: a known given name may be the surname and back.
    const known = resolved.surname.concat(resolved.given).filter((w) => w.givenClass !== null);
    for (const word of known) {
      keys.add(GIVEN_NAME_KEY_PREFIX + (word.givenClass ?? ''));
      if (known.length > 1) keys.add(word.key);
    }
  }
  for (const word of resolved.patronymic) {
    if (word.initial) continue;
    if (word.patronymicClass !== null) {
      keys.add(PATRONYMIC_KEY_PREFIX + word.patronymicClass);
    } else {
      const stem = patronymicStemOfKey(word.key);
      if (stem !== null) keys.add(`${PATRONYMIC_KEY_PREFIX}~${stem}`);
      else addSurnameKeys([word], keys);
    }
  }
  return [...keys].sort();
}
