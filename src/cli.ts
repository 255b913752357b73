/**
 * Operator commands, on the database DATABASE_URL names (migrated first):
 *   npm run cli -- token create --role office --name 张三 [--org 某单位]
 *   npm run cli -- token list
 *   npm run cli -- token revoke <id>
 *   npm run cli -- org create 某单位 [--name 全称]
 *   npm run cli -- org list
 *   npm run cli -- verify <incidentId>  |  verify --all [--org 某单位]  [--witness FILE]…
 *   npm run cli -- backup FILE   (SQLite: an online, consistent copy while the service runs)
 *   npm run cli -- calendar add FILE  |  calendar list   (holiday years, in force on every node)
 * `token create` prints the secret alone on stdout (TOKEN=$(npm run -s cli -- token create …))
 * and what it made on stderr; it refuses an organisation that was not created (`default`
 * always exists). `verify` prints one line per incident and exits 1 when any fails.
 */
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import * as registry from '../machines/index.js'
import { ROLES, RoleSchema } from '../machines/vocabulary.js'
import {
  createOrganisation,
  listOrganisations,
  OrganisationExists,
  requireOrganisation,
  UnknownOrganisation,
} from './auth/organisations.js'
import { createToken, DEFAULT_ORGANISATION, listTokens, revokeToken } from './auth/tokens.js'
import { createCalendar } from './calendar/index.js'
import { createLiveCalendar } from './calendar/live.js'
import { config } from './config.js'
import { auditIncident } from './engine/audit.js'
import { createEngine } from './engine/engine.js'
import { ValidationError } from './errors.js'
import { createEvidenceStore } from './evidence/store.js'
import { backupSqlite, integrityCheck } from './store/backup.js'
import { createStore, type Store } from './store/connection.js'
import { migrateToLatest } from './store/migrate.js'
import { readWitness } from './witness/file.js'

const USAGE = `Usage:
  npm run cli -- token create --role <${ROLES.join('|')}> --name <name> [--org <organisation>]
  npm run cli -- token list
  npm run cli -- token revoke <id>
  npm run cli -- org create <organisation> [--name <full name>]
  npm run cli -- org list
  npm run cli -- verify <incidentId> [--witness <file>]…
  npm run cli -- verify --all [--org <organisation>] [--witness <file>]…
  npm run cli -- backup <file>
  npm run cli -- calendar add <year.json>
  npm run cli -- calendar list`

class UsageError extends Error {}

const operator = () => `cli:${userInfo().username}`

async function tokenCommand(store: Store, args: string[]): Promise<void> {
  const [sub, ...rest] = args
  const now = new Date()
  if (sub === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: { role: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' } },
      strict: true,
    })
    const role = RoleSchema.safeParse(values.role)
    if (!role.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`)
    if (!values.name?.trim()) throw new UsageError('--name is required (it goes into the journal)')
    await requireOrganisation(store.db, values.org ?? DEFAULT_ORGANISATION)
    const { token, info } = await createToken(
      store.db,
      { role: role.data, name: values.name, ...(values.org ? { organisation: values.org } : {}) },
      { now, by: operator() },
    )
    process.stderr.write(
      `Created ${info.id}: ${info.name}, role ${info.role}, organisation ${info.organisation}.\n` +
        'The token (shown once, stored only as a hash):\n',
    )
    process.stdout.write(`${token}\n`)
    return
  }
  if (sub === 'list') {
    const rows = await listTokens(store.db)
    const lines = rows.map((t) =>
      [
        t.id,
        t.role,
        t.name,
        t.organisation,
        t.createdAt,
        t.revokedAt ? `revoked ${t.revokedAt}` : 'active',
      ].join('\t'),
    )
    process.stdout.write(`${['id\trole\tname\torganisation\tcreated\tstatus', ...lines].join('\n')}\n`)
    return
  }
  if (sub === 'revoke') {
    const id = rest[0]
    if (!id || rest.length > 1) throw new UsageError('token revoke takes one token id (see token list)')
    if (!(await revokeToken(store.db, id, { now, by: operator() })))
      throw new UsageError(`no token ${id} (see token list)`)
    process.stderr.write(`Revoked ${id}.\n`)
    return
  }
  throw new UsageError(`unknown token command ${sub ?? '(none)'}`)
}

async function orgCommand(store: Store, args: string[]): Promise<void> {
  const [sub, ...rest] = args
  if (sub === 'create') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { name: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    })
    const [id] = positionals
    if (!id || positionals.length > 1) throw new UsageError('org create takes one organisation')
    const org = await createOrganisation(
      store.db,
      { id, ...(values.name ? { name: values.name } : {}) },
      { now: new Date(), by: operator() },
    )
    process.stderr.write(`Created organisation ${org.id} (${org.name}).\n`)
    return
  }
  if (sub === 'list') {
    if (rest.length > 0) throw new UsageError('org list takes no arguments')
    const rows = await listOrganisations(store.db)
    const lines = rows.map((o) => [o.id, o.name, o.createdAt].join('\t'))
    process.stdout.write(`${['id\tname\tcreated', ...lines].join('\n')}\n`)
    return
  }
  throw new UsageError(`unknown org command ${sub ?? '(none)'}`)
}

/**
 * One line per incident: `ok` with its head, chain kind and newest witness checkpoint, or
 * `FAIL` naming the first bad entry; with --all, also a `FAIL` line per incident the
 * witness saw that the database no longer has. 1 when any fails.
 */
async function verifyCommand(store: Store, args: string[]): Promise<number> {
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
    evidence: createEvidenceStore(config().evidenceDir),
    witnesses,
  }
  let failed = 0
  let checked = 0
  for (const id of ids) {
    checked++
    const known = await store.db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst()
    if (!known) {
      failed++
      process.stdout.write(`FAIL\t${id}\tno such incident\n`)
      continue
    }
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

/**
 * `calendar add FILE`: one year's State Council notice (the shape of
 * src/calendar/data/<year>.json) into the database, in force on every node without a
 * restart. `calendar list`: the years in force, built in or loaded.
 */
async function calendarCommand(store: Store, args: string[]): Promise<number> {
  const [sub, ...rest] = args
  const calendar = createLiveCalendar({ db: store.db, workingHours: config().workingHours })
  if (sub === 'add') {
    const [file] = rest
    if (!file || rest.length > 1) throw new UsageError('calendar add takes one JSON file')
    let data: unknown
    try {
      data = JSON.parse(readFileSync(file, 'utf8'))
    } catch (e) {
      process.stderr.write(`${file} is not readable JSON: ${(e as Error).message}\n`)
      return 1
    }
    try {
      const r = await calendar.load(data, { name: operator(), now: new Date() })
      process.stderr.write(
        `Holiday data for ${r.year} ${r.outcome === 'unchanged' ? 'was already in force' : r.outcome === 'replaced' ? 'replaced the data in force' : 'loaded'} (sha256 ${r.sha256}); covered years now ${calendar.coveredYears.join(', ')}. Every node takes it in within CALENDAR_REFRESH_MS.\n`,
      )
      return 0
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      process.stderr.write(`${file}: ${e.message}\n`)
      return 1
    }
  }
  if (sub === 'list') {
    if (rest.length > 0) throw new UsageError('calendar list takes no arguments')
    await calendar.refresh()
    const loaded = new Map(calendar.loaded().map((l) => [l.year, l]))
    const lines = calendar.coveredYears.map((y) => {
      const l = loaded.get(y)
      return [y, l ? `loaded ${l.loadedAt} by ${l.loadedBy}` : 'built in', l?.sha256 ?? ''].join('\t')
    })
    process.stdout.write(`${['year\tfrom\tsha256', ...lines].join('\n')}\n`)
    const warning = calendar.coverageWarning(new Date())
    if (warning) process.stderr.write(`${warning}\n`)
    return 0
  }
  throw new UsageError(`unknown calendar command ${sub ?? '(none)'}`)
}

/** An online backup of the SQLite database (PostgreSQL deployments use pg_dump). */
async function backupCommand(store: Store, args: string[]): Promise<number> {
  const [target, ...rest] = args
  if (!target || rest.length > 0) throw new UsageError('backup takes one target file')
  if (!store.file) throw new UsageError('backup copies a SQLite database file; for PostgreSQL use pg_dump')
  const { pages } = await backupSqlite(store.file, target)
  const check = integrityCheck(target)
  process.stderr.write(`Backed up ${pages} pages to ${target}; integrity_check: ${check}\n`)
  return check === 'ok' ? 0 : 1
}

/** Each command answers its exit code. */
const COMMANDS: Record<string, (store: Store, args: string[]) => Promise<number>> = {
  token: (store, args) => tokenCommand(store, args).then(() => 0),
  org: (store, args) => orgCommand(store, args).then(() => 0),
  verify: verifyCommand,
  backup: backupCommand,
  calendar: calendarCommand,
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  const handler = command === undefined ? undefined : COMMANDS[command]
  if (!handler) {
    process.stderr.write(`${USAGE}\n`)
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2
  }
  const store = createStore(config().databaseUrl)
  try {
    await migrateToLatest(store.db, store.schema)
    return await handler(store, args)
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof UnknownOrganisation ||
      e instanceof OrganisationExists ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`)
      return 2
    }
    throw e
  } finally {
    await store.close()
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`cli failed: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  },
)
