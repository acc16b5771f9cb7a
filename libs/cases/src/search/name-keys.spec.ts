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

describe('birth keys', () => {
  it('stores each word with the date of birth, and a dated query looks them up', () => {
    const person = {
      surname: 'Коваленко',
      givenName: 'Олександр',
      patronymic: 'Миколайович',
      dateOfBirth: '1987-11-02',
    };
    const { keys } = storedKeys(person);
    expect(keys.filter((k) => k.startsWith('b:1987-11-02|'))).toHaveLength(3);
    const parsed = parseSearchQuery('Kovalenko Aleksandr 02.11.1987');
    const wanted = lookupKeys(
      parsed.words.map((w) => [w.canonical]),
      parsed.dateOfBirth,
    );
    expect(wanted.filter((k) => keys.includes(k)).length).toBeGreaterThanOrEqual(3);
  });
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
