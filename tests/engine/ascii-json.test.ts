/**
 * The snapshot column holds ASCII JSON (src/engine/ascii-json.ts): the same value, every
 * character beyond ASCII escaped, so that reading it back decodes an ASCII text.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { asciiJson, isAscii } from '../../src/engine/ascii-json.js'

it('is ASCII throughout and reads back as the same value, whatever the strings hold', () => {
  const text = fc.string({ unit: 'binary' })
  fc.assert(
    fc.property(fc.jsonValue({ stringUnit: 'binary' }), text, (value, key) => {
      const json = JSON.stringify({ [key]: value, title: '网传某地发生群体性事件 😀' })
      const ascii = asciiJson(json)
      expect(isAscii(ascii)).toBe(true)
      expect(JSON.parse(ascii)).toEqual(JSON.parse(json))
    }),
    { numRuns: 300 },
  )
})

it('leaves an ASCII text as it is, and tells a text beyond ASCII', () => {
  const json = JSON.stringify({ a: 'plain', n: [1, 2] })
  expect(asciiJson(json)).toBe(json)
  expect(asciiJson('"中"')).toBe('"\\u4e2d"')
  expect(isAscii(json)).toBe(true)
  expect(isAscii('"中"')).toBe(false)
  expect(isAscii('"é"')).toBe(false)
})
