/**
 * The console in English names every event, field and choice of every plan version in English
 * (src/console/static/plan-language.js over GET /plans/:id, which names them in the plan's
 * Chinese): 免除应办事项 is "Waive an obligation", 作出决定 "Take a decision", a field never by
 * its code; in Chinese the plan is shown as the server gives it. Plain JavaScript run under Node.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { PLAN_VERSIONS } from '../../machines/index.js'
import { describePlan } from '../../src/http/plan-description.js'

interface Prop {
  description?: string
  enum?: string[]
  items?: { enum?: string[] }
  type?: string
  properties?: Record<string, Prop>
}
interface Plan {
  id: string
  version: number
  severities: Array<{ code: string; label: string }>
  events: Array<{ type: string; label: string; schema: { properties?: Record<string, Prop> } }>
  severityRules: { facts: { properties?: Record<string, Prop> } }
}

// Plain JavaScript without types: imported by a path in a variable, as form-labels.test.ts does.
const STATIC = '../../src/console/static'
const { planInLanguage } = (await import(`${STATIC}/plan-language.js`)) as {
  planInLanguage: (plan: Plan) => Plan
}
const { enumLabel, labelOf } = (await import(`${STATIC}/form.js`)) as {
  enumLabel: (code: string, prop: Prop, field?: string) => string
  labelOf: (name: string, prop: Prop) => string
}
const { choiceNotes, usePlanLabels } = (await import(`${STATIC}/labels.js`)) as {
  choiceNotes: (prop: Prop) => string
  usePlanLabels: (plan: unknown) => void
}

const HAN = /[\u4e00-\u9fff]/
const store = globalThis as { localStorage?: unknown }
const saved = store.localStorage
const choose = (lang: 'zh' | 'en') => {
  store.localStorage = { getItem: () => lang, setItem: () => {} }
}
afterEach(() => {
  store.localStorage = saved
})

const described = () => PLAN_VERSIONS.map((p) => describePlan(p) as unknown as Plan)

/** Every field of an event (a fact of `facts` too), as [path, name, prop]. */
function fieldsOf(props: Record<string, Prop> = {}, prefix = ''): Array<[string, string, Prop]> {
  return Object.entries(props).flatMap(
    ([name, prop]): Array<[string, string, Prop]> => [
      [`${prefix}${name}`, name, prop],
      ...(prop.type === 'object' ? fieldsOf(prop.properties, `${prefix}${name}.`) : []),
    ],
  )
}

describe('a plan in the console’s language', () => {
  it('in English: every event of every plan version by an English name (WAIVE, DECIDE…)', () => {
    choose('en')
    const chinese: string[] = []
    for (const plan of described())
      for (const e of planInLanguage(plan).events)
        if (HAN.test(e.label)) chinese.push(`${plan.id} v${plan.version} ${e.type}: ${e.label}`)
    expect(chinese).toEqual([])
    const nanning = planInLanguage(described().find((p) => p.id === 'nanning-aic-2017') as Plan)
    expect(nanning.events.find((e) => e.type === 'WAIVE')?.label).toBe('Waive an obligation')
    expect(nanning.events.find((e) => e.type === 'DECIDE')?.label).toBe('Take a decision')
  })

  it('in English: every field, choice, note on a choice and grade in English, no field by its code', () => {
    choose('en')
    const wrong: string[] = []
    for (const raw of described()) {
      const plan = planInLanguage(raw)
      usePlanLabels(plan)
      for (const s of plan.severities) if (HAN.test(s.label)) wrong.push(`${plan.id} grade ${s.code}`)
      const where = (x: string) => `${plan.id} v${plan.version} ${x}`
      const forms = [
        ...plan.events.map((e) => [e.type, e.schema.properties] as const),
        ['new incident', plan.severityRules.facts.properties] as const,
      ]
      for (const [type, props] of forms)
        for (const [path, name, prop] of fieldsOf(props)) {
          const label = labelOf(name, prop)
          if (HAN.test(label) || label === name) wrong.push(where(`${type}.${path}: ${label}`))
          for (const code of prop.enum ?? prop.items?.enum ?? []) {
            const choice = enumLabel(code, prop, name)
            // A code is a name of its own where the vocabulary's word is the same (yes, general).
            if (HAN.test(choice) || (choice === code && /[A-Z_]/.test(code)))
              wrong.push(where(`${type}.${path}=${code}: ${choice}`))
          }
          if (HAN.test(choiceNotes(prop))) wrong.push(where(`${type}.${path} notes: ${choiceNotes(prop)}`))
        }
    }
    expect(wrong).toEqual([])
  })

  it('in English: a choice by its plan’s own name, and what the plan says of it besides in the hint', () => {
    choose('en')
    const plan = (id: string) => planInLanguage(described().findLast((p) => p.id === id) as Plan)
    const to = (p: Plan) => p.events.find((e) => e.type === 'REPORT')?.schema.properties?.to ?? {}
    usePlanLabels(plan('saws-2014'))
    expect(enumLabel('office', to(plan('saws-2014')), 'to')).toBe('Personnel Department (publicity office)')
    usePlanLabels(plan('neixiang-2017'))
    expect(labelOf('to', to(plan('neixiang-2017')))).toBe('Recipients')
    expect(choiceNotes(to(plan('neixiang-2017')))).toContain('only the county Party committee office')
  })

  it('in Chinese: the plan as the server gives it', () => {
    choose('zh')
    for (const plan of described()) expect(planInLanguage(plan)).toBe(plan)
  })
})
