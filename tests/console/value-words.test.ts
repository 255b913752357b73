/**
 * A code an event carries (a recipient of REPORT `to`, a channel, a kind) has one name wherever a
 * user sees it, for every version of every plan: the console's forms and journal (form.js
 * `enumLabel`, plain JavaScript run here under Node on the plan GET /plans/:id answers) say what
 * the plan's own data says — a recipient by its rules' label (nanchong-npc-2022's 市公安部门,
 * neixiang-2017's 县网络舆情应急处置工作领导小组, nanning-aic-2017's 分管新闻宣传工作的局领导), any
 * other code by the name its field's description gives it — and so do the documents and the
 * incident report (field-words.ts `payloadRows`), the rules' conditions on the plan page
 * (labels.ts `conditionWords`) and the plan page's obligation tables (each rule's recipient).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/index.js'
import { PLAN_VERSIONS } from '../../machines/index.js'
import { payloadRows, wordsOf } from '../../src/diagrams/field-words.js'
import { conditionWords } from '../../src/diagrams/labels.js'
import { describePlan } from '../../src/http/plan-description.js'

interface Prop {
  enum?: string[]
  description?: string
  items?: Prop
}
interface FormModule {
  enumLabel(code: string, prop?: Prop, field?: string): string
}
interface LabelsModule {
  usePlanLabels(plan: unknown): void
  labelsFromDescription(description: unknown, codes: unknown): Map<string, string>
}
// Browser modules without type declarations: imported by URL, typed here.
const { enumLabel } = (await import(
  new URL('../../src/console/static/form.js', import.meta.url).href
)) as FormModule
const { usePlanLabels, labelsFromDescription } = (await import(
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

/** Fields named by tables of their own: purpose-words.js, the vocabulary's grades and categories, 是/否. */
const OWN_TABLES = new Set(['purpose', 'category', 'severity', 'answer'])

/** Every coded field of every event of the plan as GET /plans/:id serves it (the plan made the page's). */
function* codedFields(plan: PlanDefinition) {
  const json = describePlan(plan)
  usePlanLabels(json)
  for (const event of json.events) {
    const props = (event.schema as { properties?: Record<string, Prop> }).properties ?? {}
    for (const [field, prop] of Object.entries(props)) {
      const codes = prop.enum ?? prop.items?.enum
      if (codes && !OWN_TABLES.has(field)) yield { type: event.type, field, prop, codes, many: !prop.enum }
    }
  }
}

const documentWord = (plan: PlanDefinition, type: string, field: string, code: string, many: boolean) =>
  payloadRows(plan, { [field]: many ? [code] : code }, wordsOf(plan), type)[0]?.[1]

describe('a code’s name', () => {
  it('is, for a recipient, its rules’ label in the console (zh and en), the documents and the conditions', () => {
    let checked = 0
    for (const plan of PLAN_VERSIONS)
      for (const { type, field, prop, codes, many } of codedFields(plan))
        for (const code of codes) {
          const labels = plan.obligations
            .filter((r) => r.recipient?.code === code && r.discharge.type === type)
            .map((r) => r.recipient?.label as string)
          if (labels.length === 0) continue
          const where = `${plan.id} v${plan.version} ${type}.${field} ${code}`
          useLang('zh')
          const word = enumLabel(code, prop, field)
          expect(labels, where).toContain(word)
          // The plan page's tables show each rule's recipient: the word, or the word and what for (（备案）).
          for (const label of labels)
            expect(label === word || label.startsWith(`${word}（`), `${where}: ${label}`).toBe(true)
          expect(documentWord(plan, type, field, code, many), where).toBe(word)
          expect(conditionWords(plan, { act: type, fields: { [field]: [code] } }), where).toContain(word)
          // The plan's names are the plan's text: the English console shows them as they are.
          useLang('en')
          expect(enumLabel(code, prop, field), where).toBe(word)
          checked++
        }
    expect(checked).toBeGreaterThan(100)
  })

  it('is, for any other code, the name its field’s description gives it, in the console and the documents', () => {
    useLang('zh')
    for (const plan of PLAN_VERSIONS)
      for (const { type, field, prop, codes, many } of codedFields(plan)) {
        const named = labelsFromDescription(prop.description ?? prop.items?.description, codes)
        for (const code of codes) {
          if (plan.obligations.some((r) => r.recipient?.code === code && r.discharge.type === type)) continue
          const where = `${plan.id} v${plan.version} ${type}.${field} ${code}`
          const word = enumLabel(code, prop, field)
          expect(word, where).toMatch(/^\p{Script=Han}/u)
          // The description's name, less what it says besides (a clause, who may send it).
          expect(named.get(code), where).toMatch(new RegExp(`^${word.replace(/[()]/g, '\\$&')}($|[（：])`))
          expect(documentWord(plan, type, field, code, many), where).toBe(word)
        }
      }
  })
})
