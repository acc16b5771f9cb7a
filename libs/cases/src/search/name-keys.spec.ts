import { lookupStages, pairKey, parseSearchQuery, storedKeys, tripleKey } from './name-keys';

describe(storedKeys.name, () => {
  it('stores single keys, unordered pairs and the unordered triple', () => {
    const { keys } = storedKeys({ surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' });
    expect(keys).toHaveLength(7);
    expect(keys.filter((k) => k.split('|').length === 2)).toHaveLength(3);
    expect(keys.filter((k) => k.split('|').length === 3)).toEqual([tripleKey('wevcenko', 'g:andrii', 'p:petro')]);
  });

  it.each([['Шевченко Андрей Петрович'], ['Shevchenko Andrii Petrovych'], ['Andriy Shevchenko'], ['ШЕВЧЕНКО АНДРІЙ']])(
    'finds the person from "%s" with a stored pair',
    (query) => {
      const { keys } = storedKeys({ surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' });
      const parsed = parseSearchQuery(query);
      const wanted = lookupStages(parsed.words.map((w) => [w.canonical]))[0];
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
    const wanted = lookupStages(
      parsed.words.map((w) => [w.canonical]),
      parsed.dateOfBirth,
    )[0];
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

describe(lookupStages.name, () => {
  it('uses single keys for one word', () => {
    expect(lookupStages([['a', 'b']])).toEqual([['a', 'b']]);
  });

  it('looks up the whole name, then pairs with a surname, then pairs of two name classes, then single words', () => {
    const stages = lookupStages([['kovalenko'], ['g:oleksandr'], ['p:mykola']]);
    expect(stages).toEqual([
      [tripleKey('kovalenko', 'g:oleksandr', 'p:mykola')],
      [pairKey('kovalenko', 'g:oleksandr'), pairKey('kovalenko', 'p:mykola')],
      [pairKey('g:oleksandr', 'p:mykola')],
      ['kovalenko', 'g:oleksandr', 'p:mykola'],
    ]);
  });

  it('pairs every alternative of one word with every alternative of another', () => {
    expect(lookupStages([['a'], ['b', 'c']])[0].sort()).toEqual([pairKey('a', 'b'), pairKey('a', 'c')].sort());
  });

  it('starts with the class pair when the query has no other word, and adds the date to every stage', () => {
    const stages = lookupStages([['g:olena'], ['p:ivan']], '1990-01-02');
    expect(stages[0]).toEqual(
      expect.arrayContaining(['b:1990-01-02|g:olena', 'b:1990-01-02|p:ivan', pairKey('g:olena', 'p:ivan')]),
    );
    expect(stages.every((stage) => stage.includes('b:1990-01-02|g:olena'))).toBe(true);
  });
});
