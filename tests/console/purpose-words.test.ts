/**
 * A draft's purpose (DRAFT `purpose`) has one name wherever a user sees it: the console (its
 * DRAFT form and journal name a value through form.js `enumLabel`, plain JavaScript run here under
 * Node on the plan GET /plans/:id answers) says what the documents and the incident report
 * (field-words.ts `payloadRows`), the guards' words of the plan page and of a refusal
 * (labels.ts `guardText`) and the plan page's obligation tables say, for every purpose of every
 * plan version; and the console has a word for each in English too, no two alike in one plan.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { PLAN_VERSIONS, type PlanDefinition } from '../../machines/index.js'
import { payloadRows, wordsOf } from '../../src/diagrams/field-words.js'
import { guardText } from '../../src/diagrams/labels.js'
import { obligationsByGrade } from '../../src/diagrams/plan-tables.js'
import { describePlan } from '../../src/http/plan-description.js'

interface Prop {
  enum: string[]
  description?: string
}
interface FormModule {
  enumLabel(code: string, prop?: Prop, field?: string): string
}
interface LabelsModule {
  usePlanLabels(plan: unknown): void
}
// Browser modules without type declarations: imported by URL, typed here.
const { enumLabel } = (await import(
  new URL('../../src/console/static/form.js', import.meta.url).href
)) as FormModule
const { usePlanLabels } = (await import(
  new URL('../../src/console/static/labels.js', import.meta.url).href
)) as LabelsModule

/** The console's language is the one i18n.js reads from localStorage. */
const useLang = (lang: 'zh' | 'en') => {
  Object.assign(globalThis, {
    localStorage: { getItem: () => (lang === 'en' ? 'en' : 'zh'), setItem: () => undefined },
  })
}
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage
})

/** The plan as GET /plans/:id serves it, and its DRAFT's `purpose` field. */
const served = (plan: PlanDefinition) => {
  const json = describePlan(plan)
  const schema = json.events.find((e) => e.type === 'DRAFT')?.schema as { properties: { purpose: Prop } }
  const prop = schema.properties.purpose
  return { json, prop }
}

const documentWord = (plan: PlanDefinition, code: string) =>
  payloadRows(plan, { purpose: code }, wordsOf(plan), 'DRAFT')[0]?.[1]

describe('a draft purpose’s name', () => {
  it('is the same in the console as in the documents and the guards’ words, for every plan version', () => {
    useLang('zh')
    for (const plan of PLAN_VERSIONS) {
      const { json, prop } = served(plan)
      usePlanLabels(json)
      for (const code of prop.enum) {
        const where = `${plan.id} v${plan.version} ${code}`
        const word = documentWord(plan, code)
        expect(word, where).not.toBe(code)
        expect(enumLabel(code, prop, 'purpose'), where).toBe(word)
        expect(guardText(plan, { type: 'approvalsComplete', params: { purposes: [code] } }), where).toBe(
          `${word}稿件已取得本级全部审批`,
        )
      }
    }
  })

  it('is the same in the plan page’s tables: an approval asked of some purposes, a rule written from a draft', () => {
    for (const plan of PLAN_VERSIONS) {
      const text = obligationsByGrade(plan).join('\n')
      for (const list of Object.values(plan.approvals))
        for (const a of list ?? [])
          if (a.purposes)
            expect(text, `${plan.id} v${plan.version} ${a.code}`).toContain(
              `稿件用途：${a.purposes.map((p) => documentWord(plan, p)).join('、')}`,
            )
      for (const r of plan.obligations)
        if (r.usesDraft)
          expect(text, `${plan.id} v${plan.version} ${r.id}`).toContain(
            `根据${documentWord(plan, r.usesDraft)}撰写`,
          )
    }
  })

  it('has a word in zh and in en, no two purposes of one plan alike', () => {
    for (const lang of ['zh', 'en'] as const) {
      useLang(lang)
      for (const plan of PLAN_VERSIONS) {
        const { json, prop } = served(plan)
        usePlanLabels(json)
        const words = prop.enum.map((code) => enumLabel(code, prop, 'purpose'))
        const where = `${lang} ${plan.id} v${plan.version}`
        // A word of the language, not the code nor (in English) the Chinese one.
        const word = lang === 'en' ? /^[a-z][a-z ]+$/ : /^\p{Script=Han}+$/u
        prop.enum.forEach((code, i) => {
          expect(words[i], `${where} ${code}`).toMatch(word)
        })
        expect(new Set(words).size, `${where}: ${words.join(', ')}`).toBe(words.length)
      }
    }
  })
})
