/**
 * The incident row stores obligations without what their rule gives (src/engine/snapshot-text.ts).
 * What a reader relies on: the snapshot read back is the snapshot written, whatever an
 * obligation went through (met, breached, waived, withdrawn, a field unlike its rule's);
 * a row written whole before this form reads as it was; and the row is smaller.
 * End to end (stored rows against a pure actor, after every step of random sequences):
 * tests/engine/persistence.property.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate'
import { currentPlans } from '../../machines/index.js'
import type { Obligation } from '../../machines/kit/obligation-types.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { isAscii } from '../../src/engine/ascii-json.js'
import { parseSnapshot, snapshotText, snapshotToChange } from '../../src/engine/snapshot-text.js'
import { incidentInput, routeSnapshots, startGrades } from '../helpers/graph.js'

/** The snapshot XState persists, as JSON gives it back. */
const whole = (plan: PlanDefinition, s: AnyMachineSnapshot) =>
  JSON.parse(JSON.stringify(plan.machine.getPersistedSnapshot(s))) as { context: IncidentContext }

/** `s` with its context's obligations changed by `f`. */
const withObligations = (s: AnyMachineSnapshot, f: (os: Obligation[]) => Obligation[]) =>
  ({
    ...s,
    context: { ...s.context, obligations: f((s.context as IncidentContext).obligations) },
  }) as AnyMachineSnapshot

/**
 * `text` read to be changed (as `base` stores it), obligation `at` then met: the text it
 * is written back as, and the text a fresh write of the same snapshot gives.
 */
function metAndWrittenBack(plan: PlanDefinition, base: AnyMachineSnapshot, text: string, at = 0) {
  const read = snapshotToChange<AnyMachineSnapshot>(plan, text)
  const changed = withObligations({ ...base, context: read.context } as AnyMachineSnapshot, (os) =>
    os.map((o, i) => (i === at ? { ...o, status: 'met', metAt: o.startedAt } : o)),
  )
  return {
    changed,
    written: snapshotText(plan, changed),
    fresh: snapshotText(plan, JSON.parse(JSON.stringify(changed)) as AnyMachineSnapshot),
  }
}

describe.each(currentPlans().map((p) => [p.id, p] as const))('%s snapshots as stored', (_id, plan) => {
  const snapshots = startGrades(plan).flatMap((g) => routeSnapshots(plan, g))

  it('read back equal to the whole snapshot, in every state of a route to closed, ASCII throughout, and smaller', () => {
    expect(snapshots.length).toBeGreaterThan(5)
    for (const s of snapshots) {
      const text = snapshotText(plan, s)
      expect(isAscii(text)).toBe(true)
      expect(parseSnapshot(plan, text)).toEqual(whole(plan, s))
      // Each obligation's fields come back in the ledger's order, as XState persisted them.
      expect(
        JSON.stringify(parseSnapshot<{ context: IncidentContext }>(plan, text).context.obligations),
      ).toBe(JSON.stringify(whole(plan, s).context.obligations))
      if ((s.context as IncidentContext).obligations.length > 0)
        expect(text.length).toBeLessThan(JSON.stringify(plan.machine.getPersistedSnapshot(s)).length)
    }
  })

  it('keeps what differs from the rule (a null where the rule has a value too)', () => {
    const s = snapshots.find((x) => (x.context as IncidentContext).obligations.length >= 2)!
    const changed = withObligations(s, ([a, b, ...rest]) => [
      { ...a!, label: `${a!.label}（改）`, owedBy: [...a!.owedBy].reverse(), recipient: null, clause: null },
      {
        ...b!,
        discharge: { type: b!.discharge.type, fields: { ...b!.discharge.fields, extra: 1 } },
        waived: { by: { name: '甲', role: 'office' }, reason: '不需要', at: b!.startedAt },
        kind: b!.kind,
      },
      ...rest,
    ])
    expect(parseSnapshot(plan, snapshotText(plan, changed))).toEqual(whole(plan, changed))
  })

  it("keeps a field of an obligation that the ledger does not write, after the ledger's own", () => {
    const s = snapshots.find((x) => (x.context as IncidentContext).obligations.length >= 1)!
    const changed = withObligations(s, ([a, ...rest]) => [
      { ...a!, note: '补充', extra: { n: 1 } } as Obligation,
      ...rest,
    ])
    const back = parseSnapshot<{ context: IncidentContext }>(plan, snapshotText(plan, changed))
    expect(JSON.stringify(back.context.obligations[0])).toBe(
      JSON.stringify((changed.context as IncidentContext).obligations[0]),
    )
  })

  it('keeps a field that differs from the rule only by a key the rule lacks (its value undefined)', () => {
    const s = snapshots.find((x) =>
      (x.context as IncidentContext).obligations.some((o) => o.recipient !== null),
    )!
    const changed = withObligations(s, (os) =>
      os.map((o) =>
        o.recipient === null ? o : { ...o, recipient: { code: o.recipient.code, other: undefined } as never },
      ),
    )
    expect(parseSnapshot(plan, snapshotText(plan, changed))).toEqual(whole(plan, changed))
  })

  it('reads a row written whole (before this form) as it was', () => {
    for (const s of snapshots.slice(-3)) {
      const full = JSON.stringify(plan.machine.getPersistedSnapshot(s))
      expect(parseSnapshot(plan, full)).toEqual(JSON.parse(full))
    }
  })
})

it('an obligation of a rule the plan does not have is stored whole but for its nulls', () => {
  const plan = currentPlans()[0]!
  const s = getInitialSnapshot(plan.machine, incidentInput(plan, null))
  const stray: Obligation = {
    ...(routeSnapshots(plan, null).at(-1)!.context as IncidentContext).obligations[0]!,
    id: 'gone#1',
    rule: 'gone',
  }
  const withStray = withObligations(s, (os) => [...os, stray])
  const back = parseSnapshot<{ context: IncidentContext }>(plan, snapshotText(plan, withStray))
  expect(back.context.obligations.at(-1)).toEqual(stray)
  // Without the plan version (no longer carried), the fields the rule gives cannot come back.
  const bare = parseSnapshot<{ context: IncidentContext }>(undefined, snapshotText(plan, s))
  expect(bare.context.obligations.map((o) => o.id)).toEqual(
    (s.context as IncidentContext).obligations.map((o) => o.id),
  )
})

it('a context whose lists are missing or hold plain values is written as JSON writes it', () => {
  const plan = currentPlans()[0]!
  const s = getInitialSnapshot(plan.machine, incidentInput(plan, null))
  const odd = {
    ...s,
    context: { ...(s.context as IncidentContext), drafts: undefined, acts: ['x', 1, null] },
  } as unknown as AnyMachineSnapshot
  expect(parseSnapshot(plan, snapshotText(plan, odd))).toEqual(whole(plan, odd))
})

describe('a snapshot read from its row and written back after an event', () => {
  const plan = currentPlans()[0]!
  const route = routeSnapshots(plan, null)
  const before = route.find((s) => (s.context as IncidentContext).obligations.length >= 2)!

  it('writes back the same text when nothing changed, and what a fresh write gives after a change', () => {
    const text = snapshotText(plan, before)
    const read = snapshotToChange<AnyMachineSnapshot>(plan, text)
    expect(snapshotText(plan, { ...before, context: read.context } as AnyMachineSnapshot)).toBe(text)
    const { written, fresh } = metAndWrittenBack(plan, before, text)
    expect(written).toBe(fresh)
  })

  it('keeps the text each unchanged item was read from, so only the changed ones are written anew', () => {
    // The first obligation's text in the row has a space a fresh write would not give:
    // written back unchanged, it keeps it; the changed second one is written afresh.
    const text = snapshotText(plan, before).replace('\n{"', '\n{ "')
    const odd = text.slice(text.indexOf('\n{ "') + 1, text.indexOf(',\n'))
    const { changed, written } = metAndWrittenBack(plan, before, text, 1)
    expect(written).toContain(odd)
    expect(parseSnapshot(plan, written)).toEqual(whole(plan, changed))
    // A read that changes nothing (a view, a list) does not pay for finding the texts.
    const viewed = parseSnapshot<AnyMachineSnapshot>(plan, text)
    const again = withObligations({ ...before, context: viewed.context } as AnyMachineSnapshot, (os) => os)
    expect(snapshotText(plan, again)).not.toContain(odd)
  })

  it('writes the same text when it keeps nothing (an incident restored for one change), and after it', () => {
    const text = snapshotText(plan, before)
    const read = snapshotToChange<AnyMachineSnapshot>(plan, text)
    const once = withObligations({ ...before, context: read.context } as AnyMachineSnapshot, (os) =>
      os.map((o, i) => (i === 1 ? { ...o, status: 'met', metAt: o.startedAt } : o)),
    )
    const fresh = (s: AnyMachineSnapshot) =>
      snapshotText(plan, JSON.parse(JSON.stringify(s)) as AnyMachineSnapshot, false)
    expect(snapshotText(plan, once, false)).toBe(fresh(once))
    // The next change of the same incident (now live) finds no text kept by the one before.
    const twice = withObligations(once, (os) => os.map((o, i) => (i === 0 ? { ...o, status: 'met' } : o)))
    expect(snapshotText(plan, twice)).toBe(fresh(twice))
    expect(snapshotText(plan, twice)).toBe(fresh(twice))
  })

  it.each([
    [
      'written whole (before the compact form)',
      (s: AnyMachineSnapshot) => JSON.stringify(plan.machine.getPersistedSnapshot(s)),
    ],
    [
      'with line breaks of its own (indented)',
      (s: AnyMachineSnapshot) => JSON.stringify(plan.machine.getPersistedSnapshot(s), null, 1),
    ],
    [
      'with a line break inside an item',
      (s: AnyMachineSnapshot) => snapshotText(plan, s).replace('\n{"', '\n{\n"'),
    ],
    [
      'with a line break inside its last item',
      (s: AnyMachineSnapshot) => {
        const text = snapshotText(plan, s)
        const end = text.lastIndexOf('\n]') - 1
        return `${text.slice(0, end)}\n${text.slice(end)}`
      },
    ],
    [
      'with characters beyond ASCII as they are, in an item too (written before the escapes)',
      (s: AnyMachineSnapshot) =>
        snapshotText(
          plan,
          withObligations(s, (os) => os.map((o, i) => (i === 1 ? { ...o, label: `${o.label}（改）` } : o))),
        ).replace(/\\u([0-9a-f]{4})/g, (e, hex: string) =>
          Number.parseInt(hex, 16) >= 0x80 ? String.fromCharCode(Number.parseInt(hex, 16)) : e,
        ),
    ],
    [
      'with one line break moved into the item after it (as many lines as items)',
      (s: AnyMachineSnapshot) => {
        const lines = snapshotText(plan, s).split('\n')
        const [a = '', b = ''] = lines.slice(1, 3)
        const at = a.length + b.indexOf(',"') + 1
        lines.splice(1, 2, (a + b).slice(0, at), (a + b).slice(at))
        return lines.join('\n')
      },
    ],
  ])('a row %s is read and written back as a fresh write gives it', (_name, form) => {
    const { written, fresh } = metAndWrittenBack(plan, before, form(before))
    expect(written).toBe(fresh)
  })
})

describe('a list written again after its items moved', () => {
  // snapshot-text.ts reuses the text of the prefix a list shares with the list written
  // before it (found by its first item): whatever happened to the items after that
  // prefix, what is written is the list as it now is.
  const plan = currentPlans()[0]!
  const s = routeSnapshots(plan, null).find((x) => (x.context as IncidentContext).obligations.length >= 3)!
  const same = (changed: AnyMachineSnapshot) =>
    expect(snapshotText(plan, changed)).toBe(
      snapshotText(plan, JSON.parse(JSON.stringify(changed)) as AnyMachineSnapshot),
    )
  const moves: Array<[string, (os: Obligation[]) => Obligation[]]> = [
    ['one appended', (os) => [...os, { ...os[0]!, id: 'more#1' }]],
    ['one replaced in the middle', (os) => os.map((o, i) => (i === 1 ? { ...o, status: 'met' } : o))],
    ['the last removed', (os) => os.slice(0, -1)],
    ['one removed from the middle', (os) => os.filter((_, i) => i !== 1)],
    ['two swapped', ([a, b, ...rest]) => [a!, ...rest, b!]],
    ['emptied', () => []],
  ]
  it.each(moves)('%s', (_name, move) => {
    same(s)
    same(withObligations(s, move))
    // And back: the list written before is found again by its first item.
    same(s)
  })
})

describe('a snapshot whose items hold line breaks, brackets and quotes in their strings', () => {
  // JSON.stringify writes a line break inside a string as `\n`: whatever an item's
  // strings hold, the lines of the text are the items, and a snapshot read back and
  // changed is written as a fresh write gives it.
  const plan = currentPlans()[0]!
  const s = routeSnapshots(plan, null).find((x) => (x.context as IncidentContext).obligations.length >= 3)!
  const hostile = fc
    .array(
      fc.constantFrom(
        '\n',
        '\r',
        '\u2028',
        '"',
        '\\',
        '[',
        ']',
        ',',
        '{',
        '}',
        ':',
        '"acts":[',
        '],\n',
        '中',
        'a',
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(''))

  it('reads back and writes back as a fresh write does', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 3, maxLength: 3 }), fc.nat(2), (labels, changedAt) => {
        const odd = withObligations(s, (os) => os.map((o, i) => (i < 3 ? { ...o, label: labels[i]! } : o)))
        const text = snapshotText(plan, odd)
        expect(parseSnapshot(plan, text)).toEqual(whole(plan, odd))
        const { written, fresh } = metAndWrittenBack(plan, odd, text, changedAt)
        expect(written).toBe(fresh)
      }),
      { numRuns: 200 },
    )
  })
})
