import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, IsUuidField, trimString, IsDateTime } from '@app/core';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ContactRow } from '../contacts.repository';

export const CONTACT_CHANNELS = [
  'phone',
  'email',
  'sms',
  'messenger',
  'video_call',
  'in_person',
  'letter',
  'other',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export class LogContactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel: ContactChannel;

  @ApiProperty({ maxLength: 2000, description: 'What was said; no more personal data than the case needs' })
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  summary: string;

  @ApiProperty({
    enum: ['shared', 'internal'],
    description:
      'shared: shown on the timeline of the inquiry it was with (inquiryId required), once that ' +
      "family's kinship is verified, and to no other family of the case; internal: staff only",
  })
  @IsIn(['shared', 'internal'])
  visibility: 'shared' | 'internal';

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The inquiry (family) the contact was with: one of this case. Required for a shared contact',
  })
  @IsOptional()
  @IsUuidField()
  inquiryId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the contact took place (RFC 3339, with offset; not in the future); default now',
  })
  @IsOptional()
  @IsDateTime('contactedAt')
  contactedAt?: string;
}

export class ListContactsQuery extends PageQueryDto {}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The inquiry (family) it was with' })
  inquiryId: string | null;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel: string;
  @ApiProperty({ enum: ['shared', 'internal'] }) visibility: string;
  @ApiProperty() summary: string;
  @ApiProperty() contactedAt: string;
  @ApiProperty() createdAt: string;
}

export class LoggedContactResponse extends ContactResponse {
  @ApiProperty({ description: "The case's no-news clock after this contact" }) lastFamilyNewsAt: string;
}

export class ContactPageResponse {
  @ApiProperty({ type: [ContactResponse] }) items: ContactResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toContactResponse(r: ContactRow): ContactResponse {
  return {
    id: r.id,
    caseId: r.case_id,
    inquiryId: r.inquiry_id,
    authorId: r.author_id,
    channel: r.channel,
    visibility: r.visibility,
    summary: r.summary,
    contactedAt: r.contacted_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}
