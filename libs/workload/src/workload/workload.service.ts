import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, AppConfig, MetricsService } from '@app/core';
import { AuthUser } from '@app/identity';
import { WorkloadQuery } from './dto/workload-query.dto';
import { toAgeBands, toFigures, toLoadResponse, toWaitingItems, WorkloadResponse } from './dto/workload.response';
import { FreshCoalescer } from './fresh-coalescer';
import { Category, WorkloadRepository } from './workload.repository';
import { tallyWorkload } from './workload.rules';

/** The coalescing key of the unfiltered workload. */
const ALL = 'all';

/** Who carries what, what is late and what nobody has picked up: SQL aggregates folded by pure rules. */
@Injectable()
export class WorkloadService {
  /** Concurrent readers share one run of the aggregates, each still fresh as of its own request. */
  private readonly figures = new FreshCoalescer<string, WorkloadResponse>((key) =>
    this.computeNow(key === ALL ? undefined : (key as Category)),
  );

  constructor(
    private readonly repository: WorkloadRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  async read(user: AuthUser, query: WorkloadQuery): Promise<WorkloadResponse> {
    const workload = await this.compute(query.category);
    await this.audit.record({
      actor: user,
      action: 'workload.read',
      entity: 'workload',
      requestId: user.requestId,
      details: { category: query.category ?? null },
    });
    return workload;
  }

  /** The figures themselves (also the source of the CSV export). */
  compute(category?: Category): Promise<WorkloadResponse> {
    return this.figures.get(category ?? ALL);
  }

  private async computeNow(category?: Category): Promise<WorkloadResponse> {
    this.metrics
      .counter('workload_computations_total', 'Runs of the workload aggregates (concurrent readers share one)')
      .inc();
    const overdueDays = this.config.overdueDays;
    const [groups, changed, staff, cases, inquiries] = await Promise.all([
      this.repository.openGroups(overdueDays, category),
      this.repository.changedThisWeek(category),
      this.repository.staff(),
      this.repository.unassignedCases(category),
      this.repository.untriagedInquiries(category),
    ]);
    const tally = tallyWorkload(groups, changed, staff);
    return {
      generatedAt: new Date().toISOString(),
      overdueDays,
      category: category ?? null,
      caseworkers: tally.caseworkers.map(toLoadResponse),
      otherHolders: tally.otherHolders.map(toLoadResponse),
      totals: { ...toFigures(tally.totals), caseworkers: tally.totals.caseworkers },
      unassigned: {
        cases: cases.total,
        inquiries: inquiries.total,
        overdueCases: tally.unassigned.overdue,
        casesByStatus: { ...tally.unassigned.byStatus },
        changedThisWeek: tally.unassigned.changedThisWeek,
        oldestCaseDays: cases.oldest_days,
        oldestInquiryDays: inquiries.oldest_days,
        caseAges: toAgeBands(cases),
        inquiryAges: toAgeBands(inquiries),
        oldestCases: toWaitingItems(cases),
        oldestInquiries: toWaitingItems(inquiries),
      },
    };
  }
}
