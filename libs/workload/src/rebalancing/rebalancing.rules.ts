import { FieldProblem } from '@app/core';

/** A caseworker's load as the suggestion ranks it. */
export interface CandidateLoad {
  id: string;
  fullName: string;
  open: number;
  overdue: number;
  /** Open cases of the same category as the case or inquiry in question. */
  sameCategory: number;
}

/**
 * Least loaded first: fewest open cases, then fewest overdue, then (at equal load) the one who
 * already knows the category, then by name and id so that the answer is stable.
 */
export function compareCandidates(a: CandidateLoad, b: CandidateLoad): number {
  return (
    a.open - b.open ||
    a.overdue - b.overdue ||
    b.sameCategory - a.sameCategory ||
    a.fullName.localeCompare(b.fullName, 'uk') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The ranking without the current holder: the question is who should take it instead. */
export function rankCandidates(loads: CandidateLoad[], excludeId: string | null): CandidateLoad[] {
  return loads.filter((l) => l.id !== excludeId).sort(compareCandidates);
}

export interface BulkSelection {
  caseIds?: string[];
  filter?: {
    status?: string[];
    assigneeId?: string;
    unassigned?: boolean;
    category?: string;
    overdue?: boolean;
  };
}

/** Either ids or a filter; a filter names at least one criterion and does not contradict itself. */
export function bulkSelectionProblems(selection: BulkSelection): FieldProblem[] {
  const { caseIds, filter } = selection;
  if (caseIds !== undefined && filter !== undefined) {
    return [{ field: 'caseIds', rule: 'exactlyOne', message: 'send either caseIds or filter, not both' }];
  }
  if (caseIds === undefined && filter === undefined) {
    return [{ field: 'caseIds', rule: 'exactlyOne', message: 'send caseIds or a filter' }];
  }
  if (filter) {
    const criteria =
      (filter.status?.length ?? 0) > 0 ||
      filter.assigneeId !== undefined ||
      filter.unassigned === true ||
      filter.category !== undefined ||
      filter.overdue === true;
    if (!criteria) {
      return [
        {
          field: 'filter',
          rule: 'notEmpty',
          message: 'filter must name at least one of status, assigneeId, unassigned, category, overdue',
        },
      ];
    }
    if (filter.assigneeId !== undefined && filter.unassigned === true) {
      return [
        { field: 'filter.unassigned', rule: 'conflicts', message: 'filter.unassigned contradicts filter.assigneeId' },
      ];
    }
  }
  return [];
}

/** Deduplicated, lower-cased ids in their first order. */
export function uniqueIds(ids: string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
