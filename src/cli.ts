/**
 * Operator commands, on the database DATABASE_URL names (migrated first), read from the
 * same settings as the server (the environment over ENV_FILE or ./.env); each names the
 * database it opened on stderr, and `token create` warns when that database was empty:
 *   npm run cli -- token create --role office --name 张三 [--org 某单位]
 *   npm run cli -- token list
 *   npm run cli -- token revoke <id>
 *   npm run cli -- org create 某单位 [--name 全称]
 *   npm run cli -- org list
 *   npm run cli -- verify <incidentId>  |  verify --all [--org 某单位]  [--witness FILE]…
 *   npm run cli -- backup FILE   (SQLite: an online, consistent copy while the service runs)
 *   npm run cli -- upgrade [--dry-run]   (open incidents of a plan version this release no longer has)
 *   npm run cli -- migrate --plan <id> [--from N] --to M [--dry-run] [--org 某单位]   (to a plan's next version)
 *   npm run cli -- calendar add FILE  |  calendar list   (holiday years, in force on every node)
 *   npm run cli -- snapshots [--batch N] [--dry-run]   (every snapshot behind brought up to its incident's version)
 *   npm run cli -- schema down --to <migration> [--dry-run]  |  schema status   (every node stopped; not migrated up first)
 * `token create` prints the secret alone on stdout (TOKEN=$(npm run -s cli -- token create …))
 * and what it made on stderr; it refuses an organisation that was not created (`default`
 * always exists). `verify` prints one line per incident and exits 1 when any fails.
 */
import { parseArgs } from 'node:util'
import { ROLES, RoleSchema } from '../machines/vocabulary.js'
import {
  createOrganisation,
  listOrganisations,
  OrganisationExists,
  requireOrganisation,
  UnknownOrganisation,
} from './auth/organisations.js'
import { createToken, DEFAULT_ORGANISATION, listTokens, revokeToken } from './auth/tokens.js'
import { calendarCommand } from './cli/calendar.js'
import { listenForStop, operator, UsageError } from './cli/common.js'
import { migrateCommand } from './cli/migrate.js'
import { schemaCommand } from './cli/schema.js'
import { snapshotsCommand } from './cli/snapshots.js'
import { upgradeCommand } from './cli/upgrade.js'
import { verifyCommand } from './cli/verify.js'
import { config, describeDatabase } from './config.js'
import { backupSqlite, integrityCheck } from './store/backup.js'
import { createStore, type Store } from './store/connection.js'
import { migrateToLatest } from './store/migrate.js'

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
  npm run cli -- calendar list
  npm run cli -- upgrade [--dry-run]
  npm run cli -- migrate --plan <id> [--from <version>] --to <version> [--dry-run] [--org <organisation>]
                         [--reason <text>] [--batch <n>]
  npm run cli -- snapshots [--batch <n>] [--dry-run]
  npm run cli -- schema down --to <migration> [--dry-run]   (every node stopped first)
  npm run cli -- schema status`

/** No incident and no token: a database just created, most likely not the one the server uses. */
async function isEmpty(store: Store): Promise<boolean> {
  const incident = await store.db.selectFrom('incidents').select('id').limit(1).executeTakeFirst()
  const token = await store.db.selectFrom('tokens').select('id').limit(1).executeTakeFirst()
  return !incident && !token
}

const EMPTY_WARNING =
  'Warning: this database was empty (no incident, no token before this one). If the server runs on another ' +
  'database, this token is unknown to it (401): give the CLI the same DATABASE_URL as the server ' +
  '(the environment, or ENV_FILE / .env, which both read).\n'

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
    const empty = await isEmpty(store)
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
    if (empty) process.stderr.write(EMPTY_WARNING)
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
  upgrade: upgradeCommand,
  migrate: (store, args) => migrateCommand(store, args),
  calendar: calendarCommand,
  snapshots: (store, args) => snapshotsCommand(store, args),
  schema: schemaCommand,
}
/** Commands run on the database as it is: `schema down` must not first migrate it up again. */
const AS_IT_IS = new Set(['schema'])

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  const handler = command === undefined ? undefined : COMMANDS[command]
  if (!handler) {
    process.stderr.write(`${USAGE}\n`)
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2
  }
  listenForStop()
  const { databaseUrl, settingsFile } = config()
  // On stderr, so `TOKEN=$(npm run -s cli -- token create …)` still captures the token alone.
  process.stderr.write(
    `Database: ${describeDatabase(databaseUrl)}${settingsFile ? ` (settings from ${settingsFile})` : ''}\n`,
  )
  const store = createStore(databaseUrl)
  try {
    if (!AS_IT_IS.has(command as string)) await migrateToLatest(store.db, store.schema)
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
