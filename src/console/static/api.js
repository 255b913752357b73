/**
 * Every call the console makes to the HTTP API (API.md), with the session's token.
 * Errors arrive as problem+json and are thrown as ApiError; a 401 ends the session.
 */
import { t } from './i18n.js'
import { problemMessage } from './problems.js'
import { session, signOut } from './session.js'

export class ApiError extends Error {
  /** @param {number} status @param {Record<string, unknown>} problem */
  constructor(status, problem) {
    super(
      typeof problem.detail === 'string'
        ? problem.detail
        : typeof problem.title === 'string'
          ? problem.title
          : `HTTP ${status}`,
    )
    this.status = status
    this.problem = problem
  }
  /** Field-level errors of a 400: [{ path, message }]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : []
  }
}

/** Called when the token stops working (401): the app returns to the sign-in page. */
let onUnauthorized = () => {}
export const whenUnauthorized = (fn) => {
  onUnauthorized = fn
}

async function request(path, { method = 'GET', body, headers = {}, token } = {}) {
  const bearer = token ?? session()?.token
  const init = {
    method,
    headers: {
      accept: 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }
  let res
  try {
    res = await fetch(path, init)
  } catch {
    throw new ApiError(0, { title: 'network', detail: t('err.network') })
  }
  if (res.ok) return res
  let problem = {}
  try {
    problem = await res.json()
  } catch {
    problem = { title: res.statusText, detail: res.statusText }
  }
  const err = new ApiError(res.status, problem)
  if (res.status === 401 && token === undefined) {
    signOut()
    onUnauthorized()
  }
  throw err
}

const json = async (path, opts) => (await request(path, opts)).json()
const enc = encodeURIComponent

export const api = {
  /** Checks a token before it is kept: any authenticated read will do. */
  checkToken: (token) => request('/plans', { token }),
  plans: async () => (await json('/plans')).items,
  /** The plan's current version, or `version` (an incident's own: GET /plans/:id?version=N). */
  plan: (id, version) =>
    json(`/plans/${enc(id)}${version === undefined ? '' : `?version=${enc(String(version))}`}`),
  classify: (planId, facts) => json(`/plans/${enc(planId)}/classify`, { method: 'POST', body: { facts } }),
  incidents: (filters) => {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(filters))
      if (v !== undefined && v !== '' && v !== false) q.set(k, String(v))
    return json(`/incidents?${q}`)
  },
  incident: (id) => json(`/incidents/${enc(id)}`),
  open: (body, idempotencyKey) =>
    json('/incidents', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } }),
  send: (id, event, version) =>
    json(`/incidents/${enc(id)}/events`, {
      method: 'POST',
      body: event,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    }),
  history: async (id) => (await json(`/incidents/${enc(id)}/history`)).items,
  /** An SVG as a blob URL for an <img>: scripts inside an image never run. The caller revokes it. */
  svg: async (path) => {
    const res = await request(path, { headers: { accept: 'image/svg+xml' } })
    const blob = await res.blob()
    return URL.createObjectURL(new Blob([blob], { type: 'image/svg+xml' }))
  },
  /** The review material as Markdown text (shown with textContent, never as HTML). */
  report: async (id) =>
    (await request(`/incidents/${enc(id)}/report`, { headers: { accept: 'text/markdown' } })).text(),
  incidentDiagram: (id) => api.svg(`/incidents/${enc(id)}/diagram.svg`),
  /** Who the token is ({ name, role, organisation }); a token that is not yet kept is passed in. */
  whoami: (token) => json('/whoami', token === undefined ? {} : { token }),
  addNote: (id, note) => json(`/incidents/${enc(id)}/notes`, { method: 'POST', body: note }),
  assignOwner: (id, change) => json(`/incidents/${enc(id)}/owner`, { method: 'POST', body: change }),
  documents: async (id) => (await json(`/incidents/${enc(id)}/documents`)).items,
  /** A rendered document's text (`accept`: text/html or text/markdown); reading it writes nothing. */
  documentText: async (path, accept) => (await request(path, { headers: { accept } })).text(),
  planDiagram: (id) => api.svg(`/plans/${enc(id)}/diagram.svg`),
  /** Covered holiday years, days left and the coverage warning. */
  calendar: () => json('/calendar'),
  /** The working days of the years from..to on the service's calendar (the countdowns count on them). */
  workingDays: (from, to) => json(`/calendar/working-days?from=${enc(String(from))}&to=${enc(String(to))}`),
}

/**
 * A problem in plain words, in the chosen language (problems.js). `ctx` may name the
 * event's label and the form's field labels; the role is the session's.
 */
export function describeError(e, ctx = {}) {
  if (!(e instanceof ApiError)) return String(e?.message ?? e)
  return problemMessage(e, { role: session()?.role, ...ctx })
}

export { fieldMessage } from './problems.js'
