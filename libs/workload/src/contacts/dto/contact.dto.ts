import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, trimString } from '@app/core';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
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
      'shared: the summary may be passed on to the family it was with; internal: staff only. ' +
      'Families do not see contacts in the portal (a contact does not record which family it was with).',
  })
  @IsIn(['shared', 'internal'])
  visibility: 'shared' | 'internal';

  @ApiPropertyOptional({ description: 'When the contact took place (ISO date-time, not in the future); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  contactedAt?: string;
}

export class ListContactsQuery extends PageQueryDto {}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
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
    authorId: r.author_id,
    channel: r.channel,
    visibility: r.visibility,
    summary: r.summary,
    contactedAt: r.contacted_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}
