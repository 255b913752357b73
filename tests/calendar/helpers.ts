// Beijing wall-clock strings for test inputs and readable expectations, written with an
// explicit +08:00 so the tests mean the same on a machine in any TZ.

/** '2026-10-09T17:00' (Beijing) → Date. */
export function bj(local: string): Date {
  return new Date(`${local}+08:00`)
}

/** Date → '2026-10-10T11:30' (Beijing), seconds shown only when not zero. */
export function beijing(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3_600_000).toISOString()
  return s.endsWith(':00.000Z') ? s.slice(0, 16) : s.slice(0, 23)
}

export const HOUR = 3_600_000
export const MINUTE = 60_000
