/**
 * Deployment settings (API.md "Deployment settings"). The only module that reads
 * `process.env`: everything else receives the parsed, frozen result. The server and the
 * CLI read the same settings: the environment, over a `.env`-style file (ENV_FILE, or
 * `.env` in the working directory when there is one).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { parseEnv } from 'node:util'
import { z } from 'zod'
import { RoleSchema } from '../machines/vocabulary.js'
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from './calendar/index.js'
import type { Limits } from './http/limits.js'
import type { ServerTimeouts } from './http/server.js'

/** One `token:role[:name[:organisation]]` entry of AUTH_TOKENS. */
export interface QuickStartToken {
  token: string
  role: z.infer<typeof RoleSchema>
  name: string
  organisation: string
}

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankIsUnset, s.optional())
const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

const quickStartTokens = z.string().transform((raw, ctx): QuickStartToken[] => {
  const out: QuickStartToken[] = []
  for (const [i, entry] of list(raw).entries()) {
    const [token = '', role = '', name, organisation] = entry.split(':')
    const parsedRole = RoleSchema.safeParse(role)
    if (token.length < 16 || !parsedRole.success) {
      // Never echo the entry: it holds a secret.
      ctx.addIssue({
        code: 'custom',
        message: `entry ${i + 1} must be token:role[:name[:organisation]] with a token of at least 16 characters and a role of ${RoleSchema.options.join(', ')}`,
      })
      continue
    }
    out.push({
      token,
      role: parsedRole.data,
      name: name?.trim() || parsedRole.data,
      organisation: organisation?.trim() || 'default',
    })
  }
  return out
})

/** A whole number setting of at least `min`, `fallback` when unset. */
const count = (fallback: number, min: number) =>
  z.preprocess(blankIsUnset, z.coerce.number().int().min(min).max(1_000_000_000).default(fallback))

const EnvSchema = z.object({
  PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65535).default(8080)),
  HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
  DATABASE_URL: z.preprocess(blankIsUnset, z.string().default('./data/yuqing.db')),
  AUTH_TOKENS: z.preprocess(blankIsUnset, quickStartTokens.default([])),
  WORKING_HOURS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .default(DEFAULT_WORKING_HOURS)
      .superRefine((v, ctx) => {
        try {
          parseWorkingHours(v)
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message })
        }
      }),
  ),
  WEBHOOKS: z.preprocess(
    (v) => list(typeof v === 'string' ? v : undefined),
    z.array(z.url({ protocol: /^https?$/ })),
  ),
  /**
   * Routes for one plan (and optionally some entry types): `plan[:TYPE|TYPE]=url;…`,
   * e.g. `saws-2014:NOTIFY_DUTY_ROOM=https://duty.example/hook` (saws-2014 五(一)4).
   */
  WEBHOOK_ROUTES: z.preprocess(
    (v) =>
      (typeof v === 'string' ? v : '')
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)
        .map((entry) => {
          const eq = entry.indexOf('=')
          const [plan = '', types] = entry.slice(0, Math.max(eq, 0)).split(':')
          return {
            plan,
            types: types ? types.split('|').filter(Boolean) : undefined,
            url: entry.slice(eq + 1),
          }
        }),
    z.array(
      z.object({
        plan: z.string().min(1, 'expected plan[:TYPE|TYPE]=url'),
        types: z.array(z.string().regex(/^[A-Z_]+$/)).optional(),
        url: z.url({ protocol: /^https?$/ }),
      }),
    ),
  ),
  WEBHOOK_SECRET: optional(z.string()),
  EVIDENCE_DIR: optional(z.string()),
  LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  /** Longest sleep of the deadline scheduler between two looks at the timers table. */
  TIMER_POLL_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(100).max(3_600_000).default(30_000)),
  /**
   * How long before deadlines come due the scheduler restores their incidents into the
   * live cache while it sleeps (src/engine/prepare.ts), so their firings need not (0: never).
   */
  TIMER_PREPARE_SECONDS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(3_600).default(60)),
  /**
   * An incident recorded after the fact: how long after its opening a deadline that had
   * already passed then waits, so steps done offline can be recorded first (0: not at all).
   */
  LATE_ENTRY_GRACE_MINUTES: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(1440).default(10)),
  /** How often each node re-reads the holiday years loaded into the database. */
  CALENDAR_REFRESH_MS: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
  ),
  /** The witness file (README "What /verify detects"): off when unset. */
  WITNESS_FILE: optional(z.string()),
  /** How long committed heads wait before they are written to the witness, in one batch (0: at once). */
  WITNESS_INTERVAL_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(60_000).default(1_000)),
  // Limits (README "Limits").
  ACTOR_CACHE_SIZE: count(1000, 0),
  /** Open incidents made live once a node has started (prepare.ts `prepareOpen`; 0: none). */
  PREPARE_AT_START: count(1000, 0),
  /** A live incident's snapshot is written once it is this many versions behind (src/engine/tail.ts; 1: always). */
  SNAPSHOT_EVERY: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(1_000).default(8)),
  STREAMS_MAX: count(1000, 1),
  STREAMS_PER_ORGANISATION: count(100, 1),
  STREAMS_PER_TOKEN: count(10, 1),
  EVIDENCE_UPLOADS_PER_ORGANISATION: count(4, 1),
  /** 0: no limit. */
  AUTH_FAILURES_PER_MINUTE: count(30, 0),
  SECURITY_LOG_MAX_ROWS: count(100_000, 100),
  SECURITY_LOG_MAX_AGE_DAYS: count(400, 1),
  REQUEST_TIMEOUT_MS: count(120_000, 1000),
  HEADERS_TIMEOUT_MS: count(20_000, 1000),
  KEEP_ALIVE_TIMEOUT_MS: count(5_000, 100),
})

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Config {
  /** The settings file read under the environment, or null when there was none. */
  settingsFile: string | null
  port: number
  host: string
  databaseUrl: string
  authTokens: readonly QuickStartToken[]
  workingHours: string
  webhooks: readonly string[]
  webhookRoutes: ReadonlyArray<{ plan: string; types?: string[] | undefined; url: string }>
  webhookSecret: string | null
  /** Where evidence files are kept: EVIDENCE_DIR, else `evidence/` beside the SQLite file (./data/evidence for PostgreSQL). */
  evidenceDir: string
  logLevel: LogLevel
  timerPollMs: number
  timerPrepareMs: number
  /** How long a deadline already passed when its incident was opened waits before it fires (ms). */
  lateEntryGraceMs: number
  /** Incidents kept restored in memory between changes (src/engine/live.ts); 0 keeps none. */
  actorCacheSize: number
  /** Open incidents made live once the node has started (PREPARE_AT_START). */
  prepareAtStart: number
  /** A live incident's snapshot is written once it is this many versions behind (src/engine/tail.ts). */
  snapshotEvery: number
  /** The witness file (absolute), or null when none is kept; never inside the SQLite database's directory. */
  witnessFile: string | null
  witnessIntervalMs: number
  calendarRefreshMs: number
  /** Uploads, failed authentications and the security log (src/http/limits.ts). */
  limits: Readonly<Limits>
  /** Live streams in total, per organisation and per token (src/live/hub.ts). */
  streams: Readonly<{ max: number; perOrganisation: number; perToken: number }>
  /** Node's server timeouts (src/http/server.ts). */
  timeouts: Readonly<ServerTimeouts>
}

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url)

/** Parses an environment (default `process.env`); throws one message naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`)
    throw new Error(`Invalid settings:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const sqliteFile = e.DATABASE_URL.replace(/^sqlite:(\/\/)?/, '')
  const evidenceDir =
    e.EVIDENCE_DIR ??
    (isPostgres(e.DATABASE_URL) || sqliteFile === ':memory:'
      ? resolve('data', 'evidence')
      : join(dirname(resolve(sqliteFile)), 'evidence'))
  const witnessFile = e.WITNESS_FILE === undefined ? null : resolve(e.WITNESS_FILE)
  if (witnessFile && !isPostgres(e.DATABASE_URL) && sqliteFile !== ':memory:') {
    const dbDir = dirname(resolve(sqliteFile))
    if (witnessFile === dbDir || witnessFile.startsWith(`${dbDir}${sep}`))
      throw new Error(
        `Invalid settings:\n  WITNESS_FILE: must lie outside the database's directory (${dbDir}): whoever can roll back the database there could roll back the witness with it`,
      )
  }
  return Object.freeze({
    settingsFile: null,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    authTokens: Object.freeze(e.AUTH_TOKENS),
    workingHours: e.WORKING_HOURS,
    webhooks: Object.freeze(e.WEBHOOKS),
    webhookRoutes: Object.freeze(e.WEBHOOK_ROUTES),
    webhookSecret: e.WEBHOOK_SECRET ?? null,
    evidenceDir: resolve(evidenceDir),
    logLevel: e.LOG_LEVEL,
    timerPollMs: e.TIMER_POLL_MS,
    timerPrepareMs: e.TIMER_PREPARE_SECONDS * 1000,
    lateEntryGraceMs: e.LATE_ENTRY_GRACE_MINUTES * 60_000,
    actorCacheSize: e.ACTOR_CACHE_SIZE,
    prepareAtStart: e.PREPARE_AT_START,
    snapshotEvery: e.SNAPSHOT_EVERY,
    witnessFile,
    witnessIntervalMs: e.WITNESS_INTERVAL_MS,
    calendarRefreshMs: e.CALENDAR_REFRESH_MS,
    limits: Object.freeze({
      uploadsPerOrganisation: e.EVIDENCE_UPLOADS_PER_ORGANISATION,
      authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
      securityLogMaxRows: e.SECURITY_LOG_MAX_ROWS,
      securityLogMaxAgeDays: e.SECURITY_LOG_MAX_AGE_DAYS,
    }),
    streams: Object.freeze({
      max: e.STREAMS_MAX,
      perOrganisation: e.STREAMS_PER_ORGANISATION,
      perToken: e.STREAMS_PER_TOKEN,
    }),
    timeouts: Object.freeze({
      requestMs: e.REQUEST_TIMEOUT_MS,
      headersMs: Math.min(e.HEADERS_TIMEOUT_MS, e.REQUEST_TIMEOUT_MS),
      keepAliveMs: e.KEEP_ALIVE_TIMEOUT_MS,
    }),
  })
}

/**
 * The environment over its settings file: `ENV_FILE` names one (it must exist), else
 * `.env` in `cwd` is read when present. A variable set in the environment wins over the
 * file, as with any `.env` loader (a blank one does not).
 */
export function readSettings(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): { env: Record<string, string | undefined>; file: string | null } {
  const named = env.ENV_FILE?.trim()
  const file = named ? resolve(cwd, named) : resolve(cwd, '.env')
  if (!existsSync(file)) {
    if (named) throw new Error(`Invalid settings:\n  ENV_FILE: ${file} does not exist`)
    return { env, file: null }
  }
  const fromFile = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>
  const merged: Record<string, string | undefined> = { ...fromFile }
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') merged[k] = v
  return { env: merged, file }
}

/** Settings from the environment and its settings file (readSettings). */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()) {
  const settings = readSettings(env, cwd)
  return Object.freeze({ ...parseConfig(settings.env), settingsFile: settings.file })
}

/** The database a URL names, for people: a PostgreSQL password is hidden, a SQLite path made absolute. */
export function describeDatabase(url: string): string {
  if (isPostgres(url)) {
    try {
      const u = new URL(url)
      if (u.password) u.password = '***'
      return u.toString()
    } catch {
      return 'postgres://(unparsable URL)'
    }
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '')
  return file === ':memory:' ? file : `SQLite ${resolve(file)}`
}

let cached: Readonly<Config> | undefined
/** The process's settings, parsed on first use and then the same frozen object. */
export const config = (): Readonly<Config> => {
  cached ??= loadConfig()
  return cached
}
