/** Order statistics of a sample (nearest-rank percentiles). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Random integer in [0, n). */
export const randomInt = (n: number) => Math.floor(Math.random() * n)

/** Fisher–Yates sample of k distinct items. */
export function sampleOf<T>(items: readonly T[], k: number): T[] {
  const copy = [...items]
  const n = Math.min(k, copy.length)
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(copy.length - i)
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy.slice(0, n)
}
