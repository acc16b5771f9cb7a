/** Overdue open cases of one holder (null: nobody), as the reminder query groups them. */
export interface OverdueGroupRow {
  assignee_id: string | null;
  /** The holder is an active caseworker or council member, who can act on a reminder. */
  remindable: boolean;
  case_ids: string[];
}

export interface ReminderPayload {
  assigneeId: string;
  caseIds: string[];
  count: number;
}

export interface DigestPayload {
  overdueCount: number;
  byAssignee: { assigneeId: string | null; count: number }[];
}

export interface ReminderPlan {
  reminders: ReminderPayload[];
  /** Null when nothing is overdue: council is not sent an empty digest. */
  digest: DigestPayload | null;
}

/**
 * One reminder per active holder with overdue cases; one digest for council that counts every
 * overdue case, those of nobody (assigneeId null) and of deactivated accounts included.
 */
export function reminderPlan(rows: OverdueGroupRow[]): ReminderPlan {
  const reminders = rows
    .filter((r): r is OverdueGroupRow & { assignee_id: string } => r.assignee_id !== null && r.remindable)
    .filter((r) => r.case_ids.length > 0)
    .map((r) => ({ assigneeId: r.assignee_id, caseIds: [...r.case_ids], count: r.case_ids.length }))
    .sort((a, b) => cmp(a.assigneeId, b.assigneeId));
  const byAssignee = rows
    .filter((r) => r.case_ids.length > 0)
    .map((r) => ({ assigneeId: r.assignee_id, count: r.case_ids.length }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.assigneeId === null ? 1 : 0) - (b.assigneeId === null ? 1 : 0) ||
        cmp(a.assigneeId ?? '', b.assigneeId ?? ''),
    );
  const overdueCount = byAssignee.reduce((sum, r) => sum + r.count, 0);
  return { reminders, digest: overdueCount > 0 ? { overdueCount, byAssignee } : null };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
