import { isIP } from 'node:net';
import { z } from 'zod';
import { roles, type Role } from './auth/policy';
import { defaultDatabaseUrl } from './db/databaseUrl';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default(defaultDatabaseUrl),
  UPLOAD_DIR: z.string().default('uploads'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  // Keyed hash of identity numbers: without the key a leaked database cannot be brute-forced offline.
  IDENTITY_HASH_KEY: z.string().min(16).optional(),
  // Agents' TOTP secrets are encrypted at rest with a key derived from this; unset, from IDENTITY_HASH_KEY.
  TOTP_ENCRYPTION_KEY: z.string().min(16).optional(),
  // Roles that must enrol in two-factor sign-in before anything else; unset: supervisor,admin in production.
  REQUIRE_2FA: z.string().optional(),
  // Sign-in attempts per client address in 15 minutes, whatever the email.
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  CORS_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  // Who may say, in X-Forwarded-For, which address a request came from: nobody unless set (Express's syntax:
  // 'loopback', addresses or subnets separated by commas, or a number of hops). Rate limits count that address.
  TRUST_PROXY: z.string().trim().default('false'),
  // Zammad's web form allows 20 an hour and 240 a day per address.
  APPEALS_PER_HOUR: z.coerce.number().int().positive().default(20),
  APPEALS_PER_DAY: z.coerce.number().int().positive().default(240),
  PUBLIC_READS_PER_HOUR: z.coerce.number().int().positive().default(600),
  PUBLIC_BASE_URL: z.string().url().optional(),
  EVIDENCE_RETENTION_DAYS: z.coerce.number().int().positive().default(180),
  STORAGE_SWEEP_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(30_000),
  OUTBOX_LEASE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  // Without an SMTP server, customer emails are written as .eml files the demo can show.
  SMTP_URL: z.string().url().optional(),
  OUTBOX_DIR: z.string().default('data/outbox'),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().positive().default(2000),
  // The live stream: how often each process reads the shared database for changes, and a comment that keeps proxies from closing it.
  LIVE_POLL_MS: z.coerce.number().int().min(50).default(1000),
  LIVE_KEEPALIVE_MS: z.coerce.number().int().min(100).default(15_000),
  // GET /metrics answers a scraper holding this Bearer token, or calling from these addresses or subnets
  // (comma-separated, e.g. 127.0.0.1,10.0.0.0/8); with neither set there is no /metrics.
  METRICS_TOKEN: z.string().min(16).optional(),
  METRICS_ALLOW: z.string().trim().default(''),
  EVIDENCE_STORE: z.enum(['disk', 's3']).default('disk'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_PREFIX: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  // Unset, the AWS SDK's default chain applies (environment, profile, instance or task role).
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export type S3Settings = {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  prefix: string;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
};

export type EvidenceStoreConfig = { kind: 'disk' } | ({ kind: 's3' } & S3Settings);

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  uploadDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionTtlMs: number;
  identityHashKey: string;
  totpEncryptionKey: string;
  /** Roles whose agents get 403 TOTP_ENROLMENT_REQUIRED everywhere but /api/auth until they enrol. */
  require2faRoles: Role[];
  corsOrigins: string[];
  cookieSecure: boolean;
  trustProxy: boolean | number | string[];
  rateLimits: { appealsPerHour: number; appealsPerDay: number; publicReadsPerHour: number; loginAttemptsPerAddress: number };
  publicBaseUrl: string;
  evidenceRetentionDays: number;
  storageSweepGraceMs: number;
  shutdownGraceMs: number;
  outboxLeaseMs: number;
  smtpUrl: string | undefined;
  outboxDir: string;
  outboxIntervalMs: number;
  livePollMs: number;
  liveKeepAliveMs: number;
  metrics: { token: string | undefined; allow: string[] };
  evidenceStore: EvidenceStoreConfig;
};

function evidenceStoreOf(e: z.infer<typeof envSchema>): EvidenceStoreConfig {
  if (e.EVIDENCE_STORE === 'disk') return { kind: 'disk' };
  if (!e.S3_BUCKET) throw new Error('S3_BUCKET must be set when EVIDENCE_STORE=s3');
  const id = e.S3_ACCESS_KEY_ID;
  const secret = e.S3_SECRET_ACCESS_KEY;
  if (!id !== !secret) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  return {
    kind: 's3',
    bucket: e.S3_BUCKET,
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    prefix: e.S3_PREFIX ?? '',
    forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : e.S3_ENDPOINT !== undefined,
    credentials: id && secret ? { accessKeyId: id, secretAccessKey: secret } : undefined,
  };
}

function trustProxyOf(value: string): boolean | number | string[] {
  if (value === '' || value === 'false') return false;
  if (value === 'true')
    throw new Error(
      "TRUST_PROXY=true would let every client choose its own address: name the proxies ('loopback', addresses, subnets) or a number of hops",
    );
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function metricsAllowOf(value: string): string[] {
  const entries = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (!family || extra !== undefined) return true;
    return prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  if (bad.length) throw new Error(`METRICS_ALLOW takes addresses or subnets (10.0.0.0/8): not ${bad.join(', ')}`);
  return entries;
}

const demoIdentityKey = 'demo-identity-hash-key-not-for-production';

function require2faRolesOf(e: z.infer<typeof envSchema>): Role[] {
  const listed = (e.REQUIRE_2FA ?? (e.NODE_ENV === 'production' ? 'supervisor,admin' : ''))
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = listed.filter((r) => !roles.includes(r as Role));
  if (unknown.length) throw new Error(`REQUIRE_2FA names unknown roles: ${unknown.join(', ')} (roles: ${roles.join(', ')})`);
  return listed as Role[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.IDENTITY_HASH_KEY) {
    throw new Error('IDENTITY_HASH_KEY must be set (16+ characters) when NODE_ENV=production');
  }
  // A production desk whose emails silently pile up as files would tell no customer and no owner anything.
  if (e.NODE_ENV === 'production' && !e.SMTP_URL && env.OUTBOX_DIR === undefined) {
    throw new Error('SMTP_URL must be set when NODE_ENV=production (or set OUTBOX_DIR on purpose to keep emails as files)');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    uploadDir: e.UPLOAD_DIR,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    identityHashKey: e.IDENTITY_HASH_KEY ?? demoIdentityKey,
    totpEncryptionKey: e.TOTP_ENCRYPTION_KEY ?? e.IDENTITY_HASH_KEY ?? demoIdentityKey,
    require2faRoles: require2faRolesOf(e),
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    cookieSecure: e.COOKIE_SECURE === 'auto' ? e.NODE_ENV === 'production' : e.COOKIE_SECURE === 'true',
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    rateLimits: {
      appealsPerHour: e.APPEALS_PER_HOUR,
      appealsPerDay: e.APPEALS_PER_DAY,
      publicReadsPerHour: e.PUBLIC_READS_PER_HOUR,
      loginAttemptsPerAddress: e.LOGIN_ATTEMPTS_PER_ADDRESS,
    },
    evidenceRetentionDays: e.EVIDENCE_RETENTION_DAYS,
    storageSweepGraceMs: e.STORAGE_SWEEP_GRACE_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    outboxDir: e.OUTBOX_DIR,
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    livePollMs: e.LIVE_POLL_MS,
    liveKeepAliveMs: e.LIVE_KEEPALIVE_MS,
    metrics: { token: e.METRICS_TOKEN, allow: metricsAllowOf(e.METRICS_ALLOW) },
    evidenceStore: evidenceStoreOf(e),
  };
}
