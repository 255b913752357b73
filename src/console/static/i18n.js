/**
 * Every string the console shows, in zh-CN (default) and English. The choice is kept in
 * localStorage. Plan texts come from the API in the plan's own words: in English, its events,
 * fields and choices are named by plan-language.js; its states, clauses and obligations are not.
 * The tables are files of their own: i18n-zh.js and i18n-en.js (the console's strings),
 * i18n-terms.js (vocabulary labels); this module chooses among them.
 */
import { en } from './i18n-en.js'
import { terms } from './i18n-terms.js'
import { zh } from './i18n-zh.js'

const LANG_KEY = 'yuqing.lang'

export const ROLES = [
  'monitor',
  'office',
  'unit',
  'legal',
  'spokesperson',
  'leader',
  'principal',
  'group',
  'auditor',
  'admin',
  'newsLeader',
  'unitHead',
  'discipline',
]
export const PHASES = ['discovery', 'reporting', 'consultation', 'response', 'disposal', 'review', 'closed']

const dictionaries = { zh, en }

export function lang() {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

export function setLang(value) {
  try {
    localStorage.setItem(LANG_KEY, value === 'en' ? 'en' : 'zh')
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN'
}

/** Lets a feature module keep its own strings beside its code: addStrings({ zh: {…}, en: {…} }). */
export function addStrings({ zh: moreZh = {}, en: moreEn = {} }) {
  Object.assign(zh, moreZh)
  Object.assign(en, moreEn)
}

/** The string for `key` in the current language, with `{name}` placeholders filled. */
export function t(key, params = {}) {
  const text = dictionaries[lang()][key] ?? zh[key] ?? key
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`))
}

/** A vocabulary label: `term('phase', 'reporting')` → 报告; unknown codes are shown as they are. */
export function term(kind, code) {
  if (code === null || code === undefined || code === '') return t('common.none')
  return terms[lang()][kind]?.[code] ?? terms.zh[kind]?.[code] ?? String(code)
}

/**
 * Punctuation of the console's own sentences in its language: a list (、 or ", "), a
 * parenthesis (（…） or " (…)"), a label's colon (： or ": ") and a list of clauses (； or "; ").
 * Texts quoted from a plan keep theirs.
 */
export const listOf = (items) => items.join(lang() === 'en' ? ', ' : '、')
export const paren = (text) => (lang() === 'en' ? ` (${text})` : `（${text}）`)
export const colon = () => (lang() === 'en' ? ': ' : '：')
export const clausesOf = (items) => items.join(lang() === 'en' ? '; ' : '；')
