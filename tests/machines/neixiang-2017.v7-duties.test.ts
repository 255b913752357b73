/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 7: the review's findings about what an incident owes
 * and who may waive it (findings 3, 4, 9, 10, 11) and its citations (14). Each test fails on
 * version 6 (released, frozen); where version 6 keeps the old behaviour one assertion shows it.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  current,
  grade,
  group,
  lastAt,
  monitor,
  ob,
  ofRule,
  open,
  POLITICAL_MASS,
  principal,
  reportBoth,
  speaker,
  toFollowing,
  v6,
  v11,
  waiveIn,
} from './neixiang-2017.helpers.js'

describe('finding 3 — 第五條: an incident of 重大影响 owes the mainstream coverage, also when graded so at opening', () => {
  it('D: opened at major, mainstream:major#1 is owed (第五條), and one MAINSTREAM_RELEASE meets it', () => {
    const w = toFollowing(current, 'major')
    expect(ob(w, 'mainstream:major#1')).toMatchObject({ kind: 'release', clause: '第五條', status: 'owed' })
    const d = approvedDraft(w, 'release', '主流媒体稿')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d, outlet: '河南日报' }, group)).toBe(true)
    expect(ob(w, 'mainstream:major#1')?.status).toBe('met')
    expect(
      v6.obligations.some((r) => r.clause === '第五條' && r.discharge.type === 'MAINSTREAM_RELEASE'),
    ).toBe(false)
  })

  it('a rise to major owes both 第五條 and 第六條, met by one release; a release made at general does not count', () => {
    const w = toFollowing(current)
    const d = approvedDraft(w, 'release', '主流媒体稿')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d, outlet: '河南日报' }, group)).toBe(true)
    grade(w, 'major')
    expect(ob(w, 'mainstream:major#1')?.status).toBe('owed')
    expect(ob(w, 'mainstream#1')?.status).toBe('owed')
    const d2 = approvedDraft(w, 'release', '主流媒体续稿')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d2, outlet: '河南日报' }, group)).toBe(true)
    expect(ob(w, 'mainstream:major#1')?.status).toBe('met')
    expect(ob(w, 'mainstream#1')?.status).toBe('met')
  })

  it('is not owed at general', () => {
    expect(ofRule(open(current), 'mainstream:major')).toEqual([])
  })
})

describe('finding 4 — 第四條 names one report to the group; 第三條5/6 are the group’s own duties', () => {
  it('E: the group raises the grade itself: no second report to the group; the 续报 to the principal leaders stays (第三條5)', () => {
    for (const p of [current, v6]) {
      const w = open(p)
      reportBoth(w)
      grade(w, 'major')
      const rise = lastAt(w)
      expect(ofRule(w, 'report:group').length).toBe(p === current ? 1 : 2)
      expect(ob(w, 'report:principal#2')).toMatchObject({ status: 'owed', dueAt: addMinutes(rise, 30) })
    }
    const rule = (p: PlanDefinition, id: string) => p.obligations.find((r) => r.id === id)
    // Versions 7 to 11 owe the group no 续报 at all; version 12 owes one for a rise not the group's own
    // (第四條; neixiang-2017.v12.test.ts), never for the group's own rise (above).
    expect(rule(v11, 'report:group')?.again).toBeUndefined()
    expect(rule(current, 'report:group')?.policy).not.toMatch(/第三條/)
    expect(rule(current, 'report:principal')?.policy).toMatch(/第三條5/)
    expect(rule(current, 'report:principal')?.policy).not.toMatch(/第三條6/)
  })
})

describe('finding 9 — 第五條 有重大影响的舆情: a conference held at general does not meet the duty of 重大', () => {
  it('F: press at general, then a rise: press#1 is owed; version 6 began it met', () => {
    for (const p of [current, v6]) {
      const w = toFollowing(p)
      expect(act(w, 'PRESS_CONFERENCE', { draftId: approvedDraft(w, 'press') }, speaker)).toBe(true)
      grade(w, 'major')
      expect(ob(w, 'press#1')?.status).toBe(p === current ? 'owed' : 'met')
    }
  })

  it('a conference held at critical still meets it after a lowering to major (rule 5)', () => {
    const w = toFollowing(current, 'critical')
    expect(act(w, 'PRESS_CONFERENCE', { draftId: approvedDraft(w, 'press') }, speaker)).toBe(true)
    grade(w, 'major')
    expect(ofRule(w, 'press').map((o) => o.status)).toEqual(['met'])
  })
})

describe('finding 10 — rule 5: a lowering withdraws a 续报 not yet due, and never produces a breach', () => {
  it('general → major → general at the due instant: report:principal#2 is withdrawn; version 6 kept it, to breach', () => {
    for (const p of [current, v6]) {
      const w = open(p)
      reportBoth(w)
      grade(w, 'major')
      const rise = lastAt(w)
      grade(w, 'general', addMinutes(rise, 30))
      const o = ob(w, 'report:principal#2')
      if (p === v6) {
        expect(o?.status).toBe('owed')
        continue
      }
      expect(o?.status).toBe('withdrawn')
      expect(w.owed().filter((x) => x.kind === 'report')).toEqual([])
      expect(w.context().obligations.some((x) => x.breachedAt !== null)).toBe(false)
    }
  })

  it('the same, lowered before the due instant: withdrawn too (the principal leaders know of general)', () => {
    const w = open(current)
    reportBoth(w)
    grade(w, 'major')
    grade(w, 'general', addMinutes(lastAt(w), 10))
    expect(ob(w, 'report:principal#2')?.status).toBe('withdrawn')
  })

  it('control: general → major → critical → major, the leaders told only of general, still owe the 续报', () => {
    const w = open(current)
    reportBoth(w)
    grade(w, 'major')
    grade(w, 'critical')
    grade(w, 'major')
    expect(w.owed().filter((o) => o.rule === 'report:principal').length).toBeGreaterThan(0)
  })
})

describe('finding 11 — the group does not waive reports owed to its superiors or by another office', () => {
  it('G: opened critical, the group may not waive report:higher#1 nor report:principal#1; 县委办 may', () => {
    for (const p of [current, v6]) {
      const w = open(p, 'critical')
      const now = p === current
      // waiveIn checks the plan's WAIVE roles as the engine does (diff review 1: the machine alone
      // accepted 县委办's waiver that the engine refused with 403).
      expect(waiveIn(p, w, 'report:higher#1')).toBe(!now)
      expect(waiveIn(p, w, 'report:principal#1')).toBe(!now)
      if (!now) continue
      expect(waiveIn(p, w, 'report:higher#1', principal)).toBe(true)
      expect(waiveIn(p, w, 'report:principal#1', principal)).toBe(true)
      expect(waiveIn(p, w, 'report:group#1', principal)).toBe(false)
      expect(waiveIn(p, w, 'report:group#1')).toBe(true)
    }
    for (const id of ['report:higher', 'report:principal'])
      expect(current.obligations.find((r) => r.id === id)?.policy).toMatch(/免除/)
  })
})

interface Prop {
  description?: string
  enum?: string[]
}
/** The console's plain JavaScript (src/console/static/labels.js), run here under Node. */
const LABELS = '../../src/console/static/labels.js'
const { labelsFromDescription } = (await import(LABELS)) as {
  labelsFromDescription: (description: unknown, codes: unknown) => Map<string, string>
}

describe('finding 14 — citations', () => {
  const spec = (p: PlanDefinition, type: string) => p.events.find((e) => e.type === type)
  const excerpt = (ref: string) => current.clauses.find((c) => c.ref === ref)?.text ?? ''

  it('第二條4 names 危害国家安全、损害我县形象的事件 too, and 新闻宣传服从现场处置', () => {
    expect(excerpt('第二條4')).toMatch(/危害國家安全/)
    expect(excerpt('第二條4')).toMatch(/服從現場處置/)
    const schema = spec(current, 'SET_CATEGORY')?.schema
    const category = schema
      ? JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }))
      : ''
    expect(category).toMatch(/危害国家安全/)
    // The console names a choice from its field's description (code 名称, up to ，or ；).
    const prop = schema
      ? (z.toJSONSchema(schema, { io: 'input' }) as unknown as { properties: { category: Prop } })
      : null
    const named = labelsFromDescription(prop?.properties.category.description, prop?.properties.category.enum)
    expect(named.get(POLITICAL_MASS)).toMatch(/重大政治性、群体性事件或危害国家安全、损害我县形象的事件/)
    const lead = current.approvals.general?.find((a) => a.code === 'propaganda')
    expect(lead?.label).toMatch(/危害国家安全/)
    expect(spec(current, 'SET_CATEGORY')?.schema.safeParse({ category: POLITICAL_MASS }).success).toBe(true)
  })

  it('第三條5 names the 通报 to 有关单位和部门', () => {
    expect(excerpt('第三條5')).toMatch(/通報/)
  })

  it('REPORT cites 第二條1 and 第二條3 besides 第四條; grading cites 第二條1、第二條3', () => {
    expect(spec(current, 'REPORT')?.meta.clause).toBe('第四條、第二條1、第二條3')
    expect(spec(v6, 'REPORT')?.meta.clause).toBe('第四條')
    expect(spec(current, 'CLASSIFY')?.meta.clause).toBe('第二條1、第二條3')
    expect(spec(current, 'SET_SEVERITY')?.meta.clause).toBe('第二條1、第二條3')
  })
})

describe('version 7 keeps what version 6 got right', () => {
  it('the report to the group is owed once, 30 minutes from discovery (第四條)', () => {
    const w = open(current)
    expect(ob(w, 'report:group#1')).toMatchObject({ clause: '第四條', dueAt: addMinutes(T0, 30) })
    expect(ob(w, 'report:group#1')?.policy).toMatch(/30 分钟/)
  })

  it('a monitor still reports both; the principal role reports a critical incident upward', () => {
    const w = open(current, 'critical')
    reportBoth(w)
    expect(act(w, 'REPORT', { to: ['higher'], proposal: '上报' }, principal)).toBe(true)
    expect(act(w, 'REPORT', { to: ['higher'], proposal: '上报' }, monitor)).toBe(false)
  })
})
