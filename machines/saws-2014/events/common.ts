/**
 * The events every plan shares (monitoring, grading, category, drafts, waivers, decisions,
 * escalation), with who may send each (rules/roles.ts `common`); METRICS_UPDATED checks
 * 二(三)'s figures, and from version 9 takes 三's fact `coalOrLocalBureau` too.
 */
import { z } from 'zod'
import { commonEventSpecs, fields } from '../../kit/kit.js'
import type { EventSpec } from '../../kit/types.js'
import { FactsSchema, PlanFactsSchema } from '../../vocabulary.js'
import { CLICKS_NEED_SITES, COAL_OR_LOCAL, common, GRADES, PURPOSES } from '../rules.js'

/** 二(三): clicks count only with the number of sites; without it the update is refused. */
const clicksNeedSites = (
  v: { facts: { clicksPerDay?: number | undefined; sites?: number | undefined } },
  ctx: z.RefinementCtx,
) => {
  if (v.facts.clicksPerDay !== undefined && v.facts.sites === undefined)
    ctx.addIssue({ code: 'custom', path: ['facts', 'sites'], message: CLICKS_NEED_SITES })
}

export const metricsSchema = z
  .object({ facts: FactsSchema, note: fields.note })
  .strict()
  .superRefine(clicksNeedSites)

/**
 * Version 9: the shared facts and 三's `coalOrLocalBureau` (涉及煤矿安全监察系统或地方各级安全监管局),
 * which grades nothing: true, it owes 人事司's 协调跟踪办理 (rules/version9.ts).
 */
const FactsV9 = FactsSchema.extend({
  coalOrLocalBureau: PlanFactsSchema.shape.coalOrLocalBureau.describe(`${COAL_OR_LOCAL}（三）`),
})
export const metricsSchemaV9 = z
  .object({ facts: FactsV9, note: fields.note })
  .strict()
  .superRefine(clicksNeedSites)

export const commonSpecs = commonEventSpecs(common, GRADES, PURPOSES).map((s) =>
  s.type === 'METRICS_UPDATED' ? { ...s, schema: metricsSchema } : s,
)

/** Version 9's METRICS_UPDATED: the same, taking 三's fact too. */
export const withFactsV9 = (specs: readonly EventSpec[]): EventSpec[] =>
  specs.map((s) => (s.type === 'METRICS_UPDATED' ? { ...s, schema: metricsSchemaV9 } : s))
