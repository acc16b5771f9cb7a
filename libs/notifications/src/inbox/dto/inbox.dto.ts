import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, queryBoolean } from '@app/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { MESSAGE_KINDS } from '../../notification-types';
import { InboxRow } from '../inbox.repository';

export class InboxQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only messages not yet read' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class InboxItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MESSAGE_KINDS, description: 'What the message is about' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Family messages: the inquiry it concerns' }) inquiryId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff messages about one case' }) caseId?: string;
}

export class InboxPage {
  @ApiProperty({ type: [InboxItem] }) items: InboxItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: 'Unread messages in the whole inbox' }) unread: number;
}

/** A family sees which of its inquiries a message concerns, never the id of the case behind it. */
export function toInboxItem(row: InboxRow, isFamily: boolean): InboxItem {
  return {
    id: row.id,
    type: row.kind,
    title: row.title,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
    ...(isFamily && row.inquiry_id ? { inquiryId: row.inquiry_id } : {}),
    ...(!isFamily && row.case_id ? { caseId: row.case_id } : {}),
  };
}
