/**
 * An obligation's final status in words, as the review report, the documents and the
 * deadline-compliance report print it (OBLIGATIONS.md): met (on time, how early), late
 * (by how much), waived (by whom, why; a breach kept), withdrawn (by whom, why), or
 * still owed (as of when, time left or overdue).
 */
import type { Obligation } from '../../machines/kit/types.js'
import { ROLE_LABELS } from './labels.js'
import { beijing, duration, minutesBetween } from './time.js'

export const STATUS_WORDS: Record<Obligation['status'], string> = {
  owed: '待办',
  met: '已办',
  late: '超时后补办',
  waived: '已免除',
  withdrawn: '已撤销',
}

export const actorWords = (a: { name: string; role: string }): string =>
  `${a.name}（${ROLE_LABELS[a.role] ?? a.role}）`

type Status = Pick<
  Obligation,
  'status' | 'dueAt' | 'metAt' | 'breachedAt' | 'waived' | 'withdrawn' | 'decision' | 'escalatedAt'
>

/** Minutes late: from the due time to the discharge (or to `asOf` while owed); null when not late. */
export function lateMinutes(o: Status, asOf: string): number | null {
  if (!o.dueAt || !o.breachedAt) return null
  return minutesBetween(o.dueAt, o.metAt ?? o.waived?.at ?? asOf)
}

/** `{ status, detail }` in words; `asOf` is when an owed one is judged (closing time or now). */
export function statusWords(o: Status, asOf: string): { status: string; detail: string } {
  const breach = o.breachedAt ? `；${beijing(o.breachedAt)} 记为超时（永久保留）` : ''
  switch (o.status) {
    case 'met': {
      if (!o.dueAt || !o.metAt) return { status: '已办', detail: o.metAt ? `${beijing(o.metAt)} 办结` : '—' }
      const m = minutesBetween(o.metAt, o.dueAt)
      return { status: '按时办结', detail: m === 0 ? '恰在到期时办结' : `提前 ${duration(m)} 办结` }
    }
    case 'late':
      return {
        status: '超时后补办',
        detail: `超时 ${duration(minutesBetween(o.dueAt!, o.metAt!))}，${beijing(o.metAt!)} 补办${breach}`,
      }
    case 'waived':
      return {
        status: '已免除',
        detail: `${actorWords(o.waived!.by)} 于 ${beijing(o.waived!.at)} 免除：${o.waived!.reason}${breach}`,
      }
    case 'withdrawn':
      return {
        status: '已撤销',
        detail: `${actorWords(o.withdrawn!.by)} 于 ${beijing(o.withdrawn!.at)} 撤销：${o.withdrawn!.reason}`,
      }
    default: {
      if (!o.dueAt) return { status: '待办', detail: `截至 ${beijing(asOf)} 仍待办（无时限）` }
      const left = minutesBetween(asOf, o.dueAt)
      return left >= 0
        ? { status: '待办', detail: `截至 ${beijing(asOf)} 剩余 ${duration(left)}` }
        : { status: '待办（已超时）', detail: `截至 ${beijing(asOf)} 已超时 ${duration(-left)}${breach}` }
    }
  }
}
