import { exchangeDateProblems } from './exchanges.service';

describe(exchangeDateProblems.name, () => {
  // 22:30 UTC on 29 December is already 30 December in Kyiv.
  const now = new Date('2024-12-29T22:30:00Z');

  it.each([
    ['2024-12-30', []],
    ['2024-01-03', []],
    ['1991-08-24', []],
    ['2024-12-31', ['notInFuture']],
    ['1991-08-23', ['notBefore']],
    ['2024-02-30', ['isDate']],
  ])('%s → %j', (date, rules) => {
    expect(exchangeDateProblems(date, now).map((p) => p.rule)).toEqual(rules);
  });
});
