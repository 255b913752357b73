/**
 * One error hierarchy for the whole service. Each carries the HTTP status and the
 * extra members its problem+json body needs (RFC 9457); the HTTP layer maps them.
 */
export interface FieldError {
  path: string
  message: string
  expected?: string
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail)
  }
}

export class ValidationError extends AppError {
  constructor(detail: string, errors: FieldError[]) {
    super('validation', 400, 'Invalid request', detail, { errors })
  }
}
export class NotFound extends AppError {
  constructor(what: string) {
    super('not-found', 404, 'Not found', `${what} does not exist`)
  }
}
export class Unauthorized extends AppError {
  constructor(
    detail = 'A valid bearer token is required',
    /** RFC 6750 §3.1: why a token that was sent is refused (none: no token was sent). */
    readonly bearerError?: 'invalid_request' | 'invalid_token',
  ) {
    super('unauthorized', 401, 'Unauthorized', detail)
  }
  /** The `WWW-Authenticate` challenge every 401 carries (RFC 9110 §11.6.1, RFC 6750 §3). */
  get challenge(): string {
    return `Bearer realm="yuqing-flow"${this.bearerError ? `, error="${this.bearerError}"` : ''}`
  }
}
export class Forbidden extends AppError {
  constructor(detail: string) {
    super('forbidden', 403, 'Forbidden', detail)
  }
}

/** What a 409 carries so a client can refresh without another request (API.md "Errors"). */
export interface CurrentState {
  allowedEvents: string[]
  version: number
  phase: string
  state: unknown
}
/**
 * Why an event was refused: what is still owed, which approvals a draft lacks, which owed
 * decision's yes it follows; else which of the plan's conditions do not hold, or which
 * states take the event.
 */
export interface RefusalDetail {
  owed?: unknown[]
  missingApprovals?: Array<{ code: string; label: string; draftId: string }>
  decisions?: Array<{ obligation: string; rule: string; label: string }>
  /** Where nothing owed says why: the plan's conditions (guards) for the event that do not hold now. */
  conditions?: RefusedCondition[]
  /** Where no active state has a transition for the event: the states that have one. */
  acceptedIn?: StateAccepting[]
  /** A DECIDE of a decision not owed now: which decision, and why it is not owed. */
  decision?: DecisionNotOwed
  /** An event refused because of the draft it names: which, and what became of it. */
  draft?: DraftRefused
  /** A WAIVE of an owed obligation by a role its rule does not let waive it: which, and who may. */
  waiver?: WaiverRefused
  reason?: string
}
/**
 * Why the draft an event names stops it: there is no such draft (`unknown`), it was withdrawn
 * (`withdrawn`: `at`, `by` whom, the `reason` given), published already (`released`: `at`),
 * superseded by a newer draft of its purpose (`superseded`: `newer`), or written by the one
 * approving it where the plan separates them (`author`: `by`, the author; `approval`, its label).
 */
export interface DraftRefused {
  id: string
  why: 'unknown' | 'withdrawn' | 'released' | 'superseded' | 'author'
  at?: string
  by?: string
  reason?: string
  newer?: string
  approval?: string
}
/**
 * A guard of the plan that refused: its code name, its words (as the plan page says it, less a
 * clause `clause` names), the clauses of the transitions it refused, each once.
 */
export interface RefusedCondition {
  guard: string
  words: string
  clause: string
}
/**
 * Why a DECIDE's decision is not owed: the plan has no such decision (`unknown`), its latest
 * asking was answered (`answered`: how and when) or waived (`waived`: when), or it is not
 * asked yet (`notAsked`: `askedWhen`, the condition it is asked on in the plan's words, as
 * GET /plans/:planId's obligations say it). `label`: the rule's label (not for `unknown`).
 */
export interface DecisionNotOwed {
  id: string
  label?: string
  why: 'unknown' | 'answered' | 'waived' | 'notAsked' | 'owedByOthers'
  answer?: 'yes' | 'no'
  at?: string
  askedWhen?: string
  /** `owedByOthers`: the roles that owe it (the caller's role is among DECIDE's, not these). */
  owedBy?: string[]
}
/** A WAIVE refused for the role (`notEntitled`): the obligation (`id`, `label`) and the roles that may waive it. */
export interface WaiverRefused {
  id: string
  label: string
  why: 'notEntitled'
  waivableBy: string[]
}
/** A state that takes an event: its path (as GET /plans/:planId's `states`), its phase, its words (`处置 › 拟稿审定`). */
export interface StateAccepting {
  state: string
  phase?: string
  label: string
}
export class EventNotAllowed extends AppError {
  constructor(type: string, current: CurrentState, detail: RefusalDetail = {}) {
    super(
      'event-not-allowed',
      409,
      'Event not accepted in the current state',
      detail.reason ?? `${type} is not accepted in phase ${current.phase}`,
      { ...current, ...detail },
    )
  }
}
export class VersionConflict extends AppError {
  constructor(expected: number, current: CurrentState) {
    super(
      'version-conflict',
      409,
      'Version conflict',
      `expected version ${expected}, the incident is at version ${current.version}`,
      { ...current },
    )
  }
}
export class IdempotencyMismatch extends AppError {
  constructor() {
    super(
      'idempotency-key-reused',
      422,
      'Idempotency key reused',
      'this Idempotency-Key was already used with a different request body',
    )
  }
}
export class StorageUnavailable extends AppError {
  /** `outcome: 'unknown'`: the change may have been kept (a failed sync); else nothing was written. */
  constructor(detail: string, extra: { outcome?: 'unknown' } = {}) {
    super('storage-unavailable', 503, 'Storage unavailable', detail, extra)
  }
}
export class UnknownPlanVersion extends AppError {
  constructor(planId: string, version: number) {
    super(
      'unknown-plan-version',
      500,
      'Unknown plan version',
      `incident was opened on ${planId} version ${version}, which this build does not carry; it is refused rather than half-loaded`,
    )
  }
}

/** 429: a limit per client, token or organisation (README "Limits"); `limit` names the setting. */
export class TooManyRequests extends AppError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
    limit: string,
  ) {
    super('too-many-requests', 429, 'Too many requests', detail, { limit })
  }
}
