import { isDateTime } from './date-time';

describe(isDateTime.name, () => {
  it.each<[unknown, boolean]>([
    ['2026-01-31T09:30:00Z', true],
    ['2026-01-31T09:30Z', true],
    ['2026-01-31T11:30:00.5+02:00', true],
    ['2026-01-31t09:30:00z', false],
    ['2024-02-29T00:00:00Z', true],
    ['2026-02-31T00:00:00Z', false],
    ['2026-01-31T09:30:00', false],
    ['2026-01-31', false],
    ['20260131T093000Z', false],
    ['2026-W05-6', false],
    ['2026-01-31 09:30:00Z', false],
    ['yesterday', false],
    [20260131, false],
    [null, false],
  ])('%p is %p', (value, expected) => {
    expect(isDateTime(value)).toBe(expected);
  });
});
