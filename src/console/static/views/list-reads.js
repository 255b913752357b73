/**
 * The list's reads of GET /incidents: the first page of the filters' query (`load`), the next
 * page of the rows on screen (`more`) and a re-read of them when the service says something
 * changed (`reread`). Pages and re-reads keep to the query they were asked with (list-query.js).
 *
 * A page and a re-read of the rows on screen take turns: a click on "more" while a re-read is on
 * its way waits for it and pages from where it ends (asked at once, its page answered after the
 * re-read had replaced the rows and was dropped: the click did nothing). A re-read reads as many
 * rows as are on screen, 200 at a time (the API's most), so what the user has loaded stays.
 */
import { api } from '../api.js'
import { cursorRefused, listError, rowsOf } from './list-query.js'

const PAGE = 50
/** The most rows one answer of GET /incidents gives (`limit`). */
const MOST = 200

const signature = (list) => list.map((v) => `${v.id}@${v.version}`).join()
/** `more` after `list`, less any row already there (an incident that moved across a page's edge). */
const after = (list, more) => {
  const seen = new Set(list.map((v) => v.id))
  return list.concat(more.filter((v) => !seen.has(v.id)))
}

/**
 * `show()` is called when the rows change, `failed(message)` when the first page cannot be read,
 * `announce(message)` when a next page cannot; `stopped()` says the page has left the list.
 */
export function listReads({ show, failed, announce, stopped }) {
  /** The query the rows on screen answer, its next page's cursor (asked only with it), its rows. */
  let shown = null
  let nextCursor = null
  let items = []
  /** How many incidents the API gave for the rows on screen (a closed one hidden counts): a re-read asks as many. */
  let fetched = 0
  /** The query the filters ask now: an answer to any other is dropped. */
  let asked = null
  /** Counts the changes of the rows: a page or re-read asked before the last one is dropped. */
  let rows = 0
  const stale = (query, at) => stopped() || query !== asked || at !== rows
  const set = (query, cursor, list, n) => {
    ;[shown, nextCursor, items, fetched] = [query, cursor, list, n]
    rows++
    show()
  }

  /** The reads of the rows on screen, one after another (one failing does not stop the next). */
  let turn = Promise.resolve()
  /** The "more" and the re-read that wait for their turn or read now, if any. */
  let paging = null
  let waiting = null
  const inTurn = (read) => {
    const run = turn.then(read)
    turn = run.catch(() => {})
    return run
  }

  async function load(query) {
    asked = query
    // The reads of the rows this answer brings wait for none of the former query's (dropped anyway).
    ;[turn, paging, waiting] = [Promise.resolve(), null, null]
    try {
      const page = await api.incidents({ ...query.params, limit: PAGE })
      if (!stale(query, rows)) set(query, page.nextCursor, rowsOf(query, page), page.items.length)
    } catch (e) {
      if (!stale(query, rows)) failed(listError(e))
    }
  }

  async function nextPage() {
    const [query, cursor, at] = [shown, nextCursor, rows]
    // While the filters' reload is on its way, these rows are about to go.
    if (!cursor || stale(query, at)) return
    try {
      const page = await api.incidents({ ...query.params, limit: PAGE, cursor })
      if (!stale(query, at))
        set(query, page.nextCursor, after(items, rowsOf(query, page)), fetched + page.items.length)
    } catch (e) {
      if (stale(query, at)) return
      announce(listError(e))
      if (cursorRefused(e)) load(query)
    }
  }
  /** One "more" at a time: a second click while the first waits or reads asks no other page. */
  const more = () => {
    if (paging) return paging
    const mine = inTurn(nextPage).finally(() => {
      if (paging === mine) paging = null
    })
    paging = mine
    return mine
  }

  async function reread() {
    const [query, at] = [shown, rows]
    if (stale(query, at)) return
    try {
      const want = Math.max(PAGE, fetched)
      let page = await api.incidents({ ...query.params, limit: Math.min(MOST, want) })
      let [got, fresh] = [page.items.length, rowsOf(query, page)]
      while (page.nextCursor && got < want && !stale(query, at)) {
        const limit = Math.min(MOST, want - got)
        page = await api.incidents({ ...query.params, limit, cursor: page.nextCursor })
        ;[got, fresh] = [got + page.items.length, after(fresh, rowsOf(query, page))]
      }
      if (stale(query, at)) return
      if (signature(fresh) !== signature(items) || page.nextCursor !== nextCursor)
        set(query, page.nextCursor, fresh, got)
    } catch {
      // the next re-read tries again; a 401 has already signed out
    }
  }
  /** A re-read waiting for its turn already reads what changed since it was asked: one is enough. */
  const rereadSoon = () => {
    if (waiting) return waiting
    const mine = inTurn(() => {
      if (waiting === mine) waiting = null
      return reread()
    })
    waiting = mine
    return mine
  }

  return {
    load,
    more,
    reread: rereadSoon,
    /** The query, rows and next page's cursor on screen. */
    get shown() {
      return shown
    },
    get items() {
      return items
    },
    get nextCursor() {
      return nextCursor
    },
  }
}
