/**
 * The events every plan shares (monitoring, grading, category, drafts, waivers, decisions,
 * escalation), with who may send each (rules/roles.ts `common`); METRICS_UPDATED checks
 * 二(三)'s figures.
 */
import { z } from 'zod'
import { commonEventSpecs, fields } from '../../kit/kit.js'
import { FactsSchema } from '../../vocabulary.js'
import { CLICKS_NEED_SITES, common, GRADES, PURPOSES } from '../rules.js'

/** 二(三): clicks count only with the number of sites; without it the update is refused. */
export const metricsSchema = z
  .object({ facts: FactsSchema, note: fields.note })
  .strict()
  .superRefine((v, ctx) => {
    if (v.facts.clicksPerDay !== undefined && v.facts.sites === undefined)
      ctx.addIssue({ code: 'custom', path: ['facts', 'sites'], message: CLICKS_NEED_SITES })
  })

export const commonSpecs = commonEventSpecs(common, GRADES, PURPOSES).map((s) =>
  s.type === 'METRICS_UPDATED' ? { ...s, schema: metricsSchema } : s,
)
