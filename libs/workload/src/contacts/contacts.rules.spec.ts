import { contactTimeProblem } from './contacts.rules';

describe(contactTimeProblem.name, () => {
  const now = new Date('2025-06-01T12:00:00.000Z');
  it.each<[string, string | undefined, string | null]>([
    ['no time (now)', undefined, null],
    ['an hour ago', '2025-06-01T11:00:00.000Z', null],
    ['a year ago', '2024-06-01T12:00:00Z', null],
    ['four minutes ahead (clock skew)', '2025-06-01T12:04:00.000Z', null],
    ['an hour ahead', '2025-06-01T13:00:00.000Z', 'notInFuture'],
    ['next year', '2026-01-01T00:00:00Z', 'notInFuture'],
  ])('%s', (_label, at, rule) => {
    expect(contactTimeProblem(at, now)?.rule ?? null).toBe(rule);
  });
});
