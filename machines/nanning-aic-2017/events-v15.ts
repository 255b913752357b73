/**
 * Version 15's events (README "Version 15"): version 13's (and 14's), with LIAISE's meta saying who
 * liaises at which grade — the office at every grade (三(二)1、五(一)), 新闻宣传分管领导 at 重大 and above
 * (四(四) 对重大舆情，由新闻宣传分管领导牵头; the chart refuses that leader at 一般). Its senders stay the
 * office and 新闻宣传分管领导.
 */
import type { EventSpec } from '../kit/types.js'
import { clause } from '../vocabulary.js'
import { eventsV13 } from './events-v13.js'

const liaise = (e: EventSpec): EventSpec => ({
  ...e,
  meta: clause(
    '四(四)、三(二)1、五(一)',
    '办公室（各等级，日常联络）或新闻宣传分管领导（重大及以上，牵头处置）与宣传部、应急办、维稳办、综治办、公安机关等部门沟通',
  ),
})

export const eventsV15: EventSpec[] = eventsV13.map((e) => (e.type === 'LIAISE' ? liaise(e) : e))
