import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, appendOutbox, MetricsService, OutboxEvent } from '@app/core';
import { RemindersRepository } from './reminders.repository';
import { reminderPlan } from './reminders.rules';

export interface ReminderRunResult {
  day: string;
  /** True when the day had already been run: nothing was sent. */
  skipped: boolean;
  overdueCount: number;
  reminders: number;
}

/**
 * The no-news rule, daily: every holder of overdue cases gets one reminder naming them, council one
 * digest. Written to the outbox in the transaction that claims the day, so a day is sent once.
 */
@Injectable()
export class NoNewsRemindersService {
  constructor(
    private readonly repository: RemindersRepository,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async runToday(requestId?: string): Promise<ReminderRunResult> {
    return this.runForDay(await this.repository.today(), requestId);
  }

  async runForDay(day: string, requestId?: string): Promise<ReminderRunResult> {
    const overdueDays = this.config.overdueDays;
    const result = await this.repository.transaction(async (m) => {
      const runId = await this.repository.claimDay(m, day, overdueDays);
      if (runId === null) return { day, skipped: true, overdueCount: 0, reminders: 0 };
      const plan = reminderPlan(await this.repository.overdueByHolder(m, overdueDays));
      const events: OutboxEvent[] = plan.reminders.map((r) => ({
        type: 'workload.overdue_reminder',
        aggregateId: r.assigneeId,
        payload: { assigneeId: r.assigneeId, caseIds: r.caseIds, count: r.count, day, overdueDays },
        requestId: requestId ?? null,
      }));
      if (plan.digest) {
        events.push({
          type: 'workload.overdue_digest',
          aggregateId: runId,
          payload: { ...plan.digest, day, overdueDays },
          requestId: requestId ?? null,
        });
      }
      await appendOutbox(m, events);
      const overdueCount = plan.digest?.overdueCount ?? 0;
      await this.repository.finishRun(m, runId, overdueCount, plan.reminders.length);
      return { day, skipped: false, overdueCount, reminders: plan.reminders.length };
    });
    if (!result.skipped) {
      this.metrics
        .gauge('workload_overdue_cases', 'Open cases without family news for OVERDUE_DAYS, at the last daily run')
        .set(result.overdueCount);
    }
    return result;
  }
}
