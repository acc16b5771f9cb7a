import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Page, UuidPipe } from '@app/core';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { ContactsService } from './contacts.service';
import {
  ContactPageResponse,
  ContactResponse,
  ListContactsQuery,
  LoggedContactResponse,
  LogContactDto,
} from './dto/contact.dto';

@ApiTags('cases')
@Controller('cases')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post(':id/contacts')
  @RequirePermission('cases:write')
  @ApiOperation({
    summary:
      'Log a contact with the family (channel, summary, shared or internal); resets the no-news clock. ' +
      'The assigned caseworker or council only (403 otherwise)',
  })
  @ApiCreatedResponse({ type: LoggedContactResponse })
  @ApiNotFoundResponse()
  @ApiBadRequestResponse()
  log(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: LogContactDto,
  ): Promise<LoggedContactResponse> {
    return this.contacts.log(user, id, dto);
  }

  @Get(':id/contacts')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: "The contacts logged with a case's family, newest first; audited" })
  @ApiOkResponse({ type: ContactPageResponse })
  @ApiNotFoundResponse()
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Query() query: ListContactsQuery,
  ): Promise<Page<ContactResponse>> {
    return this.contacts.list(user, id, query);
  }
}
