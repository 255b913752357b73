/** Small builders for route declarations, so each route states only what is its own. */
import type { z } from '@hono/zod-openapi'
import { PROBLEM_JSON } from './problem.js'
import { ProblemSchema } from './schemas/problem.js'

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

const problem = (description: string) => ({
  content: { [PROBLEM_JSON]: { schema: ProblemSchema } },
  description,
})

export const problems = {
  400: problem('the body, query or headers failed validation, or the JSON is malformed'),
  401: problem('no valid bearer token'),
  403: problem('the role may not do this'),
  404: problem('no such resource'),
  409: problem('not accepted in the current state, or the version does not match'),
  413: problem('the JSON body is over 64 KiB'),
  415: problem('the body is not JSON'),
  422: problem('the Idempotency-Key was used with a different body'),
  429: problem('over a limit per client, token or organisation (`limit` names its setting); see Retry-After'),
  503: problem('storage unavailable; retry later'),
} as const

/** The ETag of an incident response: its version, quoted (RFC 9110 strong validator). */
export const etagOf = (version: number) => `"${version}"`
export const ETagHeader = {
  ETag: { schema: { type: 'string' as const }, description: "the incident's version, quoted" },
}
