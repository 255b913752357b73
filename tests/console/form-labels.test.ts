/**
 * What the console's generated forms call fields and choices (src/console/static/form.js,
 * plain JavaScript run here under Node): every field of every plan's events by a name
 * without the codes its description lists, every choice by a Chinese name, and what a
 * description says of a choice besides its name (a clause, who may send it) in the field's hint.
 */
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { describePlan } from '../../src/http/plan-description.js'

interface Prop {
  description?: string
  enum?: string[]
  items?: { enum?: string[]; description?: string }
  type?: string
}
const FORM = '../../src/console/static/form.js'
const LABELS = '../../src/console/static/labels.js'
const { enumLabel, labelOf } = (await import(FORM)) as {
  enumLabel: (code: string, prop: Prop, field?: string) => string
  labelOf: (name: string, prop: Prop) => string
}
const { choiceNotes, usePlanLabels } = (await import(LABELS)) as {
  choiceNotes: (prop: Prop) => string
  usePlanLabels: (plan: unknown) => void
}

const HAN = /[\u4e00-\u9fff]/

/** Every enum field of every event of every current plan, with the plan described as GET /plans/:id does. */
function fields() {
  const out: Array<{ plan: unknown; where: string; name: string; prop: Prop; codes: string[] }> = []
  for (const plan of currentPlans()) {
    const doc = describePlan(plan) as unknown as {
      events: Array<{ type: string; schema: { properties?: Record<string, Prop> } }>
    }
    for (const e of doc.events)
      for (const [name, prop] of Object.entries(e.schema.properties ?? {}))
        out.push({
          plan: doc,
          where: `${plan.id} ${e.type}.${name}`,
          name,
          prop,
          codes: prop.enum ?? prop.items?.enum ?? [],
        })
  }
  return out
}

describe('generated forms', () => {
  it('name a field without the codes of its choices (报送对象, not 报送对象（office=人事司(宣教办)）)', () => {
    const listed = fields()
      .filter((f) => f.codes.length > 0)
      .map((f) => ({ where: f.where, label: labelOf(f.name, f.prop), codes: f.codes }))
      .filter((f) => f.codes.some((c) => new RegExp(`(^|[^A-Za-z_])${c}([^A-Za-z_]|$)`).test(f.label)))
    expect(listed).toEqual([])
    const saws = fields().find((f) => f.where === 'saws-2014 REPORT.to')
    expect(saws && labelOf(saws.name, saws.prop)).toBe('报送对象')
    const hrss = fields().find((f) => f.where === 'hrss-city CLASSIFY.severity')
    expect(hrss && labelOf(hrss.name, hrss.prop)).toBe('级别')
  })

  it("name every choice in Chinese (是/否, a draft's purpose), never by its code", () => {
    const unnamed: string[] = []
    for (const f of fields()) {
      usePlanLabels(f.plan)
      for (const code of f.codes)
        if (!HAN.test(enumLabel(code, f.prop, f.name))) unnamed.push(`${f.where}: ${code}`)
    }
    expect(unnamed).toEqual([])
  })

  it('names nanning-aic-2017 GUIDE_COMMENTS.part and its two parts by the plan, in Chinese and in English', () => {
    const part = fields().find((f) => f.where === 'nanning-aic-2017 GUIDE_COMMENTS.part')
    expect(part?.codes).toEqual(['office', 'unit'])
    const stored = (globalThis as { localStorage?: unknown }).localStorage
    try {
      for (const chosen of ['zh', 'en']) {
        ;(globalThis as { localStorage?: unknown }).localStorage = {
          getItem: () => chosen,
          setItem: () => {},
        }
        usePlanLabels(part?.plan)
        expect(labelOf(part?.name ?? '', part?.prop ?? {})).toBe('所办部分')
        expect(enumLabel('office', part?.prop ?? {})).toBe('办公室通报引导信息、组织协调网上评论')
        expect(enumLabel('unit', part?.prop ?? {})).toBe('有关单位提出引导口径、组织网上评论')
        // The clauses the description cites, in the field's hint.
        expect(choiceNotes(part?.prop ?? {})).toContain('办公室通报引导信息、组织协调网上评论（三(二)1）')
        expect(choiceNotes(part?.prop ?? {})).toContain('有关单位提出引导口径、组织网上评论（三(二)3）')
      }
    } finally {
      ;(globalThis as { localStorage?: unknown }).localStorage = stored
    }
  })

  it('keeps what a description says in brackets after a name whole, in the hint', () => {
    const neixiang = fields().find((f) => f.where === 'neixiang-2017 REPORT.to')
    expect(neixiang).toBeDefined()
    usePlanLabels(neixiang?.plan)
    expect(enumLabel('higher', neixiang?.prop ?? {})).toBe('上级有关部门')
    expect(choiceNotes(neixiang?.prop ?? {})).toContain('上级有关部门（仅县委办、县政府办）')
  })
})
