import { GIVEN_NAME_ROWS } from './given-name-table';
import { transliterateKmu2010 } from './transliterate';
import { nameWordKey } from './word-key';

export type Sex = 'm' | 'f';

/** One given name in all its forms. */
export interface GivenNameClass {
  /** KMU 2010 transliteration of the main Ukrainian form, lower case (`oleksandr`). */
  readonly id: string;
  readonly sex: Sex;
  /** Ukrainian forms, the main one first. */
  readonly ukrainian: readonly string[];
  /** Russian forms (ё kept as written in the table). */
  readonly russian: readonly string[];
  /** Other Latin spellings that do not transliterate a Cyrillic form. */
  readonly latin: readonly string[];
  /** The distinct phonetic keys of every form, sorted. */
  readonly keys: readonly string[];
}

function splitForms(field: string | undefined): string[] {
  return (field ?? '').split(' ').filter((form) => form !== '');
}

function buildClasses(): ReadonlyMap<string, GivenNameClass> {
  const classes = new Map<string, GivenNameClass>();
  for (const row of GIVEN_NAME_ROWS) {
    const [sexField, ukField, ruField, latinField] = row.split('|');
    const ukrainian = splitForms(ukField);
    const main = ukrainian[0];
    if (main === undefined || (sexField !== 'm' && sexField !== 'f')) {
      throw new Error(`Bad given-name row: ${row}`);
    }
    const russian = splitForms(ruField);
    const latin = splitForms(latinField);
    const id = transliterateKmu2010(main).toLowerCase();
    if (classes.has(id)) throw new Error(`Duplicate given-name class: ${id}`);
    const keys = new Set<string>();
    for (const form of [...ukrainian, ...russian, ...latin]) {
      keys.add(nameWordKey(form));
      keys.add(nameWordKey(transliterateKmu2010(form)));
    }
    classes.set(id, { id, sex: sexField, ukrainian, russian, latin, keys: [...keys].sort() });
  }
  return classes;
}

const CLASSES = buildClasses();

function buildKeyIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const givenName of CLASSES.values()) {
    for (const key of givenName.keys) {
      // The first class wins; the table test asserts that no key is shared.
      if (!index.has(key)) index.set(key, givenName.id);
    }
  }
  return index;
}

const KEY_INDEX = buildKeyIndex();

/** Every given-name class, in table order. */
export function givenNameClasses(): readonly GivenNameClass[] {
  return [...CLASSES.values()];
}

/** The class with this id, or undefined. */
export function givenNameClass(id: string): GivenNameClass | undefined {
  return CLASSES.get(id);
}

/** The class id of a phonetic key (see `nameWordKey`), or null. */
export function givenNameClassOfKey(key: string): string | null {
  return KEY_INDEX.get(key) ?? null;
}

/**
 * The equivalence class of a given name in any script or spelling, or null when the name is
 * not in the table: `Олександр`, `Александр`, `Oleksandr`, `Aleksandr`, `ALEXANDER` →
 * `oleksandr`; `Ганна`, `Анна`, `Hanna`, `Anna` → `hanna`; `Шевченко` → null.
 */
export function canonicalGivenName(word: string): string | null {
  return KEY_INDEX.get(nameWordKey(word)) ?? null;
}

/** The phonetic keys of every form of a class (empty for an unknown id). */
export function givenNameKeys(id: string): readonly string[] {
  return CLASSES.get(id)?.keys ?? [];
}
