import { GIVEN_NAME_ROWS } from './given-name-table';
import { transliterateKmu2010 } from './transliterate';
import { collapseSounds, nameWordKey } from './word-key';

/** Spellings of one word across scripts and systems, and the key they share. */
const SAME_KEY: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['olinik', ['Олійник', 'Олейник', 'Oliinyk', 'Oleynik', 'Oleinik', 'ОЛІЙНИК', 'Олiйник']],
  ['andri', ['Андрій', 'Андрей', 'Andrii', 'Andriy', 'Andrij', 'Andrey', 'Andrei', 'Andrej']],
  ['sergi', ['Сергій', 'Сергей', 'Serhii', 'Serhiy', 'Sergey', 'Sergei', 'Serhij']],
  ['iuri', ['Юрій', 'Юрий', 'Yurii', 'Yuriy', 'Iurii', 'Jurij', 'Yuri']],
  ['vitali', ['Віталій', 'Виталий', 'Vitalii', 'Vitaliy', 'Vitali']],
  ['igor', ['Ігор', 'Игорь', 'Ihor', 'Igor']],
  ['grigori', ['Григорій', 'Григорий', 'Hryhorii', 'Hryhoriy', 'Grigoriy', 'Grigorii']],
  ['mihailo', ['Михайло', 'Mykhailo', 'Mykhaylo']],
  ['artem', ['Артем', 'Артём', 'Artem', 'Artyom', 'Artiom']],
  ['natalia', ['Наталія', 'Наталья', 'Наталя', 'Nataliia', 'Natalya', 'Natalia']],
  ['evgenia', ['Євгенія', 'Евгения', 'Yevheniia', 'Evgeniya', 'Yevgeniya']],
  ['maria', ['Марія', 'Мария', 'Mariia', 'Maria', 'Mariya']],
  ['iaroslav', ['Ярослав', 'Yaroslav', 'Iaroslav', 'Jaroslav', 'Jarosław']],
  ['maksim', ['Максим', 'Maksym', 'Maksim', 'Maxim']],
  ['viktor', ['Віктор', 'Виктор', 'Viktor', 'Victor']],
  ['wevcenko', ['Шевченко', 'Shevchenko', 'SHEVCHENKO', 'Szewczenko', 'Ševčenko']],
  ['kovalenko', ['Коваленко', 'Кoваленко', 'Kovalenko', 'Kowalenko']],
  ['poliwcuk', ['Поліщук', 'Полищук', 'Polishchuk', 'Polischuk']],
  ['lisenko', ['Лисенко', 'Лысенко', 'Lysenko']],
  ['goncarenko', ['Гончаренко', 'Honcharenko', 'Goncharenko']],
  ['kuzmenko', ['Кузьменко', 'Kuzmenko', "Kuz'menko"]],
  ['kovalcuk', ['Ковальчук', 'Kovalchuk', 'Kowalczuk']],
  ['boiko', ['Бойко', 'Boiko', 'Boyko', 'Bojko']],
  ['tkacuk', ['Ткачук', 'Tkachuk']],
  ['kravex', ['Кравець', 'Kravets', 'Kravetz', 'Kravec']],
  ['vasilev', ['Васильєв', 'Васильев', 'Vasyliev', 'Vasilyev', 'Vasiliev', 'Vasilev']],
  ['vorobev', ['Воробйов', 'Воробьёв', 'Воробьев', 'Vorobiov', 'Vorobyov', 'Vorobyev', 'Vorobev']],
  ['korolev', ['Королёв', 'Королев', 'Korolyov', 'Korolev']],
  ['kovalski', ['Ковальський', 'Ковальский', 'Kovalskyi', 'Kovalsky', 'Kovalskiy', 'Kovalskii']],
  ['kovalska', ['Ковальська', 'Ковальская', 'Kovalska', 'Kovalskaya', 'Kovalskaia']],
  ['lanovi', ['Лановий', 'Лановой', 'Lanovyi', 'Lanovoy']],
  ['mariana', ["Мар'яна", 'Мар’яна', 'Марьяна', 'Mariana', 'Maryana']],
  ['zgurski', ['Згурський', 'Zghurskyi']],
  ['andrenko', ['Андрієнко', 'Андриенко', 'Andriienko', 'Andriyenko']],
  ['kornicuk', ['Корнійчук', 'Корнейчук', 'Korniichuk', 'Korneychuk']],
  ['grigorev', ['Григор’єв', 'Григорьев', 'Hryhoriev', 'Grigoryev']],
  ['lukianenko', ["Лук'яненко", 'Лукьяненко', 'Lukianenko', 'Lukyanenko']],
  ['ilin', ['Ільїн', 'Ильин', 'Ilyin', 'Iliin']],
  ['mikolaiovic', ['Миколайович', 'Mykolaiovych', 'Mykolayovych', 'Mykolajovych']],
  ['nikolaevic', ['Николаевич', 'Nikolaevich', 'Nikolayevich']],
  ['iurevic', ['Юрійович', 'Юрьевич', 'Yuriiovych', 'Yuriyovych', 'Yurievich', 'Yuryevich']],
  ['sergevic', ['Сергійович', 'Сергеевич', 'Serhiiovych', 'Sergeevich', 'Sergeyevich']],
  ['vasilevic', ['Васильевич', 'Vasilyevich', 'Vasilievich', 'Vasilevich']],
  ['petrovna', ['Петровна', 'Petrovna']],
  ['ianukovic', ['Янукович', 'Yanukovych', 'Ianukovych', 'Yanukovich']],
];

/** Words that must keep different keys. */
const DIFFERENT_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['Іванов', 'Іваненко'],
  ['Петро', 'Павло'],
  ['Шевченко', 'Шевчук'],
  ['Коваленко', 'Ковальчук'],
  ['Кравець', 'Кравченко'],
  ['Гончар', 'Гончаренко'],
  ['Олександр', 'Олександра'],
  ['Іван', 'Іванна'],
  ['Ніна', 'Інна'],
  ['Майя', 'Марія'],
  ['Харченко', 'Гарченко'],
  ['Жук', 'Зук'],
  ['Цап', 'Чап'],
  ['Шуляк', 'Щуляк'],
];

/** Ukrainian words whose KMU 2010 Latin must give the same key as the Cyrillic. */
const KMU_WORDS: readonly string[] = [
  ...GIVEN_NAME_ROWS.flatMap((row) => (row.split('|')[1] ?? '').split(' ')),
  ...'Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Мельник Шевчук Поліщук Лисенко Марченко Гончаренко Ковальчук Бойко Ткачук Савчук Кузьменко Петренко Гнатюк Литвиненко Павленко Кучер Яковенко Щербак Згурський Зінченко Їжакевич Гаєвич Мар’яненко Корольов Воробйов Соловйов Ковальська Пріщепа Юрчишин Дячишин Вʼюн Ґудзь Цьох Хрущ Чорновіл Тьопа Заїка Мацьків Костюк Рябчун Ксьонз Огієнко Вергелес Сергієнко Гордієнко Матвієнко Дем’яненко Тітов Ющенко Януковчич'.split(
    ' ',
  ),
].filter((word) => word !== '');

describe(nameWordKey.name, () => {
  it.each(SAME_KEY)('gives %s to every spelling', (key, spellings) => {
    expect(spellings.map(nameWordKey)).toEqual(spellings.map(() => key));
  });

  it.each(DIFFERENT_KEYS)('keeps %s and %s apart', (a, b) => {
    expect(nameWordKey(a)).not.toBe(nameWordKey(b));
  });

  it.each(KMU_WORDS)('gives %s the key of its KMU 2010 transliteration', (word) => {
    expect(nameWordKey(transliterateKmu2010(word))).toBe(nameWordKey(word));
  });

  it('uses only a-z without q and y', () => {
    for (const word of KMU_WORDS) expect(nameWordKey(word)).toMatch(/^[a-prstuvwxz]+$/);
  });

  it.each([
    ['', ''],
    ['123', ''],
    ['-', ''],
    ['Шевченко-Ткачук', 'wevcenkotkacuk'],
  ])('keys %j as %j', (word, key) => {
    expect(nameWordKey(word)).toBe(key);
  });

  it('is stable when called again (cached)', () => {
    expect(nameWordKey('Олійник')).toBe(nameWordKey('Олійник'));
  });
});

describe(collapseSounds.name, () => {
  it.each([
    ['andriii', 'andri'],
    ['koroliov', 'korolev'],
    ['ievgen', 'evgen'],
    ['oleinik', 'olinik'],
    ['kovalskaia', 'kovalska'],
    ['maiia', 'maia'],
    ['lanovoi', 'lanovi'],
    ['ganna', 'gana'],
  ])('%s → %s', (sounds, key) => {
    expect(collapseSounds(sounds)).toBe(key);
  });
});
