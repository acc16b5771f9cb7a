import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG, DEFAULT_JOB_OPTIONS } from '@app/core';
import { DeliveryState } from '../notification-types';
import { classifyFailure, PermanentDeliveryError, stateAfterFailure } from '../rules/delivery-rules';
import { ClaimedDelivery, DeliveryRepository } from './delivery.repository';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { SMS_PROVIDER, SmsProvider } from './sms-provider';

/** Longer than any single send can take (SMTP and webhook timeouts are 10 s), so a live claim is never taken over. */
export const LEASE_MS = 20_000;
export const MAX_ATTEMPTS = DEFAULT_JOB_OPTIONS.attempts ?? 5;

export type DeliveryOutcome =
  | { result: 'sent'; attempts: number }
  /** Already sent or dead, or not an external message: nothing to do. */
  | { result: 'skipped'; state: DeliveryState | 'missing' }
  /** Another worker holds the claim: try again when its lease ends. */
  | { result: 'busy'; until: Date }
  | { result: 'failed'; state: 'failed' | 'dead'; attempts: number; error: string };

/**
 * Sends one message at most once per claim: the claim (queued/failed → sending, with a lease)
 * and the outcome (sending → sent/failed/dead) are single statements. The only window for a
 * second copy is a crash after the SMTP server or gateway accepted the message and before
 * `sent` is written; the message is then sent again once the lease ends (at-least-once), with
 * the same Message-ID / Idempotency-Key so that the receiving side can drop the repeat.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly messageHost: string;

  constructor(
    private readonly repository: DeliveryRepository,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.messageHost = new URL(config.publicUrl).hostname || 'portal.local';
  }

  async deliver(notificationId: string, requestId: string | null = null): Promise<DeliveryOutcome> {
    const claim = await this.repository.claim(notificationId, LEASE_MS);
    if (!claim) {
      const now = await this.repository.current(notificationId);
      if (now?.state === 'sending' && now.lease_until && now.lease_until.getTime() > Date.now()) {
        return { result: 'busy', until: now.lease_until };
      }
      return { result: 'skipped', state: now?.state ?? 'missing' };
    }
    try {
      await this.send(claim);
    } catch (error) {
      const failure = classifyFailure(error);
      const state = stateAfterFailure(claim.attempts, MAX_ATTEMPTS, failure.permanent);
      await this.repository.markFailed(claim.id, claim.attempts, state, failure.message);
      this.logger.warn(
        { notificationId: claim.id, channel: claim.channel, attempts: claim.attempts, state, requestId },
        'delivery failed',
      );
      return { result: 'failed', state, attempts: claim.attempts, error: failure.message };
    }
    if (!(await this.repository.markSent(claim.id, claim.attempts))) {
      this.logger.warn({ notificationId: claim.id }, 'delivery sent after its claim was taken over');
    }
    this.logger.log(
      { notificationId: claim.id, channel: claim.channel, attempts: claim.attempts, requestId },
      'delivery sent',
    );
    return { result: 'sent', attempts: claim.attempts };
  }

  private async send(claim: ClaimedDelivery): Promise<void> {
    if (claim.channel === 'email') {
      if (!claim.email) throw new PermanentDeliveryError('The recipient has no e-mail address');
      await this.mail.send({
        notificationId: claim.id,
        to: claim.email,
        subject: claim.title,
        text: claim.body,
        messageId: `<${claim.id}@${this.messageHost}>`,
      });
      return;
    }
    if (claim.channel === 'sms') {
      if (!claim.phone) throw new PermanentDeliveryError('The recipient has no phone number');
      await this.sms.send({ notificationId: claim.id, to: claim.phone, text: claim.body });
      return;
    }
    throw new PermanentDeliveryError(`Nothing delivers channel ${claim.channel}`);
  }
}
