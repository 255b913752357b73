/**
 * How the Neixiang plan grades an incident (第二條1, 第二條3): the plan's id, its grades and
 * `classify` (none: a person grades), and the category 第二條4 adds to the shared ones.
 */
import type { Classification } from '../../kit/types.js'
import { CATEGORIES, type Category, type Facts, type Severity } from '../../vocabulary.js'

export const PLAN_ID = 'neixiang-2017'

/** The grades this plan uses; `general` is local policy (the text names no lower grade). */
export const GRADES = [
  { code: 'general', label: '一般（本地政策）' },
  { code: 'major', label: '重大' },
  { code: 'critical', label: '特別重大' },
] as const satisfies ReadonlyArray<{ code: Severity; label: string }>
export const GRADE_CODES = ['general', 'major', 'critical'] as const

/** The text names no criteria: a person grades (第二條1, 第二條3). */
export const classify = (_facts: Facts): Classification => ({
  severity: null,
  rule: '本办法未规定量化标准，由人工定级（第二條1、第二條3）',
})

/**
 * 第二條4: 涉及重大政治性、群体性事件 — led by 县委宣传部. Not yet in the shared vocabulary
 * (machines/vocabulary.ts adds `political_mass: '重大政治性或群体性事件'`); until then the plan
 * accepts it through its own category schema (events.ts) and names it with a cast.
 */
export const POLITICAL_MASS = 'political_mass' as Category
export const PLAN_CATEGORIES = [...new Set<string>([...CATEGORIES, POLITICAL_MASS])] as [string, ...string[]]
