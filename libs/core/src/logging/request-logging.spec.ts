import Fastify from 'fastify';
import { registerRequestLogging } from './logging.module';

describe(registerRequestLogging.name, () => {
  it('logs one line per request: id, method, path without the query, status; 5xx as errors; no /metrics', async () => {
    const lines: { level: string; line: Record<string, unknown>; message: string }[] = [];
    const app = Fastify({ genReqId: () => 'req-1' });
    registerRequestLogging(app, {
      info: (line, message) => lines.push({ level: 'info', line: line as Record<string, unknown>, message }),
      error: (line, message) => lines.push({ level: 'error', line: line as Record<string, unknown>, message }),
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

    expect(lines).toEqual([
      {
        level: 'info',
        message: 'request completed',
        line: {
          requestId: 'req-1',
          req: { method: 'GET', path: '/api/cases' },
          res: { statusCode: 200 },
          responseTime: expect.any(Number),
        },
      },
      {
        level: 'error',
        message: 'request errored',
        line: {
          requestId: 'req-1',
          req: { method: 'GET', path: '/api/broken' },
          res: { statusCode: 500 },
          responseTime: expect.any(Number),
        },
      },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/secret|%D0|Шевченко/);
  });
});
