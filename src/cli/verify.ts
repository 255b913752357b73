/** `npm run cli -- verify`: the whole proof of each incident (src/engine/audit.ts), against the witness files. */
import { parseArgs } from 'node:util'
import * as registry from '../../machines/index.js'
import { requireOrganisation } from '../auth/organisations.js'
import { createCalendar } from '../calendar/index.js'
import { config } from '../config.js'
import { auditIncident } from '../engine/audit.js'
import { createEngine } from '../engine/engine.js'
import { createEvidenceStore } from '../evidence/store.js'
import type { Store } from '../store/connection.js'
import { readWitness } from '../witness/file.js'
import { stopRequested, UsageError } from './common.js'

/**
 * One line per incident: `ok` with its head, chain kind and newest witness checkpoint, or
 * `FAIL` naming the first bad entry (or that its snapshot row is missing); with --all, also a `FAIL` line per incident the
 * witness saw that the database no longer has. 1 when any fails.
 */
export async function verifyCommand(store: Store, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      all: { type: 'boolean' },
      org: { type: 'string' },
      witness: { type: 'string', multiple: true },
    },
    allowPositionals: true,
    strict: true,
  })
  if (values.all ? positionals.length > 0 : positionals.length !== 1 || values.org !== undefined)
    throw new UsageError('verify takes one incident id, or --all [--org <organisation>]')
  let ids = positionals
  const org = values.org?.trim()
  if (values.all) {
    let q = store.db.selectFrom('incidents').select('id').orderBy('created_at').orderBy('id')
    if (org !== undefined) q = q.where('organisation', '=', org)
    ids = (await q.execute()).map((r) => r.id)
    // A typo should not pass as "nothing to verify".
    if (org !== undefined && ids.length === 0) await requireOrganisation(store.db, org)
  }
  const files = values.witness ?? (config().witnessFile ? [config().witnessFile as string] : [])
  const witnesses = await Promise.all(files.map((f) => readWitness(f)))
  for (const w of witnesses)
    process.stderr.write(
      `Witness ${w.file}: ${w.lines} checkpoint(s)${w.from ? `, reaching back to ${w.from}, newest ${w.to}` : ''}; ${
        w.problems.length ? `PROBLEMS: ${w.problems.join('; ')}` : 'its own chain is intact'
      }.\n`,
    )
  if (witnesses.length === 0)
    process.stderr.write(
      'No witness (WITNESS_FILE unset, no --witness): a deleted tail with the head rolled back, or a chain rewritten whole, cannot be detected.\n',
    )
  const engine = createEngine({
    store,
    plans: registry,
    clock: { now: () => new Date() },
    calendar: createCalendar(),
  })
  const deps = {
    db: store.db,
    replay: engine.replay,
    plans: registry,
    evidence: createEvidenceStore(config().evidenceDir),
    witnesses,
  }
  let failed = 0
  let checked = 0
  for (const id of ids) {
    const stop = stopRequested()
    if (stop) {
      process.stderr.write(`Stopped by ${stop} after ${checked} of ${ids.length} incident(s).\n`)
      break
    }
    checked++
    const known = await store.db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst()
    if (!known) {
      failed++
      process.stdout.write(`FAIL\t${id}\tno such incident\n`)
      continue
    }
    // An incident without its snapshot row fails its audit naming that (audit.ts), and the others are checked.
    const r = await auditIncident(deps, id)
    if (r.ok) {
      const w =
        r.witness &&
        (r.witness.checkpoint
          ? `\twitness entry ${r.witness.checkpoint.seq} at ${r.witness.checkpoint.at}`
          : '\twitness none')
      process.stdout.write(`ok\t${id}\t${r.entries} entries\thead ${r.head}\tchain ${r.chain}${w ?? ''}\n`)
    } else {
      failed++
      process.stdout.write(`FAIL\t${id}\tentry ${r.firstBad?.seq}: ${r.firstBad?.reason}\n`)
    }
  }
  if (values.all) {
    // Incidents the witness saw that the database no longer has (deleted whole).
    const present = new Set(ids)
    const gone = new Map<string, { seq: number; at: string }>()
    for (const w of witnesses)
      for (const [id, cs] of w.byIncident) {
        const last = cs.at(-1)
        if (!last || present.has(id) || (org !== undefined && last.organisation !== org)) continue
        const exists = await store.db
          .selectFrom('incidents')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst()
        if (!exists && (gone.get(id)?.seq ?? 0) < last.seq) gone.set(id, { seq: last.seq, at: last.at })
      }
    for (const [id, c] of gone) {
      checked++
      failed++
      process.stdout.write(
        `FAIL\t${id}\tthe witness saw entry ${c.seq} (${c.at}) but the incident is not in the database\n`,
      )
    }
  }
  process.stderr.write(`Verified ${checked} incident(s): ${checked - failed} ok, ${failed} failed.\n`)
  return failed > 0 ? 1 : 0
}
