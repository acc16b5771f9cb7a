import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig, APP_CONFIG } from '@app/core';
import type { FastifyInstance } from 'fastify';

export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];

/** Lets a return list be sent as a bare CSV body (`Content-Type: text/csv`): kept as bytes, decoded later. */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.addContentTypeParser !== 'function') return;
    for (const type of CSV_CONTENT_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: this.config.bodyLimitBytes },
        (_req, body, done) => done(null, body),
      );
    }
  }
}
