import { foldText } from './normalize';

/**
 * One comparable ASCII key per name word ("phonetic skeleton"), equal for the Ukrainian and
 * Russian Cyrillic spellings, the KMU 2010 Latin and the older or Russian-based Latin spellings
 * of the same word. Steps:
 *
 * 1. fold the text (case, apostrophes, homoglyphs, ё → е);
 * 2. map every sound to one letter of a small alphabet, from Cyrillic or from Latin
 *    (letter combinations first): г ґ h g → g, х kh → h, ж zh → j, ц ts tz → x, ч ch → c,
 *    ш sh → w, щ shch sch → wc, и і ї й ы y j → i, е є э → e, я → ia, ю → iu,
 *    ь ъ and apostrophes dropped, w → v, x → ks, q → k, c → k (x before e, i, y);
 * 3. collapse what differs between spelling systems: runs of i (ii, iy, yi, ij → i),
 *    a consonant + io → e (ё / yo / ьо / йо after a consonant), ie → e (є, ye, je),
 *    ei → i before a consonant or at the end (Ukrainian ій ↔ Russian ей: Олійник / Олейник),
 *    a final consonant + -aia → -a in words of 6 letters or more (Russian -ая: Ковальская),
 *    a final -oi → -i in words of 5 letters or more (Russian -ой: Лановой), doubled letters.
 *
 * The key alphabet is `a-z` without `q` and `y`. Keys are short, stable and indexable.
 */

const CYRILLIC_SOUNDS: ReadonlyMap<string, string> = new Map([
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'v'],
  ['г', 'g'],
  ['ґ', 'g'],
  ['д', 'd'],
  ['е', 'e'],
  ['є', 'ie'],
  ['ж', 'j'],
  ['з', 'z'],
  ['и', 'i'],
  ['і', 'i'],
  ['ї', 'i'],
  ['й', 'i'],
  ['ј', 'i'],
  ['к', 'k'],
  ['л', 'l'],
  ['м', 'm'],
  ['н', 'n'],
  ['о', 'o'],
  ['п', 'p'],
  ['р', 'r'],
  ['с', 's'],
  ['т', 't'],
  ['у', 'u'],
  ['ў', 'u'],
  ['ф', 'f'],
  ['х', 'h'],
  ['ц', 'x'],
  ['ч', 'c'],
  ['ш', 'w'],
  ['щ', 'wc'],
  ['ъ', ''],
  ['ы', 'i'],
  ['ь', ''],
  ['э', 'e'],
  ['ю', 'iu'],
  ['я', 'ia'],
  ['ё', 'e'],
]);

/** Cyrillic pairs that KMU 2010 renders as a Latin digraph of another sound (тс → ts → ц). */
const CYRILLIC_PAIRS: ReadonlyMap<string, string> = new Map([
  ['тс', 'x'],
  ['тч', 'c'],
  ['сч', 'wc'],
]);

/** Latin letter groups, longest first, by their first letter. */
const LATIN_GROUPS: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>> = groupByFirst([
  ['shch', 'wc'],
  ['szcz', 'wc'],
  ['sch', 'wc'],
  ['zgh', 'zg'],
  ['tch', 'c'],
  ['zh', 'j'],
  ['kh', 'h'],
  ['ch', 'c'],
  ['sh', 'w'],
  ['sz', 'w'],
  ['cz', 'c'],
  ['ts', 'x'],
  ['tz', 'x'],
  ['gh', 'g'],
  ['ph', 'f'],
  ['ck', 'k'],
]);

const LATIN_SOUNDS: ReadonlyMap<string, string> = new Map([
  ['a', 'a'],
  ['b', 'b'],
  ['d', 'd'],
  ['e', 'e'],
  ['f', 'f'],
  ['g', 'g'],
  ['h', 'g'],
  ['i', 'i'],
  ['j', 'i'],
  ['k', 'k'],
  ['l', 'l'],
  ['m', 'm'],
  ['n', 'n'],
  ['o', 'o'],
  ['p', 'p'],
  ['q', 'k'],
  ['r', 'r'],
  ['s', 's'],
  ['t', 't'],
  ['u', 'u'],
  ['v', 'v'],
  ['w', 'v'],
  ['x', 'ks'],
  ['y', 'i'],
  ['z', 'z'],
]);

/** Latin letters with diacritics → ASCII spelling (š → sh as in scholarly transliteration). */
const LATIN_DIACRITICS: ReadonlyMap<string, string> = buildLatinDiacritics();

const I_RUN_RE = /i{2,}/g;
const CONSONANT_IO_RE = /([^aeiou])io/g;
const IE_RE = /ie/g;
/** е + й before a consonant or at the end (not the iotation of я, ю: Нея stays n-e-ia). */
const EI_RE = /ei(?![aeiou])/g;
const FINAL_AIA_RE = /([^aeiou])aia$/;
const FINAL_OI_RE = /oi$/;
const DOUBLE_RE = /([a-z])\1+/g;

function groupByFirst(
  groups: ReadonlyArray<readonly [string, string]>,
): ReadonlyMap<string, ReadonlyArray<readonly [string, string]>> {
  const map = new Map<string, Array<readonly [string, string]>>();
  for (const group of groups) {
    const first = group[0].charAt(0);
    const list = map.get(first) ?? [];
    list.push(group);
    map.set(first, list);
  }
  return map;
}

function buildLatinDiacritics(): ReadonlyMap<string, string> {
  const special: Record<string, string> = {
    š: 'sh',
    č: 'ch',
    ž: 'zh',
    ŝ: 'shch',
    ć: 'ch',
    ś: 's',
    ź: 'z',
    ż: 'zh',
    ł: 'l',
    ß: 'ss',
    æ: 'ae',
    œ: 'oe',
    ø: 'o',
    đ: 'd',
    ħ: 'h',
    ı: 'i',
    ĳ: 'ij',
    þ: 'th',
  };
  const map = new Map<string, string>();
  for (let code = 0xc0; code <= 0x24f; code++) {
    const ch = String.fromCharCode(code).toLowerCase();
    const ascii = special[ch] ?? ch.normalize('NFD').replace(/\p{M}+/gu, '');
    if (/^[a-z]+$/.test(ascii)) map.set(ch, ascii);
  }
  return map;
}

/** Maps a folded word to the raw sound string, before the collapsing rules. */
function toSounds(folded: string): string {
  let latin = '';
  for (const ch of folded) latin += LATIN_DIACRITICS.get(ch) ?? ch;
  let out = '';
  const length = latin.length;
  let i = 0;
  while (i < length) {
    const ch = latin.charAt(i);
    const cyrillic = CYRILLIC_SOUNDS.get(ch);
    if (cyrillic !== undefined) {
      const pair = CYRILLIC_PAIRS.get(latin.slice(i, i + 2));
      if (pair !== undefined) {
        out += pair;
        i += 2;
      } else {
        out += cyrillic;
        i++;
      }
      continue;
    }
    const groups = LATIN_GROUPS.get(ch);
    let matched = false;
    if (groups !== undefined) {
      for (const [pattern, sound] of groups) {
        if (latin.startsWith(pattern, i)) {
          out += sound;
          i += pattern.length;
          matched = true;
          break;
        }
      }
    }
    if (matched) continue;
    if (ch === 'c') {
      const next = latin.charAt(i + 1);
      out += next === 'e' || next === 'i' || next === 'y' || next === '' ? 'x' : 'k';
    } else {
      out += LATIN_SOUNDS.get(ch) ?? '';
    }
    i++;
  }
  return out;
}

/** Applies the collapsing rules to a raw sound string (see the file comment). */
export function collapseSounds(sounds: string): string {
  let key = sounds.replace(I_RUN_RE, 'i');
  key = key.replace(CONSONANT_IO_RE, '$1e');
  key = key.replace(IE_RE, 'e');
  key = key.replace(EI_RE, 'i');
  if (key.length >= 6) key = key.replace(FINAL_AIA_RE, '$1a');
  if (key.length >= 5) key = key.replace(FINAL_OI_RE, 'i');
  return key.replace(DOUBLE_RE, '$1');
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/**
 * The phonetic key of one name word (a hyphenated word gives one key for all its parts):
 * `Олійник`, `Олейник`, `Oliinyk`, `Oleynik` → `olinik`; `Андрій`, `Андрей`, `Andrii`,
 * `Andriy` → `andri`; `Іванов` → `ivanov` and `Іваненко` → `ivanenko` stay apart.
 * Returns `''` for a word without letters.
 */
export function nameWordKey(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const key = collapseSounds(toSounds(foldText(word)));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}
