/**
 * fast-check generators of hostile request parts: path segments (traversal, encodings,
 * injections), query strings, Authorization (a role's token or something broken),
 * content types and extra headers.
 */
import fc from 'fast-check'

export const HEADER_SAFE = (s: string) => s.replace(/[\0\r\n]/g, '').replace(/[^\x20-\x7e\t]/g, 'x')
export const latin = fc.string({ unit: 'binary-ascii', maxLength: 60 }).map(HEADER_SAFE)
export const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
)

export const TRAVERSAL = [
  '..',
  '%2e%2e',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%252e%252e%252f',
  '....%2F%2F',
  '..%5C..%5Cwindows',
  '%00',
  'a%00b',
  '%C0%AE%C0%AE%2F',
  '%E4%BA%8B%E4%BB%B6',
  '%F0%9F%98%80',
  '%FF%FE',
  '%',
  '%zz',
  encodeURIComponent("' OR 1=1; DROP TABLE incidents; --"),
  encodeURIComponent('<script>alert(1)</script>'),
  encodeURIComponent('\u202e\u0000\uffff'),
  'a'.repeat(5_000),
  '__proto__',
  'constructor',
  'prototype',
]

/** A value for a path parameter: a real one, or anything a client could put there. */
export const segment = (real: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.constantFrom(...TRAVERSAL) },
    { weight: 2, arbitrary: anyText.map(encodeURIComponent) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).filter((s) => !/[/?#]/.test(s)),
    },
  )

export const QUERY_KEYS = [
  'limit',
  'cursor',
  'overdue',
  'plan',
  'phase',
  'severity',
  'q',
  'owner',
  'version',
  'from',
  'to',
  'format',
  '__proto__',
  'constructor[prototype][polluted]',
  'limit[]',
]
export const queryValue = fc.oneof(
  fc.constantFrom(
    '-1',
    '0',
    '201',
    '1e309',
    'NaN',
    'Infinity',
    '0x10',
    '1.5',
    'true',
    'TRUE',
    'yes',
    '',
    ' ',
    '99999999999999999999',
    '2026-02-30',
    '2026-10-09T01:00:00',
    "'; DROP TABLE incidents; --",
    '%',
    '%00',
    'a'.repeat(3_000),
  ),
  anyText,
  fc.integer().map(String),
)
export const query = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), anyText), queryValue), { maxLength: 4 })
      .map(
        (pairs) => `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '?',
      '?&&',
      '?=',
      '?limit',
      '?limit=1&limit=2',
      '?cursor=%',
      '?overdue=true&overdue=false',
      '?%zz=1',
    ),
  },
)

export const ROLES = ['monitor', 'office', 'unit', 'group', 'auditor', 'admin'] as const
/** Authorization: a role's token most of the time, else something broken. */
export const authorization = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...ROLES)
      .map((r) => ({ role: r as string | null, header: null as string | null })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          '',
          'Bearer',
          'Bearer ',
          'Basic dXNlcjpwYXNz',
          'bearer',
          'Bearer a b',
          `Bearer ${'x'.repeat(10_000)}`,
          'Token abc',
          "Bearer ' OR '1'='1",
          'Bearer ../../etc/passwd',
          'Bearer null',
          'Bearer undefined',
        ),
        latin,
        latin.map((s) => `Bearer ${s}`),
      )
      .map((h) => ({ role: null, header: h as string | null })),
  },
  { weight: 1, arbitrary: fc.constant({ role: null, header: null }) },
)
export const CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/problem+json',
  'application/vnd.api+json',
  '',
  'json',
  'application/json, text/plain',
  '*/*',
  'application/json;;;',
  'APPLICATION/JSON',
]
export const contentType = fc.oneof(
  { weight: 5, arbitrary: fc.constant('application/json') },
  { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  { weight: 1, arbitrary: latin },
  { weight: 1, arbitrary: fc.constant(null) },
)
export const extraHeaders = fc.record(
  {
    'if-match': fc.oneof(
      fc.constantFrom(
        '*',
        '"2"',
        '2',
        'W/"2"',
        '-1',
        '"',
        '""',
        '0',
        '1e3',
        '99999999999',
        '"1", "2"',
        'x'.repeat(5_000),
      ),
      latin,
    ),
    'idempotency-key': fc.oneof(
      fc.constantFrom('', ' ', 'k'.repeat(201), 'k'.repeat(100_000), '__proto__'),
      latin,
    ),
    accept: fc.constantFrom(
      'text/html',
      'application/json',
      'text/csv',
      'application/x-ndjson',
      '*/*',
      'image/*',
      '',
    ),
    'x-forwarded-for': latin,
  },
  { requiredKeys: [] },
)
