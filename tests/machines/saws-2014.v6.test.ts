/**
 * 安全生产网络舆情应对预案 version 6: what a change of grade or category withdraws (kit options
 * `categoryChange: 'categoriesOnly'`, `lowerAtDue: 'withdraws'`). Version 5 (frozen) withdrew
 * 五(一)'s report to 办公厅 begun at a lower grade and kept owed by a rise (rule 4) at an
 * unrelated category change, and left a report due at the very instant of a lowering owed,
 * to breach a moment later (rule 5: its due time had not passed).
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV6 as plan, planV5 } from '../../machines/saws-2014/index.js'
import type { Actor, Category, Severity } from '../../machines/vocabulary.js'
import { startIncident, type Walker } from '../helpers/machine.js'

const GROUP: Actor = { name: '领导小组', role: 'group' }
const OFFICE: Actor = { name: '值班员', role: 'office' }
const status = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)?.status

function risen(p: PlanDefinition, from: Severity, to: Severity, category: Category) {
  const w = startIncident(p, { severity: from, severityReason: '研判', category }, OFFICE)
  w.send('SET_SEVERITY', { severity: to, reason: '恶化' }, { actor: GROUP })
  return w
}

describe('saws-2014 v6: a category change withdraws only what its categories make unrequired (rule 4)', () => {
  for (const [from, to] of [
    ['general', 'large'],
    ['large', 'major'],
  ] as const)
    it(`the ${from} report to 办公厅 a rise to ${to} kept stays owed across a category change`, () => {
      const id = `report:office:${from}#1`
      const w = risen(plan, from, to, 'suggestion')
      expect(status(w, id)).toBe('owed')
      w.send('SET_CATEGORY', { category: 'inquiry' }, { actor: OFFICE })
      expect(status(w, id)).toBe('owed')
      const v5 = risen(planV5, from, to, 'suggestion')
      v5.send('SET_CATEGORY', { category: 'inquiry' }, { actor: OFFICE })
      expect(status(v5, id)).toBe('withdrawn')
    })
})

describe('saws-2014 v6: a lowering at the due instant withdraws (rule 5)', () => {
  function loweredAtDue(p: PlanDefinition) {
    const w = startIncident(p, { severity: 'major', severityReason: '研判' }, OFFICE)
    const due = w.context().obligations.find((o) => o.id === 'report:office:major#1')?.dueAt as string
    w.send('SET_SEVERITY', { severity: 'large', reason: '缓和' }, { actor: GROUP, at: due })
    return w
  }
  it('major lowered to large at the report’s due time: withdrawn, nothing breaches', () => {
    const w = loweredAtDue(plan)
    expect(status(w, 'report:office:major#1')).toBe('withdrawn')
    expect(() => w.fire('report:office:major')).toThrow(/no owed obligation/)
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
    expect(status(loweredAtDue(planV5), 'report:office:major#1')).toBe('owed')
  })
  it('lowered a minute before the due time it was withdrawn before too (unchanged)', () => {
    for (const p of [plan, planV5]) {
      const w = startIncident(p, { severity: 'major', severityReason: '研判' }, OFFICE)
      w.send('SET_SEVERITY', { severity: 'large', reason: '缓和' }, { actor: GROUP })
      expect(status(w, 'report:office:major#1')).toBe('withdrawn')
    }
  })
})

describe('saws-2014 version 6', () => {
  it('migrates from version 5 (same states; rules amended only where the review found a defect), which stays registered', () => {
    expect(plan).toMatchObject({ version: 6, migratesFrom: { from: 5 } })
    // The same rules, in the same order, but those amended (saws-2014.v6-review.test.ts).
    expect(plan.obligations.map((r) => r.id)).toEqual(planV5.obligations.map((r) => r.id))
    const amended = plan.obligations.filter((r, i) => r !== planV5.obligations[i]).map((r) => r.id)
    expect(amended).toEqual(['report:office:large', 'report:office:major', 'propose'])
    expect(planV5).toMatchObject({ version: 5, migratesFrom: { from: 4 } })
  })
})
