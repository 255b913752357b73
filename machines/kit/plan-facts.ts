/**
 * The facts a plan version takes: its METRICS_UPDATED's `facts` — the shared ones
 * (machines/vocabulary.ts `FactsSchema`), and a version's own (`PlanFactsSchema`) where its
 * event names them (saws-2014 9's `coalOrLocalBureau`). An opening and a classification are
 * checked against it (src/engine/opening.ts), and GET /plans/:planId shows it. Pure.
 */
import { z } from 'zod'
import { FactsSchema } from '../vocabulary.js'
import type { PlanDefinition } from './types.js'

export function factsSchemaOf(plan: Pick<PlanDefinition, 'events'>): z.ZodObject {
  const facts = plan.events.find((e) => e.type === 'METRICS_UPDATED')?.schema.shape.facts
  return facts instanceof z.ZodObject ? facts : FactsSchema
}

/** The names of the facts `facts` holds that the plan version does not take (another plan's own). */
export const foreignFacts = (plan: Pick<PlanDefinition, 'events'>, facts: object): string[] => {
  const taken = factsSchemaOf(plan).shape
  return Object.keys(facts).filter((k) => !Object.hasOwn(taken, k))
}
