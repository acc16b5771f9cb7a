import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { AppConfig, APP_CONFIG, redisOptionsFromUrl, withTimeout } from '@app/core';
import { IDENTITY_QUEUE } from '@app/identity';
import { WORKLOAD_QUEUE } from '@app/workload';
import { Queue } from 'bullmq';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { NOTIFICATION_QUEUES } from '../notification-types';

export const BOARD_PATH = '/api/admin/queues';
/** Every queue of the system; the workload context owns `workload`. */
const BOARD_QUEUES = [...NOTIFICATION_QUEUES, IDENTITY_QUEUE, WORKLOAD_QUEUE];
const TIMEOUT_MS = 10_000;
const FORWARDED_HEADERS = ['accept', 'accept-language', 'content-type', 'if-none-match', 'if-modified-since'];
const RETURNED_HEADERS = ['content-type', 'etag', 'last-modified'];

export interface QueueCounts {
  queue: string;
  counts: Record<string, number>;
}

/**
 * Bull Board, for administrators only. It is served by a private Fastify instance that the api
 * reaches through one guarded Nest route (so authentication and the `queues:admin` permission
 * are the same as everywhere else). Its Redis connections are opened on first use only: the api
 * needs no queue for its own work, and a Redis outage cannot slow down anything but this page.
 */
@Injectable()
export class QueuesBoard implements OnModuleDestroy {
  private readonly logger = new Logger(QueuesBoard.name);
  private queues: Queue[] | null = null;
  private board: Promise<FastifyInstance> | null = null;
  private lastWarning = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  monitoredQueues(): Queue[] {
    if (!this.queues) {
      const connection = {
        ...redisOptionsFromUrl(this.config.redisUrl),
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
      };
      this.queues = BOARD_QUEUES.map((name) => {
        const queue = new Queue(name, { connection, prefix: this.config.redisPrefix });
        queue.on('error', (error: Error) => this.warn(`queue ${name}: ${error.message}`));
        return queue;
      });
    }
    return this.queues;
  }

  /** Job counts per queue for /metrics; null when Redis does not answer in time. */
  async counts(timeoutMs = 1000): Promise<QueueCounts[] | null> {
    try {
      return await withTimeout(
        Promise.all(
          this.monitoredQueues().map(async (q) => ({
            queue: q.name,
            counts: await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
          })),
        ),
        timeoutMs,
        'queue counts',
      );
    } catch {
      return null;
    }
  }

  /** Answers one request to the board (its page, assets and JSON api). */
  async forward(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const board = await this.app();
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const body = request.body;
    let response;
    try {
      response = await withTimeout(
        board.inject({
          method: request.method as HTTPMethods,
          url: request.url,
          headers,
          ...(body === undefined || body === null
            ? {}
            : { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
        }),
        TIMEOUT_MS,
        'queue board',
      );
    } catch (error) {
      this.warn(`queue board unavailable: ${(error as Error).message}`);
      await reply.status(503).send({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The queues do not answer',
        requestId: request.id,
      });
      return;
    }
    for (const name of RETURNED_HEADERS) {
      const value = response.headers[name];
      if (value !== undefined) void reply.header(name, value);
    }
    await reply.status(response.statusCode).send(response.rawPayload);
  }

  async onModuleDestroy(): Promise<void> {
    const board = this.board;
    this.board = null;
    if (board) await (await board).close();
    await Promise.allSettled((this.queues ?? []).map((q) => q.close()));
    this.queues = null;
  }

  private app(): Promise<FastifyInstance> {
    if (!this.board) {
      this.board = (async () => {
        const serverAdapter = new FastifyAdapter();
        serverAdapter.setBasePath(BOARD_PATH);
        createBullBoard({
          queues: this.monitoredQueues().map((q) => new BullMQAdapter(q)),
          // @bull-board/fastify pins its own copy of @bull-board/api one patch behind: same shape, separate declarations.
          serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
          options: { uiConfig: { boardTitle: 'Portal queues' } },
        });
        const app = Fastify({ logger: false });
        await app.register(serverAdapter.registerPlugin(), { prefix: BOARD_PATH });
        await app.ready();
        return app;
      })();
      this.board.catch(() => {
        this.board = null;
      });
    }
    return this.board;
  }

  private warn(message: string): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}
