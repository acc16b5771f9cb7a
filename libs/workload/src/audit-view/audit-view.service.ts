import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { decodeTimeKeyset, DEFAULT_PAGE_SIZE, DomainError, Page, SEQUENCE_TEXT, toPage } from '@app/core';
import { AuthUser } from '@app/identity';
import { AuditViewRepository } from './audit-view.repository';
import { AuditEntryResponse, ListAuditQuery, toAuditEntryResponse } from './dto/audit-view.dto';

/** Who saw and changed what: the audit trail, filtered and paged. Reading it is itself audited. */
@Injectable()
export class AuditViewService {
  constructor(
    private readonly repository: AuditViewRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      throw DomainError.validation([{ field: 'to', rule: 'afterFrom', message: 'to must be later than from' }]);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeTimeKeyset(query.cursor, SEQUENCE_TEXT);
    const filter = {
      actorId: query.actorId,
      entity: query.entity,
      entityId: query.entityId,
      action: query.action,
      from: query.from,
      to: query.to,
    };
    const rows = await this.repository.listPage(filter, after, limit);
    const page = toPage(rows, limit, toAuditEntryResponse, (r) => [r.cursor_at, r.id]);
    await this.audit.record({
      actor: user,
      action: 'audit.read',
      entity: 'audit',
      requestId: user.requestId,
      details: { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) },
    });
    return page;
  }
}
