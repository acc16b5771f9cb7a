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
import { UuidPipe } from '@app/core';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { CasesService } from './cases.service';
import {
  AddNoteDto,
  AssignCaseDto,
  ChangeStatusDto,
  CreateCaseDto,
  ListCasesQuery,
  MergeCaseDto,
  UpdateCaseDto,
} from './dto/case-requests.dto';
import {
  CaseDetailResponse,
  CasePageResponse,
  CaseSummaryResponse,
  CreatedCaseResponse,
  HistoryItem,
  NoteItem,
  StatusChangedResponse,
} from './dto/case.response';

const CHANGE = 'The assigned caseworker or council only (403 otherwise)';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'Open a case from an inquiry (the inquiry is linked; a caseworker who opens it takes it)' })
  @ApiCreatedResponse({ type: CreatedCaseResponse })
  @ApiNotFoundResponse({ description: 'No such inquiry' })
  @ApiUnprocessableEntityResponse({ description: 'The inquiry is not open for triage' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCaseDto): Promise<CreatedCaseResponse> {
    return this.cases.createFromInquiry(user, dto.fromInquiryId);
  }

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'Cases by status, assignee, category, change date, and by name in any script (q); audited' })
  @ApiOkResponse({ type: CasePageResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery): Promise<CasePageResponse> {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'One case with its inquiries (inquirers\u2019 contacts), notes and history; audited' })
  @ApiOkResponse({ type: CaseDetailResponse })
  @ApiNotFoundResponse()
  get(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<CaseDetailResponse> {
    return this.cases.get(user, id);
  }

  @Get(':id/history')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'Status changes, assignments, updates and merges, oldest first' })
  @ApiOkResponse({ type: [HistoryItem] })
  history(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<{ items: HistoryItem[] }> {
    return this.cases.history(user, id);
  }

  @Patch(':id')
  @RequirePermission('cases:write')
  @ApiOperation({ summary: `Correct the person's details with the version you read. ${CHANGE}` })
  @ApiOkResponse({ type: CaseSummaryResponse })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiBadRequestResponse()
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseSummaryResponse> {
    return this.cases.update(user, id, dto);
  }

  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({
    summary: `Move the case through the status machine with its evidence source. ${CHANGE}; reopening: council`,
  })
  @ApiOkResponse({ type: StatusChangedResponse })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({
    description: 'Not allowed from the current status; details.allowed names the targets',
  })
  @ApiBadRequestResponse({ description: 'A reason is required for closed, deceased and reopening' })
  changeStatus(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ChangeStatusDto,
  ): Promise<StatusChangedResponse> {
    return this.cases.changeStatus(user, id, dto);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'Council: assign to anyone active. A caseworker: take an unassigned case for themself' })
  @ApiOkResponse({ type: CaseSummaryResponse })
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: AssignCaseDto,
  ): Promise<CaseSummaryResponse> {
    return this.cases.assign(user, id, dto);
  }

  @Post(':id/notes')
  @RequirePermission('cases:write')
  @ApiOperation({ summary: `Add an internal note, or a shared one the verified family will read. ${CHANGE}` })
  @ApiCreatedResponse({ type: NoteItem })
  addNote(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: AddNoteDto,
  ): Promise<NoteItem> {
    return this.cases.addNote(user, id, dto);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequirePermission('cases:merge')
  @ApiOperation({
    summary:
      'Merge this duplicate into another case: inquiries, notes and history move; this one closes with a pointer',
  })
  @ApiOkResponse({ type: CaseSummaryResponse, description: 'The surviving case' })
  @ApiUnprocessableEntityResponse({ description: 'One of the two was already merged' })
  merge(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: MergeCaseDto,
  ): Promise<CaseSummaryResponse> {
    return this.cases.merge(user, id, dto.intoCaseId);
  }
}
