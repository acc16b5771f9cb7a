import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  AppConfig,
  APP_CONFIG,
  appendOutbox,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  DomainError,
  Page,
  RateLimiter,
  toPage,
} from '@app/core';
import { assertCanRead, AuthUser, can } from '@app/identity';
import { EntityManager } from 'typeorm';
import { CasesRepository } from '../cases/cases.repository';
import { toPersonRecord } from '../person-record';
import { assertPerson } from '../person-rules';
import { CaseSearchService } from '../search/case-search.service';
import { IN_PERSON_STATUSES, INTERNAL_STATUSES } from '../status/case-status';
import { CreateInquiryDto } from './dto/create-inquiry.dto';
import { InquiryStatus, ListInquiriesQuery } from './dto/inquiry-actions.dto';
import {
  CreatedInquiryResponse,
  InquiryResponse,
  MatchItem,
  TimelineItem,
  toInquiryResponse,
  toStaffInquiryResponse,
} from './dto/inquiry.response';
import { InquiriesRepository, InquiryRow } from './inquiries.repository';

const OPEN_FOR_TRIAGE: readonly InquiryStatus[] = ['submitted', 'in_review'];
const CONTACT_PENDING_TEXT = 'Your caseworker will contact you in person.';

@Injectable()
export class InquiriesService {
  constructor(
    private readonly inquiries: InquiriesRepository,
    private readonly cases: CasesRepository,
    private readonly search: CaseSearchService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateInquiryDto): Promise<CreatedInquiryResponse> {
    const person = toPersonRecord(dto.person, dto.disappearance);
    assertPerson(person);
    await this.limiter.consume(
      `inquiry:${user.id}`,
      this.config.inquiryMaxPerAccount,
      this.config.inquiryWindowSeconds,
      'Too many inquiries from this account; try again later or contact the Coordination Staff',
    );
    const row = await this.inquiries.transaction(async (m) => {
      const created = await this.inquiries.insert(m, user.id, person, {
        relationship: dto.relationship,
        notifyEmail: dto.channels?.email ?? false,
        notifySms: dto.channels?.sms ?? false,
      });
      await this.inquiries.addEvent(m, created.id, 'received', user.id);
      await appendOutbox(m, [
        {
          type: 'inquiry.received',
          aggregateId: created.id,
          payload: { inquiryId: created.id },
          requestId: user.requestId,
        },
      ]);
      await this.audit.record(
        { actor: user, action: 'inquiry.create', entity: 'inquiry', entityId: created.id, requestId: user.requestId },
        m,
      );
      return created;
    });
    return { id: row.id, reference: row.reference, status: row.status };
  }

  async list(user: AuthUser, query: ListInquiriesQuery): Promise<Page<InquiryResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    if (!can(user.role, 'inquiries:read_all')) {
      const rows = await this.inquiries.listForOwner(user.id, after, limit);
      return toPage(rows, limit, toInquiryResponse, (r) => [r.cursor_at, r.id]);
    }
    const rows = await this.inquiries.listForStaff(query, after, limit);
    const page = toPage(rows, limit, toStaffInquiryResponse, (r) => [r.cursor_at, r.id]);
    await this.audit.record({
      actor: user,
      action: 'inquiry.list',
      entity: 'inquiry',
      requestId: user.requestId,
      details: { ids: page.items.map((i) => i.id) },
    });
    return page;
  }

  async get(user: AuthUser, id: string): Promise<InquiryResponse> {
    const row = await this.readable(user, id);
    if (!can(user.role, 'inquiries:read_all')) return toInquiryResponse(row);
    await this.audit.record({
      actor: user,
      action: 'inquiry.read',
      entity: 'inquiry',
      entityId: id,
      requestId: user.requestId,
    });
    return toStaffInquiryResponse(row);
  }

  async timeline(user: AuthUser, id: string): Promise<{ items: TimelineItem[] }> {
    const row = await this.readable(user, id);
    const items: TimelineItem[] = (await this.inquiries.events(id)).map((e) => ({
      type: e.type,
      at: e.at.toISOString(),
      ...(e.text ? { text: e.text } : {}),
    }));
    // The case's own news only once kinship is verified, and only while the inquiry is linked;
    // of the logged contacts, only the shared ones with this family.
    if (row.status === 'linked' && row.kinship === 'verified' && row.case_id) {
      const [history, notes, contacts] = await Promise.all([
        this.cases.familyVisibleHistory(row.case_id, INTERNAL_STATUSES),
        this.cases.notes(row.case_id, 'shared'),
        this.inquiries.sharedContacts(id, row.case_id),
      ]);
      for (const h of history) {
        const inPerson = (IN_PERSON_STATUSES as readonly string[]).includes(h.to_status);
        items.push({
          type: 'status',
          at: h.at.toISOString(),
          status: inPerson ? 'contact_pending' : h.to_status,
          ...(inPerson ? { text: CONTACT_PENDING_TEXT } : {}),
        });
      }
      for (const n of notes) items.push({ type: 'note', at: n.created_at.toISOString(), text: n.body });
      for (const c of contacts) items.push({ type: 'contact', at: c.contacted_at.toISOString(), text: c.summary });
    }
    items.sort((a, b) => a.at.localeCompare(b.at));
    return { items };
  }

  async withdraw(user: AuthUser, id: string, reason: string | undefined): Promise<InquiryResponse> {
    return this.inquiries.transaction(async (m) => {
      const row = await this.inquiries.findForUpdate(m, id);
      if (!row || row.owner_id !== user.id) throw DomainError.notFound('Inquiry');
      if (!['submitted', 'in_review', 'linked'].includes(row.status)) {
        throw new DomainError('invalid_transition', `An inquiry that is ${row.status} cannot be withdrawn`, {
          status: row.status,
          allowed: [],
        });
      }
      await this.inquiries.setStatus(m, id, { status: 'withdrawn', withdrawalReason: reason ?? null });
      await this.inquiries.addEvent(m, id, 'withdrawn', user.id);
      await this.audit.record(
        { actor: user, action: 'inquiry.withdraw', entity: 'inquiry', entityId: id, requestId: user.requestId },
        m,
      );
      return toInquiryResponse((await this.inquiries.findById(id, m))!);
    });
  }

  async startReview(user: AuthUser, id: string): Promise<InquiryResponse> {
    return this.changeForTriage(user, id, 'inquiry.review', async (m, row) => {
      if (row.status !== 'submitted') {
        throw new DomainError(
          'invalid_transition',
          `Only a submitted inquiry can be taken into review; it is ${row.status}`,
        );
      }
      await this.inquiries.setStatus(m, id, { status: 'in_review' });
      await this.inquiries.addEvent(m, id, 'in_review', user.id);
    });
  }

  async matches(user: AuthUser, id: string): Promise<{ items: MatchItem[] }> {
    const row = await this.readable(user, id);
    const found = await this.search.match({
      surname: row.surname,
      givenName: row.given_name,
      patronymic: row.patronymic,
      dateOfBirth: row.date_of_birth,
      militaryUnit: row.military_unit,
      serviceNumber: row.service_number,
    });
    return {
      items: found.map((f) => ({ caseId: f.row.id, reference: f.row.reference, score: f.score, reasons: f.reasons })),
    };
  }

  async link(user: AuthUser, id: string, caseId: string): Promise<InquiryResponse> {
    return this.changeForTriage(user, id, 'inquiry.link', async (m, row) => {
      assertOpenForTriage(row);
      const target = await this.cases.findForUpdate(m, caseId);
      if (!target) throw DomainError.notFound('Case');
      if (target.merged_into_id) {
        throw new DomainError('unprocessable', 'That case was merged into another; link to the surviving case', {
          mergedIntoId: target.merged_into_id,
        });
      }
      await this.linkWithin(m, user, row, caseId);
    });
  }

  /** Links an inquiry to a case inside the caller's transaction (also used when a case is opened from it). */
  async linkWithin(m: EntityManager, user: AuthUser, row: InquiryRow, caseId: string): Promise<void> {
    if (row.status === 'submitted') await this.inquiries.addEvent(m, row.id, 'in_review', user.id);
    await this.inquiries.setStatus(m, row.id, { status: 'linked', caseId });
    await this.inquiries.addEvent(m, row.id, 'linked', user.id);
    await this.cases.addHistory(m, {
      caseId,
      actorId: user.id,
      action: 'inquiry_linked',
      details: { inquiryId: row.id },
    });
    await this.cases.touch(m, caseId);
    await appendOutbox(m, [
      {
        type: 'inquiry.linked',
        aggregateId: row.id,
        payload: { inquiryId: row.id, caseId },
        requestId: user.requestId,
      },
    ]);
  }

  async reject(user: AuthUser, id: string, reason: string): Promise<InquiryResponse> {
    return this.changeForTriage(user, id, 'inquiry.reject', async (m, row) => {
      assertOpenForTriage(row);
      await this.inquiries.setStatus(m, id, { status: 'rejected', rejectionReason: reason });
      await this.inquiries.addEvent(m, id, 'rejected', user.id, reason);
      await appendOutbox(m, [
        { type: 'inquiry.rejected', aggregateId: id, payload: { inquiryId: id }, requestId: user.requestId },
      ]);
    });
  }

  async verifyKinship(user: AuthUser, id: string, method: string): Promise<InquiryResponse> {
    return this.changeForTriage(user, id, 'inquiry.verify_kinship', async (m, row) => {
      if (row.status === 'rejected' || row.status === 'withdrawn') {
        throw new DomainError('invalid_transition', `Kinship cannot be verified on an inquiry that is ${row.status}`);
      }
      if (row.kinship === 'verified') throw new DomainError('conflict', 'Kinship is already verified for this inquiry');
      await this.inquiries.verifyKinship(m, id, method, user.id);
      await this.inquiries.addEvent(m, id, 'kinship_verified', user.id);
      await appendOutbox(m, [
        {
          type: 'inquiry.kinship_verified',
          aggregateId: id,
          payload: { inquiryId: id, caseId: row.case_id },
          requestId: user.requestId,
        },
      ]);
    });
  }

  private async readable(user: AuthUser, id: string): Promise<InquiryRow> {
    const row = await this.inquiries.findById(id);
    assertCanRead(user, row ? { ownerId: row.owner_id } : null, 'Inquiry', 'inquiries:read_all');
    return row as InquiryRow;
  }

  private async changeForTriage(
    user: AuthUser,
    id: string,
    action: string,
    change: (m: EntityManager, row: InquiryRow) => Promise<void>,
  ): Promise<InquiryResponse> {
    return this.inquiries.transaction(async (m) => {
      const row = await this.inquiries.findForUpdate(m, id);
      if (!row) throw DomainError.notFound('Inquiry');
      await change(m, row);
      await this.audit.record({ actor: user, action, entity: 'inquiry', entityId: id, requestId: user.requestId }, m);
      return toStaffInquiryResponse((await this.inquiries.findById(id, m))!);
    });
  }
}

function assertOpenForTriage(row: InquiryRow): void {
  if (!OPEN_FOR_TRIAGE.includes(row.status)) {
    throw new DomainError(
      'invalid_transition',
      `The inquiry is ${row.status}; only a submitted or in-review inquiry can be linked or rejected`,
      {
        status: row.status,
      },
    );
  }
}
