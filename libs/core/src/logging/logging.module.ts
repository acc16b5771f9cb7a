import { Module } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
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
      useFactory: (config: AppConfig) => ({ forRoutes: [], pinoHttp: loggerOptions(config.logLevel) }),
    }),
  ],
})
export class LoggingModule {}

/** The root logger's options (pino, through nestjs-pino's pino-http). */
export function loggerOptions(level: string): Options {
  return {
    level,
    // Should a request or a reply ever be logged whole: method and path only, status only.
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req.url ?? '') }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'password', 'refreshToken', 'accessToken'], remove: true },
  };
}

/** What request logging writes to (nestjs-pino's `PinoLogger`). */
export interface RequestLog {
  info(line: object, message: string): void;
  error(line: object, message: string): void;
}

/** The path of a request's URL: never its query string, where a name search puts a person's name. */
function pathOf(url: string): string {
  return url.split('?', 1)[0];
}

/**
 * One line per answered request, `/metrics` scrapes left out; 5xx answers at error level; a
 * request whose client went away before it was read whole is logged as aborted.
 */
export function registerRequestLogging(fastify: FastifyInstance, logger: RequestLog): void {
  fastify.addHook('onRequestAbort', (request, done) => {
    logger.info({ requestId: request.id, method: request.method, path: pathOf(request.url) }, 'request aborted');
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = pathOf(request.url);
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
