import SQLite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { cachingStatements } from '../../src/store/connection.js'

describe('the SQLite statement cache', () => {
  const handles: SQLite.Database[] = []
  const open = () => {
    const h = new SQLite(':memory:')
    h.exec('CREATE TABLE t (n INTEGER)')
    h.prepare('INSERT INTO t VALUES (?)').run(1)
    h.prepare('INSERT INTO t VALUES (?)').run(2)
    handles.push(h)
    return h
  }
  afterEach(() => {
    for (const h of handles.splice(0)) h.close()
  })

  it('prepares a statement once and hands it out again for the same SQL', () => {
    const db = cachingStatements(open())
    const a = db.prepare('SELECT n FROM t ORDER BY n')
    expect(db.prepare('SELECT n FROM t ORDER BY n')).toBe(a)
    expect(db.prepare('SELECT n FROM t ORDER BY n DESC')).not.toBe(a)
    expect(a.all([])).toEqual([{ n: 1 }, { n: 2 }])
  })

  it('gives a fresh statement while the cached one is still being iterated (a streamed export)', () => {
    const db = cachingStatements(open())
    const sql = 'SELECT n FROM t ORDER BY n'
    const iter = db.prepare(sql).iterate([])
    expect(iter.next().value).toEqual({ n: 1 })
    const second = db.prepare(sql)
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }])
    expect(iter.next().value).toEqual({ n: 2 })
    expect(iter.next().done).toBe(true)
  })

  it('keeps at most its size, dropping the least recently used', () => {
    const db = cachingStatements(open(), 2)
    const a = db.prepare('SELECT 1')
    const b = db.prepare('SELECT 2')
    expect(db.prepare('SELECT 1')).toBe(a) // now 1 is the most recent
    db.prepare('SELECT 3') // evicts 2
    expect(db.prepare('SELECT 1')).toBe(a)
    expect(db.prepare('SELECT 2')).not.toBe(b)
  })
})
