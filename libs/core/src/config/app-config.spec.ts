import { ConfigError, DEV_JWT_SECRET, loadConfig } from './app-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe(loadConfig.name, () => {
  it('gives safe development defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, host: '127.0.0.1', jwtSecret: DEV_JWT_SECRET });
    expect(config.databaseUrlExplicit).toBe(false);
  });

  it('refuses production on the development secret, without an explicit database, and without its messengers', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL must be set explicitly in production',
      'JWT_SECRET must be set in production (the development secret is refused)',
      'SMTP_URL must be set in production (e-mail notifications need an SMTP server)',
      'SMS_WEBHOOK_URL must be set in production, or SMS_ENABLED=false to send no SMS',
    ]);
  });

  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://u:p@db:5432/portal',
    JWT_SECRET: 'x'.repeat(40),
    SMTP_URL: 'smtp://mail.example:587',
  };

  it('starts production with an explicit database, a real secret, SMTP and an SMS provider or none', () => {
    expect(loadConfig({ ...production, SMS_WEBHOOK_URL: 'https://sms.example/send' })).toMatchObject({
      host: '0.0.0.0',
      corsOrigins: [],
      smsEnabled: true,
    });
    expect(loadConfig({ ...production, SMS_ENABLED: 'false' })).toMatchObject({ smsEnabled: false });
    expect(problemsOf({ ...production, SMS_ENABLED: 'true' })).toEqual([
      'SMS_WEBHOOK_URL must be set in production, or SMS_ENABLED=false to send no SMS',
    ]);
    expect(problemsOf({ ...production, SMS_ENABLED: 'false', SMTP_URL: '' })).toEqual([
      'SMTP_URL must be set in production (e-mail notifications need an SMTP server)',
    ]);
  });

  it('lists every bad variable at once', () => {
    expect(
      problemsOf({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'not a url',
        JWT_SECRET: 'short',
        DOCS_ENABLED: 'maybe',
        NODE_ENV: 'staging',
        ADMIN_EMAIL: 'a@b.c',
        CORS_ORIGINS: 'http://ok.example,nonsense',
      }),
    ).toEqual([
      'NODE_ENV must be one of development, test, production (got "staging")',
      'PORT must be a whole number from 1 to 65535 (got "eighty")',
      'DATABASE_URL must be a postgres: or postgresql: URL',
      'JWT_SECRET must be at least 32 characters',
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      'CORS_ORIGINS has an invalid origin "nonsense"',
      'REDIS_URL must be a valid URL',
      'DOCS_ENABLED must be true or false (got "maybe")',
    ]);
  });
});
