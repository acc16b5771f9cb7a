import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = [
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
]
  .map((k) => `'${k}'`)
  .join(', ');

/**
 * Schema for notifications: one row per outbox event that was fanned out (so that a lost queue
 * job can be found and redone), and one row per message to one recipient on one channel,
 * unique on (event, recipient, channel) so that a retried fan-out can never add a second one.
 */
export class Notifications1764400000000 implements MigrationInterface {
  name = 'Notifications1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_events (
        event_id uuid PRIMARY KEY,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        fanned_out_at timestamptz NOT NULL DEFAULT now(),
        messages integer NOT NULL DEFAULT 0 CHECK (messages >= 0),
        skipped_reason text NULL CHECK (char_length(skipped_reason) <= 300)
      )`);
    await q.query(`CREATE INDEX notification_events_fanned_out ON notification_events (fanned_out_at)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES notification_events (event_id),
        event_type text NOT NULL,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        recipient_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('in_app', 'email', 'sms')),
        language text NOT NULL CHECK (language IN ('uk', 'en')),
        case_id uuid NULL REFERENCES cases (id),
        inquiry_id uuid NULL REFERENCES inquiries (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 6000),
        state text NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'dead')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text NULL CHECK (char_length(last_error) <= 1000),
        lease_until timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        read_at timestamptz NULL,
        CONSTRAINT notifications_once UNIQUE (event_id, recipient_id, channel),
        CONSTRAINT notifications_in_app_written CHECK (channel <> 'in_app' OR state = 'sent'),
        CONSTRAINT notifications_read_in_app CHECK (read_at IS NULL OR channel = 'in_app'),
        CONSTRAINT notifications_sent_at CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT notifications_lease CHECK ((state = 'sending') = (lease_until IS NOT NULL)),
        CONSTRAINT notifications_dead_error CHECK (state <> 'dead' OR last_error IS NOT NULL)
      )`);
    // The inbox, newest first, and its unread count.
    await q.query(`
      CREATE INDEX notifications_inbox ON notifications (recipient_id, created_at DESC, id DESC)
      WHERE channel = 'in_app'`);
    await q.query(`
      CREATE INDEX notifications_unread ON notifications (recipient_id)
      WHERE channel = 'in_app' AND read_at IS NULL`);
    // Staff view of one case: its own messages and those about its inquiries.
    await q.query(`
      CREATE INDEX notifications_case ON notifications (case_id, created_at DESC, id DESC) WHERE case_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX notifications_inquiry ON notifications (inquiry_id, created_at DESC, id DESC)
      WHERE inquiry_id IS NOT NULL`);
    // Deliveries still to do (the sweep and the depth metrics); dead ones (the failure metrics).
    await q.query(`
      CREATE INDEX notifications_pending ON notifications (updated_at)
      INCLUDE (channel, state) WHERE state IN ('queued', 'sending', 'failed')`);
    await q.query(`CREATE INDEX notifications_dead ON notifications (channel) WHERE state = 'dead'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE notification_events`);
  }
}
