/**
 * Every event of every plan version names each role that may send it once: the roles are what
 * GET /plans shows, what a 403 lists and what the diagrams print (nanning-aic-2017 12's DECIDE
 * listed `unitHead` twice, from two rules that each added the unit's head).
 */
import { describe, expect, it } from 'vitest'
import { PLAN_VERSIONS } from '../../machines/index.js'

describe('the roles of each event', () => {
  for (const plan of PLAN_VERSIONS)
    it(`${plan.id}@${plan.version}: names each role once`, () => {
      const repeated = plan.events
        .filter((e) => new Set(e.roles).size !== e.roles.length)
        .map((e) => `${e.type}: ${e.roles.join('/')}`)
      expect(repeated).toEqual([])
    })
})
