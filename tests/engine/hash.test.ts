/**
 * The journal's hash chain: an entry's hash is sha256 of the previous hash and the
 * canonical JSON (keys sorted) of its content. Verification (`/verify`, `npm run cli --
 * verify`) and every journal already written rely on that exact text: the text written
 * out field by field (entryJson) must be the canonical JSON, whatever the content holds.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { type ChainedEntry, canonicalJson, entryHash, entryJson, sha256 } from '../../src/engine/hash.js'

const entry = fc.record({
  incident_id: fc.uuid(),
  seq: fc.integer({ min: 1, max: 1_000_000 }),
  type: fc.string(),
  payload: fc.oneof(fc.string(), fc.json(), fc.constant('{"text":"舆情\\n\\u2028","a":[1,2]}')),
  actor_name: fc.oneof(fc.string(), fc.constant('值班员"张三"\\')),
  actor_role: fc.constantFrom('office', 'monitor', 'system'),
  occurred_at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  recorded_at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
})

it('an entry is hashed over the canonical JSON of its fields, as every written journal was', () => {
  fc.assert(
    fc.property(
      entry,
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
      (e: ChainedEntry, prev) => {
        const canonical = canonicalJson({ ...e })
        expect(entryJson(e)).toBe(canonical)
        expect(entryHash(prev, e)).toBe(sha256(`${prev}\n${canonical}`))
      },
    ),
    { numRuns: 300 },
  )
})

it('the same content hashes the same however its fields were ordered', () => {
  const e: ChainedEntry = {
    type: 'NOTE_ADDED',
    seq: 7,
    recorded_at: '2026-12-04T01:00:00.000Z',
    payload: '{"text":"备注"}',
    occurred_at: '2026-12-04T01:00:00.000Z',
    incident_id: '00000000-0000-4000-8000-000000000000',
    actor_role: 'office',
    actor_name: '值班员',
  }
  const reordered = Object.fromEntries(Object.entries(e).reverse()) as unknown as ChainedEntry
  expect(entryHash('0'.repeat(64), e)).toBe(entryHash('0'.repeat(64), reordered))
  expect(entryJson(e)).toBe(
    '{"actor_name":"值班员","actor_role":"office","incident_id":"00000000-0000-4000-8000-000000000000","occurred_at":"2026-12-04T01:00:00.000Z","payload":"{\\"text\\":\\"备注\\"}","recorded_at":"2026-12-04T01:00:00.000Z","seq":7,"type":"NOTE_ADDED"}',
  )
})
