/**
 * What the engine suites share (engine.test.ts, engine-errors.test.ts, engine-deadlines.test.ts):
 * engines opened on a store kind and closed after each test, the office as caller, and a check
 * that a promise rejects with an AppError of a given code.
 */
import { afterEach, expect } from 'vitest'
import { AppError } from '../../src/errors.js'
import {
  caller,
  type DbHandle,
  freshEngine,
  newDb,
  type TestClock,
  type TestEngine,
} from '../helpers/engine.js'
import type { StoreKind } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

export const office = caller('office')
const opened: TestEngine[] = []
async function open(db: DbHandle, clock?: TestClock, plans?: typeof toyRegistry) {
  const t = await freshEngine(db, clock, plans)
  opened.push(t)
  return t
}

/**
 * Engines on `kind`, each closed after its test (call it in the suite's describe): `setup` serves
 * the real plans; `toy` the kit's test plan, with one due time (the report to the group, 30 min)
 * while ungraded or general.
 */
export function engines(kind: StoreKind) {
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.store.close().catch(() => undefined)
  })
  const setup = async (clock?: TestClock) => open(await newDb(kind), clock)
  const toy = async (db?: DbHandle, clock?: TestClock) => open(db ?? (await newDb(kind)), clock, toyRegistry)
  return { setup, toy }
}

/** Awaits `p`, expecting an AppError with `code`; returns it. */
export async function rejects(p: Promise<unknown>, code: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(AppError)
  expect((e as AppError).code).toBe(code)
  return e as AppError
}
