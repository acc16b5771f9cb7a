import { ApiProperty } from '@nestjs/swagger';
import { LinkedCountsResponse } from '../../events/dto/exchange.response';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class ExchangeReportQuery {
  @ApiProperty({ example: 2024 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year like 2024' })
  @Min(1991)
  @Max(2100)
  year: number;
}

export class ReturnedFiguresResponse {
  @ApiProperty() military: number;
  @ApiProperty() civilian: number;
  @ApiProperty() total: number;
}

export class YearFiguresResponse {
  @ApiProperty({ description: 'Exchanges recorded in the year' }) exchanges: number;
  @ApiProperty({ type: ReturnedFiguresResponse, description: 'Announced (official) figures' })
  returned: ReturnedFiguresResponse;
  @ApiProperty({ description: 'Announced bodies repatriated' }) bodies: number;
  @ApiProperty({ type: LinkedCountsResponse, description: 'Cases linked in the system, by outcome' })
  linkedCases: LinkedCountsResponse;
}

export class PreviousYearResponse extends YearFiguresResponse {
  @ApiProperty() year: number;
}

export class ChangeResponse extends YearFiguresResponse {
  @ApiProperty({ nullable: true, type: Number, description: 'Change of the returned total in percent' })
  returnedTotalPercent: number | null;
}

export class ExchangeReportResponse extends YearFiguresResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: PreviousYearResponse }) previousYear: PreviousYearResponse;
  @ApiProperty({ type: ChangeResponse, description: 'This year minus the previous year' }) change: ChangeResponse;
}
