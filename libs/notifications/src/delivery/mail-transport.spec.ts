import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/core';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermanentDeliveryError } from '../rules/delivery-rules';
import { createMailTransport } from './mail-transport';
import { createSmsProvider } from './sms-provider';

const MAIL = {
  notificationId: '11111111-1111-4111-8111-111111111111',
  to: 'olena@example.test',
  subject: 'Новини щодо вашого звернення INQ-2025-000001',
  text: 'Є новини.',
  messageId: '<11111111-1111-4111-8111-111111111111@portal.local>',
};

beforeAll(() => Logger.overrideLogger(false));

describe(createMailTransport.name, () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'portal-mail-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes each e-mail as an .eml file in MAIL_DIR when no SMTP_URL is set (development)', async () => {
    const transport = createMailTransport(loadConfig({ NODE_ENV: 'development', MAIL_DIR: folder }));
    expect(transport.name).toBe('folder');
    await transport.send(MAIL);
    transport.close();
    const files = readdirSync(folder);
    expect(files).toEqual([expect.stringMatching(/^\d+-11111111-1111-4111-8111-111111111111\.eml$/)]);
    const eml = readFileSync(join(folder, files[0]), 'utf8');
    expect(eml).toContain('Message-ID: <11111111-1111-4111-8111-111111111111@portal.local>');
    expect(eml).toContain('To: olena@example.test');
  });

  it('uses SMTP when SMTP_URL is set', () => {
    const transport = createMailTransport(loadConfig({ NODE_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:2525' }));
    expect(transport.name).toBe('smtp');
    transport.close();
  });
});

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://x@127.0.0.1/x',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  SMTP_URL: 'smtp://mail.example.test:587',
};

describe(createSmsProvider.name, () => {
  it.each([
    [{ NODE_ENV: 'development' }, 'log'],
    [{ NODE_ENV: 'development', SMS_WEBHOOK_URL: 'https://sms.example.test/send' }, 'webhook'],
    [{ NODE_ENV: 'development', SMS_ENABLED: 'false' }, 'none'],
    [{ ...PRODUCTION, SMS_WEBHOOK_URL: 'https://sms.example.test/send' }, 'webhook'],
    [{ ...PRODUCTION, SMS_ENABLED: 'false' }, 'none'],
  ])('%j → %s', (env, name) => {
    expect(createSmsProvider(loadConfig(env)).name).toBe(name);
  });

  it('fails an SMS planned before SMS was turned off, with the reason, instead of reporting it sent', async () => {
    const provider = createSmsProvider(loadConfig({ ...PRODUCTION, SMS_ENABLED: 'false' }));
    await expect(provider.send({ notificationId: 'n', to: '+380501112233', text: 'x' })).rejects.toThrow(
      new PermanentDeliveryError('SMS is turned off (SMS_ENABLED=false)'),
    );
  });
});
