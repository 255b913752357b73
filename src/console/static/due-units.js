/**
 * The unit of each obligation rule's due time (GET /plans/:id `obligations[].due.unit`:
 * minutes, hours, workingHours, workingDays), per plan version the console has read, so
 * that a countdown tells a deadline in working days (5个工作日内) from one in hours.
 */

/** `${planId}@${version}` → Map(rule id → unit) */
const units = new Map()
const keyOf = (planId, version) => `${planId}@${version}`
const asked = new Set()

/** Keeps the due units of a plan description (app.js does, for every plan version it reads). */
export function rememberDueUnits(plan) {
  if (!Array.isArray(plan?.obligations)) return
  const rules = plan.obligations.filter((r) => r.due).map((r) => [r.id, r.due.unit])
  units.set(keyOf(plan.id, plan.version), new Map(rules))
}

/** Whether the deadline or obligation `x` of incident `v` (they share their `id`) is due in working days. */
export function inWorkingDays(v, x) {
  const rule = v.obligations?.find((o) => o.id === x.id)?.rule
  return units.get(keyOf(v.planId, v.planVersion))?.get(rule) === 'workingDays'
}

/**
 * Reads, once each, the plan versions of `incidents` whose units are not known yet
 * (`peekPlan(id, version)`, which remembers them), and calls `redraw` after each.
 */
export function askDueUnits(incidents, peekPlan, redraw) {
  for (const v of incidents) {
    const key = keyOf(v.planId, v.planVersion)
    if (v.planVersion === undefined || units.has(key) || asked.has(key)) continue
    asked.add(key)
    peekPlan(v.planId, v.planVersion).then(redraw, () => asked.delete(key))
  }
}
