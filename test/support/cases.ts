import { storedKeys } from '@app/cases';
import { DataSource } from 'typeorm';
import { TestApi } from './api';
import { SignedIn } from './factories';

export function inquiryBody(
  overrides: { person?: Record<string, unknown>; [key: string]: unknown } = {},
): Record<string, unknown> {
  const { person, ...rest } = overrides;
  return {
    person: {
      surname: 'Шевченко',
      givenName: 'Андрій',
      patronymic: 'Петрович',
      dateOfBirth: '1991-03-14',
      category: 'military',
      militaryUnit: 'А1234',
      rank: 'солдат',
      serviceNumber: 'AB-123456',
      ...person,
    },
    disappearance: { date: '2022-05-20', place: 'Маріуполь', circumstances: 'Оборона заводу' },
    relationship: 'mother',
    channels: { email: true, sms: false },
    consent: true,
    ...rest,
  };
}

export async function submitInquiry(
  api: TestApi,
  family: SignedIn,
  overrides: Parameters<typeof inquiryBody>[0] = {},
): Promise<{ id: string; reference: string }> {
  const res = await api.http.post('/api/inquiries').set(family.auth).send(inquiryBody(overrides)).expect(201);
  return res.body as { id: string; reference: string };
}

let counter = 0;

/** A case written straight to the database in a given status (for status-machine tables). */
export async function seedCase(
  api: TestApi,
  options: {
    status?: string;
    assigneeId?: string | null;
    surname?: string;
    givenName?: string;
    patronymic?: string;
    dateOfBirth?: string | null;
    /** Chosen by the database unless given (a test that needs the order of ids gives it). */
    id?: string;
  } = {},
): Promise<{ id: string; version: number }> {
  const db = api.app.get(DataSource);
  counter++;
  const person = {
    surname: options.surname ?? 'Тестовий',
    givenName: options.givenName ?? 'Іван',
    patronymic: options.patronymic ?? 'Іванович',
  };
  const rows: { id: string; version: number }[] = await db.query(
    `INSERT INTO cases (id, reference, status, assignee_id, category, surname, given_name, patronymic, date_of_birth)
     VALUES (coalesce($8::uuid, gen_random_uuid()), $1, $2, $3, 'civilian', $4, $5, $6, $7) RETURNING id, version`,
    [
      `CASE-TEST-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      options.status ?? 'registered',
      options.assigneeId ?? null,
      person.surname,
      person.givenName,
      person.patronymic,
      options.dateOfBirth ?? null,
      options.id ?? null,
    ],
  );
  const { keys, words } = storedKeys({ ...person, dateOfBirth: options.dateOfBirth ?? null });
  await db.query(`INSERT INTO case_name_keys (key, case_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`, [
    keys,
    rows[0].id,
  ]);
  await db.query(
    `INSERT INTO name_words (word, canonical) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [words.map((w) => w.phonetic), words.map((w) => w.canonical)],
  );
  return rows[0];
}
