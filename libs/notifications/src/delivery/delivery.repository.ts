import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Channel, DeliveryState, Language } from '../notification-types';
import { prepared } from '../prepared';

export interface ClaimedDelivery {
  id: string;
  channel: Channel;
  recipient_id: string;
  language: Language;
  title: string;
  body: string;
  /** The claim's number: marking the outcome only counts for this claim. */
  attempts: number;
  email: string | null;
  phone: string | null;
}

/** The delivery state of one message: claimed with a lease, then sent, failed or dead. */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes a message that is still to send (queued, failed, or claimed by a worker whose lease ran
   * out) and marks it `sending` with a lease, in one statement: two workers cannot both claim it.
   * The address is read now, so a changed address is used and none is stored with the message.
   */
  async claim(id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
    const rows: ClaimedDelivery[] = await prepared(
      this.dataSource,
      'claim',
      `WITH c AS (
         UPDATE notifications n
            SET state = 'sending', attempts = n.attempts + 1, updated_at = now(),
                lease_until = now() + make_interval(secs => $2::double precision / 1000)
          WHERE n.id = $1 AND n.channel <> 'in_app'
            AND (n.state IN ('queued', 'failed') OR (n.state = 'sending' AND n.lease_until < now()))
          RETURNING n.id, n.channel, n.recipient_id, n.language, n.title, n.body, n.attempts
       )
       SELECT c.*, u.email, u.phone FROM c JOIN users u ON u.id = c.recipient_id`,
      [id, leaseMs],
    );
    return rows[0] ?? null;
  }

  async current(id: string): Promise<{ state: DeliveryState; lease_until: Date | null } | null> {
    const rows: { state: DeliveryState; lease_until: Date | null }[] = await prepared(
      this.dataSource,
      'current',
      `SELECT state, lease_until FROM notifications WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** False when the claim was lost meanwhile (its lease ran out and another worker took it). */
  async markSent(id: string, attempts: number): Promise<boolean> {
    const rows: unknown[] = await prepared(
      this.dataSource,
      'mark-sent',
      `WITH s AS (
         UPDATE notifications
            SET state = 'sent', sent_at = now(), updated_at = now(), lease_until = NULL, last_error = NULL
          WHERE id = $1 AND state = 'sending' AND attempts = $2
          RETURNING id
       ) SELECT id FROM s`,
      [id, attempts],
    );
    return rows.length === 1;
  }

  async markFailed(id: string, attempts: number, state: 'failed' | 'dead', error: string): Promise<boolean> {
    const rows: unknown[] = await prepared(
      this.dataSource,
      'mark-failed',
      `WITH f AS (
         UPDATE notifications
            SET state = $3, last_error = $4, updated_at = now(), lease_until = NULL
          WHERE id = $1 AND state = 'sending' AND attempts = $2
          RETURNING id
       ) SELECT id FROM f`,
      [id, attempts, state, error],
    );
    return rows.length === 1;
  }
}
