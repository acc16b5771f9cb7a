import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Page, UuidPipe } from '@app/core';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { CaseLinksService } from '../links/case-links.service';
import {
  CreateExchangeDto,
  LinkCaseDto,
  ListExchangesQuery,
  ListLinksQuery,
  UpdateExchangeDto,
} from './dto/exchange-requests.dto';
import {
  ExchangePageResponse,
  ExchangeResponse,
  LinkedCaseItem,
  LinkedCasePageResponse,
  LinkResponse,
} from './dto/exchange.response';
import { ExchangesService } from './exchanges.service';

@ApiTags('exchanges')
@Controller('exchanges')
export class ExchangesController {
  constructor(
    private readonly exchanges: ExchangesService,
    private readonly links: CaseLinksService,
  ) {}

  @Post()
  @RequirePermission('exchanges:manage')
  @ApiOperation({ summary: 'Record an exchange with its announced (official) totals' })
  @ApiCreatedResponse({ type: ExchangeResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid (named in details); nothing is written' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateExchangeDto): Promise<ExchangeResponse> {
    return this.exchanges.create(user, dto);
  }

  @Get()
  @RequirePermission('exchanges:read')
  @ApiOperation({ summary: 'Exchanges, newest first, optionally of one year' })
  @ApiOkResponse({ type: ExchangePageResponse })
  list(@Query() query: ListExchangesQuery): Promise<Page<ExchangeResponse>> {
    return this.exchanges.list(query);
  }

  @Get(':id')
  @RequirePermission('exchanges:read')
  @ApiOperation({ summary: 'One exchange with the count of linked cases by outcome' })
  @ApiOkResponse({ type: ExchangeResponse })
  @ApiNotFoundResponse()
  get(@Param('id', UuidPipe) id: string): Promise<ExchangeResponse> {
    return this.exchanges.get(id);
  }

  @Patch(':id')
  @RequirePermission('exchanges:manage')
  @ApiOperation({ summary: 'Correct an exchange with the version you read (only the fields sent change)' })
  @ApiOkResponse({ type: ExchangeResponse })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateExchangeDto,
  ): Promise<ExchangeResponse> {
    return this.exchanges.update(user, id, dto);
  }

  @Post(':id/cases')
  @HttpCode(200)
  @RequirePermission('exchanges:link')
  @ApiOperation({
    summary:
      'Link a case with an outcome. returned moves it to returned (families are told); remains_repatriated moves ' +
      'it to deceased where allowed and gives the caseworker a task; listed_not_returned only links. ' +
      'A caseworker links the cases they hold; council any. Linking again with the same outcome changes nothing',
  })
  @ApiOkResponse({ type: LinkResponse })
  @ApiConflictResponse({ description: 'Already linked with another outcome, or a stale case version' })
  @ApiUnprocessableEntityResponse({ description: 'The case cannot move to returned (details.allowed), or was merged' })
  link(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: LinkCaseDto,
  ): Promise<LinkResponse> {
    return this.links.link(user, id, dto);
  }

  @Get(':id/cases')
  @RequirePermission('exchanges:read')
  @ApiOperation({ summary: 'The cases linked to an exchange, newest link first; audited' })
  @ApiOkResponse({ type: LinkedCasePageResponse })
  listCases(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Query() query: ListLinksQuery,
  ): Promise<Page<LinkedCaseItem>> {
    return this.links.list(user, id, query);
  }
}
