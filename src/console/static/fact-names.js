/**
 * A fact's name on the console's pages other than the plan page (the new-incident form, the
 * incident's 传播数据, the 监测数据更新 form, a refusal naming a field): the plan's own word
 * for it, as the plan page says it (fact-words.js: hrss-city's 跨地区传播 and nanning-aic-2017's
 * 跨市区 for `crossRegion`), else the console's vocabulary (i18n-terms.js `fact`: 跨区域). In
 * English, the vocabulary's.
 */
import { ownFactWord } from './fact-words.js'
import { lang, term } from './i18n.js'
import { planOnScreen } from './labels.js'

/** `fact` named for `planId` (by default the plan on screen, an incident's or the one chosen). */
export const factName = (fact, planId = planOnScreen()) =>
  (lang() === 'en' ? undefined : ownFactWord(planId, fact)) ?? term('fact', fact)
