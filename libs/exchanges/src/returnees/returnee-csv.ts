import * as iconv from 'iconv-lite';
import { RawRow, ReturneeField, RowProblem } from './returnee-rows';

/**
 * Return lists as spreadsheets in Ukraine save them: UTF-8 with or without a byte-order mark,
 * or Windows-1251; comma, semicolon or tab separated; quoted fields as in RFC 4180. The header
 * row names the columns in English, Ukrainian or Russian (see COLUMN_NAMES).
 */
export type CsvResult = { ok: true; rows: RawRow[] } | { ok: false; problems: RowProblem[] };

/** Header names, compared without case, spaces, underscores, hyphens and dots. */
export const COLUMN_NAMES: Readonly<Record<ReturneeField, readonly string[]>> = {
  surname: ['surname', 'lastname', 'familyname', 'прізвище', 'фамилия'],
  givenName: ['givenname', 'firstname', "ім'я", 'імя', 'имя'],
  patronymic: ['patronymic', 'middlename', 'побатькові', 'отчество'],
  fullName: ['fullname', 'name', 'піб', 'пiб', "повнеім'я", "прізвищеім'япобатькові", 'фио', 'фіо'],
  dateOfBirth: ['dateofbirth', 'birthdate', 'dob', 'датанародження', 'датарождения'],
  militaryUnit: ['militaryunit', 'unit', 'частина', 'військовачастина', 'в/ч', 'вч', 'часть', 'воинскаячасть'],
  serviceNumber: ['servicenumber', 'номер', 'особистийномер', 'жетон', 'личныйномер'],
};
/** Row-number columns that lists often carry; they are ignored. */
const IGNORED_COLUMNS = ['№', '#', 'no', 'n', '№з/п', '№п/п', 'nn'];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const DELIMITERS = [';', ',', '\t'] as const;

const COLUMN_INDEX = new Map<string, ReturneeField>(
  (Object.entries(COLUMN_NAMES) as [ReturneeField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as [string, ReturneeField]),
  ),
);

/** UTF-8 (a byte-order mark is dropped) unless the bytes are not valid UTF-8: then Windows-1251. */
export function decodeCsv(bytes: Buffer): { ok: true; text: string } | { ok: false; problem: RowProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      problem: {
        field: 'file',
        rule: 'encoding',
        message: 'The file is UTF-16; save it as "CSV UTF-8" or "CSV (comma delimited)"',
      },
    };
  }
  const body = UTF8_BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { ok: true, text: iconv.decode(body, 'win1251') };
  }
}

/** Splits CSV text into records of cells, with the line each record starts on. */
export function splitCsv(
  text: string,
  delimiter: string,
): { records: { line: number; cells: string[] }[] } | { problem: RowProblem } {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false;
  const endCell = (): void => {
    cells.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRecord = (): void => {
    endCell();
    if (cells.some((c) => c.trim() !== '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell.trim() !== '' || afterQuote) {
        return { problem: malformed(line, 'a quote (") stands inside an unquoted field') };
      }
      cell = '';
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      endCell();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (afterQuote) {
      if (c.trim() !== '') return { problem: malformed(line, 'text follows a closing quote (")') };
    } else {
      cell += c;
    }
  }
  if (quoted) return { problem: malformed(quoteLine, 'a quoted field is never closed') };
  endRecord();
  return { records };
}

/** The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/u);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/gu, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function normaliseColumnName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’ʼ`´]/gu, "'")
    .replace(/[\s_.\-:*]+/gu, '');
}

/** Decodes, splits and maps a CSV return list to raw rows (checked afterwards like JSON rows). */
export function parseReturneeCsv(bytes: Buffer): CsvResult {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const split = splitCsv(decoded.text, detectDelimiter(decoded.text));
  if ('problem' in split) return { ok: false, problems: [split.problem] };
  const [header, ...records] = split.records;
  if (header === undefined) {
    return {
      ok: false,
      problems: [{ field: 'file', rule: 'notEmpty', message: 'The file holds no header and no rows' }],
    };
  }
  const columns: (ReturneeField | null)[] = [];
  const problems: RowProblem[] = [];
  header.cells.forEach((cell, index) => {
    const name = normaliseColumnName(cell);
    const field = COLUMN_INDEX.get(name);
    if (name === '' || IGNORED_COLUMNS.includes(name)) {
      columns.push(null);
    } else if (field === undefined) {
      columns.push(null);
      problems.push({
        field: 'header',
        rule: 'knownColumn',
        message: `Column ${index + 1} ("${cell.trim().slice(0, 40)}") is not a known column; known: ${Object.keys(COLUMN_NAMES).join(', ')} or their Ukrainian names`,
        line: header.line,
      });
    } else if (columns.includes(field)) {
      columns.push(null);
      problems.push({
        field: 'header',
        rule: 'uniqueColumn',
        message: `Column ${index + 1} names ${field} a second time`,
        line: header.line,
      });
    } else {
      columns.push(field);
    }
  });
  const hasStructured = columns.includes('surname') && columns.includes('givenName');
  if (problems.length === 0 && !hasStructured && !columns.includes('fullName')) {
    problems.push({
      field: 'header',
      rule: 'nameColumns',
      message: 'The header needs surname and givenName columns (прізвище, ім\u2019я) or a fullName column (ПІБ)',
      line: header.line,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const rows: RawRow[] = [];
  for (const [index, record] of records.entries()) {
    if (record.cells.length > header.cells.length) {
      return {
        ok: false,
        problems: [
          {
            field: 'file',
            rule: 'cellCount',
            message: `row ${index + 1} (line ${record.line}) has ${record.cells.length} cells but the header has ${header.cells.length}: quote a field that holds the delimiter`,
            row: index + 1,
            line: record.line,
          },
        ],
      };
    }
    const values: Partial<Record<ReturneeField, string>> = {};
    columns.forEach((field, i) => {
      if (field !== null && record.cells[i] !== undefined) values[field] = record.cells[i];
    });
    rows.push({ values, line: record.line });
  }
  return { ok: true, rows };
}

function malformed(line: number, what: string): RowProblem {
  return { field: 'file', rule: 'csv', message: `Malformed CSV at line ${line}: ${what}`, line };
}
