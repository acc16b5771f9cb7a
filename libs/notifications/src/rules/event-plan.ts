import type { CaseStatus } from '@app/cases';

/**
 * Who is told what about one outbox event: a pure function of the event's type and payload.
 * Recipients are resolved later from the database; this only decides the audience and the kind
 * of message, which is where the rules about what a family may learn live.
 */

/** Statuses a family is told of in words. `exchange_listed` is never told; `deceased` only in person. */
export type FamilyStatus = Exclude<CaseStatus, 'exchange_listed' | 'deceased'>;
export const FAMILY_STATUSES: readonly FamilyStatus[] = [
  'registered',
  'missing',
  'captivity_confirmed',
  'returned',
  'closed',
];
const SILENT_STATUSES: readonly string[] = ['exchange_listed'] satisfies CaseStatus[];
const IN_PERSON_STATUSES: readonly string[] = ['deceased'] satisfies CaseStatus[];

export type InPersonReason = 'deceased' | 'remains_repatriated';

export type Audience =
  /** Every family member whose inquiry is linked to the case and whose kinship is verified. */
  | { kind: 'case_family'; caseId: string }
  /** The inquirer alone (kinship not needed). */
  | { kind: 'inquiry_owner'; inquiryId: string }
  /** One active staff member. */
  | { kind: 'staff'; userId: string }
  /** Whoever holds the case now (else the assignee named in the event, else every active council member). */
  | { kind: 'case_holder'; caseId: string; assigneeId: string | null }
  /** Every active council member. */
  | { kind: 'council' };

export type Content =
  | { kind: 'inquiry.received' | 'inquiry.linked' | 'inquiry.rejected' | 'inquiry.kinship_verified'; inquiryId: string }
  | { kind: 'case.status_changed'; caseId: string; status: FamilyStatus }
  | { kind: 'case.contact_pending'; caseId: string }
  | { kind: 'case.note_shared'; caseId: string; noteId: string }
  | { kind: 'staff.cases_assigned'; caseIds: string[] }
  | { kind: 'staff.in_person_task'; caseId: string; reason: InPersonReason }
  | { kind: 'staff.overdue_reminder'; caseIds: string[] }
  | { kind: 'staff.overdue_digest'; overdueCount: number; assignees: number };

export interface PlannedMessage {
  audience: Audience;
  content: Content;
}

export type EventPlan = { ok: true; messages: PlannedMessage[] } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CASE_IDS = 10_000;

class Malformed extends Error {}

function uuid(payload: Record<string, unknown>, field: string): string {
  const value = payload[field];
  if (typeof value !== 'string' || !UUID.test(value)) throw new Malformed(`${field} is not a uuid`);
  return value.toLowerCase();
}

function optionalUuid(payload: Record<string, unknown>, field: string): string | null {
  return payload[field] === null || payload[field] === undefined ? null : uuid(payload, field);
}

function uuids(payload: Record<string, unknown>, field: string): string[] {
  const value = payload[field];
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CASE_IDS) {
    throw new Malformed(`${field} is not a non-empty list`);
  }
  const ids = value.map((v: unknown) => {
    if (typeof v !== 'string' || !UUID.test(v)) throw new Malformed(`${field} holds something other than uuids`);
    return v.toLowerCase();
  });
  return [...new Set(ids)];
}

function count(payload: Record<string, unknown>, field: string): number {
  const value = payload[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new Malformed(`${field} is not a count`);
  return value;
}

function inPersonTask(caseId: string, assigneeId: string | null, reason: InPersonReason): PlannedMessage[] {
  return [
    { audience: { kind: 'case_family', caseId }, content: { kind: 'case.contact_pending', caseId } },
    {
      audience: { kind: 'case_holder', caseId, assigneeId },
      content: { kind: 'staff.in_person_task', caseId, reason },
    },
  ];
}

function plan(type: string, p: Record<string, unknown>): PlannedMessage[] | null {
  switch (type) {
    case 'inquiry.received':
    case 'inquiry.linked':
    case 'inquiry.rejected':
    case 'inquiry.kinship_verified': {
      const inquiryId = uuid(p, 'inquiryId');
      return [{ audience: { kind: 'inquiry_owner', inquiryId }, content: { kind: type, inquiryId } }];
    }
    case 'case.status_changed': {
      const caseId = uuid(p, 'caseId');
      const to = p.to;
      if (typeof to !== 'string') throw new Malformed('to is not a status');
      const assigneeId = optionalUuid(p, 'assigneeId');
      // Either flag from the writer is enough to hold the news back; the status itself decides too.
      if (p.familyVisible === false || SILENT_STATUSES.includes(to)) return [];
      if (p.inPerson === true || IN_PERSON_STATUSES.includes(to)) {
        // Moved to deceased because the remains came home: the exchange's own event, written in the
        // same transaction, tells the family and the holder once, with the reason.
        if (p.cause === 'remains_repatriated') return [];
        return inPersonTask(caseId, assigneeId, 'deceased');
      }
      if (!(FAMILY_STATUSES as readonly string[]).includes(to)) throw new Malformed(`unknown status ${to}`);
      return [
        {
          audience: { kind: 'case_family', caseId },
          content: { kind: 'case.status_changed', caseId, status: to as FamilyStatus },
        },
      ];
    }
    case 'case.note_shared': {
      const caseId = uuid(p, 'caseId');
      const noteId = uuid(p, 'noteId');
      return [{ audience: { kind: 'case_family', caseId }, content: { kind: 'case.note_shared', caseId, noteId } }];
    }
    case 'case.assigned': {
      const assigneeId = uuid(p, 'assigneeId');
      // A caseworker who took the case themself knows.
      if (optionalUuid(p, 'assignedBy') === assigneeId) return [];
      return [
        {
          audience: { kind: 'staff', userId: assigneeId },
          content: { kind: 'staff.cases_assigned', caseIds: uuids(p, 'caseIds') },
        },
      ];
    }
    case 'case.exchange_outcome': {
      const caseId = uuid(p, 'caseId');
      const assigneeId = optionalUuid(p, 'assigneeId');
      // `returned` reaches the family through the case's own status change; a list the person
      // was on but did not come home from is as confidential as the list itself.
      if (p.outcome === 'remains_repatriated') return inPersonTask(caseId, assigneeId, 'remains_repatriated');
      if (p.outcome === 'returned' || p.outcome === 'listed_not_returned') return [];
      throw new Malformed('unknown outcome');
    }
    case 'workload.overdue_reminder':
      return [
        {
          audience: { kind: 'staff', userId: uuid(p, 'assigneeId') },
          content: { kind: 'staff.overdue_reminder', caseIds: uuids(p, 'caseIds') },
        },
      ];
    case 'workload.overdue_digest': {
      const byAssignee = Array.isArray(p.byAssignee) ? p.byAssignee : [];
      return [
        {
          audience: { kind: 'council' },
          content: {
            kind: 'staff.overdue_digest',
            overdueCount: count(p, 'overdueCount'),
            assignees: byAssignee.length,
          },
        },
      ];
    }
    default:
      return null;
  }
}

export function planEvent(type: string, payload: unknown): EventPlan {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, reason: 'payload is not an object' };
  }
  try {
    const messages = plan(type, payload as Record<string, unknown>);
    return messages === null ? { ok: false, reason: `no messages for event type ${type}` } : { ok: true, messages };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: `malformed ${type}: ${error.message}` };
    throw error;
  }
}
