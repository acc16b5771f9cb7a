import { CASE_STATUSES, CaseStatus, TRANSITIONS } from '@app/cases';
import { Outcome, OUTCOMES } from '../exchange-outcome';
import { LinkPlan, planLink } from './link-plan';

function expected(status: CaseStatus, outcome: Outcome): LinkPlan {
  const allowed = TRANSITIONS[status];
  if (outcome === 'listed_not_returned') return { kind: 'apply', move: null, result: 'linked' };
  if (outcome === 'returned') {
    if (status === 'returned') return { kind: 'apply', move: null, result: 'already_returned' };
    return allowed.includes('returned')
      ? { kind: 'apply', move: 'returned', result: 'moved' }
      : { kind: 'refused', reason: 'status_not_allowed', allowed };
  }
  if (status === 'deceased') return { kind: 'apply', move: null, result: 'already_deceased' };
  return allowed.includes('deceased')
    ? { kind: 'apply', move: 'deceased', result: 'moved' }
    : { kind: 'apply', move: null, result: 'status_kept' };
}

describe(planLink.name, () => {
  const table = CASE_STATUSES.flatMap((status) => OUTCOMES.map((outcome) => [status, outcome] as const));

  it.each(table)('a %s case linked as %s', (status, outcome) => {
    expect(planLink({ status, mergedIntoId: null, existingOutcome: null }, outcome)).toEqual(expected(status, outcome));
  });

  it.each([
    ['registered', 'returned', { kind: 'apply', move: 'returned', result: 'moved' }],
    ['exchange_listed', 'returned', { kind: 'apply', move: 'returned', result: 'moved' }],
    ['returned', 'returned', { kind: 'apply', move: null, result: 'already_returned' }],
    ['deceased', 'returned', { kind: 'refused', reason: 'status_not_allowed', allowed: ['closed'] }],
    ['closed', 'returned', { kind: 'refused', reason: 'status_not_allowed', allowed: ['registered'] }],
    ['captivity_confirmed', 'remains_repatriated', { kind: 'apply', move: 'deceased', result: 'moved' }],
    ['returned', 'remains_repatriated', { kind: 'apply', move: null, result: 'status_kept' }],
    ['missing', 'listed_not_returned', { kind: 'apply', move: null, result: 'linked' }],
  ] as const)('spells out: %s linked as %s', (status, outcome, plan) => {
    expect(planLink({ status, mergedIntoId: null, existingOutcome: null }, outcome)).toEqual(plan);
  });

  it.each(OUTCOMES)('refuses a merged case (%s)', (outcome) => {
    expect(planLink({ status: 'closed', mergedIntoId: 'x', existingOutcome: null }, outcome)).toEqual({
      kind: 'refused',
      reason: 'merged',
    });
  });

  it.each(OUTCOMES.flatMap((existing) => OUTCOMES.map((outcome) => [existing, outcome] as const)))(
    'a case linked as %s, linked again as %s',
    (existing, outcome) => {
      const plan = planLink({ status: 'missing', mergedIntoId: null, existingOutcome: existing }, outcome);
      expect(plan).toEqual(
        existing === outcome
          ? { kind: 'unchanged', result: 'already_linked' }
          : { kind: 'refused', reason: 'linked_with_other_outcome' },
      );
    },
  );
});
