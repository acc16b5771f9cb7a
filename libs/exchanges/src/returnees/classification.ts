export const CLASSIFICATIONS = ['confident', 'ambiguous', 'none'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Why a row was classified as it was (stable codes, for reviewers). */
export type ClassificationNote =
  | 'clear_match'
  | 'no_candidate'
  | 'weak_candidates'
  | 'close_second'
  | 'not_corroborated'
  | 'contradicted'
  | 'below_confident_score'
  | 'same_case_in_other_rows';

export interface ScoredCandidate {
  caseId: string;
  score: number;
  reasons: readonly string[];
}

/** The best candidate's least score for `confident`. */
export const CONFIDENT_SCORE = 0.85;
/** How far the best must lead the second for `confident`. */
export const CONFIDENT_MARGIN = 0.1;
/** Below this no candidate is worth a reviewer's time: the row is `none`. */
export const CANDIDATE_FLOOR = 0.5;
/** Evidence beyond the name that makes a match confident. */
const CORROBORATING = ['date_of_birth_match', 'service_number_match'];
const CONTRADICTING = ['date_of_birth_mismatch', 'service_number_mismatch'];

/**
 * Classifies one row from its candidates, best first:
 * - `confident`: one clear best candidate: score at least 0.85, ahead of the second by 0.1 or
 *   more, corroborated by the date of birth or the service number and contradicted by neither;
 * - `none`: no candidate scores 0.5 or more (a person no one has asked about, most likely);
 * - `ambiguous`: everything between: several close candidates, or only a middling one.
 */
export function classifyCandidates(candidates: readonly ScoredCandidate[]): {
  classification: Classification;
  note: ClassificationNote;
} {
  const [best, second] = candidates;
  if (best === undefined) return { classification: 'none', note: 'no_candidate' };
  if (best.score < CANDIDATE_FLOOR) return { classification: 'none', note: 'weak_candidates' };
  if (best.reasons.some((r) => CONTRADICTING.includes(r))) return { classification: 'ambiguous', note: 'contradicted' };
  if (best.score < CONFIDENT_SCORE) return { classification: 'ambiguous', note: 'below_confident_score' };
  if (second !== undefined && best.score - second.score < CONFIDENT_MARGIN - 1e-9) {
    return { classification: 'ambiguous', note: 'close_second' };
  }
  if (!best.reasons.some((r) => CORROBORATING.includes(r))) {
    return { classification: 'ambiguous', note: 'not_corroborated' };
  }
  return { classification: 'confident', note: 'clear_match' };
}

/**
 * Classifies every row of a list; when the same case is the confident match of several rows
 * (a person listed twice, or two namesakes with one date), none of them stays confident.
 */
export function classifyRows<T extends { candidates: readonly ScoredCandidate[] }>(
  rows: readonly T[],
): (T & { classification: Classification; note: ClassificationNote })[] {
  const classified = rows.map((r) => ({ ...r, ...classifyCandidates(r.candidates) }));
  const confidentCount = new Map<string, number>();
  for (const r of classified) {
    if (r.classification === 'confident') {
      const caseId = r.candidates[0].caseId;
      confidentCount.set(caseId, (confidentCount.get(caseId) ?? 0) + 1);
    }
  }
  return classified.map((r) =>
    r.classification === 'confident' && confidentCount.get(r.candidates[0].caseId)! > 1
      ? { ...r, classification: 'ambiguous' as const, note: 'same_case_in_other_rows' as const }
      : r,
  );
}
