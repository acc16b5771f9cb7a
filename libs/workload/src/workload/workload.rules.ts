import { CaseStatus, OPEN_STATUSES } from '@app/cases';

/** The workload figures as pure code: SQL returns grouped rows, these fold them into the answer. */

export type OpenStatus = Exclude<CaseStatus, 'closed'>;
export type ByStatus = Record<OpenStatus, number>;
export const OPEN_CASE_STATUSES = OPEN_STATUSES as readonly OpenStatus[];

/** One row of the open-cases aggregate: one holder (null: nobody) and one status. */
export interface OpenGroupRow {
  assignee_id: string | null;
  status: OpenStatus;
  open: number;
  overdue: number;
  oldest_days: number;
}

/** Cases changed in the last seven days, per holder (open or closed). */
export interface ChangedRow {
  assignee_id: string | null;
  changed: number;
}

export interface StaffRow {
  id: string;
  full_name: string;
  role: string;
  active: boolean;
}

export interface LoadFigures {
  open: number;
  overdue: number;
  byStatus: ByStatus;
  oldestOpenDays: number | null;
  changedThisWeek: number;
}

export interface HolderLoad extends LoadFigures {
  id: string;
  fullName: string;
  role: string;
  active: boolean;
}

export interface WorkloadTally {
  caseworkers: HolderLoad[];
  otherHolders: HolderLoad[];
  unassigned: LoadFigures;
  totals: LoadFigures & { caseworkers: number };
}

export function emptyByStatus(): ByStatus {
  return Object.fromEntries(OPEN_CASE_STATUSES.map((s) => [s, 0])) as ByStatus;
}

export function emptyFigures(): LoadFigures {
  return { open: 0, overdue: 0, byStatus: emptyByStatus(), oldestOpenDays: null, changedThisWeek: 0 };
}

function addGroup(figures: LoadFigures, group: OpenGroupRow): void {
  figures.open += group.open;
  figures.overdue += group.overdue;
  figures.byStatus[group.status] += group.open;
  figures.oldestOpenDays =
    figures.oldestOpenDays === null ? group.oldest_days : Math.max(figures.oldestOpenDays, group.oldest_days);
}

/** Heaviest load first, then by name: who carries what at a glance. */
export function byLoad(a: HolderLoad, b: HolderLoad): number {
  return b.open - a.open || b.overdue - a.overdue || a.fullName.localeCompare(b.fullName, 'uk') || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every active caseworker gets a row (also with nothing to do); anyone else holding open cases
 * (council, or a deactivated account whose cases are stranded) is listed apart so that no case is
 * invisible. Totals cover every open case, held or not.
 */
export function tallyWorkload(groups: OpenGroupRow[], changed: ChangedRow[], staff: StaffRow[]): WorkloadTally {
  const holders = new Map<string, HolderLoad>();
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const holder = (id: string): HolderLoad => {
    let load = holders.get(id);
    if (!load) {
      const s = staffById.get(id);
      load = {
        id,
        fullName: s?.full_name ?? '',
        role: s?.role ?? 'unknown',
        active: s?.active ?? false,
        ...emptyFigures(),
      };
      holders.set(id, load);
    }
    return load;
  };
  for (const s of staff) if (isActiveCaseworker(s)) holder(s.id);

  const unassigned = emptyFigures();
  const totals = { ...emptyFigures(), caseworkers: 0 };
  for (const group of groups) {
    addGroup(totals, group);
    addGroup(group.assignee_id === null ? unassigned : holder(group.assignee_id), group);
  }
  for (const row of changed) {
    totals.changedThisWeek += row.changed;
    if (row.assignee_id === null) unassigned.changedThisWeek += row.changed;
    else if (holders.has(row.assignee_id)) holders.get(row.assignee_id)!.changedThisWeek += row.changed;
  }

  const caseworkers: HolderLoad[] = [];
  const otherHolders: HolderLoad[] = [];
  for (const load of holders.values()) {
    const s = staffById.get(load.id);
    if (s && isActiveCaseworker(s)) caseworkers.push(load);
    else if (load.open > 0) otherHolders.push(load);
  }
  totals.caseworkers = caseworkers.length;
  return { caseworkers: caseworkers.sort(byLoad), otherHolders: otherHolders.sort(byLoad), unassigned, totals };
}

export function isActiveCaseworker(s: StaffRow): boolean {
  return s.role === 'caseworker' && s.active;
}
