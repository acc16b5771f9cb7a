import { classifyCandidates, classifyRows, ScoredCandidate } from './classification';

const c = (score: number, ...reasons: string[]): ScoredCandidate => ({ caseId: `case-${score}`, score, reasons });
const DOB = 'date_of_birth_match';
const NUMBER = 'service_number_match';

describe(classifyCandidates.name, () => {
  it.each([
    ['no candidate', [], 'none', 'no_candidate'],
    ['only weak candidates', [c(0.49, DOB)], 'none', 'weak_candidates'],
    ['one strong, corroborated by the date of birth', [c(0.97, DOB)], 'confident', 'clear_match'],
    [
      'one strong, corroborated by the service number',
      [c(0.9, NUMBER, 'date_of_birth_missing')],
      'confident',
      'clear_match',
    ],
    ['exactly at the thresholds', [c(0.85, DOB), c(0.75)], 'confident', 'clear_match'],
    ['a close second', [c(0.97, DOB), c(0.9, 'date_of_birth_missing')], 'ambiguous', 'close_second'],
    ['a second just under the margin', [c(0.95, DOB), c(0.851)], 'ambiguous', 'close_second'],
    ['a far second', [c(0.97, DOB), c(0.58, 'date_of_birth_mismatch')], 'confident', 'clear_match'],
    ['a strong name without corroboration', [c(0.9, 'date_of_birth_missing')], 'ambiguous', 'not_corroborated'],
    ['a middling candidate', [c(0.7, DOB)], 'ambiguous', 'below_confident_score'],
    ['a contradicting date of birth', [c(0.9, 'date_of_birth_mismatch')], 'ambiguous', 'contradicted'],
    ['a contradicting service number', [c(0.9, DOB, 'service_number_mismatch')], 'ambiguous', 'contradicted'],
  ] as const)('%s → %s', (_label, candidates, classification, note) => {
    expect(classifyCandidates(candidates)).toEqual({ classification, note });
  });
});

describe(classifyRows.name, () => {
  it('keeps no row confident when one case is the confident match of two rows', () => {
    const rows = classifyRows([
      { row: 1, candidates: [c(0.97, DOB)] },
      { row: 2, candidates: [c(0.97, DOB)] },
      { row: 3, candidates: [{ caseId: 'other', score: 0.97, reasons: [DOB] }] },
    ]);
    expect(rows.map((r) => [r.row, r.classification, r.note])).toEqual([
      [1, 'ambiguous', 'same_case_in_other_rows'],
      [2, 'ambiguous', 'same_case_in_other_rows'],
      [3, 'confident', 'clear_match'],
    ]);
  });
});
