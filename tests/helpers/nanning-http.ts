/**
 * 南宁市工商局预案 through the HTTP API (the console's tests and the API's): an incident opened as a
 * rumor (nothing counted in working hours, the categorisation, is owed) and walked to the group's
 * decision of the measures, where the comment judgements and decision:liaise are asked.
 */
import { reportFields } from './nanning.js'

/** A request as the caller's client makes it (its own tokens and checks); its JSON answer. */
export type Call = (
  who: 'monitor' | 'leader' | 'office' | 'group',
  method: 'POST',
  path: string,
  body: Record<string, unknown>,
) => Promise<unknown>

/** Opened (titled `title`), evidence kept, reported up, assessed, measures decided: its id. */
export async function measuresDecided(call: Call, title: string): Promise<string> {
  const { id } = (await call('monitor', 'POST', '/incidents', {
    planId: 'nanning-aic-2017',
    title,
    category: 'rumor',
  })) as { id: string }
  const send = (who: Parameters<Call>[0], type: string, fields: Record<string, unknown> = {}) =>
    call(who, 'POST', `/incidents/${id}/events`, { type, ...fields })
  await send('monitor', 'KEEP_EVIDENCE', {
    kind: 'webpage',
    description: '微博原帖截图',
    reference: 'sha256:abc',
  })
  await send('monitor', 'REPORT', reportFields(['leader', 'office']))
  await send('leader', 'REPORT', reportFields(['principal']))
  await send('office', 'REPORT', reportFields(['newsLeader']))
  await send('office', 'ASSESS', { assessment: '转发量上升', proposal: '需要应对，发布核查情况' })
  await send('group', 'DECIDE_MEASURES', { measures: '核查并发布情况通报' })
  return id
}
