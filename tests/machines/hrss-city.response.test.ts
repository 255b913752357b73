/**
 * 舆情应急预案（市人社局）, the current version: 三第四步 the reply releases an approved press release,
 * the commentary and the referred queries come before it subsides; 五(三) 应对 (removing what is
 * false, the press conference).
 */
import { describe, expect, it } from 'vitest'
import { plan, planV3 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { buildView } from '../../src/engine/view.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import {
  approvedDraft,
  decide,
  GROUP,
  H,
  MONITOR,
  OFFICE,
  ob,
  open,
  report,
  SPOKES,
  toConsultation,
  toGuiding,
  took,
  UNIT,
} from './hrss-city.walks.js'

describe('hrss-city: 三第四步 the reply releases an approved press release', () => {
  it('counts 12 hours from when the incident occurred', () => {
    const w = open({ occurredAt: addMinutes(T0, -10 * H) })
    expect(ob(w, 'reply#1')).toMatchObject({
      kind: 'release',
      dueAt: addMinutes(T0, 2 * H),
      owedBy: ['spokesperson'],
    })
  })

  it('the reply names an approved 通稿: no draft, an unapproved one, or one approved by its author is refused', () => {
    const w = toConsultation('minor')
    w.send('START_RESPONSE')
    expect(took(w, 'REPLY', { draftId: 'd1', channel: '微博' }, SPOKES)).toBe(false)
    const deputy = { name: '副组长兼办公室主任', role: 'office' } as const
    w.send('DRAFT', { content: '通稿', purpose: 'pressRelease' }, { actor: deputy })
    expect(ob(w, 'approval:groupApproval:d1#1')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(took(w, 'REPLY', { draftId: 'd1', channel: '微博' }, SPOKES)).toBe(false)
    expect(took(w, 'APPROVE_RELEASE', { draftId: 'd1' }, { ...deputy, role: 'group' })).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: GROUP })
    w.send('REPLY', { draftId: 'd1', channel: '微博' }, { actor: SPOKES })
    expect(ob(w, 'reply#1').status).toBe('met')
    expect(w.context().drafts[0]?.releasedAt).not.toBeNull()
  })

  it('a second text needs its own approvals (after a relapse)', () => {
    const w = toGuiding('minor')
    decide(w, DECISIONS.pressConference, 'no')
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    w.send('SUBSIDE')
    w.send('RELAPSE', { reason: '反复' }, { actor: MONITOR })
    // Version 3: the text published before is not published again as the new reply.
    expect(took(w, 'REPLY', { draftId: 'd1', channel: '微博' }, SPOKES)).toBe(false)
    w.send('DRAFT', { content: '新通稿', purpose: 'pressRelease' }, { actor: OFFICE })
    expect(took(w, 'REPLY', { draftId: 'd2', channel: '微博' }, SPOKES)).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd2' }, { actor: GROUP })
    expect(took(w, 'REPLY', { draftId: 'd2', channel: '微博' }, SPOKES)).toBe(true)
    expect(ob(w, 'reply#2').status).toBe('met')
  })

  it('the owed reply after a relapse offers a new draft in the view (version 4), never the published one the machine refuses', () => {
    const row = {
      id: 'i1',
      organisation: 'default',
      version: 1,
      source: null,
      relatedTo: null,
      owner: null,
      createdAt: T0,
      updatedAt: T0,
    }
    const relapsed = (w: Walker) => {
      decide(w, DECISIONS.pressConference, 'no')
      w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
      w.send('SUBSIDE')
      w.send('RELAPSE', { reason: '反复' }, { actor: MONITOR })
      expect(took(w, 'REPLY', { draftId: 'd1', channel: '微博' }, SPOKES)).toBe(false)
      return w
    }
    const owedReply = (version: typeof plan, w: Walker) =>
      buildView(version, w.actor.getSnapshot(), row).obligations.find((o) => o.id === 'reply#2')
    const w = relapsed(toGuiding('minor'))
    expect(owedReply(plan, w)?.discharge).toEqual({ type: 'REPLY', fields: {} })
    expect(owedReply(plan, w)?.firstStep).toEqual({
      type: 'DRAFT',
      fields: { purpose: 'pressRelease' },
      roles: ['office', 'unit'],
    })
    // Version 3, kept for its incidents, still names the published d1 there.
    const v3 = relapsed(toGuiding('minor', toConsultation('minor', startIncident(planV3, {}, OFFICE))))
    expect(owedReply(planV3, v3)?.discharge).toMatchObject({ type: 'REPLY', fields: { draftId: 'd1' } })
  })

  it('commentary articles (三第四步) and every referred query (三第五步) come before it subsides', () => {
    const w = toGuiding('general')
    expect(ob(w, 'commentary#1').status).toBe('owed')
    w.send('REFER_QUERY', { query: '质疑' }, { actor: MONITOR })
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(false)
    w.send('ANSWER_PLAN', { plan: '方案' }, { actor: GROUP })
    w.send('REFER_QUERY', { query: '再质疑' }, { actor: MONITOR })
    expect(ob(w, 'answer:query#2').status).toBe('owed')
    w.send('ANSWER_PLAN', { plan: '方案二' }, { actor: GROUP })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(true)
  })
})

describe('hrss-city: 五(三) 应对', () => {
  it('五(三)1: contacting sites is possible from discovery on, and counts when the category is set later', () => {
    const w = open()
    const at = addMinutes(T0, 3)
    expect(took(w, 'REMOVE_FALSE', { outlet: '某网站' }, OFFICE, at)).toBe(true)
    w.send('SET_CATEGORY', { category: 'rumor' }, { actor: MONITOR })
    expect(ob(w, 'removeFalse#1')).toMatchObject({ status: 'met', metAt: at, clause: '五(三)1' })
    const v = open({ category: 'criticism' })
    expect(took(v, 'REMOVE_FALSE', { outlet: '某网站' }, OFFICE)).toBe(false)
  })

  it('五(三)3: a press conference is decided, owes a report to 市委、市政府 (who name the speaker), then the conference', () => {
    const w = toGuiding('major')
    decide(w, DECISIONS.pressConference, 'yes')
    expect(ob(w, 'report:cityLeadership#1')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(ob(w, 'release:conference#1').status).toBe('owed')
    const d = approvedDraft(w, 'conference')
    const fields = { draftId: d, speaker: '市政府指定发言人' }
    expect(took(w, 'PRESS_CONFERENCE', fields, SPOKES)).toBe(false)
    report(w, ['cityLeadership'], GROUP)
    expect(took(w, 'PRESS_CONFERENCE', fields, SPOKES)).toBe(true)
    expect(ob(w, 'release:conference#1').status).toBe('met')
  })
})
