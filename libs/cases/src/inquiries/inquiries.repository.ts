import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PersonRecord } from '../person.dto';
import { PersonColumns, personValues } from '../person-record';
import { InquiryStatus } from './dto/inquiry-actions.dto';

export interface InquiryRow extends PersonColumns {
  id: string;
  reference: string;
  owner_id: string;
  status: InquiryStatus;
  case_id: string | null;
  relationship: string;
  notify_email: boolean;
  notify_sms: boolean;
  kinship: 'unverified' | 'verified';
  kinship_method: string | null;
  kinship_verified_at: Date | null;
  rejection_reason: string | null;
  withdrawal_reason: string | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export interface InquiryEventRow {
  type: string;
  at: Date;
  text: string | null;
}

const COLUMNS = `i.id, i.reference, i.owner_id, i.status, i.case_id, i.category, i.surname, i.given_name, i.patronymic,
  i.latin_name, to_char(i.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, i.military_unit, i.rank, i.service_number,
  to_char(i.disappearance_date, 'YYYY-MM-DD') AS disappearance_date, i.disappearance_place, i.circumstances,
  i.relationship, i.notify_email, i.notify_sms, i.kinship, i.kinship_method, i.kinship_verified_at,
  i.rejection_reason, i.withdrawal_reason, i.created_at, i.updated_at, i.created_at::text AS cursor_at`;

@Injectable()
export class InquiriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    m: EntityManager,
    ownerId: string,
    p: PersonRecord,
    extra: { relationship: string; notifyEmail: boolean; notifySms: boolean },
  ): Promise<InquiryRow> {
    const rows: InquiryRow[] = await m.query(
      `WITH i AS (
         INSERT INTO inquiries (reference, owner_id, category, surname, given_name, patronymic, latin_name, date_of_birth,
           military_unit, rank, service_number, disappearance_date, disappearance_place, circumstances,
           relationship, notify_email, notify_sms, consent_at)
         VALUES ('INQ-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('inquiry_reference_seq')::text, 6, '0'),
           $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, now())
         RETURNING *)
       SELECT ${COLUMNS} FROM i`,
      [ownerId, ...personValues(p), extra.relationship, extra.notifyEmail, extra.notifySms],
    );
    return rows[0];
  }

  async findById(id: string, m: EntityManager = this.dataSource.manager): Promise<InquiryRow | null> {
    const rows: InquiryRow[] = await m.query(`SELECT ${COLUMNS} FROM inquiries i WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findForUpdate(m: EntityManager, id: string): Promise<InquiryRow | null> {
    const rows: InquiryRow[] = await m.query(`SELECT ${COLUMNS} FROM inquiries i WHERE i.id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async listForOwner(ownerId: string, after: [string, string] | null, limit: number): Promise<InquiryRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM inquiries i
        WHERE i.owner_id = $1 AND ($2::timestamptz IS NULL OR (i.created_at, i.id) < ($2::timestamptz, $3::uuid))
        ORDER BY i.created_at DESC, i.id DESC LIMIT $4`,
      [ownerId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }

  async listForStaff(
    filter: { status?: InquiryStatus; unlinked?: boolean; minAgeDays?: number },
    after: [string, string] | null,
    limit: number,
  ): Promise<InquiryRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM inquiries i
        WHERE ($1::text IS NULL OR i.status = $1)
          AND (NOT $2::boolean OR i.status IN ('submitted', 'in_review'))
          AND ($3::int IS NULL OR i.created_at <= now() - make_interval(days => $3::int))
          AND ($4::timestamptz IS NULL OR (i.created_at, i.id) > ($4::timestamptz, $5::uuid))
        ORDER BY i.created_at ASC, i.id ASC LIMIT $6`,
      [
        filter.status ?? null,
        filter.unlinked ?? false,
        filter.minAgeDays ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit + 1,
      ],
    );
  }

  async listForCase(
    caseId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<(InquiryRow & { owner_email: string; owner_name: string; owner_phone: string | null })[]> {
    return m.query(
      `SELECT ${COLUMNS}, u.email AS owner_email, u.full_name AS owner_name, u.phone AS owner_phone
         FROM inquiries i JOIN users u ON u.id = i.owner_id
        WHERE i.case_id = $1 ORDER BY i.created_at, i.id`,
      [caseId],
    );
  }

  async setStatus(
    m: EntityManager,
    id: string,
    changes: {
      status: InquiryStatus;
      caseId?: string | null;
      rejectionReason?: string;
      withdrawalReason?: string | null;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE inquiries SET status = $2,
         case_id = CASE WHEN $3::boolean THEN $4::uuid ELSE case_id END,
         rejection_reason = COALESCE($5, rejection_reason),
         withdrawal_reason = COALESCE($6, withdrawal_reason),
         updated_at = now()
       WHERE id = $1`,
      [
        id,
        changes.status,
        changes.caseId !== undefined,
        changes.caseId ?? null,
        changes.rejectionReason ?? null,
        changes.withdrawalReason ?? null,
      ],
    );
  }

  async verifyKinship(m: EntityManager, id: string, method: string, actorId: string): Promise<void> {
    await m.query(
      `UPDATE inquiries SET kinship = 'verified', kinship_method = $2, kinship_verified_at = now(), kinship_verified_by = $3,
         updated_at = now() WHERE id = $1`,
      [id, method, actorId],
    );
  }

  async addEvent(
    m: EntityManager,
    inquiryId: string,
    type: string,
    actorId: string | null,
    text: string | null = null,
  ): Promise<void> {
    await m.query(`INSERT INTO inquiry_events (inquiry_id, type, actor_id, text) VALUES ($1, $2, $3, $4)`, [
      inquiryId,
      type,
      actorId,
      text,
    ]);
  }

  async events(inquiryId: string): Promise<InquiryEventRow[]> {
    return this.dataSource.query(`SELECT type, at, text FROM inquiry_events WHERE inquiry_id = $1 ORDER BY at, id`, [
      inquiryId,
    ]);
  }

  /**
   * The shared contacts logged with this inquiry's family (the table belongs to the workload
   * context, which writes it; only this read of the family's own conversations is here).
   */
  async sharedContacts(inquiryId: string, caseId: string): Promise<{ contacted_at: Date; summary: string }[]> {
    return this.dataSource.query(
      `SELECT contacted_at, summary FROM case_contacts
        WHERE inquiry_id = $1 AND case_id = $2 AND visibility = 'shared' ORDER BY contacted_at, id`,
      [inquiryId, caseId],
    );
  }

  async moveToCase(m: EntityManager, fromCaseId: string, intoCaseId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `WITH moved AS (UPDATE inquiries SET case_id = $2, updated_at = now() WHERE case_id = $1 RETURNING id)
       SELECT id FROM moved`,
      [fromCaseId, intoCaseId],
    );
    return rows.map((r) => r.id);
  }
}
