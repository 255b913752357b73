/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), the current version: blocking with
 * 市网信办's consent (三(五)), asked for as soon as the content is identified, naming what it covers.
 */
import { describe, expect, it } from 'vitest'
import type { Walker } from '../helpers/machine.js'
import { accepted, office, one, open, toResponse } from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022 三(五): blocking with 市网信办’s consent', () => {
  const request = (w: Walker, target: string) =>
    w.send('REQUEST_BLOCK_CONSENT', { target, kind: 'false' }, { actor: office })

  it('consent names the content it covers: a block of other content is refused', () => {
    const w = toResponse('general')
    request(w, '帖子A')
    request(w, '帖子B')
    w.send('CAC_CONSENT_BLOCK', { targets: ['帖子A'] }, { actor: office })
    expect(accepted(w, office, 'BLOCK_CONTENT', { target: '帖子B', kind: 'false' })).toBe(false)
    expect(accepted(w, office, 'BLOCK_CONTENT', { target: '帖子A', kind: 'false' })).toBe(true)
  })

  it('consent can be asked for as soon as the content is identified, before any report; consent follows a request', () => {
    const w = open(null)
    expect(accepted(w, office, 'CAC_CONSENT_BLOCK', { targets: ['帖子A'] })).toBe(false)
    expect(accepted(w, office, 'REQUEST_BLOCK_CONSENT', { target: '帖子A', kind: 'harmful' })).toBe(true)
    expect(w.phase()).toBe('discovery')
    expect(accepted(w, office, 'CAC_CONSENT_BLOCK', { targets: ['帖子A'] })).toBe(true)
    expect(one(w, 'block').status).toBe('owed')
    expect(accepted(w, office, 'BLOCK_CONTENT', { target: '帖子A', kind: 'harmful' })).toBe(true)
    expect(one(w, 'block').status).toBe('met')
  })

  it('without consent nothing is blocked', () => {
    const w = toResponse('general')
    request(w, '帖子A')
    expect(accepted(w, office, 'BLOCK_CONTENT', { target: '帖子A', kind: 'false' })).toBe(false)
  })
})
