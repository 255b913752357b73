/** What the CLI's commands share: the usage error (exit 2) and who the operator is. */
import { userInfo } from 'node:os'

/** A command used wrongly: its message and the usage are printed, exit code 2. */
export class UsageError extends Error {}

/** The operator as recorded (token and organisation changes, loaded holiday years). */
export const operator = () => `cli:${userInfo().username}`
