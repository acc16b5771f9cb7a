import {
  compareDatesOfBirth,
  type DateOfBirthComparison,
  parseDateOfBirth,
  parseDateOfBirthParts,
} from './date-of-birth';

const TODAY = new Date('2025-06-30T12:00:00Z');

describe(parseDateOfBirth.name, () => {
  it.each([
    ['1991-03-14', '1991-03-14'],
    ['1991-3-4', '1991-03-04'],
    ['1991-03-14T00:00:00Z', '1991-03-14'],
    ['1991-03-14T00:00:00.000+02:00', '1991-03-14'],
    ['14.03.1991', '1991-03-14'],
    ['4.3.1991', '1991-03-04'],
    ['14/03/1991', '1991-03-14'],
    ['14-03-1991', '1991-03-14'],
    ['1991.03.14', '1991-03-14'],
    ['  14.03.1991 ', '1991-03-14'],
    ['29.02.2000', '2000-02-29'],
    ['29.02.1984', '1984-02-29'],
    ['01.01.1900', '1900-01-01'],
    ['30.06.2025', '2025-06-30'],
  ])('parses %j as %s', (input, iso) => {
    expect(parseDateOfBirth(input, TODAY)).toBe(iso);
  });

  it.each([
    ['31.02.1991', 'no 31 February'],
    ['29.02.1900', 'not a leap year'],
    ['29.02.2023', 'not a leap year'],
    ['31.04.1991', 'April has 30 days'],
    ['00.01.1991', 'day 0'],
    ['14.13.1991', 'month 13'],
    ['31.12.1899', 'before 1900'],
    ['01.07.2025', 'in the future'],
    ['2030-01-01', 'in the future'],
    ['14.03.91', 'two-digit year'],
    ['1991', 'year only'],
    ['yesterday', 'not a date'],
    ['', 'empty'],
  ])('refuses %j (%s)', (input) => {
    expect(parseDateOfBirth(input, TODAY)).toBeNull();
  });

  it('refuses null and undefined', () => {
    expect(parseDateOfBirth(null)).toBeNull();
    expect(parseDateOfBirth(undefined)).toBeNull();
  });

  it('uses the current date by default', () => {
    expect(parseDateOfBirth('14.03.1991')).toBe('1991-03-14');
    expect(parseDateOfBirth(`01.01.${new Date().getUTCFullYear() + 1}`)).toBeNull();
  });
});

describe(parseDateOfBirthParts.name, () => {
  it.each([
    ['1991-03-14', { year: 1991, month: 3, day: 14 }],
    ['1991', { year: 1991 }],
    ['1899', null],
    ['2026', null],
    ['31.02.1991', null],
    [null, null],
  ])('parses %j', (input, parts) => {
    expect(parseDateOfBirthParts(input, TODAY)).toEqual(parts);
  });
});

describe(compareDatesOfBirth.name, () => {
  it.each<[string | null, string | null, DateOfBirthComparison]>([
    ['1991-03-14', '1991-03-14', 'match'],
    ['1991-03-14', '14.03.1991', 'match'],
    ['1991-03-14', '1991-03-15', 'partial'],
    ['1991-03-14', '1991-04-14', 'partial'],
    ['1991-03-04', '1991-04-03', 'partial'],
    ['1991-03-14', '1997-03-14', 'partial'],
    ['1991-03-14', '1992-03-14', 'partial'],
    ['1991-03-14', '1981-03-14', 'partial'],
    ['1991-03-14', '1992-03-15', 'mismatch'],
    ['1991-03-14', '1989-03-14', 'mismatch'],
    ['1991-03-14', '1975-08-01', 'mismatch'],
    ['1991-03-14', '1991', 'year_match'],
    ['1991', '1991', 'year_match'],
    ['1991', '1992-03-14', 'mismatch'],
    ['1991-03-14', null, 'missing'],
    [null, null, 'missing'],
    ['1991-03-14', '31.02.1991', 'missing'],
  ])('%j vs %j → %s', (a, b, comparison) => {
    expect(compareDatesOfBirth(parseDateOfBirthParts(a, TODAY), parseDateOfBirthParts(b, TODAY))).toBe(comparison);
  });
});
