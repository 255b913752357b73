// Beijing time. Asia/Shanghai has been a fixed UTC+8 with no DST since 1991, so every
// conversion is plain arithmetic on a +8 h offset and never depends on the machine's TZ.

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000
const OFFSET_MS = 8 * 60 * MINUTE_MS

/** A local day: whole days since 1970-01-01 in Beijing time. */
export type Day = number

export function localDay(t: number): Day {
  return Math.floor((t + OFFSET_MS) / DAY_MS)
}

/** The instant of local midnight that starts `day`. */
export function dayStart(day: Day): number {
  return day * DAY_MS - OFFSET_MS
}

export function dayYear(day: Day): number {
  return new Date(day * DAY_MS).getUTCFullYear()
}

export function isWeekend(day: Day): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay()
  return weekday === 0 || weekday === 6
}

export function dayToIso(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** 'YYYY-MM-DD' → local day; throws on a malformed or impossible date (2026-02-30). */
export function isoToDay(iso: string): Day {
  const m = ISO_DATE.exec(iso)
  const day = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : Number.NaN
  // Date.UTC rolls 02-30 over to 03-02; the round trip catches it.
  if (!Number.isInteger(day) || dayToIso(day) !== iso) {
    throw new RangeError(`Not a calendar date (want YYYY-MM-DD): ${JSON.stringify(iso)}`)
  }
  return day
}

/** The epoch ms of a Date, refusing an Invalid Date rather than computing with NaN. */
export function instant(d: Date, what: string): number {
  const t = d.getTime()
  if (Number.isNaN(t)) throw new RangeError(`${what} is an invalid Date`)
  return t
}
