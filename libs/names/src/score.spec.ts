import { createComparisonMemo, prepareName, type PersonNameWithDate, scoreNames, scorePreparedNames } from './score';

const SHEVCHENKO: PersonNameWithDate = {
  surname: 'Шевченко',
  givenName: 'Андрій',
  patronymic: 'Петрович',
  dateOfBirth: '1991-03-14',
};

describe(scoreNames.name, () => {
  it.each<[string, PersonNameWithDate, string[]]>([
    [
      'the same name and date',
      { fullName: 'Шевченко Андрій Петрович', dateOfBirth: '1991-03-14' },
      ['surname_exact', 'given_name_exact', 'patronymic_exact', 'date_of_birth_match'],
    ],
    [
      'the Russian form',
      { fullName: 'Шевченко Андрей Петрович', dateOfBirth: '14.03.1991' },
      ['surname_exact', 'given_name_exact', 'patronymic_exact', 'date_of_birth_match'],
    ],
    [
      'a transposition in the given name and another form of the patronymic',
      { surname: 'Шевченко', givenName: 'Анрдій', patronymic: 'Петровна' },
      ['surname_exact', 'given_name_fuzzy', 'patronymic_equivalent', 'date_of_birth_missing'],
    ],
    [
      'a dropped patronymic',
      { fullName: 'Shevchenko Andriy', dateOfBirth: '1991-03-14' },
      ['surname_exact', 'given_name_exact', 'patronymic_missing', 'date_of_birth_match'],
    ],
    [
      'a typo in the surname and a near date',
      { fullName: 'Шевчнко Андрій Петрович', dateOfBirth: '1991-03-15' },
      ['surname_fuzzy', 'given_name_exact', 'patronymic_exact', 'date_of_birth_partial'],
    ],
    [
      'swapped structured fields',
      { surname: 'Андрій', givenName: 'Шевченко', patronymic: 'Петрович' },
      ['surname_exact', 'given_name_exact', 'patronymic_exact', 'word_order_swapped', 'date_of_birth_missing'],
    ],
    [
      'initials and a birth year',
      { fullName: 'Шевченко А.П.', dateOfBirth: '1991' },
      ['surname_exact', 'given_name_initial', 'patronymic_initial', 'date_of_birth_year_match'],
    ],
    [
      'another given name',
      { fullName: 'Шевченко Павло Петрович', dateOfBirth: '1991-03-14' },
      ['surname_exact', 'given_name_mismatch', 'patronymic_exact', 'date_of_birth_match'],
    ],
    [
      'another patronymic and date',
      { fullName: 'Шевченко Андрій Олегович', dateOfBirth: '1975-01-01' },
      ['surname_exact', 'given_name_exact', 'patronymic_mismatch', 'date_of_birth_mismatch'],
    ],
    [
      'another person',
      { fullName: 'Коваленко Олег Іванович' },
      ['surname_mismatch', 'given_name_mismatch', 'patronymic_mismatch', 'date_of_birth_missing'],
    ],
  ])('explains %s', (_, query, reasons) => {
    expect(scoreNames(query, SHEVCHENKO).reasons).toEqual(reasons);
  });

  it('gives 1 to the same name and date and 0 to an empty name', () => {
    expect(scoreNames(SHEVCHENKO, SHEVCHENKO).score).toBe(1);
    expect(scoreNames({}, SHEVCHENKO).score).toBe(0);
    expect(scoreNames({ fullName: ' ' }, SHEVCHENKO).score).toBe(0);
  });

  it('stays within [0, 1]', () => {
    const queries: PersonNameWithDate[] = [
      { fullName: 'Шевченко Андрій Петрович', dateOfBirth: '1991-03-14' },
      { fullName: 'Zzz', dateOfBirth: '1900-01-01' },
      { surname: 'Шевченко' },
      { givenName: 'Андрій' },
      { patronymic: 'Петрович', dateOfBirth: '1991-03-14' },
    ];
    for (const query of queries) {
      const { score } = scoreNames(query, SHEVCHENKO);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('orders the evidence: same date > no date > near date > other date', () => {
    const name = { surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович' };
    const score = (dateOfBirth: string | null) =>
      scoreNames({ ...name, dateOfBirth: '1991-03-14' }, { ...name, dateOfBirth }).score;
    expect(score('1991-03-14')).toBeGreaterThan(score(null));
    expect(score(null)).toBeGreaterThan(score('1991-03-15'));
    expect(score('1991-03-15')).toBeGreaterThan(score('1980-07-01'));
    expect(score('1980-07-01')).toBeLessThanOrEqual(0.6);
  });

  it('ranks a namesake with another date below the same name with a typo and no date', () => {
    const query = { fullName: 'Шевченко Андрій Петрович', dateOfBirth: '1991-03-14' };
    const typo = scoreNames(query, { surname: 'Шевчнко', givenName: 'Андрій', patronymic: 'Петрович' });
    const namesake = scoreNames(query, { ...SHEVCHENKO, dateOfBirth: '1990-01-01' });
    expect(typo.score).toBeGreaterThan(namesake.score);
  });

  it('ranks a known equivalent above a different known name', () => {
    const query = { fullName: 'Коваленко Александр Николаевич' };
    const same = scoreNames(query, { surname: 'Коваленко', givenName: 'Олександр', patronymic: 'Миколайович' });
    const other = scoreNames(query, { surname: 'Коваленко', givenName: 'Олексій', patronymic: 'Миколайович' });
    const female = scoreNames(query, { surname: 'Коваленко', givenName: 'Олександра', patronymic: 'Миколаївна' });
    expect(same.score).toBeGreaterThan(other.score);
    expect(same.score).toBeGreaterThan(female.score);
  });

  it('tolerates one typo in each part', () => {
    const query = { fullName: 'Коваленок Олесандр Миколайвич', dateOfBirth: '1987-11-02' };
    const candidate = {
      surname: 'Коваленко',
      givenName: 'Олександр',
      patronymic: 'Миколайович',
      dateOfBirth: '1987-11-02',
    };
    const namesake = { ...candidate, givenName: 'Олег', dateOfBirth: '1987-11-02' };
    expect(scoreNames(query, candidate).score).toBeGreaterThan(0.8);
    expect(scoreNames(query, candidate).score).toBeGreaterThan(scoreNames(query, namesake).score);
  });

  it('is the same when names are prepared once', () => {
    const query = { fullName: 'Shevchenko Andriy', dateOfBirth: '14.03.1991' };
    expect(scorePreparedNames(prepareName(query), prepareName(SHEVCHENKO))).toEqual(scoreNames(query, SHEVCHENKO));
  });

  it('gives the same scores with a memo shared by namesakes with other dates of birth', () => {
    const query = prepareName({ fullName: 'Шевченко Андрей Петрович', dateOfBirth: '14.03.1991' });
    const name = prepareName(SHEVCHENKO).name;
    const memo = createComparisonMemo();
    for (const dateOfBirth of ['1991-03-14', '1985-07-01', null]) {
      const candidate = { name, dateOfBirth: prepareName({ ...SHEVCHENKO, dateOfBirth }).dateOfBirth };
      expect(scorePreparedNames(query, candidate, memo)).toEqual(
        scoreNames({ fullName: 'Шевченко Андрей Петрович', dateOfBirth: '14.03.1991' }, { ...SHEVCHENKO, dateOfBirth }),
      );
    }
    expect(memo.names.size).toBe(1);
  });

  it('scores a hundred candidates in well under a millisecond each', () => {
    const surnames = [
      'Шевченко',
      'Коваленко',
      'Бондаренко',
      'Ткаченко',
      'Кравченко',
      'Олійник',
      'Мельник',
      'Шевчук',
      'Поліщук',
      'Лисенко',
    ];
    const given = ['Андрій', 'Олександр', 'Сергій', 'Дмитро', 'Юрій', 'Віталій', 'Богдан', 'Ігор', 'Євген', 'Микола'];
    const candidates: PersonNameWithDate[] = [];
    for (let i = 0; i < 100; i++) {
      candidates.push({
        surname: `${surnames[i % 10]}${i >= 50 ? 'ко' : ''}`,
        givenName: given[Math.floor(i / 10) % 10],
        patronymic: 'Петрович',
        dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
      });
    }
    const query = { fullName: 'Shevchenko Andriy Petrovych', dateOfBirth: '14.03.1991' };
    for (const candidate of candidates) scoreNames(query, candidate);
    const rounds = 20;
    const started = performance.now();
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < candidates.length; i++) {
        // A fresh query string defeats nothing but the word cache of the query itself.
        scoreNames(
          { ...query, fullName: `${query.fullName}${round % 2 === 0 ? '' : ' '}` },
          candidates[i] as PersonNameWithDate,
        );
      }
    }
    const perCandidate = (performance.now() - started) / (rounds * candidates.length);
    expect(perCandidate).toBeLessThan(0.5);
  });
});

describe(`${scoreNames.name} (symmetry)`, () => {
  it.each([
    'Шевченко Андрей Петрович',
    'Shevchenko Andriy',
    'Андрій Петрович Шевченко',
    'Шевчнко Андрій Петрович',
    'SHEVCHENKO Andrii Petrovych',
  ])('scores %j the same as query or as candidate', (fullName) => {
    const variant = { fullName, dateOfBirth: '1991-03-14' };
    expect(scoreNames(SHEVCHENKO, variant).score).toBeCloseTo(scoreNames(variant, SHEVCHENKO).score, 3);
  });
});
