import { storedKeys } from '@app/cases';
import { DataSource } from 'typeorm';

interface DemoPerson {
  surname: string;
  givenName: string;
  patronymic: string;
  dateOfBirth: string;
  status: string;
  category: 'military' | 'civilian';
}

const PEOPLE: DemoPerson[] = [
  {
    surname: 'Шевченко',
    givenName: 'Андрій',
    patronymic: 'Петрович',
    dateOfBirth: '1991-03-14',
    status: 'captivity_confirmed',
    category: 'military',
  },
  {
    surname: 'Коваленко',
    givenName: 'Олександр',
    patronymic: 'Миколайович',
    dateOfBirth: '1987-11-02',
    status: 'missing',
    category: 'military',
  },
  {
    surname: 'Бондаренко',
    givenName: 'Сергій',
    patronymic: 'Васильович',
    dateOfBirth: '1979-06-21',
    status: 'registered',
    category: 'military',
  },
  {
    surname: 'Олійник',
    givenName: 'Віталій',
    patronymic: 'Михайлович',
    dateOfBirth: '1990-12-12',
    status: 'missing',
    category: 'military',
  },
  {
    surname: 'Савчук',
    givenName: 'Наталія',
    patronymic: 'Петрівна',
    dateOfBirth: '1974-01-11',
    status: 'registered',
    category: 'civilian',
  },
];

/**
 * Development only: a few cases (one assigned to the demo caseworker, the others unassigned) and
 * an inquiry of the demo family linked to the first, with kinship verified. Idempotent.
 */
export async function seedDemoCases(db: DataSource, say: (line: string) => void): Promise<void> {
  const existing: unknown[] = await db.query(`SELECT 1 FROM cases WHERE reference = 'CASE-DEMO-001'`);
  if (existing.length > 0) return;
  const [family] = (await db.query(`SELECT id FROM users WHERE email = 'family@demo.local'`)) as { id: string }[];
  const [caseworker] = (await db.query(`SELECT id FROM users WHERE email = 'caseworker@demo.local'`)) as {
    id: string;
  }[];
  if (!family || !caseworker) return;
  await db.transaction(async (m) => {
    const ids: string[] = [];
    for (const [i, p] of PEOPLE.entries()) {
      const [row] = (await m.query(
        `INSERT INTO cases (reference, status, assignee_id, category, surname, given_name, patronymic, date_of_birth)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          `CASE-DEMO-${String(i + 1).padStart(3, '0')}`,
          p.status,
          i === 0 ? caseworker.id : null,
          p.category,
          p.surname,
          p.givenName,
          p.patronymic,
          p.dateOfBirth,
        ],
      )) as { id: string }[];
      ids.push(row.id);
      const { keys, words } = storedKeys(p);
      await m.query(`INSERT INTO case_name_keys (key, case_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`, [
        keys,
        row.id,
      ]);
      await m.query(
        `INSERT INTO name_words (word, canonical) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
        [words.map((w) => w.phonetic), words.map((w) => w.canonical)],
      );
      await m.query(
        `INSERT INTO case_history (case_id, action, to_status, details) VALUES ($1, 'created', 'registered', '{"demo":true}')`,
        [row.id],
      );
      if (p.status !== 'registered') {
        await m.query(
          `INSERT INTO case_history (case_id, action, from_status, to_status, evidence_source) VALUES ($1, 'status', 'registered', $2, 'other')`,
          [row.id, p.status],
        );
      }
    }
    const p = PEOPLE[0];
    const [inquiry] = (await m.query(
      `INSERT INTO inquiries (reference, owner_id, status, case_id, category, surname, given_name, patronymic, date_of_birth,
         relationship, notify_email, consent_at, kinship, kinship_method, kinship_verified_at, kinship_verified_by)
       VALUES ('INQ-DEMO-000001', $1, 'linked', $2, $3, $4, $5, $6, $7, 'mother', true, now(), 'verified', 'document_seen', now(), $8)
       RETURNING id`,
      [family.id, ids[0], p.category, p.surname, p.givenName, p.patronymic, p.dateOfBirth, caseworker.id],
    )) as { id: string }[];
    await m.query(
      `INSERT INTO inquiry_events (inquiry_id, type, actor_id) VALUES ($1, 'received', $2), ($1, 'in_review', $3), ($1, 'linked', $3), ($1, 'kinship_verified', $3)`,
      [inquiry.id, family.id, caseworker.id],
    );
  });
  say(`demo cases: ${PEOPLE.length} (CASE-DEMO-001 assigned to the demo caseworker, with the demo family's inquiry)`);
}
