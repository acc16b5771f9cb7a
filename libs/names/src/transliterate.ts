/**
 * Ukrainian → Latin by the national standard (Resolution of the Cabinet of Ministers of
 * Ukraine No. 55 of 27 January 2010, "KMU 2010"), used in passports and by the Staff.
 * Russian-only letters are rendered the usual way (ы → y, э → e, ё → yo/io, ъ dropped).
 */

/** Letters with a different rendering at the start of a word. */
const KMU_INITIAL: ReadonlyMap<string, string> = new Map([
  ['є', 'ye'],
  ['ї', 'yi'],
  ['й', 'y'],
  ['ю', 'yu'],
  ['я', 'ya'],
  ['ё', 'yo'],
]);

const KMU: ReadonlyMap<string, string> = new Map([
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'v'],
  ['г', 'h'],
  ['ґ', 'g'],
  ['д', 'd'],
  ['е', 'e'],
  ['є', 'ie'],
  ['ж', 'zh'],
  ['з', 'z'],
  ['и', 'y'],
  ['і', 'i'],
  ['ї', 'i'],
  ['й', 'i'],
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
  ['ф', 'f'],
  ['х', 'kh'],
  ['ц', 'ts'],
  ['ч', 'ch'],
  ['ш', 'sh'],
  ['щ', 'shch'],
  ['ь', ''],
  ['ю', 'iu'],
  ['я', 'ia'],
  // Russian letters, for names written in Russian.
  ['ё', 'io'],
  ['ъ', ''],
  ['ы', 'y'],
  ['э', 'e'],
]);

const APOSTROPHES = new Set(["'", '’', 'ʼ', '`', '´', 'ʹ', '‘', '′', '＇', 'ʻ']);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * Transliterates Ukrainian Cyrillic to Latin by KMU 2010, keeping the case of each word
 * (`Щербак` → `Shcherbak`, `ЩЕРБАК` → `SHCHERBAK`, `Згурський` → `Zghurskyi`,
 * `Мар'яна` → `Mariana`, `Юрій` → `Yurii`). Non-Cyrillic characters are kept as they are;
 * apostrophes inside a word are dropped.
 */
export function transliterateKmu2010(text: string): string {
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  let previousLetter: string | undefined;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (APOSTROPHES.has(ch) && isLetter(previousLetter) && isLetter(chars[i + 1])) continue;
    const lower = ch.toLowerCase();
    const previous = previousLetter;
    const atWordStart = previous === undefined;
    let latin = atWordStart ? (KMU_INITIAL.get(lower) ?? KMU.get(lower)) : KMU.get(lower);
    if (lower === 'г' && previous?.toLowerCase() === 'з') latin = 'gh';
    previousLetter = isLetter(ch) ? ch : undefined;
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (ch === lower || latin === '') {
      out += latin;
      continue;
    }
    const next = chars[i + 1];
    const wordIsUpper =
      (next !== undefined && isLetter(next) && next === next.toUpperCase()) ||
      (previous !== undefined && previous === previous.toUpperCase());
    out += wordIsUpper ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}
