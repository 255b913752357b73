/**
 * nanchong-npc-2022 version 9, the reading of 三(二)/(三) a review of version 8 asked for: a
 * lowering owes 市网信办 no 续报 when it has been told of the grade lowered to or a higher one
 * (the text asks that 较大 and above be reported), and 市网信办's opinion is not owed again; told
 * of neither, the report of the grade lowered to is owed (version 8, unchanged); a report
 * 市网信办 is owed and was never given stays owed at 较大 and above (三(二)), and goes at 一般,
 * which the text does not ask to be reported (rule 5).
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import type { Severity } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import { group, monitor, open, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'

const at = (m: number) => addMinutes(T0, m)
const lower = (w: Walker, severity: Severity, when: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判回落' }, { actor: group, at: when })
const owedOf = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.filter((o) => o.rule === rule && o.status === 'owed')

describe('nanchong-npc-2022 v9: a lowering owes 市网信办 no 续报 of a grade it was told of (三(二)/(三))', () => {
  it('特别重大 told to both levels and heard: lowered by the group to 重大, then 较大, nothing is owed upward', () => {
    const w = open('critical')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    w.send('CONVENE', {}, { actor: group, at: at(6) })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: group, at: at(7) })
    lower(w, 'major', at(20))
    lower(w, 'large', at(30))
    expect(owedOf(w.context(), 'report:cac')).toEqual([])
    expect(
      w
        .context()
        .obligations.filter((o) => o.rule === 'opinion:cac')
        .map((o) => o.status),
    ).toEqual(['met'])
    expect(owedOf(w.context(), 'report:group')).toEqual([])
  })

  it('重大 with 市网信办 untold: lowered by the group to 较大 the report stays owed, due as it was; to 一般 it goes', () => {
    const w = open('major')
    reportGroup(w, at(2))
    const due = owedOf(w.context(), 'report:cac').map((o) => o.dueAt)
    expect(due).toEqual([at(62)])
    lower(w, 'large', at(10))
    expect(owedOf(w.context(), 'report:cac').map((o) => o.dueAt)).toEqual(due)
    lower(w, 'general', at(20))
    expect(owedOf(w.context(), 'report:cac')).toEqual([])
  })

  it('control: told of 较大 only, the monitor raises to 特别重大 and the group lowers to 重大: the 重大 report is owed', () => {
    const w = open('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    w.send('SET_SEVERITY', { severity: 'critical', reason: '研判升级' }, { actor: monitor, at: at(8) })
    expect(owedOf(w.context(), 'report:cac')).toEqual([])
    lower(w, 'major', at(11))
    expect(owedOf(w.context(), 'report:cac').map((o) => [o.id, o.startedAt, o.dueAt])).toEqual([
      ['report:cac#2', at(11), at(71)],
    ])
  })
})
