import { Role } from '@app/identity';

export const CASE_STATUSES = [
  'registered',
  'missing',
  'captivity_confirmed',
  'exchange_listed',
  'returned',
  'deceased',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const EVIDENCE_SOURCES = [
  'icrc_confirmation',
  'official_list_other_side',
  'released_prisoner_testimony',
  'family_report',
  'media',
  'dna_identification',
  'exchange_record',
  'other',
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** The case status machine, as data (the README shows it as a table). */
export const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  registered: ['missing', 'captivity_confirmed', 'returned', 'deceased', 'closed'],
  missing: ['captivity_confirmed', 'returned', 'deceased', 'closed'],
  captivity_confirmed: ['exchange_listed', 'returned', 'deceased', 'missing'],
  exchange_listed: ['returned', 'captivity_confirmed', 'deceased'],
  returned: ['closed'],
  deceased: ['closed'],
  closed: ['registered'],
};

/** Statuses a family is never told of: negotiations are confidential. */
export const INTERNAL_STATUSES: readonly CaseStatus[] = ['exchange_listed'];
/** Statuses whose news is given in person by the caseworker, never by an automatic message. */
export const IN_PERSON_STATUSES: readonly CaseStatus[] = ['deceased'];

export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed');

export type TransitionCheck =
  | { ok: true; reasonRequired: boolean }
  | { ok: false; problem: 'not_allowed'; allowed: readonly CaseStatus[] }
  | { ok: false; problem: 'council_only' };

/** Decides one move: allowed targets, who may reopen, when a reason is required. */
export function checkTransition(from: CaseStatus, to: CaseStatus, role: Role): TransitionCheck {
  const allowed = TRANSITIONS[from];
  if (!allowed.includes(to)) return { ok: false, problem: 'not_allowed', allowed };
  const reopen = from === 'closed' && to === 'registered';
  if (reopen && role !== 'council') return { ok: false, problem: 'council_only' };
  return { ok: true, reasonRequired: reopen || to === 'closed' || to === 'deceased' };
}

export function isFamilyVisible(status: CaseStatus): boolean {
  return !INTERNAL_STATUSES.includes(status);
}
