import { damerauLevenshtein, keySimilarity } from './edit-distance';

describe(damerauLevenshtein.name, () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['wevcenko', 'wevcenko', 0],
    ['wevcenko', 'wevcnko', 1],
    ['wevcenko', 'wevcneko', 1],
    ['wevcenko', 'wevcenka', 1],
    ['wevcenko', 'xwevcenko', 1],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['wevcenko', 'wevcuk', 3],
  ])('%j → %j = %d', (a, b, distance) => {
    expect(damerauLevenshtein(a, b)).toBe(distance);
    expect(damerauLevenshtein(b, a)).toBe(distance);
  });

  it('handles strings longer than its preallocated rows', () => {
    const long = 'a'.repeat(200);
    expect(damerauLevenshtein(long, `${long}b`)).toBe(1);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
  });
});

describe(keySimilarity.name, () => {
  it.each([
    ['', '', 1],
    ['abcd', 'abcd', 1],
    ['abcd', 'abce', 0.75],
    ['abcd', 'wxyz', 0],
  ])('%j ~ %j = %d', (a, b, similarity) => {
    expect(keySimilarity(a, b)).toBeCloseTo(similarity, 10);
  });
});
