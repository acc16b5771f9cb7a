import 'reflect-metadata';
import { CasesRepository, CaseSearchService, MatchQuery, storedKeys } from '@app/cases';
import { loadConfig } from '@app/core';
import { createAccount } from '@app/identity';
import { GivenNameClass, givenNameClasses, patronymicForms, transliterateKmu2010 } from '@app/names';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/bootstrap';
import { freePort } from '../scripts/support/embedded-postgres';
import { startBenchDatabase } from './support/bench-db';
import { NameGenerator } from './support/synthetic-names';

/**
 * npm run bench:exchange — exchange day at 100,000 cases: a 1,000-row return list (a third in
 * Russian forms, a third in Latin, the rest Ukrainian with some typos; 8% without a date of birth,
 * a few with day and month swapped; namesakes among the cases) matched through
 * the real HTTP api, then the confident rows confirmed in one transaction. Baselines in the same
 * run: the same matching one row at a time through the service, and links one request at a time.
 * Prints median, p95 and throughput, and the precision and recall of `confident` rows.
 * BENCH_CASES (default 100000) and BENCH_RUNS (default 3) tune it; it stops itself after 15 minutes.
 */
const TOTAL_CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LIST_ROWS = 1000;
const WITHOUT_CASE = 100;
const BASELINE_ROWS = 200;
const BASELINE_LINKS = 100;
const PASSWORD = 'benchmark-password-not-common-42';
const TARGET_MATCH_MS = 5000;
const TARGET_CONFIRM_MS = 2000;

interface Person {
  sex: 'm' | 'f';
  surname: string;
  given: GivenNameClass;
  father: GivenNameClass;
  dateOfBirth: string | null;
}

interface SeededCase {
  person: Person;
  status: string;
  unit: string;
  serviceNumber: string;
}

interface ListRow {
  values: Record<string, string>;
  truth: number | null;
}

class People {
  private readonly male = givenNameClasses().filter((c) => c.sex === 'm' && c.russian.length > 0);
  private readonly female = givenNameClasses().filter((c) => c.sex === 'f' && c.russian.length > 0);

  constructor(readonly gen: NameGenerator) {}

  person(): Person {
    const sex = this.gen.random() < 0.85 ? 'm' : 'f';
    const surname = this.gen.surname();
    return {
      sex,
      surname: sex === 'f' && surname.endsWith('ий') ? `${surname.slice(0, -2)}а` : surname,
      given: this.gen.pick(sex === 'm' ? this.male : this.female, 2.2),
      father: this.gen.pick(this.male, 2.2),
      dateOfBirth: this.date(),
    };
  }

  date(): string {
    const year = 1962 + Math.floor(this.gen.random() * 42);
    const month = 1 + Math.floor(this.gen.random() * 12);
    const day = 1 + Math.floor(this.gen.random() * 28);
    return `${year}-${pad(month)}-${pad(day)}`;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function patronymic(p: Person, russian: boolean): string {
  const forms = patronymicForms(p.father.id);
  const male = russian ? (forms[2] ?? forms[0]) : forms[0];
  const female = russian ? (forms[3] ?? forms[1]) : forms[1];
  return capitalise((p.sex === 'm' ? male : female) ?? forms[0]);
}

/** Russian spelling of a Ukrainian surname (Олійник → Олейник, Лисенко → Лысенко). */
function russianSurname(s: string): string {
  return s
    .replace(/ій(?=[бвгґджзклмнпрстфхцчшщ])/gu, 'ей')
    .replace(/и/gu, 'ы')
    .replace(/і/gu, 'и')
    .replace(/ї/gu, 'йи')
    .replace(/є/gu, 'е')
    .replace(/[’']/gu, '');
}

function ukrainianName(p: Person): { surname: string; givenName: string; patronymic: string } {
  return { surname: p.surname, givenName: p.given.ukrainian[0], patronymic: patronymic(p, false) };
}

function swapDayMonth(iso: string): string {
  return `${iso.slice(0, 4)}-${iso.slice(8, 10)}-${iso.slice(5, 7)}`;
}

function dotted(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** The row of a return list for a person: Russian forms, Latin, or Ukrainian, as lists give them. */
function listRow(c: SeededCase, i: number, gen: NameGenerator): Record<string, string> {
  const p = c.person;
  const uk = ukrainianName(p);
  const values: Record<string, string> = {};
  switch (i % 3) {
    case 0:
      values.surname = russianSurname(p.surname);
      values.givenName = p.given.russian[0];
      values.patronymic = patronymic(p, true);
      break;
    case 1: {
      const latin = [uk.surname, uk.givenName, uk.patronymic].map(transliterateKmu2010);
      if (i % 2 === 0) values.fullName = latin.join(' ');
      else [values.surname, values.givenName, values.patronymic] = latin;
      break;
    }
    default:
      Object.assign(values, uk);
      // A clerk's typo: one letter of the surname dropped.
      if (gen.random() < 0.1) {
        const at = 2 + Math.floor(gen.random() * Math.max(1, uk.surname.length - 3));
        values.surname = `${uk.surname.slice(0, at)}${uk.surname.slice(at + 1)}`;
      }
  }
  if (p.dateOfBirth && gen.random() < 0.92) {
    // Now and then day and month swapped, as lists get them wrong.
    const iso =
      gen.random() < 0.03 && Number(p.dateOfBirth.slice(8)) <= 12 ? swapDayMonth(p.dateOfBirth) : p.dateOfBirth;
    values.dateOfBirth = i % 2 ? dotted(iso) : iso;
  }
  if (gen.random() < 0.2) values.serviceNumber = c.serviceNumber;
  if (gen.random() < 0.3) values.militaryUnit = c.unit;
  return values;
}

function statusOf(r: number): string {
  if (r < 0.4) return 'captivity_confirmed';
  if (r < 0.75) return 'exchange_listed';
  if (r < 0.9) return 'missing';
  if (r < 0.97) return 'registered';
  if (r < 0.985) return 'deceased';
  return 'returned';
}

async function insertCases(db: DataSource, cases: SeededCase[], offset: number): Promise<string[]> {
  const names = cases.map((c) => ukrainianName(c.person));
  const rows: { id: string }[] = await db.query(
    `INSERT INTO cases (reference, status, category, surname, given_name, patronymic, date_of_birth, military_unit, service_number)
     SELECT r, s, 'military', sn, gn, pn, d::date, u, n
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS t(r, s, sn, gn, pn, d, u, n)
     RETURNING id`,
    [
      cases.map((_, i) => `CASE-BX-${String(offset + i).padStart(7, '0')}`),
      cases.map((c) => c.status),
      names.map((n) => n.surname),
      names.map((n) => n.givenName),
      names.map((n) => n.patronymic),
      cases.map((c) => c.person.dateOfBirth),
      cases.map((c) => c.unit),
      cases.map((c) => c.serviceNumber),
    ],
  );
  const ids = rows.map((r) => r.id);
  const stored = names.map((n) => storedKeys(n));
  // The same statements the api uses for a new case.
  await new CasesRepository(db).insertNameKeys(
    db.manager,
    ids,
    stored.map((s) => s.keys),
    stored.map((s) => s.words),
  );
  return ids;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

function stats(ms: number[]): { median: number; p95: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

async function main(): Promise<void> {
  const guard = setTimeout(() => {
    console.error('The benchmark ran longer than 15 minutes: stopped');
    process.exit(2);
  }, 15 * 60_000);
  guard.unref();
  const started = performance.now();
  const database = await startBenchDatabase('exchange');
  const redisPrefix = `portal-bench-exchange-${process.pid}`;
  const db = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } }).initialize();
  let app: Awaited<ReturnType<typeof createApiApp>> | null = null;
  try {
    // --- Seed -------------------------------------------------------------------------------
    const gen = new NameGenerator(20241230);
    const people = new People(gen);
    const unit = (): string => `А${1000 + Math.floor(gen.random() * 8000)}`;
    const number = (i: number): string => `ВС-${String(100000 + i).padStart(6, '0')}`;
    const targets: SeededCase[] = [];
    for (let i = 0; i < LIST_ROWS - WITHOUT_CASE; i++) {
      targets.push({ person: people.person(), status: statusOf(gen.random()), unit: unit(), serviceNumber: number(i) });
    }
    const namesakes: SeededCase[] = [];
    for (const t of targets) {
      if (gen.random() >= 0.4) continue;
      const count = gen.random() < 0.7 ? 1 : 2;
      for (let k = 0; k < count; k++) {
        namesakes.push({
          person: { ...t.person, dateOfBirth: gen.random() < 0.25 ? null : people.date() },
          status: statusOf(gen.random()),
          unit: unit(),
          serviceNumber: number(10_000 + namesakes.length),
        });
      }
    }
    const absent: SeededCase[] = Array.from({ length: WITHOUT_CASE }, (_, i) => ({
      person: people.person(),
      status: 'missing',
      unit: unit(),
      serviceNumber: number(50_000 + i),
    }));
    const t0 = performance.now();
    const targetIds = await insertCases(db, targets, 0);
    await insertCases(db, namesakes, targets.length);
    let seeded = targets.length + namesakes.length;
    const chunk = 5000;
    while (seeded < TOTAL_CASES) {
      const batch: SeededCase[] = [];
      for (let i = 0; i < Math.min(chunk, TOTAL_CASES - seeded); i++) {
        batch.push({
          person: people.person(),
          status: statusOf(gen.random()),
          unit: unit(),
          serviceNumber: number(100_000 + seeded + i),
        });
      }
      await insertCases(db, batch, seeded);
      seeded += batch.length;
    }
    await db.query('ANALYZE');
    const seedSeconds = (performance.now() - t0) / 1000;
    console.log(
      `Seeded ${seeded.toLocaleString('en')} cases (${namesakes.length} namesakes of listed people) in ${seedSeconds.toFixed(1)} s`,
    );

    // The list: 900 people with a case, 100 without; a third Russian forms, a third Latin, the rest Ukrainian.
    const rows: ListRow[] = [
      ...targets.map((t, i) => ({ values: {}, truth: i, source: t })),
      ...absent.map((a) => ({ values: {}, truth: null, source: a })),
    ]
      .map((r) => ({ ...r, order: gen.random() }))
      .sort((a, b) => a.order - b.order)
      .map((r, i) => ({ values: listRow(r.source, i, gen), truth: r.truth }));

    // --- The api ----------------------------------------------------------------------------
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: 'silent',
      DB_POOL_SIZE: '10',
    });
    await createAccount(db, {
      email: 'bench-council@example.test',
      password: PASSWORD,
      fullName: 'Bench',
      role: 'council',
    });
    app = await createApiApp(config);
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}/api`;
    const login = (await (
      await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench-council@example.test', password: PASSWORD }),
      })
    ).json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
    const post = async <T>(path: string, body: unknown): Promise<{ ms: number; status: number; body: T }> => {
      const t = performance.now();
      const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const json = (await res.json()) as T;
      return { ms: performance.now() - t, status: res.status, body: json };
    };
    const exchange = await post<{ id: string }>('/exchanges', {
      date: '2024-12-30',
      title: 'Benchmark exchange',
      announced: { military: 150, civilian: 39, bodies: 0 },
    });
    const exchangeId = exchange.body.id;
    const payload = { rows: rows.map((r) => r.values) };

    // Warm-up (JIT, caches): a small list, not counted.
    await post(`/exchanges/${exchangeId}/returnees`, { rows: payload.rows.slice(0, 50) });

    // --- Baseline: the same matching one row at a time through the service --------------------
    const search = app.get(CaseSearchService);
    const perRow: number[] = [];
    for (const r of rows.slice(0, BASELINE_ROWS)) {
      const v = r.values;
      const query: MatchQuery = {
        surname: v.surname ?? '',
        givenName: v.givenName ?? '',
        patronymic: v.patronymic ?? null,
        fullName: v.fullName ?? null,
        dateOfBirth: v.dateOfBirth ? v.dateOfBirth.replace(/^(\d{2})\.(\d{2})\.(\d{4})$/u, '$3-$2-$1') : null,
        militaryUnit: v.militaryUnit ?? null,
        serviceNumber: v.serviceNumber ?? null,
      };
      const t = performance.now();
      await search.match(query, 5);
      perRow.push(performance.now() - t);
    }
    const baseline = stats(perRow);
    const baselineTotal = (perRow.reduce((a, b) => a + b, 0) / perRow.length) * LIST_ROWS;

    // --- Matching a 1,000-row list through the api -------------------------------------------
    type Answer = {
      batchId: string;
      summary: { confident: number; ambiguous: number; none: number };
      rows: { row: number; classification: string; candidates: { caseId: string }[] }[];
    };
    const runs: { ms: number; body: Answer }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const res = await post<Answer>(`/exchanges/${exchangeId}/returnees`, payload);
      if (res.status !== 201)
        throw new Error(`returnees answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      runs.push(res);
    }
    const matchStats = stats(runs.map((r) => r.ms));

    // --- Quality of `confident` ---------------------------------------------------------------
    const answer = runs[0].body;
    let confident = 0;
    let correct = 0;
    let truthAmongCandidates = 0;
    answer.rows.forEach((r, i) => {
      const truth = rows[i].truth === null ? null : targetIds[rows[i].truth!];
      if (truth && r.candidates.some((c) => c.caseId === truth)) truthAmongCandidates++;
      if (r.classification !== 'confident') return;
      confident++;
      if (r.candidates[0]?.caseId === truth) correct++;
    });
    const withCase = rows.filter((r) => r.truth !== null).length;

    // --- Confirm: the confident rows in one transaction, then the same again ---------------------
    const matches = answer.rows
      .filter((r) => r.classification === 'confident')
      .map((r) => ({ row: r.row, caseId: r.candidates[0].caseId }));
    const outboxBefore = Number((await db.query(`SELECT count(*) AS n FROM outbox_events`))[0].n);
    type Confirmed = { applied: unknown[]; alreadyApplied: unknown[]; refused: unknown[] };
    const first = await post<Confirmed>(`/exchanges/${exchangeId}/returnees/confirm`, {
      batchId: answer.batchId,
      matches,
    });
    if (first.status !== 200)
      throw new Error(`confirm answered ${first.status}: ${JSON.stringify(first.body).slice(0, 300)}`);
    const outboxAfter = Number((await db.query(`SELECT count(*) AS n FROM outbox_events`))[0].n);
    const again = await post<Confirmed>(`/exchanges/${exchangeId}/returnees/confirm`, {
      batchId: answer.batchId,
      matches,
    });
    const outboxAgain = Number((await db.query(`SELECT count(*) AS n FROM outbox_events`))[0].n);

    // --- Baseline: links one request at a time ---------------------------------------------------
    const movable: { id: string }[] = await db.query(
      `SELECT id FROM cases c WHERE status = 'missing'
          AND NOT EXISTS (SELECT 1 FROM exchange_case_links l WHERE l.case_id = c.id) LIMIT $1`,
      [BASELINE_LINKS],
    );
    const perLink: number[] = [];
    for (const c of movable) {
      const res = await post(`/exchanges/${exchangeId}/cases`, { caseId: c.id, outcome: 'returned' });
      if (res.status !== 200) throw new Error(`link answered ${res.status}`);
      perLink.push(res.ms);
    }
    const linkStats = stats(perLink);
    const linkTotal = (perLink.reduce((a, b) => a + b, 0) / perLink.length) * first.body.applied.length;

    // --- Report -------------------------------------------------------------------------------
    const f = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `\nExchange day at ${seeded.toLocaleString('en')} cases (2 shared cores: api, database and client on one machine)`,
    );
    console.log(
      `  baseline, one row at a time through CaseSearchService.match (${BASELINE_ROWS} rows): median ${baseline.median.toFixed(1)} ms, ` +
        `p95 ${baseline.p95.toFixed(1)} ms, ${(1000 / (baselineTotal / LIST_ROWS)).toFixed(0)} rows/s ⇒ ${f(baselineTotal)} for ${LIST_ROWS} rows`,
    );
    console.log(
      `  POST /returnees, ${LIST_ROWS} rows × ${RUNS} runs: median ${f(matchStats.median)}, p95 ${f(matchStats.p95)}, ` +
        `${(LIST_ROWS / (matchStats.median / 1000)).toFixed(0)} rows/s (${(baselineTotal / matchStats.median).toFixed(2)}× the baseline; target ≤ ${f(TARGET_MATCH_MS)}: ${matchStats.median <= TARGET_MATCH_MS ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  classification: ${answer.summary.confident} confident, ${answer.summary.ambiguous} ambiguous, ${answer.summary.none} none; ` +
        `the right case among the candidates for ${truthAmongCandidates}/${withCase} listed people with a case`,
    );
    console.log(
      `  confident rows: precision ${(confident ? (correct / confident) * 100 : 0).toFixed(1)}% (${correct}/${confident}), ` +
        `recall ${((correct / withCase) * 100).toFixed(1)}% (${correct}/${withCase})`,
    );
    console.log(
      `  confirm ${matches.length} pairs in one transaction: ${f(first.ms)} (${first.body.applied.length} applied, ${first.body.refused.length} refused; ` +
        `${outboxAfter - outboxBefore} outbox events; target ≤ ${f(TARGET_CONFIRM_MS)}: ${first.ms <= TARGET_CONFIRM_MS ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  confirm again: ${f(again.ms)}, ${again.body.applied.length} applied, ${again.body.alreadyApplied.length} already applied, ` +
        `${outboxAgain - outboxAfter} new outbox events`,
    );
    console.log(
      `  baseline, one link request at a time (${perLink.length} links): median ${linkStats.median.toFixed(1)} ms, p95 ${linkStats.p95.toFixed(1)} ms ⇒ ` +
        `${f(linkTotal)} for ${first.body.applied.length} links (${(linkTotal / first.ms).toFixed(1)}× the confirm)`,
    );
    console.log(`  whole run ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (app) await app.close();
    await db.destroy();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
