/**
 * Every rule behaviour the kit's options give is worded wherever rules are shown. First the
 * `again` options on a change of grade — `firstGrading` (a first grading owes a rule
 * again, as a rise), `lowered` (a lowering owes it again when what settled it came before its
 * `prior.after` event) and `revivesWithdrawn` (a rise keeps the due time its ower's lowering
 * withdrew) — are worded on every rule that sets them, and on no other: the plan page's
 * obligations by grade (diagrams/<plan>.md), the rule's line of `appliesText`, and the console's
 * plan page (src/console/static/views/plan-obligations.js, plain JavaScript run here under Node,
 * in zh-CN) from GET /plans/:id, whose `again` names the event `lowered` reads (`settledBefore`).
 * Then every other `again` option, `keyedBy` and `dischargeOne`: the plan page's tables word
 * `again.breached` as the rule's line does, events by the plan's labels (not `RELAPSE 后…`), and
 * the console's plan page says what the tables say, from one table of words
 * (src/console/static/rule-words.js), in English too.
 */
import { describe, expect, it } from 'vitest'
import { getPlan, PLAN_VERSIONS } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import {
  againWords,
  firstGradingText,
  gradeChangeWords,
  loweredText,
  REVIVES_WITHDRAWN_TEXT,
} from '../../src/diagrams/again-words.js'
import {
  AFTER_BREACH_TEXT,
  appliesText,
  BREACHED_TEXT,
  DISCHARGE_ONE_TEXT,
  ON_YES_TEXT,
} from '../../src/diagrams/labels.js'
import { obligationsByGrade } from '../../src/diagrams/plan-tables.js'
import { describePlan } from '../../src/http/plan-description.js'
import { describeObligations } from '../../src/http/plan-obligations.js'

const CONSOLE = '../../src/console/static/views/plan-obligations.js'
type Served = Parameters<typeof againWords>[1]
const { againText } = (await import(CONSOLE)) as {
  againText: (plan: unknown, o: Served) => string[]
}

const plan = (id: string, version: number): PlanDefinition => {
  const p = getPlan(id, version)
  if (!p) throw new Error(`${id} v${version} missing`)
  return p
}
/** The rows of rule `id` in the plan page's tables, one per grade it applies to. */
const rows = (p: PlanDefinition, id: string) =>
  obligationsByGrade(p).filter((l) => l.includes(`（\`${id}\`）`))

/** A distinctive part of each option's words. */
const MARKS = {
  firstGrading: '视同升级再次应办',
  lowered: '自降级时起再次应办',
  revivesWithdrawn: REVIVES_WITHDRAWN_TEXT,
} as const

describe('the plan page words the again options on a change of grade', () => {
  it('saws-2014 v12: a report to 人事司 settled before the latest relapse is owed again at a lowering', () => {
    const words = loweredText('最近一次舆情反复')
    expect(words).toBe(
      '降级时，前一项在最近一次舆情反复之前已办结或免除的，自降级时起再次应办（最近一次舆情反复之前的办理不再计入）',
    )
    for (const id of ['report:office:general', 'report:office:large']) {
      const found = rows(plan('saws-2014', 12), id)
      expect(found.length, id).toBeGreaterThan(0)
      for (const r of found) expect(r, id).toContain(words)
      for (const r of rows(plan('saws-2014', 11), id)) expect(r, id).not.toContain(MARKS.lowered)
    }
  })

  it('neixiang-2017 v11: the report to the principal leaders, owed again at a first grading and keeping a withdrawn due time', () => {
    const found = rows(plan('neixiang-2017', 11), 'report:principal')
    expect(found.length).toBeGreaterThan(0)
    for (const r of found) {
      expect(r).toContain(firstGradingText(['重大', '特別重大']))
      expect(r).toContain('未定级的事件首次定为重大、特別重大时，视同升级再次应办')
      expect(r).toContain(REVIVES_WITHDRAWN_TEXT)
    }
    for (const r of rows(plan('neixiang-2017', 10), 'report:principal')) {
      expect(r).toContain(MARKS.firstGrading)
      expect(r).not.toContain(REVIVES_WITHDRAWN_TEXT)
    }
    for (const r of rows(plan('neixiang-2017', 9), 'report:principal'))
      expect(r).not.toContain(MARKS.firstGrading)
  })

  it('hrss-city v12: the reports a rise begins keep the due time their ower’s lowering withdrew; v11’s do not', () => {
    for (const r of rows(plan('hrss-city', 12), 'report:group'))
      expect(r).toContain('应办者降级而撤回的，再次升级时沿用原时限（原时限已过或由他人降级的，重新计时）')
    expect(obligationsByGrade(plan('hrss-city', 11)).join('\n')).not.toContain(REVIVES_WITHDRAWN_TEXT)
  })

  for (const p of PLAN_VERSIONS)
    it(`${p.id} v${p.version}: each rule’s rows and line say what it sets, and nothing it does not`, () => {
      for (const rule of p.obligations) {
        const a = rule.again
        const set = {
          firstGrading: (a?.firstGrading?.length ?? 0) > 0,
          lowered: a?.lowered !== undefined,
          revivesWithdrawn: a?.revivesWithdrawn !== undefined,
        }
        const texts = [...rows(p, rule.id), appliesText(p, rule)]
        for (const [option, mark] of Object.entries(MARKS))
          for (const text of texts)
            expect(text.includes(mark), `${rule.id} ${option}: ${text}`).toBe(set[option as keyof typeof set])
      }
    })
})

describe('GET /plans/:id and the console’s plan page', () => {
  it('name the event a lowering reads (`again.settledBefore`, the rule’s prior.after)', () => {
    const again = describeObligations(plan('saws-2014', 12)).obligations.find(
      (o) => o.id === 'report:office:general',
    )?.again
    expect(again).toMatchObject({
      lowered: 'settledBeforePrior',
      settledBefore: { events: ['RELAPSE'], latest: true },
    })
    const without = describeObligations(plan('saws-2014', 11)).obligations.map((o) => o.again)
    expect(without.filter((x) => x !== null && 'settledBefore' in x)).toEqual([])
  })

  it('the console words every rule’s options on a change of grade as the plan page does (zh-CN)', () => {
    let worded = 0
    for (const p of PLAN_VERSIONS) {
      const served = describePlan(p) as unknown as Parameters<typeof againText>[0]
      for (const o of describeObligations(p).obligations) {
        const words = gradeChangeWords(p, o.again)
        const shown = againText(served, o)
        for (const w of words) expect(shown, `${p.id} v${p.version} ${o.id}`).toContain(w)
        for (const mark of Object.values(MARKS))
          expect(
            shown.some((x) => x.includes(mark)),
            `${p.id} v${p.version} ${o.id}`,
          ).toBe(words.some((x) => x.includes(mark)))
        if (words.length > 0) worded++
      }
    }
    expect(worded).toBeGreaterThanOrEqual(15)
  })
})

/** Runs `f` with the console's English toggle on (i18n.js reads localStorage). */
function inEnglish<T>(f: () => T): T {
  const had = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: { getItem: () => 'en', setItem: () => undefined },
  })
  try {
    return f()
  } finally {
    if (had) Object.defineProperty(globalThis, 'localStorage', had)
    else Reflect.deleteProperty(globalThis, 'localStorage')
  }
}

describe('every other again option, keyedBy and dischargeOne, in every place that shows rules', () => {
  it('nanning-aic-2017 v14: the plan page words again.breached on the 追究责任 step, as its line does', () => {
    expect(BREACHED_TEXT).toBe('办结或免除后所列事项再次超时的，再次应办')
    const p = plan('nanning-aic-2017', 14)
    const found = rows(p, 'step:accountability')
    expect(found.length).toBeGreaterThan(0)
    for (const r of found) expect(r).toContain(BREACHED_TEXT)
    const rule = p.obligations.find((r) => r.id === 'step:accountability')
    expect(rule && appliesText(p, rule)).toContain(BREACHED_TEXT)
  })

  it('names the events of again.events by the plan’s labels, not their codes', () => {
    const saws = plan('saws-2014', 12)
    for (const r of rows(saws, 'report:office:large')) {
      expect(r).toContain('舆情反复后再次应办')
      expect(r).not.toContain('RELAPSE')
    }
    const nanning = plan('nanning-aic-2017', 14)
    for (const r of rows(nanning, 'report:leader-signed'))
      expect(r).toContain('单位主要负责人签署意见、业务股室主要负责人审核后再次应办')
  })

  it('names keyedBy’s fields by the plan’s words for them (nanchong-npc-2022 v12 封堵)', () => {
    for (const r of rows(plan('nanchong-npc-2022', 12), 'block')) {
      expect(r).toContain(
        '按市网信办同意封堵的“同意封堵的信息（须已报请）”所列每项各应办一项，以“封堵对象（网址或标题）”为该项的封堵处理办结',
      )
      expect(r).not.toMatch(/\btargets?\b|CAC_CONSENT_BLOCK/)
    }
  })

  it('names the fields of a condition’s act by the plan’s words, not `substantiated=true`', () => {
    for (const r of rows(plan('nanchong-npc-2022', 12), 'offline:accountability'))
      expect(r).toContain('已调查核实举报（是否属实：是）')
    for (const r of rows(plan('saws-2014', 12), 'report:office:major')) expect(r).toContain('报送方式：电话')
    for (const p of PLAN_VERSIONS)
      expect(obligationsByGrade(p).join('\n'), `${p.id} v${p.version}`).not.toMatch(/\b[A-Za-z]+=[\w-]+/)
  })

  for (const p of PLAN_VERSIONS)
    it(`${p.id} v${p.version}: rows, line and console say each option a rule sets, and no event code`, () => {
      const served = describePlan(p) as unknown as Parameters<typeof againText>[0]
      for (const o of describeObligations(p).obligations) {
        const words = againWords(p, o)
        const rule = p.obligations.find((r) => r.id === o.id)
        const texts = [...rows(p, o.id), ...(rule ? [appliesText(p, rule)] : [])]
        for (const text of texts) {
          for (const w of words) expect(text, `${o.id}`).toContain(w)
          expect(text.includes(BREACHED_TEXT), `${o.id}: ${text}`).toBe(o.again?.breached === true)
          expect(text.includes(AFTER_BREACH_TEXT), `${o.id}`).toBe(o.again?.afterBreach === true)
          expect(text.includes(DISCHARGE_ONE_TEXT), `${o.id}`).toBe(
            'dischargeOne' in o && o.dischargeOne === true,
          )
          expect(text.includes(ON_YES_TEXT), `${o.id}`).toBe(o.again?.onYes === true)
          for (const e of o.again?.events ?? []) expect(text, `${o.id}`).not.toContain(`${e} 后`)
        }
        // The console's plan page: the same words, from the same table.
        expect(againText(served, o), `${o.id}`).toEqual(words)
      }
    })

  it('the console’s words in English name events and fields as the plan does, and no code', () => {
    const p = plan('nanchong-npc-2022', 12)
    const served = describePlan(p) as unknown as Parameters<typeof againText>[0]
    const block = describeObligations(p).obligations.find((o) => o.id === 'block')
    if (!block) throw new Error('no block rule')
    const zh = againText(served, block)
    const en = inEnglish(() => againText(served, block))
    expect(zh.length).toBeGreaterThanOrEqual(2)
    expect(en).toHaveLength(zh.length)
    expect(en.join('；')).toContain('owed again after 市网信办同意封堵')
    expect(en.join('；')).toContain('“同意封堵的信息（须已报请）”')
    expect(en.join('；')).not.toMatch(/CAC_CONSENT_BLOCK|再次应办|\btargets?\b/)
  })
})
