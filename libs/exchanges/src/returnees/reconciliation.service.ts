import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CaseRow, CaseSummaryRow, CasesRepository, CaseSearchService, MatchQuery, ScoredCase } from '@app/cases';
import {
  AppConfig,
  APP_CONFIG,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  DomainError,
  FieldProblem,
  MetricsService,
  Page,
  toPage,
} from '@app/core';
import { AuthUser } from '@app/identity';
import { Counter } from 'prom-client';
import { EntityManager } from 'typeorm';
import { ExchangeEventRow, ExchangesRepository } from '../events/exchanges.repository';
import { Outcome } from '../exchange-outcome';
import { AcceptedLink, CaseLinksService } from '../links/case-links.service';
import { planLink } from '../links/link-plan';
import { BatchesRepository, StoredRow } from './batches.repository';
import { classifyRows, ScoredCandidate } from './classification';
import { ConfirmMatchDto, ConfirmReturneesDto, ListBatchRowsQuery } from './dto/returnees.dto';
import {
  AlreadyAppliedItem,
  BatchResponse,
  ConfirmedItem,
  ConfirmResponse,
  ReconcileResponse,
  RefusedItem,
  ReturneeRowResponse,
  toBatchResponse,
  toCandidateResponse,
  toReturneeRowResponse,
} from './dto/returnees.response';
import { parseReturneeCsv } from './returnee-csv';
import { checkReturneeRows, rawRowsFromJson, ReturneeRow, RowProblem } from './returnee-rows';
import { ReturneeUpload } from './returnee-upload';

/** Candidates kept per row (best first). */
const CANDIDATES_PER_ROW = 5;

/**
 * Return lists: each row is matched against the cases by the cases context's name search
 * (any script, date of birth, unit, service number), classified, and stored as a batch that
 * several people can review; a confirmation then applies the chosen pairs in one transaction.
 */
@Injectable()
export class ReconciliationService {
  private readonly rowsCounter: Counter<string>;
  private readonly linksCounter: Counter<string>;

  constructor(
    private readonly exchanges: ExchangesRepository,
    private readonly batches: BatchesRepository,
    private readonly cases: CasesRepository,
    private readonly search: CaseSearchService,
    private readonly links: CaseLinksService,
    private readonly audit: AuditService,
    metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rowsCounter = metrics.counter('exchange_returnee_rows_total', 'Return-list rows matched, by classification', [
      'classification',
    ]);
    this.linksCounter = metrics.counter(
      'exchange_confirmed_links_total',
      'Cases linked to exchanges from return lists, by result',
      ['result'],
    );
  }

  async reconcile(user: AuthUser, exchangeId: string, upload: ReturneeUpload): Promise<ReconcileResponse> {
    if (!(await this.exchanges.findEvent(exchangeId))) throw DomainError.notFound('Exchange');
    const raw = upload.source === 'csv' ? parseReturneeCsv(upload.bytes) : rawRowsFromJson(upload.body);
    if (!raw.ok) throw refusedList(raw.problems);
    const checked = checkReturneeRows(raw.rows);
    if (!checked.ok) throw refusedList(checked.problems);

    const found = await this.matchAll(checked.rows);
    const caseRows = new Map<string, CaseSummaryRow>();
    for (const list of found) for (const f of list) caseRows.set(f.row.id, f.row);
    const classified = classifyRows(
      checked.rows.map((row, i) => ({
        row,
        candidates: found[i].map((f): ScoredCandidate => ({ caseId: f.row.id, score: f.score, reasons: f.reasons })),
      })),
    );
    const stored = classified.map((c) => ({
      row: c.row.row,
      input: inputOf(c.row),
      classification: c.classification,
      note: c.note,
      candidates: c.candidates,
    }));
    const summary = {
      rows: stored.length,
      confident: stored.filter((s) => s.classification === 'confident').length,
      ambiguous: stored.filter((s) => s.classification === 'ambiguous').length,
      none: stored.filter((s) => s.classification === 'none').length,
    };
    const batch = await this.batches.transaction(async (m) => {
      const inserted = await this.batches.insert(m, { exchangeId, source: upload.source, createdBy: user.id }, stored);
      await this.audit.record(
        {
          actor: user,
          action: 'exchange.reconcile',
          entity: 'exchange',
          entityId: exchangeId,
          requestId: user.requestId,
          details: { batchId: inserted.id, source: upload.source, ...summary },
        },
        m,
      );
      return inserted;
    });
    for (const c of ['confident', 'ambiguous', 'none'] as const)
      this.rowsCounter.inc({ classification: c }, summary[c]);
    return {
      batchId: batch.id,
      exchangeId,
      createdAt: batch.created_at.toISOString(),
      summary,
      rows: stored.map((s) => ({
        row: s.row,
        classification: s.classification,
        note: s.note,
        input: s.input,
        candidates: s.candidates.map((c) => toCandidateResponse(c, caseRows.get(c.caseId))),
      })),
    };
  }

  /**
   * Applies the chosen (row, case) pairs in one transaction. Idempotent: a row applied before is
   * reported and left alone, so confirming the same batch again changes nothing and sends nothing.
   * A case the outcome cannot apply to (e.g. deceased for `returned`) is reported, never forced.
   */
  async confirm(user: AuthUser, exchangeId: string, dto: ConfirmReturneesDto): Promise<ConfirmResponse> {
    const matches = dto.matches.map((x) => ({ ...x, caseId: x.caseId.toLowerCase() }));
    assertDistinct(matches);
    const result = await this.batches.transaction(async (m) => {
      const exchange = await this.exchanges.findEvent(exchangeId, m);
      if (!exchange) throw DomainError.notFound('Exchange');
      if (!(await this.batches.lock(m, exchangeId, dto.batchId))) throw DomainError.notFound('Return list');
      const rows = await this.batches.rows(
        m,
        dto.batchId,
        matches.map((x) => x.row),
      );
      const stored = new Map(rows.map((r) => [r.row_number, r]));
      const pending = this.sortOut(matches, stored, await this.batches.appliedCases(m, dto.batchId));
      const locked = await this.cases.findManyForUpdate(
        m,
        pending.todo.map((t) => t.caseId),
      );
      const caseRows = new Map(locked.map((r) => [r.id, r]));
      const missing = pending.todo.filter((t) => !caseRows.has(t.caseId));
      if (missing.length > 0) {
        throw DomainError.validation(
          missing.map((t) => ({
            field: `matches[${t.index}].caseId`,
            rule: 'exists',
            message: `row ${t.row}: caseId names no case`,
          })),
        );
      }
      return this.apply(m, user, exchange, dto.batchId, pending, caseRows);
    });
    for (const item of result.applied) this.linksCounter.inc({ result: item.result });
    return result;
  }

  async listBatches(exchangeId: string, query: { limit?: number; cursor?: string }): Promise<Page<BatchResponse>> {
    if (!(await this.exchanges.findEvent(exchangeId))) throw DomainError.notFound('Exchange');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await this.batches.listPage(exchangeId, after, limit);
    return toPage(rows, limit, toBatchResponse, (r) => [r.cursor_at, r.id]);
  }

  async getBatch(exchangeId: string, batchId: string): Promise<BatchResponse> {
    const batch = await this.batches.find(exchangeId, batchId);
    if (!batch) throw DomainError.notFound('Return list');
    return toBatchResponse(batch);
  }

  /** A page of a batch's rows with their candidates as the cases stand now; audited (names of cases are shown). */
  async listRows(
    user: AuthUser,
    exchangeId: string,
    batchId: string,
    query: ListBatchRowsQuery,
  ): Promise<Page<ReturneeRowResponse>> {
    if (!(await this.batches.find(exchangeId, batchId))) throw DomainError.notFound('Return list');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [afterRow] = (decodeCursor(query.cursor, 1) ?? [null]) as [number | null];
    if (afterRow !== null && !Number.isInteger(afterRow)) {
      throw DomainError.validation([
        { field: 'cursor', rule: 'isCursor', message: 'cursor is not a cursor this API gave' },
      ]);
    }
    const rows = await this.batches.rowsPage(
      batchId,
      { classification: query.classification, applied: query.applied },
      afterRow,
      limit,
    );
    const shown = rows.slice(0, limit);
    const ids = [...new Set(shown.flatMap((r) => r.candidates.map((c) => c.caseId)))];
    const cases = new Map((await this.cases.findManyByIds(ids)).map((c) => [c.id, c]));
    await this.audit.record({
      actor: user,
      action: 'exchange.read_batch',
      entity: 'exchange',
      entityId: exchangeId,
      requestId: user.requestId,
      details: { batchId, rows: shown.map((r) => r.row_number), caseIds: ids },
    });
    return toPage(
      rows,
      limit,
      (r) => toReturneeRowResponse(r, cases),
      (r) => [r.row_number],
    );
  }

  /** Runs the name search for every row, a few rows at a time (half the connection pool). */
  private async matchAll(rows: ReturneeRow[]): Promise<ScoredCase[][]> {
    const results: ScoredCase[][] = new Array<ScoredCase[]>(rows.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < rows.length) {
        const i = next++;
        results[i] = await this.search.match(toMatchQuery(rows[i]), CANDIDATES_PER_ROW);
      }
    };
    const concurrency = Math.max(1, Math.min(rows.length, Math.floor(this.config.dbPoolSize / 2)));
    await Promise.all(Array.from({ length: concurrency }, worker));
    return results;
  }

  /** Splits the chosen pairs into applied-before and to-do; a pair that contradicts an earlier confirmation is a 409. */
  private sortOut(
    matches: ConfirmMatchDto[],
    stored: Map<number, StoredRow>,
    appliedCases: Map<string, number>,
  ): { todo: PendingMatch[]; alreadyApplied: AlreadyAppliedItem[] } {
    const notInBatch: FieldProblem[] = [];
    const conflicts: { row: number; caseId: string; appliedCaseId: string | null; appliedInRow: number | null }[] = [];
    const todo: PendingMatch[] = [];
    const alreadyApplied: AlreadyAppliedItem[] = [];
    matches.forEach((match, index) => {
      const outcome = match.outcome ?? 'returned';
      const row = stored.get(match.row);
      if (!row) {
        notInBatch.push({
          field: `matches[${index}].row`,
          rule: 'inBatch',
          message: `row ${match.row} is not in the list`,
        });
      } else if (row.applied_case_id !== null) {
        if (row.applied_case_id === match.caseId && row.applied_outcome === outcome) {
          alreadyApplied.push({ row: match.row, caseId: match.caseId, outcome });
        } else {
          conflicts.push({
            row: match.row,
            caseId: match.caseId,
            appliedCaseId: row.applied_case_id,
            appliedInRow: null,
          });
        }
      } else if (appliedCases.has(match.caseId)) {
        conflicts.push({
          row: match.row,
          caseId: match.caseId,
          appliedCaseId: null,
          appliedInRow: appliedCases.get(match.caseId)!,
        });
      } else {
        todo.push({ index, row: match.row, caseId: match.caseId, outcome });
      }
    });
    if (notInBatch.length > 0) throw DomainError.validation(notInBatch);
    if (conflicts.length > 0) {
      throw new DomainError(
        'conflict',
        'Some rows were confirmed before with another case or outcome, or their case was confirmed for another row',
        { conflicts },
      );
    }
    return { todo, alreadyApplied };
  }

  private async apply(
    m: EntityManager,
    user: AuthUser,
    exchange: ExchangeEventRow,
    batchId: string,
    pending: { todo: PendingMatch[]; alreadyApplied: AlreadyAppliedItem[] },
    caseRows: Map<string, CaseRow>,
  ): Promise<ConfirmResponse> {
    const outcomes = await this.exchanges.outcomesOf(m, exchange.id, [...caseRows.keys()]);
    const accepted: AcceptedLink[] = [];
    const applied: ConfirmedItem[] = [];
    const refused: RefusedItem[] = [];
    const marked: { row: number; caseId: string; outcome: Outcome }[] = [];
    for (const t of pending.todo) {
      const row = caseRows.get(t.caseId)!;
      const plan = planLink(
        { status: row.status, mergedIntoId: row.merged_into_id, existingOutcome: outcomes.get(row.id) ?? null },
        t.outcome,
      );
      if (plan.kind === 'refused') {
        refused.push({
          row: t.row,
          caseId: t.caseId,
          reason: plan.reason,
          caseStatus: row.status,
          ...(plan.allowed ? { allowed: plan.allowed } : {}),
          ...(plan.reason === 'merged' ? { mergedIntoId: row.merged_into_id } : {}),
        });
        continue;
      }
      if (plan.kind === 'apply') accepted.push({ row, outcome: t.outcome, plan, batchRow: t.row });
      marked.push({ row: t.row, caseId: t.caseId, outcome: t.outcome });
      const status = plan.kind === 'apply' && plan.move ? plan.move : row.status;
      applied.push({ row: t.row, caseId: t.caseId, outcome: t.outcome, result: plan.result, caseStatus: status });
    }
    if (marked.length > 0) {
      await this.links.applyAccepted(m, user, exchange, accepted, { evidenceSource: 'exchange_record', batchId });
      await this.batches.markApplied(m, batchId, marked, user.id);
      await this.audit.record(
        {
          actor: user,
          action: 'exchange.confirm',
          entity: 'exchange',
          entityId: exchange.id,
          requestId: user.requestId,
          details: { batchId, applied: marked.length, refused: refused.length },
        },
        m,
      );
    }
    const open = await this.batches.unappliedRows(m, batchId);
    return {
      batchId,
      applied,
      alreadyApplied: pending.alreadyApplied,
      refused,
      openRows: open.map((o) => ({ row: o.row_number, classification: o.classification })),
    };
  }
}

interface PendingMatch {
  /** Position in `matches`, to name the field of a problem. */
  index: number;
  row: number;
  caseId: string;
  outcome: Outcome;
}

function toMatchQuery(r: ReturneeRow): MatchQuery {
  return {
    surname: r.surname ?? '',
    givenName: r.givenName ?? '',
    patronymic: r.patronymic,
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    militaryUnit: r.militaryUnit,
    serviceNumber: r.serviceNumber,
  };
}

/** The row as read, without empty fields and without the row number. */
function inputOf(r: ReturneeRow): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(r)) {
    if (key !== 'row' && typeof value === 'string') input[key] = value;
  }
  return input;
}

function assertDistinct(matches: ConfirmMatchDto[]): void {
  const problems: FieldProblem[] = [];
  const rows = new Set<number>();
  const cases = new Set<string>();
  matches.forEach((match, index) => {
    if (rows.has(match.row)) {
      problems.push({ field: `matches[${index}].row`, rule: 'unique', message: `row ${match.row} is chosen twice` });
    }
    if (cases.has(match.caseId)) {
      problems.push({
        field: `matches[${index}].caseId`,
        rule: 'unique',
        message: `row ${match.row}: the same case is chosen for another row`,
      });
    }
    rows.add(match.row);
    cases.add(match.caseId);
  });
  if (problems.length > 0) throw DomainError.validation(problems);
}

function refusedList(problems: RowProblem[]): DomainError {
  return new DomainError(
    'validation_failed',
    `The list was refused (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was stored`,
    problems,
  );
}
