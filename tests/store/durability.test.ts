/**
 * Commits on a SQLite file are synced off the event loop (src/store/durability.ts). What
 * a duty team and an integrator rely on is FULL's promise, kept: an answer means the
 * change is on disk; nobody (listener, stream, GET) hears of a change before it is; a
 * disk that fails the sync gets 503, never a 200; and while the disk writes, the service
 * goes on (the next group is built, other requests are read).
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { StorageUnavailable } from '../../src/errors.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { coalescing, createDurability } from '../../src/store/durability.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, TestClock, tempDbFile } from '../helpers/engine.js'

const stores: Store[] = []
afterEach(async () => {
  for (const d of disks.splice(0)) {
    d.open = true
    d.release()
  }
  for (const s of stores.splice(0)) await s.close()
})

/** A disk whose syncs finish only when the test lets them (or fail). */
interface Disk {
  syncs: number
  open: boolean
  failWith: NodeJS.ErrnoException | null
  held: Array<() => void>
  release(): void
  sync(file: string): Promise<void>
}
const disks: Disk[] = []
function heldDisk(): Disk {
  const d: Disk = {
    syncs: 0,
    open: false,
    failWith: null,
    held: [],
    release() {
      for (const r of d.held.splice(0)) r()
    },
    sync() {
      d.syncs++
      if (d.failWith) return Promise.reject(d.failWith)
      if (d.open) return Promise.resolve()
      return new Promise<void>((resolve) => d.held.push(resolve))
    },
  }
  disks.push(d)
  return d
}

const tick = () => new Promise((r) => setTimeout(r, 5))
const pending = async (p: Promise<unknown>) => {
  let done = false
  void p.then(
    () => {
      done = true
    },
    () => {
      done = true
    },
  )
  await tick()
  return !done
}

async function engineOn(disk: Disk) {
  const store = createStore(tempDbFile(), { syncWal: (f) => disk.sync(f) })
  stores.push(store)
  disk.open = true
  await migrateToLatest(store.db)
  disk.open = false
  const heard: number[] = []
  const engine = createEngine({
    store,
    plans: registry,
    clock: new TestClock(),
    calendar,
    onChange: ({ entry }) => heard.push(entry.seq),
  })
  return { store, engine, heard }
}

describe('coalescing syncs', () => {
  it('serves a caller with a run that started after it asked; callers waiting meanwhile share one', async () => {
    const starts: Array<() => void> = []
    const runs = coalescing(() => new Promise<void>((r) => starts.push(r)))
    const first = runs.run()
    const second = runs.run()
    const third = runs.run()
    expect(starts).toHaveLength(1)
    expect(second).toBe(third)
    starts[0]!()
    await first
    expect(await pending(second)).toBe(true)
    expect(starts).toHaveLength(2)
    starts[1]!()
    await second
    expect(runs.pending()).toBeNull()
  })
})

describe('a change on a SQLite file', () => {
  it('is answered, and heard of, only once its sync finished; meanwhile reads that wait for the disk wait', async () => {
    const disk = heldDisk()
    const { engine, heard } = await engineOn(disk)
    disk.open = true
    const opened = await engine.open({ planId: 'neixiang-2017', title: '待同步' }, caller('office'))
    disk.open = false
    heard.length = 0
    const sent = engine.send(opened.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, caller('office'))
    expect(await pending(sent)).toBe(true)
    expect(heard).toEqual([])
    // A GET waits (http/app.ts); an engine read itself is not held (the event loop is free).
    const settled = engine.settled()
    expect(await pending(settled)).toBe(true)
    expect((await engine.get(opened.id, caller('office'))).version).toBe(2)
    disk.release()
    expect((await sent).version).toBe(2)
    await settled
    expect(heard).toEqual([2])
  })

  it('gets 503 when the disk fails the sync, and nobody hears of it; then takes no change until reopened, and a retried key applies once', async () => {
    const disk = heldDisk()
    const file = tempDbFile()
    const store = createStore(file, { syncWal: (f) => disk.sync(f) })
    disk.open = true
    await migrateToLatest(store.db)
    const heard: number[] = []
    const clock = new TestClock()
    const engine = createEngine({
      store,
      plans: registry,
      clock,
      calendar,
      onChange: ({ entry }) => heard.push(entry.seq),
    })
    const office = caller('office')
    const opened = await engine.open({ planId: 'neixiang-2017', title: '坏盘' }, office)
    heard.length = 0
    const classify = { type: 'CLASSIFY', fields: { severity: 'major' } }
    disk.failWith = Object.assign(new Error('I/O error'), { code: 'EIO' })
    const failed = await engine.send(opened.id, classify, office, 'key-1').catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(StorageUnavailable)
    // The answer does not say "retry later": whether the disk kept the change is unknown.
    expect((failed as Error).message).toContain('may or may not have been kept')
    expect(heard).toEqual([])

    // The disk answers again; the store does not take its word (fail-stop): no change
    // starts, no sync is tried, reads that wait for the disk get 503.
    disk.failWith = null
    const syncs = disk.syncs
    await expect(engine.send(opened.id, classify, office, 'key-2')).rejects.toBeInstanceOf(StorageUnavailable)
    await expect(engine.addNote(opened.id, office, { text: '还在吗' })).rejects.toBeInstanceOf(
      StorageUnavailable,
    )
    await expect(engine.settled()).rejects.toBeInstanceOf(StorageUnavailable)
    expect(engine.storageFailure()).toBeInstanceOf(StorageUnavailable)
    expect(disk.syncs).toBe(syncs)
    expect(heard).toEqual([])
    await store.close()

    // Restarted on the same file: the disk kept the change here, and the retried key
    // answers it instead of applying it again.
    const again = createStore(file, { syncWal: () => Promise.resolve() })
    stores.push(again)
    const restarted = createEngine({ store: again, plans: registry, clock, calendar })
    expect(restarted.storageFailure()).toBeNull()
    const retried = await restarted.send(opened.id, classify, office, 'key-1')
    expect(retried).toMatchObject({ version: 2, severity: 'major' })
    const journal = await again.db
      .selectFrom('journal')
      .select('type')
      .where('incident_id', '=', opened.id)
      .execute()
    expect(journal.map((j) => j.type)).toEqual(['OPENED', 'CLASSIFY'])
  })

  it('commits the next group while the disk writes the one before', async () => {
    const disk = heldDisk()
    const { engine } = await engineOn(disk)
    disk.open = true
    const a = await engine.open({ planId: 'neixiang-2017', title: '甲' }, caller('office'))
    const b = await engine.open({ planId: 'neixiang-2017', title: '乙' }, caller('office'))
    disk.open = false
    const synced = disk.syncs
    const first = engine.send(a.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, caller('office'))
    await tick()
    const second = engine.send(b.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, caller('office'))
    await tick()
    // Both committed (the rows moved) while the first sync was still held: the second waits for its own.
    const store = stores.at(-1)!
    const versions = store.sqlite!.prepare('select id, version from incidents').all() as Array<{
      id: string
      version: number
    }>
    expect(versions.every((r) => r.version === 2)).toBe(true)
    expect(await pending(first)).toBe(true)
    expect(disk.syncs).toBe(synced + 1)
    disk.release()
    await first
    expect(await pending(second)).toBe(true)
    expect(disk.syncs).toBe(synced + 2)
    disk.release()
    await second
  })
})

describe('writes outside the engine', () => {
  it('a write or a transaction is answered after its sync; a read is not synced', async () => {
    const disk = heldDisk()
    const store = createStore(tempDbFile(), { syncWal: (f) => disk.sync(f) })
    stores.push(store)
    disk.open = true
    await migrateToLatest(store.db)
    disk.open = false
    const before = disk.syncs
    await store.db.selectFrom('incidents').select('id').execute()
    expect(disk.syncs).toBe(before)
    const write = store.db.deleteFrom('timers').execute()
    expect(await pending(write)).toBe(true)
    disk.release()
    await write
    const trx = store.db.transaction().execute((t) => t.deleteFrom('timers').execute())
    expect(await pending(trx)).toBe(true)
    disk.release()
    await trx
    expect(disk.syncs).toBe(before + 2)
  })

  it('syncs the real WAL file, and a file without one yet', async () => {
    const file = tempDbFile()
    const store = createStore(file)
    stores.push(store)
    const fresh = createDurability(file)
    await fresh.sync()
    fresh.close()
    await migrateToLatest(store.db)
    await expect(store.durability!.sync()).resolves.toBeUndefined()
  })
})
