/**
 * Migration 12 → 13's context (README "Version 13", "The migration from 12"). Every instance of
 * version 12 stays on the record, in its place; what is settled stays as it was.
 *
 * 1. 三(二)1 / 三(二)3, one question become two. An owed `decision:comments` or `step:comments` not
 *    yet due is withdrawn by the migration, its reason naming what replaces it. One whose due time
 *    passed (breached, or about to be) stays owed — a breach is permanent (OBLIGATIONS.md rule 1):
 *    the work (`step:comments`) is still discharged by a GUIDE_COMMENTS of either part (its
 *    discharge names no part: met late); the question (`decision:comments`) is answered by version
 *    13's two decisions, so nobody answers it any more (`owedBy` none: a DECIDE of it is refused 409)
 *    and it is closed by the leading group's WAIVE (its `discharge`; the breach stays).
 * 2. Version 13's two decisions are appended after the record, from the latest asking of version 12:
 *    asked and unanswered (or overdue) → both owed from the migration; waived → both waived by that
 *    waiver; answered by one body → that body's part met by that answer at its time (rule 6), the
 *    other body's owed from the migration. A yes owes that body's work (`step:comments-office` /
 *    `-unit`): owed from the migration where version 12's work was owed or done, waived where it was
 *    waived. Version 12's GUIDE_COMMENTS named no part and the record keeps no sender, so which part
 *    a done one performed is not known: the part the yes ordered is owed anew, never counted met.
 * 3. 四(四) 沟通 and 源头化解: an owed `step:liaise` / `step:source` is owed by version 13's people
 *    (the office and newsLeader; the units, and newsLeader at 重大 and above). What was met, waived
 *    or withdrawn keeps who owed it then.
 *
 * Each instance appended or changed says so in its `policy` (迁移至第 13 版…: who, when, why); each
 * withdrawal in its `withdrawn.reason`. Pure; then the kit's rederive by version 13's rules.
 */
import { begin, ownersAt } from '../../kit/begin.js'
import type { IncidentContext, Obligation, ObligationRule, Recorded } from '../../kit/types.js'
import type { Actor } from '../../vocabulary.js'
import { obligationsV12 } from './version12.js'
import { COMMENT_PART_ROLES, type CommentPart, obligationsV13 } from './version13.js'

const ms = (iso: string) => Date.parse(iso)
const DECISION = 'decision:comments'
const STEP = 'step:comments'
const PARTS: readonly CommentPart[] = ['office', 'unit']
const PART_WORDS: Readonly<Record<CommentPart, string>> = {
  office: '办公室（三(二)1）',
  unit: '有关单位（三(二)3）',
}
const rule13 = (id: string) => obligationsV13.find((r) => r.id === id) as ObligationRule
const decisionOf = (p: CommentPart) => rule13(`decision:comments-${p}`)
const stepOf = (p: CommentPart) => rule13(`step:comments-${p}`)
/** The rules whose owers version 13 changed (四(四) 沟通, 源头化解). */
const REOWNED = obligationsV13.filter((r) => {
  const v12 = obligationsV12.find((x) => x.id === r.id)
  return v12 !== undefined && (r.alsoOwedAt !== undefined || v12.owedBy.join() !== r.owedBy.join())
})

/** `note` first, then the rule's own policy (an auditor reads why the instance is as it is). */
const noted = (note: string, policy: string | null) => (policy === null ? note : `${note}；${policy}`)

/** The part a role judges and performs (三(二)1 the office; 三(二)3 the units and their heads). */
const partOf = (role: string): CommentPart | undefined =>
  PARTS.find((p) => (COMMENT_PART_ROLES[p] as readonly string[]).includes(role))

interface Migration {
  at: string
  actor: Actor
}

export function toV13(old: IncidentContext, m: Migration): IncidentContext {
  const head = `迁移至第 13 版（${m.actor.name}，${m.actor.role}，${m.at}）`
  const split =
    `${head}：第 13 版将网上评论引导分为办公室（三(二)1，decision:comments-office、step:comments-office）` +
    '与有关单位（三(二)3，decision:comments-unit、step:comments-unit）两项，各自判断、各办本部分'
  const overdue = (o: Obligation) => o.breachedAt !== null || (o.dueAt !== null && ms(o.dueAt) <= ms(m.at))
  const withdrawn: Recorded = { by: m.actor, reason: `${split}；本项由该两项代替，撤回`, at: m.at }
  const kept = (o: Obligation): Obligation => {
    if (o.rule === STEP)
      return {
        ...o,
        policy: noted(`${split}；本项已到期，不撤回（规则 1），任一部分的网上评论引导即补办本项`, o.policy),
      }
    return {
      ...o,
      owedBy: [],
      policy: noted(
        `${split}；本项已到期，不撤回（规则 1），不再作答（由该两项判断），由领导小组免除（WAIVE）`,
        o.policy,
      ),
      discharge: { type: 'WAIVE', fields: { obligation: o.id } },
    }
  }
  const obligations = old.obligations.map((o): Obligation => {
    if (o.status !== 'owed') return o
    if (o.rule === DECISION || o.rule === STEP)
      return overdue(o) ? kept(o) : { ...o, status: 'withdrawn', withdrawn }
    const r = REOWNED.find((x) => x.id === o.rule)
    const owedBy = r === undefined ? o.owedBy : ownersAt(r, old.severity)
    return owedBy.join() === o.owedBy.join()
      ? o
      : { ...o, owedBy, policy: noted(`${head}：改由第 13 版所定人员办理（${owedBy.join('、')}）`, o.policy) }
  })
  return { ...old, obligations: [...obligations, ...appended(old, m, head)] }
}

/** Version 13's instances from version 12's latest asking (2 above), in order: decisions, then work. */
function appended(old: IncidentContext, m: Migration, head: string): Obligation[] {
  const asking = old.obligations.findLast((o) => o.rule === DECISION && o.status !== 'withdrawn')
  if (asking === undefined) return []
  const out: Obligation[] = []
  const add = (rule: ObligationRule, change: (o: Obligation) => Obligation, note: string) => {
    const o = change(fresh({ ...old, obligations: [...old.obligations, ...out] }, rule, m.at))
    out.push({ ...o, policy: noted(note, o.policy) })
  }
  const answer = asking.decision
  const by = answer ? partOf(answer.by.role) : undefined
  const was = `第 12 版的判断 ${asking.id}`
  for (const p of PARTS) {
    if (asking.status === 'waived' && asking.waived)
      add(
        decisionOf(p),
        (o) => ({ ...o, status: 'waived', waived: asking.waived }),
        `${head}：${was}已免除，本部分同`,
      )
    else if (answer && by === p)
      add(
        decisionOf(p),
        (o) => ({ ...o, status: 'met', metAt: answer.at, decision: answer }),
        `${head}：${was}由${PART_WORDS[p]}作出（${answer.answer}，${answer.at}），即本部分的判断`,
      )
    else
      add(
        decisionOf(p),
        (o) => o,
        `${head}：${was}${answer ? `由${answer.by.role}作出，非${PART_WORDS[p]}的判断` : '未作出'}，本部分自迁移时起应判断`,
      )
  }
  if (answer?.answer !== 'yes' || by === undefined) return out
  // The work the yes ordered: the latest instance since it (the one it began or one still owed).
  const work = old.obligations.findLast((o) => o.rule === STEP && o.status !== 'withdrawn')
  if (work === undefined || (work.status !== 'owed' && ms(work.startedAt) < ms(answer.at))) return out
  const what = `${PART_WORDS[by]}决定开展（${answer.at}），第 12 版的网上评论引导 ${work.id}`
  if (work.status === 'waived' && work.waived)
    add(
      stepOf(by),
      (o) => ({ ...o, status: 'waived', waived: work.waived }),
      `${head}：${what}已免除，本部分同`,
    )
  else if (work.status === 'owed') add(stepOf(by), (o) => o, `${head}：${what}未办，本部分自迁移时起应办`)
  else
    add(
      stepOf(by),
      (o) => o,
      `${head}：${what}已于 ${work.metAt} 办理，但未记明所办部分（第 12 版不分部分，记录不载办理人），不计作本部分；本部分自迁移时起应办`,
    )
  return out
}

/**
 * An owed instance of `rule` begun at `at`, as the kit begins one (its due time quoted here: the
 * rules here count 1 hour from their start; another span or anchor is refused, never skipped).
 */
function fresh(ctx: IncidentContext, rule: ObligationRule, at: string): Obligation {
  const due = rule.due
  if (due !== undefined && (due.unit !== 'hours' || due.anchor !== 'start'))
    throw new Error(`${rule.id}: migration-v13 counts hours from the start only, not ${due.unit}`)
  const dueAt = due === undefined ? null : new Date(ms(at) + due.amount * 3_600_000).toISOString()
  const quotes = dueAt === null ? undefined : { [`${rule.id}@event`]: { dueAt, certain: true } }
  // `repeat`: owed anew, never met by an earlier step (rule 6 is the migration's to judge, above).
  return begin(ctx, rule, at, quotes, { fromEvent: true, repeat: true })
}
