/** The response routes of 五(四)1–5 by the incident's category, and the response channels it names. */
import type { Category } from '../../vocabulary.js'

/** The response routes of 五(四)1–5; `answering` for the causes it does not single out. */
export type Route =
  | 'categorising'
  | 'replying'
  | 'owningUp'
  | 'investigating'
  | 'refuting'
  | 'containing'
  | 'answering'
export const routeOf = (c: Category | null): Route => {
  switch (c) {
    case null:
      return 'categorising'
    case 'suggestion':
      return 'replying'
    case 'criticism':
      return 'owningUp'
    // 五(四)3 names a tip-off 线索不明晰; a clear tip has no route of its own in the text either,
    // so every tip-off is investigated (跟踪深挖线索、严查) and its result published.
    case 'tip_off':
      return 'investigating'
    case 'rumor':
      return 'refuting'
    case 'malicious':
      return 'containing'
    default:
      return 'answering'
  }
}

/** Response channels named in 五(四). */
export const CHANNELS = [
  'followPost',
  'expertInterview',
  'commentary',
  'pressConference',
  'pressRelease',
  'mediaInterview',
] as const
export const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  followPost: '跟帖答复',
  expertInterview: '专家访谈',
  commentary: '网络评论',
  pressConference: '新闻发布会或通报会',
  pressRelease: '新闻通稿',
  mediaInterview: '接受记者采访',
}
