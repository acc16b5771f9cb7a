import { Injectable } from '@nestjs/common';
import { decodeTimeKeyset, DEFAULT_PAGE_SIZE, DomainError, toPage, UUID_TEXT } from '@app/core';
import { AuthUser, isStaff } from '@app/identity';
import { InboxItem, InboxPage, InboxQuery, toInboxItem } from './dto/inbox.dto';
import { InboxRepository } from './inbox.repository';

/** The signed-in user's own in-app messages; anybody else's are as absent as a missing id. */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  async list(user: AuthUser, query: InboxQuery): Promise<InboxPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeTimeKeyset(query.cursor, UUID_TEXT);
    const [rows, unread] = await Promise.all([
      this.inbox.page(user.id, { unreadOnly: query.unread === true, after, limit }),
      this.inbox.unreadCount(user.id),
    ]);
    const family = !isStaff(user.role);
    return {
      ...toPage(
        rows,
        limit,
        (r) => toInboxItem(r, family),
        (r) => [r.cursor_at, r.id],
      ),
      unread,
    };
  }

  async markRead(user: AuthUser, id: string): Promise<InboxItem> {
    const row = await this.inbox.markRead(id, user.id);
    if (!row) throw DomainError.notFound('Notification');
    return toInboxItem(row, !isStaff(user.role));
  }
}
