/**
 * WAL checkpoints off the event loop. SQLite copies the WAL's pages into the database
 * file at a checkpoint, by default inside the COMMIT that takes the WAL past 1,000 pages,
 * on the connection that commits: better-sqlite3 runs it on the event loop, with two
 * fsyncs (the WAL's, the database's) at `synchronous=NORMAL`. At ≈ 6 pages a change that
 * is every ≈ 170th change, and on a large database file the copy and the syncs held the
 * whole service for 100–500 ms (100,000 deadlines firing: a fifth of the drain's time in
 * COMMIT; BENCHMARKS.md, seventeenth round).
 *
 * Here the service's connection makes no checkpoint (`wal_autocheckpoint = 0`): a worker
 * thread, on a connection of its own to the same file, makes a PASSIVE one every
 * `everyMs` (it copies what is committed, never waits for anybody), and a RESTART once the
 * WAL has grown past `restartFrames` pages (a PASSIVE one cannot finish while changes keep
 * coming, and the WAL only starts again from its beginning once a checkpoint finished): a
 * RESTART right after a PASSIVE one has only the last few pages to copy, and holds the
 * service's next write for that long. Durability is unchanged: a commit is on disk once
 * its WAL frames are (durability.ts), and a checkpoint is SQLite's own, whichever
 * connection makes it. If the worker fails, the connection checkpoints as before.
 */
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type SQLite from 'better-sqlite3'

export const CHECKPOINT_EVERY_MS = 200
export const RESTART_FRAMES = 4000
/** SQLite's own default for the connection that checkpoints itself. */
const AUTOCHECKPOINT = 1000

/** The worker's code, plain CommonJS (it runs without the TypeScript loader the service may run under). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const SQLite = require(workerData.driver)
let db
try {
  db = new SQLite(workerData.file, { fileMustExist: true })
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = ' + workerData.busyMs)
} catch (e) {
  // An error thrown here would reach the service as an object without its message.
  parentPort.postMessage({ failed: String(e) })
  process.exit(1)
}
const tick = () => {
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)')
    if (passive && passive.log >= workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)')
  } catch (e) {
    parentPort.postMessage({ failed: String(e) })
  }
}
const timer = setInterval(tick, workerData.everyMs)
parentPort.on('message', (m) => {
  if (m !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export interface Checkpointer {
  /** Stops the worker (before the service's connection closes: the last to close checkpoints). */
  close(): Promise<void>
}

export function startCheckpointer(
  handle: SQLite.Database,
  file: string,
  opts: { everyMs?: number; restartFrames?: number; onFailure?: (why: string) => void } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      file,
      driver,
      everyMs: opts.everyMs ?? CHECKPOINT_EVERY_MS,
      restartFrames: opts.restartFrames ?? RESTART_FRAMES,
      busyMs: 100,
    },
  })
  // The process may end without stopping it (a CLI command, a test): it holds nothing of its own.
  worker.unref()
  // Told once (a failing checkpoint fails again every tick), on stderr unless the caller listens.
  let told = false
  const failed = (why: string) => {
    if (told) return
    told = true
    if (opts.onFailure) opts.onFailure(why)
    else process.emitWarning(`SQLite checkpoints of ${file}: ${why}`, 'CheckpointWarning')
  }
  let stopping = false
  const fallBack = () => {
    if (stopping || !handle.open) return
    handle.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT}`)
  }
  handle.pragma('wal_autocheckpoint = 0')
  worker.on('message', (m: { failed?: string }) => {
    if (m.failed) failed(m.failed)
  })
  worker.on('error', (e: unknown) => {
    failed(e instanceof Error ? e.message : JSON.stringify(e))
    fallBack()
  })
  let exited = false
  worker.on('exit', () => {
    exited = true
    fallBack()
  })
  return {
    async close() {
      if (stopping) return
      stopping = true
      if (exited) return
      const exit = once(worker, 'exit')
      // Waited for: unreferenced, the process would end meanwhile with nothing else to do.
      worker.ref()
      worker.postMessage('stop')
      await exit
    },
  }
}
