import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageQueryDto, queryBoolean, IsUuidField, trimString } from '@app/core';

export const KINSHIP_METHODS = ['document_seen', 'call_back', 'known_family'] as const;
export const INQUIRY_STATUSES = ['submitted', 'in_review', 'linked', 'rejected', 'withdrawn'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export class WithdrawInquiryDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class RejectInquiryDto {
  @ApiProperty({ maxLength: 1000, description: 'Shown to the family: write it for them' })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason: string;
}

export class LinkInquiryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUuidField({ message: 'caseId must be a UUID' })
  caseId: string;
}

export class VerifyKinshipDto {
  @ApiProperty({ enum: KINSHIP_METHODS })
  @IsIn(KINSHIP_METHODS)
  method: (typeof KINSHIP_METHODS)[number];
}

export class ListInquiriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: INQUIRY_STATUSES })
  @IsOptional()
  @IsIn(INQUIRY_STATUSES)
  status?: InquiryStatus;

  @ApiPropertyOptional({ description: 'Only inquiries not linked to a case (submitted or in review)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unlinked?: boolean;

  @ApiPropertyOptional({ description: 'Only inquiries at least this many days old' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(36500)
  minAgeDays?: number;
}
