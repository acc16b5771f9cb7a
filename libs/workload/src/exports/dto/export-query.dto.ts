import { queryBoolean, IsUuidField, queryList } from '@app/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CATEGORIES, CaseStatus } from '@app/cases';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { WorkloadQuery } from '../../workload/dto/workload-query.dto';

export class WorkloadExportQuery extends WorkloadQuery {}

export class CaseExportQuery {
  @ApiPropertyOptional({
    description: 'One status or several, comma-separated',
    example: 'missing,captivity_confirmed',
  })
  @IsOptional()
  @Transform(queryList)
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUuidField({ message: 'assigneeId must be a UUID' })
  assigneeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: 'military' | 'civilian';

  @ApiPropertyOptional({ description: 'Only open cases whose family has had no news for OVERDUE_DAYS' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;
}
