import {
  nameWords,
  type ParsedFullName,
  parseFullName,
  type PersonNameInput,
  personNameKeys,
  resolvePersonName,
  roleAssignments,
} from './person-name';

describe(parseFullName.name, () => {
  it.each<[string, ParsedFullName]>([
    ['Шевченко Андрій Петрович', { surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' }],
    ['Андрій Петрович Шевченко', { surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' }],
    ['Андрій Шевченко', { surname: 'Шевченко', givenName: 'Андрій' }],
    ['Шевченко Андрій', { surname: 'Шевченко', givenName: 'Андрій' }],
    ['SHEVCHENKO Andriy', { surname: 'SHEVCHENKO', givenName: 'Andriy' }],
    ['Andriy SHEVCHENKO', { surname: 'SHEVCHENKO', givenName: 'Andriy' }],
    ['МЕЛЬНИК БОГДАН ЯРОСЛАВОВИЧ', { surname: 'МЕЛЬНИК', givenName: 'БОГДАН', patronymic: 'ЯРОСЛАВОВИЧ' }],
    ['Kovalenko Aleksandr Nikolaevich', { surname: 'Kovalenko', givenName: 'Aleksandr', patronymic: 'Nikolaevich' }],
    ['Шевченко А.П.', { surname: 'Шевченко', givenName: 'А', patronymic: 'П' }],
    ['Шевченко А. П.', { surname: 'Шевченко', givenName: 'А', patronymic: 'П' }],
    ['Shevchenko Yu. Ya.', { surname: 'Shevchenko', givenName: 'Yu', patronymic: 'Ya' }],
    ['Шевченко, Андрій (Петрович)', { surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' }],
    ['Янукович Віктор Федорович', { surname: 'Янукович', givenName: 'Віктор', patronymic: 'Федорович' }],
    ['Петрович Іван Михайлович', { surname: 'Петрович', givenName: 'Іван', patronymic: 'Михайлович' }],
    [
      'Римський-Корсаков Микола Андрійович',
      { surname: 'Римський-Корсаков', givenName: 'Микола', patronymic: 'Андрійович' },
    ],
    ['Ганна Іванівна Шевченко-Ткачук', { surname: 'Шевченко-Ткачук', givenName: 'Ганна', patronymic: 'Іванівна' }],
    ['Шевчнко Андрй Птрович', { surname: 'Шевчнко', givenName: 'Андрй', patronymic: 'Птрович' }],
    ['Соловйов Хяистина Святославівна', { surname: 'Соловйов', givenName: 'Хяистина', patronymic: 'Святославівна' }],
    ['Zhuk Zenon', { surname: 'Zhuk', givenName: 'Zenon' }],
    ['Шевченко', { surname: 'Шевченко' }],
    ['Андрій', { givenName: 'Андрій' }],
    ['Андрій Петрович', { givenName: 'Андрій', patronymic: 'Петрович' }],
    ['', {}],
  ])('reads %j', (fullName, parsed) => {
    expect(parseFullName(fullName)).toEqual(parsed);
  });
});

describe(roleAssignments.name, () => {
  it('puts the most plausible reading first and keeps close alternatives', () => {
    const readings = roleAssignments(nameWords('Роман Максим'));
    expect(readings[0]).toEqual({ roles: ['S', 'G'], implausibility: 0 });
    expect(readings).toContainEqual({ roles: ['G', 'S'], implausibility: expect.any(Number) });
  });

  it('drops readings that contradict the form of the words', () => {
    const readings = roleAssignments(nameWords('Шевченко Андрій Петрович'));
    expect(readings.map((reading) => reading.roles.join(''))).not.toContain('PGS');
  });

  it('reads a long name greedily', () => {
    const [reading] = roleAssignments(nameWords('Шевченко Андрій Петрович Іван Степан Тарас Богдан'));
    expect(reading?.roles).toEqual(['S', 'G', 'P', 'S', 'S', 'S', 'S']);
  });
});

describe(resolvePersonName.name, () => {
  it('trusts structured fields', () => {
    const name = resolvePersonName({ surname: 'Роман', givenName: 'Максим', patronymic: 'Петрович' });
    expect([name.surname, name.given, name.patronymic].map((words) => words.map((w) => w.text))).toEqual([
      ['Роман'],
      ['Максим'],
      ['Петрович'],
    ]);
    expect(name.guessed).toBe(false);
  });

  it('moves a patronymic typed into the given-name field', () => {
    const name = resolvePersonName({ surname: 'Шевченко', givenName: 'Андрій Петрович' });
    expect(name.patronymic.map((w) => w.text)).toEqual(['Петрович']);
    expect(name.given.map((w) => w.text)).toEqual(['Андрій']);
  });

  it('parses a lone field holding a full name', () => {
    const name = resolvePersonName({ surname: 'Андрій Петрович Шевченко' });
    expect(name.surname.map((w) => w.text)).toEqual(['Шевченко']);
    expect(name.guessed).toBe(true);
  });

  it('prefers the structured fields to the full name', () => {
    const name = resolvePersonName({ surname: 'Шевченко', fullName: 'Коваленко Олег' });
    expect(name.surname.map((w) => w.text)).toEqual(['Шевченко']);
  });
});

describe(personNameKeys.name, () => {
  it.each<[string, PersonNameInput, string[]]>([
    [
      'a structured Ukrainian name',
      { surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' },
      ['g:andrii', 'p:petro', 'wevcenko'],
    ],
    ['a Russian full name', { fullName: 'Шевченко Андрей Петрович' }, ['g:andrii', 'p:petro', 'wevcenko']],
    ['a KMU full name', { fullName: 'Shevchenko Andrii Petrovych' }, ['g:andrii', 'p:petro', 'wevcenko']],
    ['another order', { fullName: 'Андрій Шевченко' }, ['g:andrii', 'wevcenko']],
    [
      'Russian given name and patronymic',
      { fullName: 'Коваленко Александр Николаевич' },
      ['g:oleksandr', 'kovalenko', 'p:mykola'],
    ],
    ['a homoglyph', { fullName: 'Кoваленко Олександр' }, ['g:oleksandr', 'kovalenko']],
    ['the Russian form of a surname', { fullName: 'Олейник Виталий' }, ['g:vitalii', 'olinik']],
    ['an unknown given name', { surname: 'Шевченко', givenName: 'Зенон' }, ['wevcenko', 'zenon']],
    ['a patronymic of an unknown name', { surname: 'Шевченко', patronymic: 'Зенонович' }, ['p:~zenon', 'wevcenko']],
    ['initials', { fullName: 'Шевченко А.П.' }, ['wevcenko']],
    [
      'a double surname',
      { surname: 'Шевченко-Ткачук', givenName: 'Ганна' },
      ['g:hanna', 'tkacuk', 'wevcenko', 'wevcenkotkacuk'],
    ],
    ['two surname words', { surname: 'Римський Корсаков' }, ['korsakov', 'rimski', 'rimskikorsakov']],
    ['two known given names in a full name', { fullName: 'Роман Максим' }, ['g:maksym', 'g:roman', 'maksim', 'roman']],
    ['a surname that is a given name', { surname: 'Роман', givenName: 'Максим' }, ['g:maksym', 'roman']],
    ['nothing', {}, []],
    ['blank fields', { surname: ' ', givenName: '', patronymic: null }, []],
  ])('keys %s', (_, name, keys) => {
    expect(personNameKeys(name)).toEqual(keys);
  });

  it('gives the same keys to every spelling of one person', () => {
    const spellings: PersonNameInput[] = [
      { surname: 'Олійник', givenName: 'Віталій', patronymic: 'Михайлович' },
      { fullName: 'Олейник Виталий Михайлович' },
      { fullName: 'Oliinyk Vitalii Mykhailovych' },
      { fullName: 'OLEYNIK Vitaliy Mikhailovich' },
      { fullName: 'Віталій Михайлович Олійник' },
      { fullName: 'Олiйник Віталій Михайлович' },
    ];
    const keys = spellings.map(personNameKeys);
    for (const k of keys) expect(k).toEqual(keys[0]);
  });
});
