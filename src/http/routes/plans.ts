import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { checkFacts } from '../../engine/opening.js'
import { NotFound } from '../../errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { jsonBody } from '../middleware.js'
import { json, problems } from '../openapi.js'
import { describePlanSummary, planDescription } from '../plan-description.js'
import {
  ClassificationSchema,
  ClassifyBody,
  PlanDescriptionSchema,
  PlanListSchema,
  PlanParams,
  PlanQuery,
} from '../schemas/plans.js'

const tags = ['plans']

const list = createRoute({
  method: 'get',
  path: '/plans',
  operationId: 'listPlans',
  summary: 'Every plan (current versions)',
  description: 'The current version of every plan the service runs, with its grades.',
  tags,
  responses: { 200: json(PlanListSchema, 'the plans'), 401: problems[401] },
})

const one = createRoute({
  method: 'get',
  path: '/plans/{planId}',
  operationId: 'getPlan',
  summary: 'One plan: states, transitions, events with payload schemas and roles, deadlines, severity rules',
  description:
    'The plan as data: states with their clauses, transitions, the events each role may send with their JSON Schemas, deadlines, grading rules, approvals and clause texts.',
  tags,
  request: { params: PlanParams, query: PlanQuery },
  responses: {
    200: json(PlanDescriptionSchema, 'the plan'),
    400: problems[400],
    401: problems[401],
    404: problems[404],
  },
})

const classify = createRoute({
  method: 'post',
  path: '/plans/{planId}/classify',
  operationId: 'classifyFacts',
  summary: 'The grade the plan gives these facts (a preview; changes nothing)',
  description:
    "Applies the plan's grading rules to the facts given and returns the grade with the rule that gave it; writes nothing.",
  tags,
  middleware: [jsonBody] as const,
  request: {
    params: PlanParams,
    body: { content: { 'application/json': { schema: ClassifyBody } }, required: true },
  },
  responses: {
    200: json(ClassificationSchema, 'the grade and the rule that gave it'),
    400: problems[400],
    401: problems[401],
    404: problems[404],
    413: problems[413],
    415: problems[415],
  },
})

export function planRoutes({ plans }: Pick<AppDeps, 'plans'>) {
  const find = (id: string, version?: number) => {
    const plan = plans.getPlan(id, version)
    if (!plan) throw new NotFound(version === undefined ? `plan ${id}` : `plan ${id} version ${version}`)
    return plan
  }
  return new OpenAPIHono<AppEnv>()
    .openapi(list, (c) => c.json({ items: plans.currentPlans().map(describePlanSummary) }, 200))
    .openapi(one, (c) => {
      const { planId } = c.req.valid('param')
      const { version } = c.req.valid('query')
      return c.json(planDescription(find(planId, version)), 200)
    })
    .openapi(classify, (c) => {
      const { planId } = c.req.valid('param')
      const plan = find(planId)
      const { facts } = c.req.valid('json')
      checkFacts(plan, facts)
      const { severity, rule } = plan.classify(facts)
      return c.json({ severity, rule }, 200)
    })
}
