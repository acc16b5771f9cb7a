import { givenNameClasses } from './given-names';
import {
  canonicalPatronymic,
  looksLikePatronymic,
  patronymicForms,
  patronymicKeys,
  patronymicStem,
  russianPatronymicsOf,
  ukrainianPatronymicsOf,
} from './patronymics';

describe(canonicalPatronymic.name, () => {
  it.each([
    [
      'mykola',
      [
        'Миколайович',
        'Николаевич',
        'Mykolaiovych',
        'Mykolayovych',
        'Nikolaevich',
        'Nikolayevich',
        'Миколаївна',
        'Николаевна',
        'Mykolaivna',
      ],
    ],
    [
      'vasyl',
      ['Васильович', 'Васильевич', 'Vasylovych', 'Vasilyevich', 'Vasilievich', 'Василівна', 'Васильевна', 'Vasylivna'],
    ],
    ['hryhorii', ['Григорович', 'Григорьевич', 'Hryhorovych', 'Grigoryevich', 'Григорівна', 'Григорьевна']],
    ['anatolii', ['Анатолійович', 'Анатольевич', 'Anatoliiovych', 'Anatolyevich', 'Анатоліївна', 'Анатольевна']],
    ['yurii', ['Юрійович', 'Юрьевич', 'Yuriiovych', 'Yurievich', 'Yuryevich', 'Юріївна', 'Юрьевна']],
    ['serhii', ['Сергійович', 'Сергеевич', 'Serhiiovych', 'Sergeevich', 'Sergeyevich', 'Сергіївна', 'Сергеевна']],
    ['petro', ['Петрович', 'Petrovych', 'Petrovich', 'Петрівна', 'Петровна', 'Petrivna', 'Petrovna']],
    ['ivan', ['Іванович', 'Иванович', 'Ivanovych', 'Ivanovich', 'Іванівна', 'Ивановна']],
    ['oleh', ['Олегович', 'Olehovych', 'Olegovich', 'Олегівна', 'Олеговна']],
    ['ihor', ['Ігорович', 'Игоревич', 'Ihorovych', 'Igorevich', 'Ігорівна', 'Игоревна']],
    ['andrii', ['Андрійович', 'Андреевич', 'Andriiovych', 'Andriyovych', 'Andreevich', 'Андріївна', 'Андреевна']],
    [
      'oleksandr',
      ['Олександрович', 'Александрович', 'Oleksandrovych', 'Aleksandrovich', 'Олександрівна', 'Александровна'],
    ],
    [
      'volodymyr',
      ['Володимирович', 'Владимирович', 'Volodymyrovych', 'Vladimirovich', 'Володимирівна', 'Владимировна'],
    ],
    ['oleksii', ['Олексійович', 'Алексеевич', 'Oleksiiovych', 'Alekseevich', 'Олексіївна', 'Алексеевна']],
    ['dmytro', ['Дмитрович', 'Дмитриевич', 'Dmytrovych', 'Dmitrievich', 'Дмитрівна', 'Дмитриевна']],
    ['mykhailo', ['Михайлович', 'Mykhailovych', 'Mikhailovich', 'Михайлівна', 'Михайловна']],
    ['pavlo', ['Павлович', 'Pavlovych', 'Pavlovich', 'Павлівна', 'Павловна']],
    ['fedir', ['Федорович', 'Фёдорович', 'Fedorovych', 'Fedorovich', 'Федорівна', 'Фёдоровна']],
    ['yakiv', ['Якович', 'Яковлевич', 'Yakovych', 'Yakovlevich', 'Яківна', 'Яковлевна']],
    ['lev', ['Львович', 'Lvovich', 'Львовна', 'Левович']],
    ['illia', ['Ілліч', 'Ильич', 'Illich', 'Ilyich', 'Іллівна', 'Ильинична']],
    ['kuzma', ['Кузьмич', 'Кузьминична', 'Кузьмівна']],
    ['mykyta', ['Микитович', 'Никитич', 'Никитична', 'Микитівна']],
    ['yevhen', ['Євгенович', 'Евгеньевич', 'Yevhenovych', 'Evgenievich', 'Євгенівна', 'Евгеньевна']],
    ['vitalii', ['Віталійович', 'Витальевич', 'Vitaliiovych', 'Vitalyevich', 'Віталіївна', 'Витальевна']],
    ['yaroslav', ['Ярославович', 'Yaroslavovych', 'Yaroslavovich', 'Ярославівна', 'Ярославовна']],
    ['stepan', ['Степанович', 'Stepanovych', 'Степанівна', 'Степановна']],
    ['bohdan', ['Богданович', 'Bohdanovych', 'Bogdanovich', 'Богданівна', 'Богдановна']],
    ['taras', ['Тарасович', 'Tarasovych', 'Тарасівна', 'Тарасовна']],
    ['artem', ['Артемович', 'Артёмович', 'Artemovych', 'Artyomovich', 'Артемівна']],
    ['viktor', ['Вікторович', 'Викторович', 'Viktorovych', 'Viktorovich', 'Вікторівна', 'Викторовна']],
    ['kostiantyn', ['Костянтинович', 'Константинович', 'Kostiantynovych', 'Konstantinovich']],
    ['heorhii', ['Георгійович', 'Георгиевич', 'Heorhiiovych', 'Georgievich', 'Георгіївна', 'Георгиевна']],
    ['valerii', ['Валерійович', 'Валерьевич', 'Valeriiovych', 'Valerievich', 'Валеріївна', 'Валерьевна']],
    ['hennadii', ['Геннадійович', 'Геннадьевич', 'Hennadiiovych', 'Gennadievich']],
    ['leonid', ['Леонідович', 'Леонидович', 'Leonidovych', 'Leonidovich', 'Леонідівна']],
    ['danylo', ['Данилович', 'Даниилович', 'Danylovych', 'Daniilovich', 'Данилівна']],
    ['semen', ['Семенович', 'Семёнович', 'Semenovych', 'Semyonovich', 'Семенівна']],
  ])('gives %s to %j', (id, spellings) => {
    expect(spellings.map(canonicalPatronymic)).toEqual(spellings.map(() => id));
  });

  it.each(['Шевченко', 'Андрій', 'Kovalenko', 'Янукович', 'Мацкевич', '', 'ович'])('does not know %j', (word) => {
    expect(canonicalPatronymic(word)).toBeNull();
  });

  it('reads French-style and mixed spellings', () => {
    expect(canonicalPatronymic('Tarasovitch')).toBe('taras');
    expect(canonicalPatronymic('Petrovitch')).toBe('petro');
  });

  it('derives an unlisted form of a known name from its stem', () => {
    expect(canonicalPatronymic('Миколаєвич')).toBe('mykola');
  });

  it('gives no key to two classes', () => {
    const owners = new Map<string, string>();
    const shared: string[] = [];
    for (const c of givenNameClasses()) {
      for (const key of patronymicKeys(c.id)) {
        const owner = owners.get(key);
        if (owner !== undefined && owner !== c.id) shared.push(`${key}: ${owner}, ${c.id}`);
        owners.set(key, c.id);
      }
    }
    expect(shared).toEqual([]);
  });

  it('has patronymics for every male name and none for female ones', () => {
    for (const c of givenNameClasses()) {
      expect([c.id, patronymicForms(c.id).length > 0]).toEqual([c.id, c.sex === 'm']);
    }
  });
});

describe(looksLikePatronymic.name, () => {
  it.each([
    ['Петрович', true],
    ['Mykolaiovych', true],
    ['Зеновіївна', true],
    ['Янукович', true],
    ['Мацкевич', true],
    ['Петренко', false],
    ['Андрій', false],
    ['Ович', false],
  ])('%s → %s', (word, expected) => {
    expect(looksLikePatronymic(word)).toBe(expected);
  });
});

describe(patronymicStem.name, () => {
  it.each([
    ['Янукович', 'ianuk'],
    ['Петрівна', 'petr'],
    ['Сергеевна', 'serg'],
    ['Шевченко', null],
  ])('%s → %s', (word, stem) => {
    expect(patronymicStem(word)).toBe(stem);
  });
});

describe(ukrainianPatronymicsOf.name, () => {
  it.each([
    ['Андрій', ['андрійович', 'андріївна']],
    ['Василь', ['васильович', 'василівна']],
    ['Петро', ['петрович', 'петрівна']],
    ['Микита', ['микитович', 'микитівна']],
    ['Іван', ['іванович', 'іванівна']],
  ])('%s → %j', (name, patronymics) => {
    expect(ukrainianPatronymicsOf(name)).toEqual(patronymics);
  });
});

describe(russianPatronymicsOf.name, () => {
  it.each([
    ['Юрий', ['юрьевич', 'юрьевна', 'юриевич', 'юриевна']],
    ['Сергей', ['сергеевич', 'сергеевна']],
    ['Николай', ['николаевич', 'николаевна']],
    ['Игорь', ['игоревич', 'игоревна']],
    ['Никита', ['никитич', 'никитична', 'никитович', 'никитовна']],
    ['Иван', ['иванович', 'ивановна']],
    ['Фёдор', ['федорович', 'федоровна']],
  ])('%s → %j', (name, patronymics) => {
    expect(russianPatronymicsOf(name)).toEqual(patronymics);
  });
});
