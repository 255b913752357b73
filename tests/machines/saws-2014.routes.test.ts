/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version: the response routes by category
 * (五(四)), the steps each owes before the incident may subside.
 */
import { describe, expect, it } from 'vitest'
import { R } from '../../machines/saws-2014/rules.js'
import type { Category } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  actCurrent as act,
  can,
  OFF,
  one,
  openCurrent as open,
  route,
  toResponseCurrent as toResponse,
} from './saws-2014.helpers.js'

describe('saws-2014 response routes (五(四))', () => {
  const started = (category: Category | null) => toResponse(open('general', { category }))
  const where = (w: Walker) => (w.value() as { phase: { response: unknown } }).phase.response

  it.each([
    ['suggestion', 'replying', []],
    ['doubt', 'answering', []],
    ['criticism', { owningUp: 'responding' }, [R.solve, R.result]],
    ['tip_off', { investigating: 'responding' }, [R.investigate, R.result]],
    ['rumor', { refuting: 'responding' }, [R.takedown]],
    ['malicious', { containing: 'responding' }, [R.contain]],
  ] as const)('%s → %o owes %o before it may subside', (category, state, rules) => {
    const w = started(category)
    expect(where(w)).toEqual(state)
    for (const r of rules) expect(one(w, r).status).toBe('owed')
    route(w)
    for (const r of rules) expect(one(w, r).status).toBe('met')
    expect(can(w, 'SUBSIDE')).toBe(true)
  })

  it('done before owed counts: a takedown requested before the category was set meets the rumor route’s', () => {
    const w = toResponse(open('general', { category: null }))
    act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] }, addMinutes(T0, 30))
    act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })
    expect(one(w, R.takedown)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 30) })
  })

  it('a category changed after the answer owes the new route’s steps before it may subside', () => {
    const w = started('suggestion')
    route(w)
    act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })
    expect(can(w, 'SUBSIDE')).toBe(false)
    expect(where(w)).toEqual({ owningUp: 'remedying' })
  })
})
