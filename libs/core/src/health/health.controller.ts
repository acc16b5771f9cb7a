import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { withTimeout } from '../errors/with-timeout';
import { REDIS } from '../redis/redis.tokens';

type Check = 'up' | 'down';

class HealthChecks {
  @ApiProperty({ enum: ['up', 'down'] }) database: Check;
  @ApiProperty({ enum: ['up', 'down'] }) redis: Check;
}

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: string;
  @ApiProperty({ type: HealthChecks }) checks: HealthChecks;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Readiness: the database and Redis answer. Public.' })
  @ApiOkResponse({ description: 'Both answer', type: HealthResponse })
  @ApiServiceUnavailableResponse({ description: 'One of them does not (the same body)', type: HealthResponse })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const ok = database === 'up' && redis === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, redis } };
  }

  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers. Public.' })
  live(): { status: string } {
    return { status: 'ok' };
  }

  private async checkDatabase(): Promise<Check> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 2000, 'database check');
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async checkRedis(): Promise<Check> {
    try {
      return (await withTimeout(this.redis.ping(), 2000, 'Redis check')) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}
