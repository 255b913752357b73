import type { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { SecurityAudit } from '../auth/security-log.js'
import type { Calendar } from '../calendar/index.js'
import type { LiveCalendar } from '../calendar/live.js'
import type { Caller, Engine } from '../engine/engine.js'
import type { EvidenceStore } from '../evidence/store.js'
import type { Hub } from '../live/hub.js'
import type { Logger } from '../log.js'
import type { Delivery } from '../notify/delivery.js'
import type { Database } from '../store/schema.js'
import type { Witness } from '../witness/file.js'
import type { Limits } from './limits.js'

/** What src/diagrams/index.ts exports for the diagram and report routes. */
export type DiagramFns = Pick<
  typeof import('../diagrams/index.js'),
  'planMermaid' | 'planSvg' | 'incidentSvg' | 'incidentReport' | 'deadlineReport'
>

export interface PlanCatalogue {
  currentPlans(): PlanDefinition[]
  getPlan(id: string, version?: number): PlanDefinition | undefined
}

/** What createApp needs; everything is passed in, nothing is read from the environment. */
export interface AppDeps {
  engine: Engine
  db: Kysely<Database>
  plans: PlanCatalogue
  /** The calendar in force; a live one (src/calendar/live.ts) also mounts PUT /admin/calendar/{year}. */
  calendar: Pick<Calendar, 'coveredYears' | 'workingHours' | 'coverageWarning' | 'isWorkingDay'> &
    Partial<Pick<LiveCalendar, 'refresh' | 'load' | 'loaded'>>
  /** Structured log (default: silent). */
  log?: Logger
  /** Mounts the diagram and report routes. */
  diagrams?: DiagramFns
  /** Where evidence files are kept; mounts the evidence and verify routes. */
  evidence?: EvidenceStore
  /** Mounts the web console at / and /console/* (no token: static files). */
  console?: Hono
  /** Live updates for the event streams (GET /incidents/stream, /incidents/:id/stream). */
  hub?: Hub
  /** The witness file as it is now (WITNESS_FILE), for GET /incidents/:id/verify. */
  witness?: () => Promise<Witness>
  /** Webhook delivery status for GET /admin/deliveries. */
  delivery?: Pick<Delivery, 'status'>
  /** Limits per client, token and organisation (README "Limits"); unset ones take DEFAULT_LIMITS. */
  limits?: Partial<Limits>
  /** The bounded security log of refusals (default: one made from `limits`); main.ts flushes it. */
  securityAudit?: SecurityAudit
}

export interface AppEnv {
  Variables: {
    requestId: string
    caller: Caller
  }
}
