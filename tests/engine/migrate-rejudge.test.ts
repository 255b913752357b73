/**
 * A migration judges an owed obligation again as the new version would have begun it
 * (rule 6, done before owed): hrss-city's filing after a lowering, once 市委网信办 had the
 * 重大 report (version 4's priorSteps); nanchong-npc-2022's answer to a tip-off, replied
 * after the investigation (version 4's prior { after }); saws-2014's report to 人事司 after
 * a lowering (version 3's sameGradeOrAbove); and neixiang-2017's mainstream release that
 * version 4 owes from a rise, made since the rise on version 3. Each is met by the
 * migration, the MIGRATED entry says so (`rejudged`, obligations.met), replay and the
 * journal's proof hold; with no such step it stays owed; an entry written before
 * (without `rejudged`) replays as it was written.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as hrss from '../../machines/hrss-city/index.js'
import type { Obligation, PlanDefinition } from '../../machines/kit/types.js'
import * as nanchong from '../../machines/nanchong-npc-2022/index.js'
import * as neixiang from '../../machines/neixiang-2017/index.js'
import * as saws from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Caller } from '../../src/engine/engine.js'
import {
  audited,
  caller,
  freshEngine,
  migratedEntry,
  newDb,
  openedByOld,
  type TestEngine,
} from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'

const monitor = caller('monitor')
const office = caller('office')
const group = caller('group')
const unit = caller('unit')
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }
const CITY = ['cityPartyOffice', 'cityGovOffice', 'cityCac']

describe('a migration judges owed obligations again under the new version’s rule 6', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  /** An incident opened on `from` (the release before), and a step function on it (one minute apart). */
  async function openOn(
    from: PlanDefinition,
    to: PlanDefinition,
    input: { severity: string; category?: string },
    by: Caller = office,
  ) {
    const registry = registryOf(from, to)
    t = await freshEngine(await newDb('sqlite'), undefined, registry)
    const { id, step } = await openedByOld(t, from, input, by)
    const migrate = async (reason: string) => {
      t.clock.advance(1)
      return t.engine.migrate(id, { toVersion: to.version, reason }, admin)
    }
    return { id, step, migrate, registry }
  }

  const obligation = async (id: string, rule: string): Promise<Obligation> => {
    const o = (await t.engine.get(id, office)).obligations.filter((x) => x.rule === rule).at(-1)
    if (!o) throw new Error(`no ${rule}`)
    return o as unknown as Obligation
  }
  const lastEntry = async (id: string) => (await t.engine.history(id, office)).at(-1)

  /** hrss-city v3: opened 重大, reported to the group (and to the city's offices), lowered to 一般. */
  async function hrssLowered(toCity: boolean) {
    const h = await openOn(hrss.planV3, hrss.planV4, { severity: 'major' })
    await h.step('RECORD_SOURCE', { source: '某论坛帖子' }, monitor)
    await h.step('REPORT', { to: ['group'], summary: '快报事实' }, monitor)
    if (toCity) await h.step('REPORT', { to: CITY, summary: '快报事实' }, office)
    await h.step('SET_SEVERITY', { severity: 'general', reason: '影响缩小' }, group)
    expect(await obligation(h.id, 'report:filing')).toMatchObject({ status: 'owed' })
    return h
  }

  it('hrss-city 3 → 4: the filing owed after a lowering is met by the 重大 report to 市委网信办', async () => {
    const h = await hrssLowered(true)
    const reportAt = (await t.engine.history(h.id, office)).find(
      (e) => e.type === 'REPORT' && JSON.stringify(e.payload).includes('cityCac'),
    )?.occurredAt
    const o = await h.migrate('第四版：向市委网信办报过重大的无须另行备案')
    expect(o.status).toBe('migrated')
    expect(o.obligations.met).toContain('report:filing#1')
    expect(await obligation(h.id, 'report:filing')).toMatchObject({ status: 'met', metAt: reportAt })
    expect(await lastEntry(h.id)).toMatchObject({
      type: 'MIGRATED',
      payload: { from: 3, to: 4, rejudged: true, obligations: { met: ['report:filing#1'] } },
    })
    await audited(t, h.registry, h.id)
  })

  it('hrss-city 3 → 4: not told, the filing stays owed (nothing done before meets it)', async () => {
    const h = await hrssLowered(false)
    const o = await h.migrate('第四版')
    expect(o.status).toBe('migrated')
    expect(o.obligations.met).not.toContain('report:filing#1')
    expect(await obligation(h.id, 'report:filing')).toMatchObject({ status: 'owed', metAt: null })
    expect(JSON.stringify((await lastEntry(h.id))?.payload)).not.toContain('report:filing')
    await audited(t, h.registry, h.id)
  })

  it('nanchong-npc-2022 3 → 4: a tip-off’s answer owed again is met by the reply made after the investigation', async () => {
    const h = await openOn(nanchong.planV3, nanchong.planV4, { severity: 'general', category: 'tip_off' })
    await h.step('REPORT', { to: ['group'], summary: '事实' }, monitor)
    await h.step('CONVENE', {}, group)
    await h.step('DECIDE_MEASURES', { measures: '措施' }, group)
    await h.step('START_RESPONSE', {}, group)
    await h.step('INVESTIGATE', { substantiated: false, findings: '不属实' }, unit)
    await h.step('SET_CATEGORY', { category: 'inquiry' }, office)
    const drafted = await h.step('DRAFT', { content: '答复', purpose: 'reply' }, unit)
    const draftId = drafted.drafts.at(-1)?.id
    await h.step('SIGN_OFF', { draftId }, group)
    await h.step('REPLY', { draftId, channel: 'online' }, unit)
    const repliedAt = (await t.engine.history(h.id, office)).findLast((e) => e.type === 'REPLY')?.occurredAt
    await h.step('SET_CATEGORY', { category: 'tip_off' }, office)
    const answer = await obligation(h.id, 'answer:tipOff')
    expect(answer).toMatchObject({ id: 'answer:tipOff#2', status: 'owed' })
    const o = await h.migrate('第四版：调查后的答复即回应')
    expect(o.obligations.met).toContain('answer:tipOff#2')
    expect(await obligation(h.id, 'answer:tipOff')).toMatchObject({
      id: 'answer:tipOff#2',
      status: 'met',
      metAt: repliedAt,
      dueAt: answer.dueAt,
    })
    expect(await lastEntry(h.id)).toMatchObject({
      payload: { rejudged: true, obligations: { met: expect.arrayContaining(['answer:tipOff#2']) } },
    })
    await audited(t, h.registry, h.id)
  })

  /** saws-2014 v2: opened 较大, reported to 人事司 at 较大, lowered to 一般. */
  async function sawsLowered(reported: boolean) {
    const h = await openOn(saws.planV2, saws.planV3, { severity: 'large', category: 'suggestion' }, monitor)
    if (reported) await h.step('REPORT', { to: ['office'], channel: 'bulletin' }, monitor)
    await h.step('SET_SEVERITY', { severity: 'general', reason: '热度下降' }, caller('leader'))
    return h
  }

  it('saws-2014 2 → 3: the report to 人事司 owed after a lowering is met by the one made at 较大', async () => {
    const h = await sawsLowered(true)
    const owed = await obligation(h.id, R.reportGeneral)
    expect(owed.status).toBe('owed')
    const o = await h.migrate('第三版：已报过较高级别的不再另报')
    expect(o.obligations.met).toContain(owed.id)
    expect(await obligation(h.id, R.reportGeneral)).toMatchObject({ status: 'met', dueAt: owed.dueAt })
    await audited(t, h.registry, h.id)
  })

  it('saws-2014 2 → 3: with no report made before, it stays owed', async () => {
    const h = await sawsLowered(false)
    const owed = (await t.engine.get(h.id, office)).obligations
      .filter((x) => x.rule === R.reportGeneral || x.rule === R.reportLarge)
      .filter((x) => x.status === 'owed')
      .map((x) => x.id)
    expect(owed.length).toBeGreaterThan(0)
    const o = await h.migrate('第三版')
    for (const id of owed) expect(o.obligations.met).not.toContain(id)
    const after = (await t.engine.get(h.id, office)).obligations
    for (const id of owed) expect(after.find((x) => x.id === id)?.status).not.toMatch(/met|late/)
    await audited(t, h.registry, h.id)
  })

  /**
   * neixiang-2017 v3: opened 重大, risen to 特别重大, reported, the stance stated, the group
   * convened, the response started with a release (and a mainstream release after it, or none).
   */
  async function neixiangRisen(published: boolean) {
    const h = await openOn(
      neixiang.planV3,
      neixiang.planV4,
      { severity: 'major', category: 'rumor' },
      monitor,
    )
    const spokes = caller('spokesperson')
    const principal = caller('principal')
    await h.step('REPORT', { to: ['group', 'principal'], proposal: '建议核实' }, monitor)
    await h.step('SET_SEVERITY', { severity: 'critical', reason: '负面影响增大' }, group)
    await h.step('REPORT', { to: ['group', 'principal'], proposal: '续报' }, monitor)
    await h.step('REPORT', { to: ['higher'], proposal: '报告上级' }, principal)
    await h.step('RECORD_SOURCE', { source: '某论坛帖子' }, monitor)
    await h.step('DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)
    await h.step('AGREE_LINE', { draftId: 'd1' }, group)
    await h.step('STATE_POSITION', { draftId: 'd1', channel: '县政府网站' }, spokes)
    await h.step('CONVENE', { note: '研判会' }, group)
    await h.step('DRAFT', { content: '情况通报' }, office)
    await h.step('AGREE_LINE', { draftId: 'd2' }, group)
    await h.step('COORDINATE', { note: '县委办牵头' }, principal)
    await h.step('START_RESPONSE', {}, group)
    await h.step('RELEASE', { draftId: 'd2', channel: '县政府网站' }, spokes)
    if (published) {
      await h.step('DRAFT', { content: '权威发布' }, office)
      await h.step('AGREE_LINE', { draftId: 'd3' }, group)
      await h.step('MAINSTREAM_RELEASE', { draftId: 'd3', outlet: '河南日报' }, group)
    }
    return h
  }

  it('neixiang-2017 3 → 4: the mainstream release a rise owes is met by the one made since the rise', async () => {
    const h = await neixiangRisen(true)
    const releasedAt = (await t.engine.history(h.id, office)).findLast(
      (e) => e.type === 'MAINSTREAM_RELEASE',
    )?.occurredAt
    expect(releasedAt).toBeDefined()
    const o = await h.migrate('第四版：升级后须在主流媒体发布')
    expect(o.obligations.begun).toContain('mainstream#1')
    expect(o.obligations.met).toContain('mainstream#1')
    expect(await obligation(h.id, 'mainstream')).toMatchObject({ status: 'met', metAt: releasedAt })
    await audited(t, h.registry, h.id)
  })

  it('neixiang-2017 3 → 4: risen with no release since, the mainstream release is owed from the migration', async () => {
    const h = await neixiangRisen(false)
    const o = await h.migrate('第四版')
    expect(o.obligations.begun).toContain('mainstream#1')
    expect(o.obligations.met).not.toContain('mainstream#1')
    expect(await obligation(h.id, 'mainstream')).toMatchObject({ status: 'owed' })
    await audited(t, h.registry, h.id)
  })

  it('a MIGRATED entry written before (no `rejudged`) replays as written: the filing stays owed', async () => {
    const h = await hrssLowered(true)
    await h.migrate('第四版')
    const entry = await migratedEntry(t, h.registry, h.id)
    const { rejudged: _, obligations: __, ...older } = JSON.parse(entry.payload) as Record<string, unknown>
    const filing = (payload: string) =>
      entry.replayedWith(payload).obligations.find((o) => o.rule === 'report:filing')?.status
    expect(filing(JSON.stringify(older))).toBe('owed')
    expect(filing(entry.payload)).toBe('met')
  })
})
