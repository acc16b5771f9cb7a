import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, RequirePermission } from '@app/identity';
import { AssignBulkDto, AssignBulkResponse } from './dto/assign-bulk.dto';
import { SuggestionQuery, SuggestionResponse } from './dto/suggestion.dto';
import { RebalancingService } from './rebalancing.service';

@ApiTags('workload')
@Controller()
export class RebalancingController {
  constructor(private readonly rebalancing: RebalancingService) {}

  @Post('cases/assign-bulk')
  @HttpCode(200)
  @RequirePermission('cases:assign_any')
  @ApiOperation({
    summary:
      'Give many cases (ids, or every open case a filter selects) to one active caseworker or council member, ' +
      'in one transaction with no size cap; audited per case; the assignee is told once with a digest',
  })
  @ApiOkResponse({ type: AssignBulkResponse })
  @ApiBadRequestResponse({ description: 'Neither or both of caseIds and filter, an unknown case, or a bad assignee' })
  assignBulk(@CurrentUser() user: AuthUser, @Body() dto: AssignBulkDto): Promise<AssignBulkResponse> {
    return this.rebalancing.assignBulk(user, dto);
  }

  @Get('workload/suggestion')
  @RequirePermission('workload:read')
  @ApiOperation({
    summary: 'The least-loaded active caseworker for a case (its holder left out) or an inquiry, and the next four',
  })
  @ApiOkResponse({ type: SuggestionResponse })
  @ApiNotFoundResponse({ description: 'No such case or inquiry' })
  suggest(@Query() query: SuggestionQuery): Promise<SuggestionResponse> {
    return this.rebalancing.suggest(query);
  }
}
