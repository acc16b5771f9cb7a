import { Module } from '@nestjs/common';
import { BoardSessionService } from './board/board-session.service';
import { MonitoringRepository } from './board/monitoring.repository';
import { NotificationMetrics } from './board/notification-metrics';
import { QueuesBoardController } from './board/queues-board.controller';
import { QueuesBoard } from './board/queues-board.service';
import { CaseNotificationsController } from './case-notifications/case-notifications.controller';
import { CaseNotificationsRepository } from './case-notifications/case-notifications.repository';
import { CaseNotificationsService } from './case-notifications/case-notifications.service';
import { InboxController } from './inbox/inbox.controller';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';

/**
 * The notifications context's HTTP side: the in-app inbox, the staff view of a case's
 * deliveries, Bull Board for administrators and the depth metrics. It never enqueues anything:
 * changes reach the queue only through the outbox and the worker's relay, so the api keeps
 * working while Redis is away.
 */
@Module({
  controllers: [InboxController, CaseNotificationsController, QueuesBoardController],
  providers: [
    InboxRepository,
    InboxService,
    CaseNotificationsRepository,
    CaseNotificationsService,
    QueuesBoard,
    BoardSessionService,
    MonitoringRepository,
    NotificationMetrics,
  ],
})
export class NotificationsModule {}
