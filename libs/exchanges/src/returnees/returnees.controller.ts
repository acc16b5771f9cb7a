import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Page, PageQueryDto, UuidPipe } from '@app/core';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import type { FastifyRequest } from 'fastify';
import { ConfirmReturneesDto, ListBatchRowsQuery, ReturneesBodyDto } from './dto/returnees.dto';
import {
  BatchPageResponse,
  BatchResponse,
  ConfirmResponse,
  ReconcileResponse,
  ReturneeRowPageResponse,
  ReturneeRowResponse,
} from './dto/returnees.response';
import { ReconciliationService } from './reconciliation.service';
import { readReturneeUpload } from './returnee-upload';

@ApiTags('exchanges')
@ApiExtraModels(ReturneesBodyDto)
@Controller('exchanges/:id/returnees')
export class ReturneesController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post()
  @RequirePermission('exchanges:manage')
  @ApiOperation({
    summary:
      'Match a return list (up to 2,000 rows; Ukrainian, Russian or Latin spelling) against the cases. ' +
      'JSON {"rows": [...]}, or a CSV file as multipart field "file" or a text/csv body: UTF-8 with or without ' +
      'BOM or Windows-1251, comma or semicolon separated, dates 1988-08-18 or 18.08.1988, headers in English ' +
      '(surname, givenName, patronymic, dateOfBirth, militaryUnit, serviceNumber, fullName) or Ukrainian ' +
      '(прізвище, ім\u2019я, по батькові, дата народження, частина, номер, ПІБ). Every row gets its best candidates ' +
      'and confident | ambiguous | none; the batch is stored for review',
  })
  @ApiConsumes('application/json', 'multipart/form-data', 'text/csv')
  @ApiBody({
    description:
      'application/json: {"rows": [...]}; multipart/form-data: the CSV as field "file"; text/csv: the CSV itself',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ReturneesBodyDto) },
        { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
        { type: 'string', description: 'CSV text' },
      ],
    },
  })
  @ApiCreatedResponse({ type: ReconcileResponse })
  @ApiBadRequestResponse({
    description:
      'A bad row (no name, impossible date), too many rows or a malformed CSV: details name row and field; nothing is stored',
  })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than the body limit' })
  @ApiNotFoundResponse({ description: 'No such exchange' })
  async reconcile(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ReconcileResponse> {
    return this.reconciliation.reconcile(user, id, await readReturneeUpload(request));
  }

  @Post('confirm')
  @HttpCode(200)
  @RequirePermission('exchanges:manage')
  @ApiOperation({
    summary:
      'Apply the chosen (row, case) pairs in one transaction: links, status returned through the machine, ' +
      'family messages. Idempotent: rows applied before are reported and left alone. A case that cannot take ' +
      'the outcome (e.g. deceased) is reported in refused, never forced. openRows lists the rows still without a case',
  })
  @ApiOkResponse({ type: ConfirmResponse })
  @ApiConflictResponse({ description: 'A row was confirmed before with another case, or the case for another row' })
  @ApiNotFoundResponse({ description: 'No such exchange or return list' })
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ConfirmReturneesDto,
  ): Promise<ConfirmResponse> {
    return this.reconciliation.confirm(user, id, dto);
  }

  @Get()
  @RequirePermission('exchanges:read')
  @ApiOperation({ summary: 'The return lists of an exchange, newest first, with their counts' })
  @ApiOkResponse({ type: BatchPageResponse })
  list(@Param('id', UuidPipe) id: string, @Query() query: PageQueryDto): Promise<Page<BatchResponse>> {
    return this.reconciliation.listBatches(id, query);
  }

  @Get(':batchId')
  @RequirePermission('exchanges:read')
  @ApiOperation({ summary: 'One return list: its counts and how many rows are applied' })
  @ApiOkResponse({ type: BatchResponse })
  @ApiNotFoundResponse()
  get(@Param('id', UuidPipe) id: string, @Param('batchId', UuidPipe) batchId: string): Promise<BatchResponse> {
    return this.reconciliation.getBatch(id, batchId);
  }

  @Get(':batchId/rows')
  @RequirePermission('exchanges:read')
  @ApiOperation({
    summary:
      'The rows of a return list for review, in list order, with their candidates as the cases stand now; ' +
      'classification=none lists the people no case was found for. Audited',
  })
  @ApiOkResponse({ type: ReturneeRowPageResponse })
  rows(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('batchId', UuidPipe) batchId: string,
    @Query() query: ListBatchRowsQuery,
  ): Promise<Page<ReturneeRowResponse>> {
    return this.reconciliation.listRows(user, id, batchId, query);
  }
}
