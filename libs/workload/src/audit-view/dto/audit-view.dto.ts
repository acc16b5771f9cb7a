import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@app/core';
import { IsISO8601, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { AuditRow } from '../audit-view.repository';

const CODE = /^[a-z][a-z0-9_.]*$/;

export class ListAuditQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who acted' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
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
      'Everything that read or changed this case: its own entries, and the case lists, searches and ' +
      'exchange lists that showed it. Needs from and to, at most 31 days apart; not with entity or entityId',
  })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ example: 'case.assign' })
  @IsOptional()
  @Length(1, 100)
  @Matches(CODE, { message: 'action must be a lower-case code such as case.assign' })
  action?: string;

  @ApiPropertyOptional({ description: 'At or after (ISO date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Before (ISO date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true })
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
