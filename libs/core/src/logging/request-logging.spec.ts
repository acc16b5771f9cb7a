import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { loggerOptions, registerRequestLogging } from './logging.module';

describe(registerRequestLogging.name, () => {
  it('logs one line per request: id, method, path without the query, status; 5xx as errors; no /metrics', async () => {
    const written: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString('utf8'));
        done();
      },
    });
    // The logger nestjs-pino builds from these options: pino with pino-http's serializers, ours first.
    const { logger } = pinoHttp(loggerOptions('info'), stream);
    const app = Fastify({ genReqId: () => 'req-1' });
    registerRequestLogging(app, {
      info: (line, message) => logger.info(line, message),
      error: (line, message) => logger.error(line, message),
    });
    app.get('/api/cases', async () => ({ items: [] }));
    app.get('/api/broken', async () => {
      throw new Error('broken');
    });
    app.get('/metrics', async () => 'ok');
    await app.inject({ method: 'GET', url: '/api/cases?q=%D0%A8%D0%B5%D0%B2%D1%87%D0%B5%D0%BD%D0%BA%D0%BE&limit=5' });
    await app.inject({ method: 'GET', url: '/api/broken?q=secret' });
    await app.inject({ method: 'GET', url: '/metrics' });
    await app.close();

    const lines = written.map((w) => JSON.parse(w) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        requestId: 'req-1',
        method: 'GET',
        path: '/api/cases',
        statusCode: 200,
        responseTime: expect.any(Number),
      }),
      expect.objectContaining({
        level: 50,
        msg: 'request errored',
        requestId: 'req-1',
        method: 'GET',
        path: '/api/broken',
        statusCode: 500,
      }),
    ]);
    expect(written.join('')).not.toMatch(/secret|%D0|Шевченко|limit/);

    // A request or a reply logged whole keeps only its method, path and status.
    written.length = 0;
    logger.info(
      {
        req: { method: 'GET', url: '/api/cases?q=Шевченко', headers: { authorization: 'Bearer token' } },
        res: { statusCode: 200, headersSent: true, getHeaders: () => ({ 'set-cookie': 'board=token' }) },
      },
      'whole',
    );
    expect(JSON.parse(written[0])).toMatchObject({
      req: { method: 'GET', path: '/api/cases' },
      res: { statusCode: 200 },
    });
    expect(written[0]).not.toMatch(/Шевченко|token|headers/);
  });
});
