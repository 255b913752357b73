/**
 * The facts' names on the plan page (src/diagrams/criteria.ts, the grading criteria and the
 * rules' words) and on the console's plan page: one table, plain JavaScript with no imports
 * so that the browser loads it as it is and the diagrams import it (fact-words.d.ts). The
 * console's other pages name a fact by the plan's own word where it has one (`ownFactWord`,
 * fact-names.js), else by the console's vocabulary (i18n-terms.js `fact`).
 */

/** Each fact by the words of the plans, its code beside it. */
export const FACT_WORDS = {
  clicksPerDay: '单日点击量（clicksPerDay）',
  reposts: '微博、博客转发数（reposts）',
  sites: '出现该言论的网站数（sites）',
  crossRegion: '跨市区（crossRegion）',
  largeImageImpact: '对整体形象有较大影响（largeImageImpact）',
  mainstreamMedia: '主流媒体（论坛）曝光（mainstreamMedia）',
  foreignMedia: '境外媒体关注（foreignMedia）',
  coalOrLocalBureau: '涉及煤矿安全监察系统或地方各级安全监管局（coalOrLocalBureau）',
  majorEmergency: '涉及重大突发事件（majorEmergency）',
}

/**
 * A plan's own word for a shared fact, where its text names it otherwise than the shared word
 * above (hrss-city's 三第二步 影响面扩大 is read as 跨地区传播, the word its rule's policy uses;
 * nanning-aic-2017's 四(三) says 跨市区, the shared word itself, so it needs no entry; every
 * console page says the plan page's word, fact-names.js).
 */
export const PLAN_FACT_WORDS = {
  'hrss-city': { crossRegion: '跨地区传播（crossRegion）' },
}

/** A fact's name on `planId`'s pages: the plan's own word, else the shared one, else its code. */
export const factWord = (planId, fact) =>
  (planId === undefined ? undefined : PLAN_FACT_WORDS[planId]?.[fact]) ?? FACT_WORDS[fact] ?? fact

/** `planId`'s own word for a fact without its code (hrss-city's 跨地区传播), or undefined if it has none. */
export const ownFactWord = (planId, fact) => {
  const word = planId === undefined ? undefined : PLAN_FACT_WORDS[planId]?.[fact]
  return word?.replace(`（${fact}）`, '')
}
