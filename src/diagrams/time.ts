/** Times and durations as the reports print them: Beijing time (UTC+8, no DST), minutes and hours. */

const BEIJING_MS = 8 * 3_600_000

/** `2026-10-09 17:00:05` in Beijing time. */
export const beijing = (iso: string): string => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : new Date(t + BEIJING_MS).toISOString().slice(0, 19).replace('T', ' ')
}

export const minutesBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 60_000)

/** `45 分钟`, `125 分钟（2 小时 5 分钟）`, `3000 分钟（2 天 2 小时）`. */
export function duration(minutes: number): string {
  const m = Math.abs(minutes)
  if (m < 60) return `${m} 分钟`
  const h = Math.floor(m / 60)
  const rest = m % 60
  if (h < 48) return `${m} 分钟（${h} 小时${rest ? ` ${rest} 分钟` : ''}）`
  const d = Math.floor(h / 24)
  const hh = h % 24
  return `${m} 分钟（${d} 天${hh ? ` ${hh} 小时` : ''}）`
}

/** A bound of a `from`/`to` filter: an instant, or a date (`YYYY-MM-DD`, Beijing midnight). */
export function parseBound(value: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const midnight = Date.parse(`${value}T00:00:00+08:00`)
    return end ? midnight + 86_400_000 : midnight
  }
  const t = Date.parse(value)
  if (Number.isNaN(t)) throw new RangeError(`not an ISO-8601 instant or date: ${value}`)
  return t
}
