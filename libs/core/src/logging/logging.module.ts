import { Module } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';

/**
 * Structured JSON logs through pino. Requests are logged by `registerRequestLogging`: request id,
 * method, path and status only, no query string (a name search would put a person's name in the
 * log), no body, no headers.
 *
 * The module's own per-request middleware is not used (`forRoutes: []`): it ran pino-http through
 * Fastify's Express-style middleware layer and kept a logger per request in AsyncLocalStorage,
 * whose hooks taxed every promise of every request. Logs written while serving a request that
 * need its id carry it themselves (the error filter does).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        forRoutes: [],
        pinoHttp: {
          level: config.logLevel,
          redact: { paths: ['req.headers', 'password', 'refreshToken', 'accessToken'], remove: true },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

/** What request logging writes to (nestjs-pino's `PinoLogger`). */
export interface RequestLog {
  info(line: object, message: string): void;
  error(line: object, message: string): void;
}

/** One line per answered request, `/metrics` scrapes left out; 5xx answers at error level. */
export function registerRequestLogging(fastify: FastifyInstance, logger: RequestLog): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?', 1)[0];
    if (path !== '/metrics') {
      // Flat fields: pino's serializers would rewrite objects under `req` and `res` (and drop the status).
      const line = {
        requestId: request.id,
        method: request.method,
        path,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
