import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { WorkloadQuery } from './dto/workload-query.dto';
import { WorkloadResponse } from './dto/workload.response';
import { WorkloadService } from './workload.service';

@ApiTags('workload')
@Controller('workload')
export class WorkloadController {
  constructor(private readonly workload: WorkloadService) {}

  @Get()
  @RequirePermission('workload:read')
  @ApiOperation({
    summary:
      'Per active caseworker: open cases by status, overdue (no family news for OVERDUE_DAYS), oldest open case, ' +
      'changed this week; team totals; unassigned cases and untriaged inquiries with their ages. Audited',
  })
  @ApiOkResponse({ type: WorkloadResponse })
  read(@CurrentUser() user: AuthUser, @Query() query: WorkloadQuery): Promise<WorkloadResponse> {
    return this.workload.read(user, query);
  }
}
