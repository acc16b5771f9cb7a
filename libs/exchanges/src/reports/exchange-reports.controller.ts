import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@app/identity';
import { ExchangeReportQuery, ExchangeReportResponse } from './dto/exchange-report.dto';
import { ExchangeReportsService } from './exchange-reports.service';

@ApiTags('reports')
@Controller('reports/exchanges')
export class ExchangeReportsController {
  constructor(private readonly reports: ExchangeReportsService) {}

  @Get()
  @RequirePermission('reports:read')
  @ApiOperation({
    summary:
      'The year in exchanges: how many, announced returned (military, civilian, total), bodies repatriated, ' +
      'cases linked by outcome, and the change against the previous year',
  })
  @ApiOkResponse({ type: ExchangeReportResponse })
  year(@Query() query: ExchangeReportQuery): Promise<ExchangeReportResponse> {
    return this.reports.year(query.year);
  }
}
