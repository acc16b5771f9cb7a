import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { decodeTimeKeyset, DEFAULT_PAGE_SIZE, DomainError, Page, toPage, UUID_TEXT } from '@app/core';
import { assertCanChange, AuthUser } from '@app/identity';
import { ContactsRepository } from './contacts.repository';
import { contactInquiryProblem, contactTimeProblem, sharedContactProblem } from './contacts.rules';
import {
  ContactResponse,
  ListContactsQuery,
  LoggedContactResponse,
  LogContactDto,
  toContactResponse,
} from './dto/contact.dto';

/** Contacts with a case's family: each one resets the no-news clock the overdue rule reads. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The assigned caseworker or council only, as for every other change to a case; one transaction. */
  async log(user: AuthUser, caseId: string, dto: LogContactDto): Promise<LoggedContactResponse> {
    const problems = [contactTimeProblem(dto.contactedAt, new Date()), sharedContactProblem(dto)].filter(
      (p) => p !== null,
    );
    if (problems.length > 0) throw DomainError.validation(problems);
    return this.contacts.transaction(async (m) => {
      const found = await this.contacts.findCaseForUpdate(m, caseId);
      if (!found) throw DomainError.notFound('Case');
      assertCanChange(
        user,
        found.assignee_id,
        'cases:change_any',
        'Only the assigned caseworker or council may log a contact on this case',
      );
      if (found.merged_into_id) {
        throw new DomainError('unprocessable', 'This case was merged into another', {
          mergedIntoId: found.merged_into_id,
        });
      }
      if (dto.inquiryId) {
        const problem = contactInquiryProblem(
          dto.visibility,
          await this.contacts.inquiryOfCase(m, dto.inquiryId, caseId),
        );
        if (problem) throw DomainError.validation([problem]);
      }
      const row = await this.contacts.insert(m, {
        caseId,
        inquiryId: dto.inquiryId ?? null,
        authorId: user.id,
        channel: dto.channel,
        visibility: dto.visibility,
        summary: dto.summary,
        contactedAt: dto.contactedAt ?? null,
      });
      const lastFamilyNewsAt = await this.contacts.resetNewsClock(m, caseId, row.contacted_at);
      await this.audit.record(
        {
          actor: user,
          action: 'case.contact',
          entity: 'case',
          entityId: caseId,
          requestId: user.requestId,
          details: { contactId: row.id, channel: row.channel, visibility: row.visibility, inquiryId: row.inquiry_id },
        },
        m,
      );
      return { ...toContactResponse(row), lastFamilyNewsAt: lastFamilyNewsAt.toISOString() };
    });
  }

  async list(user: AuthUser, caseId: string, query: ListContactsQuery): Promise<Page<ContactResponse>> {
    if (!(await this.contacts.caseExists(caseId))) throw DomainError.notFound('Case');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeTimeKeyset(query.cursor, UUID_TEXT);
    const rows = await this.contacts.listPage(caseId, after, limit);
    const page = toPage(rows, limit, toContactResponse, (r) => [r.cursor_at, r.id]);
    await this.audit.record({
      actor: user,
      action: 'case.read_contacts',
      entity: 'case',
      entityId: caseId,
      requestId: user.requestId,
      details: { ids: page.items.map((i) => i.id) },
    });
    return page;
  }
}
