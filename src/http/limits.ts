/**
 * The limits the HTTP layer enforces (README "Limits"), each with its setting in
 * src/config.ts. createApp takes any subset; the rest are these defaults.
 */
export interface Limits {
  /** Evidence uploads in flight at once per organisation (EVIDENCE_UPLOADS_PER_ORGANISATION); more get 429. */
  uploadsPerOrganisation: number
  /** Failed authentications per client and minute (AUTH_FAILURES_PER_MINUTE); then 429 until the minute ends. */
  authFailuresPerMinute: number
  /** Most security-log rows kept (SECURITY_LOG_MAX_ROWS); the oldest go first. */
  securityLogMaxRows: number
  /** Security-log rows older than this many days are pruned (SECURITY_LOG_MAX_AGE_DAYS). */
  securityLogMaxAgeDays: number
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  uploadsPerOrganisation: 4,
  authFailuresPerMinute: 30,
  securityLogMaxRows: 100_000,
  securityLogMaxAgeDays: 400,
})
