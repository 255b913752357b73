/**
 * The incident charts already drawn, by incident and version. A chart is a function of
 * the plan version, the incident's view and its journal, all fixed once a version is
 * written, so a version is laid out once (Graphviz: tens of milliseconds), however many
 * officers open it or how often the console redraws. Least recently used goes first.
 */
export const DRAWN_CHARTS = 200

export function drawnCharts(size = DRAWN_CHARTS) {
  const drawn = new Map<string, string>()
  return {
    /** The chart of `id` at `version`, drawn by `draw` only the first time. */
    async get(id: string, version: number, draw: () => Promise<string>): Promise<string> {
      const key = `${id}@${version}`
      const hit = drawn.get(key)
      if (hit !== undefined) {
        drawn.delete(key)
        drawn.set(key, hit)
        return hit
      }
      const svg = await draw()
      drawn.set(key, svg)
      if (drawn.size > size) drawn.delete(drawn.keys().next().value as string)
      return svg
    },
  }
}
