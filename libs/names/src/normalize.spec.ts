import { foldHomoglyphs, foldText, splitNameWords } from './normalize';

describe(foldText.name, () => {
  it.each([
    ['case', 'ШЕВЧЕНКО Андрій', 'шевченко андрій'],
    ['Latin case', 'SHEVCHENKO Andriy', 'shevchenko andriy'],
    ['spaces', '  Шевченко \t Андрій\n Петрович ', 'шевченко андрій петрович'],
    ['ё', 'Артём Семёнович', 'артем семенович'],
    ['capital Ё', 'ЁЛКИН', 'елкин'],
    ['ASCII apostrophe', "Мар'яна", 'маряна'],
    ['right single quote', 'Мар’яна', 'маряна'],
    ['modifier letter apostrophe', 'Мар\u02bcяна', 'маряна'],
    ['backtick', 'Мар`яна', 'маряна'],
    ['acute accent', 'Мар´яна', 'маряна'],
    ['modifier prime', 'Лук\u02b9ян', 'лукян'],
    ['left single quote', 'В‘ячеслав', 'вячеслав'],
    ['stress mark', 'Андрі\u0301й', 'андрій'],
    ['decomposed й', 'Андріи\u0306', 'андрій'],
    ['fullwidth letters', 'Ｓｈｅｖｃｈｅｎｋｏ', 'shevchenko'],
    ['Latin o in a Cyrillic word', 'Кoваленко', 'коваленко'],
    ['Latin i in a Cyrillic word', 'Олiйник', 'олійник'],
    [
      'Latin p, c, y, x in Cyrillic words',
      'Пeтpенкo Cеpгій Юpійoвич Xoменкo Кyзьменкo',
      'петренко сергій юрійович хоменко кузьменко',
    ],
    [
      'capital Latin H, B, M, T, K',
      'ШЕВЧЕHКО ВОВK ТИМОШЕНKО BОЛОШИН MЕЛЬНИК',
      'шевченко вовк тимошенко волошин мельник',
    ],
    ['Cyrillic а and о in a Latin word', 'Kovаlenkо', 'kovalenko'],
    ['Cyrillic і in a Latin word', 'Oliіnyk', 'oliinyk'],
    ['Cyrillic р, с, у in a Latin word', 'Pоlishсhuk Yurіі', 'polishchuk yurii'],
    ['punctuation', 'Шевченко, Андрій (Петрович).', 'шевченко андрій петрович'],
    ['hyphenated surname', 'Римський-Корсаков', 'римський-корсаков'],
    ['hyphen with one space', 'Римський- Корсаков', 'римський-корсаков'],
    ['en dash in a surname', 'Римський–Корсаков', 'римський-корсаков'],
    ['spaced dash separates', 'Шевченко — Андрій', 'шевченко андрій'],
    ['doubled hyphens', 'Римський--Корсаков', 'римський-корсаков'],
    ['edge hyphens', '-Шевченко Андрій-', 'шевченко андрій'],
    ['soft hyphen and zero-width space', 'Шев\u00adчен\u200bко', 'шевченко'],
    ['empty', '', ''],
    ['only punctuation', ' ,.- ', ''],
  ])('folds %s', (_, input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const s of ['Кoваленко Олександр', "Мар'яна ЁЛКИНА", 'Kovаlenkо - Andriy', 'Римський–Корсаков']) {
      expect(foldText(foldText(s))).toBe(foldText(s));
    }
  });
});

describe(foldHomoglyphs.name, () => {
  it.each([
    ['коваленко', 'коваленко'],
    ['kovalenko', 'kovalenko'],
    ['кoваленко', 'коваленко'],
    ['kovаlenko', 'kovalenko'],
    ['аоp', 'аор'],
    ['aоp', 'aop'],
    ['аo', 'аo'],
    ['tomac', 'tomac'],
  ])('%s → %s', (input, expected) => {
    expect(foldHomoglyphs(input)).toBe(expected);
  });
});

describe(splitNameWords.name, () => {
  it.each([
    ['  ШЕВЧЕНКО,  Андрій ', ['шевченко', 'андрій']],
    ['Римський-Корсаков Микола', ['римський-корсаков', 'микола']],
    ['', []],
  ])('%s', (input, expected) => {
    expect(splitNameWords(input)).toEqual(expected);
  });
});
