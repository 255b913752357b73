/**
 * One table of words for a due time's clock (src/console/static/due-words.js): the plan page's
 * tables (plan-tables.ts via labels.ts `clockText`) and the console's plan page say the same,
 * 自然时间（不扣除非工作时间） for minutes and hours, 工作时间（非工作时间顺延） for working hours and days.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { clockWords, countsWorkingTime } from '../../src/console/static/due-words.js'
import { clockText } from '../../src/diagrams/labels.js'
import { obligationsByGrade } from '../../src/diagrams/plan-tables.js'

describe('a due time’s clock in words', () => {
  it('names each unit’s clock in zh and English', () => {
    expect(clockWords({ unit: 'minutes' })).toBe('自然时间（不扣除非工作时间）')
    expect(clockWords({ unit: 'hours' }, 'zh')).toBe('自然时间（不扣除非工作时间）')
    expect(clockWords({ unit: 'workingHours' })).toBe('工作时间（非工作时间顺延）')
    expect(clockWords({ unit: 'workingDays' }, 'zh')).toBe('工作时间（非工作时间顺延）')
    expect(clockWords({ unit: 'hours' }, 'en')).toBe('round the clock')
    expect(clockWords({ unit: 'workingDays' }, 'en')).toBe('working time only')
    expect(countsWorkingTime({ unit: 'workingHours' })).toBe(true)
    expect(countsWorkingTime({ unit: 'minutes' })).toBe(false)
  })

  it('the plan page’s tables say the same words as the console (nanning-aic-2017: both clocks)', () => {
    const plan = getPlan('nanning-aic-2017')
    if (!plan) throw new Error('nanning-aic-2017 missing')
    const tables = obligationsByGrade(plan).join('\n')
    for (const r of plan.obligations) {
      if (!r.due) continue
      expect(clockText(r.due)).toBe(clockWords(r.due, 'zh'))
      expect(tables).toContain(clockWords(r.due, 'zh'))
    }
  })
})
