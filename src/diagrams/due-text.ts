/**
 * A rule's due time in words (zh-CN): its amount and unit, what its clock counts (one table of
 * words with the console: src/console/static/due-words.js) and what it counts from.
 */
import type { ObligationRule } from '../../machines/kit/types.js'
import { clockWords, countsWorkingTime } from '../console/static/due-words.js'

type Due = NonNullable<ObligationRule['due']>
const UNIT_TEXT: Record<Due['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  workingHours: '个工作小时',
  workingDays: '个工作日',
}

export const amountText = (d: Due): string => `${d.amount} ${UNIT_TEXT[d.unit]}`

export { countsWorkingTime }

/** What the due time's clock counts (one table of words with the console: due-words.js). */
export const clockText = (d: Due): string => clockWords(d, 'zh')

export const ANCHOR_TEXT: Record<Due['anchor'], string> = {
  discoveredAt: '发现时',
  knownAt: '获知时',
  occurredAt: '发生时',
  start: '开始应办时',
}
