import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface NotificationStats {
  outboxPending: number;
  outboxOldestSeconds: number;
  deliveries: { channel: string; state: string; n: number }[];
}

/** Depth and failures, read from the database (the record of what is still to do), through partial indexes. */
@Injectable()
export class MonitoringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(): Promise<NotificationStats> {
    const [outbox, deliveries] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS pending,
                COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
           FROM outbox_events WHERE dispatched_at IS NULL`,
      ) as Promise<{ pending: number; oldest: number }[]>,
      this.dataSource.query(
        `SELECT channel, state, count(*)::int AS n FROM notifications
          WHERE state IN ('queued', 'sending', 'failed') GROUP BY channel, state
         UNION ALL
         SELECT channel, 'dead', count(*)::int FROM notifications WHERE state = 'dead' GROUP BY channel`,
      ) as Promise<{ channel: string; state: string; n: number }[]>,
    ]);
    return { outboxPending: outbox[0].pending, outboxOldestSeconds: outbox[0].oldest, deliveries };
  }
}
