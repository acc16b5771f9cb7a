import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '@app/core';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { InboxItem, InboxPage, InboxQuery } from './dto/inbox.dto';
import { InboxService } from './inbox.service';

@ApiTags('notifications')
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @RequirePermission('notifications:read_own')
  @ApiOperation({ summary: 'Your in-app messages, newest first, with the number unread' })
  @ApiOkResponse({ type: InboxPage })
  list(@CurrentUser() user: AuthUser, @Query() query: InboxQuery): Promise<InboxPage> {
    return this.inbox.list(user, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission('notifications:read_own')
  @ApiOperation({ summary: 'Mark one of your messages read (again is harmless: the first time is kept)' })
  @ApiOkResponse({ type: InboxItem })
  @ApiNotFoundResponse({ description: 'No such message of yours' })
  markRead(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<InboxItem> {
    return this.inbox.markRead(user, id);
  }
}
