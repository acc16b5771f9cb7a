import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DisappearanceResponse, PersonResponse, toPersonResponse } from '../../inquiries/dto/inquiry.response';
import { CaseSummaryRow, HistoryRow, NoteRow } from '../cases.repository';

export class CaseSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CASE-2026-000042' }) reference: string;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeId: string | null;
  @ApiProperty({ type: PersonResponse }) person: PersonResponse;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) mergedIntoId: string | null;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ description: 'With q: how well the name matches (0..1)' }) score?: number;
}

export class CasePageResponse {
  @ApiProperty({ type: [CaseSummaryResponse] }) items: CaseSummaryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiPropertyOptional({
    description:
      'Only with q: more cases share the name than a search ranks (50), so the person sought may be among those ' +
      'left out. Add the patronymic or the date of birth to the query to narrow it.',
  })
  truncated?: boolean;
}

export class HistoryItem {
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceSource: string | null;
  @ApiProperty({ nullable: true, type: Object }) details: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set when the entry came from a merged duplicate' })
  originalCaseId: string | null;
}

export class NoteItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() authorId: string;
  @ApiProperty({ enum: ['internal', 'shared'] }) visibility: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) originalCaseId: string | null;
}

export class CaseInquiryItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty() relationship: string;
  @ApiProperty() kinship: string;
  @ApiProperty() inquirer: { id: string; fullName: string; email: string; phone: string | null };
  @ApiProperty() channels: { email: boolean; sms: boolean };
}

export class CaseDetailResponse extends CaseSummaryResponse {
  @ApiProperty({ enum: ['military', 'civilian'] }) category: string;
  @ApiProperty({ type: DisappearanceResponse }) disappearance: DisappearanceResponse;
  @ApiProperty() createdAt: string;
  @ApiProperty() lastFamilyNewsAt: string;
  @ApiProperty({ type: [CaseInquiryItem] }) inquiries: CaseInquiryItem[];
  @ApiProperty({ type: [NoteItem] }) notes: NoteItem[];
  @ApiProperty({ type: [HistoryItem] }) history: HistoryItem[];
}

export class StatusChangedResponse {
  @ApiProperty() status: string;
  @ApiProperty() version: number;
}

export class CreatedCaseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: ['registered'] }) status: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) assigneeId: string | null;
}

export function toCaseSummary(r: CaseSummaryRow, score?: number): CaseSummaryResponse {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    version: r.version,
    assigneeId: r.assignee_id,
    person: toPersonResponse(r),
    mergedIntoId: r.merged_into_id,
    updatedAt: r.updated_at.toISOString(),
    ...(score !== undefined ? { score } : {}),
  };
}

export function toHistoryItem(h: HistoryRow): HistoryItem {
  return {
    at: h.at.toISOString(),
    actorId: h.actor_id,
    action: h.action,
    from: h.from_status,
    to: h.to_status,
    reason: h.reason,
    evidenceSource: h.evidence_source,
    details: h.details,
    originalCaseId: h.original_case_id,
  };
}

export function toNoteItem(n: NoteRow): NoteItem {
  return {
    id: n.id,
    authorId: n.author_id,
    visibility: n.visibility,
    body: n.body,
    createdAt: n.created_at.toISOString(),
    originalCaseId: n.original_case_id,
  };
}
