/**
 * Finding each list item's text inside a JSON text (src/engine/json-items.ts): what the
 * snapshot writer relies on is that every text found parses to the item at its place,
 * whatever the text around it holds (strings with brackets, quotes and escapes, a key of
 * the same name deeper down or inside a string, whitespace between tokens).
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { itemTexts } from '../../src/engine/json-items.js'

const LISTS = ['obligations', 'acts', 'drafts'] as const
/** Strings that look like JSON structure. */
const tricky = fc.constantFrom(
  '"',
  '\\',
  '\\"',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '"obligations":[',
  '测试',
  '\n',
)
const text = fc.oneof(
  fc.string(),
  fc.array(tricky).map((a) => a.join('')),
)
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom(...LISTS)), tie('node'), { maxKeys: 4 }),
  ),
})).node

it('finds the text of every item of the named lists, and only those lists', () => {
  fc.assert(
    fc.property(
      fc.dictionary(text, value, { maxKeys: 3 }),
      fc.record({ obligations: fc.array(value), acts: fc.option(fc.array(value)), facts: value }),
      fc.array(value),
      fc.boolean(),
      (outer, lists, drafts, spaced) => {
        const doc = { ...outer, context: { ...lists, drafts }, after: outer }
        const json = spaced ? JSON.stringify(doc, null, 2) : JSON.stringify(doc)
        const found = itemTexts(json, 'context', LISTS)
        for (const key of LISTS) {
          const list: unknown = (doc.context as Record<string, unknown>)[key]
          if (!Array.isArray(list)) expect(found.has(key)).toBe(false)
          else expect(found.get(key)?.map((t) => JSON.parse(t))).toEqual(JSON.parse(JSON.stringify(list)))
        }
      },
    ),
  )
})

it('finds nothing where the member is missing or is not an object', () => {
  expect(itemTexts('{"context":null}', 'context', LISTS).size).toBe(0)
  expect(itemTexts('{"other":{"acts":[1]}}', 'context', LISTS).size).toBe(0)
  expect(itemTexts('{"context":{"acts":"[1,2]"}}', 'context', LISTS).size).toBe(0)
  expect(itemTexts('{"context":{"acts":[]}}', 'context', LISTS).get('acts')).toEqual([])
})
