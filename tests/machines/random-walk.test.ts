/**
 * Random walks over every registered plan (current versions), with fast-check, holding
 * OBLIGATIONS.md's invariants after every step (tests/helpers/obligation-invariants.ts).
 *
 * A walk opens an incident at a random grade and category, may follow a route to
 * closed part of the way (so walks end in every phase), then sends up to 25 random
 * commands: an event of the plan (one the state accepts; most often one
 * that discharges something owed or one of the plan's own steps not taken yet, so the
 * walk moves on; one time in eight any event at all, as any role), a due time passing
 * (DEADLINE_PASSED, as the engine's scheduler sends it) or a re-quote, or a monitoring
 * update with random facts (rises and lowerings by hand are events of the menu). Fields
 * naming a draft, an owed obligation or a decision are bound to what the incident has.
 * Time only moves forward: each command advances the clock, and an event may be
 * backdated (an offline step) to any instant since the previous event. After every step
 * the view's obligations and drafts equal a view built afresh. At the end, a replay of
 * the accepted events reproduces the incident exactly.
 */
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnyActorRef, createActor } from 'xstate'
import {
  CATEGORIES,
  currentPlans,
  type IncidentContext,
  type IncidentEvent,
  type IncidentInput,
  ROLES,
} from '../../machines/index.js'
import { wouldDischarge } from '../../machines/kit/ledger.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { obligationParts } from '../../src/engine/view-parts.js'
import {
  armed,
  bindMenu,
  deadlineEvent,
  handledEventTypes,
  incidentInput,
  phaseOf,
  planMenu,
  requotable,
  requoteEvent,
} from '../helpers/graph.js'
import { calendar, inertClock } from '../helpers/machine.js'
import { planWalks } from '../helpers/machine-walk.js'
import { violations } from '../helpers/obligation-invariants.js'
import { COMMON, rotate } from '../helpers/walk-arbitraries.js'

/** Walks per plan: 1,000 fit in about 30 s per plan on two cores. */
const RUNS = Number(process.env.WALK_RUNS ?? 1_000)

const plans = currentPlans()

describe.each(plans.map((p) => [p.id, p] as const))('%s: random walks', (_id, plan) => {
  const menu = planMenu(plan, { categories: CATEGORIES })
  const handles = handledEventTypes(plan.machine)
  const metricsSpec = plan.events.find((e) => e.type === 'METRICS_UPDATED')
  const { routes, walk } = planWalks(plan)

  it('has a route to closed from every grade it opens at', () => {
    for (const [grade, route] of routes)
      expect(route.length, `no route to closed from ${grade ?? 'unclassified'}`).toBeGreaterThan(0)
  })

  // 20–40 s alone; a loaded machine (CI beside other work) has taken it past the 60 s default.
  it(`keeps OBLIGATIONS.md's invariants after every step of ${RUNS} random walks, and replays exactly`, {
    timeout: 180_000,
  }, () => {
    const tally = {
      sent: 0,
      refused: 0,
      closed: 0,
      breached: 0,
      late: 0,
      waived: 0,
      withdrawn: 0,
      released: 0,
    }
    /** The view of `ctx` with the items' views kept between steps (as a live incident's), and built afresh. */
    const sameView = (ctx: IncidentContext) =>
      JSON.stringify(obligationParts(plan, ctx, true)) === JSON.stringify(obligationParts(plan, ctx))
    fc.assert(
      fc.property(walk, ({ grade, category, viewed, commands }) => {
        const input: IncidentInput = { ...incidentInput(plan, grade), category }
        input.quotes = quoteRules(plan.obligations, calendar, input, input.discoveredAt)
        const actor: AnyActorRef = createActor(plan.machine, { input, clock: inertClock }).start()
        let clock = Date.parse(input.discoveredAt)
        let last = clock
        const seen = new Set<string>()
        const journal: IncidentEvent[] = []
        const trail: string[] = [`open ${grade ?? 'unclassified'} / ${category ?? '-'}`]
        for (const cmd of commands) {
          const before = actor.getSnapshot()
          const c = before.context as IncidentContext
          clock += cmd.minutes * 60_000
          let event: IncidentEvent | undefined
          if (cmd.kind === 'timer') {
            const now = new Date(last).toISOString()
            const due = [
              ...armed(c).map((o) => deadlineEvent(o, now)),
              ...requotable(c).map((o) => requoteEvent(o, now)),
            ]
            event = due[cmd.pick % Math.max(1, due.length)]
            if (!event) continue
            clock = Math.max(clock, Date.parse(event.at))
          } else {
            const at =
              cmd.kind === 'event' && cmd.backdate !== null
                ? Math.round(last + (clock - last) * cmd.backdate)
                : clock
            const iso = new Date(at).toISOString()
            if (cmd.kind === 'route') {
              const quotes = quoteRules(plan.obligations, calendar, c, iso)
              const { type, payload, role, name } = cmd.step
              event = { ...payload, type, at: iso, actor: { name, role }, quotes }
            } else if (cmd.kind === 'metrics') {
              // The engine checks a payload against the event's schema first (400 otherwise).
              if (!metricsSpec?.schema.safeParse({ facts: cmd.facts }).success) continue
              const quotes = quoteRules(plan.obligations, calendar, c, iso)
              event = {
                type: 'METRICS_UPDATED',
                facts: cmd.facts,
                at: iso,
                actor: { name: '测试monitor', role: 'monitor' },
                quotes,
              }
            } else {
              const handled = handles(before.value)
              const offers = bindMenu(
                plan,
                cmd.mode === 'any' ? menu : menu.filter((m) => handled.has(m.type)),
                c,
                iso,
              ).map((o) => o.event)
              if (cmd.mode === 'any') {
                const e = offers[cmd.pick % Math.max(1, offers.length)]
                const role = ROLES[cmd.role % ROLES.length]!
                event = e && { ...e, actor: { name: `测试${role}`, role } }
              } else {
                // Moving on: what discharges an owed obligation, then the plan's own steps not taken yet.
                const owed = c.obligations.filter((o) => o.status === 'owed')
                const discharges = (e: IncidentEvent) => owed.some((o) => wouldDischarge(o, e))
                const own = (e: IncidentEvent) => !COMMON.has(e.type)
                const pools =
                  cmd.mode === 'forward'
                    ? [
                        offers.filter(discharges),
                        offers.filter((e) => own(e) && !seen.has(e.type)),
                        offers.filter(own),
                        offers,
                      ]
                    : [offers]
                for (const pool of pools) {
                  event = rotate(pool, cmd.pick).find((e) => before.can(e))
                  if (event) break
                }
                if (!event) continue
              }
            }
          }
          if (!event) continue
          last = Math.max(last, Date.parse(event.at))
          seen.add(event.type)
          const accepted = before.can(event)
          actor.send(event)
          tally.sent++
          if (accepted) journal.push(event)
          else tally.refused++
          const after = actor.getSnapshot()
          trail.push(
            `${event.type}${event.obligation ? `(${event.obligation})` : ''}${event.draftId ? `(${event.draftId})` : ''} as ${event.actor.role} @${event.at}${accepted ? '' : ' (refused)'} → ${JSON.stringify(after.value)}`,
          )
          const broken = violations(
            plan,
            { value: before.value, context: c },
            { value: after.value, context: after.context as IncidentContext },
            event,
            accepted,
          )
          if (broken.length > 0) throw new Error(`${plan.id}: ${broken.join('; ')}\n  ${trail.join('\n  ')}`)
          // The view shows the ledger and the drafts as they are now: what it keeps of the
          // items an event left unchanged (view-parts.ts) equals a view built afresh (checked in
          // one walk of VIEW_EVERY: a fresh view per step costs more than the step).
          if (viewed && !sameView(after.context as IncidentContext))
            throw new Error(
              `${plan.id}: the view shows what the incident no longer is\n  ${trail.join('\n  ')}`,
            )
          // A closed incident is final: nothing more to walk.
          if (phaseOf(after.value) === 'closed') break
        }
        const end = actor.getSnapshot()
        actor.stop()
        const ctx = end.context as IncidentContext
        if (phaseOf(end.value) === 'closed') tally.closed++
        for (const o of ctx.obligations) {
          if (o.breachedAt !== null) tally.breached++
          if (o.status === 'late') tally.late++
          if (o.status === 'waived') tally.waived++
          if (o.status === 'withdrawn') tally.withdrawn++
        }
        tally.released += ctx.drafts.filter((d) => d.releasedAt !== null).length
        // The journal replays to the same incident, obligations and drafts exactly.
        const again = createActor(plan.machine, { input, clock: inertClock }).start()
        for (const e of journal) again.send(e)
        const replayed = again.getSnapshot()
        again.stop()
        if (!isDeepStrictEqual(replayed.value, end.value) || !isDeepStrictEqual(replayed.context, ctx))
          throw new Error(
            `${plan.id}: the journal does not replay to the same incident\n  ${trail.join('\n  ')}`,
          )
      }),
      { numRuns: RUNS },
    )
    console.info(`${plan.id}: ${RUNS} walks, ${JSON.stringify(tally)}`)
    expect(tally.sent).toBeGreaterThan(RUNS)
    expect(tally.refused).toBeGreaterThan(0)
    // The walks exercised what the invariants are about.
    expect(tally.closed, 'no walk reached closed').toBeGreaterThan(0)
    expect(tally.released, 'no walk released a draft').toBeGreaterThan(0)
    if (plan.obligations.some((r) => r.due)) {
      expect(tally.breached, 'no walk breached a due time').toBeGreaterThan(0)
      expect(tally.late, 'no walk met an obligation late').toBeGreaterThan(0)
    }
    expect(tally.waived, 'no walk waived an obligation').toBeGreaterThan(0)
  })
})

describe('random-walk suite', () => {
  it('covers every registered plan, once each', () => {
    expect(plans.length).toBeGreaterThan(0)
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length)
  })
})
