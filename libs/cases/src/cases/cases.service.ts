import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { appendOutbox, decodeCursor, DEFAULT_PAGE_SIZE, DomainError, encodeCursor, toPage } from '@app/core';
import { assertCanChange, AuthUser, can } from '@app/identity';
import { EntityManager } from 'typeorm';
import { InquiriesRepository } from '../inquiries/inquiries.repository';
import { InquiriesService } from '../inquiries/inquiries.service';
import { PersonRecord } from '../person.dto';
import { assertPerson } from '../person-rules';
import { CaseSearchService } from '../search/case-search.service';
import { storedKeys } from '../search/name-keys';
import { CaseStatusService, staleVersion } from './case-status.service';
import { CaseRow, CaseSummaryRow, CasesRepository } from './cases.repository';
import { AddNoteDto, AssignCaseDto, ChangeStatusDto, ListCasesQuery, UpdateCaseDto } from './dto/case-requests.dto';
import {
  CaseDetailResponse,
  CasePageResponse,
  CaseSummaryResponse,
  CreatedCaseResponse,
  NoteItem,
  StatusChangedResponse,
  toCaseSummary,
  toHistoryItem,
  toNoteItem,
} from './dto/case.response';

const MAX_SEARCH_RESULTS = 400;

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly inquiries: InquiriesRepository,
    private readonly inquiriesService: InquiriesService,
    private readonly search: CaseSearchService,
    private readonly statusChanges: CaseStatusService,
    private readonly audit: AuditService,
  ) {}

  /** Opens a case for the person of an inquiry and links the inquiry to it. */
  async createFromInquiry(user: AuthUser, inquiryId: string): Promise<CreatedCaseResponse> {
    let newWords = 0;
    const created = await this.cases.transaction(async (m) => {
      const inquiry = await this.inquiries.findForUpdate(m, inquiryId);
      if (!inquiry) throw DomainError.notFound('Inquiry');
      if (inquiry.status !== 'submitted' && inquiry.status !== 'in_review') {
        throw new DomainError(
          'invalid_transition',
          `The inquiry is ${inquiry.status}; a case is opened only from a submitted or in-review inquiry`,
        );
      }
      const person: PersonRecord = {
        category: inquiry.category,
        surname: inquiry.surname,
        givenName: inquiry.given_name,
        patronymic: inquiry.patronymic,
        latinName: inquiry.latin_name,
        dateOfBirth: inquiry.date_of_birth,
        militaryUnit: inquiry.military_unit,
        rank: inquiry.rank,
        serviceNumber: inquiry.service_number,
        disappearanceDate: inquiry.disappearance_date,
        disappearancePlace: inquiry.disappearance_place,
        circumstances: inquiry.circumstances,
      };
      // A caseworker who opens a case takes it; council opens it unassigned for balancing.
      const assigneeId = user.role === 'caseworker' ? user.id : null;
      const row = await this.cases.insert(m, person, assigneeId);
      const { keys, words } = storedKeys(person);
      ({ newWords } = await this.cases.insertNameKeys(m, [row.id], [keys], [words]));
      await this.cases.addHistory(m, {
        caseId: row.id,
        actorId: user.id,
        action: 'created',
        to: 'registered',
        details: { fromInquiryId: inquiryId },
      });
      await this.inquiriesService.linkWithin(m, user, inquiry, row.id);
      await this.audit.record(
        {
          actor: user,
          action: 'case.create',
          entity: 'case',
          entityId: row.id,
          requestId: user.requestId,
          details: { fromInquiryId: inquiryId },
        },
        m,
      );
      return { id: row.id, reference: row.reference, status: row.status, version: row.version, assigneeId };
    });
    if (newWords > 0) await this.search.wordsAdded();
    return created;
  }

  async list(user: AuthUser, query: ListCasesQuery): Promise<CasePageResponse> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    let page: CasePageResponse;
    if (query.q) {
      const [offset] = (decodeCursor(query.cursor, 1) ?? [0]) as [number];
      if (!Number.isInteger(offset) || offset < 0 || offset > MAX_SEARCH_RESULTS) {
        throw DomainError.validation([
          { field: 'cursor', rule: 'isCursor', message: 'cursor is not a cursor this API gave' },
        ]);
      }
      const result = await this.search.search(query.q);
      const found = result.found.filter((f) => matchesFilter(f.row, query));
      const slice = found.slice(offset, offset + limit);
      page = {
        items: slice.map((f) => toCaseSummary(f.row, f.score)),
        nextCursor: offset + limit < Math.min(found.length, MAX_SEARCH_RESULTS) ? encodeCursor([offset + limit]) : null,
        truncated: result.truncated,
      };
    } else {
      const after = decodeCursor(query.cursor, 2) as [string, string] | null;
      const rows = await this.cases.listPage(
        {
          statuses: query.status,
          assigneeId: query.assigneeId,
          unassigned: query.unassigned,
          category: query.category,
          updatedFrom: query.updatedFrom,
          updatedTo: query.updatedTo,
        },
        query.sort === 'updated_asc' ? 'asc' : 'desc',
        after,
        limit,
      );
      page = toPage(
        rows,
        limit,
        (r) => toCaseSummary(r),
        (r) => [r.cursor_at, r.id],
      );
    }
    await this.audit.record({
      actor: user,
      action: 'case.list',
      entity: 'case',
      requestId: user.requestId,
      details: { ids: page.items.map((i) => i.id) },
    });
    return page;
  }

  async get(user: AuthUser, id: string): Promise<CaseDetailResponse> {
    const row = await this.cases.findById(id);
    if (!row) throw DomainError.notFound('Case');
    const [inquiries, notes, history] = await Promise.all([
      this.inquiries.listForCase(id),
      this.cases.notes(id),
      this.cases.history(id),
    ]);
    await this.audit.record({
      actor: user,
      action: 'case.read',
      entity: 'case',
      entityId: id,
      requestId: user.requestId,
    });
    return {
      ...toCaseSummary(row),
      category: row.category,
      disappearance: { date: row.disappearance_date, place: row.disappearance_place, circumstances: row.circumstances },
      createdAt: row.created_at.toISOString(),
      lastFamilyNewsAt: row.last_family_news_at.toISOString(),
      inquiries: inquiries.map((i) => ({
        id: i.id,
        reference: i.reference,
        status: i.status,
        relationship: i.relationship,
        kinship: i.kinship,
        inquirer: { id: i.owner_id, fullName: i.owner_name, email: i.owner_email, phone: i.owner_phone },
        channels: { email: i.notify_email, sms: i.notify_sms },
      })),
      notes: notes.map(toNoteItem),
      history: history.map(toHistoryItem),
    };
  }

  async history(user: AuthUser, id: string): Promise<{ items: ReturnType<typeof toHistoryItem>[] }> {
    const row = await this.cases.findById(id);
    if (!row) throw DomainError.notFound('Case');
    await this.audit.record({
      actor: user,
      action: 'case.read_history',
      entity: 'case',
      entityId: id,
      requestId: user.requestId,
    });
    return { items: (await this.cases.history(id)).map(toHistoryItem) };
  }

  async update(user: AuthUser, id: string, dto: UpdateCaseDto): Promise<CaseSummaryResponse> {
    let newWords = 0;
    const updated = await this.changeCase(user, id, async (m, row) => {
      const p = dto.person ?? {};
      const d = dto.disappearance ?? {};
      const pick = <T>(value: T | undefined | null, current: T | null): T | null =>
        value === undefined ? current : value;
      const next: PersonRecord = {
        category: p.category ?? row.category,
        surname: p.surname ?? row.surname,
        givenName: p.givenName ?? row.given_name,
        patronymic: pick(p.patronymic, row.patronymic),
        latinName: pick(p.latinName, row.latin_name),
        dateOfBirth: pick(p.dateOfBirth, row.date_of_birth),
        militaryUnit: pick(p.militaryUnit, row.military_unit),
        rank: pick(p.rank, row.rank),
        serviceNumber: pick(p.serviceNumber, row.service_number),
        disappearanceDate: pick(d.date, row.disappearance_date),
        disappearancePlace: pick(d.place, row.disappearance_place),
        circumstances: pick(d.circumstances, row.circumstances),
      };
      assertPerson(next);
      const version = await this.cases.updatePersonIfVersion(m, id, dto.version, next);
      if (version === null) throw staleVersion(row);
      const { keys, words } = storedKeys(next);
      ({ newWords } = await this.cases.replaceNameKeys(m, id, keys, words));
      const changed = [...Object.keys(p).map((k) => `person.${k}`), ...Object.keys(d).map((k) => `disappearance.${k}`)];
      await this.cases.addHistory(m, { caseId: id, actorId: user.id, action: 'updated', details: { fields: changed } });
      return { action: 'case.update', details: { fields: changed } };
    });
    if (newWords > 0) await this.search.wordsAdded();
    return updated;
  }

  async changeStatus(user: AuthUser, id: string, dto: ChangeStatusDto): Promise<StatusChangedResponse> {
    return this.cases.transaction(async (m) => {
      const row = await this.lockForChange(m, user, id);
      // The status service audits the change itself.
      const versions = await this.statusChanges.applyLocked(m, user, [
        {
          row,
          to: dto.to,
          reason: dto.reason ?? null,
          evidenceSource: dto.evidenceSource,
          expectedVersion: dto.version,
        },
      ]);
      return { status: dto.to, version: versions.get(id)! };
    });
  }

  async assign(user: AuthUser, id: string, dto: AssignCaseDto): Promise<CaseSummaryResponse> {
    return this.cases.transaction(async (m) => {
      const row = await this.cases.findForUpdate(m, id);
      if (!row) throw DomainError.notFound('Case');
      if (!can(user.role, 'cases:assign_any')) {
        if (row.assignee_id !== null)
          throw DomainError.forbidden('This case is already assigned; ask council to reassign it');
        if (dto.assigneeId !== user.id)
          throw DomainError.forbidden('A caseworker may only take an unassigned case for themself');
      }
      if (!(await this.cases.activeAssignable(dto.assigneeId))) {
        throw DomainError.validation([
          {
            field: 'assigneeId',
            rule: 'activeStaff',
            message: 'assigneeId must be an active caseworker or council member',
          },
        ]);
      }
      if (row.assignee_id === dto.assigneeId) return toCaseSummary(row);
      await this.cases.setAssignee(m, id, dto.assigneeId);
      await this.cases.addHistory(m, {
        caseId: id,
        actorId: user.id,
        action: 'assigned',
        details: { from: row.assignee_id, to: dto.assigneeId },
      });
      await appendOutbox(m, [
        {
          type: 'case.assigned',
          aggregateId: id,
          payload: { caseIds: [id], assigneeId: dto.assigneeId, assignedBy: user.id },
          requestId: user.requestId,
        },
      ]);
      await this.audit.record(
        {
          actor: user,
          action: 'case.assign',
          entity: 'case',
          entityId: id,
          requestId: user.requestId,
          details: { from: row.assignee_id, to: dto.assigneeId },
        },
        m,
      );
      return toCaseSummary((await this.cases.findById(id, m))!);
    });
  }

  async addNote(user: AuthUser, id: string, dto: AddNoteDto): Promise<NoteItem> {
    let note: NoteItem | null = null;
    await this.changeCase(user, id, async (m) => {
      const row = await this.cases.addNote(m, id, user.id, dto.visibility, dto.body);
      await this.cases.touch(m, id, dto.visibility === 'shared');
      if (dto.visibility === 'shared') {
        await appendOutbox(m, [
          {
            type: 'case.note_shared',
            aggregateId: id,
            payload: { caseId: id, noteId: row.id },
            requestId: user.requestId,
          },
        ]);
      }
      note = toNoteItem(row);
      return { action: 'case.note', details: { noteId: row.id, visibility: dto.visibility } };
    });
    return note!;
  }

  /** Folds a duplicate into the surviving case: inquiries, notes and history move; the duplicate closes with a pointer. */
  async merge(user: AuthUser, id: string, intoCaseId: string): Promise<CaseSummaryResponse> {
    if (id === intoCaseId)
      throw DomainError.validation([
        { field: 'intoCaseId', rule: 'notSelf', message: 'intoCaseId must be another case' },
      ]);
    return this.cases.transaction(async (m) => {
      // Lock both in a fixed order so that two opposite merges cannot deadlock.
      const [first, second] = [id, intoCaseId].sort();
      const a = await this.cases.findForUpdate(m, first);
      const b = await this.cases.findForUpdate(m, second);
      const from = a?.id === id ? a : b;
      const into = a?.id === intoCaseId ? a : b;
      if (!from) throw DomainError.notFound('Case');
      if (!into)
        throw DomainError.validation([{ field: 'intoCaseId', rule: 'exists', message: 'intoCaseId names no case' }]);
      if (from.merged_into_id)
        throw new DomainError('unprocessable', 'This case was already merged', { mergedIntoId: from.merged_into_id });
      if (into.merged_into_id)
        throw new DomainError('unprocessable', 'The surviving case was itself merged', {
          mergedIntoId: into.merged_into_id,
        });
      const movedInquiries = await this.inquiries.moveToCase(m, id, intoCaseId);
      await this.cases.moveNotes(m, id, intoCaseId);
      await this.cases.moveHistory(m, id, intoCaseId);
      const exchanges = await this.cases.moveExchangeLinks(m, id, intoCaseId);
      await this.cases.moveContacts(m, id, intoCaseId);
      await this.cases.addHistory(m, {
        caseId: intoCaseId,
        actorId: user.id,
        action: 'merged_in',
        details: { fromCaseId: id, inquiries: movedInquiries, exchanges },
      });
      await this.cases.markMerged(m, id, intoCaseId);
      await this.cases.addHistory(m, {
        caseId: id,
        actorId: user.id,
        action: 'merged_away',
        from: from.status,
        to: 'closed',
        reason: 'duplicate',
        details: { intoCaseId },
      });
      await this.cases.deleteNameKeys(m, id);
      await this.cases.touch(m, intoCaseId);
      await this.audit.recordMany(
        [
          {
            actor: user,
            action: 'case.merge_away',
            entity: 'case',
            entityId: id,
            requestId: user.requestId,
            details: { intoCaseId },
          },
          {
            actor: user,
            action: 'case.merge_in',
            entity: 'case',
            entityId: intoCaseId,
            requestId: user.requestId,
            details: { fromCaseId: id },
          },
        ],
        m,
      );
      return toCaseSummary((await this.cases.findById(intoCaseId, m))!);
    });
  }

  /**
   * A change to one case by its holder (or council): locks the row, checks the right to change,
   * runs the change and audits it, all in one transaction.
   */
  private async changeCase(
    user: AuthUser,
    id: string,
    change: (m: EntityManager, row: CaseRow) => Promise<{ action: string; details?: Record<string, unknown> }>,
  ): Promise<CaseSummaryResponse> {
    return this.cases.transaction(async (m) => {
      const row = await this.lockForChange(m, user, id);
      const { action, details } = await change(m, row);
      await this.audit.record(
        { actor: user, action, entity: 'case', entityId: id, requestId: user.requestId, details },
        m,
      );
      return toCaseSummary((await this.cases.findById(id, m))!);
    });
  }

  /** Locks the case for a change by its holder (or council); 404 when missing, 403 for anyone else. */
  private async lockForChange(m: EntityManager, user: AuthUser, id: string): Promise<CaseRow> {
    const row = await this.cases.findForUpdate(m, id);
    if (!row) throw DomainError.notFound('Case');
    assertCanChange(
      user,
      row.assignee_id,
      'cases:change_any',
      'Only the assigned caseworker or council may change this case',
    );
    return row;
  }
}

function matchesFilter(row: CaseSummaryRow, q: ListCasesQuery): boolean {
  if (q.status?.length && !q.status.includes(row.status)) return false;
  if (q.assigneeId && row.assignee_id !== q.assigneeId) return false;
  if (q.unassigned && row.assignee_id !== null) return false;
  if (q.category && row.category !== q.category) return false;
  if (q.updatedFrom && row.updated_at < new Date(q.updatedFrom)) return false;
  if (q.updatedTo && row.updated_at >= new Date(q.updatedTo)) return false;
  return true;
}
