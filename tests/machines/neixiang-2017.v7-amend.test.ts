/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 7 amended in place (unreleased): the findings of a
 * diff review of version 7 (/work/notes/dr-neixiang-2017.md). Finding 1 goes through the real
 * engine, which checks the event's roles before the machine's `canWaive`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { caller, freshEngine } from '../helpers/engine.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  current,
  grade,
  group,
  monitor,
  ob,
  ofRule,
  open,
  principal,
  speaker,
  waive,
} from './neixiang-2017.helpers.js'

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

describe('diff review 1 — the principal side waives the reports to the principal leaders and to 上级, through the engine', () => {
  it('WAIVE report:higher#1 and report:principal#1: 409 from the group, accepted from principal', async () => {
    const t = await freshEngine()
    close = () => t.store.close()
    const { engine } = t
    const v = await engine.open(
      { planId: current.id, title: '特别重大舆情', severity: 'critical', severityReason: '研判' },
      caller('office'),
    )
    expect(v.planVersion).toBe(current.version)
    for (const obligation of ['report:higher#1', 'report:principal#1']) {
      const send = (role: 'group' | 'principal') =>
        engine.send(v.id, { type: 'WAIVE', fields: { obligation, reason: '决定免除' } }, caller(role))
      await expect(send('group')).rejects.toMatchObject({ status: 409 })
      const after = await send('principal')
      expect(after.obligations.find((o) => o.id === obligation)?.status).toBe('waived')
    }
  })

  it('the principal side does not waive the group’s own duties (report:group#1 stays the group’s)', () => {
    const w = open(current, 'critical')
    expect(waive(w, 'report:group#1', principal)).toBe(false)
    expect(waive(w, 'report:group#1', group)).toBe(true)
  })

  it('the plan table names both roles as waivers', () => {
    expect([...current.waivers.roles].sort()).toEqual(['group', 'principal'])
    expect(current.events.find((e) => e.type === 'WAIVE')?.roles).toContain('principal')
  })
})

/** Opened at 重大, reported, the source recorded and a release draft approved while reporting (its id). */
function majorWithDraft() {
  const w = open(current, 'major')
  expect(act(w, 'REPORT', { to: ['group', 'principal'], proposal: '建议公布事实' }, monitor)).toBe(true)
  expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
  return { w, d1: approvedDraft(w, 'release', '经核实……') }
}
/** The stance stated, the group convened, no spokesperson. */
function convene(w: ReturnType<typeof open>) {
  expect(act(w, 'STATE_POSITION', { draftId: approvedDraft(w, 'stance', '高度重视') }, speaker)).toBe(true)
  expect(act(w, 'CONVENE', {}, group)).toBe(true)
  expect(act(w, 'DECIDE', { decision: 'decision:spokesperson', answer: 'no', reason: '不需要' }, group)).toBe(
    true,
  )
}

describe('diff review 2 — facts released in the mainstream media before the consultation are released (第五條、第七條1)', () => {
  it('W6: MAINSTREAM_RELEASE while reporting meets release#1 when it begins; START_RESPONSE goes to following', () => {
    const { w, d1 } = majorWithDraft()
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d1, outlet: '人民网' }, group)).toBe(true)
    expect(ob(w, 'mainstream:major#1')?.status).toBe('met')
    convene(w)
    expect(ob(w, 'release#1')?.status).toBe('met')
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(w.value()).toEqual({ phase: { response: 'following' } })
  })

  it('a mainstream release after release#1 began does not discharge it: the response waits for RELEASE', () => {
    const { w } = majorWithDraft()
    convene(w)
    const d2 = approvedDraft(w, 'release', '主流媒体稿')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d2, outlet: '人民网' }, group)).toBe(true)
    expect(ob(w, 'release#1')?.status).toBe('owed')
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(w.value()).toEqual({ phase: { response: 'releasing' } })
  })
})

describe('diff review 3 — a rise while the first report to the principal leaders is owed begins no second (rule 4, rule 5)', () => {
  it('W3: general, reported to the group only; major at +5 min, general at +10: one breach, one escalation', () => {
    const w = open(current)
    expect(act(w, 'REPORT', { to: ['group'], proposal: '建议' }, monitor)).toBe(true)
    const due = ob(w, 'report:principal#1')?.dueAt
    grade(w, 'major', addMinutes(T0, 5))
    expect(ofRule(w, 'report:principal').map((o) => o.id)).toEqual(['report:principal#1'])
    expect(ob(w, 'report:principal#1')?.dueAt).toBe(due)
    grade(w, 'general', addMinutes(T0, 10))
    w.fire('report:principal#1')
    expect(ob(w, 'report:principal#1')?.breachedAt).toBe(due)
    expect(ofRule(w, 'report:principal')).toHaveLength(1)
    expect(ofRule(w, 'escalate')).toHaveLength(1)
  })

  it('a rise after the first report is met still owes the 续报 (第三條5)', () => {
    const w = open(current)
    expect(act(w, 'REPORT', { to: ['group', 'principal'], proposal: '建议' }, monitor)).toBe(true)
    grade(w, 'major')
    expect(ob(w, 'report:principal#2')?.status).toBe('owed')
  })
})

describe('diff review 4 — the group’s 通报 to 有关单位和部门 (第三條5) is not the 第四條 report to the group', () => {
  it('a units-only REPORT in discovery is accepted and leaves the incident in discovery', () => {
    const w = open(current)
    expect(act(w, 'REPORT', { to: ['units'], proposal: '通报进展' }, group)).toBe(true)
    expect(w.value()).toEqual({ phase: { discovery: 'found' } })
    expect(ob(w, 'report:group#1')?.status).toBe('owed')
    expect(act(w, 'REPORT', { to: ['group'], proposal: '建议' }, monitor)).toBe(true)
    expect(w.phase()).toBe('reporting')
  })
})

/** The seed text's sentences (shared/seeds/neixiang-2017.txt), word for word. */
const SEED = {
  第二條4:
    '突出導向,分類處理。網絡輿情發生時,新聞宣傳工作服從現場處置工作。涉及重大政治性、群體性事件,危害國家安全、損害我縣形象的事件,由縣委宣傳部牽頭負責,相關部門緊密配合形成準確報道。',
  第三條5:
    '收集、跟蹤、分析、處置境內外輿情,及時向主要領導匯報情況,并向有關單位和部門通報輿情進展情況,采取相應措施,指導相關單位澄清事實,批駁謠言,引導輿論;',
} as const
const excerptOf = (p: PlanDefinition, ref: string) => p.clauses.find((c) => c.ref === ref)?.text ?? ''

describe('diff review 5 — clause excerpts: verbatim in version 7, unchanged for the released versions', () => {
  it('version 7 quotes 第二條4 and 第三條5 word for word (the seed’s half-width commas written ，)', () => {
    for (const [ref, text] of Object.entries(SEED)) {
      const excerpt = excerptOf(current, ref)
      expect(text.replaceAll(',', '，')).toContain(excerpt)
      expect(excerpt.length).toBeGreaterThan(0)
    }
    expect(excerptOf(current, '第二條4')).toContain('新聞宣傳工作服從現場處置工作')
    expect(excerptOf(current, '第三條5')).toContain('并向有關單位和部門通報輿情進展情況')
    expect(excerptOf(current, '第三條5')).toContain('指導相關單位澄清事實')
  })

  it('versions 2–6 keep what they cited: their 第三條5 names no 通報 (a duty they never owe)', () => {
    for (const n of [2, 3, 4, 5, 6]) {
      const p = getPlan(current.id, n) as PlanDefinition
      expect(excerptOf(p, '第三條5')).toBe(
        '收集、跟蹤、分析、處置境內外輿情，及時向主要領導匯報情況，指導相關單位澄清事實，批駁謠言',
      )
      expect(excerptOf(p, '第二條4')).toBe(
        '突出導向，分類處理：涉及重大政治性、群體性事件的，由縣委宣傳部牽頭負責，形成準確報道',
      )
    }
  })
})
