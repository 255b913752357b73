/**
 * Hostile request bodies: JSON (malformed, huge, deep, of the wrong types, or valid with a
 * poisoned field), the valid body of each POST route they start from, and multipart forms
 * for uploads.
 */
import fc from 'fast-check'
import { anyText } from './generators.js'

/** Bodies: malformed, huge, deep, of the wrong types, or valid with a poisoned field. */
export function bodies(valid: () => Record<string, unknown>) {
  const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`
  const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
  const poisoned = (json: string) => {
    const v = JSON.stringify(valid())
    return `${v.slice(0, -1)}${v.length > 2 ? ',' : ''}${json}}`
  }
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)))
        .map(([i, v]) => {
          // One field of a valid body replaced by anything (wrong types, null, objects).
          const b: Record<string, unknown> = valid()
          const keys = Object.keys(b)
          const k = keys[i % Math.max(1, keys.length)] ?? 'x'
          b[k] = v
          return JSON.stringify(b)
        }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        deepArray,
        deepObject,
        poisoned(`"facts":${deepObject}`),
        poisoned('"__proto__":{"polluted":true,"isAdmin":true,"role":"admin"}'),
        poisoned('"constructor":{"prototype":{"polluted":true}}'),
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        `"${'x'.repeat(70_000)}"`,
        JSON.stringify({ ...valid(), title: 'x'.repeat(60_000) }),
        JSON.stringify({ ...valid(), note: '事'.repeat(30_000) }),
        poisoned(`"padding":"${'y'.repeat(66_000)}"`),
        '',
        ' ',
        '{',
        '{"a":1,}',
        "{'a':1}",
        'NaN',
        '{"a":NaN}',
        '{"a":1e999999}',
        '\uFEFF{}',
        'null',
        'true',
        '[]',
        '0',
        '"string"',
        '{"type":null}',
        '{"type":"__proto__"}',
        '{"type":"constructor"}',
        '{"type":"toString"}',
        '{"type":"hasOwnProperty"}',
        '{"planId":"__proto__","title":"x"}',
        '{"planId":"constructor","title":"x"}',
        '{"planId":"toString","title":"x"}',
        '{"facts":{"__proto__":{"x":1}}}',
        '{"facts":{"reposts":-1e308}}',
        JSON.stringify({ ...valid(), discoveredAt: '2026-13-45T99:99:99Z' }),
        JSON.stringify({ ...valid(), discoveredAt: '+275760-09-13T00:00:00.000Z' }),
        JSON.stringify({ ...valid(), discoveredAt: '2999-01-01T00:00:00Z' }),
        JSON.stringify({ ...valid(), occurredAt: '1970-01-01T00:00:00Z' }),
        JSON.stringify({ ...valid(), expectedVersion: 1e21 }),
        JSON.stringify({ ...valid(), expectedVersion: -1 }),
        JSON.stringify({ ...valid(), relatedTo: "'; DROP TABLE incidents; --" }),
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  )
}

/** A valid body per POST route, so that a single hostile field is what is tested. */
export const VALID_BODIES: Record<string, () => Record<string, unknown>> = {
  '/incidents': () => ({ planId: 'neixiang-2017', title: '测试' }),
  '/incidents/:id/events': () => ({ type: 'METRICS_UPDATED', facts: { reposts: 1 } }),
  '/plans/:planId/classify': () => ({ facts: { reposts: 10, sites: 2 } }),
  '/incidents/:id/notes': () => ({ text: '已电话联系发帖人' }),
  '/incidents/:id/owner': () => ({ owner: '张办公', reason: '交班' }),
}

/** Multipart bodies for uploads: valid, empty, without the file, with hostile names and notes. */
export const MULTIPART_ROUTES = new Set(['/incidents/:id/evidence'])
export const form = (parts: Array<[string, string | Blob, string?]>) => () => {
  const f = new FormData()
  for (const [k, v, name] of parts) {
    if (typeof v === 'string') f.append(k, v)
    else f.append(k, v, name)
  }
  return f
}
export const blob = (text: string, type = 'text/plain') => new Blob([text], { type })
export const FORMS = [
  form([['file', blob('截图'), 'shot.txt']]),
  form([
    ['file', blob('截图'), 'shot.txt'],
    ['note', '网页快照'],
  ]),
  form([['file', blob(''), 'empty.txt']]),
  form([['note', 'no file']]),
  form([]),
  form([['file', 'not a file']]),
  form([['file', blob('x'), '../../../etc/passwd']]),
  form([['file', blob('x'), '..\\..\\windows\\system32']]),
  form([['file', blob('<script>alert(1)</script>', 'text/html'), '<img src=x onerror=alert(1)>.html']]),
  form([['file', blob('x', 'application/x-msdownload'), `${'名'.repeat(3_000)}.exe`]]),
  form([['file', blob('x', 'text/plain; charset=utf-8\r\nX-Injected: 1'), 'a\u0000b.txt']]),
  form([
    ['file', blob('x'), 'a.txt'],
    ['note', 'n'.repeat(4_001)],
  ]),
  form([
    ['file', blob('x'), 'a.txt'],
    ['file', blob('y'), 'b.txt'],
  ]),
  form([
    ['file', blob('x'), 'a.txt'],
    ['__proto__', '{"polluted":true}'],
    ['constructor', 'x'],
  ]),
]
export const multipartBodies = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FORMS).map((f) => f()) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(anyText, anyText, fc.string({ unit: 'binary', maxLength: 100 }))
      .map(([name, note, content]) =>
        form([
          ['file', blob(content), name || 'x'],
          ['note', note],
        ])(),
      ),
  },
)
