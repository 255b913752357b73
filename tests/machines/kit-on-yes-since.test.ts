/**
 * The kit rule option `again.onYesSince` (machines/kit/yes-since.ts; neixiang-2017 version 13 uses it,
 * its behaviour tested in neixiang-2017.v13.test.ts): it judges what a yes begins again, so a rule
 * that no yes begins again (no `again.onYes`) is a plan error, refused when the rules are indexed.
 */
import { describe, expect, it } from 'vitest'
import { ruleIndex } from '../../machines/kit/rule-index.js'
import type { ObligationRule } from '../../machines/kit/types.js'

const removal: ObligationRule = {
  id: 'removal',
  kind: 'step',
  label: '处理违法信息',
  clause: '第七條2',
  policy: null,
  owedBy: ['office'],
  when: { decided: 'decision:illegal' },
  discharge: { type: 'REMOVE_ILLEGAL', fields: {} },
}
const since = { after: 'RELAPSE', latest: true } as const

describe('kit again.onYesSince', () => {
  it('is taken beside again.onYes', () => {
    expect(() => ruleIndex([{ ...removal, again: { onYes: true, onYesSince: since } }])).not.toThrow()
  })

  it('is refused without again.onYes', () => {
    expect(() => ruleIndex([{ ...removal, again: { onYesSince: since } }])).toThrow(
      /again.onYesSince judges what a yes begins again; it needs again.onYes/,
    )
  })
})
