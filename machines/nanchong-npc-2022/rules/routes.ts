/** 三(四)1: the response routes by category, and the channels a response goes out on. */
import type { Category } from '../../vocabulary.js'

/** 三(四)1 回应方式; version 4 adds 新闻发布会 (三(四)3), the channel of a conference text. */
export const CHANNELS = ['online', 'pressRelease', 'emergencyMessage', 'officialAccount'] as const
export const CHANNELS_V4 = [...CHANNELS, 'pressConference'] as const

/** 三(四)1 routes by category: who answers and how. */
export const ROUTES = {
  reply: ['inquiry', 'doubt', 'demand', 'criticism', 'suggestion'],
  explain: ['misreading'],
  refute: ['rumor', 'malicious'],
  investigate: ['tip_off'],
} as const satisfies Record<string, readonly Category[]>
