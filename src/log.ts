/**
 * Structured logs: one JSON object per line on stdout. Callers pass fields, never
 * secrets; nothing here inspects requests, so a token can only get in by being passed.
 */
import type { LogLevel } from './config.js'

export type LogFields = Record<string, unknown>
export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** An Error as loggable fields (its stack stays in the log, never in a response). */
export const errorFields = (e: unknown): LogFields =>
  e instanceof Error
    ? { error: { name: e.name, message: e.message, code: (e as { code?: unknown }).code, stack: e.stack } }
    : { error: { message: String(e) } }

export function createLogger(
  opts: { level?: LogLevel; write?: (line: string) => void; now?: () => Date } = {},
): Logger {
  const min = RANK[opts.level ?? 'info']
  const write = opts.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  const now = opts.now ?? (() => new Date())
  const at =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (RANK[level] < min) return
      write(JSON.stringify({ time: now().toISOString(), level, msg, ...fields }))
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

const drop = () => undefined
/** A logger that drops everything (tests, benchmarks), without serialising what it drops. */
export const silentLogger: Logger = { debug: drop, info: drop, warn: drop, error: drop }
