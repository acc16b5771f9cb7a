import { Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@app/core';
import { DeliveryRepository } from './delivery/delivery.repository';
import { DeliveryService } from './delivery/delivery.service';
import { createMailTransport, MAIL_TRANSPORT } from './delivery/mail-transport';
import { NotificationWorkers } from './delivery/notification-workers.service';
import { createSmsProvider, SMS_PROVIDER } from './delivery/sms-provider';
import { FanOutRepository } from './fan-out/fan-out.repository';
import { FanOutService } from './fan-out/fan-out.service';
import { NotificationQueues } from './outbox/notification-queues';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { OutboxRepository } from './outbox/outbox.repository';
import { NotificationsSweeper } from './outbox/notifications-sweeper.service';

/**
 * The notifications context's background side (worker only): the outbox relay, the fan-out of
 * each event to its recipients, the delivery processors per channel, and the sweep that re-adds
 * jobs Redis lost.
 */
@Module({
  providers: [
    OutboxRepository,
    NotificationQueues,
    OutboxRelay,
    NotificationsSweeper,
    FanOutRepository,
    FanOutService,
    DeliveryRepository,
    DeliveryService,
    NotificationWorkers,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createMailTransport(config) },
    { provide: SMS_PROVIDER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createSmsProvider(config) },
  ],
  exports: [OutboxRelay, NotificationsSweeper, FanOutService, DeliveryService],
})
export class NotificationsWorkerModule {}
