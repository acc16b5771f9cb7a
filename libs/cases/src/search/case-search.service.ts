import { Injectable } from '@nestjs/common';
import { createComparisonMemo, keySimilarity, prepareName, scoreNames, scorePreparedNames } from '@app/names';
import { CaseSummaryRow, CasesRepository } from '../cases/cases.repository';
import { IndexedWord, lookupStages, parseSearchQuery, storedKeys } from './name-keys';
import { NameSearchRepository } from './name-search.repository';
import { PreparedNames } from './prepared-names';

export interface ScoredCase {
  row: CaseSummaryRow;
  score: number;
  reasons: string[];
}

export interface MatchQuery {
  surname: string;
  givenName: string;
  patronymic?: string | null;
  fullName?: string | null;
  dateOfBirth?: string | null;
  militaryUnit?: string | null;
  serviceNumber?: string | null;
}

/**
 * How many cases the library scores for one query: those sharing the most name keys (a date of
 * birth in the query counts as keys). Beyond this, namesakes can only be told apart by what the
 * query does not give (a patronymic, a date of birth), so the caseworker narrows the query.
 */
export const CANDIDATE_CAP = 50;
/** Rows read per lookup: the cap and one more, which only says that the cap cut the list. */
export const CANDIDATE_READ = CANDIDATE_CAP + 1;
/** Below this a candidate is not shown: it shares too little of the name. */
const MIN_SCORE = 0.35;
const MIN_CORRECTION_SIMILARITY = 0.6;
/** The candidates' names as the library compares them, shared by every search of the process. */
const preparedNames = new PreparedNames();

/**
 * Finds cases by name in any script: words are corrected against the dictionary of known name
 * words, looked up exactly by key, then ranked by the name-matching library.
 */
@Injectable()
export class CaseSearchService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly names: NameSearchRepository,
  ) {}

  /** After a commit that added name words: every api process forgets its typo corrections. */
  wordsAdded(): Promise<void> {
    return this.names.wordsAdded();
  }

  /**
   * Free-text search (`q` of the case list), best first. `truncated`: more cases share the name's
   * keys than are ranked (`CANDIDATE_CAP`), so the person sought may be among those left out
   * unless the query adds what tells namesakes apart (a patronymic, a date of birth).
   */
  async search(q: string): Promise<{ found: ScoredCase[]; truncated: boolean }> {
    const parsed = parseSearchQuery(q);
    if (parsed.words.length === 0) return { found: [], truncated: false };
    const { rows, truncated } = await this.candidates(parsed.words, parsed.dateOfBirth);
    const found = rankCandidates(rows, { fullName: parsed.nameText, dateOfBirth: parsed.dateOfBirth }, {});
    return { found, truncated };
  }

  /** Existing cases for a person (an inquiry, a row of a return list), best first with reasons. */
  async match(query: MatchQuery, limit = 10): Promise<ScoredCase[]> {
    const words = query.fullName
      ? parseSearchQuery(query.fullName).words
      : storedKeys({ surname: query.surname, givenName: query.givenName, patronymic: query.patronymic }).words;
    const [{ rows: byName }, byNumber] = await Promise.all([
      words.length ? this.candidates(words, query.dateOfBirth ?? null) : Promise.resolve({ rows: [] }),
      query.serviceNumber ? this.cases.idsByServiceNumber(query.serviceNumber) : Promise.resolve([]),
    ]);
    const known = new Set(byName.map((r) => r.id));
    const extra = await this.cases.findManyByIds(byNumber.filter((id) => !known.has(id)));
    const rows = [...byName, ...extra].filter((r) => r.merged_into_id === null);
    const name = query.fullName
      ? { fullName: query.fullName, dateOfBirth: query.dateOfBirth }
      : {
          surname: query.surname,
          givenName: query.givenName,
          patronymic: query.patronymic,
          dateOfBirth: query.dateOfBirth,
        };
    return rankCandidates(rows, name, { militaryUnit: query.militaryUnit, serviceNumber: query.serviceNumber }).slice(
      0,
      limit,
    );
  }

  /**
   * The keys a free-text query looks up, stage by stage (see `lookupStages`). Public for the
   * benchmark, which sends the same statement from a bare endpoint.
   */
  async queryKeys(q: string): Promise<string[][]> {
    const parsed = parseSearchQuery(q);
    return lookupStages(await this.alternatives(parsed.words), parsed.dateOfBirth);
  }

  private async alternatives(words: IndexedWord[]): Promise<string[][]> {
    const corrections = await this.names.corrections([...new Set(words.map((w) => w.phonetic))]);
    return words.map((w) => {
      const options = new Set([w.canonical]);
      for (const c of corrections.get(w.phonetic) ?? []) {
        if (c.word === w.phonetic || keySimilarity(c.word, w.phonetic) >= MIN_CORRECTION_SIMILARITY)
          options.add(c.canonical);
      }
      return [...options];
    });
  }

  /** The first stage that finds anyone: at most `CANDIDATE_CAP` rows, one more read to tell whether it was cut. */
  private async candidates(
    words: IndexedWord[],
    dateOfBirth: string | null,
  ): Promise<{ rows: CaseSummaryRow[]; truncated: boolean }> {
    for (const keys of lookupStages(await this.alternatives(words), dateOfBirth)) {
      const rows = await this.names.casesByKeys(keys, CANDIDATE_READ);
      if (rows.length > CANDIDATE_CAP) return { rows: rows.slice(0, CANDIDATE_CAP), truncated: true };
      if (rows.length > 0) return { rows, truncated: false };
    }
    return { rows: [], truncated: false };
  }
}

/** Scores candidates with the name-matching library (and service number, unit), best first. */
export function rankCandidates(
  rows: CaseSummaryRow[],
  query: Parameters<typeof scoreNames>[0],
  extra: { militaryUnit?: string | null; serviceNumber?: string | null },
): ScoredCase[] {
  const scored: ScoredCase[] = [];
  const prepared = prepareName(query);
  const memo = createComparisonMemo();
  for (const row of rows) {
    const result = scorePreparedNames(prepared, preparedNames.of(row), memo);
    let score = result.score;
    const reasons: string[] = [...result.reasons];
    if (extra.serviceNumber && row.service_number && sameToken(extra.serviceNumber, row.service_number)) {
      score = Math.min(1, score + 0.3);
      reasons.push('service_number_match');
    } else if (extra.serviceNumber && row.service_number) {
      score = Math.max(0, score - 0.15);
      reasons.push('service_number_mismatch');
    }
    if (extra.militaryUnit && row.military_unit && sameToken(extra.militaryUnit, row.military_unit)) {
      score = Math.min(1, score + 0.05);
      reasons.push('military_unit_match');
    }
    if (score >= MIN_SCORE) scored.push({ row, score: Math.round(score * 1000) / 1000, reasons });
  }
  return scored.sort((a, b) => b.score - a.score || a.row.id.localeCompare(b.row.id));
}

function sameToken(a: string, b: string): boolean {
  const norm = (s: string): string => s.toUpperCase().replace(/[\s-]+/g, '');
  return norm(a) === norm(b);
}
