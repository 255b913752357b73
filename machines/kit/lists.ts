/**
 * Lists of a context rewritten without touching what did not change: a list is copied
 * only when an item changes (a changed item is a new object, never one changed in
 * place), so an unchanged list stays the same array and its items the same objects.
 */

/** `list` with each item replaced by `f(item)`; `list` itself when `f` returned every item as it was. */
export function mapChanged<T>(list: T[], f: (item: T, index: number) => T): T[] {
  let out: T[] | null = null
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T
    const next = f(item, i)
    if (next === item) continue
    out ??= list.slice()
    out[i] = next
  }
  return out ?? list
}
