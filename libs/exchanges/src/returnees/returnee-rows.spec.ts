import { checkReturneeRows, MAX_RETURNEE_ROWS, rawRowsFromJson, RawRow } from './returnee-rows';

const TODAY = new Date('2025-06-01T12:00:00Z');
const check = (values: unknown[], line?: number) =>
  checkReturneeRows(
    values.map((v): RawRow => (line === undefined ? { values: v } : { values: v, line })),
    TODAY,
  );

describe(checkReturneeRows.name, () => {
  it.each([
    [
      'structured Ukrainian with an ISO date',
      { surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович', dateOfBirth: '1991-03-14' },
      { surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович', fullName: null, dateOfBirth: '1991-03-14' },
    ],
    [
      'Russian forms with a dotted date',
      { surname: 'Коваленко', givenName: 'Александр', patronymic: 'Николаевич', dateOfBirth: '02.11.1987' },
      { surname: 'Коваленко', givenName: 'Александр', fullName: null, dateOfBirth: '1987-11-02' },
    ],
    [
      'one Latin full name',
      { fullName: '  Kovalenko   Oleksandr Mykolaiovych ' },
      { surname: null, givenName: null, fullName: 'Kovalenko Oleksandr Mykolaiovych', dateOfBirth: null },
    ],
    [
      'apostrophes, hyphens, unit and service number',
      { surname: "Дем'яненко-Сірко", givenName: 'Ілля', militaryUnit: 'А1234', serviceNumber: 'АВ 123456' },
      { surname: "Дем'яненко-Сірко", militaryUnit: 'А1234', serviceNumber: 'АВ 123456' },
    ],
    [
      'empty and null optional fields',
      { surname: 'Бойко', givenName: 'Руслан', patronymic: '', dateOfBirth: null, militaryUnit: '  ' },
      { patronymic: null, dateOfBirth: null, militaryUnit: null },
    ],
    [
      'structured names win over a full name',
      { surname: 'Бойко', givenName: 'Руслан', fullName: 'Boiko Ruslan' },
      { surname: 'Бойко', fullName: null },
    ],
  ])('accepts %s', (_label, values, expected) => {
    const result = check([values]);
    expect(result).toEqual({ ok: true, rows: [expect.objectContaining({ row: 1, ...expected })] });
  });

  it.each([
    ['no name at all', { dateOfBirth: '1990-01-01' }, 'fullName', 'nameRequired'],
    ['a surname without a given name', { surname: 'Шевченко' }, 'givenName', 'required'],
    ['a given name without a surname', { givenName: 'Андрій' }, 'surname', 'required'],
    ['a one-word full name', { fullName: 'Шевченко' }, 'fullName', 'twoWords'],
    ['digits in a name', { surname: 'Шевченко2', givenName: 'Андрій' }, 'surname', 'isName'],
    ['an impossible date', { fullName: 'Шевченко Андрій', dateOfBirth: '31.02.1990' }, 'dateOfBirth', 'isDateOfBirth'],
    ['a month 13', { fullName: 'Шевченко Андрій', dateOfBirth: '1990-13-01' }, 'dateOfBirth', 'isDateOfBirth'],
    ['a future date', { fullName: 'Шевченко Андрій', dateOfBirth: '2030-01-01' }, 'dateOfBirth', 'isDateOfBirth'],
    ['a date before 1900', { fullName: 'Шевченко Андрій', dateOfBirth: '1899-12-31' }, 'dateOfBirth', 'isDateOfBirth'],
    ['words for a date', { fullName: 'Шевченко Андрій', dateOfBirth: 'вчора' }, 'dateOfBirth', 'isDateOfBirth'],
    ['an unknown field', { fullName: 'Шевченко Андрій', rank: 'солдат' }, 'rank', 'unknown_field'],
    ['a number for a name', { surname: 42, givenName: 'Андрій' }, 'surname', 'isString'],
    ['an overlong surname', { surname: 'Ш'.repeat(101), givenName: 'Андрій' }, 'surname', 'maxLength'],
    [
      'symbols in a service number',
      { fullName: 'Шевченко Андрій', serviceNumber: '12#4' },
      'serviceNumber',
      'isServiceNumber',
    ],
  ])('refuses %s, naming the row and the field', (_label, values, field, rule) => {
    const result = check([{ fullName: 'Бойко Руслан' }, values]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(
      expect.objectContaining({ row: 2, field, rule, message: expect.stringMatching(/^row 2: /) }),
    );
    expect(result.problems.every((p) => p.row === 2)).toBe(true);
  });

  it('names the CSV line beside the row', () => {
    const result = check([{ surname: 'Шевченко' }], 7);
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          row: 1,
          line: 7,
          field: 'givenName',
          message: expect.stringMatching(/^row 1 \(line 7\): /),
        }),
      ],
    });
  });

  it('refuses a row that is not an object', () => {
    expect(check(['Шевченко Андрій'])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ row: 1, field: 'rows', rule: 'isObject' })],
    });
  });

  it.each([
    [0, 'arrayNotEmpty'],
    [MAX_RETURNEE_ROWS + 1, 'arrayMaxSize'],
  ])('refuses a list of %i rows', (count, rule) => {
    const result = check(Array.from({ length: count }, () => ({ fullName: 'Бойко Руслан' })));
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'rows', rule })] });
  });

  it(`takes ${MAX_RETURNEE_ROWS} rows`, () => {
    const result = check(Array.from({ length: MAX_RETURNEE_ROWS }, () => ({ fullName: 'Бойко Руслан' })));
    expect(result.ok && result.rows.length).toBe(MAX_RETURNEE_ROWS);
  });

  it('names at most 100 problems', () => {
    const result = check(Array.from({ length: 500 }, () => ({ surname: 'x1' })));
    expect(!result.ok && result.problems.length).toBe(100);
  });
});

describe(rawRowsFromJson.name, () => {
  it.each([
    ['no body', undefined, 'rows', 'required'],
    ['an array body', [{ fullName: 'Бойко Руслан' }], 'rows', 'required'],
    ['rows that are not an array', { rows: 'Бойко' }, 'rows', 'isArray'],
    ['an unknown field', { rows: [], batch: 1 }, 'batch', 'unknown_field'],
  ])('refuses %s', (_label, body, field, rule) => {
    expect(rawRowsFromJson(body)).toEqual({ ok: false, problems: [expect.objectContaining({ field, rule })] });
  });

  it('gives the rows', () => {
    expect(rawRowsFromJson({ rows: [{ fullName: 'Бойко Руслан' }] })).toEqual({
      ok: true,
      rows: [{ values: { fullName: 'Бойко Руслан' } }],
    });
  });
});
