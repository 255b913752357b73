/**
 * Version 10's events: version 8's, with the commentators (role monitor, 舆情评论员) among those
 * who rebut (第六條 組織輿情主體單位和評論員，對負面質疑進行反駁) and who handle early and post
 * follow-ups (第四條 輿情評論員…在報告的同時采用“及時處理、組織跟帖”), and WAIVE's policy naming
 * 县委办、县政府办's coordination (第二條3) among what only they waive (rules/roles.ts `commonV10`).
 */
import type { EventSpec } from '../kit/types.js'
import { eventsV8 } from './events-v8.js'
import { commonV10 } from './rules.js'

const withMonitor = (e: EventSpec): EventSpec => ({ ...e, roles: [...e.roles, 'monitor'] })

export const eventsV10: EventSpec[] = eventsV8.map((e) => {
  if (e.type === 'REBUT' || e.type === 'HANDLE_EARLY') return withMonitor(e)
  if (e.type === 'WAIVE') return { ...e, roles: commonV10.waive.roles, meta: commonV10.waive.meta }
  return e
})
