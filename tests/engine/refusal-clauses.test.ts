/**
 * A refused condition names each clause once (src/engine/refusal-clauses.ts): the clauses of
 * the transitions that refused are merged, and the plan's words leave out a clause they end
 * with that the condition names. Found: nanchong-npc-2022's 逐级报送 words end with their
 * clause and the 409's clause list repeated it (`…（三(二)） (三(二)；三(二)、二(三)6)`), which the
 * console had to undo.
 */
import { describe, expect, it } from 'vitest'
import { withClauses, wordsBesideClauses } from '../../src/engine/refusal-clauses.js'

describe('each clause once in a refused condition', () => {
  it('merges the clauses of the transitions that refused', () => {
    expect(withClauses(withClauses('', '三(二)'), '三(二)、二(三)6')).toBe('三(二)、二(三)6')
    expect(withClauses('四(二)', '四(二)、五(二)【本地政策】')).toBe('四(二)、五(二)【本地政策】')
  })

  it('drops the closing clauses of words the condition names already', () => {
    expect(
      wordsBesideClauses(
        '逐级报送：报送市网信办由应急管理小组在其收到报告后进行（三(二)）',
        '三(二)、二(三)6',
      ),
    ).toBe('逐级报送：报送市网信办由应急管理小组在其收到报告后进行')
    expect(wordsBesideClauses('已按级别确定牵头（四(三)、四(四)）', '四(一)、四(二)、四(三)、四(四)')).toBe(
      '已按级别确定牵头',
    )
  })

  it('keeps what the closing parenthesis says besides, and the clauses the condition does not name', () => {
    expect(wordsBesideClauses('正式答复待办（5 或延长后 10 个工作日，五(二)）', '五(二)')).toBe(
      '正式答复待办（5 或延长后 10 个工作日）',
    )
    expect(wordsBesideClauses('领导小组已审定口径（稿件取得全部审批，第三條4、第五條）', '第五條')).toBe(
      '领导小组已审定口径（稿件取得全部审批，第三條4）',
    )
    expect(wordsBesideClauses('解决问题或深挖线索已办理或经免除（五(四)2、五(四)3）', '五(四)2')).toBe(
      '解决问题或深挖线索已办理或经免除（五(四)3）',
    )
  })

  it('keeps words whose closing parenthesis names no clause of the condition', () => {
    expect(wordsBesideClauses('已认定类别（咨询、质疑）', '三(四)1')).toBe('已认定类别（咨询、质疑）')
    expect(wordsBesideClauses('领导小组最近一次决定为采取处置措施', '四(四)、五(二)')).toBe(
      '领导小组最近一次决定为采取处置措施',
    )
    const or = '（“统一发布权威信息”待办 或 领导小组最近一次决定为采取处置措施（四(四)，第 10 版起））'
    expect(wordsBesideClauses(or, '四(四)、五(二)')).toBe(or)
  })
})
