/**
 * Plan versions that migrate, for tests only (no real plan has a version 3 yet):
 * - `nextVersionOf(plan)`: the current version of a real plan, one version on: the same
 *   chart, one more obligation (so that obligations begin at the migration), a declared
 *   mapping (every state to itself) and a context function.
 * - `toyRenamed`: the toy plan at version 2 with states renamed and merged and one state
 *   that does not map (`review` became `evaluation`, and no mapping says so): refusals.
 * - `registryOf(...)`: a registry holding the given versions (current = highest).
 */
import { assign, createMachine } from 'xstate'
import { track } from '../../machines/kit/ledger.js'
import { ledgerSpecOf } from '../../machines/kit/migration.js'
import type {
  IncidentContext,
  IncidentEvent,
  ObligationRule,
  PlanDefinition,
} from '../../machines/kit/types.js'
import { makeToyPlan } from './toy-plan.js'

/** The obligation every synthetic next version adds: owed from the migration, due 2 h later. */
export const RECHECK: ObligationRule = {
  id: 'migration:recheck',
  kind: 'step',
  label: '复核舆情数据',
  clause: null,
  policy: '测试：下一版本新增的义务（迁移时开始）',
  owedBy: ['office', 'monitor'],
  due: { anchor: 'start', amount: 2, unit: 'hours' },
  discharge: { type: 'METRICS_UPDATED', fields: {} },
}

/** The context function the synthetic versions declare: recipients reached, in one order. */
export const sortRecipients = (ctx: IncidentContext): IncidentContext => ({
  ...ctx,
  reportedTo: [...ctx.reportedTo].sort(),
})

/** `plan`'s machine with its ledger running on `obligations` (the chart stays as it is). */
export function withObligations(plan: PlanDefinition, obligations: readonly ObligationRule[]) {
  const ledger = ledgerSpecOf({ ...plan, obligations })
  return plan.machine.provide({
    actions: {
      track: assign(({ context, event }: { context: IncidentContext; event: IncidentEvent }) =>
        track(ledger, context, event),
      ),
    } as never,
  })
}

/** A real plan's current version, one version on (tests only; see the file's comment). */
export function nextVersionOf(
  plan: PlanDefinition,
  extra: readonly ObligationRule[] = [RECHECK],
): PlanDefinition {
  const obligations = [...plan.obligations, ...extra]
  return {
    ...plan,
    version: plan.version + 1,
    obligations,
    machine: withObligations(plan, obligations),
    migratesFrom: { from: plan.version, context: sortRecipients },
  }
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

/** A chart's config with states renamed (keys and the targets naming them) and some dropped. */
function renameStates(config: unknown, names: Record<string, string>, drop: readonly string[]): unknown {
  if (Array.isArray(config)) return config.map((c) => renameStates(c, names, drop))
  if (!isObj(config)) return config
  const out: Json = {}
  for (const [k, v] of Object.entries(config)) {
    if (k === 'target' && typeof v === 'string') out[k] = names[v] ?? v
    else if (k === 'states' && isObj(v))
      out[k] = Object.fromEntries(
        Object.entries(v)
          .filter(([name]) => !drop.includes(name))
          .map(([name, node]) => [names[name] ?? name, renameStates(node, names, drop)]),
      )
    else out[k] = renameStates(v, names, drop)
  }
  return out
}

/** The briefing toy version 2 owes once the group convened (discharged by an answer). */
export const BRIEFING: ObligationRule = {
  id: 'briefing',
  kind: 'step',
  label: '向领导通报',
  clause: '3',
  policy: null,
  owedBy: ['office'],
  when: { step: 'convened' },
  due: { anchor: 'start', amount: 60, unit: 'minutes' },
  discharge: { type: 'ANSWER', fields: {} },
}

/**
 * The toy plan at version 2: `disposal` renamed `aftercare`, `consultation` merged into
 * `response`, `review` renamed `evaluation` with no mapping declared (an incident in review
 * is refused), a briefing owed once convened, and recipient `city` now called `municipal`.
 */
export function makeToyRenamed(): PlanDefinition {
  const base = makeToyPlan(2, [BRIEFING])
  const config = renameStates(base.machine.config, { disposal: 'aftercare', review: 'evaluation' }, [
    'consultation',
  ])
  const machine = createMachine(config as never, base.machine.implementations as never)
  return {
    ...base,
    machine,
    migratesFrom: {
      from: 1,
      states: { 'phase.consultation': 'phase.response', 'phase.disposal': 'phase.aftercare' },
      context: (ctx) => ({ ...ctx, reportedTo: ctx.reportedTo.map((r) => (r === 'city' ? 'municipal' : r)) }),
    },
  }
}

/** A registry of exactly these plan versions; the current version of a plan is its highest. */
export function registryOf(...versions: PlanDefinition[]) {
  return {
    getPlan(id: string, version?: number): PlanDefinition | undefined {
      const mine = versions.filter((p) => p.id === id)
      if (version !== undefined) return mine.find((p) => p.version === version)
      return mine.reduce<PlanDefinition | undefined>(
        (a, p) => (!a || p.version > a.version ? p : a),
        undefined,
      )
    },
    currentPlans(): PlanDefinition[] {
      const ids = [...new Set(versions.map((p) => p.id))]
      return ids.map((id) => this.getPlan(id)).filter((p): p is PlanDefinition => p !== undefined)
    },
  }
}
