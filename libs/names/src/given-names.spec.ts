import {
  canonicalGivenName,
  givenNameClass,
  givenNameClasses,
  givenNameClassOfKey,
  givenNameKeys,
} from './given-names';
import { nameWordKey } from './word-key';

describe(canonicalGivenName.name, () => {
  it.each([
    [
      'oleksandr',
      ['Олександр', 'Александр', 'Oleksandr', 'Aleksandr', 'Alexander', 'Alexandr', 'Olexandr', 'ОЛЕКСАНДР'],
    ],
    ['andrii', ['Андрій', 'Андрей', 'Andrii', 'Andriy', 'Andrey', 'Andrei']],
    ['serhii', ['Сергій', 'Сергей', 'Serhii', 'Sergey', 'Sergiy']],
    ['dmytro', ['Дмитро', 'Дмитрий', 'Dmytro', 'Dmitriy', 'Dmitry', 'Dmitri']],
    ['yurii', ['Юрій', 'Юрий', 'Yurii', 'Yuriy', 'Yuri', 'Iurii']],
    ['vitalii', ['Віталій', 'Виталий', 'Vitalii', 'Vitaliy']],
    ['ihor', ['Ігор', 'Игорь', 'Ihor', 'Igor']],
    ['yevhen', ['Євген', 'Евгений', 'Євгеній', 'Yevhen', 'Evgeniy', 'Yevgeniy', 'Yevgen']],
    ['mykola', ['Микола', 'Николай', 'Mykola', 'Nikolay', 'Nikolai', 'Mikola']],
    ['volodymyr', ['Володимир', 'Владимир', 'Volodymyr', 'Vladimir', 'Wolodymyr']],
    ['artem', ['Артем', 'Артём', 'Artem', 'Artyom']],
    ['mykhailo', ['Михайло', 'Михаил', 'Mykhailo', 'Mikhail', 'Mykhaylo']],
    ['hryhorii', ['Григорій', 'Григорий', 'Hryhorii', 'Grigoriy', 'Grigory']],
    ['vasyl', ['Василь', 'Василий', 'Vasyl', 'Vasiliy', 'Vasily', 'Wasyl']],
    ['oleksii', ['Олексій', 'Алексей', 'Oleksii', 'Oleksiy', 'Aleksey', 'Alexey', 'Alexei']],
    ['pavlo', ['Павло', 'Павел', 'Pavlo', 'Pavel']],
    ['petro', ['Петро', 'Пётр', 'Петр', 'Petro', 'Pyotr', 'Petr']],
    ['fedir', ['Федір', 'Фёдор', 'Федор', 'Fedir', 'Fedor', 'Fyodor']],
    ['taras', ['Тарас', 'Taras']],
    ['bohdan', ['Богдан', 'Bohdan', 'Bogdan']],
    ['yaroslav', ['Ярослав', 'Yaroslav', 'Jaroslav']],
    ['illia', ['Ілля', 'Илья', 'Illia', 'Ilya', 'Illya']],
    ['ivan', ['Іван', 'Иван', 'Ivan']],
    ['stepan', ['Степан', 'Stepan', 'Стефан']],
    ['anatolii', ['Анатолій', 'Анатолий', 'Anatolii', 'Anatoliy']],
    ['viktor', ['Віктор', 'Виктор', 'Viktor', 'Victor']],
    ['oleh', ['Олег', 'Oleh', 'Oleg']],
    ['maksym', ['Максим', 'Maksym', 'Maxim', 'Maksim']],
    ['denys', ['Денис', 'Denys', 'Denis']],
    ['ruslan', ['Руслан', 'Ruslan']],
    ['roman', ['Роман', 'Roman']],
    ['vladyslav', ['Владислав', 'Vladyslav', 'Vladislav']],
    ['vadym', ['Вадим', 'Vadym', 'Vadim']],
    ['valerii', ['Валерій', 'Валерий', 'Valerii', 'Valeriy']],
    ['hennadii', ['Геннадій', 'Геннадий', 'Hennadii', 'Gennadiy', 'Gennady']],
    ['kostiantyn', ['Костянтин', 'Константин', 'Kostiantyn', 'Kostyantyn', 'Konstantin']],
    ['stanislav', ['Станіслав', 'Станислав', 'Stanislav']],
    ['sviatoslav', ['Святослав', 'Sviatoslav', 'Svyatoslav']],
    ['tymofii', ['Тимофій', 'Тимофей', 'Tymofii', 'Timofey']],
    ['danylo', ['Данило', 'Даниил', 'Danylo', 'Daniil', 'Danil']],
    ['kyrylo', ['Кирило', 'Кирилл', 'Kyrylo', 'Kirill']],
    ['mykyta', ['Микита', 'Никита', 'Mykyta', 'Nikita']],
    ['semen', ['Семен', 'Семён', 'Semen', 'Semyon']],
    ['yakiv', ['Яків', 'Яков', 'Yakiv', 'Yakov']],
    ['lev', ['Лев', 'Lev']],
    ['leonid', ['Леонід', 'Леонид', 'Leonid']],
    ['borys', ['Борис', 'Borys', 'Boris']],
    ['viacheslav', ["В'ячеслав", 'Вячеслав', 'Viacheslav', 'Vyacheslav']],
    ['yosyp', ['Йосип', 'Иосиф', 'Yosyp', 'Iosif', 'Осип']],
    ['nychypir', ['Ничипір', 'Никифор']],
    ['khoma', ['Хома', 'Фома']],
    ['nataliia', ['Наталія', 'Наталья', 'Наталя', 'Nataliia', 'Natalia', 'Natalya']],
    ['iryna', ['Ірина', 'Ирина', 'Iryna', 'Irina']],
    ['olena', ['Олена', 'Елена', 'Olena', 'Elena', 'Yelena']],
    ['hanna', ['Ганна', 'Анна', 'Hanna', 'Anna', 'Ganna']],
    ['yuliia', ['Юлія', 'Юлия', 'Yuliia', 'Yulia', 'Julia', 'Iuliia']],
    ['oksana', ['Оксана', 'Oksana']],
    ['kseniia', ['Ксенія', 'Ксения', 'Kseniia', 'Ksenia']],
    ['liudmyla', ['Людмила', 'Liudmyla', 'Lyudmila', 'Ludmila']],
    ['tetiana', ['Тетяна', 'Татьяна', 'Tetiana', 'Tetyana', 'Tatiana', 'Tatyana']],
    ['svitlana', ['Світлана', 'Светлана', 'Svitlana', 'Svetlana']],
    ['kateryna', ['Катерина', 'Екатерина', 'Kateryna', 'Ekaterina', 'Yekaterina']],
    ['mariia', ['Марія', 'Мария', 'Mariia', 'Maria']],
    ['olha', ['Ольга', 'Olha', 'Olga']],
    ['halyna', ['Галина', 'Halyna', 'Galina']],
    ['nadiia', ['Надія', 'Надежда', 'Nadiia', 'Nadezhda']],
    ['liubov', ['Любов', 'Любовь', 'Liubov', 'Lyubov']],
    ['vira', ['Віра', 'Вера', 'Vira', 'Vera']],
    ['marta', ['Марта', 'Марфа']],
  ])('gives %s to %j', (id, spellings) => {
    expect(spellings.map(canonicalGivenName)).toEqual(spellings.map(() => id));
  });

  it.each(['Шевченко', 'Kovalenko', 'Петрович', 'Олександрович', '', 'Х', 'Zzz'])('does not know %j', (word) => {
    expect(canonicalGivenName(word)).toBeNull();
  });

  it.each([
    ['Олександр', 'Олександра'],
    ['Іван', 'Іванна'],
    ['Оксана', 'Ксенія'],
    ['Юрій', 'Георгій'],
    ['Петро', 'Павло'],
    ['Ірина', 'Орина'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(canonicalGivenName(a)).not.toBe(canonicalGivenName(b));
  });
});

describe(givenNameClasses.name, () => {
  const classes = givenNameClasses();

  it('holds a broad table of male and female names', () => {
    expect(classes.filter((c) => c.sex === 'm').length).toBeGreaterThanOrEqual(150);
    expect(classes.filter((c) => c.sex === 'f').length).toBeGreaterThanOrEqual(120);
  });

  it('gives no key to two classes', () => {
    const owners = new Map<string, string>();
    const shared: string[] = [];
    for (const c of classes) {
      for (const key of c.keys) {
        const owner = owners.get(key);
        if (owner !== undefined && owner !== c.id) shared.push(`${key}: ${owner}, ${c.id}`);
        owners.set(key, c.id);
      }
    }
    expect(shared).toEqual([]);
  });

  it('writes Cyrillic forms in Cyrillic letters only', () => {
    const bad = classes.flatMap((c) => [...c.ukrainian, ...c.russian]).filter((f) => !/^[\u0400-\u04ff']+$/u.test(f));
    expect(bad).toEqual([]);
  });

  it('finds every class back from each of its forms', () => {
    for (const c of classes) {
      for (const form of [...c.ukrainian, ...c.russian, ...c.latin]) {
        expect([form, canonicalGivenName(form)]).toEqual([form, c.id]);
      }
    }
  });
});

describe(givenNameClass.name, () => {
  it('describes a class', () => {
    expect(givenNameClass('oleksandr')).toEqual(
      expect.objectContaining({ sex: 'm', ukrainian: ['Олександр'], russian: ['Александр'] }),
    );
    expect(givenNameClass('nope')).toBeUndefined();
  });
});

describe(givenNameKeys.name, () => {
  it('lists the keys of every form', () => {
    expect(givenNameKeys('hanna')).toEqual(expect.arrayContaining([nameWordKey('Ганна'), nameWordKey('Анна')]));
    expect(givenNameKeys('nope')).toEqual([]);
  });
});

describe(givenNameClassOfKey.name, () => {
  it('maps a key to its class', () => {
    expect(givenNameClassOfKey(nameWordKey('Андрей'))).toBe('andrii');
    expect(givenNameClassOfKey('wevcenko')).toBeNull();
  });
});
