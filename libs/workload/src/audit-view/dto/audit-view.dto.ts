import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, IsUuidField, IsDateTime } from '@app/core';
import { IsOptional, Length, Matches } from 'class-validator';
import { AuditRow } from '../audit-view.repository';

const CODE = /^[a-z][a-z0-9_.]*$/;

export class ListAuditQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who acted' })
  @IsOptional()
  @IsUuidField({ message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'case', description: 'The kind of thing acted on' })
  @IsOptional()
  @Length(1, 50)
  @Matches(CODE, { message: 'entity must be a lower-case code such as case or user' })
  entity?: string;

  @ApiPropertyOptional({ description: 'The id of the thing acted on' })
  @IsOptional()
  @Length(1, 100)
  entityId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Who read or changed this case: its own entries and those of duplicates merged into it, and the case ' +
      'lists, searches, exchange lists and returnee lists that showed them (not the case CSV, not inquiry ' +
      'matches). Needs from and to, at most 31 days apart; not with entity or entityId',
  })
  @IsOptional()
  @IsUuidField({ message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ example: 'case.assign' })
  @IsOptional()
  @Length(1, 100)
  @Matches(CODE, { message: 'action must be a lower-case code such as case.assign' })
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or after (RFC 3339, with offset)' })
  @IsOptional()
  @IsDateTime('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before (RFC 3339, with offset)' })
  @IsOptional()
  @IsDateTime('to')
  to?: string;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'Sequence number of the entry' }) id: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entity: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'Ids and field names only' })
  details: Record<string, unknown> | null;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toAuditEntryResponse(r: AuditRow): AuditEntryResponse {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    requestId: r.request_id,
    details: r.details,
  };
}
