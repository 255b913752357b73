/**
 * saws-2014 10 → 11 (rules/migration-v10.ts `contextFromV10`): what version 10 withdrew that version 11
 * owes on the same record is owed again from the migration, appended (the withdrawn or met instance
 * stays as it was), its policy saying 迁移至第 11 版…, who, when and why. Everything else unchanged.
 */
import { describe, expect, it } from 'vitest'
import { planV11 as plan, planV10 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import {
  act,
  LEGAL,
  MON,
  migrate,
  migrated,
  migratedAppending,
  OFF,
  open,
  regrade,
  statuses,
} from './saws-2014.helpers.js'
import {
  generalReportOwedFromMigration,
  referDecided,
  relapsedAtLarge,
  relapsedAtMajor,
  reportedAroundLowering,
  s,
  WRITTEN,
} from './saws-2014.v11.helpers.js'

describe('saws-2014 10 → 11: the relapse lowered away unreported is owed again from the migration', () => {
  it('较大 → relapse → 一般 on 10: 一般 report appended, owed, due 24 h from the migration, not breached', () => {
    const w = relapsedAtLarge(planV10)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
    const m = migratedAppending(planV10, plan, w)
    generalReportOwedFromMigration(m, /^迁移至第 11 版时补起（管理员，admin，.+）：第 10 版于舆情反复/)
  })

  it('重大 → relapse → 较大 on 10: 较大 report appended, due 2 h from the migration', () => {
    const w = relapsedAtMajor(planV10)
    regrade(w, 'large', '回落')
    const m = migrated(planV10, plan, w)
    expect(m.statuses(R.reportLarge)).toEqual([s(R.reportLarge, 1, 'met'), s(R.reportLarge, 2, 'owed')])
    const o = m.context().obligations.find((x) => x.id === `${R.reportLarge}#2`)
    expect(Date.parse(o?.dueAt as string) - Date.parse(m.at)).toBe(2 * 3_600_000)
  })

  it('reported after the relapse (before or after the lowering) on 10: nothing owed', () => {
    for (const w of reportedAroundLowering(() => relapsedAtLarge(planV10)))
      expect(migrated(planV10, plan, w).statuses(R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
  })

  it('a plain lowering without a relapse on 10: nothing owed', () => {
    const w = open(planV10, 'large')
    expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
    regrade(w, 'general', '回落')
    const before = w.context().obligations
    expect(migrate(planV10, plan, w).obligations.map((o) => `${o.id}:${o.status}`)).toEqual(
      before.map((o) => `${o.id}:${o.status}`),
    )
  })
})

describe('saws-2014 10 → 11: a referral a change of category withdrew is owed again', () => {
  it('withdrawn at 属实批评 on 10: appended owed at the migration, the withdrawal kept', () => {
    const w = referDecided(planV10)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })).toBe(true)
    const m = migrated(planV10, plan, w)
    expect(m.statuses(R.refer)).toEqual([s(R.refer, 1, 'withdrawn'), s(R.refer, 2, 'owed')])
    const o = m.context().obligations.find((x) => x.id === `${R.refer}#2`)
    expect(o).toMatchObject({ startedAt: m.at, dueAt: null, breachedAt: null })
    expect(o?.policy).toMatch(/^迁移至第 11 版时恢复（管理员，admin，.+）：第 10 版于涉事原因变更时/)
    expect(m.act(LEGAL, 'REFER_TO_POLICE')).toBe(true)
    expect(m.statuses(R.refer)).toEqual([s(R.refer, 1, 'withdrawn'), s(R.refer, 2, 'met')])
  })

  it('referred after the withdrawal on 10, or still owed: nothing owed', () => {
    const w = referDecided(planV10)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })).toBe(true)
    expect(act(w, LEGAL, 'REFER_TO_POLICE')).toBe(true)
    // The kit's rederive (rule 6): begun at the migration, met at once by the referral made.
    const m = migrated(planV10, plan, w)
    expect(m.statuses(R.refer)).toEqual([s(R.refer, 1, 'withdrawn'), s(R.refer, 2, 'met')])
    expect(m.context().obligations.at(-1)?.metAt).toBe(w.context().acts.at(-1)?.at)
    const v = referDecided(planV10)
    expect(migrated(planV10, plan, v).statuses(R.refer)).toEqual([s(R.refer, 1, 'owed')])
  })

  it('decided no on 10 and recategorised: nothing owed', () => {
    const w = referDecided(planV10)
    expect(statuses(w, R.decideRefer)).toEqual([`${R.decideRefer}#1:met`])
    const v = open(planV10, 'general', 'criticism')
    expect(migrated(planV10, plan, v).statuses(R.refer)).toEqual([])
  })
})
