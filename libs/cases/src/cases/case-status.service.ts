import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { appendOutbox, DomainError } from '@app/core';
import { AuthUser } from '@app/identity';
import { EntityManager } from 'typeorm';
import {
  CaseStatus,
  checkTransition,
  EvidenceSource,
  IN_PERSON_STATUSES,
  isFamilyVisible,
} from '../status/case-status';
import { CaseRow, CasesRepository } from './cases.repository';

/** One status change of a case row the caller has locked in its own transaction. */
export interface LockedStatusChange {
  /** Read with `findForUpdate` / `findManyForUpdate` in the same transaction. */
  row: CaseRow;
  to: CaseStatus;
  evidenceSource: EvidenceSource;
  reason?: string | null;
  /** The version the caller's client read (a single change over HTTP); omitted for bulk work on locked rows. */
  expectedVersion?: number;
  /** Ids and codes added to the history entry and the audit entry (e.g. the exchange it came from). */
  details?: Record<string, unknown>;
  /**
   * Why the case moved, when another event of the same transaction tells it (the remains came home
   * in an exchange): the status change's own message is then not sent.
   */
  cause?: 'remains_repatriated';
}

/**
 * Applies status changes through the status machine inside the caller's transaction: the
 * machine and reason checks, the history entry with its evidence source, the
 * `case.status_changed` outbox event, the family-news clock and the audit entry. Many changes
 * cost a handful of statements, not a handful per case.
 */
@Injectable()
export class CaseStatusService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Returns the new version of each case. Throws (nothing applied) when any change is refused. */
  async applyLocked(m: EntityManager, actor: AuthUser, changes: LockedStatusChange[]): Promise<Map<string, number>> {
    if (changes.length === 0) return new Map();
    for (const change of changes) assertAllowed(actor, change);
    const versions = await this.cases.updateStatusMany(
      m,
      changes.map((c) => ({ id: c.row.id, version: c.row.version, to: c.to, familyNews: isFamilyVisible(c.to) })),
    );
    const stale = changes.find((c) => !versions.has(c.row.id));
    if (stale) throw staleVersion(stale.row);
    await this.cases.addHistoryMany(
      m,
      changes.map((c) => ({
        caseId: c.row.id,
        actorId: actor.id,
        action: 'status',
        from: c.row.status,
        to: c.to,
        reason: c.reason ?? null,
        evidenceSource: c.evidenceSource,
        details: c.details ?? null,
      })),
    );
    await appendOutbox(
      m,
      changes.map((c) => ({
        type: 'case.status_changed' as const,
        aggregateId: c.row.id,
        payload: {
          caseId: c.row.id,
          from: c.row.status,
          to: c.to,
          familyVisible: isFamilyVisible(c.to),
          inPerson: IN_PERSON_STATUSES.includes(c.to),
          assigneeId: c.row.assignee_id,
          ...(c.cause ? { cause: c.cause } : {}),
        },
        requestId: actor.requestId,
      })),
    );
    await this.audit.recordMany(
      changes.map((c) => ({
        actor,
        action: 'case.status',
        entity: 'case',
        entityId: c.row.id,
        requestId: actor.requestId,
        details: { from: c.row.status, to: c.to, evidenceSource: c.evidenceSource, ...c.details },
      })),
      m,
    );
    return versions;
  }
}

function assertAllowed(actor: AuthUser, change: LockedStatusChange): void {
  const { row, to } = change;
  if (row.merged_into_id) {
    throw new DomainError('unprocessable', 'This case was merged into another', { mergedIntoId: row.merged_into_id });
  }
  if (change.expectedVersion !== undefined && row.version !== change.expectedVersion) throw staleVersion(row);
  const check = checkTransition(row.status, to, actor.role);
  if (!check.ok && check.problem === 'not_allowed') {
    throw new DomainError(
      'invalid_transition',
      `A ${row.status} case cannot move to ${to}; allowed: ${check.allowed.join(', ') || 'none'}`,
      { from: row.status, to, allowed: check.allowed },
    );
  }
  if (!check.ok) throw DomainError.forbidden('Only council can reopen a closed case');
  if (check.reasonRequired && !change.reason) {
    throw DomainError.validation([
      { field: 'reason', rule: 'requiredForTransition', message: `reason is required to move a case to ${to}` },
    ]);
  }
}

export function staleVersion(row: CaseRow): DomainError {
  return new DomainError(
    'version_conflict',
    `The case changed since you read it (version ${row.version} now); reload and try again`,
    { currentVersion: row.version },
  );
}
