import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  CaseRow,
  CasesRepository,
  CaseStatusService,
  EvidenceSource,
  LockedStatusChange,
  staleVersion,
} from '@app/cases';
import { appendOutbox, decodeCursor, DEFAULT_PAGE_SIZE, DomainError, Page, toPage } from '@app/core';
import { assertCanChange, AuthUser } from '@app/identity';
import { EntityManager } from 'typeorm';
import { LinkCaseDto, ListLinksQuery } from '../events/dto/exchange-requests.dto';
import { LinkedCaseItem, LinkResponse, toLinkedCaseItem } from '../events/dto/exchange.response';
import { ExchangeEventRow, ExchangesRepository } from '../events/exchanges.repository';
import { Outcome } from '../exchange-outcome';
import { LinkPlan, LinkResult, planLink } from './link-plan';

const DEFAULT_EVIDENCE: EvidenceSource = 'exchange_record';

/** A link the planner accepted, for a case locked in the caller's transaction. */
export interface AcceptedLink {
  row: CaseRow;
  outcome: Outcome;
  plan: Extract<LinkPlan, { kind: 'apply' }>;
  batchRow: number | null;
}

/**
 * Links cases to an exchange with an outcome: one case by hand, or hundreds confirmed from a
 * return list, through the same code (`applyAccepted`) in the caller's transaction.
 */
@Injectable()
export class CaseLinksService {
  constructor(
    private readonly exchanges: ExchangesRepository,
    private readonly cases: CasesRepository,
    private readonly statusChanges: CaseStatusService,
    private readonly audit: AuditService,
  ) {}

  /** One case by hand: a caseworker links the cases they hold, council any case. */
  async link(user: AuthUser, exchangeId: string, dto: LinkCaseDto): Promise<LinkResponse> {
    return this.exchanges.transaction(async (m) => {
      const exchange = await this.exchanges.findEvent(exchangeId, m);
      if (!exchange) throw DomainError.notFound('Exchange');
      const row = await this.cases.findForUpdate(m, dto.caseId);
      if (!row) {
        throw DomainError.validation([{ field: 'caseId', rule: 'exists', message: 'caseId names no case' }]);
      }
      assertCanChange(
        user,
        row.assignee_id,
        'cases:change_any',
        'Only the assigned caseworker or council may link this case',
      );
      if (dto.version !== undefined && dto.version !== row.version) throw staleVersion(row);
      const existing = (await this.exchanges.outcomesOf(m, exchangeId, [row.id])).get(row.id) ?? null;
      const plan = planLink(
        { status: row.status, mergedIntoId: row.merged_into_id, existingOutcome: existing },
        dto.outcome,
      );
      const answer = (result: LinkResult, status: string, version: number): LinkResponse => ({
        exchangeId,
        caseId: row.id,
        outcome: dto.outcome,
        result,
        caseStatus: status,
        caseVersion: version,
      });
      if (plan.kind === 'unchanged') return answer(plan.result, row.status, row.version);
      if (plan.kind === 'refused') throw refusal(plan, row, existing);
      const versions = await this.applyAccepted(
        m,
        user,
        exchange,
        [{ row, outcome: dto.outcome, plan, batchRow: null }],
        {
          evidenceSource: dto.evidenceSource ?? DEFAULT_EVIDENCE,
          batchId: null,
        },
      );
      return answer(plan.result, plan.move ?? row.status, versions.get(row.id) ?? row.version);
    });
  }

  /**
   * Writes accepted links in a handful of statements whatever their number: the links, the status
   * changes through the machine (history, `case.status_changed`, audit), the `case.exchange_outcome`
   * events of repatriated remains, and one audit entry per link. Returns the new case versions.
   */
  async applyAccepted(
    m: EntityManager,
    user: AuthUser,
    exchange: ExchangeEventRow,
    links: AcceptedLink[],
    options: { evidenceSource: EvidenceSource; batchId: string | null },
  ): Promise<Map<string, number>> {
    if (links.length === 0) return new Map();
    await this.exchanges.insertLinks(
      m,
      exchange.id,
      links.map((l) => ({ caseId: l.row.id, outcome: l.outcome, batchRow: l.batchRow })),
      user.id,
      options.batchId,
    );
    const changes: LockedStatusChange[] = links
      .filter((l) => l.plan.move !== null)
      .map((l) => ({
        row: l.row,
        to: l.plan.move!,
        evidenceSource: options.evidenceSource,
        reason: l.plan.move === 'deceased' ? `Remains repatriated in the exchange of ${exchange.date}` : null,
        details: { exchangeId: exchange.id, outcome: l.outcome },
        ...(l.outcome === 'remains_repatriated' ? { cause: 'remains_repatriated' as const } : {}),
      }));
    const versions = await this.statusChanges.applyLocked(m, user, changes);
    await appendOutbox(
      m,
      links
        .filter((l) => l.outcome === 'remains_repatriated')
        .map((l) => ({
          type: 'case.exchange_outcome' as const,
          aggregateId: l.row.id,
          payload: { caseId: l.row.id, exchangeId: exchange.id, outcome: l.outcome, assigneeId: l.row.assignee_id },
          requestId: user.requestId,
        })),
    );
    await this.audit.recordMany(
      links.map((l) => ({
        actor: user,
        action: 'exchange.link',
        entity: 'case',
        entityId: l.row.id,
        requestId: user.requestId,
        details: {
          exchangeId: exchange.id,
          outcome: l.outcome,
          result: l.plan.result,
          ...(options.batchId ? { batchId: options.batchId, row: l.batchRow } : {}),
        },
      })),
      m,
    );
    return versions;
  }

  async list(user: AuthUser, exchangeId: string, query: ListLinksQuery): Promise<Page<LinkedCaseItem>> {
    if (!(await this.exchanges.findEvent(exchangeId))) throw DomainError.notFound('Exchange');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await this.exchanges.listLinks(exchangeId, query.outcome, after, limit);
    const page = toPage(rows, limit, toLinkedCaseItem, (r) => [r.cursor_at, r.case_id]);
    await this.audit.record({
      actor: user,
      action: 'exchange.list_cases',
      entity: 'exchange',
      entityId: exchangeId,
      requestId: user.requestId,
      details: { ids: page.items.map((i) => i.caseId) },
    });
    return page;
  }
}

function refusal(plan: Extract<LinkPlan, { kind: 'refused' }>, row: CaseRow, existing: Outcome | null): DomainError {
  switch (plan.reason) {
    case 'merged':
      return new DomainError('unprocessable', 'That case was merged into another; link the surviving case', {
        mergedIntoId: row.merged_into_id,
      });
    case 'linked_with_other_outcome':
      return new DomainError('conflict', `The case is already linked to this exchange as ${existing}`, {
        outcome: existing,
      });
    case 'status_not_allowed':
      return new DomainError(
        'invalid_transition',
        `A ${row.status} case cannot move to returned; allowed: ${plan.allowed?.join(', ') || 'none'}`,
        { from: row.status, to: 'returned', allowed: plan.allowed },
      );
  }
}
