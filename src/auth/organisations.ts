/**
 * Organisations: every token and every incident belongs to one, and a caller sees only
 * its own organisation's incidents (the engine answers 404 for another's). `default`
 * exists from the start (migration 0004); an operator creates the others with
 * `npm run cli -- org create <id>`, and each creation goes to the security log.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'
import { recordSecurityEvent } from './security-log.js'

export interface Organisation {
  id: string
  name: string
  createdAt: string
}

export class UnknownOrganisation extends Error {
  constructor(readonly id: string) {
    super(`no organisation ${id} (create it first: npm run cli -- org create ${id})`)
  }
}
export class OrganisationExists extends Error {
  constructor(readonly id: string) {
    super(`organisation ${id} already exists`)
  }
}

/** What a token's `--org` and AUTH_TOKENS' fourth field may hold: 1 to 100 printable characters, no colon or comma. */
function checkedId(raw: string): string {
  const id = raw.trim()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (id === '' || id.length > 100 || /[\u0000-\u001f\u007f:,]/.test(id))
    throw new Error('an organisation is 1 to 100 characters, without control characters, ":" or ","')
  return id
}

const toOrganisation = (r: { id: string; name: string; created_at: string }): Organisation => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
})

/** Creates an organisation; refuses one that exists. `by` names who made it, for the security log. */
export async function createOrganisation(
  db: Kysely<Database>,
  org: { id: string; name?: string },
  opts: { now: Date; by: string },
): Promise<Organisation> {
  const id = checkedId(org.id)
  const name = org.name?.trim() || id
  if (name.length > 200) throw new Error('an organisation name is at most 200 characters')
  const row = { id, name, created_at: opts.now.toISOString() }
  await db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()
    if (known) throw new OrganisationExists(id)
    await trx.insertInto('organisations').values(row).execute()
    await recordSecurityEvent(
      trx,
      { kind: 'organisation.created', organisation: id, name, by: opts.by },
      opts.now,
    )
  })
  return toOrganisation(row)
}

export async function listOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('id').execute()
  return rows.map(toOrganisation)
}

export async function findOrganisation(db: Kysely<Database>, id: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id.trim()).executeTakeFirst()
  return row ? toOrganisation(row) : undefined
}

/** The organisation, which must exist (`default` always does): for `token create --org`. */
export async function requireOrganisation(db: Kysely<Database>, id: string) {
  const org = await findOrganisation(db, id)
  if (!org) throw new UnknownOrganisation(id.trim())
  return org
}

/**
 * Makes sure an organisation exists, creating it when it does not (logged like any
 * creation). For AUTH_TOKENS: a quick start names its organisations and gets them.
 */
export async function ensureOrganisation(
  db: Kysely<Database>,
  id: string,
  opts: { now: Date; by: string },
): Promise<void> {
  const org = checkedId(id)
  // Several nodes may start with the same AUTH_TOKENS at once: the first insert wins, the others do nothing.
  const inserted = await db
    .insertInto('organisations')
    .values({ id: org, name: org, created_at: opts.now.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
    await recordSecurityEvent(
      db,
      { kind: 'organisation.created', organisation: org, name: org, by: opts.by },
      opts.now,
    )
}
