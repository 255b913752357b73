/**
 * Organisations, the table: `default` from the migration, creating one (logged, a second
 * of the same id refused), AUTH_TOKENS naming one that does not exist, and the
 * organisations an older database already names carried over when it migrates.
 */
import { Migrator } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.js'
import {
  createOrganisation,
  findOrganisation,
  listOrganisations,
  OrganisationExists,
} from '../../src/auth/organisations.js'
import { readSecurityLog } from '../../src/auth/security-log.js'
import { applyQuickStartTokens } from '../../src/auth/tokens.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'

describe('the organisations table', () => {
  let store: Store
  beforeAll(async () => {
    store = createStore(':memory:')
    await migrateToLatest(store.db, store.schema)
  })
  afterAll(() => store.close())
  const now = new Date('2026-10-09T01:00:00.000Z')

  it('holds `default` from the migration; creating one is logged; a second of the same id is refused', async () => {
    expect((await listOrganisations(store.db)).map((o) => o.id)).toEqual(['default'])
    const org = await createOrganisation(
      store.db,
      { id: '某市网信办', name: '某市互联网信息办公室' },
      { now, by: 'test' },
    )
    expect(org).toEqual({ id: '某市网信办', name: '某市互联网信息办公室', createdAt: now.toISOString() })
    await expect(
      createOrganisation(store.db, { id: '某市网信办' }, { now, by: 'test' }),
    ).rejects.toBeInstanceOf(OrganisationExists)
    await expect(createOrganisation(store.db, { id: 'a:b' }, { now, by: 'test' })).rejects.toThrow(/":"/)
    const log = await readSecurityLog(store.db)
    expect(log.filter((e) => e.kind === 'organisation.created')).toEqual([
      expect.objectContaining({ organisation: '某市网信办', name: '某市互联网信息办公室', by: 'test' }),
    ])
  })

  it('lets AUTH_TOKENS name an organisation that does not exist: it is created once, and logged', async () => {
    const entry = {
      token: 'quick-start-token-0001',
      role: 'office' as const,
      name: '张三',
      organisation: '快速单位',
    }
    await applyQuickStartTokens(store.db, [entry], now)
    await applyQuickStartTokens(store.db, [entry], now)
    expect(await findOrganisation(store.db, '快速单位')).toMatchObject({ id: '快速单位' })
    const created = (await readSecurityLog(store.db)).filter(
      (e) => e.kind === 'organisation.created' && 'organisation' in e && e.organisation === '快速单位',
    )
    expect(created).toEqual([expect.objectContaining({ by: 'AUTH_TOKENS' })])
  })

  it('carries over the organisations that tokens and incidents already name when it migrates an older database', async () => {
    const old = createStore(':memory:')
    const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0003_delivery_lease')).error).toBeUndefined()
    await old.db
      .insertInto('tokens')
      .values({
        id: 'tok_1',
        hash: 'h',
        name: 'n',
        role: 'office',
        organisation: '老单位',
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .execute()
    await migrateToLatest(old.db, old.schema)
    expect((await listOrganisations(old.db)).map((o) => o.id).sort()).toEqual(['default', '老单位'].sort())
    await old.close()
  })
})
