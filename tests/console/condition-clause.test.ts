/**
 * A refusal by the plan's conditions names each clause once (src/console/static/problems.js
 * `conditionText`, plain JavaScript run here under Node): nanchong-npc-2022's 逐级报送 words end
 * with their clause and the 409's clause list repeats it, which the console printed as
 * （三(二)）（三(二)；三(二)、二(三)6）.
 */
import { describe, expect, it } from 'vitest'

const g = globalThis as unknown as Record<string, unknown>
g.document ??= { documentElement: {} }
g.localStorage ??= { getItem: () => null, setItem: () => {} }
const PROBLEMS = '../../src/console/static/problems.js'
const { conditionText } = (await import(PROBLEMS)) as {
  conditionText: (c: { words: string; clause: string }) => string
}

describe('a plan condition in a refusal', () => {
  it('names each clause once, after the words', () => {
    expect(
      conditionText({
        words: '逐级报送：报送市网信办由应急管理小组在其收到报告后进行（三(二)）',
        clause: '三(二)；三(二)、二(三)6',
      }),
    ).toBe('逐级报送：报送市网信办由应急管理小组在其收到报告后进行（三(二)、二(三)6）')
  })
  it('keeps words whose closing parenthesis is not a clause, and a lone clause as it was', () => {
    expect(conditionText({ words: '已认定类别（咨询、质疑）', clause: '三(四)1' })).toBe(
      '已认定类别（咨询、质疑）（三(四)1）',
    )
    expect(conditionText({ words: '领导小组最近一次决定为采取处置措施', clause: '四(四)、五(二)' })).toBe(
      '领导小组最近一次决定为采取处置措施（四(四)、五(二)）',
    )
  })
})
