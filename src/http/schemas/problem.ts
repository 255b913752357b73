/**
 * The schema of every error answer: RFC 9457 problem details (src/http/problem.ts makes
 * them), with the failing fields of a 400 and what a 409's incident accepts now.
 */
import { z } from '@hono/zod-openapi'

export const FieldErrorSchema = z.object({
  path: z.string().openapi({ example: 'title' }),
  message: z.string(),
  expected: z.string().optional(),
})

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://yuqing-flow.dev/problems/validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional().openapi({ description: '400: the fields that failed' }),
    allowedEvents: z.array(z.string()).optional().openapi({ description: '409: what the state accepts now' }),
    version: z.number().int().optional().openapi({ description: '409: the incident version now' }),
    phase: z.string().optional(),
    state: z.unknown().optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' })
