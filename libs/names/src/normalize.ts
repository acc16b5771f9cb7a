/**
 * Text folding for personal names: one spelling-insensitive form of a name as typed by a
 * family, copied from a list or re-typed from a scan (mixed scripts, capitals, apostrophes).
 */

/** Every apostrophe-like character used in Ukrainian names (Мар'яна, Лук'ян, В'ячеслав). */
const APOSTROPHES_RE = /['’ʼ`´ʹ‘′＇ʻ]/gu;
const INVISIBLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;
const DASHES_RE = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu;
/** Combining marks left after NFKC (stress accents in Cyrillic text: Андрі́й). */
const MARKS_RE = /\p{M}+/gu;
const NON_NAME_RE = /[^\p{L}\p{N}\s-]+/gu;
/** A dash with spaces on both sides separates words; any other dash run joins them. */
const SPACED_DASH_RE = /\s+-[\s-]*\s+|\s+-+$|^-+\s+/gu;
const HYPHEN_RUN_RE = /\s*-[\s-]*/gu;
const SPACES_RE = /\s+/gu;

/** Latin letters (lower case, after case folding) that look like a Cyrillic letter. */
const LATIN_TO_CYRILLIC: ReadonlyMap<string, string> = new Map([
  ['a', 'а'],
  ['b', 'в'],
  ['c', 'с'],
  ['e', 'е'],
  ['ë', 'е'],
  ['h', 'н'],
  ['i', 'і'],
  ['ï', 'ї'],
  ['k', 'к'],
  ['m', 'м'],
  ['o', 'о'],
  ['p', 'р'],
  ['t', 'т'],
  ['x', 'х'],
  ['y', 'у'],
]);

/** Cyrillic letters (lower case) that look like a Latin letter. */
const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map([
  ['а', 'a'],
  ['в', 'b'],
  ['с', 'c'],
  ['е', 'e'],
  ['н', 'h'],
  ['і', 'i'],
  ['ї', 'ï'],
  ['ј', 'j'],
  ['к', 'k'],
  ['м', 'm'],
  ['о', 'o'],
  ['р', 'p'],
  ['ѕ', 's'],
  ['т', 't'],
  ['х', 'x'],
  ['у', 'y'],
]);

/** True for a letter of the Cyrillic block (U+0400–U+04FF). */
export function isCyrillicLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x0400 && code <= 0x04ff;
}

/** True for a Latin letter: ASCII or Latin-1 / Latin Extended-A/B. */
export function isLatinLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

/**
 * Replaces look-alike letters of the minority script inside one word (lower case, no spaces):
 * a mostly Cyrillic word gets Cyrillic letters only, a mostly Latin word Latin letters only.
 * A word whose script cannot be decided (as many letters of each, none unambiguous) is kept.
 */
export function foldHomoglyphs(word: string): string {
  let cyrillic = 0;
  let latin = 0;
  let cyrillicOnly = 0;
  let latinOnly = 0;
  for (const ch of word) {
    if (isCyrillicLetter(ch)) {
      cyrillic++;
      if (!CYRILLIC_TO_LATIN.has(ch)) cyrillicOnly++;
    } else if (isLatinLetter(ch)) {
      latin++;
      if (!LATIN_TO_CYRILLIC.has(ch)) latinOnly++;
    }
  }
  if (cyrillic === 0 || latin === 0) return word;
  let toCyrillic: boolean;
  if (cyrillicOnly > 0 && latinOnly === 0) toCyrillic = true;
  else if (latinOnly > 0 && cyrillicOnly === 0) toCyrillic = false;
  else if (cyrillic !== latin) toCyrillic = cyrillic > latin;
  else if (cyrillicOnly !== latinOnly) toCyrillic = cyrillicOnly > latinOnly;
  else return word;

  const table = toCyrillic ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = '';
  for (const ch of word) out += table.get(ch) ?? ch;
  return out;
}

/**
 * Folds a name (or any text) for comparison: NFKC, lower case, apostrophes removed, ё → е,
 * stress marks removed, punctuation other than hyphens turned into spaces, spaces and hyphens
 * collapsed (`Римський-  Корсаков` → `римський-корсаков`, while a dash with spaces on both sides
 * separates words: `Шевченко — Андрій` → `шевченко андрій`), and homoglyphs folded inside each
 * word (`Кoваленко` with a Latin `o` → `коваленко`). Pure and idempotent.
 */
export function foldText(s: string): string {
  // Apostrophes go first: NFKC turns the acute accent ´ into a space and a combining mark.
  const folded = s
    .replace(APOSTROPHES_RE, '')
    .normalize('NFKC')
    .replace(APOSTROPHES_RE, '')
    .toLowerCase()
    .replace(INVISIBLE_RE, '')
    .replace(MARKS_RE, '')
    .replaceAll('ё', 'е')
    .replace(DASHES_RE, '-')
    .replace(NON_NAME_RE, ' ')
    .replace(SPACED_DASH_RE, ' ')
    .replace(HYPHEN_RUN_RE, '-')
    .replace(SPACES_RE, ' ')
    .trim();
  if (folded === '') return '';
  const words: string[] = [];
  for (const word of folded.split(' ')) {
    const parts = word
      .split('-')
      .filter((part) => part !== '')
      .map(foldHomoglyphs);
    if (parts.length > 0) words.push(parts.join('-'));
  }
  return words.join(' ');
}

/** The folded words of a name, in order (`'  ШЕВЧЕНКО,  Андрій '` → `['шевченко', 'андрій']`). */
export function splitNameWords(s: string): string[] {
  const folded = foldText(s);
  return folded === '' ? [] : folded.split(' ');
}
