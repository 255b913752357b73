/**
 * Driving 南宁市工商局预案 through the engine: the plan's people (helpers/nanning.ts `P`) as
 * callers, and the routes the engine tests share to an incident released (and subsided).
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { type Caller, createEngine } from '../../src/engine/engine.js'
import type { IncidentView } from '../../src/engine/view.js'
import { calendar, type TestEngine } from './engine.js'
import { registryOf } from './migration-plans.js'
import { P, reportFields } from './nanning.js'

/** Each person of `P` as a caller of the default organisation. */
export const C = Object.fromEntries(
  Object.entries(P).map(([k, a]) => [k, { ...a, organisation: 'default', tokenId: `token-${a.name}` }]),
) as { [K in keyof typeof P]: Caller }

/** The administrator who migrates an incident to another plan version. */
export const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }

export type Send = (who: Caller, type: string, fields?: Record<string, unknown>) => Promise<IncidentView>

/**
 * An incident (农贸市场过期食品) opened by the monitor in `t`'s store: on the current version by
 * `t.engine`, or on `on` by an engine that knows `on` only (the release before; `t.engine`, given
 * `on` in its registry, migrates it). `send` moves the clock a minute and sends through the
 * engine that opened it.
 */
export async function openedOn(t: TestEngine, on?: PlanDefinition) {
  const engine = on
    ? createEngine({ store: t.store, plans: registryOf(on), clock: t.clock, calendar })
    : t.engine
  const v = await engine.open({ planId: 'nanning-aic-2017', title: '农贸市场过期食品' }, C.monitor)
  const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
    t.clock.advance(1)
    return engine.send(v.id, { type, fields }, who)
  }
  return { engine, id: v.id, send }
}

/**
 * An incident opened on version 12 (`v12`) whose measures the group decided: evidence kept,
 * categorised 谣言, reported to everyone (四(二)), assessed (三(二)1), measures decided; the
 * office's `decision:comments` not answered yet (version 13 splits it).
 */
export async function measuresDecidedOn(t: TestEngine, v12: PlanDefinition) {
  const opened = await openedOn(t, v12)
  const { send } = opened
  await send(C.monitor, 'KEEP_EVIDENCE', {
    kind: 'webpage',
    description: '微博原帖截图',
    reference: 'sha256:abc',
  })
  await send(C.office, 'SET_CATEGORY', { category: 'rumor' })
  await send(C.monitor, 'REPORT', reportFields(['leader', 'office']))
  await send(C.leader, 'REPORT', reportFields(['principal']))
  await send(C.office, 'REPORT', reportFields(['newsLeader']))
  await send(C.office, 'ASSESS', { assessment: '转发量上升', proposal: '需要应对' })
  await send(C.group, 'DECIDE_MEASURES', { measures: '核查并发布情况通报' })
  return opened
}

/**
 * A 一般 incident categorised and its source resolved (owed from version 10: 五(二), 三(二)3),
 * reported to everyone (四(二)), assessed, its measures decided, the text d1 drafted, signed
 * off, reviewed and approved (三(二)), and released (四(四)): following it — with versions 11 and
 * 12's duties settled (`v11Settled`).
 */
export async function released(send: Send): Promise<IncidentView> {
  await send(C.monitor, 'KEEP_EVIDENCE', {
    kind: 'webpage',
    description: '微博原帖截图',
    reference: 'sha256:abc',
  })
  await send(C.office, 'SET_CATEGORY', { category: 'rumor' })
  await send(C.head, 'RESOLVE_SOURCE', { progress: '已约谈经营户，下架过期食品' })
  await send(C.monitor, 'REPORT', reportFields(['leader', 'office']))
  await send(C.leader, 'REPORT', reportFields(['principal']))
  await send(C.office, 'REPORT', reportFields(['newsLeader']))
  await send(C.office, 'ASSESS', { assessment: '转发量上升', proposal: '需要应对，发布核查情况' })
  await send(C.group, 'DECIDE_MEASURES', { measures: '核查并发布情况通报' })
  const drafted = await send(C.staff, 'DRAFT', { content: '情况通报', purpose: 'release' })
  // Version 12 takes the approvals from the people the text names (unitHead, newsLeader).
  const named = drafted.planVersion >= 12
  await send(named ? C.unitHead : C.head, 'SIGN_OFF', { draftId: 'd1' })
  await send(C.officeHead, 'OFFICE_REVIEW', { draftId: 'd1' })
  await send(named ? C.newsLeader : C.news, 'LEADER_APPROVE', { draftId: 'd1' })
  return v11Settled(await send(C.spokesperson, 'RELEASE', { draftId: 'd1', channel: '市局官方微博' }), send)
}

/**
 * Versions 11 and 12's duties settled where `view` owes them (earlier versions owe none): the
 * group decides against liaising (四(四) 视情况…沟通), the unit head tells 分管领导 of the texts
 * signed (三(二)3 及时向分管领导汇报); version 12: the office judges no comment work needed
 * (三(二)1、三(二)3 根据需要…网上评论) and 法制科 gives its legal support (三(二)2); version 13: the
 * office and the unit each judge it for its own part (三(二)1; 三(二)3). The latest view.
 */
export async function v11Settled(view: IncidentView, send: Send): Promise<IncidentView> {
  const owes = (v: IncidentView, rule: string) =>
    v.obligations.some((o) => o.rule === rule && o.status === 'owed')
  let v = view
  if (owes(v, 'decision:liaise'))
    v = await send(C.group, 'DECIDE', {
      decision: 'decision:liaise',
      answer: 'no',
      reason: '无需与有关部门沟通',
    })
  if (owes(v, 'report:leader-signed')) v = await send(C.head, 'REPORT', reportFields(['leader']))
  if (owes(v, 'decision:comments'))
    v = await send(C.office, 'DECIDE', {
      decision: 'decision:comments',
      answer: 'no',
      reason: '无需网上评论引导',
    })
  // Version 13: the office's (三(二)1) and the units' (三(二)3) judgements apart.
  if (owes(v, 'decision:comments-office'))
    v = await send(C.office, 'DECIDE', {
      decision: 'decision:comments-office',
      answer: 'no',
      reason: '无需网上评论引导',
    })
  if (owes(v, 'decision:comments-unit'))
    v = await send(C.head, 'DECIDE', {
      decision: 'decision:comments-unit',
      answer: 'no',
      reason: '无需提出引导口径',
    })
  if (owes(v, 'step:legal')) v = await send(C.legal, 'LEGAL_OPINION', { opinion: '不涉及违法' })
  return v
}

/** As `released`, and subsided (四(五)). */
export async function releasedAndSubsided(send: Send): Promise<IncidentView> {
  await released(send)
  return send(C.office, 'SUBSIDE')
}
