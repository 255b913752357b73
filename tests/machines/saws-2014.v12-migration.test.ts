/**
 * saws-2014 11 → 12 (rules/migration-v11.ts `contextFromV11`): the lower grade's report that version 12
 * owes again after a relapse and a lowering, where version 11 let a report settled before the relapse
 * stand for it, is owed from the migration, appended (the met instance stays as it was), its policy
 * saying 迁移至第 12 版…, who, when and why. What 11 owed and 12 does not (after a waived relapse report)
 * the kit's rederive withdraws with its reason. Everything else unchanged.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV11 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { ids, migrate, migrated, migratedAppending, regrade } from './saws-2014.helpers.js'
import {
  generalReportOwedFromMigration,
  relapsedAtLarge,
  reportedAroundLowering,
  s,
} from './saws-2014.v11.helpers.js'
import { relapsedAfterGeneral, waivedThenLowered } from './saws-2014.v12.helpers.js'

/** The migration's target: version 12 itself, not whatever version is current. */
const plan = getPlan('saws-2014', 12) as PlanDefinition

describe('saws-2014 11 → 12: the lower report a relapse and a lowering owe is owed from the migration', () => {
  it('一般 reported, 较大, relapse, → 一般 on 11: general#2 appended, owed 24 h from the migration', () => {
    const w = relapsedAfterGeneral(planV11)
    regrade(w, 'general', '回落')
    const m = migratedAppending(planV11, plan, w)
    generalReportOwedFromMigration(m, /^迁移至第 12 版时补起（管理员，admin，.+）：第 11 版于舆情反复/)
  })

  it('reported since the relapse on 11 (before or after the lowering): nothing owed', () => {
    for (const w of reportedAroundLowering(() => relapsedAfterGeneral(planV11)))
      expect(migrated(planV11, plan, w).statuses(R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
  })

  it('not lowered since the relapse on 11: nothing changes', () => {
    const w = relapsedAfterGeneral(planV11)
    const before = ids(w.context().obligations)
    expect(ids(migrate(planV11, plan, w).obligations)).toEqual(before)
  })

  it('the relapse report of 较大 waived on 11, then lowered: nothing appended', () => {
    const w = waivedThenLowered(relapsedAfterGeneral(planV11))
    expect(migrated(planV11, plan, w).statuses(R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
  })

  it('the 一般 report 11 owed after a waived relapse report: withdrawn by the rederive, with its reason', () => {
    const w = waivedThenLowered(relapsedAtLarge(planV11))
    const m = migrated(planV11, plan, w)
    expect(m.statuses(R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'withdrawn')])
    const o = m.context().obligations.find((x) => x.id === `${R.reportGeneral}#1`)
    expect(o?.withdrawn).toMatchObject({ at: m.at, reason: '预案第 12 版不再要求（迁移：新版预案）' })
  })
})
