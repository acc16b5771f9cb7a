import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  AllExceptionsFilter,
  AppConfig,
  createValidationPipe,
  documentErrorResponses,
  ERROR_MODELS,
  MetricsService,
  registerHttpMetrics,
  registerJsonParser,
  registerRequestLogging,
  registerSecurityHeaders,
  requestIdFor,
} from '@app/core';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';

/** Builds the api with every cross-cutting concern; used by main.ts and the end-to-end tests. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestIdFor,
    requestIdHeader: false,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Our own JSON parser (bounded depth) replaces the framework's.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonParser(fastify, config.jsonMaxDepth, config.bodyLimitBytes);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
  registerHttpMetrics(fastify, app.get(MetricsService));
  registerRequestLogging(fastify, await app.resolve(PinoLogger));
  registerSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(multipart, { limits: { fileSize: config.bodyLimitBytes, files: 1, fields: 10, parts: 20 } });
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  if (config.docsEnabled) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Family case-tracking portal API')
        .setDescription(
          'Families ask about captive and missing relatives; caseworkers keep one case per person; council staff balance the load. ' +
            'Every route needs a Bearer access token unless marked Public; each lists the roles allowed (x-roles, and the 403 description). ' +
            'Errors answer ErrorResponse: {statusCode, error, message, requestId, details?}.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
      { extraModels: ERROR_MODELS },
    );
    documentErrorResponses(document);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
