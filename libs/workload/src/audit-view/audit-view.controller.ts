import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@app/core';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { AuditViewService } from './audit-view.service';
import { AuditEntryResponse, AuditPageResponse, ListAuditQuery } from './dto/audit-view.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditViewController {
  constructor(private readonly auditView: AuditViewService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({
    summary: 'The audit trail, newest first, filtered by actor, entity, entity id, action and time; audited',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    return this.auditView.list(user, query);
  }
}
