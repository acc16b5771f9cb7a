import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { toCsvFile } from './csv';
import { CaseExportQuery, WorkloadExportQuery } from './dto/export-query.dto';
import { ExportsService } from './exports.service';

const CSV = { status: 200, description: 'text/csv; charset=utf-8, starting with a byte-order mark' };

@ApiTags('workload')
@Controller('workload')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('export.csv')
  @RequirePermission('workload:read')
  @ApiOperation({ summary: 'The workload as CSV: a row per caseworker, other holders, unassigned and totals; audited' })
  @ApiProduces('text/csv')
  @ApiResponse(CSV)
  async workload(@CurrentUser() user: AuthUser, @Query() query: WorkloadExportQuery): Promise<StreamableFile> {
    return toCsvFile(await this.exports.workloadCsv(user, query));
  }

  @Get('cases.csv')
  @RequirePermission('cases:export')
  @ApiOperation({
    summary: 'A filtered case list as CSV (names included), streamed in reference order; audited',
  })
  @ApiProduces('text/csv')
  @ApiResponse(CSV)
  async cases(@CurrentUser() user: AuthUser, @Query() query: CaseExportQuery): Promise<StreamableFile> {
    return toCsvFile(await this.exports.casesCsv(user, query));
  }
}
