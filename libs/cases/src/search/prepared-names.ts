import { parseDateOfBirthParts, PreparedName, prepareName } from '@app/names';
import type { CaseSummaryRow } from '../cases/cases.repository';

/** The parts of a case row a name is prepared from. */
export type NamedRow = Pick<CaseSummaryRow, 'surname' | 'given_name' | 'patronymic' | 'date_of_birth'>;

/**
 * Names analysed once per process: the analysis (transliteration, classes, keys) costs more than
 * the comparison, and the same names come back search after search (many namesakes). Kept by
 * surname, given name and patronymic in nested maps (three lookups by the row's own strings cost
 * less than building one key of them for every row). Dates of birth are parsed apart, so namesakes
 * share one entry. Each of the two is bounded by `limit` entries and emptied when full: a search
 * then prepares its names again, and the result is the same.
 */
export class PreparedNames {
  private readonly names = new Map<string, Map<string, Map<string, PreparedName['name']>>>();
  private nameCount = 0;
  private readonly dates = new Map<string, PreparedName['dateOfBirth']>();

  constructor(private readonly limit = 100_000) {}

  /** How many names and dates are held (for tests). */
  get size(): { names: number; dates: number } {
    return { names: this.nameCount, dates: this.dates.size };
  }

  of(row: NamedRow): PreparedName {
    const patronymic = row.patronymic ?? '';
    let byGiven = this.names.get(row.surname);
    let byPatronymic = byGiven?.get(row.given_name);
    let name = byPatronymic?.get(patronymic);
    if (name === undefined) {
      name = prepareName({ surname: row.surname, givenName: row.given_name, patronymic: row.patronymic }).name;
      if (this.nameCount >= this.limit) {
        this.names.clear();
        this.nameCount = 0;
        byGiven = byPatronymic = undefined;
      }
      if (byGiven === undefined) this.names.set(row.surname, (byGiven = new Map()));
      if (byPatronymic === undefined) byGiven.set(row.given_name, (byPatronymic = new Map()));
      byPatronymic.set(patronymic, name);
      this.nameCount++;
    }
    let dateOfBirth = row.date_of_birth === null ? null : this.dates.get(row.date_of_birth);
    if (dateOfBirth === undefined && row.date_of_birth !== null) {
      dateOfBirth = parseDateOfBirthParts(row.date_of_birth);
      if (this.dates.size >= this.limit) this.dates.clear();
      this.dates.set(row.date_of_birth, dateOfBirth);
    }
    return { name, dateOfBirth: dateOfBirth ?? null };
  }
}
