import { lookupKeys, pairKey, parseSearchQuery, storedKeys } from './name-keys';

describe(storedKeys.name, () => {
  it('stores single keys and unordered pairs', () => {
    const { keys } = storedKeys({ surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' });
    expect(keys).toHaveLength(6);
    expect(keys.filter((k) => k.includes('|'))).toHaveLength(3);
  });

  it.each([['Шевченко Андрей Петрович'], ['Shevchenko Andrii Petrovych'], ['Andriy Shevchenko'], ['ШЕВЧЕНКО АНДРІЙ']])(
    'finds the person from "%s" with a stored pair',
    (query) => {
      const { keys } = storedKeys({ surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' });
      const parsed = parseSearchQuery(query);
      const wanted = lookupKeys(parsed.words.map((w) => [w.canonical]));
      expect(wanted.some((k) => keys.includes(k))).toBe(true);
    },
  );
});

describe(parseSearchQuery.name, () => {
  it('takes a date of birth out of the query', () => {
    expect(parseSearchQuery('Коваленко 02.11.1987 Олександр')).toMatchObject({
      nameText: 'Коваленко Олександр',
      dateOfBirth: '1987-11-02',
    });
  });
});

describe(lookupKeys.name, () => {
  it('uses single keys for one word and pairs for several', () => {
    expect(lookupKeys([['a', 'b']])).toEqual(['a', 'b']);
    expect(lookupKeys([['a'], ['b', 'c']]).sort()).toEqual([pairKey('a', 'b'), pairKey('a', 'c')].sort());
  });
});
