import { Channel } from '../notification-types';

/** Pure rules of delivery: which channels a recipient gets, and what a failure means. */

export interface ChannelChoice {
  email: string | null;
  phone: string | null;
  wantsEmail: boolean;
  wantsSms: boolean;
}

/**
 * In-app always; e-mail and SMS when chosen and the address or number is known, and SMS only
 * where this deployment sends SMS at all (`SMS_ENABLED`).
 */
export function channelsFor(choice: ChannelChoice, smsEnabled = true): Channel[] {
  const channels: Channel[] = ['in_app'];
  if (choice.wantsEmail && choice.email) channels.push('email');
  if (smsEnabled && choice.wantsSms && choice.phone) channels.push('sms');
  return channels;
}

/** A failure that another attempt cannot fix (a refused address, a missing number). */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

export interface DeliveryFailure {
  permanent: boolean;
  /** Safe to store and show to staff: addresses and numbers are masked. */
  message: string;
}

const MAX_ERROR_LENGTH = 500;

/** Masks e-mail addresses and phone numbers that an SMTP server or provider echoes back. */
export function redact(text: string): string {
  return text
    .replace(/<?[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+>?/g, '<address>')
    .replace(/\+?\d[\d ()-]{6,}\d/g, '<number>')
    .slice(0, MAX_ERROR_LENGTH);
}

/**
 * SMTP replies 5xx are permanent (the server will refuse again); 4xx and network errors are
 * transient and worth retrying with back-off.
 */
export function classifyFailure(error: unknown): DeliveryFailure {
  if (error instanceof PermanentDeliveryError) return { permanent: true, message: redact(error.message) };
  const e = (error ?? {}) as { message?: unknown; code?: unknown; responseCode?: unknown; response?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' ? e.code : null;
  const text = typeof e.response === 'string' && e.response ? e.response : String(e.message ?? 'unknown error');
  const permanent = responseCode !== null && responseCode >= 500 && responseCode < 600;
  const withCode = responseCode !== null && !text.startsWith(String(responseCode)) ? `${responseCode} ${text}` : text;
  return { permanent, message: redact(code ? `${withCode} (${code})` : withCode) };
}

/** After a failed attempt: retried later, or given up with the error kept. */
export function stateAfterFailure(attempts: number, maxAttempts: number, permanent: boolean): 'failed' | 'dead' {
  return permanent || attempts >= maxAttempts ? 'dead' : 'failed';
}
