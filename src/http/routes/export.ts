/**
 * GET /incidents/export: the list's filters, every matching incident, as CSV (a header
 * row, RFC 4180 quoting) or NDJSON (one incident view per line). Streamed page by page
 * from engine.list, each page read only when the client has taken the previous one, so
 * memory stays constant however many incidents there are.
 *
 * An incident the filters keep whose snapshot row is missing (README "Database
 * maintenance") is found before the first byte goes out: the answer is then the list's
 * 500 problem+json, as GET /incidents gives, not a file that stops at its page.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR, or full-width ＝＋－＠) as a formula: such
 * cells get a leading `'` (OWASP "CSV injection"), so a title like `=HYPERLINK(…)` shows
 * as text.
 *
 * NOTE: mounted before the incident routes, or `/incidents/{id}` takes the path.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { ListFilter, ListPage } from '../../engine/list.js'
import type { IncidentView } from '../../engine/view.js'
import { MissingSnapshot } from '../../store/errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { problems } from '../openapi.js'
import { ListQuery } from '../schemas/incident-requests.js'

/** Rows per page read from the engine (its most). */
const PAGE = 200

const ExportQuery = ListQuery.omit({ limit: true, cursor: true })
  .extend({
    format: z.enum(['csv', 'ndjson']).optional().openapi({ description: 'wins over Accept; default CSV' }),
    bom: z
      .enum(['true', 'false'])
      .optional()
      .openapi({ description: 'CSV only: start with a UTF-8 byte-order mark (for Excel)' }),
  })
  .strict()

const route = createRoute({
  method: 'get',
  path: '/incidents/export',
  operationId: 'exportIncidents',
  summary: "Every incident matching the list's filters, as CSV or NDJSON (streamed)",
  description:
    '`format=csv|ndjson` or `Accept: text/csv` / `application/x-ndjson`. CSV columns: ' +
    'id, title, planId, planVersion, version, phase, severity, category, owner, overdue, ' +
    'nextDeadline, nextDueAt, missedDeadlines, warnings, sourceUrl, sourcePlatform, ' +
    'discoveredAt, createdAt, updatedAt, closedAt. NDJSON: one incident view per line.',
  tags: ['incidents'],
  request: { query: ExportQuery },
  responses: {
    200: {
      content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } },
      description: 'the incidents, newest first',
    },
    400: problems[400],
    401: problems[401],
    503: problems[503],
  },
})

export const CSV_COLUMNS: ReadonlyArray<[string, (v: IncidentView) => unknown]> = [
  ['id', (v) => v.id],
  ['title', (v) => v.title],
  ['planId', (v) => v.planId],
  ['planVersion', (v) => v.planVersion],
  ['version', (v) => v.version],
  ['phase', (v) => v.phase],
  ['severity', (v) => v.severity],
  ['category', (v) => v.category],
  ['owner', (v) => v.owner],
  ['overdue', (v) => v.overdue],
  ['nextDeadline', (v) => nextPending(v)?.name],
  ['nextDueAt', (v) => nextPending(v)?.dueAt],
  [
    'missedDeadlines',
    (v) =>
      v.deadlines
        .filter((d) => d.status === 'missed')
        .map((d) => d.name)
        .join(' '),
  ],
  ['warnings', (v) => v.warnings?.length ?? 0],
  ['sourceUrl', (v) => v.source?.url],
  ['sourcePlatform', (v) => v.source?.platform],
  ['discoveredAt', (v) => v.discoveredAt],
  ['createdAt', (v) => v.createdAt],
  ['updatedAt', (v) => v.updatedAt],
  ['closedAt', (v) => v.closedAt],
]

function nextPending(v: IncidentView) {
  return v.deadlines
    .filter((d) => d.status === 'pending')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0]
}

/** One CSV cell: formula guard, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value)
  // Full-width ＝＋－＠ too: some spreadsheets fold them to their ASCII forms before parsing.
  if (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}
const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`

function wantsNdjson(format: string | undefined, accept: string): boolean {
  if (format) return format === 'ndjson'
  return /application\/(x-)?ndjson/.test(accept)
}

export function exportRoutes({ engine }: Pick<AppDeps, 'engine'>) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const { overdue, breached, format, bom, ...rest } = c.req.valid('query')
    const caller = c.get('caller')
    const filter: ListFilter = {
      ...rest,
      ...(overdue === undefined ? {} : { overdue: overdue === 'true' }),
      ...(breached === undefined ? {} : { breached: breached === 'true' }),
      limit: PAGE,
    }
    const ndjson = wantsNdjson(format, c.req.header('accept') ?? '')
    const encode = (items: IncidentView[]) =>
      ndjson
        ? items.map((v) => `${JSON.stringify(v)}\n`).join('')
        : items.map((v) => csvLine(CSV_COLUMNS.map(([, get]) => get(v)))).join('')
    const read = (cursor?: string): Promise<ListPage> =>
      engine.list(cursor ? { ...filter, cursor } : filter, caller)

    // An incident without its snapshot row (a storage fault) fails the list's page it is on:
    // found before answering, the export is the list's 500, never a file cut off at that page.
    const lost = await engine.firstWithoutSnapshot(filter, caller)
    if (lost !== null) throw new MissingSnapshot(lost)
    // The first page is read before answering, so a failure there is still a proper problem response.
    let first: ListPage | null = await read()
    let cursor: string | null = null
    const encoder = new TextEncoder()
    const head = ndjson
      ? ''
      : `${bom === 'true' ? '\uFEFF' : ''}${csvLine(CSV_COLUMNS.map(([name]) => name))}`
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          if (head) controller.enqueue(encoder.encode(head))
        },
        // Called only when the client has taken what was sent: one page in hand at a time.
        // A failure mid-way errors the stream: the response ends without its last chunk, so
        // the client sees a broken transfer rather than a silently short file.
        async pull(controller) {
          const page: ListPage = first ?? (await read(cursor ?? undefined))
          first = null
          cursor = page.nextCursor
          if (page.items.length) controller.enqueue(encoder.encode(encode(page.items)))
          if (!cursor) controller.close()
        },
      },
      { highWaterMark: 0 },
    )
    const stamp = engine.clock.now().toISOString().slice(0, 10)
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': ndjson
          ? 'application/x-ndjson; charset=utf-8'
          : 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="incidents-${stamp}.${ndjson ? 'ndjson' : 'csv'}"`,
        'cache-control': 'no-store',
        vary: 'Accept',
      },
    }) as never
  })
}
