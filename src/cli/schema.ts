/**
 * `npm run cli -- schema down --to <migration> [--dry-run]`: runs the `down` of every
 * migration applied after `<migration>` (its full name, or its number: `0008`), newest
 * first, to go back to a release before them (README "Database maintenance"). Every node
 * must be stopped first: nothing here can tell whether one still runs, and a node of this
 * release changing incidents meanwhile leaves snapshots behind again (and, on its next
 * start, migrates the database up again). Refused, with nothing changed, while what a
 * `down` needs is missing: for 0009, every snapshot at its incident's version (`npm run
 * cli -- snapshots`) and none missing. `schema status` lists the migrations applied.
 * Run without migrating up first (src/cli.ts).
 */
import { parseArgs } from 'node:util'
import { migrations } from '../../migrations/index.js'
import type { Store } from '../store/connection.js'
import { appliedMigrations, migrateDownTo } from '../store/migrate.js'
import { UsageError } from './common.js'

/** Why a migration's down cannot run now, or null: checked before anything is run down. */
type Precondition = (store: Store) => Promise<string | null>

const PRECONDITIONS: Record<string, Precondition> = {
  /** 0009's down moves each snapshot back into its row: every one must be there and up to date. */
  '0009_snapshots': async (store) => {
    const rows = await store.db
      .selectFrom('incidents')
      .leftJoin('snapshots', 'snapshots.incident_id', 'incidents.id')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('all'),
        eb.fn.count<number | string>('snapshots.incident_id').as('with'),
      ])
      .executeTakeFirst()
    const missing = Number(rows?.all ?? 0) - Number(rows?.with ?? 0)
    if (missing > 0)
      return `${missing} incident(s) have no row in table snapshots (a storage fault: \`npm run cli -- verify --all\` names them); restore the table from a backup first`
    const behind = await store.db
      .selectFrom('incidents')
      .innerJoin('snapshots', 'snapshots.incident_id', 'incidents.id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .whereRef('snapshots.version', '<', 'incidents.version')
      .executeTakeFirst()
    const n = Number(behind?.n ?? 0)
    if (n > 0)
      return `${n} incident(s) keep their latest changes in the journal only (their snapshot is behind their version); with every node stopped, run \`npm run cli -- snapshots\` until it exits 0, then this again`
    return null
  },
}

/** `0008` or `0008_has_missed_any_breach`: the one migration of this build it names. */
function migrationNamed(to: string): string {
  const names = Object.keys(migrations)
  const found = names.filter((n) => n === to || n.startsWith(`${to}_`))
  if (found.length !== 1 || !found[0])
    throw new UsageError(`--to names one migration of this build: ${names.join(', ')}`)
  return found[0]
}

export async function schemaCommand(store: Store, args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (sub === 'status') {
    if (rest.length > 0) throw new UsageError('schema status takes no arguments')
    const applied = await appliedMigrations(store.db, store.schema)
    const lines = Object.keys(migrations).map((n) => `${applied.includes(n) ? 'applied' : 'pending'}\t${n}`)
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  }
  if (sub !== 'down') throw new UsageError(`unknown schema command ${sub ?? '(none)'}`)
  const { values } = parseArgs({
    args: rest,
    options: { to: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    strict: true,
  })
  if (!values.to) throw new UsageError('schema down needs --to <migration>')
  const target = migrationNamed(values.to)
  const applied = await appliedMigrations(store.db, store.schema)
  const at = applied.indexOf(target)
  if (at === -1)
    throw new UsageError(
      `${target} is not applied (the database is at ${applied.at(-1) ?? 'no migration'}): schema down only goes down`,
    )
  const undo = applied.slice(at + 1).reverse()
  if (undo.length === 0) {
    process.stderr.write(`The database is at ${target} already: nothing to run down.\n`)
    return 0
  }
  process.stderr.write(`To run down, newest first: ${undo.join(', ')} (every node must be stopped).\n`)
  for (const name of undo) {
    const refusal = await PRECONDITIONS[name]?.(store)
    if (refusal) {
      process.stderr.write(`Refused, nothing changed: ${name}'s down cannot run: ${refusal}.\n`)
      return 1
    }
  }
  if (values['dry-run']) {
    process.stderr.write('Dry run: nothing changed.\n')
    return 0
  }
  const { reverted, failed } = await migrateDownTo(store.db, store.schema, target)
  for (const name of reverted) process.stderr.write(`Ran down ${name}.\n`)
  if (failed) {
    const now = (await appliedMigrations(store.db, store.schema)).at(-1) ?? 'no migration'
    process.stderr.write(
      `Migration ${failed.name} down failed: ${failed.error}. The database is at ${now}.\n`,
    )
    return 1
  }
  process.stderr.write(
    `The database is at ${target}: start the release it belongs to. Any command or start of this release migrates it up again.\n`,
  )
  return 0
}
