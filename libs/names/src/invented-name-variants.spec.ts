import {
  buildPool,
  type CanonicalPerson,
  rank,
  rankIgnoringExactNamesakes,
  splitCanonical,
  type VariantRow,
} from './name-pool.fixture';
import { personNameKeys } from './person-name';

/**
 * An independent table of invented persons (no surname or given name of name-variants.csv),
 * with every kind of variant, to show that the rules are general.
 */
const TABLE: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string]>]> = [
  [
    'Петренко Василь Іванович',
    '1980-05-12',
    [
      ['russian_form', 'Петренко Василий Иванович'],
      ['latin_kmu2010', 'Petrenko Vasyl Ivanovych'],
      ['latin_russian', 'Petrenko Vasiliy Ivanovich'],
      ['latin_legacy', 'Petrenko Wasyl'],
      ['word_order', 'Василь Іванович Петренко'],
      ['patronymic_dropped', 'Петренко Василь'],
      ['case', 'ПЕТРЕНКО ВАСИЛЬ ІВАНОВИЧ'],
      ['typo', 'Петренко Васиь Іванович'],
      ['homoglyph', 'Пeтренко Василь Іванович'],
    ],
  ],
  [
    'Гнатюк Ганна Степанівна',
    '1972-09-03',
    [
      ['russian_form', 'Гнатюк Анна Степановна'],
      ['latin_kmu2010', 'Hnatiuk Hanna Stepanivna'],
      ['latin_russian', 'Gnatyuk Anna Stepanovna'],
      ['latin_legacy', 'Hnatyuk Hanna'],
      ['word_order', 'Ганна Гнатюк'],
      ['case', 'HNATIUK HANNA'],
      ['typo', 'Гнатюк Ганна Степанвна'],
      ['homoglyph', 'Гнaтюк Ганна Степанівна'],
    ],
  ],
  [
    'Литвиненко Олексій Федорович',
    '1984-02-29',
    [
      ['russian_form', 'Литвиненко Алексей Фёдорович'],
      ['latin_kmu2010', 'Lytvynenko Oleksii Fedorovych'],
      ['latin_russian', 'Litvinenko Aleksey Fedorovich'],
      ['latin_legacy', 'Lytvynenko Oleksiy'],
      ['word_order', 'Олексій Федорович Литвиненко'],
      ['case', 'ЛИТВИНЕНКО ОЛЕКСІЙ ФЕДОРОВИЧ'],
      ['typo', 'Литвиненко Олексій Федоровчи'],
      ['homoglyph', 'Литвинeнко Олексій Федорович'],
    ],
  ],
  [
    'Павленко Тетяна Олегівна',
    '1990-07-21',
    [
      ['russian_form', 'Павленко Татьяна Олеговна'],
      ['latin_kmu2010', 'Pavlenko Tetiana Olehivna'],
      ['latin_russian', 'Pavlenko Tatyana Olegovna'],
      ['latin_legacy', 'Pavlenko Tetyana'],
      ['word_order', 'Тетяна Павленко'],
      ['case', 'PAVLENKO Tetiana'],
      ['typo', 'Павлеко Тетяна Олегівна'],
      ['homoglyph', 'Павленко Тетяна Oлегівна'],
    ],
  ],
  [
    'Кучер Євгенія Миколаївна',
    '1995-12-01',
    [
      ['russian_form', 'Кучер Евгения Николаевна'],
      ['latin_kmu2010', 'Kucher Yevheniia Mykolaivna'],
      ['latin_russian', 'Kucher Evgeniya Nikolaevna'],
      ['latin_legacy', 'Kucher Yevgeniya Mykolayivna'],
      ['word_order', 'Євгенія Миколаївна Кучер'],
      ['case', 'КУЧЕР ЄВГЕНІЯ МИКОЛАЇВНА'],
      ['typo', 'Кучер Євгенія Миколаїва'],
      ['homoglyph', 'Кучеp Євгенія Миколаївна'],
    ],
  ],
  [
    'Яковенко Ілля Юрійович',
    '1999-04-17',
    [
      ['russian_form', 'Яковенко Илья Юрьевич'],
      ['latin_kmu2010', 'Yakovenko Illia Yuriiovych'],
      ['latin_russian', 'Yakovenko Ilya Yurievich'],
      ['latin_legacy', 'Iakovenko Illya'],
      ['word_order', 'Ілля Яковенко'],
      ['case', 'ЯКОВЕНКО ІЛЛЯ ЮРІЙОВИЧ'],
      ['typo', 'Яковеко Ілля Юрійович'],
      ['homoglyph', 'Якoвенко Ілля Юрійович'],
    ],
  ],
  [
    'Мороз Григорій Васильович',
    '1961-10-30',
    [
      ['russian_form', 'Мороз Григорий Васильевич'],
      ['latin_kmu2010', 'Moroz Hryhorii Vasylovych'],
      ['latin_russian', 'Moroz Grigoriy Vasilyevich'],
      ['latin_legacy', 'Moroz Hryhoriy'],
      ['word_order', 'Григорій Васильович Мороз'],
      ['case', 'МОРОЗ ГРИГОРІЙ'],
      ['typo', 'Мороз Григрій Васильович'],
      ['homoglyph', 'Mороз Григорій Васильович'],
    ],
  ],
  [
    'Сидоренко Катерина Вікторівна',
    '1978-06-05',
    [
      ['russian_form', 'Сидоренко Екатерина Викторовна'],
      ['latin_kmu2010', 'Sydorenko Kateryna Viktorivna'],
      ['latin_russian', 'Sidorenko Yekaterina Viktorovna'],
      ['latin_legacy', 'Sydorenko Kateryna'],
      ['word_order', 'Катерина Вікторівна Сидоренко'],
      ['case', 'SYDORENKO KATERYNA VIKTORIVNA'],
      ['typo', 'Сидоренко Катерина Вікоторівна'],
      ['homoglyph', 'Сидоренко Катеpина Вікторівна'],
    ],
  ],
  [
    'Ковальська Людмила Григорівна',
    '1958-01-19',
    [
      ['russian_form', 'Ковальская Людмила Григорьевна'],
      ['latin_kmu2010', 'Kovalska Liudmyla Hryhorivna'],
      ['latin_russian', 'Kovalskaya Lyudmila Grigoryevna'],
      ['latin_legacy', 'Kovalska Ludmyla'],
      ['word_order', 'Людмила Ковальська'],
      ['case', 'КОВАЛЬСЬКА ЛЮДМИЛА ГРИГОРІВНА'],
      ['typo', 'Ковальська Людмила Григорвна'],
      ['homoglyph', 'Ковальськa Людмила Григорівна'],
    ],
  ],
  [
    'Білоус Олег Дмитрович',
    '1989-08-08',
    [
      ['russian_form', 'Белоус Олег Дмитриевич'],
      ['latin_kmu2010', 'Bilous Oleh Dmytrovych'],
      ['latin_russian', 'Belous Oleg Dmitrievich'],
      ['latin_legacy', 'Bilous Oleh'],
      ['word_order', 'Олег Дмитрович Білоус'],
      ['case', 'БІЛОУС ОЛЕГ'],
      ['typo', 'Білоус Олег Дмитровчи'],
      ['homoglyph', 'Бiлоус Олег Дмитрович'],
    ],
  ],
  [
    'Дорошенко Вадим Геннадійович',
    '1982-03-27',
    [
      ['russian_form', 'Дорошенко Вадим Геннадьевич'],
      ['latin_kmu2010', 'Doroshenko Vadym Hennadiiovych'],
      ['latin_russian', 'Doroshenko Vadim Gennadyevich'],
      ['latin_legacy', 'Doroshenko Vadym Hennadiyovych'],
      ['word_order', 'Vadym DOROSHENKO'],
      ['typo', 'Дорошенко Вадим Генадійович'],
      ['homoglyph', 'Дорошeнко Вадим Геннадійович'],
    ],
  ],
  [
    'Зайченко Юлія Олександрівна',
    '2000-11-11',
    [
      ['russian_form', 'Зайченко Юлия Александровна'],
      ['latin_kmu2010', 'Zaichenko Yuliia Oleksandrivna'],
      ['latin_russian', 'Zaychenko Yulia Aleksandrovna'],
      ['latin_legacy', 'Zaichenko Yulia'],
      ['word_order', 'Юлія Олександрівна Зайченко'],
      ['typo', 'Зайчнко Юлія Олександрівна'],
    ],
  ],
  [
    'Гордієнко Святослав Леонідович',
    '1993-09-09',
    [
      ['russian_form', 'Гордиенко Святослав Леонидович'],
      ['latin_kmu2010', 'Hordiienko Sviatoslav Leonidovych'],
      ['latin_russian', 'Gordienko Svyatoslav Leonidovich'],
      ['latin_legacy', 'Hordiyenko Svyatoslav'],
      ['word_order', 'Святослав Гордієнко'],
      ['typo', 'Гордієнко Святослва Леонідович'],
    ],
  ],
  [
    'Воробйов Кирило Андрійович',
    '1997-02-14',
    [
      ['russian_form', 'Воробьёв Кирилл Андреевич'],
      ['latin_kmu2010', 'Vorobiov Kyrylo Andriiovych'],
      ['latin_russian', 'Vorobyov Kirill Andreyevich'],
      ['latin_legacy', 'Vorobyov Kyrylo'],
      ['word_order', 'Кирило Андрійович Воробйов'],
      ['typo', 'Воробйов Кирлио Андрійович'],
    ],
  ],
  [
    "Лук'яненко Надія Яківна",
    '1965-05-05',
    [
      ['russian_form', 'Лукьяненко Надежда Яковлевна'],
      ['latin_kmu2010', 'Lukianenko Nadiia Yakivna'],
      ['latin_russian', 'Lukyanenko Nadezhda Yakovlevna'],
      ['latin_legacy', 'Lukyanenko Nadiya'],
      ['word_order', 'Надія Яківна Лук’яненко'],
      ['typo', "Лук'яненко Надія Якіна"],
    ],
  ],
  [
    'Ничипорук Тимофій Петрович',
    '2003-01-31',
    [
      ['russian_form', 'Ничипорук Тимофей Петрович'],
      ['latin_kmu2010', 'Nychyporuk Tymofii Petrovych'],
      ['latin_russian', 'Nichiporuk Timofey Petrovich'],
      ['word_order', 'Тимофій Ничипорук'],
      ['typo', 'Ничипорук Тимофій Петровчи'],
      ['homoglyph', 'Ничипорук Tимофій Петрович'],
    ],
  ],
];

const persons: CanonicalPerson[] = TABLE.map(([fullName, dateOfBirth]) => ({ fullName, dateOfBirth }));
const variants: VariantRow[] = TABLE.flatMap(([fullName, dateOfBirth, rows]) =>
  rows.map(([kind, variant]) => ({ canonical: { fullName, dateOfBirth }, variant, kind })),
);
const pool = buildPool(persons);
const cases = variants.map((row) => [row.kind, row.variant, row.canonical] as const);

describe('invented name variants', () => {
  it('covers every kind of variant', () => {
    expect(new Set(variants.map((row) => row.kind))).toEqual(
      new Set([
        'russian_form',
        'latin_kmu2010',
        'latin_russian',
        'latin_legacy',
        'word_order',
        'patronymic_dropped',
        'case',
        'typo',
        'homoglyph',
      ]),
    );
  });

  it.each(cases)('%s "%s" ranks its canonical person first (with date of birth)', (_, variant, person) => {
    const query = { fullName: variant, dateOfBirth: person.dateOfBirth };
    const { canonicalScore, runnerUp } = rank(query, pool, `${person.fullName} ${person.dateOfBirth}`);
    expect(canonicalScore > runnerUp.score ? 'canonical first' : runnerUp.id).toBe('canonical first');
  });

  it.each(cases)('%s "%s" without a date ranks first but for exact namesakes', (_, variant, person) => {
    const { canonicalScore, runnerUp } = rankIgnoringExactNamesakes({ fullName: variant }, pool, person);
    expect(canonicalScore > runnerUp.score ? 'canonical first' : runnerUp.id).toBe('canonical first');
  });

  it.each(cases)('%s "%s" shares lookup keys with its canonical person', (_, variant, person) => {
    const variantKeys = personNameKeys({ fullName: variant });
    const canonicalKeys = personNameKeys(splitCanonical(person.fullName));
    expect(variantKeys.filter((key) => canonicalKeys.includes(key))).not.toEqual([]);
  });
});
