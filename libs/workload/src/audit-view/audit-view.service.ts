import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { decodeTimeKeyset, DEFAULT_PAGE_SIZE, DomainError, FieldProblem, Page, SEQUENCE_TEXT, toPage } from '@app/core';
import { AuthUser } from '@app/identity';
import { AuditViewRepository } from './audit-view.repository';
import { AuditEntryResponse, ListAuditQuery, toAuditEntryResponse } from './dto/audit-view.dto';

/** Who saw and changed what: the audit trail, filtered and paged. Reading it is itself audited. */
@Injectable()
export class AuditViewService {
  constructor(
    private readonly repository: AuditViewRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      throw DomainError.validation([{ field: 'to', rule: 'afterFrom', message: 'to must be later than from' }]);
    }
    if (query.caseId) {
      const problems = caseQueryProblems(query);
      if (problems.length > 0) throw DomainError.validation(problems);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeTimeKeyset(query.cursor, SEQUENCE_TEXT);
    const filter = {
      actorId: query.actorId,
      entity: query.entity,
      entityId: query.entityId,
      caseId: query.caseId,
      action: query.action,
      from: query.from,
      to: query.to,
    };
    // A case merged into another is the same person: its entries answer the question too.
    const caseIds = query.caseId ? await this.repository.withMergedCases(query.caseId) : undefined;
    const rows = await this.repository.listPage({ ...filter, caseIds }, after, limit);
    const page = toPage(rows, limit, toAuditEntryResponse, (r) => [r.cursor_at, r.id]);
    await this.audit.record({
      actor: user,
      action: 'audit.read',
      entity: 'audit',
      requestId: user.requestId,
      details: { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) },
    });
    return page;
  }
}

/** The widest time range a question about one case may read (it reads every entry of the range). */
export const CASE_QUERY_MAX_DAYS = 31;

/** `caseId` needs a bounded time range and stands instead of entity and entityId. */
function caseQueryProblems(query: ListAuditQuery): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['entity', 'entityId'] as const) {
    if (query[field] !== undefined) {
      problems.push({ field, rule: 'notWithCaseId', message: `${field} cannot be combined with caseId` });
    }
  }
  for (const field of ['from', 'to'] as const) {
    if (query[field] === undefined) {
      problems.push({ field, rule: 'requiredWithCaseId', message: `${field} is required with caseId` });
    }
  }
  if (query.from && query.to && Date.parse(query.to) - Date.parse(query.from) > CASE_QUERY_MAX_DAYS * 86_400_000) {
    problems.push({
      field: 'to',
      rule: 'maxSpan',
      message: `to must be at most ${CASE_QUERY_MAX_DAYS} days after from when caseId is given`,
    });
  }
  return problems;
}
