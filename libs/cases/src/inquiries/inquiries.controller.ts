import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Page, UuidPipe } from '@app/core';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { CreateInquiryDto } from './dto/create-inquiry.dto';
import {
  LinkInquiryDto,
  ListInquiriesQuery,
  RejectInquiryDto,
  VerifyKinshipDto,
  WithdrawInquiryDto,
} from './dto/inquiry-actions.dto';
import {
  CreatedInquiryResponse,
  InquiryPageResponse,
  InquiryResponse,
  MatchesResponse,
  StaffInquiryResponse,
  TimelineResponse,
} from './dto/inquiry.response';
import { InquiriesService } from './inquiries.service';

const NOT_FOUND = 'No such inquiry, or not yours (the same answer either way)';

@ApiTags('inquiries')
@Controller('inquiries')
export class InquiriesController {
  constructor(private readonly inquiries: InquiriesService) {}

  @Post()
  @RequirePermission('inquiries:create')
  @ApiOperation({ summary: 'A family member asks about a captive or missing relative' })
  @ApiCreatedResponse({ type: CreatedInquiryResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid (named in details); nothing is written' })
  @ApiTooManyRequestsResponse({ description: 'Too many inquiries from this account' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateInquiryDto): Promise<CreatedInquiryResponse> {
    return this.inquiries.create(user, dto);
  }

  @Get()
  @RequirePermission('inquiries:read')
  @ApiOperation({
    summary: 'Families: their own inquiries, newest first. Staff: all, oldest first, for triage (audited)',
  })
  @ApiOkResponse({ type: InquiryPageResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: ListInquiriesQuery): Promise<Page<InquiryResponse>> {
    return this.inquiries.list(user, query);
  }

  @Get(':id')
  @RequirePermission('inquiries:read')
  @ApiOperation({ summary: 'One inquiry: a family sees only its own (staff reads are audited)' })
  @ApiOkResponse({ type: StaffInquiryResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<InquiryResponse> {
    return this.inquiries.get(user, id);
  }

  @Get(':id/timeline')
  @RequirePermission('inquiries:read')
  @ApiOperation({
    summary:
      'What the family may see, in order: received, in review, linked; after kinship is verified, the case statuses it may know, shared notes and the shared contacts logged with this family',
  })
  @ApiOkResponse({ type: TimelineResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  timeline(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<TimelineResponse> {
    return this.inquiries.timeline(user, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission('inquiries:withdraw_own')
  @ApiOperation({ summary: 'The family withdraws its inquiry; the case goes on for other inquirers' })
  @ApiOkResponse({ type: InquiryResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiUnprocessableEntityResponse({ description: 'Already rejected or withdrawn' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WithdrawInquiryDto,
  ): Promise<InquiryResponse> {
    return this.inquiries.withdraw(user, id, dto.reason);
  }

  @Post(':id/review')
  @HttpCode(200)
  @RequirePermission('inquiries:triage')
  @ApiOperation({ summary: 'Take a submitted inquiry into review' })
  @ApiOkResponse({ type: StaffInquiryResponse })
  @ApiUnprocessableEntityResponse({ description: 'Not submitted' })
  review(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<InquiryResponse> {
    return this.inquiries.startReview(user, id);
  }

  @Get(':id/matches')
  @RequirePermission('inquiries:triage')
  @ApiOperation({
    summary:
      'Existing cases that may be this person, best first, with the reasons (name across scripts, date of birth, unit, service number)',
  })
  @ApiOkResponse({ type: MatchesResponse })
  @ApiNotFoundResponse()
  matches(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<MatchesResponse> {
    return this.inquiries.matches(user, id);
  }

  @Post(':id/link')
  @HttpCode(200)
  @RequirePermission('inquiries:triage')
  @ApiOperation({ summary: 'Link the inquiry to an existing case' })
  @ApiOkResponse({ type: StaffInquiryResponse })
  @ApiNotFoundResponse({ description: 'No such inquiry or case' })
  @ApiUnprocessableEntityResponse({ description: 'The inquiry is not open for triage, or the case was merged' })
  link(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: LinkInquiryDto,
  ): Promise<InquiryResponse> {
    return this.inquiries.link(user, id, dto.caseId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('inquiries:triage')
  @ApiOperation({ summary: 'Reject the inquiry with a reason the family will read' })
  @ApiOkResponse({ type: StaffInquiryResponse })
  @ApiUnprocessableEntityResponse({ description: 'The inquiry is not open for triage' })
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RejectInquiryDto,
  ): Promise<InquiryResponse> {
    return this.inquiries.reject(user, id, dto.reason);
  }

  @Post(':id/verify-kinship')
  @HttpCode(200)
  @RequirePermission('inquiries:triage')
  @ApiOperation({ summary: 'Record how kinship was verified; the family then sees the case statuses and shared notes' })
  @ApiOkResponse({ type: StaffInquiryResponse })
  @ApiConflictResponse({ description: 'Already verified' })
  @ApiUnprocessableEntityResponse({ description: 'The inquiry was rejected or withdrawn' })
  verifyKinship(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: VerifyKinshipDto,
  ): Promise<InquiryResponse> {
    return this.inquiries.verifyKinship(user, id, dto.method);
  }
}
