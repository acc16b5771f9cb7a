import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@app/core';
import { FanOutJobData, MessageKind } from '../notification-types';
import { NotificationQueues } from '../outbox/notification-queues';
import { channelsFor } from '../rules/delivery-rules';
import { Audience, Content, planEvent, PlannedMessage } from '../rules/event-plan';
import {
  InAppInput,
  isStaffKind,
  renderFamilyEmail,
  renderFamilySms,
  renderInApp,
  renderStaffEmail,
} from '../rules/templates';
import { FanOutRepository, InquiryOwnerRow, NewMessage, RecipientRow } from './fan-out.repository';

/** An inquiry's owner, read at most once per fan-out (as the audience and for the words). */
type OwnerOf = (inquiryId: string) => Promise<InquiryOwnerRow | null>;

/** What one planned message says to one recipient, before the channel is chosen. */
interface Addressed {
  recipient: RecipientRow;
  input: InAppInput;
  caseId: string | null;
  inquiryId: string | null;
}

export interface FanOutResult {
  /** False when the event had been fanned out before: nothing was written again. */
  fresh: boolean;
  messages: number;
  skippedReason: string | null;
}

/**
 * Turns one outbox event into its messages: one row per (event, recipient, channel), written in
 * one transaction with the event's fan-out record, then one delivery job per e-mail and SMS.
 * Run again for the same event (a retried or re-added job), it writes nothing and only makes
 * sure the deliveries still waiting are queued.
 */
@Injectable()
export class FanOutService {
  private readonly logger = new Logger(FanOutService.name);

  constructor(
    private readonly repository: FanOutRepository,
    private readonly queues: NotificationQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async fanOut(event: FanOutJobData): Promise<FanOutResult> {
    const plan = planEvent(event.type, event.payload);
    const messages = await this.compose(plan.ok ? plan.messages : []);
    const skippedReason = plan.ok ? null : plan.reason;
    if (skippedReason) this.logger.warn({ eventId: event.eventId, reason: skippedReason }, 'event not fanned out');
    // The messages are written in order of the change (created_at = when it happened), so the
    // inbox reads in that order whatever order the events were fanned out in.
    const written = await this.repository.recordFanOut(
      { eventId: event.eventId, type: event.type, occurredAt: event.occurredAt, skippedReason },
      messages,
    );
    const fresh = written !== null;
    // Fanned out before (a retried or re-added job): only make sure its deliveries are queued.
    const pending = written ?? (await this.repository.queuedDeliveries(event.eventId));
    await this.queues.addDeliveries(pending, event.requestId);
    this.logger.log(
      { eventId: event.eventId, type: event.type, requestId: event.requestId, messages: messages.length, fresh },
      'event fanned out',
    );
    return { fresh, messages: messages.length, skippedReason };
  }

  /** Every message of the plan, once per (recipient, channel). */
  async compose(planned: PlannedMessage[]): Promise<NewMessage[]> {
    const out: NewMessage[] = [];
    const seen = new Set<string>();
    const owners = new Map<string, Promise<InquiryOwnerRow | null>>();
    const ownerOf: OwnerOf = (inquiryId) => {
      let owner = owners.get(inquiryId);
      if (owner === undefined) owners.set(inquiryId, (owner = this.repository.inquiryOwner(inquiryId)));
      return owner;
    };
    for (const message of planned) {
      const recipients = await this.resolve(message.audience, ownerOf);
      if (recipients.length === 0) continue;
      for (const addressed of await this.address(message.content, recipients, ownerOf)) {
        const { recipient, input } = addressed;
        const inApp = renderInApp(input, recipient.language);
        for (const channel of channelsFor(
          {
            email: recipient.email,
            phone: recipient.phone,
            wantsEmail: recipient.wants_email,
            wantsSms: recipient.wants_sms,
          },
          this.config.smsEnabled,
        )) {
          const key = `${recipient.user_id}:${channel}`;
          if (seen.has(key)) continue;
          const text = this.textFor(channel, input.kind, recipient, inApp);
          if (!text) continue;
          seen.add(key);
          out.push({
            kind: input.kind,
            recipientId: recipient.user_id,
            channel,
            language: recipient.language,
            caseId: addressed.caseId,
            inquiryId: addressed.inquiryId,
            title: text.title,
            body: text.body,
          });
        }
      }
    }
    return out;
  }

  private textFor(
    channel: 'in_app' | 'email' | 'sms',
    kind: MessageKind,
    recipient: RecipientRow,
    inApp: { title: string; body: string },
  ): { title: string; body: string } | null {
    const url = this.config.publicUrl;
    if (channel === 'in_app') return inApp;
    if (isStaffKind(kind)) return channel === 'email' ? renderStaffEmail(kind, recipient.language, url) : null;
    // A family message always concerns one of their inquiries: its reference is all e-mail and SMS name.
    if (!recipient.reference) return null;
    if (channel === 'email') return renderFamilyEmail(recipient.reference, recipient.language, url);
    return { title: 'SMS', body: renderFamilySms(recipient.reference, recipient.language, url) };
  }

  private async resolve(audience: Audience, ownerOf: OwnerOf): Promise<RecipientRow[]> {
    switch (audience.kind) {
      case 'case_family':
        return this.repository.caseFamily(audience.caseId);
      case 'inquiry_owner': {
        const owner = await ownerOf(audience.inquiryId);
        // A withdrawn inquiry is not followed any more.
        return owner && owner.status !== 'withdrawn' ? [owner] : [];
      }
      case 'staff':
        return this.repository.staff([audience.userId]);
      case 'case_holder': {
        const holder = (await this.repository.caseAssignee(audience.caseId)) ?? audience.assigneeId;
        const staff = holder ? await this.repository.staff([holder]) : [];
        return staff.length > 0 ? staff : this.repository.council();
      }
      case 'council':
        return this.repository.council();
      default: {
        const never: never = audience;
        throw new Error(`Unknown audience ${String(never)}`);
      }
    }
  }

  /** The words of the message for each recipient, with what it is about (for the staff view of a case). */
  private async address(content: Content, recipients: RecipientRow[], ownerOf: OwnerOf): Promise<Addressed[]> {
    const family = (input: (reference: string) => InAppInput, caseId: string | null): Addressed[] =>
      recipients
        .filter((r) => r.reference !== null)
        .map((r) => ({ recipient: r, input: input(r.reference!), caseId, inquiryId: r.inquiry_id }));
    switch (content.kind) {
      case 'inquiry.received':
      case 'inquiry.kinship_verified':
      case 'inquiry.linked':
      case 'inquiry.rejected': {
        const owner = await ownerOf(content.inquiryId);
        if (!owner) return [];
        const reference = owner.reference!;
        const input: InAppInput =
          content.kind === 'inquiry.linked'
            ? { kind: content.kind, reference, kinshipVerified: owner.kinship === 'verified' }
            : content.kind === 'inquiry.rejected'
              ? { kind: content.kind, reference, reason: owner.rejection_reason }
              : { kind: content.kind, reference };
        return recipients.map((r) => ({ recipient: r, input, caseId: owner.case_id, inquiryId: owner.inquiry_id }));
      }
      case 'case.status_changed':
        return family((reference) => ({ kind: content.kind, reference, status: content.status }), content.caseId);
      case 'case.contact_pending':
        return family((reference) => ({ kind: content.kind, reference }), content.caseId);
      case 'case.note_shared': {
        const note = await this.repository.sharedNote(content.noteId);
        if (note === null) return [];
        return family((reference) => ({ kind: content.kind, reference, note }), content.caseId);
      }
      case 'staff.cases_assigned':
      case 'staff.overdue_reminder': {
        const found = await this.repository.caseReferences(content.caseIds);
        if (found.length === 0) return [];
        const caseId = found.length === 1 ? found[0].id : null;
        const input: InAppInput = { kind: content.kind, caseReferences: found.map((c) => c.reference) };
        return recipients.map((r) => ({ recipient: r, input, caseId, inquiryId: null }));
      }
      case 'staff.in_person_task': {
        const [found] = await this.repository.caseReferences([content.caseId]);
        if (!found) return [];
        const input: InAppInput = { kind: content.kind, caseReference: found.reference, reason: content.reason };
        return recipients.map((r) => ({ recipient: r, input, caseId: found.id, inquiryId: null }));
      }
      case 'staff.overdue_digest': {
        const input: InAppInput = {
          kind: content.kind,
          overdueCount: content.overdueCount,
          assignees: content.assignees,
        };
        return recipients.map((r) => ({ recipient: r, input, caseId: null, inquiryId: null }));
      }
      default: {
        const never: never = content;
        throw new Error(`Unknown content ${String(never)}`);
      }
    }
  }
}
