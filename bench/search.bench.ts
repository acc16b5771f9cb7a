import 'reflect-metadata';
import {
  CANDIDATE_CAP,
  CANDIDATE_READ,
  casesByKeysQuery,
  CaseSearchService,
  CaseSummaryRow,
  parseSearchQuery,
  rankCandidates,
  storedKeys,
} from '@app/cases';
import { loadConfig } from '@app/core';
import { createAccount } from '@app/identity';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/bootstrap';
import { freePort } from '../scripts/support/embedded-postgres';
import { startBenchDatabase } from './support/bench-db';
import { LoadResult, pooled, printResults, profiled, runLoad } from './support/load';
import { NameGenerator } from './support/synthetic-names';

/**
 * npm run bench:search — name search (`GET /api/cases?q=`) and inquiry matches at 100k and 1M
 * synthetic cases, at 8 and 32 concurrent requests, beside a bare Fastify + pg endpoint running
 * the same statement in the same run. BENCH_SIZES (default 100000,1000000), BENCH_SECONDS (default
 * 4 per round) and BENCH_ROUNDS (default 3, interleaved) tune it; BENCH_PROFILE=<prefix> writes a CPU profile of the
 * benchmark process (api and bare endpoints) during each line's load.
 */
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PASSWORD = 'benchmark-password-not-common-42';
const BARE_STATEMENT = 'bare: same statement';
const BARE_SEARCH = 'bare: same search (statement + ranking)';
const API_SEARCH = 'GET /api/cases?q=';
const API_MATCHES = 'GET /api/inquiries/:id/matches';

interface Person {
  surname: string;
  givenName: string;
  patronymic: string;
  dateOfBirth: string;
}

async function seedCases(
  db: DataSource,
  gen: NameGenerator,
  from: number,
  to: number,
  sample: Person[],
): Promise<void> {
  const chunk = 10_000;
  for (let start = from; start < to; start += chunk) {
    const people: Person[] = [];
    for (let i = start; i < Math.min(to, start + chunk); i++) people.push(gen.person());
    const refs = people.map((_, j) => `CASE-B-${String(start + j).padStart(7, '0')}`);
    const ids: { id: string }[] = await db.query(
      `INSERT INTO cases (reference, category, surname, given_name, patronymic, date_of_birth, status)
       SELECT r, 'military', s, g, p, d::date, 'missing' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(r, s, g, p, d)
       RETURNING id`,
      [
        refs,
        people.map((p) => p.surname),
        people.map((p) => p.givenName),
        people.map((p) => p.patronymic),
        people.map((p) => p.dateOfBirth),
      ],
    );
    const keyValues: string[] = [];
    const keyCases: string[] = [];
    const words = new Map<string, string>();
    people.forEach((p, j) => {
      const stored = storedKeys(p);
      for (const k of stored.keys) {
        keyValues.push(k);
        keyCases.push(ids[j].id);
      }
      for (const w of stored.words) words.set(w.phonetic, w.canonical);
    });
    await db.query(
      `INSERT INTO case_name_keys (key, case_id) SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT DO NOTHING`,
      [keyValues, keyCases],
    );
    await db.query(
      `INSERT INTO name_words (word, canonical) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [[...words.keys()], [...words.values()]],
    );
    if (sample.length < 2000) sample.push(...people.slice(0, 200));
  }
  // Steady state: autovacuum would have set the visibility map by now (index-only key lookups).
  await db.query('VACUUM ANALYZE');
}

/** The lookup of one query, as the api's search service plans it: stages of keys tried in turn. */
type Plan = string[][];

/**
 * The baselines, bare Fastify + pg (no framework, authentication, validation or audit), sending
 * the api's very statement (prepared, as the api does) with the api's keys for the query, planned
 * in advance as the api's word-correction cache has them after warm-up:
 * - `/bare` answers the first 25 rows as they come (the statement alone);
 * - `/bare-search` ranks them with the same name-matching library first, so it answers the same
 *   search as the api.
 */
async function bareServer(
  databaseUrl: string,
  plans: Map<string, Plan>,
): Promise<{ port: number; close: () => Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify();
  const rowsFor = async (q: string): Promise<CaseSummaryRow[]> => {
    for (const keys of plans.get(q) ?? []) {
      const { rows } = await pool.query<CaseSummaryRow>(casesByKeysQuery(keys, CANDIDATE_READ));
      if (rows.length > 0) return rows.slice(0, CANDIDATE_CAP);
    }
    return [];
  };
  app.get('/bare', async (request) => {
    const rows = await rowsFor(String((request.query as { q?: string }).q ?? ''));
    return { items: rows.slice(0, 25) };
  });
  app.get('/bare-search', async (request) => {
    const q = String((request.query as { q?: string }).q ?? '');
    const parsed = parseSearchQuery(q);
    const ranked = rankCandidates(await rowsFor(q), { fullName: parsed.nameText, dateOfBirth: parsed.dateOfBirth }, {});
    return { items: ranked.slice(0, 25).map((r) => ({ ...r.row, score: r.score })) };
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return {
    port,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

async function main(): Promise<void> {
  // Sized as a server holding a million cases would be (the default 128 MB holds a tenth of the
  // name index): every figure is then the steady state, not the speed of page reads.
  const database = await startBenchDatabase('search', { shared_buffers: '2GB' });
  const gen = new NameGenerator(7);
  const sample: Person[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_PREFIX: `portal-bench-${process.pid}`,
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '10',
    LOGIN_MAX_FAILURES_PER_IP: '100000',
  });
  const setup = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } }).initialize();
  await createAccount(setup, {
    email: 'bench-caseworker@example.test',
    password: PASSWORD,
    fullName: 'Bench',
    role: 'caseworker',
  });
  const family = await createAccount(setup, {
    email: 'bench-family@example.test',
    password: PASSWORD,
    fullName: 'Bench',
    role: 'family',
  });
  const app = await createApiApp(config);
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench-caseworker@example.test', password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const plans = new Map<string, Plan>();
  const bare = await bareServer(database.url, plans);
  const summary: string[] = [];
  let seeded = 0;
  const first: Record<string, LoadResult> = {};

  try {
    for (const size of SIZES) {
      const t0 = performance.now();
      await seedCases(setup, gen, seeded, size, sample);
      seeded = size;
      console.log(`\nSeeded ${size.toLocaleString('en')} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      // Inquiries to match: a variant of a seeded person each, by SQL.
      const inquiryIds: string[] = (
        await setup.query(
          `INSERT INTO inquiries (reference, owner_id, category, surname, given_name, patronymic, date_of_birth, relationship, consent_at)
           SELECT 'INQ-B-' || $1::text || '-' || i, $2, 'military', s, g, p, d::date, 'mother', now()
             FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(s, g, p, d, i) RETURNING id`,
          [
            size,
            family.id,
            sample.slice(0, 300).map((p) => p.surname),
            sample.slice(0, 300).map((p) => p.givenName),
            sample.slice(0, 300).map((p) => p.patronymic),
            sample.slice(0, 300).map((p) => p.dateOfBirth),
          ],
        )
      ).map((r: { id: string }) => r.id);
      const queries = sample.map((p, i) => gen.variant(p, i));
      const qs = (i: number): string => encodeURIComponent(queries[i % queries.length]);
      const search = app.get(CaseSearchService);
      plans.clear();
      for (const q of queries) plans.set(q, await search.queryKeys(q));
      const searchPaths = queries.map((_, i) => `/api/cases?q=${qs(i)}`);
      const barePaths = queries.map((_, i) => `/bare?q=${qs(i)}`);
      const matchPaths = inquiryIds.map((id) => `/api/inquiries/${id}/matches`);

      // Quality: the person searched for is among the results, and first when the date is given.
      let found = 0;
      let firstWithDate = 0;
      const checks = 100;
      for (let i = 0; i < checks; i++) {
        const p = sample[i];
        const res = (await (
          await fetch(`http://127.0.0.1:${port}/api/cases?q=${qs(i)}&limit=100`, { headers })
        ).json()) as { items: { person: Person }[] };
        if (
          res.items.some(
            (c) =>
              c.person.surname === p.surname &&
              c.person.givenName === p.givenName &&
              c.person.dateOfBirth === p.dateOfBirth,
          )
        )
          found++;
        const dated = encodeURIComponent(`${queries[i]} ${p.dateOfBirth}`);
        const res2 = (await (
          await fetch(`http://127.0.0.1:${port}/api/cases?q=${dated}&limit=5`, { headers })
        ).json()) as { items: { person: Person }[] };
        const top = res2.items[0]?.person;
        if (top && top.surname === p.surname && top.givenName === p.givenName && top.dateOfBirth === p.dateOfBirth)
          firstWithDate++;
      }

      const results: LoadResult[] = [];
      const measure = (label: string, target: number, paths: string[], concurrency: number, seconds = SECONDS) =>
        runLoad(
          { label, port: target, concurrency, seconds, paths, headers: target === port ? headers : undefined },
          database.pid,
        );
      const bareSearchPaths = queries.map((_, i) => `/bare-search?q=${qs(i)}`);
      const auditGroups = new Map<number, { entries: number; commits: number }>();
      for (const concurrency of [8, 32]) {
        // Warm-up of every endpoint (JIT, caches, connections), then rounds of each in turn.
        for (const paths of [barePaths, bareSearchPaths]) await measure('warm-up', bare.port, paths, concurrency, 2);
        for (const paths of [searchPaths, matchPaths]) await measure('warm-up', port, paths, concurrency, 3);
        const rounds = new Map<string, LoadResult[]>();
        const add = (r: LoadResult): void => void rounds.set(r.label, [...(rounds.get(r.label) ?? []), r]);
        for (let round = 0; round < ROUNDS; round++) {
          const line = (name: string, label: string, target: number, paths: string[]): Promise<LoadResult> =>
            profiled(`${name}-${size}-${concurrency}-${round}`, () => measure(label, target, paths, concurrency));
          add(await line('bare', BARE_STATEMENT, bare.port, barePaths));
          add(await line('bare-search', BARE_SEARCH, bare.port, bareSearchPaths));
          const [{ last }] = await setup.query(`SELECT coalesce(max(id), 0)::text AS last FROM audit_log`);
          add(await line('search', API_SEARCH, port, searchPaths));
          // How many searches' audit entries each commit carried (they are written in groups).
          const [group] = await setup.query(
            `SELECT count(*)::int AS entries, count(DISTINCT xmin::text)::int AS commits FROM audit_log WHERE id > $1`,
            [last],
          );
          const sum = auditGroups.get(concurrency) ?? { entries: 0, commits: 0 };
          auditGroups.set(concurrency, { entries: sum.entries + group.entries, commits: sum.commits + group.commits });
          add(await line('matches', API_MATCHES, port, matchPaths));
        }
        for (const list of rounds.values()) results.push(pooled(list));
      }
      printResults(
        `${size.toLocaleString('en')} cases (${ROUNDS} interleaved rounds of ${SECONDS} s per line; load generator, api and database share the machine's cores)`,
        results,
      );
      const at = (concurrency: number, label: string): LoadResult =>
        results.find((r) => r.concurrency === concurrency && r.label === label)!;
      const api32 = at(32, API_SEARCH);
      const match32 = at(32, API_MATCHES);
      if (!first.api32) {
        first.api32 = api32;
        first.match32 = match32;
      }
      const perCommit = (concurrency: number): string => {
        const g = auditGroups.get(concurrency);
        return g && g.commits > 0 ? (g.entries / g.commits).toFixed(1) : '-';
      };
      const ratio = (label: string): string =>
        `${(api32.throughput / at(32, label).throughput).toFixed(2)}× (${at(32, label).throughput.toFixed(0)} req/s)`;
      const line =
        `${size.toLocaleString('en')} cases: search@32 ${api32.throughput.toFixed(0)} req/s = ${ratio(BARE_SEARCH)} of bare same search, ` +
        `${ratio(BARE_STATEMENT)} of bare statement alone; search p95@8 ${at(8, API_SEARCH).p95.toFixed(1)} ms; ` +
        `matches@32 ${match32.throughput.toFixed(0)} req/s p95 ${match32.p95.toFixed(1)} ms; ` +
        `found ${found}/${checks} among results, first with date ${firstWithDate}/${checks}; ` +
        `audit entries per commit @8 ${perCommit(8)}, @32 ${perCommit(32)}` +
        (size !== SIZES[0]
          ? `; search@32 slowdown vs ${SIZES[0].toLocaleString('en')}: ${(first.api32.throughput / api32.throughput).toFixed(2)}×, matches ${(first.match32.throughput / match32.throughput).toFixed(2)}×`
          : '');
      summary.push(line);
      console.log(line);
    }
  } finally {
    console.log('\nSummary');
    for (const line of summary) console.log(`  ${line}`);
    await bare.close();
    await app.close();
    await setup.destroy();
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
