import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { EVIDENCE_SOURCES, EvidenceSource } from '@app/cases';
import { PageQueryDto, IsUuidField, trimString } from '@app/core';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Outcome, OUTCOMES } from '../../exchange-outcome';

const MAX_ANNOUNCED = 100_000;
const DATE_MESSAGE = 'date must be a date like 2024-12-30';
/** Present means not null: a required field may be left out of a PATCH, never cleared. */
const present = (field: string): PropertyDecorator =>
  ValidateIf((o: Record<string, unknown>) => o[field] !== undefined);

export class AnnouncedDto {
  @ApiProperty({ example: 150, description: 'Military returned, as officially announced' })
  @IsInt()
  @Min(0)
  @Max(MAX_ANNOUNCED)
  military: number;

  @ApiProperty({ example: 39, description: 'Civilians returned, as officially announced' })
  @IsInt()
  @Min(0)
  @Max(MAX_ANNOUNCED)
  civilian: number;

  @ApiProperty({ example: 0, description: 'Bodies repatriated, as officially announced' })
  @IsInt()
  @Min(0)
  @Max(MAX_ANNOUNCED)
  bodies: number;
}

export class CreateExchangeDto {
  @ApiProperty({ example: '2024-12-30', description: 'Not in the future' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: DATE_MESSAGE })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  date: string;

  @ApiProperty({ example: 'Обмін 30 грудня 2024', maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ example: 'ОАЕ', maxLength: 200 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  mediator?: string;

  @ApiProperty({ type: AnnouncedDto, description: 'The official figures; they need not equal the cases linked' })
  @IsObject()
  @ValidateNested()
  @Type(() => AnnouncedDto)
  announced: AnnouncedDto;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class UpdateAnnouncedDto extends PartialType(AnnouncedDto) {}

export class UpdateExchangeDto {
  @ApiProperty({ description: 'The version you read: a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: '2024-12-30' })
  @present('date')
  @IsISO8601({ strict: true, strictSeparator: true }, { message: DATE_MESSAGE })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  date?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @present('title')
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  mediator?: string | null;

  @ApiPropertyOptional({ type: UpdateAnnouncedDto, description: 'Only the figures sent change' })
  @present('announced')
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateAnnouncedDto)
  announced?: UpdateAnnouncedDto;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

export class ListExchangesQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 2024, description: 'Only the exchanges of this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a year like 2024' })
  @Min(1991)
  @Max(2100)
  year?: number;
}

export class LinkCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUuidField({ message: 'caseId must be a UUID' })
  caseId: string;

  @ApiProperty({
    enum: OUTCOMES,
    description:
      'returned moves the case to returned (families are told); remains_repatriated moves it to deceased where ' +
      'the status machine allows and gives the caseworker a task (no automatic news); listed_not_returned only links',
  })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  @ApiPropertyOptional({ enum: EVIDENCE_SOURCES, default: 'exchange_record' })
  @IsOptional()
  @IsIn(EVIDENCE_SOURCES)
  evidenceSource?: EvidenceSource;

  @ApiPropertyOptional({ description: 'The case version you read; when given, a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ListLinksQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: Outcome;
}
