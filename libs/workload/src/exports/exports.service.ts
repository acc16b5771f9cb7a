import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, AppConfig, DomainError } from '@app/core';
import { AuthUser } from '@app/identity';
import { CaseworkerLoadResponse, LoadFiguresResponse, UnassignedResponse } from '../workload/dto/workload.response';
import { OPEN_CASE_STATUSES } from '../workload/workload.rules';
import { WorkloadService } from '../workload/workload.service';
import { CsvExport, csvStream } from './csv';
import { CaseExportQuery, WorkloadExportQuery } from './dto/export-query.dto';
import { CaseExportRow, ExportsRepository } from './exports.repository';

/** Rows fetched per round trip while a case list streams out. */
export const EXPORT_BATCH = 1000;

const WORKLOAD_HEADER = [
  'row',
  'id',
  'full_name',
  'role',
  'active',
  'open',
  'overdue',
  ...OPEN_CASE_STATUSES,
  'oldest_open_days',
  'changed_this_week',
];

const CASE_HEADER = [
  'reference',
  'id',
  'status',
  'category',
  'surname',
  'given_name',
  'patronymic',
  'date_of_birth',
  'assignee_id',
  'assignee_name',
  'created_at',
  'updated_at',
  'last_family_news_at',
  'days_without_news',
  'overdue',
];

/** CSV exports for council: streamed, UTF-8 with a byte-order mark, audited. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly repository: ExportsRepository,
    private readonly workload: WorkloadService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async workloadCsv(user: AuthUser, query: WorkloadExportQuery): Promise<CsvExport> {
    const w = await this.workload.compute(query.category);
    await this.audit.record({
      actor: user,
      action: 'workload.export',
      entity: 'workload',
      requestId: user.requestId,
      details: { category: query.category ?? null },
    });
    const holder = (kind: string, h: CaseworkerLoadResponse): unknown[] => [
      kind,
      h.id,
      h.fullName,
      h.role,
      h.active,
      ...figures(h),
    ];
    const rows: unknown[][] = [
      ...w.caseworkers.map((h) => holder('caseworker', h)),
      ...w.otherHolders.map((h) => holder('other_holder', h)),
      ['unassigned', '', '', '', '', ...figures(unassignedFigures(w.unassigned))],
      ['total', '', '', '', '', ...figures(w.totals)],
    ];
    return { filename: `workload-${stamp()}.csv`, stream: csvStream(WORKLOAD_HEADER, [rows]) };
  }

  /**
   * The filtered case list with names (route permission `cases:export`, council only: an admin may
   * see the workload figures but not the cases). The first batch is read before the answer starts,
   * so that a failure is still a proper error; the rest streams in keyset batches.
   */
  async casesCsv(user: AuthUser, query: CaseExportQuery): Promise<CsvExport> {
    if (query.assigneeId && query.unassigned) {
      throw DomainError.validation([
        { field: 'unassigned', rule: 'conflicts', message: 'unassigned contradicts assigneeId' },
      ]);
    }
    const filter = {
      status: query.status,
      assigneeId: query.assigneeId,
      unassigned: query.unassigned,
      category: query.category,
      overdue: query.overdue,
    };
    const overdueDays = this.config.overdueDays;
    const first = await this.repository.casesAfter(filter, overdueDays, null, EXPORT_BATCH);
    await this.audit.record({
      actor: user,
      action: 'case.export',
      entity: 'case',
      requestId: user.requestId,
      details: { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) },
    });
    const repository = this.repository;
    async function* batches(): AsyncGenerator<unknown[][]> {
      let batch = first;
      while (batch.length > 0) {
        yield batch.map(caseCells);
        if (batch.length < EXPORT_BATCH) return;
        batch = await repository.casesAfter(filter, overdueDays, batch[batch.length - 1].reference, EXPORT_BATCH);
      }
    }
    return { filename: `cases-${stamp()}.csv`, stream: csvStream(CASE_HEADER, batches()) };
  }
}

function figures(f: LoadFiguresResponse): unknown[] {
  return [f.open, f.overdue, ...OPEN_CASE_STATUSES.map((s) => f.byStatus[s]), f.oldestOpenDays, f.changedThisWeek];
}

function unassignedFigures(u: UnassignedResponse): LoadFiguresResponse {
  return {
    open: u.cases,
    overdue: u.overdueCases,
    byStatus: u.casesByStatus,
    oldestOpenDays: u.oldestCaseDays,
    changedThisWeek: u.changedThisWeek,
  };
}

function caseCells(r: CaseExportRow): unknown[] {
  return [
    r.reference,
    r.id,
    r.status,
    r.category,
    r.surname,
    r.given_name,
    r.patronymic,
    r.date_of_birth,
    r.assignee_id,
    r.assignee_name,
    r.created_at,
    r.updated_at,
    r.last_family_news_at,
    r.days_without_news,
    r.overdue,
  ];
}

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}
