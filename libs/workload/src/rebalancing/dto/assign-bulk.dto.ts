import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUuidField } from '@app/core';
import { CATEGORIES, OPEN_STATUSES } from '@app/cases';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  ValidateNested,
} from 'class-validator';

/** Selects open cases (never closed ones); criteria combine with AND. */
export class BulkAssignFilterDto {
  @ApiPropertyOptional({ enum: OPEN_STATUSES, isArray: true, description: 'Any of these open statuses' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OPEN_STATUSES.length)
  @IsIn(OPEN_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Cases now held by this user (e.g. one leaving)' })
  @IsOptional()
  @IsUuidField({ message: 'filter.assigneeId must be a UUID' })
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Only cases nobody holds' })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: 'military' | 'civilian';

  @ApiPropertyOptional({ description: 'Only cases whose family has had no news for OVERDUE_DAYS' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

export class AssignBulkDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The cases to give (any number; duplicates ignored). Either this or filter',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsUuidField({ each: true, message: 'each of caseIds must be a UUID' })
  caseIds?: string[];

  @ApiPropertyOptional({ type: BulkAssignFilterDto, description: 'Every open case it selects. Either this or caseIds' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BulkAssignFilterDto)
  filter?: BulkAssignFilterDto;

  @ApiProperty({ format: 'uuid', description: 'An active caseworker or council member' })
  @IsUuidField({ message: 'assigneeId must be a UUID' })
  assigneeId: string;
}

export class AssignBulkResponse {
  @ApiProperty({ description: 'Cases that changed holder' }) assigned: number;
  @ApiProperty({ description: 'Selected cases the assignee already held' }) unchanged: number;
  @ApiProperty({ format: 'uuid' }) assigneeId: string;
}
