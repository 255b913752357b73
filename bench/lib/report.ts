/**
 * The lines a benchmark prints. One `RESULT` line per figure, in a fixed shape that
 * the smoke test and the summary table read:
 *
 *   RESULT engine.send | 171.2 events/s | baseline 290.1 commits/s | ratio 0.59 | target ratio ≥ 0.5 | met
 *
 * `baseline -` and `ratio -` when a figure has no baseline; the last field is `met`,
 * `MISSED` or `info` (no target).
 */
export interface Figure {
  name: string
  value: number
  unit: string
  baseline?: { value: number; unit: string }
  /** value / baseline unless given (e.g. a ratio to another benchmark's figure). */
  ratio?: number
  target?: { text: string; met: boolean }
  /** The individual runs behind a median. */
  runs?: number[]
}

export const results: Figure[] = []

const fmt = (v: number) =>
  !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 100
      ? v.toFixed(0)
      : Math.abs(v) >= 10
        ? v.toFixed(1)
        : Math.abs(v) >= 1
          ? v.toFixed(2)
          : v.toFixed(3)

export function line(f: Figure): string {
  const ratio = f.ratio ?? (f.baseline ? f.value / f.baseline.value : undefined)
  return [
    `RESULT ${f.name}`,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline ? `baseline ${fmt(f.baseline.value)} ${f.baseline.unit}` : 'baseline -',
    ratio === undefined ? 'ratio -' : `ratio ${ratio.toFixed(2)}`,
    f.target ? `target ${f.target.text}` : 'target -',
    f.target ? (f.target.met ? 'met' : 'MISSED') : 'info',
  ].join(' | ')
}

/** Prints a figure (and its runs) and keeps it for the summary. */
export function report(f: Figure): Figure {
  results.push(f)
  console.log(line(f))
  if (f.runs && f.runs.length > 1) console.log(`  runs: ${f.runs.map(fmt).join(', ')}`)
  return f
}

export const note = (text: string) => console.log(`NOTE ${text}`)
export const detail = (text: string) => console.log(`  ${text}`)

/** The summary as a Markdown table, for BENCHMARKS.md. */
export function summaryTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const ratio = f.ratio ?? (f.baseline ? f.value / f.baseline.value : undefined)
    return `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.baseline ? `${fmt(f.baseline.value)} ${f.baseline.unit}` : '–'} | ${ratio === undefined ? '–' : ratio.toFixed(2)} | ${f.target?.text ?? '–'} | ${f.target ? (f.target.met ? 'yes' : '**no**') : '–'} |`
  })
  return ['| figure | value | baseline | ratio | target | met? |', '|---|---|---|---|---|---|', ...rows].join(
    '\n',
  )
}
