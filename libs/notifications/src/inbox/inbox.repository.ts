import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessageKind } from '../notification-types';

export interface InboxRow {
  id: string;
  kind: MessageKind;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
  case_id: string | null;
  inquiry_id: string | null;
  cursor_at: string;
}

const COLUMNS = `id, kind, title, body, created_at, read_at, case_id, inquiry_id, created_at::text AS cursor_at`;

/** A user's in-app messages: the only rows of the table a family ever reads. */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first; `limit + 1` rows so that the caller knows whether a page follows. */
  page(
    recipientId: string,
    options: { unreadOnly: boolean; after: [string, string] | null; limit: number },
  ): Promise<InboxRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}
         FROM notifications
        WHERE recipient_id = $1 AND channel = 'in_app'
          AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $5`,
      [recipientId, options.unreadOnly, options.after?.[0] ?? null, options.after?.[1] ?? null, options.limit + 1],
    );
  }

  async unreadCount(recipientId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [recipientId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Marks one of the recipient's own in-app messages read (the first reading time is kept). */
  async markRead(id: string, recipientId: string): Promise<InboxRow | null> {
    const rows: InboxRow[] = await this.dataSource.query(
      `WITH r AS (
         UPDATE notifications SET read_at = COALESCE(read_at, now())
          WHERE id = $1 AND recipient_id = $2 AND channel = 'in_app'
          RETURNING ${COLUMNS}
       ) SELECT * FROM r`,
      [id, recipientId],
    );
    return rows[0] ?? null;
  }
}
