import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { PageQueryDto, queryBoolean, queryList, IsUuidField, trimString, IsDateTime } from '@app/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { CATEGORIES, DisappearanceDto, PersonDto } from '../../person.dto';
import { CASE_STATUSES, CaseStatus, EVIDENCE_SOURCES, EvidenceSource } from '../../status/case-status';

export class CreateCaseDto {
  @ApiProperty({ format: 'uuid', description: 'The inquiry the new case is opened from; it is linked at once' })
  @IsUuidField({ message: 'fromInquiryId must be a UUID' })
  fromInquiryId: string;
}

const VERSION = { description: 'The version you read: a stale one answers 409' };

export class ChangeStatusDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES)
  to: CaseStatus;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for closed, deceased and reopening' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiProperty({ enum: EVIDENCE_SOURCES, description: 'Where the news comes from' })
  @IsIn(EVIDENCE_SOURCES)
  evidenceSource: EvidenceSource;

  @ApiProperty(VERSION)
  @IsInt()
  @Min(1)
  version: number;
}

export class AssignCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUuidField({ message: 'assigneeId must be a UUID' })
  assigneeId: string;
}

export class AddNoteDto {
  @ApiProperty({ enum: ['internal', 'shared'], description: 'shared notes are shown to verified family members' })
  @IsIn(['internal', 'shared'])
  visibility: 'internal' | 'shared';

  @ApiProperty({ maxLength: 5000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 5000)
  body: string;
}

export class MergeCaseDto {
  @ApiProperty({ format: 'uuid', description: 'The surviving case' })
  @IsUuidField({ message: 'intoCaseId must be a UUID' })
  intoCaseId: string;
}

export class UpdatePersonDto extends PartialType(PersonDto) {}
export class UpdateDisappearanceDto extends PartialType(DisappearanceDto) {}

export class UpdateCaseDto {
  @ApiProperty(VERSION)
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({
    type: UpdatePersonDto,
    description: 'Only the fields sent change; null clears an optional field',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdatePersonDto)
  person?: UpdatePersonDto;

  @ApiPropertyOptional({ type: UpdateDisappearanceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateDisappearanceDto)
  disappearance?: UpdateDisappearanceDto;
}

export class ListCasesQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'A name in any script, any order, optionally with a date of birth' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({
    description: 'One status or several, comma-separated',
    example: 'missing,captivity_confirmed',
  })
  @IsOptional()
  @Transform(queryList)
  @ArrayMaxSize(7)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUuidField()
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

  @ApiPropertyOptional({ format: 'date-time', description: 'Changed at or after (RFC 3339, with offset)' })
  @IsOptional()
  @IsDateTime('updatedFrom')
  updatedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Changed before (RFC 3339, with offset)' })
  @IsOptional()
  @IsDateTime('updatedTo')
  updatedTo?: string;

  @ApiPropertyOptional({
    enum: ['updated_desc', 'updated_asc'],
    default: 'updated_desc',
    description: 'Ignored with q (best match first)',
  })
  @IsOptional()
  @IsIn(['updated_desc', 'updated_asc'])
  sort?: 'updated_desc' | 'updated_asc';
}
