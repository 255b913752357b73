/**
 * A zod error as the field errors of a 400 (RFC 9457 `errors`): one entry per failing
 * field, each named by its path; an unknown field by its own path (`facts.likes`), not
 * its parent's, and a whole-value failure by where the value came from (`(body)`).
 * The HTTP edge and the engine (an event's fields, checked against its plan's schema)
 * answer alike.
 */
import type { ZodError } from 'zod'
import type { FieldError } from './errors.js'

export const fieldErrors = (error: ZodError, where: string): FieldError[] =>
  error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ path: [...i.path, k].join('.'), message: 'unknown field' }))
    const expected =
      i.code === 'invalid_value'
        ? i.values.map(String).join(' | ')
        : 'expected' in i && typeof i.expected === 'string'
          ? i.expected
          : undefined
    return [
      {
        path: i.path.map(String).join('.') || `(${where})`,
        message: i.message,
        ...(expected === undefined ? {} : { expected }),
      },
    ]
  })
