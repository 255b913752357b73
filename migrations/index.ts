/** Every migration, in order, for kysely's Migrator (a static provider: no file-system scan). */
import type { Migration } from 'kysely'
import * as m0001 from './0001_init.js'
import * as m0002 from './0002_search.js'
import * as m0003 from './0003_delivery_lease.js'
import * as m0004 from './0004_organisations.js'
import * as m0005 from './0005_list_indexes.js'
import * as m0006 from './0006_obligations.js'
import * as m0007 from './0007_calendar_years.js'
import * as m0008 from './0008_has_missed_any_breach.js'
import * as m0009 from './0009_snapshots.js'

export const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_search': m0002,
  '0003_delivery_lease': m0003,
  '0004_organisations': m0004,
  '0005_list_indexes': m0005,
  '0006_obligations': m0006,
  '0007_calendar_years': m0007,
  '0008_has_missed_any_breach': m0008,
  '0009_snapshots': m0009,
}
