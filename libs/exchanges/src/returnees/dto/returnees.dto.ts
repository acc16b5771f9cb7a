import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, queryBoolean, IsUuidField } from '@app/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Outcome, OUTCOMES } from '../../exchange-outcome';
import { Classification, CLASSIFICATIONS } from '../classification';
import { MAX_RETURNEE_ROWS } from '../returnee-rows';

/** For the OpenAPI document only: the JSON form of a return list (checked row by row by the service). */
export class ReturneeRowDto {
  @ApiPropertyOptional({ example: 'Коваленко' }) surname?: string;
  @ApiPropertyOptional({ example: 'Александр' }) givenName?: string;
  @ApiPropertyOptional({ example: 'Николаевич' }) patronymic?: string;
  @ApiPropertyOptional({ example: 'Kovalenko Oleksandr Mykolaiovych', description: 'Instead of the three parts' })
  fullName?: string;
  @ApiPropertyOptional({ example: '02.11.1987', description: '1987-11-02 or 02.11.1987' }) dateOfBirth?: string;
  @ApiPropertyOptional({ example: 'А1234' }) militaryUnit?: string;
  @ApiPropertyOptional({ example: 'АВ-123456' }) serviceNumber?: string;
}

export class ReturneesBodyDto {
  @ApiProperty({ type: [ReturneeRowDto], maxItems: MAX_RETURNEE_ROWS }) rows: ReturneeRowDto[];
}

export class ConfirmMatchDto {
  @ApiProperty({ description: 'The row number the list answer gave', minimum: 1, maximum: MAX_RETURNEE_ROWS })
  @IsInt()
  @Min(1)
  @Max(MAX_RETURNEE_ROWS)
  row: number;

  @ApiProperty({ format: 'uuid', description: 'The case the reviewer chose for the row' })
  @IsUuidField({ message: 'caseId must be a UUID' })
  caseId: string;

  @ApiPropertyOptional({ enum: OUTCOMES, default: 'returned' })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: Outcome;
}

export class ConfirmReturneesDto {
  @ApiProperty({ format: 'uuid' })
  @IsUuidField({ message: 'batchId must be a UUID' })
  batchId: string;

  @ApiProperty({ type: [ConfirmMatchDto], maxItems: MAX_RETURNEE_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RETURNEE_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ConfirmMatchDto)
  matches: ConfirmMatchDto[];
}

export class ListBatchRowsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLASSIFICATIONS, description: 'none: the people no case was found for' })
  @IsOptional()
  @IsIn(CLASSIFICATIONS)
  classification?: Classification;

  @ApiPropertyOptional({ description: 'true: rows confirmed to a case; false: rows still open' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  applied?: boolean;
}
