import { DisappearanceDto, PersonDto, PersonRecord } from './person.dto';

export function toPersonRecord(person: PersonDto, disappearance?: DisappearanceDto): PersonRecord {
  return {
    category: person.category,
    surname: person.surname,
    givenName: person.givenName,
    patronymic: person.patronymic ?? null,
    latinName: person.latinName ?? null,
    dateOfBirth: person.dateOfBirth ?? null,
    militaryUnit: person.militaryUnit ?? null,
    rank: person.rank ?? null,
    serviceNumber: person.serviceNumber ?? null,
    disappearanceDate: disappearance?.date ?? null,
    disappearancePlace: disappearance?.place ?? null,
    circumstances: disappearance?.circumstances ?? null,
  };
}

/** The twelve person columns in the order every INSERT and UPDATE of this context lists them. */
export function personValues(p: PersonRecord): (string | null)[] {
  return [
    p.category,
    p.surname,
    p.givenName,
    p.patronymic,
    p.latinName,
    p.dateOfBirth,
    p.militaryUnit,
    p.rank,
    p.serviceNumber,
    p.disappearanceDate,
    p.disappearancePlace,
    p.circumstances,
  ];
}

/** The person's columns as a row of `cases` or `inquiries` holds them (dates as YYYY-MM-DD text). */
export interface PersonColumns {
  category: 'military' | 'civilian';
  surname: string;
  given_name: string;
  patronymic: string | null;
  latin_name: string | null;
  date_of_birth: string | null;
  military_unit: string | null;
  rank: string | null;
  service_number: string | null;
  disappearance_date: string | null;
  disappearance_place: string | null;
  circumstances: string | null;
}
