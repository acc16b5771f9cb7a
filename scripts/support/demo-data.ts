import { CasesRepository, storedKeys } from '@app/cases';
import { DataSource, EntityManager } from 'typeorm';

/** Demo data beyond the accounts; each context adds its part here. Idempotent. */
export async function seedDemoData(dataSource: DataSource, say: (line: string) => void): Promise<void> {
  await seedDemoExchanges(dataSource, say);
}

interface DemoExchange {
  date: string;
  military: number;
  civilian: number;
  bodies: number;
  /** True only where the figure of this one exchange is public; everything else is illustrative. */
  publicFigure?: boolean;
}

/**
 * The year totals are the public figures: 2024, 11 exchanges and 1,358 people returned, 189 of
 * them on 30 December 2024, 356 more than the 1,002 of 2023. The other dates, the sizes of the
 * other exchanges, the military/civilian split and the bodies are illustrative.
 */
const EXCHANGES_2023: DemoExchange[] = [
  { date: '2023-01-08', military: 50, civilian: 0, bodies: 0 },
  { date: '2023-02-04', military: 116, civilian: 0, bodies: 0 },
  { date: '2023-02-16', military: 100, civilian: 1, bodies: 0 },
  { date: '2023-03-07', military: 130, civilian: 0, bodies: 0 },
  { date: '2023-04-16', military: 100, civilian: 6, bodies: 0 },
  { date: '2023-05-06', military: 45, civilian: 0, bodies: 0 },
  { date: '2023-05-25', military: 104, civilian: 2, bodies: 0 },
  { date: '2023-06-11', military: 93, civilian: 2, bodies: 0 },
  { date: '2023-08-07', military: 22, civilian: 0, bodies: 0 },
  { date: '2023-10-26', military: 221, civilian: 10, bodies: 0 },
];
const EXCHANGES_2024: DemoExchange[] = [
  { date: '2024-01-03', military: 224, civilian: 6, bodies: 0 },
  { date: '2024-01-31', military: 207, civilian: 0, bodies: 0 },
  { date: '2024-02-08', military: 100, civilian: 0, bodies: 0 },
  { date: '2024-05-31', military: 75, civilian: 0, bodies: 212 },
  { date: '2024-06-25', military: 80, civilian: 10, bodies: 0 },
  { date: '2024-07-17', military: 95, civilian: 0, bodies: 0 },
  { date: '2024-08-24', military: 125, civilian: 0, bodies: 0 },
  { date: '2024-09-13', military: 49, civilian: 0, bodies: 0 },
  { date: '2024-09-14', military: 103, civilian: 0, bodies: 0 },
  { date: '2024-10-18', military: 95, civilian: 0, bodies: 0 },
  { date: '2024-12-30', military: 150, civilian: 39, bodies: 0, publicFigure: true },
];

const ILLUSTRATIVE =
  'Demo data. Illustrative date and size; only the year total is the public figure ' +
  '(2023: 1,002 returned; 2024: 1,358 in 11 exchanges).';
const PUBLIC_30_DECEMBER =
  'Demo data. 189 returned on 30 December 2024 is the public figure; the military/civilian split is illustrative.';

interface DemoCase {
  n: number;
  surname: string;
  givenName: string;
  patronymic: string;
  dateOfBirth: string;
  status: 'returned' | 'exchange_listed' | 'deceased';
  exchange: string;
  outcome: 'returned' | 'listed_not_returned' | 'remains_repatriated';
}

const CASES: DemoCase[] = [
  {
    n: 1,
    surname: 'Мельник',
    givenName: 'Богдан',
    patronymic: 'Ярославович',
    dateOfBirth: '1998-04-04',
    status: 'returned',
    exchange: '2024-12-30',
    outcome: 'returned',
  },
  {
    n: 2,
    surname: 'Шевчук',
    givenName: 'Ігор',
    patronymic: 'Степанович',
    dateOfBirth: '1976-09-17',
    status: 'returned',
    exchange: '2024-12-30',
    outcome: 'returned',
  },
  {
    n: 3,
    surname: 'Лисенко',
    givenName: 'Микола',
    patronymic: 'Григорович',
    dateOfBirth: '1969-07-07',
    status: 'exchange_listed',
    exchange: '2024-12-30',
    outcome: 'listed_not_returned',
  },
  {
    n: 4,
    surname: 'Поліщук',
    givenName: 'Євген',
    patronymic: 'Анатолійович',
    dateOfBirth: '1993-02-25',
    status: 'returned',
    exchange: '2024-10-18',
    outcome: 'returned',
  },
  {
    n: 5,
    surname: 'Ткаченко',
    givenName: 'Дмитро',
    patronymic: 'Іванович',
    dateOfBirth: '1995-01-30',
    status: 'deceased',
    exchange: '2024-05-31',
    outcome: 'remains_repatriated',
  },
  {
    n: 6,
    surname: 'Кравченко',
    givenName: 'Юрій',
    patronymic: 'Олегович',
    dateOfBirth: '1983-08-09',
    status: 'returned',
    exchange: '2023-06-11',
    outcome: 'returned',
  },
];

/** Stable ids: a second run finds every row and adds nothing. */
const exchangeId = (date: string): string => `e5c40000-0000-4000-8000-${date.replace(/-/g, '')}0000`;
const caseId = (n: number): string => `e5c40000-0000-4000-8001-${String(n).padStart(12, '0')}`;

/** The exchanges of 2023 and 2024, and a few demo cases linked to them. Idempotent. */
export async function seedDemoExchanges(dataSource: DataSource, say: (line: string) => void): Promise<void> {
  const added = await dataSource.transaction(async (m) => {
    let exchanges = 0;
    for (const e of [...EXCHANGES_2023, ...EXCHANGES_2024]) {
      const rows: unknown[] = await m.query(
        `INSERT INTO exchange_events (id, date, title, mediator, announced_military, announced_civilian,
           announced_bodies, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          exchangeId(e.date),
          e.date,
          `Обмін полоненими ${formatDate(e.date)}`,
          e.publicFigure ? 'ОАЕ' : null,
          e.military,
          e.civilian,
          e.bodies,
          e.publicFigure ? PUBLIC_30_DECEMBER : ILLUSTRATIVE,
        ],
      );
      exchanges += rows.length;
    }
    return { exchanges, cases: await seedLinkedCases(dataSource, m) };
  });
  if (added.exchanges + added.cases > 0) {
    say(`demo exchanges: ${added.exchanges} exchanges (2023, 2024) and ${added.cases} linked cases added`);
  }
}

async function seedLinkedCases(dataSource: DataSource, m: EntityManager): Promise<number> {
  const caseworker: { id: string }[] = await m.query(`SELECT id FROM users WHERE email = 'caseworker@demo.local'`);
  const assigneeId = caseworker[0]?.id ?? null;
  const inserted: { id: string }[] = await m.query(
    `INSERT INTO cases (id, reference, status, assignee_id, category, surname, given_name, patronymic, date_of_birth)
     SELECT id, 'CASE-EXDEMO-' || lpad(n::text, 6, '0'), status, $8, 'military', surname, given_name, patronymic, dob::date
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS t(id, n, status, surname, given_name, patronymic, dob)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      CASES.map((c) => caseId(c.n)),
      CASES.map((c) => c.n),
      CASES.map((c) => c.status),
      CASES.map((c) => c.surname),
      CASES.map((c) => c.givenName),
      CASES.map((c) => c.patronymic),
      CASES.map((c) => c.dateOfBirth),
      assigneeId,
    ],
  );
  if (inserted.length === 0) return 0;
  const fresh = CASES.filter((c) => inserted.some((i) => i.id === caseId(c.n)));
  const keys = fresh.map((c) => storedKeys(c));
  await new CasesRepository(dataSource).insertNameKeys(
    m,
    fresh.map((c) => caseId(c.n)),
    keys.map((k) => k.keys),
    keys.map((k) => k.words),
  );
  await m.query(
    `INSERT INTO case_history (case_id, action, from_status, to_status, reason, evidence_source, details)
     SELECT id, 'created', NULL, 'registered', NULL, NULL, NULL FROM unnest($1::uuid[]) AS id
     UNION ALL
     SELECT id, 'status', 'exchange_listed', status, reason, 'exchange_record', jsonb_build_object('exchangeId', exchange_id)
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS t(id, status, reason, exchange_id)
      WHERE status <> 'exchange_listed'`,
    [
      fresh.map((c) => caseId(c.n)),
      fresh.map((c) => c.status),
      fresh.map((c) => (c.status === 'deceased' ? `Remains repatriated in the exchange of ${c.exchange}` : null)),
      fresh.map((c) => exchangeId(c.exchange)),
    ],
  );
  await m.query(
    `INSERT INTO exchange_case_links (exchange_id, case_id, outcome)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) ON CONFLICT DO NOTHING`,
    [fresh.map((c) => exchangeId(c.exchange)), fresh.map((c) => caseId(c.n)), fresh.map((c) => c.outcome)],
  );
  return fresh.length;
}

function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
