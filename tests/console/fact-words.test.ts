/**
 * The words a fact is shown by, for every plan (src/console/static/fact-words.js `factWord`, the
 * plan page's and the diagrams'; fact-names.js `factName`, the console's other pages, in both
 * languages): hrss-city's own 跨地区传播 for `crossRegion`, the shared word for every other plan
 * and fact — nanning-aic-2017's 跨市区 (四(三)) is the shared word, which needs no entry of its own.
 */
import { describe, expect, it } from 'vitest'
import { PLAN_IDS } from '../../machines/index.js'

const g = globalThis as unknown as Record<string, unknown>
const stored: Record<string, string> = {}
g.document ??= { documentElement: {} }
g.localStorage ??= {
  getItem: (k: string) => stored[k] ?? null,
  setItem: (k: string, v: string) => (stored[k] = v),
}
const WORDS = '../../src/console/static/fact-words.js'
const NAMES = '../../src/console/static/fact-names.js'
const I18N = '../../src/console/static/i18n.js'
const { factWord } = (await import(WORDS)) as {
  factWord: (planId: string | undefined, fact: string) => string
}
const { factName } = (await import(NAMES)) as { factName: (fact: string, planId?: string) => string }
const { setLang } = (await import(I18N)) as { setLang: (value: string) => void }

/** The shared words, as every plan but hrss-city (for `crossRegion`) shows them. */
const SHARED: Record<string, string> = {
  clicksPerDay: '单日点击量',
  reposts: '微博、博客转发数',
  sites: '出现该言论的网站数',
  crossRegion: '跨市区',
  largeImageImpact: '对整体形象有较大影响',
  mainstreamMedia: '主流媒体（论坛）曝光',
  foreignMedia: '境外媒体关注',
  coalOrLocalBureau: '涉及煤矿安全监察系统或地方各级安全监管局',
  majorEmergency: '涉及重大突发事件',
}
const own = (planId: string, fact: string) =>
  planId === 'hrss-city' && fact === 'crossRegion' ? '跨地区传播' : undefined

describe('the words a fact is shown by', () => {
  it('the plan page says each plan’s word with its code: hrss-city’s own, else the shared one', () => {
    expect(PLAN_IDS).toContain('nanning-aic-2017')
    for (const planId of [...PLAN_IDS, undefined])
      for (const [fact, zh] of Object.entries(SHARED))
        expect(factWord(planId, fact), `${planId} ${fact}`).toBe(
          `${(planId && own(planId, fact)) ?? zh}（${fact}）`,
        )
    expect(factWord('nanning-aic-2017', 'crossRegion')).toBe('跨市区（crossRegion）')
  })

  it('the console’s other pages say the same words, and the vocabulary’s in English', () => {
    setLang('zh')
    for (const planId of PLAN_IDS)
      for (const [fact, zh] of Object.entries(SHARED))
        expect(factName(fact, planId), `${planId} ${fact}`).toBe(own(planId, fact) ?? zh)
    // English: the vocabulary's word, hrss-city's incidents too.
    setLang('en')
    for (const planId of PLAN_IDS) expect(factName('crossRegion', planId)).toBe('Crosses regions')
    setLang('zh')
  })
})
