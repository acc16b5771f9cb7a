import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Invalidations, preparedQuery } from '@app/core';
import { DataSource } from 'typeorm';
import { CASE_SUMMARY_COLUMNS, CaseSummaryRow } from '../cases/cases.repository';
import { BIRTH_KEY_PREFIX } from './name-keys';

export interface Correction {
  word: string;
  canonical: string;
}

/**
 * Cases stored under the most of the keys ($1), best first, at most $2, without reading every entry
 * of a common key (tens of thousands at a million cases, which cost a search most of its database
 * time): each key's entries are read from the index in case order, at most $2, and counted per
 * case. The keys with a date of birth are read in full (few share a word and a day, unless the day
 * is a placeholder such as 1 January), and a case read under one is counted over every key in the
 * index (one lookup per key for each such case), so the person born on the queried day keeps the
 * keys they share with common names (`Коваленко 12.04.1990`: the surname's thousands of namesakes
 * come before them by id). For the other cases the count differs from counting every row only when
 * a case shares a common key past its rows read and another key of the stage: several readings of
 * one query word (a given name and a patronymic, two corrections of a typo) or, in a first stage of
 * triples, a name of four or five words. A case sharing two words of the query shares their pair,
 * which an earlier stage would have found. Either way the list is cut, and such a case is no
 * likelier the person sought. `truncated` stays exact: a key shared by $2 cases or more fills the
 * list alone, and otherwise every case sharing a key is read. The two kinds of key are read by two
 * branches: one LIMIT that depended on the key made each call of the prepared statement take about
 * twice as long (measured here).
 */
const CASES_BY_KEYS_SQL = `SELECT ${CASE_SUMMARY_COLUMNS} FROM (
         SELECT e.case_id,
                CASE WHEN bool_or(e.dated)
                  THEN (SELECT count(*) FROM case_name_keys n WHERE n.case_id = e.case_id AND n.key = ANY($1::text[]))
                  ELSE count(*) END AS hits
           FROM (SELECT k, starts_with(k, '${BIRTH_KEY_PREFIX}') FROM (SELECT DISTINCT unnest($1::text[])) AS u(k)) AS q(key, dated)
           CROSS JOIN LATERAL (
             (SELECT false AS dated, n.case_id FROM case_name_keys n WHERE n.key = q.key AND NOT q.dated
               ORDER BY n.case_id LIMIT $2)
             UNION ALL
             SELECT true, n.case_id FROM case_name_keys n WHERE n.key = q.key AND q.dated
           ) e
          GROUP BY e.case_id ORDER BY hits DESC, e.case_id LIMIT $2
       ) k JOIN cases c ON c.id = k.case_id
       WHERE c.merged_into_id IS NULL
       ORDER BY k.hits DESC, c.id`;

/**
 * The same for one key ($1): every case shares it once, so the index is read in order and stops
 * at $2 entries, however many namesakes there are.
 */
const CASES_BY_KEY_SQL = `SELECT ${CASE_SUMMARY_COLUMNS} FROM (
         SELECT case_id FROM case_name_keys WHERE key = $1 ORDER BY case_id LIMIT $2
       ) k JOIN cases c ON c.id = k.case_id
       WHERE c.merged_into_id IS NULL
       ORDER BY c.id`;

/**
 * The statement that finds the cases for a set of name keys, as a named prepared statement.
 * Exported for the benchmark's bare endpoints, which send the very same statements.
 */
export function casesByKeysQuery(keys: string[], cap: number): { name: string; text: string; values: unknown[] } {
  return keys.length === 1
    ? { name: 'cases.by-name-key', text: CASES_BY_KEY_SQL, values: [keys[0], cap] }
    : { name: 'cases.by-name-keys', text: CASES_BY_KEYS_SQL, values: [keys, cap] };
}

const EXACT_TTL_MS = 10 * 60_000;
/** The nearest words of an unknown word, while new words are announced to every process. */
const CORRECTION_TTL_MS = 10 * 60_000;
/** ... and while they might not be (Redis away). */
const UNANNOUNCED_CORRECTION_TTL_MS = 30_000;
const CACHE_LIMIT = 50_000;
/** Published after a commit that added words to the dictionary of name words. */
export const NAME_WORDS_TOPIC = 'name-words';

/**
 * The SQL of name search. Word corrections are cached in the process: a known word stays known;
 * the nearest words of an unknown one are kept until a new name word is announced (any new word
 * may be nearer), or for half a minute while announcements could be missed.
 */
@Injectable()
export class NameSearchRepository {
  private readonly cache = new Map<string, { at: number; exact: boolean; list: Correction[] }>();
  /** Moves when words are added: a lookup that began before is not kept. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invalidations: Invalidations,
  ) {
    const forgetCorrections = (): void => {
      this.generation++;
      for (const [word, entry] of this.cache) if (!entry.exact) this.cache.delete(word);
    };
    invalidations.on(NAME_WORDS_TOPIC, forgetCorrections);
    invalidations.onReset(forgetCorrections);
  }

  /** After a commit that added name words: every process forgets the corrections of unknown words. */
  wordsAdded(): Promise<void> {
    return this.invalidations.publish(NAME_WORDS_TOPIC, '');
  }

  /** For each phonetic key: itself when known, otherwise the nearest known name words. */
  async corrections(phonetics: string[]): Promise<Map<string, Correction[]>> {
    const result = new Map<string, Correction[]>();
    const now = Date.now();
    const correctionTtl = this.invalidations.live ? CORRECTION_TTL_MS : UNANNOUNCED_CORRECTION_TTL_MS;
    const missing: string[] = [];
    for (const p of phonetics) {
      const hit = this.cache.get(p);
      if (hit && now - hit.at < (hit.exact ? EXACT_TTL_MS : correctionTtl)) result.set(p, hit.list);
      else missing.push(p);
    }
    const generation = this.generation;
    if (missing.length === 0) return result;
    const rows: { q: string; word: string; canonical: string }[] = await this.dataSource.query(
      `SELECT q, n.word, n.canonical
         FROM unnest($1::text[]) AS q
         CROSS JOIN LATERAL (
           SELECT word, canonical FROM name_words WHERE word = q
           UNION ALL
           (SELECT word, canonical FROM name_words WHERE NOT EXISTS (SELECT 1 FROM name_words WHERE word = q)
             ORDER BY word <-> q LIMIT 4)
         ) n`,
      [missing],
    );
    for (const p of missing) result.set(p, []);
    for (const row of rows) result.get(row.q)!.push({ word: row.word, canonical: row.canonical });
    if (this.cache.size > CACHE_LIMIT) this.cache.clear();
    for (const p of missing) {
      const list = result.get(p)!;
      const exact = list.some((c) => c.word === p);
      if (exact || generation === this.generation) this.cache.set(p, { at: now, exact, list });
    }
    return result;
  }

  /**
   * Cases stored under the most of the keys (pairs of name words, and words with the date of
   * birth), at most `cap`, in one statement: the ranking library then scores only these.
   */
  async casesByKeys(keys: string[], cap: number): Promise<CaseSummaryRow[]> {
    if (keys.length === 0) return [];
    const { name, text, values } = casesByKeysQuery(keys, cap);
    return preparedQuery<CaseSummaryRow>(this.dataSource, name, text, values);
  }
}
