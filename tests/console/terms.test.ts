/**
 * The console's term tables (src/console/static/i18n-terms.js, plain JavaScript the browser
 * loads as it is, with no build step) say in zh what machines/vocabulary.ts says: a phase, a
 * category, a deadline is named on screen as the machines, the diagrams and the documents name
 * it. And every code the service can show has its word in both languages: each role, grade,
 * fact (those of a plan version's own included) in zh and en.
 */
import { describe, expect, it } from 'vitest'
import {
  AnyFactsSchema,
  CATEGORY_LABELS,
  DEADLINE_LABELS,
  PHASE_LABELS,
  ROLES,
  SEVERITIES,
  SYSTEM_ROLE,
} from '../../machines/vocabulary.js'

const TERMS = '../../src/console/static/i18n-terms.js'
type Table = Record<string, Record<string, string>>
const { terms } = (await import(TERMS)) as { terms: { zh: Table; en: Table } }

describe('the console’s words for the vocabulary', () => {
  it('names phases, categories and deadlines in zh as machines/vocabulary.ts does', () => {
    expect(terms.zh.phase).toEqual(PHASE_LABELS)
    expect(terms.zh.category).toEqual(CATEGORY_LABELS)
    expect(terms.zh.deadline).toEqual(DEADLINE_LABELS)
  })

  it('has a word in zh and in en for every phase, grade, category, role, deadline and fact', () => {
    const codes: Record<string, readonly string[]> = {
      phase: Object.keys(PHASE_LABELS),
      severity: SEVERITIES,
      category: Object.keys(CATEGORY_LABELS),
      role: [...ROLES, SYSTEM_ROLE],
      deadline: Object.keys(DEADLINE_LABELS),
      fact: Object.keys(AnyFactsSchema.shape),
    }
    for (const lang of ['zh', 'en'] as const)
      for (const [kind, list] of Object.entries(codes)) {
        const missing = list.filter((code) => !terms[lang][kind]?.[code])
        expect(missing, `${lang} ${kind}`).toEqual([])
        const extra = Object.keys(terms[lang][kind] ?? {}).filter((code) => !list.includes(code))
        expect(extra, `${lang} ${kind}: words for codes the vocabulary does not have`).toEqual([])
      }
  })
})
