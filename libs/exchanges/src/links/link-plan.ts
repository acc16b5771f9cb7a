import { CaseStatus, TRANSITIONS } from '@app/cases';
import { Outcome } from '../exchange-outcome';

/** What linking did to a case (stable codes, in answers and in the audit trail). */
export type LinkResult =
  'moved' | 'already_returned' | 'already_deceased' | 'status_kept' | 'linked' | 'already_linked';

export type RefusalReason = 'merged' | 'status_not_allowed' | 'linked_with_other_outcome';

export type LinkPlan =
  | { kind: 'apply'; move: CaseStatus | null; result: Exclude<LinkResult, 'already_linked'> }
  | { kind: 'unchanged'; result: 'already_linked' }
  | { kind: 'refused'; reason: RefusalReason; allowed?: readonly CaseStatus[] };

export interface LinkTarget {
  status: CaseStatus;
  mergedIntoId: string | null;
  /** The case's outcome in this exchange when it is linked already. */
  existingOutcome: Outcome | null;
}

/**
 * Decides what linking a case to an exchange with an outcome does:
 * - `returned` moves the case to `returned` through the status machine; a case already
 *   returned is only linked; a case the machine cannot move there (deceased, closed) is refused
 *   and reported, never forced;
 * - `remains_repatriated` moves the case to `deceased` where the machine allows it, and only
 *   links it otherwise (the caseworker decides; the outcome event always tells them);
 * - `listed_not_returned` only links.
 * Linking again with the same outcome changes nothing; another outcome is refused.
 */
export function planLink(target: LinkTarget, outcome: Outcome): LinkPlan {
  if (target.mergedIntoId !== null) return { kind: 'refused', reason: 'merged' };
  if (target.existingOutcome === outcome) return { kind: 'unchanged', result: 'already_linked' };
  if (target.existingOutcome !== null) return { kind: 'refused', reason: 'linked_with_other_outcome' };
  const allowed = TRANSITIONS[target.status];
  switch (outcome) {
    case 'returned':
      if (target.status === 'returned') return { kind: 'apply', move: null, result: 'already_returned' };
      if (allowed.includes('returned')) return { kind: 'apply', move: 'returned', result: 'moved' };
      return { kind: 'refused', reason: 'status_not_allowed', allowed };
    case 'remains_repatriated':
      if (target.status === 'deceased') return { kind: 'apply', move: null, result: 'already_deceased' };
      if (allowed.includes('deceased')) return { kind: 'apply', move: 'deceased', result: 'moved' };
      return { kind: 'apply', move: null, result: 'status_kept' };
    case 'listed_not_returned':
      return { kind: 'apply', move: null, result: 'linked' };
  }
}
