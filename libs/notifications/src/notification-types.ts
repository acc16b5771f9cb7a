/** Names shared by the api and the worker sides of the notifications context. */

export const CHANNELS = ['in_app', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ExternalChannel = Exclude<Channel, 'in_app'>;

export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** What a message is about; also the `type` of an inbox item. */
export const MESSAGE_KINDS = [
  'inquiry.received',
  'inquiry.linked',
  'inquiry.rejected',
  'inquiry.kinship_verified',
  'case.status_changed',
  'case.contact_pending',
  'case.note_shared',
  'staff.cases_assigned',
  'staff.in_person_task',
  'staff.overdue_reminder',
  'staff.overdue_digest',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type Language = 'uk' | 'en';

/** The queues this context owns: one for events to fan out, one per external channel (each rate-limited). */
export const EVENTS_QUEUE = 'notification-events';
export const EMAIL_QUEUE = 'notification-email';
export const SMS_QUEUE = 'notification-sms';
export const NOTIFICATION_QUEUES = [EVENTS_QUEUE, EMAIL_QUEUE, SMS_QUEUE] as const;

export const FAN_OUT_JOB = 'fan-out';
export const DELIVER_JOB = 'deliver';

/** One outbox event as the relay hands it to the queue (job id = event id). */
export interface FanOutJobData {
  eventId: string;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  requestId: string | null;
  /** When the change that caused it was committed (ISO). */
  occurredAt: string;
}

/** One message to deliver (job id = notification id). */
export interface DeliverJobData {
  notificationId: string;
  requestId: string | null;
}
