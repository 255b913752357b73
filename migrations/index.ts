/** Every migration, in order, for kysely's Migrator (a static provider: no file-system scan). */
import type { Migration } from 'kysely'
import * as m0001 from './0001_init.js'

export const migrations: Record<string, Migration> = {
  '0001_init': m0001,
}
