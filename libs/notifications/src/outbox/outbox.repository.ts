import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ExternalChannel } from '../notification-types';
import { prepared } from '../prepared';

export interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  request_id: string | null;
  created_at: Date;
}

/** The outbox table (written by every context through `appendOutbox`) as the relay and the sweep read it. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Oldest pending events, locked; rows another relay holds are skipped, not waited for. */
  claimPending(m: EntityManager, limit: number): Promise<OutboxRow[]> {
    return prepared(
      m,
      'claim-pending',
      `SELECT id, type, aggregate_id, payload, request_id, created_at
         FROM outbox_events
        WHERE dispatched_at IS NULL
        ORDER BY created_at, id
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markDispatched(m: EntityManager, ids: string[]): Promise<void> {
    await prepared(m, 'mark-dispatched', `UPDATE outbox_events SET dispatched_at = now() WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  /** Only one replica at a time runs a sweep or a prune; the others skip it. */
  async tryLock(m: EntityManager, name: string): Promise<boolean> {
    const rows: { locked: boolean }[] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
      `notifications.${name}`,
    ]);
    return rows[0]?.locked === true;
  }

  /** Dispatched, yet never fanned out: the queue lost the job (Redis restarted empty, or the job gave up). */
  dispatchedNotFannedOut(m: EntityManager, olderThanMs: number, withinMs: number, limit: number): Promise<OutboxRow[]> {
    return m.query(
      `SELECT o.id, o.type, o.aggregate_id, o.payload, o.request_id, o.created_at
         FROM outbox_events o
        WHERE o.dispatched_at IS NOT NULL
          AND o.dispatched_at < now() - make_interval(secs => $1::double precision / 1000)
          AND o.dispatched_at > now() - make_interval(secs => $2::double precision / 1000)
          AND NOT EXISTS (SELECT 1 FROM notification_events e WHERE e.event_id = o.id)
        ORDER BY o.dispatched_at
        LIMIT $3`,
      [olderThanMs, withinMs, limit],
    );
  }

  /** E-mail and SMS with no progress for a while: waiting, retrying, or claimed by a worker that died. */
  stalledDeliveries(
    m: EntityManager,
    olderThanMs: number,
    limit: number,
  ): Promise<{ id: string; channel: ExternalChannel }[]> {
    return m.query(
      `SELECT n.id, n.channel
         FROM notifications n
        WHERE n.state IN ('queued', 'sending', 'failed')
          AND n.updated_at < now() - make_interval(secs => $1::double precision / 1000)
          AND (n.state <> 'sending' OR n.lease_until < now())
        ORDER BY n.updated_at
        LIMIT $2`,
      [olderThanMs, limit],
    );
  }

  /** Deletes dispatched events older than the retention whose messages exist; returns how many went. */
  async pruneDispatched(retentionMs: number, batch: number): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `WITH doomed AS (
         SELECT o.id FROM outbox_events o
          WHERE o.dispatched_at < now() - make_interval(secs => $1::double precision / 1000)
            AND EXISTS (SELECT 1 FROM notification_events e WHERE e.event_id = o.id)
          LIMIT $2
       ), gone AS (
         DELETE FROM outbox_events o USING doomed d WHERE o.id = d.id RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
      [retentionMs, batch],
    );
    return rows[0]?.n ?? 0;
  }
}
