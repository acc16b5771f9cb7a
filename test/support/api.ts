import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/core';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { testConfig } from './test-config';

export interface TestApi {
  app: NestFastifyApplication;
  http: TestAgent;
  close: () => Promise<void>;
}

/** The real api (real Postgres and Redis), served on an ephemeral port for supertest. */
export async function startTestApi(overrides: Partial<AppConfig> = {}): Promise<TestApi> {
  const app = await createApiApp(testConfig(overrides));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = request(app.getHttpServer());
  return { app, http, close: () => app.close() };
}
