/**
 * hrss-city names its spread fact as its own policy does — 跨地区传播 (三第二步 影响面扩大, rules/version9.ts)
 * — on the plan page, in the diagrams' rule text and in an incident's documents; the shared
 * vocabulary's 跨市区 is nanning-aic-2017's word (四(三) 跨市区), kept for the other plans (diff review of
 * hrss-city v9, finding 5f).
 */
import { describe, expect, it } from 'vitest'
import { plan as hrss } from '../../machines/hrss-city/index.js'
import { plan as nanning } from '../../machines/nanning-aic-2017/index.js'
import { factLabel } from '../../src/diagrams/criteria.js'
import { appliesText } from '../../src/diagrams/labels.js'
import { obligationsByGrade } from '../../src/diagrams/plan-tables.js'

describe('hrss-city’s crossRegion is 跨地区传播, in one word everywhere', () => {
  it('the plan page and the rule text say 跨地区传播, as the rule’s policy does; never 跨市区', () => {
    const rule = hrss.obligations.find((r) => r.id === 'report:group')
    expect(rule?.policy).toContain('跨地区传播')
    const page = obligationsByGrade(hrss).join('\n')
    expect(page).toContain('跨地区传播（crossRegion）')
    expect(page).not.toContain('跨市区')
    expect(rule && appliesText(hrss, rule)).toContain('跨地区传播（crossRegion）')
  })

  it('another plan keeps the shared word', () => {
    expect(factLabel(nanning.id, 'crossRegion')).toContain('跨市区')
    expect(factLabel(hrss.id, 'crossRegion')).toBe('跨地区传播（crossRegion）')
    expect(factLabel(hrss.id, 'foreignMedia')).toBe(factLabel(nanning.id, 'foreignMedia'))
  })
})
