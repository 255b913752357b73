/**
 * The kit's conditions `actAtGrade … since` (a step counts only after the latest event of
 * that type: a relapse not yet reported) and `waivedAtGrade` (the waiver counterpart of
 * `actAtGrade`: an instance begun at the current grade or a higher one was waived, rule 2),
 * read on the toy plan's incidents (kit/told-at-grade.ts, kit/conditions.ts). Used by
 * saws-2014 versions 7 to 9 only.
 */
import { describe, expect, it } from 'vitest'
import { holds, testOf } from '../../machines/kit/conditions.js'
import type { Condition } from '../../machines/kit/types.js'
import type { Walker } from '../helpers/machine.js'
import { grade, group, open } from '../helpers/toy-incident.js'
import { toyPlan } from '../helpers/toy-plan.js'

/** Opened 重大. */
const openMajor = () => open(toyPlan, { severity: 'major' })
/** Both readings of a condition (`holds` as given, `testOf` compiled once) agree; returns theirs. */
function read(w: Walker, c: Condition): boolean {
  const given = holds(w.context(), c)
  expect(testOf(c)(w.context())).toBe(given)
  return given
}

const toldSinceRelapse: Condition = { actAtGrade: 'REPORT', fields: { to: ['group'] }, since: 'RELAPSE' }
const toldEver: Condition = { actAtGrade: 'REPORT', fields: { to: ['group'] } }
/** A relapse recorded at this instant (the toy accepts RELAPSE in disposal only: the condition reads acts). */
function relapse(w: Walker) {
  const ctx = w.context()
  const at = ctx.acts.at(-1)?.at as string
  return { ...ctx, acts: [...ctx.acts, { type: 'RELAPSE', at, severity: ctx.severity, fields: {} }] }
}

describe('kit actAtGrade with since', () => {
  it('a report before the latest relapse does not count; one after it does', () => {
    const w = openMajor()
    w.send('REPORT', { to: ['group'] })
    expect(read(w, toldSinceRelapse)).toBe(true)
    const relapsed = relapse(w)
    expect(holds(relapsed, toldSinceRelapse)).toBe(false)
    expect(testOf(toldSinceRelapse)(relapsed)).toBe(false)
    // Without since, the report before the relapse still counts (unchanged).
    expect(holds(relapsed, toldEver)).toBe(true)
    const reported = {
      ...relapsed,
      acts: [
        ...relapsed.acts,
        {
          type: 'REPORT',
          at: relapsed.acts.at(-1)?.at as string,
          severity: relapsed.severity,
          fields: { to: ['group'] },
        },
      ],
    }
    expect(holds(reported, toldSinceRelapse)).toBe(true)
    expect(testOf(toldSinceRelapse)(reported)).toBe(true)
  })

  it('still reads the grade: a report since the relapse at a lower grade does not count', () => {
    const w = openMajor()
    grade(w, 'general')
    w.send('REPORT', { to: ['group'] })
    grade(w, 'major')
    expect(read(w, toldSinceRelapse)).toBe(false)
  })
})

describe('kit waivedAtGrade', () => {
  const waived: Condition = { waivedAtGrade: 'report:group' }
  const waive = (w: Walker) => {
    const id = w.owed().find((o) => o.rule === 'report:group')?.id as string
    w.send('WAIVE', { obligation: id, reason: '已当面报告' }, { actor: group })
  }

  it('an instance begun at 重大 and waived counts at 重大 and below, not after a rise above it', () => {
    const w = openMajor()
    expect(read(w, waived)).toBe(false)
    waive(w)
    expect(read(w, waived)).toBe(true)
    grade(w, 'critical')
    expect(read(w, waived)).toBe(false)
    grade(w, 'major')
    expect(read(w, waived)).toBe(true)
    grade(w, 'general')
    expect(read(w, waived)).toBe(true)
  })

  it('an instance begun at a lower grade and waived does not count after a rise', () => {
    const w = open(toyPlan)
    waive(w)
    grade(w, 'major')
    expect(read(w, waived)).toBe(false)
  })

  it('with since: a waiver of an instance begun before the latest relapse does not count', () => {
    const w = openMajor()
    waive(w)
    const c: Condition = { waivedAtGrade: 'report:group', since: 'RELAPSE' }
    expect(read(w, c)).toBe(true)
    const later = { ...relapse(w) }
    const at = new Date(Date.parse(later.acts.at(-1)?.at as string) + 60_000).toISOString()
    later.acts = [...later.acts.slice(0, -1), { ...(later.acts.at(-1) as (typeof later.acts)[number]), at }]
    expect(holds(later, c)).toBe(false)
    expect(testOf(c)(later)).toBe(false)
  })
})

describe('kit waivedAtGrade: a waiver settles only its own instance', () => {
  it('a waived instance does not count while an earlier instance of the rule is still owed', () => {
    const w = openMajor()
    const id = w.owed().find((o) => o.rule === 'report:group')?.id as string
    w.send('WAIVE', { obligation: id, reason: '已当面报告' }, { actor: group })
    const c: Condition = { waivedAtGrade: 'report:group' }
    expect(read(w, c)).toBe(true)
    const ctx = w.context()
    const waivedOne = ctx.obligations.find((o) => o.id === id) as (typeof ctx.obligations)[number]
    const earlier = new Date(Date.parse(waivedOne.startedAt) - 60_000).toISOString()
    const owedBefore = { ...waivedOne, id: 'report:group#0', status: 'owed' as const, startedAt: earlier }
    const withOwed = { ...ctx, obligations: [owedBefore, ...ctx.obligations] }
    expect(holds(withOwed, c)).toBe(false)
    expect(testOf(c)(withOwed)).toBe(false)
    // An instance still owed that began after the waived one does not undo it (the round trip).
    const owedAfter = {
      ...owedBefore,
      startedAt: new Date(Date.parse(waivedOne.startedAt) + 60_000).toISOString(),
    }
    const later = { ...ctx, obligations: [...ctx.obligations, owedAfter] }
    expect(holds(later, c)).toBe(true)
    expect(testOf(c)(later)).toBe(true)
  })
})
