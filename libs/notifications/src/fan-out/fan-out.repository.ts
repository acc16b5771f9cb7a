import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Channel, ExternalChannel, Language, MessageKind } from '../notification-types';
import { prepared } from '../prepared';

/** A person to tell, with the contacts and choices that decide the channels. */
export interface RecipientRow {
  user_id: string;
  language: Language;
  email: string | null;
  phone: string | null;
  wants_email: boolean;
  wants_sms: boolean;
  /** For a family member: the inquiry the message is about (its reference is the only thing e-mail and SMS name). */
  inquiry_id: string | null;
  reference: string | null;
}

export interface InquiryOwnerRow extends RecipientRow {
  status: string;
  kinship: string;
  case_id: string | null;
  rejection_reason: string | null;
}

export interface NewMessage {
  kind: MessageKind;
  recipientId: string;
  channel: Channel;
  language: Language;
  caseId: string | null;
  inquiryId: string | null;
  title: string;
  body: string;
}

const STAFF_COLUMNS = `u.id AS user_id, u.language, u.email, NULL::text AS phone, true AS wants_email,
  false AS wants_sms, NULL::uuid AS inquiry_id, NULL::text AS reference`;

/**
 * Reads recipients straight from the identity and cases tables (the arrow points from
 * notifications to them, never back) and writes the messages of one event.
 */
@Injectable()
export class FanOutRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Family members of a case (or of the case it was merged into): inquiry linked, kinship
   * verified, account active. One row per person, even with two inquiries on the same case.
   */
  caseFamily(caseId: string): Promise<RecipientRow[]> {
    return prepared(
      this.dataSource,
      'case-family',
      `SELECT u.id AS user_id, u.language, u.email, u.phone,
              bool_or(i.notify_email) AS wants_email, bool_or(i.notify_sms) AS wants_sms,
              (array_agg(i.id ORDER BY i.created_at, i.id))[1] AS inquiry_id,
              (array_agg(i.reference ORDER BY i.created_at, i.id))[1] AS reference
         FROM inquiries i
         JOIN users u ON u.id = i.owner_id
        WHERE i.case_id = (SELECT COALESCE(c.merged_into_id, c.id) FROM cases c WHERE c.id = $1)
          AND i.status = 'linked' AND i.kinship = 'verified'
          AND u.active AND u.role = 'family'
        GROUP BY u.id
        ORDER BY u.id`,
      [caseId],
    );
  }

  async inquiryOwner(inquiryId: string): Promise<InquiryOwnerRow | null> {
    const rows: InquiryOwnerRow[] = await prepared(
      this.dataSource,
      'inquiry-owner',
      `SELECT u.id AS user_id, u.language, u.email, u.phone, i.notify_email AS wants_email,
              i.notify_sms AS wants_sms, i.id AS inquiry_id, i.reference, i.status, i.kinship, i.case_id,
              i.rejection_reason
         FROM inquiries i
         JOIN users u ON u.id = i.owner_id
        WHERE i.id = $1 AND u.active`,
      [inquiryId],
    );
    return rows[0] ?? null;
  }

  staff(userIds: string[]): Promise<RecipientRow[]> {
    return prepared(
      this.dataSource,
      'staff',
      `SELECT ${STAFF_COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[]) AND u.active AND u.role <> 'family' ORDER BY u.id`,
      [userIds],
    );
  }

  council(): Promise<RecipientRow[]> {
    return prepared(
      this.dataSource,
      'council',
      `SELECT ${STAFF_COLUMNS} FROM users u WHERE u.role = 'council' AND u.active ORDER BY u.id`,
      [],
    );
  }

  async caseAssignee(caseId: string): Promise<string | null> {
    const rows: { assignee_id: string | null }[] = await prepared(
      this.dataSource,
      'case-assignee',
      `SELECT assignee_id FROM cases WHERE id = $1`,
      [caseId],
    );
    return rows[0]?.assignee_id ?? null;
  }

  /** References of the cases that exist, in the order asked. */
  async caseReferences(caseIds: string[]): Promise<{ id: string; reference: string }[]> {
    const rows: { id: string; reference: string }[] = await prepared(
      this.dataSource,
      'case-references',
      `SELECT id, reference FROM cases WHERE id = ANY($1::uuid[])`,
      [caseIds],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return caseIds.map((id) => byId.get(id)).filter((r): r is { id: string; reference: string } => r !== undefined);
  }

  async sharedNote(noteId: string): Promise<string | null> {
    const rows: { body: string }[] = await prepared(
      this.dataSource,
      'shared-note',
      `SELECT body FROM case_notes WHERE id = $1 AND visibility = 'shared'`,
      [noteId],
    );
    return rows[0]?.body ?? null;
  }

  /**
   * Records the event as fanned out and writes its messages, in one statement (atomic on its
   * own). Returns the e-mail and SMS rows written, or null when the event had been fanned out
   * before: then nothing is written. In-app messages are delivered by being written; e-mail and
   * SMS wait for their delivery job.
   */
  async recordFanOut(
    event: { eventId: string; type: string; occurredAt: string; skippedReason: string | null },
    messages: NewMessage[],
  ): Promise<{ id: string; channel: ExternalChannel }[] | null> {
    const rows: { event_id: string; id: string | null; channel: ExternalChannel | null }[] = await prepared(
      this.dataSource,
      'record-fan-out',
      `WITH e AS (
         INSERT INTO notification_events (event_id, event_type, occurred_at, messages, skipped_reason)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id) DO NOTHING
         RETURNING event_id
       ), n AS (
         INSERT INTO notifications (event_id, event_type, kind, recipient_id, channel, language, case_id, inquiry_id,
                                    title, body, created_at, state, sent_at)
         SELECT e.event_id, $2, t.kind, t.recipient_id, t.channel, t.language, t.case_id, t.inquiry_id,
                t.title, t.body, $3,
                CASE WHEN t.channel = 'in_app' THEN 'sent' ELSE 'queued' END,
                CASE WHEN t.channel = 'in_app' THEN now() END
           FROM e, unnest($6::text[], $7::uuid[], $8::text[], $9::text[], $10::uuid[], $11::uuid[], $12::text[], $13::text[])
                AS t(kind, recipient_id, channel, language, case_id, inquiry_id, title, body)
         ON CONFLICT (event_id, recipient_id, channel) DO NOTHING
         RETURNING id, channel
       )
       SELECT e.event_id, n.id, n.channel FROM e LEFT JOIN n ON n.channel <> 'in_app'`,
      [
        event.eventId,
        event.type,
        event.occurredAt,
        messages.length,
        event.skippedReason,
        messages.map((x) => x.kind),
        messages.map((x) => x.recipientId),
        messages.map((x) => x.channel),
        messages.map((x) => x.language),
        messages.map((x) => x.caseId),
        messages.map((x) => x.inquiryId),
        messages.map((x) => x.title),
        messages.map((x) => x.body),
      ],
    );
    if (rows.length === 0) return null;
    return rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, channel: r.channel! }));
  }

  /** E-mail and SMS of an event still waiting for their first attempt. */
  queuedDeliveries(eventId: string): Promise<{ id: string; channel: ExternalChannel }[]> {
    return prepared(
      this.dataSource,
      'queued-deliveries',
      `SELECT id, channel FROM notifications WHERE event_id = $1 AND channel <> 'in_app' AND state = 'queued'`,
      [eventId],
    );
  }
}
