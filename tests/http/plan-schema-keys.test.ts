/**
 * GET /plans/:planId describes every obligation rule of every plan version; its OpenAPI
 * schema must name every field that description can carry, so an integrator's generated
 * client sees each kit option a rule opts into (`again.breached`, `again.afterBreach`, …).
 */
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { PLAN_VERSIONS } from '../../machines/index.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { PlanDescriptionSchema } from '../../src/http/schemas/plans.js'

type Shape = Record<string, z.ZodType>
const ruleShape = (PlanDescriptionSchema.shape.obligations.element as unknown as z.ZodObject<Shape>).shape
const againShape = (ruleShape.again as unknown as z.ZodNullable<z.ZodObject<Shape>>).unwrap().shape

describe('GET /plans obligation rules: every field described is declared in the schema', () => {
  for (const plan of PLAN_VERSIONS)
    it(`${plan.id} v${plan.version}`, () => {
      const undeclared = new Set<string>()
      for (const rule of describeObligations(plan).obligations) {
        for (const key of Object.keys(rule)) if (!(key in ruleShape)) undeclared.add(key)
        const again = (rule as { again?: Record<string, unknown> | null }).again
        for (const key of Object.keys(again ?? {})) if (!(key in againShape)) undeclared.add(`again.${key}`)
      }
      expect([...undeclared]).toEqual([])
    })
})
