import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, httpStatusOf } from './domain-error';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  requestId: string;
  details?: unknown;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The one place that turns any error into the API's error body. No stack or SQL reaches a client. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception, String(request.id ?? ''));
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    void reply.status(body.statusCode).send(body);
  }

  toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = httpStatusOf(exception.code);
      return {
        statusCode,
        error: REASONS[statusCode] ?? 'Error',
        message: exception.message,
        requestId,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : exception.message;
      if (statusCode >= 500) this.logger.error({ requestId, stack: exception.stack }, 'request failed');
      return { statusCode, error: REASONS[statusCode] ?? 'Error', message, requestId };
    }
    const fastifyStatus = fastifyClientError(exception);
    if (fastifyStatus) {
      return {
        statusCode: fastifyStatus.statusCode,
        error: REASONS[fastifyStatus.statusCode] ?? 'Error',
        message: fastifyStatus.message,
        requestId,
      };
    }
    this.logger.error(
      { requestId, stack: exception instanceof Error ? exception.stack : String(exception) },
      'request failed',
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: REASONS[500],
      message: 'Something went wrong on our side. Quote the request id if you contact support.',
      requestId,
    };
  }
}

/** Fastify's own client errors (bad JSON, body too large, wrong content type) keep their 4xx. */
function fastifyClientError(exception: unknown): { statusCode: number; message: string } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { statusCode, code } = exception as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  const messages: Record<string, string> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type: send application/json',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'The JSON body is empty',
    FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON',
  };
  return {
    statusCode,
    message: (typeof code === 'string' && messages[code]) || 'The request could not be read',
  };
}
