/**
 * The context of a version 12 incident as version 13 reads it (`migratesFrom: { from: 12, readsOpening:
 * true }`): 三第一步 "记录其出处并分类" with OBLIGATIONS.md rule 6 — a source given at the opening (API.md
 * "Open an incident", the `OPENED` entry's `source`) is the source recorded, at the opening, as version 12
 * records it for the incidents opened on it (rules/opening.ts). An incident opened on version 11, which
 * did not read the opening's source, and moved to 12 (whose migration from 11 kept its context as it was)
 * had it unrecorded and was asked `RECORD_SOURCE`: it has it now, at its `discoveredAt`, and the
 * migration's eventless steps take it on (capturing → grading; classified, sourcing → found, and on to
 * reporting when the group is told). A source recorded before (`RECORD_SOURCE`, or the opening on 12)
 * keeps its time; without a source given, nothing changes. Nothing owed changes: the source is a step
 * of the chart, no obligation. Pure.
 */
import type { IncidentContext, MigrationOpening } from '../../kit/types.js'
import { sourceAtOpening } from './opening.js'

export const contextFromV12 = (
  old: IncidentContext,
  migration: { opening?: MigrationOpening },
): IncidentContext => sourceAtOpening(old, migration.opening?.source)
