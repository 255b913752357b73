/** What the CLI's commands share: the usage error (exit 2) and who the operator is. */
import { userInfo } from 'node:os'

/** A command used wrongly: its message and the usage are printed, exit code 2. */
export class UsageError extends Error {}

/** The operator as recorded (token and organisation changes, loaded holiday years). */
export const operator = () => `cli:${userInfo().username}`

/**
 * SIGTERM or SIGINT (to the CLI or its whole process group): the step in hand finishes (a
 * token written, an incident verified), no further step starts, the database is closed,
 * and the exit code is that of the work done, as after any clean stop.
 */
let stopSignal: NodeJS.Signals | null = null
export const stopRequested = (): NodeJS.Signals | null => stopSignal
export function listenForStop(): void {
  const stop = (signal: NodeJS.Signals) => {
    stopSignal ??= signal
    process.stderr.write(`${signal}: stopping after the current step.\n`)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
