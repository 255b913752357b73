/**
 * hrss-city 10 → 11 (rules/migration-v11.ts): a 续报 to the group a rise began on version 10, that
 * version 11 would have withdrawn at a lowering already on the record (三第二步, OBLIGATIONS.md rule
 * 5), is withdrawn by the migration — by whoever migrates, at the migration, its reason naming the
 * lowering — when it is still not due; one due or breached stays owed (rule 1). Nothing is removed
 * or reordered.
 */
import { describe, expect, it } from 'vitest'
import { planV10 } from '../../machines/hrss-city/index.js'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Severity } from '../../machines/vocabulary.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, G, M, migrated, O, resumed } from './hrss-city.helpers.js'

/** The migration's target: version 11 itself, not whatever version is current. */
const plan = getPlan('hrss-city', 11) as PlanDefinition

const GROUP = 'report:group'
const report = (w: Walker, summary: string, at: string) =>
  w.send('REPORT', { to: ['group'], summary }, { actor: M, at })
const grade = (w: Walker, severity: Severity, reason: string, by: typeof O, at: string) =>
  w.send('SET_SEVERITY', { severity, reason }, { actor: by, at })

/** On version 10: 一般, 首报 09:05, raised to 重大 at 09:40 by the office. */
function raisedOnV10() {
  const w = startIncident(planV10, { severity: 'general', severityReason: '研判', category: 'doubt' }, O)
  w.send('RECORD_SOURCE', { source: 'x' }, { actor: M, at: day('09:01') })
  report(w, '首报', day('09:05'))
  grade(w, 'major', '升', O, day('09:40'))
  return w
}
const ids = (w: { obligations: readonly { id: string }[] }) => w.obligations.map((o) => o.id)
const second = (ctx: { obligations: readonly { id: string }[] }) =>
  ctx.obligations.find((o) => o.id === 'report:group#2') as ReturnType<
    Walker['context']
  >['obligations'][number]

describe('hrss-city migration 10 → 11: the 续报 a recorded lowering would have withdrawn', () => {
  it('corrected back to 一般 at 09:41, migrated at 09:50: withdrawn, naming the lowering', () => {
    const w = raisedOnV10()
    grade(w, 'general', '误判，更正', G, day('09:41'))
    expect(second(w.context()).status).toBe('owed')
    const r = migrated(planV10, plan, w, day('09:50'))
    expect(ids(r.context)).toEqual(ids(w.context()).concat(ids(r.context).slice(ids(w.context()).length)))
    const o = second(r.context)
    expect(o.status).toBe('withdrawn')
    expect(o.withdrawn?.by).toEqual(G)
    expect(o.withdrawn?.at).toBe(day('09:50'))
    expect(o.withdrawn?.reason).toContain(day('09:41'))
    expect(o.withdrawn?.reason).toContain('误判，更正')
    expect(o.withdrawn?.reason).toContain('第 11 版')
    // Resumed on 11, nothing owed to the group breaches.
    const on11 = resumed(plan, r)
    expect(on11.context().obligations.some((x) => x.rule === GROUP && x.status === 'owed')).toBe(false)
  })

  it('a monitoring update after the lowering changes nothing: the lowering is read as it stood', () => {
    const w = raisedOnV10()
    grade(w, 'general', '误判，更正', G, day('09:41'))
    w.send('METRICS_UPDATED', { facts: { reposts: 10 } }, { actor: M, at: day('09:45') })
    expect(second(migrated(planV10, plan, w, day('09:50')).context).status).toBe('withdrawn')
  })

  it('due or breached by the migration, it stays owed (a migration is no lowering; rule 1)', () => {
    const due = raisedOnV10()
    grade(due, 'general', '误判，更正', G, day('09:41'))
    expect(second(migrated(planV10, plan, due, day('10:15')).context)).toMatchObject({
      status: 'owed',
      breachedAt: null,
    })
    const breached = raisedOnV10()
    grade(breached, 'general', '误判，更正', G, day('09:41'))
    breached.fire(GROUP)
    expect(second(migrated(planV10, plan, breached, day('10:15')).context)).toMatchObject({
      status: 'owed',
      breachedAt: day('10:10'),
    })
  })

  it('kept where version 11 keeps it: no lowering, or one to a grade above the one the group was told of', () => {
    expect(second(migrated(planV10, plan, raisedOnV10(), day('09:50')).context).status).toBe('owed')
    const w = startIncident(planV10, { severity: 'general', severityReason: '研判', category: 'doubt' }, O)
    report(w, '首报', day('09:05'))
    grade(w, 'critical', '升', O, day('09:40'))
    grade(w, 'major', '略有缓和', G, day('09:45'))
    expect(second(migrated(planV10, plan, w, day('09:50')).context).status).toBe('owed')
  })

  it('the first report never made stays owed, and the 续报 beside it', () => {
    const w = startIncident(planV10, { severity: 'general', severityReason: '研判', category: 'doubt' }, O)
    grade(w, 'major', '升', O, day('09:10'))
    grade(w, 'general', '更正', G, day('09:12'))
    const r = migrated(planV10, plan, w, day('09:15'))
    expect(r.context.obligations.filter((o) => o.rule === GROUP).map((o) => o.status)).toEqual([
      'owed',
      'owed',
    ])
  })
})
