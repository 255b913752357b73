/**
 * The documents each plan requires, as data: which grades need them, the plan's own
 * headings, and what each section is filled with. The renderer (src/documents) knows
 * no plan; each entry cites the clause that requires the document.
 */
import type { DocumentSection, DocumentSpec } from './kit/types.js'

const s = (heading: string, kind: Exclude<DocumentSection['kind'], 'entries'>): DocumentSection => ({
  heading,
  kind,
})
const e = (heading: string, ...events: string[]): DocumentSection => ({ heading, kind: 'entries', events })

const review = (clause: string, summaryEvents: string[], title = '舆情处置总结评估'): DocumentSpec => ({
  name: 'review',
  title,
  clause,
  sections: [
    s('一、事件概况', 'incident'),
    s('二、传播情况', 'facts'),
    s('三、级别变化及理由', 'severityChanges'),
    s('四、处置经过', 'timeline'),
    s('五、时限执行情况', 'deadlines'),
    e('六、总结评估与改进意见', ...summaryEvents),
    s('附：处置记录校验', 'verification'),
  ],
})

export const PLAN_DOCUMENTS: Record<string, readonly DocumentSpec[]> = {
  'saws-2014': [
    {
      name: 'special-report',
      title: '舆情专报',
      clause: '五(一)3',
      severities: ['major', 'critical'],
      sections: [
        s('一、舆情概况', 'incident'),
        s('二、传播态势', 'facts'),
        e('三、报告与应急预案启动情况', 'REPORT', 'ACTIVATE_PLAN', 'SUBMIT_SPECIAL_REPORT'),
        e('四、领导批示', 'PRINCIPAL_INSTRUCT', 'LEADER_INSTRUCT'),
        s('五、时限', 'deadlines'),
      ],
    },
    {
      name: 'briefing',
      title: '舆情处置简报',
      clause: '五(一)2',
      severities: ['large'],
      sections: [
        s('一、舆情概况', 'incident'),
        e('二、定性与处置建议', 'PROPOSE', 'LEADER_APPROVE'),
        e('三、回应情况', 'RESPOND', 'PUBLISH_RESULT'),
        e('四、简报报送', 'BRIEF_LEADERS'),
      ],
    },
    review('六(四)', ['SUMMARISE']),
  ],
  'hrss-city': [
    {
      name: 'filing',
      title: '舆情备案',
      clause: '四(三)',
      severities: ['general'],
      sections: [
        s('一、舆情概况', 'incident'),
        s('二、传播情况', 'facts'),
        e('三、报告与备案', 'REPORT', 'FILE_RECORD'),
      ],
    },
    review('六', ['REVIEW']),
  ],
  'nanchong-npc-2022': [review('三(六)', ['REVIEW', 'START_REVIEW'])],
  'neixiang-2017': [review('第七條4', ['REVIEW'], '结案记录（本地政策：本办法未规定总结评估）')],
  'nanning-aic-2017': [
    {
      name: 'report',
      title: '舆情报告',
      clause: '四(二)',
      sections: [
        s('一、舆情概况', 'incident'),
        e('二、媒体与网络平台、基本情况（时间、地点、涉及单位、过程、结果）、跟贴言论倾向', 'REPORT'),
        s('三、固定证据', 'evidence'),
        s('四、时限', 'deadlines'),
      ],
    },
    review('四(五)', ['REVIEW', 'DECIDE'], '舆情处置回顾总结'),
  ],
}
