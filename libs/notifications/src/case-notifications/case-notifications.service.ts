import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { decodeTimeKeyset, DEFAULT_PAGE_SIZE, DomainError, Page, toPage, UUID_TEXT } from '@app/core';
import { AuthUser } from '@app/identity';
import { CaseNotificationsRepository } from './case-notifications.repository';
import { CaseNotificationItem, CaseNotificationsQuery, toCaseNotificationItem } from './dto/case-notifications.dto';

@Injectable()
export class CaseNotificationsService {
  constructor(
    private readonly repository: CaseNotificationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Who was told what kind of news about a case, on which channel, and how delivery went; audited. */
  async list(user: AuthUser, caseId: string, query: CaseNotificationsQuery): Promise<Page<CaseNotificationItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeTimeKeyset(query.cursor, UUID_TEXT);
    if (!(await this.repository.caseExists(caseId))) throw DomainError.notFound('Case');
    const rows = await this.repository.page(caseId, { state: query.state, channel: query.channel }, after, limit);
    await this.audit.record({
      actor: user,
      action: 'case.notifications_read',
      entity: 'case',
      entityId: caseId,
      requestId: user.requestId,
    });
    return toPage(rows, limit, toCaseNotificationItem, (r) => [r.cursor_at, r.id]);
  }
}
