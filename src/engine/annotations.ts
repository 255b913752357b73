/**
 * Entries beside the plan: notes, owners, evidence, generated documents. They move no
 * machine; each is journaled and versioned like an event.
 */
import { Forbidden, NotFound, ValidationError } from '../errors.js'
import * as repo from '../store/repo.js'
import type { Caller, Core } from './core.js'
import type { Rooms } from './rooms.js'
import type { StoredView } from './stored-view.js'
import type { IncidentView } from './view.js'

/** The roles that assign an incident or hand it over: the office, the group, the leaders, an admin. */
export const OWNER_ROLES: readonly string[] = [
  'office',
  'group',
  'leader',
  'newsLeader',
  'principal',
  'admin',
]

export function createAnnotations(core: Core, rooms: Rooms) {
  const { store, db } = core
  const { inTransaction, annotateIn, get, upToDateRow } = rooms

  /**
   * Appends an entry that records something beside the plan (a note, an owner, a piece
   * of evidence, a generated document) without moving the machine: journal entry +
   * version + view in one transaction, like any event.
   */
  function annotate(
    id: string,
    caller: Pick<Caller, 'organisation' | 'name' | 'role'>,
    entry: { type: string; payload: Record<string, unknown>; occurredAt?: string },
    patch: (stored: StoredView, at: { version: number; updatedAt: string }) => StoredView,
    columns: { owner?: string | null } = {},
  ): Promise<IncidentView> {
    return inTransaction(async (trx, told) => {
      const locked = await repo.lockIncident(trx, store, id)
      if (!locked || locked.organisation !== caller.organisation) throw new NotFound(`incident ${id}`)
      const row = await upToDateRow(trx, locked)
      const actor = { name: caller.name, role: caller.role }
      const applied = await annotateIn(trx, told, row, actor, entry, patch, columns)
      // Built inside the transaction: the caller reads it, and a failure to build it changes nothing.
      applied.view()
      return applied
    }).then((a) => a.view())
  }

  const writer = (caller: Pick<Caller, 'role'>, what: string) => {
    if (caller.role === 'auditor') throw new Forbidden(`auditors read and never write (${what})`)
  }

  /** A note at any phase; never edited: a correction is a new note pointing at the old one. */
  async function addNote(id: string, caller: Caller, note: { text: string; corrects?: number }) {
    writer(caller, 'notes')
    if (note.corrects !== undefined) {
      const target = await db
        .selectFrom('journal')
        .select('type')
        .where('incident_id', '=', id)
        .where('seq', '=', note.corrects)
        .executeTakeFirst()
      if (target?.type !== 'NOTE_ADDED')
        throw new ValidationError('corrects names no note', [
          { path: 'corrects', message: 'not the seq of a note of this incident' },
        ])
    }
    return annotate(id, caller, { type: 'NOTE_ADDED', payload: { ...note } }, (s, at) => ({
      ...s,
      notes: [
        ...(s.notes ?? []),
        {
          seq: at.version,
          text: note.text,
          corrects: note.corrects ?? null,
          by: { name: caller.name, role: caller.role },
          at: at.updatedAt,
        },
      ],
    }))
  }

  /** Assigns the incident or hands it over; the reason is on the record. */
  async function assignOwner(id: string, caller: Caller, req: { owner: string; reason: string }) {
    if (!OWNER_ROLES.includes(caller.role))
      throw new Forbidden(`role ${caller.role} may not assign incidents (${OWNER_ROLES.join(', ')} may)`)
    const before = await get(id, caller)
    return annotate(
      id,
      caller,
      {
        type: before.owner ? 'OWNER_HANDED_OVER' : 'OWNER_ASSIGNED',
        payload: { from: before.owner, to: req.owner, reason: req.reason },
      },
      (s) => s,
      { owner: req.owner },
    )
  }

  /** Kept evidence (content-addressed file already stored): recorded with hash, size and type. */
  async function addEvidence(
    id: string,
    caller: Caller,
    ev: { sha256: string; size: number; mediaType: string; filename: string; note?: string },
  ) {
    writer(caller, 'evidence')
    return annotate(id, caller, { type: 'EVIDENCE_ADDED', payload: { ...ev } }, (s, at) => ({
      ...s,
      evidence: [
        ...(s.evidence ?? []),
        { ...ev, seq: at.version, by: { name: caller.name, role: caller.role }, at: at.updatedAt },
      ],
    }))
  }

  return { annotate, addNote, assignOwner, addEvidence }
}
