import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, UuidPipe } from '@app/core';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { CaseNotificationsService } from './case-notifications.service';
import { CaseNotificationItem, CaseNotificationPage, CaseNotificationsQuery } from './dto/case-notifications.dto';

@ApiTags('notifications')
@Controller('cases')
export class CaseNotificationsController {
  constructor(private readonly notifications: CaseNotificationsService) {}

  @Get(':id/notifications')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Delivery state of every message about the case and its inquiries (recipient, channel, state, attempts, last error), newest first; audited',
  })
  @ApiOkResponse({ type: CaseNotificationPage })
  @ApiNotFoundResponse({ description: 'No such case' })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Query() query: CaseNotificationsQuery,
  ): Promise<Page<CaseNotificationItem>> {
    return this.notifications.list(user, id, query);
  }
}
