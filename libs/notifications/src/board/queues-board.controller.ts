import { All, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptTokenCookie, RequirePermission } from '@app/identity';
import { BOARD_COOKIE, BoardSessionService } from './board-session.service';
import { QueuesBoard } from './queues-board.service';

@ApiTags('admin')
@Controller('admin/queues')
export class QueuesBoardController {
  constructor(
    private readonly board: QueuesBoard,
    private readonly sessions: BoardSessionService,
  ) {}

  @Post('session')
  @HttpCode(204)
  @RequirePermission('queues:admin')
  @ApiOperation({
    summary:
      'Open Bull Board in a browser: sets an HttpOnly, SameSite=Strict cookie, valid for /api/admin/queues only, that carries your access token until it expires',
  })
  @ApiNoContentResponse()
  openSession(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    this.sessions.setCookie(request, reply);
  }

  @All()
  @RequirePermission('queues:admin')
  @AcceptTokenCookie(BOARD_COOKIE)
  @ApiExcludeEndpoint()
  root(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.board.forward(request, reply);
  }

  @All('*')
  @RequirePermission('queues:admin')
  @AcceptTokenCookie(BOARD_COOKIE)
  @ApiExcludeEndpoint()
  any(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.board.forward(request, reply);
  }
}
