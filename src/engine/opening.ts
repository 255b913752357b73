/**
 * What an opening must satisfy beside its schema (src/http): facts the plan version takes (its
 * METRICS_UPDATED's; a fact only another plan version takes is refused), a grade the plan uses,
 * a reason for a grade other than the computed one (where the plan computes one), and a
 * category the plan version takes (its SET_CATEGORY's; a category of the shared vocabulary only
 * another plan names is refused).
 */
import { z } from 'zod'
import { factsSchemaOf, foreignFacts } from '../../machines/kit/plan-facts.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Facts } from '../../machines/vocabulary.js'
import { ValidationError } from '../errors.js'
import type { OpenRequest } from './core.js'

/**
 * Facts another plan version takes (machines/vocabulary.ts `PlanFactsSchema`) but not this one:
 * refused, each by name, before they are graded or kept (an opening, a classification).
 */
export function checkFacts(plan: PlanDefinition, facts: object): void {
  const foreign = foreignFacts(plan, facts)
  if (foreign.length === 0) return
  const expected = Object.keys(factsSchemaOf(plan).shape).join(' | ')
  throw new ValidationError(
    'fact not used by this plan version',
    foreign.map((f) => ({ path: `facts.${f}`, message: 'not a fact of this plan version', expected })),
  )
}

export function checkOpening(plan: PlanDefinition, req: OpenRequest, facts: Facts): void {
  checkFacts(plan, facts)
  const computed = plan.classify(facts).severity
  if (req.severity !== undefined && !plan.severities.some((s) => s.code === req.severity))
    throw new ValidationError('severity not used by this plan', [
      {
        path: 'severity',
        message: 'not a grade of this plan',
        expected: plan.severities.map((s) => s.code).join(' | '),
      },
    ])
  // API.md "Open an incident": only a grade that differs from the computed one needs a reason. A
  // plan that computes no grade from the facts (no criteria: hrss-city, nanchong-npc-2022,
  // neixiang-2017) leaves nothing to differ from, so its first grade may come without one (a
  // reason given is kept; none is journaled as null).
  if (req.severity !== undefined && computed !== null && req.severity !== computed && !req.severityReason)
    throw new ValidationError('a severity that differs from the computed grade needs a reason', [
      { path: 'severityReason', message: `required: the plan computes ${computed} from these facts` },
    ])
  const category = plan.events.find((e) => e.type === 'SET_CATEGORY')?.schema.shape.category
  if (req.category != null && category && !category.safeParse(req.category).success)
    throw new ValidationError('category not used by this plan', [
      {
        path: 'category',
        message: 'not a category of this plan',
        ...(category instanceof z.ZodEnum ? { expected: category.options.join(' | ') } : {}),
      },
    ])
}
