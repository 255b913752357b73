/**
 * Three server processes, one fresh PostgreSQL database. Events spread over the nodes
 * hit shared incidents while a burst of deadlines comes due; one node is killed -9
 * mid-run. Afterwards: every acknowledged event is journaled exactly once at the
 * version it was acknowledged with, every due timer fired exactly once, and the timers
 * that came due after the kill were fired by the two survivors.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { verifyIncident } from '../../src/engine/verify.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { createDatabase, type FreshDatabase, type Node, startNode } from '../helpers/pg-server.js'
import { postgresAvailable } from '../helpers/stores.js'

if (!postgresAvailable) console.warn('[skip] multi-node scale-out: PostgreSQL does not answer')

const TOKEN = 'scaleout-monitor-token-0001'
const SHARED = 8
const EVENTS_PER_SHARED = 30
const LATE = 15 // deadlines and warnings all past at opening
const SOON = 15 // warnings past, breach due 6–10 s after opening: after the kill
const MINUTE = 60_000

let database: FreshDatabase | undefined
let nodes: Node[] = []
let store: Store | undefined
afterAll(async () => {
  for (const n of nodes) n.kill9()
  await Promise.all(nodes.map((n) => n.exited))
  await store?.close()
  await database?.drop()
})

interface Answer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  body: any
  /** Which node answered, and how many sends failed on the way (connection lost, 5xx). */
  node: string
  failures: number
}

describe.skipIf(!postgresAvailable)('three nodes on one PostgreSQL database', () => {
  it('journal every acknowledged event once and fire every due timer once, through a kill -9 of one node', async () => {
    database = await createDatabase()
    const env = {
      DATABASE_URL: database.url,
      AUTH_TOKENS: `${TOKEN}:monitor:监测员`,
      TIMER_POLL_MS: '500',
      LATE_ENTRY_GRACE_MINUTES: '0',
    }
    // The first node migrates the empty database and stores the quick-start token; the other two
    // start together after it. (Three at once on an EMPTY database: the migrations are safe —
    // kysely's Migrator holds an advisory lock, see claims.test.ts — but applyQuickStartTokens
    // in src/auth/tokens.ts is a select-then-insert and the loser fails to start on tokens_pkey.)
    nodes = [startNode('a', env)]
    await nodes[0]!.listening
    nodes.push(startNode('b', env), startNode('c', env))
    const ports = await Promise.all(nodes.map((n) => n.listening))
    const [, , victim] = nodes
    const dead = new Set<string>()

    /** Sends to `prefer`, and on a network error or 5xx to the next live node, with the same Idempotency-Key. */
    async function call(path: string, body: unknown, key: string, prefer: number): Promise<Answer> {
      let lastError = ''
      let failures = 0
      for (let tries = 0; tries < 8; tries++) {
        const i = (prefer + tries) % nodes.length
        const node = nodes[i]!
        if (dead.has(node.name)) continue
        try {
          const res = await fetch(`http://127.0.0.1:${ports[i]}${path}`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${TOKEN}`,
              'content-type': 'application/json',
              'idempotency-key': key,
            },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(20_000),
          })
          const answer = { status: res.status, body: await res.json(), node: node.name, failures }
          if (res.status < 500) return answer
          lastError = `${res.status} ${JSON.stringify(answer.body)}`
        } catch (e) {
          lastError = String((e as Error).cause ?? e)
        }
        failures++
      }
      throw new Error(`${path}: no node took it (${lastError})`)
    }

    const open = async (title: string, discoveredAt: Date, prefer: number) => {
      const r = await call(
        '/incidents',
        { planId: 'nanchong-npc-2022', title, discoveredAt },
        `open-${title}`,
        prefer,
      )
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      return r.body as { id: string; deadlines: Array<{ dueAt: string }> }
    }

    const now = Date.now()
    const shared = await Promise.all(
      Array.from({ length: SHARED }, (_, i) => open(`shared-${i}`, new Date(now), i)),
    )
    // The burst: every report deadline (nanchong: 10 min to the group) and both warnings already past.
    const late = await Promise.all(
      Array.from({ length: LATE }, (_, i) => open(`late-${i}`, new Date(now - 60 * MINUTE), i)),
    )
    // Opened on the node that will die, whose scheduler would fire them first; due after it died.
    const soonStart = Date.now()
    const soon = await Promise.all(
      Array.from({ length: SOON }, (_, i) =>
        open(`soon-${i}`, new Date(soonStart - 10 * MINUTE + 6_000 + (i % 5) * 1_000), 2),
      ),
    )
    const firstSoonDue = Math.min(...soon.map((s) => Date.parse(s.deadlines[0]!.dueAt)))
    const lastSoonDue = Math.max(...soon.map((s) => Date.parse(s.deadlines[0]!.dueAt)))

    // Events: many per shared incident, two per timer incident, round-robin over the nodes.
    const targets = [
      ...shared.flatMap((s) => Array.from({ length: EVENTS_PER_SHARED }, () => s.id)),
      ...[...late, ...soon].flatMap((s) => [s.id, s.id]),
    ]
    const tasks = targets.map((id, n) => ({ id, note: `e${n}`, prefer: n % 3 }))
    const acked = new Map<string, { id: string; version: number; node: string; failures: number }>()
    let killedAt = 0
    let next = 0
    const worker = async () => {
      while (next < tasks.length) {
        const t = tasks[next++]!
        const r = await call(
          `/incidents/${t.id}/events`,
          { type: 'METRICS_UPDATED', facts: {}, note: t.note },
          `ev-${t.note}`,
          t.prefer,
        )
        expect(r.status, JSON.stringify(r.body)).toBe(200)
        acked.set(t.note, { id: t.id, version: r.body.version, node: r.node, failures: r.failures })
        if (!killedAt && acked.size >= tasks.length / 3) {
          killedAt = Date.now()
          victim!.kill9()
          dead.add(victim!.name) // the client learns of it from the failures; this just saves retries
        }
      }
    }
    await Promise.all(Array.from({ length: 16 }, worker))
    expect(killedAt).toBeGreaterThan(0)
    expect(killedAt).toBeLessThan(firstSoonDue) // the soon timers came due after their node was gone
    await victim!.exited
    expect(victim!.alive()).toBe(false)

    // Wait for the survivors to fire whatever is due (they poll every 500 ms).
    store = createStore(database.url)
    const db = store.db
    const unfiredDue = async () =>
      (
        await db
          .selectFrom('timers')
          .select('instance')
          .where('fired_at', 'is', null)
          .where('due_at', '<=', new Date().toISOString())
          .execute()
      ).length
    const until = Date.now() + 30_000
    while ((Date.now() < lastSoonDue + 200 || (await unfiredDue()) > 0) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 250))
    expect(await unfiredDue()).toBe(0)

    // Every acknowledged event: journaled exactly once, at the version it was acknowledged with.
    expect(acked.size).toBe(tasks.length)
    const events = await db
      .selectFrom('journal')
      .select(['incident_id', 'seq', 'payload'])
      .where('type', '=', 'METRICS_UPDATED')
      .execute()
    const byNote = new Map<string, Array<{ id: string; seq: number }>>()
    for (const e of events) {
      const note = String((JSON.parse(e.payload) as { note?: string }).note)
      byNote.set(note, [...(byNote.get(note) ?? []), { id: e.incident_id, seq: e.seq }])
    }
    expect(events).toHaveLength(tasks.length)
    for (const [note, a] of acked) expect(byNote.get(note)).toEqual([{ id: a.id, seq: a.version }])

    // Every timer that came due fired exactly once: one journal entry per timer instance.
    const fired = await db
      .selectFrom('timers')
      .select(['incident_id', 'instance', 'fired_at'])
      .where('fired_at', 'is not', null)
      .execute()
    expect(fired).toHaveLength((LATE + SOON) * 3)
    const timerEntries = await db
      .selectFrom('journal')
      .select(['incident_id', 'type', 'payload'])
      .where('type', 'in', ['DEADLINE_PASSED', 'DEADLINE_WARNING'])
      .execute()
    const perTimer = new Map<string, number>()
    for (const e of timerEntries) {
      const p = JSON.parse(e.payload) as { instance: string; share?: number }
      const instance =
        e.type === 'DEADLINE_WARNING' ? `${p.instance}~w${Math.round((p.share ?? 0) * 100)}` : p.instance
      const k = `${e.incident_id} ${instance}`
      perTimer.set(k, (perTimer.get(k) ?? 0) + 1)
    }
    expect(perTimer.size).toBe(fired.length)
    for (const t of fired) expect(perTimer.get(`${t.incident_id} ${t.instance}`), t.instance).toBe(1)
    // The soon breaches came due after the kill: the survivors fired them.
    const soonIds = new Set(soon.map((s) => s.id))
    const soonBreaches = fired.filter((t) => soonIds.has(t.incident_id) && t.instance === 'report:group#1')
    expect(soonBreaches).toHaveLength(SOON)
    for (const t of soonBreaches) expect(Date.parse(t.fired_at!)).toBeGreaterThan(killedAt)

    // Each incident's journal: versions 1..n without gap or duplicate, hash chain intact.
    for (const s of [...shared, ...late, ...soon]) {
      const v = await verifyIncident(db, s.id)
      expect(v.firstBad, s.id).toBeNull()
      expect(v.ok).toBe(true)
    }
    const perShared = await Promise.all(shared.map((s) => verifyIncident(db, s.id)))
    expect(perShared.map((v) => v.entries)).toEqual(shared.map(() => 1 + EVENTS_PER_SHARED))

    // For the record: sends cut by the kill, and how many of those the dead node had committed
    // (a survivor answered them from the idempotency record, not by applying them again).
    const cut = [...acked].filter(([, a]) => a.failures > 0)
    const recorded = await db
      .selectFrom('journal')
      .select(['payload', 'recorded_at'])
      .where('type', '=', 'METRICS_UPDATED')
      .execute()
    const before = new Set(
      recorded
        .filter((r) => Date.parse(r.recorded_at) < killedAt)
        .map((r) => String((JSON.parse(r.payload) as { note?: string }).note)),
    )
    const answeredBy = Object.fromEntries(
      nodes.map((n) => [n.name, [...acked.values()].filter((a) => a.node === n.name).length]),
    )
    console.info('[multi-node]', {
      events: tasks.length,
      answeredBy,
      cutByKill: cut.length,
      committedByDeadNodeThenReplayed: cut.filter(([note]) => before.has(note)).length,
      timersFired: fired.length,
    })

    for (const n of nodes.slice(0, 2)) expect(await n.stop(), n.out()).toBe(true)
  }, 90_000)
})
