/**
 * Migration 12 → 13's context (README "Version 13"). What version 13 splits or gives to other people,
 * on the record (a moved duty says so first in its `policy`, with who migrated and when; nothing is
 * withdrawn here — what 13 no longer requires is the kit's rederive's, by who migrates):
 * - 三(二)1、三(二)3: version 12's one `decision:comments` becomes the office's and the units' own.
 *   Answered, it keeps its answer for the body of whoever gave it (the role on its answer: the office
 *   for 三(二)1, a unit's staff or head for 三(二)3); the other body, not asked apart by version 12,
 *   owes its own judgement of the latest asking from the migration, due 1 hour from then (never a
 *   breach for time version 12 did not ask it). Still owed, it is owed by both, each as it was (the
 *   same start and due time: version 12 asked both bodies). Waived or withdrawn, both keep that
 *   record — except a breach: version 12 counted one, so it stays on the office's copy alone, and the
 *   units' owes its judgement from the migration (owed) or carries no breach (waived, withdrawn).
 *   Each `step:comments` goes to the body whose yes ordered it (met by either body's work on version
 *   12, which records no part nor sender: `UNKNOWN_DOER`); one withdrawn by the other body's no is
 *   owed again from the migration (due 1 hour from then). The kit keeps what version 12 kept owed
 *   across a relapse (`RENAMED_V13`, MigrationSpec `renamed`).
 * - 四(四) 沟通 still owed: owed by the office and 新闻宣传分管领导 (not the business 分管领导).
 * - 源头化解 still owed: by the units, and 新闻宣传分管领导 only at 重大 and above (一般: newsLeader and leader no longer owe it; the units still do).
 * Met, waived and withdrawn duties keep who owed them then. Pure.
 */
import { ownersAt } from '../../kit/begin.js'
import type { IncidentContext, Obligation, ObligationRule } from '../../kit/types.js'
import type { Actor, Role } from '../../vocabulary.js'
import { COMMENT_PART_ROLES, COMMENT_PARTS, type CommentPart, obligationsV13 } from './version13.js'

/**
 * Version 13's comment rules carry on version 12's one pair (MigrationSpec `renamed`): work or a
 * judgement version 12 kept owed across a relapse that asked again stays owed, as version 13's ledger
 * keeps it (not withdrawn as no longer required: version 13 still requires it, under the body's own id).
 */
export const RENAMED_V13: Readonly<Record<string, string>> = {
  'decision:comments-office': 'decision:comments',
  'decision:comments-unit': 'decision:comments',
  'step:comments-office': 'step:comments',
  'step:comments-unit': 'step:comments',
}

const BODY: Readonly<Record<CommentPart, string>> = {
  office: '办公室（三(二)1）',
  unit: '有关单位（三(二)3）',
}
/**
 * Version 12's GUIDE_COMMENTS names no part, and the context keeps no sender of an act (`acts` hold
 * type, time, grade and fields) nor of what met a duty: work met by the other body's GUIDE_COMMENTS
 * migrates as met for the body whose yes ordered it. Said on each such duty's record.
 */
export const UNKNOWN_DOER =
  '第 12 版办理网上评论时不记所办部分，记录亦不载办理人，此项按下令的“是”所属一方计为已办，实际可能由另一方办理'

const ruleOf = (id: string): ObligationRule => {
  const r = obligationsV13.find((x) => x.id === id)
  if (!r) throw new Error(`version 13 has no rule ${id}`)
  return r
}
const other = (p: CommentPart): CommentPart => (p === 'office' ? 'unit' : 'office')
/** The body of a role that answered (or ordered) comment work; null for a role of neither. */
const partOf = (role: Role | string | undefined): CommentPart | null =>
  COMMENT_PARTS.find((p) => (COMMENT_PART_ROLES[p] as readonly string[]).includes(role ?? '')) ?? null

interface Migration {
  at: string
  actor: Actor
}
const by = ({ at, actor }: Migration) => `迁移人：${actor.name}（${actor.role}），${at}`
const noted = (note: string, policy: string | null) => (policy === null ? note : `${note}；${policy}`)

export function toV13(old: IncidentContext, migration: Migration): IncidentContext {
  const count = new Map<string, number>()
  const idOf = (rule: string) => {
    const n = (count.get(rule) ?? 0) + 1
    count.set(rule, n)
    return `${rule}#${n}`
  }
  /** `o` as the instance of version 13's `rule`, the record of the move first in its policy. */
  const as = (
    o: Obligation,
    rule: ObligationRule,
    note: string,
    fields: Record<string, unknown>,
  ): Obligation => ({
    ...o,
    id: idOf(rule.id),
    rule: rule.id,
    label: rule.label,
    clause: rule.clause,
    policy: noted(note, rule.policy),
    owedBy: [...rule.owedBy],
    discharge: { type: rule.discharge.type, fields },
  })
  const decision = (p: CommentPart) => ruleOf(`decision:comments-${p}`)
  const step = (p: CommentPart) => ruleOf(`step:comments-${p}`)
  const askings = old.obligations.filter((o) => o.rule === 'decision:comments')
  const latest = askings.findLast((o) => o.status !== 'withdrawn')
  const added: [Obligation, CommentPart][] = []
  const reowed: [Obligation, CommentPart, Obligation][] = []
  /** The other body's no that withdrew `o` (work ordered by `part`'s yes), if it was one. */
  const closedByOther = (o: Obligation, part: CommentPart): Obligation | undefined =>
    askings.find((d) => {
      const p = partOf(d.decision?.by.role)
      return d.decision?.answer === 'no' && d.decision.at === o.withdrawn?.at && p !== null && p !== part
    })

  const split = (o: Obligation): Obligation[] => {
    if (o.rule === 'decision:comments') {
      const answered = (o.status === 'met' || o.status === 'late') && o.decision !== null
      const part = answered ? partOf(o.decision?.by.role) : null
      if (part === null) {
        // Owed (or waived, withdrawn, answered by neither body): both bodies, as it was.
        const note = `迁移至第 13 版：第 12 版的一项判断 ${o.id}（办公室或有关单位任一作答即办结）分为${BODY.office}与${BODY.unit}各自的判断，起算与时限不变（${by(migration)}）`
        if (o.breachedAt === null)
          return COMMENT_PARTS.map((p) => as(o, decision(p), note, decision(p).discharge.fields))
        // Breached: version 12 recorded one breach (and owed one escalation). It stays on the office's
        // copy; the units' is not a second breach of time version 12 counted once.
        const office = as(o, decision('office'), note, decision('office').discharge.fields)
        const unitNote = `迁移至第 13 版${o.status === 'owed' ? '时补办' : ''}：第 12 版的一项判断 ${o.id} 已于 ${o.breachedAt} 超时，超时记于${BODY.office}的判断（仅一次超时、一次超时上报）；${BODY.unit}的判断${o.status === 'owed' ? '自迁移时起 1 小时内作出，非超时' : '不另计超时'}（${by(migration)}）`
        const unit = as(o, decision('unit'), unitNote, decision('unit').discharge.fields)
        return [office, o.status === 'owed' ? fresh(unit) : { ...unit, breachedAt: null, escalatedAt: null }]
      }
      const answer = o.decision?.answer === 'yes' ? '是' : '否'
      const kept = as(
        o,
        decision(part),
        `迁移至第 13 版：第 12 版 ${o.id} 由${o.decision?.by.name}（${o.decision?.by.role}）作答“${answer}”，计为${BODY[part]}的判断；${BODY[other(part)]}另行判断（${by(migration)}）`,
        decision(part).discharge.fields,
      )
      if (o === latest) added.push([o, other(part)])
      return [kept]
    }
    if (o.rule === 'step:comments') {
      // The body whose yes ordered it: the latest yes given at or before it began.
      const yes = askings.findLast(
        (d) => d.decision?.answer === 'yes' && Date.parse(d.decision.at) <= Date.parse(o.startedAt),
      )
      const part = partOf(yes?.decision?.by.role) ?? 'office'
      const done = o.status === 'met' || o.status === 'late' ? `；${UNKNOWN_DOER}` : ''
      const note = `迁移至第 13 版：第 12 版 ${o.id} 由${yes ? `${yes.id} 的“是”（${yes.decision?.by.name}）` : '判断'}引起，计为${BODY[part]}的网上评论工作${done}（${by(migration)}）`
      const moved = as(o, step(part), note, { part })
      // Withdrawn by the other body's no (version 12's one judgement asked again): version 13 lets
      // no body's answer close the other's work, so it is owed again, from the migration.
      const no = o.status === 'withdrawn' ? closedByOther(o, part) : undefined
      if (no !== undefined) reowed.push([moved, part, no])
      return [moved]
    }
    if (o.status !== 'owed') return [o]
    const rule = obligationsV13.find((r) => r.id === o.rule)
    if (rule === undefined || (o.rule !== 'step:liaise' && o.rule !== 'step:source')) return [o]
    const owedBy = ownersAt(rule, old.severity)
    if (owedBy.length === o.owedBy.length && owedBy.every((r) => o.owedBy.includes(r))) return [o]
    const why =
      o.rule === 'step:liaise'
        ? '四(四)沟通改由办公室（三(二)1、五(一) 日常联络）和新闻宣传分管领导（四(四) 重大由其牵头）办理，业务分管领导无此职责'
        : '源头化解由各有关单位办理（三(二)3），新闻宣传分管领导仅在重大及以上牵头（四(四)），业务分管领导无此职责'
    const note = `迁移至第 13 版：应办人由 ${o.owedBy.join('、')} 改为 ${owedBy.join('、')}，${why}（${by(migration)}）`
    return [{ ...o, owedBy, policy: noted(note, o.policy) }]
  }

  /** The other body's judgement of version 12's latest asking, answered by one body: owed from the migration. */
  function owedFromMigration(o: Obligation, part: CommentPart): Obligation {
    const rule = decision(part)
    const note = `迁移至第 13 版时补办：第 12 版 ${o.id} 已由${BODY[other(part)]}作答，${BODY[part]}未曾单独判断，自迁移时起 1 小时内作出，非超时（${by(migration)}）`
    return fresh(as(o, rule, note, rule.discharge.fields))
  }

  /** Work of `part` withdrawn by the other body's no (`no`): owed again from the migration. */
  function reowedFromMigration(o: Obligation, part: CommentPart, no: Obligation): Obligation {
    const rule = step(part)
    const note = `迁移至第 13 版时补办：${o.id}（${BODY[part]}的网上评论工作）在第 12 版因${BODY[other(part)]} ${no.decision?.by.name}（${no.decision?.by.role}）${no.decision?.at} 对 ${no.id} 作答“否”而撤销；第 13 版中一方的判断不代替另一方，自迁移时起 1 小时内办理，非超时（${by(migration)}）`
    return fresh(as(o, rule, note, { part }))
  }
  /** An instance begun at the migration, due 1 hour from then, nothing on it yet. */
  function fresh(o: Obligation): Obligation {
    return {
      ...o,
      startedAt: migration.at,
      dueAt: new Date(Date.parse(migration.at) + 60 * 60_000).toISOString(),
      countsFrom: migration.at,
      certain: true,
      status: 'owed',
      metAt: null,
      breachedAt: null,
      escalatedAt: null,
      waived: null,
      withdrawn: null,
      decision: null,
      requoted: null,
    }
  }

  const obligations = old.obligations.flatMap(split)
  // Last, and numbered after the instances they follow (ids are numbered in order of beginning).
  return {
    ...old,
    obligations: [
      ...obligations,
      ...added.map(([o, part]) => owedFromMigration(o, part)),
      ...reowed.map(([o, part, no]) => reowedFromMigration(o, part, no)),
    ],
  }
}
