/**
 * Diagrams and reports, drawn by src/diagrams (DiagramFns); this module only finds the
 * plan, incident and journal, and picks the media type.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { GradedView } from '../../engine/projection.js'
import { NotFound } from '../../errors.js'
import { drawnCharts } from '../drawn.js'
import type { AppDeps, AppEnv, DiagramFns } from '../env.js'
import { json, problems } from '../openapi.js'
import { IncidentParams } from '../schemas/incident-requests.js'
import { PlanParams, PlanQuery } from '../schemas/plans.js'
import { CalendarDate, Instant } from '../schemas/values.js'

const text = (type: string, description: string) => ({
  content: { [type]: { schema: z.string() } },
  description,
})

const planSvg = createRoute({
  method: 'get',
  path: '/plans/{planId}/diagram.svg',
  operationId: 'getPlanDiagramSvg',
  summary: "The plan's state diagram, SVG",
  description:
    "The plan's phase flow drawn as SVG (Graphviz), at most 2,400 px wide: states with the obligations discharged there, transitions labelled with their events, guards in words and clauses. A plan too wide for one chart gets its overview (each phase one box); diagrams/<plan>.<phase>.svg holds the phase charts.",
  tags: ['plans'],
  request: { params: PlanParams, query: PlanQuery },
  responses: { 200: text('image/svg+xml', 'SVG'), 401: problems[401], 404: problems[404] },
})
const planMmd = createRoute({
  method: 'get',
  path: '/plans/{planId}/diagram.mmd',
  operationId: 'getPlanDiagramMermaid',
  summary: "The plan's state diagram, Mermaid text",
  description:
    "The plan's main chart as Mermaid `stateDiagram-v2` text (the same split as the SVG), for embedding in Markdown.",
  tags: ['plans'],
  request: { params: PlanParams, query: PlanQuery },
  responses: { 200: text('text/vnd.mermaid', 'Mermaid'), 401: problems[401], 404: problems[404] },
})
const incidentSvg = createRoute({
  method: 'get',
  path: '/incidents/{id}/diagram.svg',
  operationId: 'getIncidentDiagramSvg',
  summary: "The plan's diagram with this incident's active states highlighted",
  description: "The plan's SVG diagram with the states this incident is in now highlighted.",
  tags: ['incidents'],
  request: { params: IncidentParams },
  responses: { 200: text('image/svg+xml', 'SVG'), 401: problems[401], 404: problems[404] },
})
const report = createRoute({
  method: 'get',
  path: '/incidents/{id}/report',
  operationId: 'getIncidentReport',
  summary: 'The review material: Markdown, or HTML with Accept: text/html',
  description:
    'The after-action review material of one incident: timeline, deadlines met and missed, approvals and notes.',
  tags: ['incidents'],
  request: { params: IncidentParams },
  responses: {
    200: {
      content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() } },
      description: 'the report',
    },
    401: problems[401],
    404: problems[404],
  },
})
/** A day (Asia/Shanghai, whole day) or an instant. */
const Bound = z.union([CalendarDate, Instant])
const DeadlineReportQuery = z
  .object({ plan: z.string().min(1).max(100).optional(), from: Bound.optional(), to: Bound.optional() })
  .strict()
const Recorded = z.object({
  by: z.object({ name: z.string(), role: z.string() }),
  reason: z.string(),
  at: z.string(),
})
const DeadlineReportSchema = z
  .object({
    items: z.array(
      z.object({
        plan: z.string(),
        severity: z
          .string()
          .nullable()
          .describe(
            'the grade in force when the counted deadline instances began (the grade whose rule owed them), not the grade now; null: begun while unclassified',
          ),
        deadline: z.string(),
        met: z.number().int(),
        missed: z.number().int(),
        pending: z.number().int(),
        cancelled: z.number().int(),
      }),
    ),
    obligations: z.array(
      z.object({
        plan: z.string(),
        incident: z.string(),
        title: z.string(),
        obligation: z.string(),
        label: z.string(),
        clause: z.string().nullable(),
        policy: z.string().nullable(),
        severity: z
          .string()
          .nullable()
          .describe(
            'the grade in force when the obligation began (as `items` count it); null: unclassified then',
          ),
        currentSeverity: z.string().nullable().describe("the incident's grade now"),
        dueAt: z.string().nullable(),
        status: z.enum(['owed', 'met', 'late', 'waived', 'withdrawn']),
        metAt: z.string().nullable(),
        breachedAt: z.string().nullable(),
        lateMinutes: z.number().nullable(),
        waived: Recorded.nullable(),
        withdrawn: Recorded.nullable(),
        text: z.string(),
      }),
    ),
    medianMinutesToReport: z.number().nullable(),
    medianMinutesToFirstResponse: z.number().nullable(),
    incidents: z.number().int(),
  })
  .openapi('DeadlineReport')
const deadlines = createRoute({
  method: 'get',
  path: '/reports/deadlines',
  operationId: 'getDeadlineReport',
  summary: "Deadlines met and missed per plan and grade, over the caller's organisation",
  description:
    "Counts of deadlines met, missed and pending per plan and grade over the caller's organisation. Each deadline instance counts under the grade in force when it began (the grade whose rule owed it), not the incident's grade now: a 重大 report missed before the grade was lowered to 一般 counts under 重大.",
  tags: ['reports'],
  request: { query: DeadlineReportQuery },
  responses: {
    200: json(DeadlineReportSchema, 'met, missed, pending and cancelled per plan, grade and deadline'),
    400: problems[400],
    401: problems[401],
  },
})

/** Pages of the engine's list, for the deadline report. */
const PAGE = 200

export function diagramRoutes({ engine, plans }: Pick<AppDeps, 'engine' | 'plans'>, draw: DiagramFns) {
  const planOf = (id: string, version?: number) => {
    const plan = plans.getPlan(id, version)
    if (!plan) throw new NotFound(version === undefined ? `plan ${id}` : `plan ${id} version ${version}`)
    return plan
  }
  const incident = async (id: string, caller: AppEnv['Variables']['caller']) => {
    const view = await engine.get(id, caller)
    const history = await engine.history(id, caller)
    return { view, history, plan: planOf(view.planId, view.planVersion) }
  }
  const charts = drawnCharts()
  return new OpenAPIHono<AppEnv>()
    .openapi(planSvg, (c) => {
      const plan = planOf(c.req.valid('param').planId, c.req.valid('query').version)
      return c.body(draw.planSvg(plan), 200, { 'content-type': 'image/svg+xml; charset=utf-8' })
    })
    .openapi(planMmd, (c) => {
      const plan = planOf(c.req.valid('param').planId, c.req.valid('query').version)
      return c.body(draw.planMermaid(plan), 200, { 'content-type': 'text/vnd.mermaid; charset=utf-8' })
    })
    .openapi(incidentSvg, async (c) => {
      // engine.get checks the caller may see it; the chart of this version may be drawn already.
      const view = await engine.get(c.req.valid('param').id, c.get('caller'))
      const svg = await charts.get(view.id, view.version, async () => {
        // Only the journal up to this version: an event committed meanwhile is the next chart's.
        const history = (await engine.history(view.id, c.get('caller'))).filter(
          (h) => h.version <= view.version,
        )
        return draw.incidentSvg(planOf(view.planId, view.planVersion), view, history)
      })
      return c.body(svg, 200, {
        'content-type': 'image/svg+xml; charset=utf-8',
      })
    })
    .openapi(report, async (c) => {
      const { view, history, plan } = await incident(c.req.valid('param').id, c.get('caller'))
      const html = (c.req.header('accept') ?? '').includes('text/html')
      const body = draw.incidentReport(plan, view, history, html ? 'html' : 'markdown')
      return c.body(body, 200, {
        'content-type': html ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
        vary: 'Accept',
      })
    })
    .openapi(deadlines, async (c) => {
      const opts = c.req.valid('query')
      // Each view with the incident's grade changes: a deadline counts under the grade it began at.
      const incidents: GradedView[] = []
      let cursor: string | undefined
      do {
        const page = await engine.listGraded(
          { ...(opts.plan ? { plan: opts.plan } : {}), limit: PAGE, ...(cursor ? { cursor } : {}) },
          c.get('caller'),
        )
        incidents.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return c.json(draw.deadlineReport(incidents, opts), 200)
    })
}
