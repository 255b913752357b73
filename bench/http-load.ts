/**
 * The load generator of benchmark 2, in its own process: autocannon with N connections
 * against the server the benchmark runs. Engine mode: each request sends an event the
 * incident accepts (as last seen) to a random open incident that no other connection
 * is sending to; monitor mode: the same, always the monitoring event (METRICS_UPDATED);
 * monitor-minimal: the monitoring event with `Prefer: return=minimal`;
 * bare modes: the bare route committing at synchronous=FULL (`bare`) or NORMAL
 * (`bare-normal`). Prints autocannon's result as one JSON line and, in the event modes,
 * writes back what each incident now accepts.
 *
 *   node --import tsx bench/http-load.ts <plan.json>
 */
import { readFileSync, writeFileSync } from 'node:fs'
import autocannon, { type Request } from 'autocannon'
import { BARE_PATHS, isBare, type LoadMode, MONITORING_EVENT } from './lib/http-modes.js'

export interface LoadPlan {
  url: string
  mode: LoadMode
  connections: number
  seconds: number
  /** Bearer token per role. */
  tokens: Record<string, string>
  /** incident id → plan id and the events it accepts. */
  incidents: Record<string, { planId: string; allowed: string[] }>
  /** plan id → event type → the role that sends it and a few sample bodies. */
  bodies: Record<string, Record<string, { role: string; bodies: string[] }>>
  /** Where the engine mode writes back `incidents`. */
  out: string
}

const file = process.argv[2]
if (!file) throw new Error('usage: http-load.ts <plan.json>')
const plan = JSON.parse(readFileSync(file, 'utf8')) as LoadPlan
const ids = Object.keys(plan.incidents)
/** Incidents with a request in flight, and how many. */
const busy = new Map<string, number>()
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!

/** A free incident if one turns up soon, else any that still accepts something (the engine serialises). */
function nextEvent(req: Request, context: Record<string, unknown>): Request | null {
  for (let tries = 0; tries < 2000; tries++) {
    const id = pick(ids)
    const incident = plan.incidents[id]!
    if ((tries < 200 && busy.has(id)) || incident.allowed.length === 0) continue
    const type = plan.mode === 'engine' ? pick(incident.allowed) : MONITORING_EVENT
    if (!incident.allowed.includes(type)) continue
    const spec = plan.bodies[incident.planId]?.[type]
    if (!spec) continue
    busy.set(id, (busy.get(id) ?? 0) + 1)
    context.id = id
    return {
      ...req,
      method: 'POST',
      path: `/incidents/${id}/events`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${plan.tokens[spec.role]}`,
        ...(plan.mode === 'monitor-minimal' ? { prefer: 'return=minimal' } : {}),
      },
      body: pick(spec.bodies),
    }
  }
  return null
}

const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  duration: plan.seconds,
  timeout: 30,
  requests: isBare(plan.mode)
    ? [
        {
          method: 'POST',
          path: BARE_PATHS[plan.mode],
          headers: { 'content-type': 'application/json' },
          body: '{}',
        },
      ]
    : [
        {
          setupRequest: (req, context) => nextEvent(req, context),
          onResponse: (status, body, context) => {
            const id = String(context.id)
            const n = (busy.get(id) ?? 1) - 1
            if (n > 0) busy.set(id, n)
            else busy.delete(id)
            const incident = plan.incidents[id]
            if (!incident) return
            try {
              const answer = JSON.parse(body) as { allowedEvents?: string[] }
              if ((status === 200 || status === 409) && answer.allowedEvents)
                incident.allowed = answer.allowedEvents
            } catch {
              // a body cut short: keep what we knew
            }
          },
        },
      ],
})
if (!isBare(plan.mode)) writeFileSync(plan.out, JSON.stringify(plan.incidents))
console.log(JSON.stringify(result))
