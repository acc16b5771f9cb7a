/**
 * The one validated configuration of the api, the worker and the scripts.
 * Read once at boot from the environment; nothing else reads process.env.
 */
export type NodeEnv = 'development' | 'test' | 'production';

export const DEV_JWT_SECRET = 'development-only-jwt-secret-never-use-in-production';
export const DEV_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:54329/portal';

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  databaseUrlExplicit: boolean;
  dbPoolSize: number;
  dbConnectTimeoutMs: number;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  jsonMaxDepth: number;
  logLevel: string;
  adminEmail?: string;
  adminPassword?: string;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginWindowSeconds: number;
  registerMaxPerIp: number;
  registerWindowSeconds: number;
  inquiryMaxPerAccount: number;
  inquiryWindowSeconds: number;
  metricsToken?: string;
  docsEnabled: boolean;
  trustProxy: boolean;
  overdueDays: number;
  smtpUrl?: string;
  mailFrom: string;
  mailDir: string;
  smsWebhookUrl?: string;
  smsWebhookToken?: string;
  /** false: no SMS is sent to anyone (the families' choice of SMS is kept, in-app and e-mail go on). */
  smsEnabled: boolean;
  notifyRatePerSecond: number;
  outboxPollMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  url(name: string, protocols: string[], fallback?: string): string | undefined {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
      }
    } catch {
      this.problems.push(`${name} must be a valid URL`);
    }
    return value;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const production = nodeEnv === 'production';
  const port = r.int('PORT', 3000, 1, 65535);
  const host = r.string('HOST', production ? '0.0.0.0' : '127.0.0.1');
  const explicitDb = r.raw('DATABASE_URL');
  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:'], DEV_DATABASE_URL) ?? '';
  const jwtSecret = r.string('JWT_SECRET', DEV_JWT_SECRET);
  const adminEmail = r.raw('ADMIN_EMAIL');
  const adminPassword = r.raw('ADMIN_PASSWORD');

  if (production) {
    if (!explicitDb) r.problems.push('DATABASE_URL must be set explicitly in production');
    if (jwtSecret === DEV_JWT_SECRET) {
      r.problems.push('JWT_SECRET must be set in production (the development secret is refused)');
    }
  }
  if (jwtSecret.length < 32) r.problems.push('JWT_SECRET must be at least 32 characters');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    r.problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }

  const corsOrigins = (r.raw('CORS_ORIGINS') ?? (production ? '' : 'http://localhost:3000,http://127.0.0.1:3000'))
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    try {
      new URL(origin);
    } catch {
      r.problems.push(`CORS_ORIGINS has an invalid origin "${origin}"`);
    }
  }

  const config: AppConfig = {
    nodeEnv,
    host,
    port,
    publicUrl: r.url('PUBLIC_URL', ['http:', 'https:'], `http://localhost:${port}`) ?? '',
    databaseUrl,
    databaseUrlExplicit: explicitDb !== undefined,
    dbPoolSize: r.int('DB_POOL_SIZE', 10, 1, 200),
    dbConnectTimeoutMs: r.int('DB_CONNECT_TIMEOUT_MS', 5000, 100, 120000),
    redisUrl: r.url('REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379') ?? '',
    redisPrefix: r.string('REDIS_PREFIX', 'portal'),
    jwtSecret,
    accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    refreshTokenTtlDays: r.int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    corsOrigins,
    bodyLimitBytes: r.int('BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    jsonMaxDepth: r.int('JSON_MAX_DEPTH', 20, 2, 200),
    logLevel: r.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    adminEmail,
    adminPassword,
    loginMaxFailuresPerAccount: r.int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxFailuresPerIp: r.int('LOGIN_MAX_FAILURES_PER_IP', 50, 1, 100000),
    loginWindowSeconds: r.int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    registerMaxPerIp: r.int('REGISTER_MAX_PER_IP', 20, 1, 100000),
    registerWindowSeconds: r.int('REGISTER_WINDOW_SECONDS', 3600, 1, 86400),
    inquiryMaxPerAccount: r.int('INQUIRY_MAX_PER_ACCOUNT', 10, 1, 100000),
    inquiryWindowSeconds: r.int('INQUIRY_WINDOW_SECONDS', 3600, 1, 86400),
    metricsToken: r.raw('METRICS_TOKEN'),
    docsEnabled: r.bool('DOCS_ENABLED', true),
    trustProxy: r.bool('TRUST_PROXY', false),
    overdueDays: r.int('OVERDUE_DAYS', 30, 1, 3650),
    smtpUrl: r.url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: r.string('MAIL_FROM', 'Coordination Staff portal <no-reply@portal.local>'),
    mailDir: r.string('MAIL_DIR', '.data/mail'),
    smsWebhookUrl: r.url('SMS_WEBHOOK_URL', ['http:', 'https:']),
    smsWebhookToken: r.raw('SMS_WEBHOOK_TOKEN'),
    smsEnabled: r.bool('SMS_ENABLED', true),
    notifyRatePerSecond: r.int('NOTIFY_RATE_PER_SECOND', 50, 1, 10000),
    outboxPollMs: r.int('OUTBOX_POLL_MS', 5000, 50, 600000),
  };

  // Production sends what it promises families, or refuses to start: without a provider each
  // message would end undelivered.
  if (production && !config.smtpUrl) {
    r.problems.push('SMTP_URL must be set in production (e-mail notifications need an SMTP server)');
  }
  if (production && config.smsEnabled && !config.smsWebhookUrl) {
    r.problems.push('SMS_WEBHOOK_URL must be set in production, or SMS_ENABLED=false to send no SMS');
  }
  if (production && config.corsOrigins.length === 0) {
    // An empty allowlist is allowed: it refuses every cross-origin request.
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
