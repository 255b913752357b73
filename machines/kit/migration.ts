/**
 * Moving an open incident to the next version of its plan (README "Migrating open
 * incidents"): its state by the new version's declared mapping (kit/migration-states.ts),
 * its context by the declared function (given the opening where it reads it: `readsOpening`),
 * and its obligations re-derived under OBLIGATIONS.md's rules — met ones stay met, breaches stay, due times already set never move; what the new
 * version no longer requires is withdrawn only when not yet due (as a lowering, rule 5)
 * unless a rise kept it owed and the new version would too (rule 4, kit/kept-risen.ts);
 * what it still requires is judged again as it would have begun under it (met by a step
 * done before: kit/rejudge.ts); what it newly requires begins at the migration time, met
 * at once when the step was done before (rule 6) — a rule it begins again on a yes
 * (`again.onYes`) too, when a yes on the record came after its latest instance was
 * settled; a rule it asks again only once settled (`again.whileOwed: false`) keeps its
 * first owed instance and withdraws the later ones (not yet due); a rule whose step now
 * discharges one instance (`dischargeOne`) owes anew what one step met beside another under
 * a version without it (kit/discharge-one.ts). Pure: the engine passes
 * the time, the actor and the quotes.
 */
import { transition } from 'xstate'
import { orderedSince } from './declined.js'
import { type MetBeside, metBeside, selfNamed } from './discharge-one.js'
import { keptByRises } from './kept-risen.js'
import { applies, begin, type LedgerSpec, syncApprovals } from './ledger.js'
import { mappedValue, type NodeLike, nodeAt, statePaths, target } from './migration-states.js'
import type { Obligation, ObligationRule } from './obligation-types.js'
import { kitOptionsOf, ledgerOptions } from './options.js'
import { judgedAgain, metSinceRise } from './rejudge.js'
import type { IncidentContext, IncidentEvent, MigrationRequest, PlanDefinition } from './types.js'

/** The active leaf states (kit/migration-states.ts), as tests have read them from here. */
export { statePaths } from './migration-states.js'
export type { MigrationRequest } from './migration-types.js'

/** A persisted machine snapshot, as the engine stores it. */
export interface PersistedSnapshot {
  status: string
  value: unknown
  context: unknown
  [field: string]: unknown
}

export interface StateMove {
  from: string
  to: string
}

export type MigrationResult =
  | {
      ok: true
      snapshot: PersistedSnapshot
      context: IncidentContext
      /** Each active state of the old version and where it went. */
      mapping: StateMove[]
    }
  | { ok: false; reason: string }

const ESCALATE = 'escalate'
const ms = (iso: string) => Date.parse(iso)

/** The ledger of `plan` as its kit builds it (the escalation a breach owes is the rule `escalate`). */
export function ledgerSpecOf(plan: PlanDefinition): LedgerSpec {
  const escalation: ObligationRule = plan.obligations.find((r) => r.id === ESCALATE) ?? {
    id: ESCALATE,
    kind: 'step',
    label: '超时上报',
    clause: null,
    policy: '超时须上报',
    owedBy: [],
    discharge: { type: 'ESCALATE', fields: {} },
    prior: 'none',
  }
  const options = ledgerOptions(kitOptionsOf(plan.machine))
  return {
    rules: plan.obligations.filter((r) => r.id !== ESCALATE),
    approvals: plan.approvals,
    escalation,
    ...(options === undefined ? {} : { options }),
  }
}

/**
 * The obligations under the new version's rules, at `req.at`. Nothing met, breached,
 * waived or withdrawn changes; no due time moves. `from`: the version the incident leaves.
 */
export function rederive(
  plan: PlanDefinition,
  ctx: IncidentContext,
  req: MigrationRequest,
  from?: PlanDefinition,
): IncidentContext {
  const spec = ledgerSpecOf(plan)
  const byId = new Map(spec.rules.map((r) => [r.id, r]))
  const withdrawn = {
    by: req.actor,
    reason: `预案第 ${plan.version} 版不再要求（迁移：${req.reason}）`,
    at: req.at,
  }
  // Rules with an owed instance: a later owed instance of a rule asked again only once
  // settled (`again.whileOwed: false`) is one the new version would not have begun — with
  // `again.afterBreach`, unless every earlier one owed had breached when it began.
  const asking = new Map<string, Obligation[]>()
  let next: IncidentContext = {
    ...ctx,
    obligations: ctx.obligations.map((o): Obligation => {
      const before = o.status === 'owed' ? (asking.get(o.rule) ?? []) : []
      const second =
        byId.get(o.rule)?.again?.afterBreach === true
          ? before.some((p) => p.breachedAt === null || ms(p.breachedAt) > ms(o.startedAt))
          : before.length > 0
      if (o.status === 'owed') asking.set(o.rule, [...before, o])
      if (o.status !== 'owed' || o.breachedAt !== null || o.kind === 'approval' || o.rule === ESCALATE)
        return o
      const rule = byId.get(o.rule)
      const again = second && rule?.again?.whileOwed === false
      const kept =
        rule !== undefined &&
        !again &&
        (applies(ctx, rule) || (req.keepRisen === true && keptByRises(ctx, o, rule, from)))
      if (kept) return req.rejudge ? judgedAgain(ctx, o, rule) : o
      // Rule 5, as for a lowering: only what is not yet due goes; a due time that passed stays owed.
      const notDue = o.dueAt === null || ms(o.dueAt) > ms(req.at)
      return notDue ? { ...o, status: 'withdrawn', withdrawn } : o
    }),
  }
  next = { ...next, obligations: selfNamedOwed(next.obligations, byId) }
  for (const rule of spec.rules) {
    if (!applies(next, rule)) continue
    // A rule that begins again on a yes (`again.onYes`) and was settled before the latest yes is owed anew.
    const anew = orderedSince(next.obligations, rule)
    if (!anew && next.obligations.some((o) => o.rule === rule.id && o.status !== 'withdrawn')) continue
    const begun = begin(next, rule, req.at, req.quotes, { fromEvent: true, repeat: anew })
    const o = req.rejudge ? metSinceRise(next, begun, rule) : begun
    next = { ...next, obligations: [...next.obligations, o] }
  }
  next = owedAnewOneByOne(next, spec.rules, req, plan, from)
  const event: IncidentEvent = {
    type: 'MIGRATED',
    at: req.at,
    actor: req.actor,
    quotes: req.quotes,
    reason: withdrawn.reason,
  }
  return syncApprovals(spec, next, event, 'none')
}

/**
 * `dischargeOne` (kit/discharge-one.ts): an owed instance begun under a version without it
 * names itself now, so one step discharges it alone.
 */
function selfNamedOwed(
  obligations: readonly Obligation[],
  byId: ReadonlyMap<string, ObligationRule>,
): Obligation[] {
  return obligations.map((o) => (o.status === 'owed' && byId.get(o.rule)?.dischargeOne ? selfNamed(o) : o))
}

/**
 * `dischargeOne`, from a version whose rule had no such option (one step met every owed
 * instance there): each instance a step met beside another one was never done. Met stays met
 * (OBLIGATIONS.md); the duty is owed anew from the migration, once per such instance, its
 * record saying so in its `policy` (an auditor tells it from a new duty: `replacedNote`).
 */
function owedAnewOneByOne(
  ctx: IncidentContext,
  rules: readonly ObligationRule[],
  req: MigrationRequest,
  plan: PlanDefinition,
  from: PlanDefinition | undefined,
): IncidentContext {
  let next = ctx
  for (const rule of rules) {
    if (!rule.dischargeOne || from === undefined || !applies(next, rule)) continue
    if (from.obligations.find((r) => r.id === rule.id)?.dischargeOne) continue
    for (const beside of metBeside(next, rule)) {
      const note = replacedNote(beside, req, plan.version, from.version)
      for (let n = beside.met - beside.steps; n > 0; n--) {
        const o = begin(next, rule, req.at, req.quotes, { fromEvent: true, repeat: true })
        const policy = o.policy === null ? note : `${note}；${o.policy}`
        next = { ...next, obligations: [...next.obligations, { ...o, policy }] }
      }
    }
  }
  return next
}

/** What an instance owed anew in place of one met beside another records (its `policy`, first). */
const replacedNote = (b: MetBeside, req: MigrationRequest, to: number, from: number): string =>
  `迁移至第 ${to} 版时补办：第 ${from} 版一次办理同时办结了 ${b.met} 项（${b.at}，办理 ${b.steps} 次），` +
  `未办理的 ${b.met - b.steps} 项自迁移时起各须再办，非新增事项（迁移：${req.reason}）`

/**
 * Maps a persisted snapshot of `from` to one of `to`, or says why it cannot: `to` must
 * declare that it migrates from `from`, the incident must be open, and every active
 * state must map to a state of `to`.
 */
export function migrateSnapshot(
  from: PlanDefinition,
  to: PlanDefinition,
  persisted: PersistedSnapshot,
  req: MigrationRequest,
): MigrationResult {
  const spec = to.migratesFrom
  if (from.id !== to.id)
    return { ok: false, reason: `${to.id} is not the plan of this incident (${from.id})` }
  if (!spec || spec.from !== from.version)
    return {
      ok: false,
      reason: `${to.id} version ${to.version} declares no migration from version ${from.version}`,
    }
  const old = persisted.context as IncidentContext
  if (persisted.status !== 'active' || old.closedAt !== null)
    return {
      ok: false,
      reason: 'the incident is closed: a closed incident stays on the version it closed on',
    }
  // A category the new version does not take (a category of the shared vocabulary another
  // plan names) is set anew on the old version first: the new one would hold a value its
  // SET_CATEGORY and opening refuse.
  const category = to.events.find((e) => e.type === 'SET_CATEGORY')?.schema.shape.category
  if (old.category !== null && category && !category.safeParse(old.category).success)
    return {
      ok: false,
      reason: `category ${old.category} is not one version ${to.version} takes: set one it takes (SET_CATEGORY) first`,
    }
  if (spec.readsOpening && req.opening === undefined)
    return {
      ok: false,
      reason: `${to.id} version ${to.version}'s migration reads the incident's opening (OPENED): none was given`,
    }
  const root = (to.machine as unknown as { root: NodeLike }).root
  const mapping: StateMove[] = []
  for (const path of statePaths(persisted.value)) {
    const t = target(spec, path)
    if (typeof t !== 'string') return { ok: false, reason: `state ${path} does not map: ${t.refuse}` }
    if (!nodeAt(root, t))
      return {
        ok: false,
        reason: `state ${path} does not map: version ${to.version} has no state ${t} and declares no mapping for it`,
      }
    mapping.push({ from: path, to: t })
  }
  const built = mappedValue(
    root,
    mapping.map((m) => m.to),
  )
  if ('refuse' in built)
    return { ok: false, reason: `the mapped states do not fit together: ${built.refuse}` }
  const migration = { at: req.at, actor: req.actor, ...(req.opening ? { opening: req.opening } : {}) }
  const mapped = spec.context ? spec.context(old, migration) : old
  const context = rederive(to, mapped, req, from)
  let value: unknown
  try {
    value = to.machine.resolveState({ value: built.value as never, context }).value
  } catch (e) {
    return {
      ok: false,
      reason: `the mapped state is not one of version ${to.version}: ${(e as Error).message}`,
    }
  }
  if (req.settle) return { ok: true, ...settled(to, value, context, req), mapping }
  return {
    ok: true,
    snapshot: { ...persisted, value, context, historyValue: {}, children: {} },
    context,
    mapping,
  }
}

/**
 * The mapped state after the new version's eventless transitions, taken by the migration
 * itself (event MIGRATED, at `req.at`, which no state handles and the ledger records as
 * no act): obligations of a state it moves into begin at the migration.
 */
function settled(to: PlanDefinition, value: unknown, context: IncidentContext, req: MigrationRequest) {
  const event: IncidentEvent = { type: 'MIGRATED', at: req.at, actor: req.actor, quotes: req.quotes }
  const [next] = transition(to.machine, to.machine.resolveState({ value: value as never, context }), event)
  return {
    snapshot: to.machine.getPersistedSnapshot(next) as unknown as PersistedSnapshot,
    context: next.context as IncidentContext,
  }
}
