/**
 * Operator commands, on the database DATABASE_URL names (migrated first):
 *   npm run cli -- token create --role office --name 张三 [--org 某单位]
 *   npm run cli -- token list
 *   npm run cli -- token revoke <id>
 * `token create` prints the secret alone on stdout (TOKEN=$(npm run -s cli -- token create …))
 * and what it made on stderr.
 */
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { ROLES, RoleSchema } from '../machines/vocabulary.js'
import { createToken, listTokens, revokeToken } from './auth/tokens.js'
import { config } from './config.js'
import { createStore, type Store } from './store/connection.js'
import { migrateToLatest } from './store/migrate.js'

const USAGE = `Usage:
  npm run cli -- token create --role <${ROLES.join('|')}> --name <name> [--org <organisation>]
  npm run cli -- token list
  npm run cli -- token revoke <id>`

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

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  if (command !== 'token') {
    process.stderr.write(`${USAGE}\n`)
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2
  }
  const store = createStore(config().databaseUrl)
  try {
    await migrateToLatest(store.db, store.schema)
    await tokenCommand(store, args)
    return 0
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
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
