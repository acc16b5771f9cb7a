import * as names from '@app/names';

describe('@app/names', () => {
  it.each([
    'foldText',
    'nameWordKey',
    'canonicalGivenName',
    'canonicalPatronymic',
    'personNameKeys',
    'parseFullName',
    'scoreNames',
    'parseDateOfBirth',
    'transliterateKmu2010',
  ])('exports %s', (name) => {
    expect(typeof (names as Record<string, unknown>)[name]).toBe('function');
  });

  it('works end to end through the public entry point', () => {
    expect(names.canonicalGivenName('Aleksandr')).toBe('oleksandr');
    expect(names.canonicalPatronymic('Nikolaevich')).toBe('mykola');
    expect(names.personNameKeys({ fullName: 'Kovalenko Aleksandr Nikolaevich' })).toEqual([
      'g:oleksandr',
      'kovalenko',
      'p:mykola',
    ]);
    const { score, reasons } = names.scoreNames(
      { fullName: 'Kovalenko Aleksandr Nikolaevich', dateOfBirth: '02.11.1987' },
      { surname: 'Коваленко', givenName: 'Олександр', patronymic: 'Миколайович', dateOfBirth: '1987-11-02' },
    );
    expect(score).toBe(1);
    expect(reasons).toContain('date_of_birth_match');
  });
});
