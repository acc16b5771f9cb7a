import { startTestApi, TestApi } from './support/api';
import { signUpFamily } from './support/factories';

interface OpenApiOperation {
  requestBody?: unknown;
  parameters?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

describe('Platform (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('reports health of the database and Redis without a token', async () => {
    const res = await api.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    await api.http.get('/api/health/live').expect(200);
  });

  it('serves Prometheus metrics by route template', async () => {
    await api.http.get('/api/health').expect(200);
    const res = await api.http.get('/metrics').expect(200);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
  });

  it('keeps the request id a caller sends, and makes one otherwise', async () => {
    const kept = await api.http.get('/api/health/live').set('x-request-id', 'trace-123').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-123');
    const made = await api.http.get('/api/health/live').set('x-request-id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const error = await api.http.get('/api/me').set('x-request-id', 'trace-456').expect(401);
    expect(error.body.requestId).toBe('trace-456');
  });

  it('sets security headers', async () => {
    const res = await api.http.get('/api/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    for (const refused of [await api.http.get('/api/me').expect(401), await api.http.get('/api/nowhere').expect(404)]) {
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
      expect(refused.headers['strict-transport-security']).toMatch(/^max-age=/);
    }
  });

  it('answers CORS only for allowed origins', async () => {
    const allowed = await api.http
      .options('/api/me')
      .set('Origin', 'http://localhost:3000')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const refused = await api.http
      .options('/api/me')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses deeply nested, oversized and malformed bodies with a 4xx, never a 500', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const nested = await api.http.post('/api/auth/register').set('content-type', 'application/json').send(deep);
    expect(nested.status).toBe(400);
    const big = await api.http
      .post('/api/auth/register')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ fullName: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
    const broken = await api.http.post('/api/auth/register').set('content-type', 'application/json').send('{"email": ');
    expect(broken.status).toBe(400);
    const proto = await api.http
      .post('/api/auth/register')
      .set('content-type', 'application/json')
      .send('{"__proto__": {"x": 1}}');
    expect(proto.status).toBe(400);
    const array = await api.http.post('/api/auth/login').send([1, 2]);
    expect(array.status).toBe(400);
  });

  it('answers unknown routes with the error body', async () => {
    const family = await signUpFamily(api);
    const res = await api.http.get('/api/nothing-here').set(family.auth).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, requestId: expect.any(String) });
  });

  it('documents every route with its roles at /api/docs', async () => {
    await api.http.get('/api/docs').expect(200);
    const res = await api.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/auth/login',
        '/api/me',
        '/api/users',
        '/api/users/{id}',
        '/api/health',
      ]),
    );
    expect(res.body.paths['/api/users'].get['x-roles']).toEqual(['admin']);
    expect(res.body.paths['/api/workload/cases.csv'].get['x-roles']).toEqual(['council']);
  });

  it('documents the error body on every error answer, and a 400 wherever a route takes input', async () => {
    const { body: doc } = await api.http.get('/api/docs-json').expect(200);
    expect(doc.components.schemas.ErrorResponse.required).toEqual(
      expect.arrayContaining(['statusCode', 'error', 'message', 'requestId']),
    );
    expect(doc.components.schemas.FieldProblemResponse.required).toEqual(['field', 'rule', 'message']);
    const undocumented: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries<Record<string, OpenApiOperation>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations++;
        const where = `${method.toUpperCase()} ${path}`;
        const takesInput = op.requestBody !== undefined || (op.parameters ?? []).length > 0;
        if (takesInput && !op.responses['400']) undocumented.push(`${where}: no 400`);
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const schema = response.content?.['application/json']?.schema?.$ref;
          // Readiness answers its own body when a dependency is down.
          const expected = where === 'GET /api/health' && status === '503' ? 'HealthResponse' : 'ErrorResponse';
          if (schema !== `#/components/schemas/${expected}`)
            undocumented.push(`${where}: ${status} without ${expected}`);
        }
      }
    }
    expect(operations).toBeGreaterThan(40);
    expect(undocumented).toEqual([]);
    // Routes with a body name their own 400; the others get the general one.
    expect(doc.paths['/api/inquiries'].post.responses['400'].description).not.toMatch(/^Invalid request: `details`/);
    expect(doc.paths['/api/cases'].get.responses['400'].description).toMatch(/^Invalid request: `details`/);
  });
});
