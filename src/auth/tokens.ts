/**
 * Bearer tokens: 32 random bytes, base64url, shown once at creation and stored only as
 * their SHA-256. Each token carries a role, a person's name (for the journal) and an
 * organisation (which incidents it sees).
 */
import { hash, randomBytes } from 'node:crypto'
import { CompiledQuery, type Kysely } from 'kysely'
import { type Role, RoleSchema } from '../../machines/vocabulary.js'
import type { Database } from '../store/schema.js'
import { ensureOrganisation } from './organisations.js'
import { recordSecurityEvent } from './security-log.js'

export interface TokenInfo {
  id: string
  name: string
  role: Role
  organisation: string
  createdAt: string
  revokedAt: string | null
}

export interface NewToken {
  role: Role
  name: string
  organisation?: string
}

export const DEFAULT_ORGANISATION = 'default'

export const hashToken = (token: string): string => hash('sha256', token, 'hex')
const newSecret = () => randomBytes(32).toString('base64url')
const newId = () => `tok_${randomBytes(6).toString('hex')}`
const newEnvId = () => `env_${randomBytes(6).toString('hex')}`

type Row = {
  id: string
  name: string
  role: string
  organisation: string
  created_at: string
  revoked_at: string | null
}
const toInfo = (r: Row): TokenInfo => ({
  id: r.id,
  name: r.name,
  role: RoleSchema.parse(r.role),
  organisation: r.organisation,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
})
const columns = ['id', 'name', 'role', 'organisation', 'created_at', 'revoked_at'] as const

function checked(t: NewToken): Required<NewToken> {
  const role = RoleSchema.parse(t.role)
  const name = t.name.trim()
  const organisation = (t.organisation ?? DEFAULT_ORGANISATION).trim()
  if (name === '' || name.length > 100) throw new Error('a token needs a name of 1 to 100 characters')
  if (organisation === '' || organisation.length > 100)
    throw new Error('an organisation is 1 to 100 characters')
  return { role, name, organisation }
}

/** Creates a token; the secret is in the result and nowhere else. `by` names who made it, for the security log. */
export async function createToken(
  db: Kysely<Database>,
  t: NewToken,
  opts: { now: Date; by: string },
): Promise<{ token: string; info: TokenInfo }> {
  const { role, name, organisation } = checked(t)
  const token = newSecret()
  const row = {
    id: newId(),
    hash: hashToken(token),
    name,
    role,
    organisation,
    created_at: opts.now.toISOString(),
    revoked_at: null,
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('tokens').values(row).execute()
    await recordSecurityEvent(
      trx,
      { kind: 'token.created', tokenId: row.id, role, name, organisation, by: opts.by },
      opts.now,
    )
  })
  return { token, info: toInfo(row) }
}

export async function listTokens(db: Kysely<Database>): Promise<TokenInfo[]> {
  const rows = await db.selectFrom('tokens').select(columns).orderBy('created_at').orderBy('id').execute()
  return rows.map(toInfo)
}

/** Revokes a token; false when there is no such token. Revoking twice keeps the first time. */
export async function revokeToken(
  db: Kysely<Database>,
  id: string,
  opts: { now: Date; by: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('tokens')
      .select(['id', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) return false
    if (row.revoked_at === null) {
      await trx
        .updateTable('tokens')
        .set({ revoked_at: opts.now.toISOString() })
        .where('id', '=', id)
        .execute()
      await recordSecurityEvent(trx, { kind: 'token.revoked', tokenId: id, by: opts.by }, opts.now)
    }
    return true
  })
}

/** The lookup's SQL per database handle, built once (kysely builds and compiles a query per call). */
const lookups = new WeakMap<Kysely<Database>, string>()

/**
 * The unrevoked token with this secret, if any. Asked of the database on every request,
 * never cached: a token revoked anywhere (the CLI, another node) is refused at once.
 */
export async function findToken(db: Kysely<Database>, token: string): Promise<TokenInfo | undefined> {
  let text = lookups.get(db)
  if (text === undefined) {
    text = db
      .selectFrom('tokens')
      .select(columns)
      .where('hash', '=', '')
      .where('revoked_at', 'is', null)
      .compile().sql
    lookups.set(db, text)
  }
  const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(text, [hashToken(token)]))
  return rows[0] ? toInfo(rows[0]) : undefined
}

/**
 * Makes the AUTH_TOKENS entries usable: inserted (hashed) when new, role/name/organisation
 * updated when known. A token revoked with the CLI stays revoked. An organisation an entry
 * names is created when it does not exist yet (logged as created by AUTH_TOKENS).
 */
export async function applyQuickStartTokens(
  db: Kysely<Database>,
  tokens: ReadonlyArray<NewToken & { token: string }>,
  now: Date,
): Promise<void> {
  for (const t of tokens) {
    const { role, name, organisation } = checked(t)
    const hash = hashToken(t.token)
    await db.transaction().execute(async (trx) => {
      await ensureOrganisation(trx, organisation, { now, by: 'AUTH_TOKENS' })
      // A random id: it is written to the security log and shown in lists, so it must tell
      // nothing about the token (ids before 2026-12 were a prefix of its SHA-256).
      const id = newEnvId()
      // Several nodes may start with the same AUTH_TOKENS at once: the first insert wins (the
      // hash is unique); the others (and every later start) only bring role, name and
      // organisation up to date.
      const inserted = await trx
        .insertInto('tokens')
        .values({ id, hash, role, name, organisation, created_at: now.toISOString(), revoked_at: null })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        await trx.updateTable('tokens').set({ role, name, organisation }).where('hash', '=', hash).execute()
        await renameLegacyId(trx, hash, now)
        return
      }
      await recordSecurityEvent(
        trx,
        { kind: 'token.created', tokenId: id, role, name, organisation, by: 'AUTH_TOKENS' },
        now,
      )
    })
  }
}

/**
 * An AUTH_TOKENS token stored with the old id (`env_` + the first 12 hex of its SHA-256)
 * gets a random one; the security log's rows are rewritten to name it, and the change is
 * logged. The token itself keeps working (it is found by its hash).
 */
async function renameLegacyId(db: Kysely<Database>, hash: string, now: Date): Promise<void> {
  const legacy = `env_${hash.slice(0, 12)}`
  const row = await db.selectFrom('tokens').select('id').where('hash', '=', hash).executeTakeFirst()
  if (row?.id !== legacy) return
  const id = newEnvId()
  await db.updateTable('tokens').set({ id }).where('id', '=', legacy).execute()
  await db
    .updateTable('security_log')
    .set((eb) => ({ detail: eb.fn<string>('replace', ['detail', eb.val(legacy), eb.val(id)]) }))
    .where('detail', 'like', `%${legacy}%`)
    .execute()
  await recordSecurityEvent(
    db,
    { kind: 'token.renamed', tokenId: id, from: 'legacy id', by: 'AUTH_TOKENS' },
    now,
  )
}

/**
 * First start of an empty database with no AUTH_TOKENS: creates one admin token and
 * returns its secret (the caller shows it once); null when any token already exists.
 */
export async function bootstrapAdminToken(db: Kysely<Database>, now: Date): Promise<string | null> {
  const any = await db.selectFrom('tokens').select('id').limit(1).executeTakeFirst()
  if (any) return null
  const { token } = await createToken(db, { role: 'admin', name: 'admin' }, { now, by: 'first start' })
  return token
}
