import { prepareName, scorePreparedNames } from '@app/names';
import { NamedRow, PreparedNames } from './prepared-names';

const row = (surname: string, givenName: string, patronymic: string | null, dateOfBirth: string | null): NamedRow => ({
  surname,
  given_name: givenName,
  patronymic,
  date_of_birth: dateOfBirth,
});

const shevchenko = row('Шевченко', 'Андрій', 'Петрович', '1990-04-12');
const kovalenko = row('Коваленко', 'Олена', null, '1985-01-30');
const bondar = row('Бондар', 'Іван', 'Іванович', null);
const melnyk = row('Мельник', 'Тарас', 'Олегович', '1979-07-01');

function expectSameAsFresh(names: PreparedNames, r: NamedRow): void {
  const fresh = prepareName({
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    dateOfBirth: r.date_of_birth,
  });
  expect(names.of(r)).toEqual(fresh);
}

describe(PreparedNames.name, () => {
  it('gives what preparing the name afresh gives', () => {
    const names = new PreparedNames();
    for (const r of [shevchenko, kovalenko, bondar, melnyk]) expectSameAsFresh(names, r);
    const query = prepareName({ fullName: 'Shevchenko Andrii', dateOfBirth: '1990-04-12' });
    expect(scorePreparedNames(query, names.of(shevchenko))).toEqual(
      scorePreparedNames(
        query,
        prepareName({ surname: 'Шевченко', givenName: 'Андрій', patronymic: 'Петрович', dateOfBirth: '1990-04-12' }),
      ),
    );
  });

  it('prepares a name once, and namesakes with other dates share it', () => {
    const names = new PreparedNames();
    const first = names.of(shevchenko);
    const namesake = names.of({ ...shevchenko, date_of_birth: '1971-09-03' });
    expect(names.of(shevchenko).name).toBe(first.name);
    expect(namesake.name).toBe(first.name);
    expect(namesake.dateOfBirth).not.toEqual(first.dateOfBirth);
    expect(names.size).toEqual({ names: 1, dates: 2 });
  });

  it('tells a missing patronymic from another patronymic', () => {
    const names = new PreparedNames();
    const without = names.of({ ...shevchenko, patronymic: null });
    expect(names.of(shevchenko).name).not.toBe(without.name);
    expect(names.size.names).toBe(2);
  });

  it('empties itself when full and goes on giving the same answers', () => {
    const names = new PreparedNames(3);
    const kept = names.of(shevchenko).name;
    names.of(kovalenko);
    names.of(bondar);
    expect(names.size).toEqual({ names: 3, dates: 2 });
    expect(names.of(shevchenko).name).toBe(kept);

    // A fourth name: the three are forgotten, the new one is kept.
    expectSameAsFresh(names, melnyk);
    expect(names.size.names).toBe(1);
    const again = names.of(shevchenko);
    expect(again.name).not.toBe(kept);
    expect(again.name).toEqual(kept);
    expect(names.size.names).toBe(2);
  });

  it('bounds the dates of birth the same way', () => {
    const names = new PreparedNames(2);
    for (const date of ['1990-01-01', '1990-01-02', '1990-01-03'])
      expect(names.of({ ...shevchenko, date_of_birth: date }).dateOfBirth).toEqual(
        prepareName({ surname: 'x', givenName: 'y', dateOfBirth: date }).dateOfBirth,
      );
    expect(names.size).toEqual({ names: 1, dates: 1 });
  });
});
