import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { sandboxConfigFrom, twilioConfigFrom, type SandboxConfig, type SmsProvider, type TwilioConfig } from '@textbank/sms';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** The built web app to serve; empty to serve the API only. */
  WEB_DIST: z.string().optional(),
  /** SQLite durability for the event log: FULL survives power loss; NORMAL only a process crash. */
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL', 'EXTRA']).default('FULL'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when served over TLS (directly or behind a proxy): Secure, __Host- cookies. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Reverse-proxy hops to trust for client addresses (X-Forwarded-For). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Prometheus metrics get their own listener, never the public one; unset or empty: none. */
  METRICS_PORT: z
    .union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0).max(65535)])
    .optional(),
  /** Loopback by default: only this machine (a local Prometheus, an SSH tunnel) can scrape. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Set: the event log is this EventStoreDB (several API instances may share it); unset: events.db in DATA_DIR. */
  EVENTSTORE_CONNECTION_STRING: z
    .union([z.literal('').transform(() => undefined), z.string().regex(/^esdb(\+discover)?:\/\//, 'must start with esdb:// or esdb+discover://')])
    .optional(),
  /** This instance's name in logs and leases (several instances share one EventStoreDB). */
  INSTANCE_NAME: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, dot, dash or underscore (1 to 64)').optional(),
  /** auth.db elsewhere than DATA_DIR: with several instances, the one file they all open (same host or volume). */
  AUTH_DB_PATH: z.string().min(1).optional(),
  /** sandbox (default: a simulated carrier) or twilio (TWILIO_* and PUBLIC_BASE_URL, see .env.example). */
  SMS_PROVIDER: z.enum(['sandbox', 'twilio']).default('sandbox'),
  /** A send left without an answer is looked up at the provider once this old (Twilio lists it by then). */
  /** Per sender (a number or messaging service): texts started in any one second, and per UTC day. Unset: no limit. */
  SMS_RATE_PER_SECOND: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1).max(10_000)]).optional(),
  SMS_DAILY_CAP: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1)]).optional(),
  /** Texts the dispatcher has with the provider at once (different contacts; one contact's texts go in order). */
  DISPATCH_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(32),
  DISPATCH_RECONCILE_AFTER_MS: z.coerce.number().int().min(0).max(86_400_000).default(120_000),
}).refine((e) => !e.METRICS_PORT || e.METRICS_PORT !== e.PORT, { message: 'must differ from PORT', path: ['METRICS_PORT'] });

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStorePath: string;
  /** EventStoreDB instead of events.db; never logged (it may carry credentials). */
  readonly eventStoreConnectionString: string | undefined;
  readonly instanceName: string;
  readonly readModelPath: string;
  readonly authPath: string;
  readonly webDist: string | undefined;
  readonly sqliteSynchronous: 'NORMAL' | 'FULL' | 'EXTRA';
  readonly logLevel: string;
  readonly cookieSecure: boolean;
  readonly trustProxy: number;
  /** The metrics listener's port (0: any free one); undefined: no metrics listener. */
  readonly metricsPort: number | undefined;
  readonly metricsHost: string;
  /** How often open sockets are checked against their sessions; tests shorten it. */
  readonly socketSweepMs: number;
  /** The built-in SMS sandbox: its carrier's delays and failures, its contacts' replies (SANDBOX_*). */
  readonly sandbox: SandboxConfig;
  /** Set when SMS_PROVIDER=twilio: the account, senders and public URL (secrets stay in memory, never logged). */
  readonly twilio?: TwilioConfig;
  /** Reconciliation of sends whose outcome is unknown: how old before asking the provider, and how often to look. */
  readonly dispatch: {
    readonly reconcileAfterMs: number;
    readonly reconcileEveryMs: number;
    readonly concurrency: number;
    readonly perSecond: number | undefined;
    readonly perDay: number | undefined;
  };
  /** A provider instance to use instead of the configured one (embedding, tests). */
  readonly smsProvider?: SmsProvider;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Reads the environment once at start-up; a bad value stops the process with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    eventStorePath: resolve(dataDir, 'events.db'),
    eventStoreConnectionString: e.EVENTSTORE_CONNECTION_STRING,
    instanceName: e.INSTANCE_NAME ?? hostname(),
    readModelPath: resolve(dataDir, 'read-models.db'),
    authPath: e.AUTH_DB_PATH ? resolve(e.AUTH_DB_PATH) : resolve(dataDir, 'auth.db'),
    webDist: e.WEB_DIST === '' ? undefined : e.WEB_DIST ? resolve(e.WEB_DIST) : undefined,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    socketSweepMs: 30_000,
    sandbox: sandboxConfigFrom(env),
    ...(e.SMS_PROVIDER === 'twilio' && { twilio: { ...twilioConfigFrom(env), maxSockets: e.DISPATCH_CONCURRENCY } }),
    dispatch: {
      reconcileAfterMs: e.DISPATCH_RECONCILE_AFTER_MS,
      reconcileEveryMs: Math.max(250, Math.min(30_000, e.DISPATCH_RECONCILE_AFTER_MS / 4)),
      concurrency: e.DISPATCH_CONCURRENCY,
      perSecond: e.SMS_RATE_PER_SECOND,
      perDay: e.SMS_DAILY_CAP,
    },
    ...overrides,
  };
}
