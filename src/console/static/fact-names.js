/**
 * A fact's name on the console's pages other than the plan page (the new-incident form, the
 * incident's 传播数据, the 监测数据更新 form, a refusal naming a field): the plan page's word for
 * it (fact-words.js): the plan's own where its text has one (hrss-city's 跨地区传播 for
 * `crossRegion`), else the shared one (跨市区, as nanning-aic-2017's 四(三) says), which
 * i18n-terms.js's `fact` takes from the same table. In English, the vocabulary's.
 */
import { ownFactWord } from './fact-words.js'
import { lang, term } from './i18n.js'
import { planOnScreen } from './labels.js'

/** `fact` named for `planId` (by default the plan on screen, an incident's or the one chosen). */
export const factName = (fact, planId = planOnScreen()) =>
  (lang() === 'en' ? undefined : ownFactWord(planId, fact)) ?? term('fact', fact)
