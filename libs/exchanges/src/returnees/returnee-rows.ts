import { NAME_PATTERN } from '@app/cases';
import { FieldProblem } from '@app/core';
import { parseDateOfBirth } from '@app/names';

/** The most rows one return list may hold. */
export const MAX_RETURNEE_ROWS = 2000;
/** A refused list names at most this many problems (the first ones). */
const MAX_PROBLEMS = 100;

export const RETURNEE_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'fullName',
  'dateOfBirth',
  'militaryUnit',
  'serviceNumber',
] as const;
export type ReturneeField = (typeof RETURNEE_FIELDS)[number];

/** One person of a return list, checked: names as written, the date of birth as ISO. */
export interface ReturneeRow {
  /** 1-based: the first object of `rows`, or the first line after a CSV header. */
  row: number;
  surname: string | null;
  givenName: string | null;
  patronymic: string | null;
  fullName: string | null;
  dateOfBirth: string | null;
  militaryUnit: string | null;
  serviceNumber: string | null;
}

/** A problem of one row: the field and rule, the row number and, for a CSV, its line in the file. */
export interface RowProblem extends FieldProblem {
  row?: number;
  line?: number;
}

/** A raw row: JSON values as sent, or CSV cells by field; `line` for a CSV row. */
export interface RawRow {
  values: unknown;
  line?: number;
}

export type RowsResult = { ok: true; rows: ReturneeRow[] } | { ok: false; problems: RowProblem[] };

const MAX_LENGTH: Record<ReturneeField, number> = {
  surname: 100,
  givenName: 100,
  patronymic: 100,
  fullName: 300,
  dateOfBirth: 10,
  militaryUnit: 100,
  serviceNumber: 30,
};
const NAME_FIELDS: readonly ReturneeField[] = ['surname', 'givenName', 'patronymic', 'fullName'];
const SERVICE_NUMBER_PATTERN = /^[\p{L}\d][\p{L}\d -]*$/u;
const DATE_HINT = 'write it as 1988-08-18 or 18.08.1988, not in the future, not before 1900';

/**
 * Checks the rows of a return list, all of them, before anything is matched or stored: a row
 * needs a surname and a given name, or a full name; names hold only letters, apostrophes and
 * hyphens; a date of birth must be possible. Every problem names its row and field.
 */
export function checkReturneeRows(raw: readonly RawRow[], today: Date = new Date()): RowsResult {
  if (raw.length === 0) {
    return { ok: false, problems: [{ field: 'rows', rule: 'arrayNotEmpty', message: 'The list holds no rows' }] };
  }
  if (raw.length > MAX_RETURNEE_ROWS) {
    return {
      ok: false,
      problems: [
        {
          field: 'rows',
          rule: 'arrayMaxSize',
          message: `The list holds ${raw.length} rows; at most ${MAX_RETURNEE_ROWS} are taken at once (split the list)`,
        },
      ],
    };
  }
  const rows: ReturneeRow[] = [];
  const problems: RowProblem[] = [];
  raw.forEach((r, index) => {
    const checked = checkRow(r, index + 1, today);
    if ('problems' in checked) problems.push(...checked.problems);
    else rows.push(checked.row);
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, rows };
}

function checkRow(raw: RawRow, row: number, today: Date): { row: ReturneeRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const at = raw.line !== undefined ? { row, line: raw.line } : { row };
  const where = raw.line !== undefined ? `row ${row} (line ${raw.line})` : `row ${row}`;
  const problem = (field: string, rule: string, message: string): void => {
    problems.push({ field, rule, message: `${where}: ${message}`, ...at });
  };
  if (typeof raw.values !== 'object' || raw.values === null || Array.isArray(raw.values)) {
    problem('rows', 'isObject', 'each row must be an object');
    return { problems };
  }
  const values: Partial<Record<ReturneeField, string>> = {};
  for (const [key, value] of Object.entries(raw.values as Record<string, unknown>)) {
    if (!(RETURNEE_FIELDS as readonly string[]).includes(key)) {
      problem(key, 'unknown_field', `${key} is not an allowed field`);
      continue;
    }
    const field = key as ReturneeField;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') {
      problem(field, 'isString', `${field} must be text`);
      continue;
    }
    const text = value.trim().replace(/\s+/gu, ' ');
    if (text === '') continue;
    if (text.length > MAX_LENGTH[field]) {
      problem(field, 'maxLength', `${field} must be at most ${MAX_LENGTH[field]} characters`);
      continue;
    }
    values[field] = text;
  }
  for (const field of NAME_FIELDS) {
    const value = values[field];
    if (value !== undefined && !NAME_PATTERN.test(value)) {
      problem(field, 'isName', `${field} may hold only Cyrillic or Latin letters, apostrophes, hyphens and spaces`);
    }
  }
  if (values.serviceNumber !== undefined && !SERVICE_NUMBER_PATTERN.test(values.serviceNumber)) {
    problem('serviceNumber', 'isServiceNumber', 'serviceNumber may hold only letters, digits, hyphens and spaces');
  }
  const structured = values.surname !== undefined || values.givenName !== undefined;
  if (structured) {
    if (values.surname === undefined) problem('surname', 'required', 'surname is required with givenName');
    if (values.givenName === undefined) problem('givenName', 'required', 'givenName is required with surname');
  } else if (values.fullName === undefined) {
    problem('fullName', 'nameRequired', 'the row has no name: give surname and givenName, or fullName');
  } else if (values.fullName.split(' ').length < 2) {
    problem('fullName', 'twoWords', 'fullName must hold at least a surname and a given name');
  }
  let dateOfBirth: string | null = null;
  if (values.dateOfBirth !== undefined) {
    dateOfBirth = parseDateOfBirth(values.dateOfBirth, today);
    if (dateOfBirth === null)
      problem('dateOfBirth', 'isDateOfBirth', `dateOfBirth is not a possible date: ${DATE_HINT}`);
  }
  if (problems.length > 0) return { problems };
  return {
    row: {
      row,
      surname: structured ? values.surname! : null,
      givenName: structured ? values.givenName! : null,
      patronymic: values.patronymic ?? null,
      fullName: structured ? null : values.fullName!,
      dateOfBirth,
      militaryUnit: values.militaryUnit ?? null,
      serviceNumber: values.serviceNumber ?? null,
    },
  };
}

/** The rows of a JSON body `{"rows": [...]}`; anything else is a problem naming the field. */
export function rawRowsFromJson(body: unknown): { ok: true; rows: RawRow[] } | { ok: false; problems: RowProblem[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      problems: [
        {
          field: 'rows',
          rule: 'required',
          message:
            'Send {"rows": [...]} as JSON, or the list as a CSV file (multipart field "file" or a text/csv body)',
        },
      ],
    };
  }
  const unknown = Object.keys(body).filter((k) => k !== 'rows');
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: unknown.map((field) => ({ field, rule: 'unknown_field', message: `${field} is not an allowed field` })),
    };
  }
  const rows = (body as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) {
    return { ok: false, problems: [{ field: 'rows', rule: 'isArray', message: 'rows must be an array of rows' }] };
  }
  return { ok: true, rows: rows.map((values: unknown) => ({ values })) };
}
