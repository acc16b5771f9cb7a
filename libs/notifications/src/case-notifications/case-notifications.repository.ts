import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Channel, DeliveryState, MessageKind } from '../notification-types';

export interface CaseNotificationRow {
  id: string;
  event_type: string;
  kind: MessageKind;
  recipient_id: string;
  recipient_role: string;
  channel: Channel;
  state: DeliveryState;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  read_at: Date | null;
  cursor_at: string;
}

/** Delivery states of the messages about one case and the inquiries linked to it (never their text). */
@Injectable()
export class CaseNotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async caseExists(caseId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM cases WHERE id = $1`, [caseId]);
    return rows.length === 1;
  }

  page(
    caseId: string,
    filter: { state?: DeliveryState; channel?: Channel },
    after: [string, string] | null,
    limit: number,
  ): Promise<CaseNotificationRow[]> {
    return this.dataSource.query(
      `SELECT n.id, n.event_type, n.kind, n.recipient_id, u.role AS recipient_role, n.channel, n.state, n.attempts,
              n.last_error, n.created_at, n.sent_at, n.read_at, n.created_at::text AS cursor_at
         FROM notifications n
         JOIN users u ON u.id = n.recipient_id
        WHERE (n.case_id = $1 OR n.inquiry_id IN (SELECT i.id FROM inquiries i WHERE i.case_id = $1))
          AND ($2::text IS NULL OR n.state = $2)
          AND ($3::text IS NULL OR n.channel = $3)
          AND ($4::timestamptz IS NULL OR (n.created_at, n.id) < ($4::timestamptz, $5::uuid))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $6`,
      [caseId, filter.state ?? null, filter.channel ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }
}
