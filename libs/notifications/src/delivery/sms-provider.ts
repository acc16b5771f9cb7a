import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { PermanentDeliveryError } from '../rules/delivery-rules';

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

export interface OutgoingSms {
  notificationId: string;
  to: string;
  text: string;
}

/** Any SMS gateway: send or throw (a PermanentDeliveryError when retrying cannot help). */
export interface SmsProvider {
  readonly name: string;
  send(sms: OutgoingSms): Promise<void>;
}

const TIMEOUT_MS = 10_000;

/**
 * POSTs `{to, text, reference}` as JSON to SMS_WEBHOOK_URL with `Authorization: Bearer
 * SMS_WEBHOOK_TOKEN` and `Idempotency-Key: <notification id>`, so that a gateway that honours
 * the key drops a repeat. 2xx is sent; 4xx (but 408 and 429) is permanent; the rest is retried.
 */
export class WebhookSmsProvider implements SmsProvider {
  readonly name = 'webhook';

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
  ) {}

  async send(sms: OutgoingSms): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': sms.notificationId,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.notificationId }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return;
    const message = `SMS provider answered ${response.status}`;
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      throw new PermanentDeliveryError(message);
    }
    throw new Error(message);
  }
}

/** Development without a webhook: logs that a message would go, never its number or text. */
export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  private readonly logger = new Logger('SmsLog');

  async send(sms: OutgoingSms): Promise<void> {
    this.logger.log({ notificationId: sms.notificationId }, 'SMS not sent (no SMS_WEBHOOK_URL)');
  }
}

/**
 * SMS turned off (`SMS_ENABLED=false`): no SMS is planned any more, and one planned before the
 * switch fails with the reason instead of being reported as sent.
 */
class DisabledSmsProvider implements SmsProvider {
  readonly name = 'none';
  async send(): Promise<void> {
    throw new PermanentDeliveryError('SMS is turned off (SMS_ENABLED=false)');
  }
}

/** Production always has a provider or SMS turned off (the configuration refuses anything else). */
export function createSmsProvider(config: AppConfig): SmsProvider {
  if (!config.smsEnabled) return new DisabledSmsProvider();
  if (config.smsWebhookUrl) return new WebhookSmsProvider(config.smsWebhookUrl, config.smsWebhookToken);
  return new LogSmsProvider();
}
