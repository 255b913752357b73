/**
 * What a due rule's clock counts, in the words of the plan page's tables (src/diagrams/plan-tables.ts
 * via labels.ts `clockText`) and of the console's plan page (views/plan-obligations.js): plain
 * JavaScript with no imports so that the browser loads it as it is and the diagrams import it
 * (due-words.d.ts).
 */

/**
 * The clock of a due time in working hours or working days, and of one in minutes or hours. The
 * English is short enough for the one line the console's plan page gives it in its narrow 时限规则
 * column at 1280 px (working time only: nights, weekends and holidays do not count; round the
 * clock: they do).
 */
export const CLOCK_WORDS = {
  zh: { working: '工作时间（非工作时间顺延）', calendar: '自然时间（不扣除非工作时间）' },
  en: { working: 'working time only', calendar: 'round the clock' },
}

/** Whether a due rule (`{ amount, unit, anchor }`) counts working time only. */
export const countsWorkingTime = (due) => due.unit === 'workingHours' || due.unit === 'workingDays'

/** A due rule's clock in `lang` (zh or en; zh otherwise). */
export const clockWords = (due, lang = 'zh') =>
  (CLOCK_WORDS[lang] ?? CLOCK_WORDS.zh)[countsWorkingTime(due) ? 'working' : 'calendar']
