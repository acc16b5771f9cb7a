import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, AppConfig, appendOutbox, DomainError } from '@app/core';
import { AuthUser } from '@app/identity';
import { EntityManager } from 'typeorm';
import { AssignBulkDto, AssignBulkResponse } from './dto/assign-bulk.dto';
import { SuggestionQuery, SuggestionResponse, toCandidateResponse } from './dto/suggestion.dto';
import { LockedCase, RebalancingRepository } from './rebalancing.repository';
import { bulkSelectionProblems, rankCandidates, uniqueIds } from './rebalancing.rules';

const CANDIDATES = 5;
const IDS_NAMED_IN_ERRORS = 20;

/** Moving work between caseworkers: bulk assignment in one transaction, and who should take what. */
@Injectable()
export class RebalancingService {
  constructor(
    private readonly repository: RebalancingRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Gives every selected case to one assignee, all or nothing: a version bump and a history row
   * per case, one audit entry per case, and one `case.assigned` event (a digest) for the assignee.
   */
  async assignBulk(user: AuthUser, dto: AssignBulkDto): Promise<AssignBulkResponse> {
    const problems = bulkSelectionProblems(dto);
    if (problems.length > 0) throw DomainError.validation(problems);
    const assigneeId = dto.assigneeId.toLowerCase();
    return this.repository.transaction(async (m) => {
      if (!(await this.repository.lockAssignable(m, assigneeId))) {
        throw DomainError.validation([
          {
            field: 'assigneeId',
            rule: 'activeStaff',
            message: 'assigneeId must be an active caseworker or council member',
          },
        ]);
      }
      const selected = dto.caseIds
        ? await this.lockNamed(m, uniqueIds(dto.caseIds))
        : await this.repository.lockByFilter(m, dto.filter!, this.config.overdueDays);
      const moving = selected.filter((c) => c.assignee_id !== assigneeId);
      if (moving.length > 0) {
        const ids = moving.map((c) => c.id);
        await this.repository.reassign(
          m,
          ids,
          moving.map((c) => c.assignee_id),
          assigneeId,
          user.id,
        );
        await this.audit.recordMany(
          moving.map((c) => ({
            actor: user,
            action: 'case.assign',
            entity: 'case',
            entityId: c.id,
            requestId: user.requestId,
            details: { from: c.assignee_id, to: assigneeId, bulk: true },
          })),
          m,
        );
        await appendOutbox(m, [
          {
            type: 'case.assigned',
            aggregateId: assigneeId,
            payload: { caseIds: ids, assigneeId, assignedBy: user.id },
            requestId: user.requestId,
          },
        ]);
      }
      return { assigned: moving.length, unchanged: selected.length - moving.length, assigneeId };
    });
  }

  private async lockNamed(m: EntityManager, ids: string[]): Promise<LockedCase[]> {
    const locked = await this.repository.lockByIds(m, ids);
    const found = new Set(locked.map((c) => c.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw DomainError.validation([
        {
          field: 'caseIds',
          rule: 'exists',
          message: `caseIds name ${missing.length} case(s) that do not exist: ${missing.slice(0, IDS_NAMED_IN_ERRORS).join(', ')}`,
        },
      ]);
    }
    const merged = locked.filter((c) => c.merged_into_id !== null).map((c) => c.id);
    if (merged.length > 0) {
      throw DomainError.validation([
        {
          field: 'caseIds',
          rule: 'notMerged',
          message: `caseIds name ${merged.length} case(s) merged into another: ${merged.slice(0, IDS_NAMED_IN_ERRORS).join(', ')}`,
        },
      ]);
    }
    return locked;
  }

  /** The least-loaded active caseworker for a case (other than its holder) or an inquiry. */
  async suggest(query: SuggestionQuery): Promise<SuggestionResponse> {
    if ((query.caseId === undefined) === (query.inquiryId === undefined)) {
      throw DomainError.validation([
        { field: 'caseId', rule: 'exactlyOne', message: 'send either caseId or inquiryId' },
      ]);
    }
    let target: { category: string; currentAssigneeId: string | null };
    if (query.caseId) {
      const found = await this.repository.findCase(query.caseId);
      if (!found) throw DomainError.notFound('Case');
      target = { category: found.category, currentAssigneeId: found.assignee_id };
    } else {
      const found = await this.repository.findInquiry(query.inquiryId!);
      if (!found) throw DomainError.notFound('Inquiry');
      target = { category: found.category, currentAssigneeId: found.case_assignee_id };
    }
    const loads = await this.repository.caseworkerLoads(this.config.overdueDays, target.category);
    const ranked = rankCandidates(loads, target.currentAssigneeId);
    return {
      caseId: query.caseId ?? null,
      inquiryId: query.inquiryId ?? null,
      category: target.category,
      currentAssigneeId: target.currentAssigneeId,
      suggestion: ranked[0] ? toCandidateResponse(ranked[0]) : null,
      candidates: ranked.slice(0, CANDIDATES).map(toCandidateResponse),
    };
  }
}
