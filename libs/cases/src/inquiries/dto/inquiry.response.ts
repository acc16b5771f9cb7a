import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InquiryRow } from '../inquiries.repository';

export class PersonResponse {
  @ApiProperty() surname: string;
  @ApiProperty() givenName: string;
  @ApiProperty({ nullable: true, type: String }) patronymic: string | null;
  @ApiProperty({ nullable: true, type: String }) latinName: string | null;
  @ApiProperty({ nullable: true, type: String }) dateOfBirth: string | null;
  @ApiProperty({ enum: ['military', 'civilian'] }) category: string;
  @ApiProperty({ nullable: true, type: String }) militaryUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) rank: string | null;
  @ApiProperty({ nullable: true, type: String }) serviceNumber: string | null;
}

export class DisappearanceResponse {
  @ApiProperty({ nullable: true, type: String }) date: string | null;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ nullable: true, type: String }) circumstances: string | null;
}

export class InquiryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INQ-2026-000123' }) reference: string;
  @ApiProperty({ enum: ['submitted', 'in_review', 'linked', 'rejected', 'withdrawn'] }) status: string;
  @ApiProperty({ type: PersonResponse }) person: PersonResponse;
  @ApiProperty({ type: DisappearanceResponse }) disappearance: DisappearanceResponse;
  @ApiProperty() relationship: string;
  @ApiProperty() channels: { email: boolean; sms: boolean };
  @ApiProperty({ enum: ['unverified', 'verified'] }) kinship: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why it was rejected (shown to the family)' })
  rejectionReason: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** Staff see the link to the case, the inquirer and how kinship was verified. */
export class StaffInquiryResponse extends InquiryResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) caseId: string | null;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ nullable: true, type: String }) kinshipMethod: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawalReason: string | null;
}

export class CreatedInquiryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INQ-2026-000123' }) reference: string;
  @ApiProperty({ enum: ['submitted'] }) status: string;
}

export class TimelineItem {
  @ApiProperty({
    enum: ['received', 'in_review', 'linked', 'rejected', 'withdrawn', 'kinship_verified', 'status', 'note', 'contact'],
    description: 'contact: a conversation with this family that the caseworker logged as shared (text: its summary)',
  })
  type: string;
  @ApiProperty() at: string;
  @ApiPropertyOptional({
    description: 'For status items: the case status, or contact_pending when the caseworker will call',
  })
  status?: string;
  @ApiPropertyOptional() text?: string;
}

export class TimelineResponse {
  @ApiProperty({ type: [TimelineItem] }) items: TimelineItem[];
}

export class MatchItem {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'CASE-2026-000042' }) reference: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class MatchesResponse {
  @ApiProperty({ type: [MatchItem] }) items: MatchItem[];
}

export class InquiryPageResponse {
  @ApiProperty({ type: [StaffInquiryResponse] }) items: InquiryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toPersonResponse(
  r: Pick<
    InquiryRow,
    | 'surname'
    | 'given_name'
    | 'patronymic'
    | 'latin_name'
    | 'date_of_birth'
    | 'category'
    | 'military_unit'
    | 'rank'
    | 'service_number'
  >,
): PersonResponse {
  return {
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    latinName: r.latin_name,
    dateOfBirth: r.date_of_birth,
    category: r.category,
    militaryUnit: r.military_unit,
    rank: r.rank,
    serviceNumber: r.service_number,
  };
}

export function toInquiryResponse(r: InquiryRow): InquiryResponse {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    person: toPersonResponse(r),
    disappearance: { date: r.disappearance_date, place: r.disappearance_place, circumstances: r.circumstances },
    relationship: r.relationship,
    channels: { email: r.notify_email, sms: r.notify_sms },
    kinship: r.kinship,
    rejectionReason: r.rejection_reason,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toStaffInquiryResponse(r: InquiryRow): StaffInquiryResponse {
  return {
    ...toInquiryResponse(r),
    caseId: r.case_id,
    ownerId: r.owner_id,
    kinshipMethod: r.kinship_method,
    withdrawalReason: r.withdrawal_reason,
  };
}
