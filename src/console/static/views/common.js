/** Pieces more than one view shows: severity and deadline cells, the state label. */
import { h } from '../dom.js'
import { inWorkingDays } from '../due-units.js'
import { colon, listOf, t, term } from '../i18n.js'
import { countdown } from '../time.js'

/** The plan's own label for a severity (e.g. 重大舆情（重要敏感）), else the shared one. */
export function severityLabel(plan, code) {
  if (!code) return t('common.none')
  const own = plan?.severities?.find((s) => s.code === code)?.label
  return own ?? term('severity', code)
}

/**
 * The list's plan for each incident (its title and grade names): the current version from
 * GET /plans when the incident is on it, else the incident's own version, read once
 * (`redraw` when it arrives; the current one stands in meanwhile or if it cannot be read).
 */
export function planOfIncident(ctx, redraw) {
  const older = new Map()
  return (plans, v) => {
    const current = plans.find((p) => p.id === v.planId)
    if (!current || v.planVersion === undefined || v.planVersion === current.version) return current
    const key = `${v.planId}@${v.planVersion}`
    if (!older.has(key)) {
      older.set(key, null)
      ctx.peekPlan(v.planId, v.planVersion).then(
        (plan) => {
          older.set(key, plan)
          redraw()
        },
        () => {},
      )
    }
    return older.get(key) ?? current
  }
}

export const byDue = (a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt)

/**
 * A deadline's name in words: the console's name for the plan deadlines it knows (报告时限),
 * else its obligation's label (`rule`) — never the code of an obligation rule (`assign:unit`).
 */
export function deadlineName(d) {
  const known = term('deadline', d.name)
  return known !== String(d.name) ? known : (d.rule ?? known)
}

/** Not closed, and a deadline missed or pending past its due time (API.md). */
export const isOverdue = (v, now = Date.now()) =>
  !v.closedAt &&
  v.obligations.some(
    (o) => o.status === 'owed' && (o.breachedAt !== null || (o.dueAt !== null && Date.parse(o.dueAt) < now)),
  )

/**
 * The nearest pending deadline counting down, and a red 已超时 badge for missed ones still
 * owed (one done late is no longer overdue; the list's 曾超时 count keeps its breach).
 */
export function nearestDeadline(v) {
  const pending = v.deadlines.filter((d) => d.status === 'pending').sort(byDue)
  const missed = v.deadlines.filter(
    (d) => d.status === 'missed' && (d.obligation === undefined || d.obligation === 'owed'),
  )
  const out = []
  const next = pending[0]
  if (next && !v.closedAt)
    out.push(
      h('span', { class: 'dl-name' }, deadlineName(next)),
      ' ',
      countdown(next.dueAt, document, { workingDays: inWorkingDays(v, next) }),
    )
  if (missed.length && !v.closedAt)
    out.push(
      h(
        'span',
        { class: 'badge overdue' },
        `${t('time.overdue')}${colon()}${listOf(missed.map(deadlineName))}`,
      ),
    )
  return out.length ? out : [t('common.none')]
}

/** Leaf paths of the phase region of a snapshot value: { phase: { a: 'b' } } → ['a.b']. */
export function activePaths(state) {
  const region = state && typeof state === 'object' && 'phase' in state ? state.phase : state
  const out = []
  const walk = (v, prefix) => {
    if (typeof v === 'string') out.push(prefix ? `${prefix}.${v}` : v)
    else if (v && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) walk(child, prefix ? `${prefix}.${k}` : k)
  }
  walk(region, '')
  return out
}

/** "逐级报告" for the active state(s), from the plan's state labels. */
export function stateLabel(plan, view) {
  const labels = activePaths(view.state).map((p) => plan.states.find((s) => s.path === p)?.label || p)
  return labels.length ? labels.join('；') : t('common.none')
}

/**
 * A clause reference, or the local policy the plan follows where it is silent (a policy
 * whose own words already say 本地政策 is shown as written, not prefixed twice).
 */
export const clauseText = (x) =>
  x.clause ??
  (x.policy
    ? x.policy.includes('本地政策')
      ? x.policy
      : t('dl.policy', { policy: x.policy })
    : t('common.none'))

/**
 * clauseText for a narrow table cell: each reference kept whole (五(一)3 never breaks
 * into 五 / (一)3), lines breaking only between references.
 */
export function clauseCell(x) {
  if (!x.clause) return clauseText(x)
  return x.clause
    .split('、')
    .flatMap((ref, i) => [i ? '、' : null, h('span', { class: 'clause-ref' }, ref)])
    .filter((n) => n !== null)
}
