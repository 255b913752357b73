/**
 * hrss-city 7 → 8 (`migratesFrom: { from: 7, context: contextFromV7 }`): an open incident of
 * version 7 is read as version 8 would have it.
 * - 三第二步: a 续报 a rise began, still owed and not breached, with the worsening reported to the
 *   group within 30 minutes before the rise (after the report before it was settled, or the
 *   report that met a relapse's 续报), is met at that report.
 * - 三第四步: relapsed since its commentary and not subsided since, the incident owes the
 *   commentary again once the new reply is settled (the ledger's pending mark, as version 8
 *   sets it at the relapse).
 * - Rule 8: the owed approval of a draft whose release is not owed is withdrawn, with the reason.
 */
import { describe, expect, it } from 'vitest'
import { planV8 as plan, planV7 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import type { IncidentContext } from '../../machines/kit/types.js'
import type { Walker } from '../helpers/machine.js'
import {
  day,
  G,
  M,
  migrated as migratedTo,
  O,
  opened as openedOn,
  replied,
  resumed,
  S,
} from './hrss-city.helpers.js'

const migrated = (w: Walker, at: string) => migratedTo(planV7, plan, w, at)
const ob = (ctx: IncidentContext, id: string) => ctx.obligations.find((o) => o.id === id)
const opened = (severity: 'general' | 'major') => openedOn(planV7, severity)

/** Version 7: 一般, led, no conference, the 通稿 d1 approved and replied, the commentary written, subsided. */
function subsided() {
  const w = replied(planV7)
  w.send('SUBSIDE', {}, { actor: O })
  return w
}

describe('hrss-city 7 → 8 migration', () => {
  it('the 续报 a rise began after the worsening was reported is met at that report', () => {
    const w = opened('general')
    w.send('REPORT', { to: ['group'], summary: '舆情恶化' }, { actor: M, at: day('10:00') })
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O, at: day('10:01') })
    expect(ob(w.context(), 'report:group#2')?.status).toBe('owed')
    const { context } = migrated(w, day('10:10'))
    expect(ob(context, 'report:group#2')).toMatchObject({ status: 'met', metAt: day('10:00') })
  })

  it('walk A: a report made 6.5 hours before the rise is no 续报 of it: the 续报 stays owed', () => {
    const w = opened('general')
    w.send('REPORT', { to: ['group', 'cityCac'], summary: '备案' }, { actor: O, at: day('09:30') })
    w.send('SET_SEVERITY', { severity: 'major', reason: '境外媒体开始关注' }, { actor: G, at: day('16:00') })
    expect(ob(migrated(w, day('16:10')).context, 'report:group#2')).toMatchObject({ status: 'owed' })
  })

  it('walk B2: the report that met the relapse’s 续报 at 10:05 meets the rise’s at 10:06', () => {
    const w = subsided()
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M, at: day('10:00') })
    w.send('REPORT', { to: ['group'], summary: '舆情反复且恶化' }, { actor: M, at: day('10:05') })
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O, at: day('10:06') })
    expect(ob(w.context(), 'report:group#3')?.status).toBe('owed')
    const { context } = migrated(w, day('10:10'))
    expect(ob(context, 'report:group#3')).toMatchObject({ status: 'met', metAt: day('10:05') })
  })

  it('walk C: subsided again on the first commentary in version 7, no commentary is owed in review', () => {
    const w = subsided()
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M })
    w.send('REPORT', { to: ['group'], summary: '续报' }, { actor: M })
    w.send('DRAFT', { content: '新通稿', purpose: 'pressRelease' }, { actor: O })
    w.send('APPROVE_RELEASE', { draftId: 'd2' }, { actor: G })
    w.send('REPLY', { draftId: 'd2', channel: '官微' }, { actor: S })
    w.send('SUBSIDE', {}, { actor: O })
    const r = migrated(w, day('12:00'))
    expect(r.context.ledger.pending ?? []).not.toContain('commentary')
    const { context, send } = resumed(plan, r)
    send('DISPOSAL_DONE', { summary: 's' }, O, day('12:10'))
    const ctx = context()
    expect(ctx.obligations.filter((o) => o.rule === 'commentary').map((o) => o.id)).toEqual(['commentary#1'])
  })

  it('one with no report since the first stays owed, as does one already breached', () => {
    const w = opened('general')
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O, at: day('10:01') })
    expect(ob(migrated(w, day('10:10')).context, 'report:group#2')?.status).toBe('owed')
    const v = opened('general')
    v.send('REPORT', { to: ['group'], summary: '舆情恶化' }, { actor: M, at: day('10:00') })
    v.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O, at: day('10:01') })
    v.fire('report:group#2')
    expect(ob(migrated(v, day('10:40')).context, 'report:group#2')).toMatchObject({
      status: 'owed',
      breachedAt: day('10:31'),
    })
  })

  it('relapsed since the commentary: the new reply made after the migration owes a new commentary', () => {
    const w = subsided()
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M, at: day('10:00') })
    const { context, send } = resumed(plan, migrated(w, day('10:10')))
    send('DRAFT', { content: '新通稿', purpose: 'pressRelease' }, O, day('10:11'))
    send('APPROVE_RELEASE', { draftId: 'd2' }, G, day('10:12'))
    send('REPLY', { draftId: 'd2', channel: '官微' }, S, day('10:13'))
    const ctx = context()
    expect(ob(ctx, 'commentary#2')).toMatchObject({ status: 'owed', startedAt: day('10:13') })
  })

  it('the owed approval of a conference message after the group’s no is withdrawn, saying why', () => {
    const w = opened('general')
    w.send('DECIDE', { decision: DECISIONS.pressConference, answer: 'no', reason: '不需要' }, { actor: G })
    w.send('DRAFT', { content: 'c', purpose: 'conference' }, { actor: O })
    expect(ob(w.context(), 'approval:groupApproval:d1#1')?.status).toBe('owed')
    const { context } = migrated(w, day('10:10'))
    expect(ob(context, 'approval:groupApproval:d1#1')).toMatchObject({ status: 'withdrawn' })
    expect(ob(context, 'approval:groupApproval:d1#1')?.withdrawn?.reason).toBe('尚无须发布，此稿暂不审批')
  })
})
