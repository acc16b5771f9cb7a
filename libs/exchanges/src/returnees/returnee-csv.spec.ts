import * as iconv from 'iconv-lite';
import { decodeCsv, detectDelimiter, normaliseColumnName, parseReturneeCsv, splitCsv } from './returnee-csv';

const TEXT = "прізвище;ім'я\r\nШевченко;Андрій\r\n";

describe(decodeCsv.name, () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['Windows-1251', iconv.encode(TEXT, 'win1251')],
  ])('reads %s', (_label, bytes) => {
    expect(decodeCsv(bytes)).toEqual({ ok: true, text: TEXT });
  });

  it('refuses UTF-16 with a hint', () => {
    const result = decodeCsv(iconv.encode(TEXT, 'utf16le', { addBOM: true }));
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ field: 'file', rule: 'encoding' }) });
  });
});

describe(detectDelimiter.name, () => {
  it.each([
    ['surname;givenName;dateOfBirth', ';'],
    ['surname,givenName,dateOfBirth', ','],
    ['surname\tgivenName', '\t'],
    ['"a;b",c,d', ','],
    ['fullName', ','],
  ])('%j → %j', (header, delimiter) => {
    expect(detectDelimiter(`${header}\nx`)).toBe(delimiter);
  });
});

describe(splitCsv.name, () => {
  it.each([
    [
      'plain',
      'a;b\nc;d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'CRLF and a trailing line end',
      'a;b\r\nc;d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'blank lines',
      'a;b\n\n;\nc;d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a quoted delimiter', '"Шевченко; Андрій";b', [['Шевченко; Андрій', 'b']]],
    ['escaped quotes', '"a ""b"" c";d', [['a "b" c', 'd']]],
    [
      'a line end inside quotes',
      '"a\nb";c\nd;e',
      [
        ['a\nb', 'c'],
        ['d', 'e'],
      ],
    ],
    ['spaces around a quoted field', ' "a" ;b', [['a', 'b']]],
  ])('splits %s', (_label, text, cells) => {
    const result = splitCsv(text, ';');
    expect('records' in result && result.records.map((r) => r.cells.map((c) => c.trim()))).toEqual(cells);
  });

  it('counts lines across quoted line ends', () => {
    const result = splitCsv('h\n"a\nb"\nc', ';');
    expect('records' in result && result.records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it.each([
    ['a quote never closed', 'a;b\n"c;d\ne;f', 2],
    ['a quote inside a field', 'a;b\nc"d;e', 2],
    ['text after a closing quote', 'a;b\n"c"d;e', 2],
  ])('refuses %s, naming the line', (_label, text, line) => {
    expect(splitCsv(text, ';')).toEqual({ problem: expect.objectContaining({ field: 'file', rule: 'csv', line }) });
  });
});

describe(normaliseColumnName.name, () => {
  it.each([
    ['Given Name', 'givenname'],
    ['given_name', 'givenname'],
    ['Date of birth:', 'dateofbirth'],
    ['ІМ’Я', "ім'я"],
    ['По батькові', 'побатькові'],
  ])('%j → %j', (name, normal) => {
    expect(normaliseColumnName(name)).toBe(normal);
  });
});

describe(parseReturneeCsv.name, () => {
  const csv = (text: string): Buffer => Buffer.from(text, 'utf8');

  it.each([
    [
      'Ukrainian headers',
      "Прізвище;Ім'я;По батькові;Дата народження;Частина;Номер\nКоваленко;Олександр;Миколайович;02.11.1987;А1234;АВ-1",
    ],
    [
      'English headers',
      'surname,givenName,patronymic,dateOfBirth,militaryUnit,serviceNumber\nКоваленко,Олександр,Миколайович,02.11.1987,А1234,АВ-1',
    ],
    [
      'English headers in words',
      'Surname;Given name;Patronymic;Date of birth;Unit;Service number\nКоваленко;Олександр;Миколайович;02.11.1987;А1234;АВ-1',
    ],
    [
      'Russian headers',
      'Фамилия;Имя;Отчество;Дата рождения;Часть;Номер\nКоваленко;Олександр;Миколайович;02.11.1987;А1234;АВ-1',
    ],
    [
      'a row-number column',
      '№;прізвище;ім’я;по батькові;дата народження;в/ч;номер\n1;Коваленко;Олександр;Миколайович;02.11.1987;А1234;АВ-1',
    ],
  ])('maps %s', (_label, text) => {
    expect(parseReturneeCsv(csv(text))).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          values: {
            surname: 'Коваленко',
            givenName: 'Олександр',
            patronymic: 'Миколайович',
            dateOfBirth: '02.11.1987',
            militaryUnit: 'А1234',
            serviceNumber: 'АВ-1',
          },
        },
      ],
    });
  });

  it('maps a full-name column (ПІБ)', () => {
    expect(parseReturneeCsv(csv('ПІБ;Дата народження\nKovalenko Oleksandr;1987-11-02'))).toEqual({
      ok: true,
      rows: [{ line: 2, values: { fullName: 'Kovalenko Oleksandr', dateOfBirth: '1987-11-02' } }],
    });
  });

  it('fills missing trailing cells with nothing', () => {
    const result = parseReturneeCsv(csv('surname;givenName;dateOfBirth\nБойко;Руслан'));
    expect(result).toEqual({ ok: true, rows: [{ line: 2, values: { surname: 'Бойко', givenName: 'Руслан' } }] });
  });

  it.each([
    ['an empty file', '', 'file', 'notEmpty'],
    ['an unknown column', 'surname;givenName;nickname\nБойко;Руслан;x', 'header', 'knownColumn'],
    ['a column named twice', 'surname;прізвище;givenName\nБойко;Бойко;Руслан', 'header', 'uniqueColumn'],
    ['no name columns', 'surname;dateOfBirth\nБойко;1990-01-01', 'header', 'nameColumns'],
    ['more cells than the header', 'surname;givenName\nБойко;Руслан;зайве', 'file', 'cellCount'],
    ['a malformed quote', 'surname;givenName\n"Бойко;Руслан', 'file', 'csv'],
  ])('refuses %s', (_label, text, field, rule) => {
    expect(parseReturneeCsv(csv(text))).toEqual({ ok: false, problems: [expect.objectContaining({ field, rule })] });
  });
});
