/**
 * Vocabulary labels (machines/vocabulary.ts) and DECIDE's answer (是/否). The
 * browser loads this file as it is (no build step: src/console/routes.ts), so the zh labels of
 * phases, categories and deadlines are a copy, held to the vocabulary by tests/console/terms.test.ts.
 * A draft's purpose is not named here (purpose-words.js is the one table of those, the documents'
 * too), nor a recipient, channel or kind an event carries: each plan names its own (labels.js).
 */
import { FACT_WORDS } from './fact-words.js'

export const terms = {
  zh: {
    phase: {
      discovery: '发现',
      reporting: '报告',
      consultation: '会商',
      response: '回应',
      disposal: '消除影响',
      review: '总结评估',
      closed: '结束',
    },
    severity: { minor: '影响较小', general: '一般', large: '较大', major: '重大', critical: '特别重大' },
    category: {
      suggestion: '意见建议',
      inquiry: '咨询',
      doubt: '质疑',
      demand: '诉求',
      criticism: '属实批评',
      tip_off: '举报',
      misreading: '法规误读',
      rumor: '谣言',
      malicious: '恶意炒作',
      political_mass: '重大政治性或群体性事件',
    },
    role: {
      monitor: '舆情监测',
      office: '办公室',
      unit: '业务单位',
      legal: '法制部门',
      spokesperson: '新闻发言人',
      leader: '分管领导',
      principal: '主要领导',
      group: '领导小组',
      auditor: '审计（只读）',
      admin: '管理员',
      newsLeader: '分管新闻宣传的领导',
      unitHead: '股室主要负责人',
      discipline: '纪检监察组或机关纪委',
      system: '系统',
    },
    deadline: {
      report: '报告时限',
      reply: '回复时限',
      publish: '发布时限',
      initialResponse: '初步回应时限',
      formalReply: '答复时限',
      formalReplyExtended: '延长答复时限',
    },
    // The plan page's words (fact-words.js, the one table of them); a plan's own word where its
    // text has one is fact-names.js's.
    fact: Object.fromEntries(
      Object.entries(FACT_WORDS).map(([code, word]) => [code, word.replace(`（${code}）`, '')]),
    ),
    // DECIDE's answer. The codes an event's field carries are named by the plan (labels.js: the
    // names GET /plans/:id serves, the documents' too), not by one word shared by every plan.
    value: {
      yes: '是',
      no: '否',
    },
  },
  en: {
    phase: {
      discovery: 'discovery',
      reporting: 'reporting',
      consultation: 'consultation',
      response: 'response',
      disposal: 'disposal',
      review: 'review',
      closed: 'closed',
    },
    severity: { minor: 'minor', general: 'general', large: 'large', major: 'major', critical: 'critical' },
    category: {
      suggestion: 'suggestion',
      inquiry: 'inquiry',
      doubt: 'doubt',
      demand: 'demand',
      criticism: 'founded criticism',
      tip_off: 'tip-off',
      misreading: 'misreading of a rule',
      rumor: 'rumour',
      malicious: 'malicious hype',
      political_mass: 'major political or mass incident',
    },
    role: {
      monitor: 'monitor',
      office: 'office',
      unit: 'unit',
      legal: 'legal',
      spokesperson: 'spokesperson',
      leader: 'leader in charge',
      principal: 'principal leader',
      group: 'leading group',
      auditor: 'auditor (read-only)',
      admin: 'admin',
      newsLeader: 'leader in charge of news and publicity',
      unitHead: 'head of the section',
      discipline: 'discipline inspection body',
      system: 'system',
    },
    deadline: {
      report: 'report',
      reply: 'reply',
      publish: 'publish',
      initialResponse: 'initial response',
      formalReply: 'formal reply',
      formalReplyExtended: 'extended formal reply',
    },
    fact: {
      clicksPerDay: 'Clicks per day',
      reposts: 'Weibo/blog reposts',
      sites: 'Sites',
      crossRegion: 'Crosses regions',
      largeImageImpact: 'Large effect on the image',
      mainstreamMedia: 'Exposed by mainstream media',
      foreignMedia: 'Foreign media attention',
      coalOrLocalBureau:
        'Concerns the coal mine safety inspection system or a local safety supervision bureau',
      majorEmergency: 'Concerns a major emergency',
    },
    value: { yes: 'yes', no: 'no' },
  },
}
