import { NameWord, nameWords, parseDateOfBirth } from '@app/names';

/**
 * How names are indexed for search. Each word of a name gets one canonical key: its given-name
 * class (`g:oleksandr`), its patronymic class (`p:mykola`) or its phonetic key (`kovalenko`),
 * the same for every script and spelling. A case stores each key and each unordered pair of
 * keys; a query with two words or more looks up pairs, which are nearly unique, so the lookup
 * costs the same at 100k and at 1M cases (see docs/decisions.md).
 */
export interface IndexedWord {
  /** The word's phonetic key (typo correction works on these). */
  phonetic: string;
  canonical: string;
}

export function canonicalKey(word: NameWord): string | null {
  if (word.initial || word.key === '') return null;
  if (word.givenClass !== null) return `g:${word.givenClass}`;
  if (word.patronymicClass !== null) return `p:${word.patronymicClass}`;
  return word.key;
}

export function indexedWords(text: string): IndexedWord[] {
  const out: IndexedWord[] = [];
  for (const word of nameWords(text)) {
    const canonical = canonicalKey(word);
    if (canonical !== null) out.push({ phonetic: word.key, canonical });
  }
  return out;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** An unordered triple of keys (surname, given name, patronymic in any order). */
export function tripleKey(a: string, b: string, c: string): string {
  return [a, b, c].sort().join('|');
}

/** How every key of a word with a date of birth begins (no other key does). */
export const BIRTH_KEY_PREFIX = 'b:';

/** A word's key together with a date of birth: namesakes born on other days never share it. */
export function birthKey(dateOfBirth: string, key: string): string {
  return `${BIRTH_KEY_PREFIX}${dateOfBirth}|${key}`;
}

/**
 * Every key a person's name is stored under: single words, unordered pairs and triples, and (with
 * a date of birth) each word with the date, so that a query carrying the date finds the person among
 * thousands of namesakes with one exact lookup.
 */
export function storedKeys(person: {
  surname: string;
  givenName: string;
  patronymic?: string | null;
  dateOfBirth?: string | null;
}): {
  keys: string[];
  words: IndexedWord[];
} {
  const words = indexedWords([person.surname, person.givenName, person.patronymic ?? ''].join(' '));
  const canon = [...new Set(words.map((w) => w.canonical))];
  const keys = new Set(canon);
  for (let i = 0; i < canon.length; i++) {
    for (let j = i + 1; j < canon.length; j++) {
      keys.add(pairKey(canon[i], canon[j]));
      for (let k = j + 1; k < canon.length; k++) keys.add(tripleKey(canon[i], canon[j], canon[k]));
    }
  }
  if (person.dateOfBirth) for (const c of canon) keys.add(birthKey(person.dateOfBirth, c));
  return { keys: [...keys], words };
}

export interface ParsedQuery {
  words: IndexedWord[];
  /** The name part of the query, without a date. */
  nameText: string;
  dateOfBirth: string | null;
}

/** Splits a free-text query into name words and an optional date of birth (`1991-03-14`, `14.03.1991`). */
export function parseSearchQuery(q: string): ParsedQuery {
  let dateOfBirth: string | null = null;
  const nameParts: string[] = [];
  for (const token of q.trim().split(/\s+/u)) {
    if (/\d/u.test(token)) {
      dateOfBirth = dateOfBirth ?? parseDateOfBirth(token);
      continue;
    }
    nameParts.push(token);
  }
  const nameText = nameParts.join(' ');
  return { words: indexedWords(nameText).slice(0, 5), nameText, dateOfBirth };
}

/** A given-name or patronymic class: common to thousands of people, unlike a surname. */
function isClassKey(key: string): boolean {
  return key.startsWith('g:') || key.startsWith('p:');
}

/**
 * The keys to look up for a query whose words have the given alternatives (the word itself and
 * its typo corrections), in stages tried in turn until one finds a case:
 * 1. for three words or more, triples (the whole name: nearly unique even at a million cases);
 * 2. pairs that involve a surname-like word, or single keys for a one-word query;
 * 3. pairs of two given-name or patronymic classes (`Олександр Миколайович`: thousands at 1M
 *    cases), for a query whose surname matched nothing;
 * 4. every word alone.
 * Each stage also carries each word with the date of birth when the query has one, so a case born
 * that day shares more keys and comes first (and is found even when a word of the name is wrong).
 * Empty stages are left out.
 */
export function lookupStages(alternatives: string[][], dateOfBirth: string | null = null): string[][] {
  const birth = new Set<string>();
  if (dateOfBirth) for (const list of alternatives) for (const key of list) birth.add(birthKey(dateOfBirth, key));
  if (alternatives.length === 1) return [[...birth, ...new Set(alternatives[0])]];
  const triples = new Set<string>(birth);
  const strong = new Set<string>(birth);
  const weak = new Set<string>(birth);
  const n = alternatives.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (const a of alternatives[i]) {
        for (const b of alternatives[j]) {
          if (a === b) continue;
          (isClassKey(a) && isClassKey(b) ? weak : strong).add(pairKey(a, b));
          for (let k = j + 1; k < n; k++) {
            for (const c of alternatives[k]) if (c !== a && c !== b) triples.add(tripleKey(a, b, c));
          }
        }
      }
    }
  }
  const stages = [triples, strong, weak, new Set([...birth, ...alternatives.flat()])];
  return stages.filter((stage) => stage.size > birth.size).map((stage) => [...stage]);
}
