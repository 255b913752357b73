/**
 * The engine's rooms as the later ones see the earlier: createEngine builds them in this
 * order, each from the core and the rooms before it.
 */
import type { createCommitter } from './committer.js'
import type { createIdempotency } from './idempotency.js'
import type { createOutbox } from './outbox.js'
import type { createProjection } from './projection.js'
import type { createTimers } from './timers.js'
import type { IncidentView } from './view.js'
import type { createWriter } from './write.js'

/** Projection, idempotency, outbox and committer: what the writer builds on. */
export type Base = ReturnType<typeof createProjection> &
  ReturnType<typeof createIdempotency> &
  ReturnType<typeof createOutbox> &
  ReturnType<typeof createCommitter>

/** What the command, timer, annotation and maintenance rooms build on. */
export type Rooms = Base &
  ReturnType<typeof createWriter> & {
    get(id: string, caller: { organisation: string }): Promise<IncidentView>
  }

/** The timer room (fire due deadlines; one deadline inside a command's transaction). */
export type Timers = ReturnType<typeof createTimers>
