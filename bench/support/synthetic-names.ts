import { givenNameClasses, patronymicForms, transliterateKmu2010 } from '@app/names';

/**
 * Synthetic Ukrainian names with a realistic shape: surnames drawn with Zipf-like weights (many
 * namesakes), sex-consistent given names and patronymics, dates of birth 1960–2005.
 */
const SURNAME_STEMS = [
  'Шевченк',
  'Коваленк',
  'Бондаренк',
  'Ткаченк',
  'Кравченк',
  'Олійник',
  'Шевчук',
  'Коваль',
  'Поліщук',
  'Бойк',
  'Ткачук',
  'Кравчук',
  'Коваленк',
  'Марченк',
  'Лисенк',
  'Руденк',
  'Савченк',
  'Петренк',
  'Мельник',
  'Мороз',
  'Павленк',
  'Кузьменк',
  'Клименк',
  'Левченк',
  'Харченк',
  'Пономаренк',
  'Гнатюк',
  'Литвиненк',
  'Савчук',
  'Карпенк',
  'Іваненк',
  'Гончаренк',
  'Романенк',
  'Костенк',
  'Семенк',
  'Тимошенк',
  'Юрченк',
  'Приходьк',
  'Кучер',
  'Мазур',
  'Ковальчук',
  'Дяченк',
  'Білоус',
  'Сидоренк',
  'Гуменюк',
  'Мартинюк',
  'Власенк',
  'Кириленк',
  'Федоренк',
  'Яковенк',
  'Вакуленк',
  'Гаврилюк',
  'Головк',
  'Захарченк',
  'Зінченк',
  'Лук\u2019яненк',
  'Максименк',
  'Нестеренк',
  'Онищенк',
  'Панченк',
];
const SUFFIX_VARIANTS = ['о', 'о', 'о', 'ий', 'юк', 'ук', 'ич', 'ак'];

function buildSurnames(): string[] {
  const set = new Set<string>();
  for (const stem of SURNAME_STEMS) {
    const base = stem.endsWith('к') && !stem.endsWith('ук') && !stem.endsWith('юк') ? `${stem}о` : stem;
    set.add(base);
  }
  // A long tail of rarer surnames built from the stems.
  for (const stem of SURNAME_STEMS)
    for (const suffix of SUFFIX_VARIANTS) set.add(`${stem}${suffix}`.replace(/оо$/u, 'о'));
  return [...set];
}

export class NameGenerator {
  private readonly surnames = buildSurnames();
  private readonly weights: number[];
  private readonly total: number;
  private readonly male = givenNameClasses().filter((c) => c.sex === 'm');
  private readonly female = givenNameClasses().filter((c) => c.sex === 'f');
  private seed: number;

  constructor(seed = 42) {
    this.seed = seed;
    this.weights = this.surnames.map((_, i) => 1 / Math.pow(i + 1, 1.07));
    this.total = this.weights.reduce((a, b) => a + b, 0);
  }

  random(): number {
    // mulberry32: reproducible runs
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  pick<T>(list: readonly T[], skew = 1.0): T {
    const i = Math.floor(Math.pow(this.random(), skew) * list.length);
    return list[Math.min(i, list.length - 1)];
  }

  surname(): string {
    let r = this.random() * this.total;
    for (let i = 0; i < this.weights.length; i++) {
      r -= this.weights[i];
      if (r <= 0) return this.surnames[i];
    }
    return this.surnames[0];
  }

  person(): { surname: string; givenName: string; patronymic: string; dateOfBirth: string; sex: 'm' | 'f' } {
    const sex = this.random() < 0.85 ? 'm' : 'f';
    const given = this.pick(sex === 'm' ? this.male : this.female, 2.2);
    const father = this.pick(this.male, 2.2);
    const forms = patronymicForms(father.id);
    const ukrainian = forms.filter((f) => (sex === 'm' ? /ович$/u.test(f) : /[іїи]вна$/u.test(f)) && !/[ыэъ]/u.test(f));
    const patronymic = capitalise(ukrainian.sort((a, b) => b.length - a.length)[0] ?? forms[0] ?? 'Іванович');
    const surname = sex === 'f' ? feminine(this.surname()) : this.surname();
    const year = 1960 + Math.floor(this.random() * 46);
    const month = 1 + Math.floor(this.random() * 12);
    const day = 1 + Math.floor(this.random() * 28);
    return {
      surname,
      givenName: given.ukrainian[0],
      patronymic,
      dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex,
    };
  }

  /** How another source may spell this person: Russian, Latin, another order, a typo. */
  variant(p: { surname: string; givenName: string; patronymic: string }, kind: number): string {
    const given = givenNameClasses().find((c) => c.ukrainian.includes(p.givenName));
    switch (kind % 5) {
      case 0:
        return `${p.surname} ${p.givenName}`;
      case 1:
        return `${russify(p.surname)} ${given?.russian[0] ?? p.givenName}`;
      case 2:
        return `${transliterateKmu2010(p.surname)} ${transliterateKmu2010(p.givenName)}`;
      case 3:
        return `${p.givenName} ${p.surname} ${p.patronymic}`;
      default: {
        const s = p.surname;
        const at = 2 + Math.floor(this.random() * Math.max(1, s.length - 3));
        return `${s.slice(0, at)}${s.slice(at + 1)} ${p.givenName}`;
      }
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function feminine(surname: string): string {
  if (surname.endsWith('ий')) return `${surname.slice(0, -2)}а`;
  return surname;
}

function russify(s: string): string {
  return s.replace(/и/gu, 'ы').replace(/і/gu, 'и').replace(/ї/gu, 'и').replace(/є/gu, 'е').replace(/’/gu, '');
}
