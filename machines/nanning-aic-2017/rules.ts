/**
 * 南宁市工商局突发事件舆情应对预案 as data: grades and their criteria (四(三)),
 * deadlines (五(二)), report recipients (四(二)、五(二)), approvals (四(四)) and the
 * numbered items of the text. See ../shared/seeds/nanning-aic-2017.txt.
 */
import type {
  ApprovalRequirement,
  Classification,
  DeadlineRule,
  PlanClause,
  PlanDefinition,
} from '../kit/types.js'
import { type Category, clause, type Facts, type Severity } from '../vocabulary.js'

export const PLAN_ID = 'nanning-aic-2017'

/** 微博转发“达20条以上”: 20 itself is major (达 = reaches). */
export const MAJOR_REPOSTS = 20

export const severities: PlanDefinition['severities'] = [
  { code: 'general', label: '一般舆情' },
  { code: 'major', label: '重大舆情（重要敏感）' },
  { code: 'critical', label: '特别重大敏感舆情' },
]

/**
 * 四(三): 重大 = (跨市区 and 对市局整体形象有较大影响) or 自治区、市级主流媒体(论坛)曝光
 * or 微博转发达20条以上; everything else is 一般. 特别重大敏感 (五(二)) has no criteria:
 * a person sets it.
 */
export function classify(facts: Facts): Classification {
  if (facts.crossRegion === true && facts.largeImageImpact === true)
    return { severity: 'major', rule: '跨市区且对市局整体形象有较大影响（四(三)）' }
  if (facts.mainstreamMedia === true)
    return { severity: 'major', rule: '被自治区、市级主流媒体（论坛）曝光（四(三)）' }
  if ((facts.reposts ?? 0) >= MAJOR_REPOSTS)
    return { severity: 'major', rule: `微博转发达${MAJOR_REPOSTS}条以上（四(三)）` }
  return {
    severity: 'general',
    rule: '未达重大舆情标准，按一般舆情（四(三)；既不符合一般也不符合重大的事实从低，本地政策）',
  }
}

/** 五(二): 意见、建议和诉求 — what a netizen voices expecting an answer. */
export const ANSWERABLE: readonly Category[] = ['suggestion', 'inquiry', 'doubt', 'demand', 'criticism']

export const deadlines: DeadlineRule[] = [
  {
    id: 'report-major',
    name: 'report',
    clause: '五(二)',
    policy: null,
    text: '重要敏感（重大）舆情：发现后 4 小时内向上级报告',
    anchor: 'discoveredAt',
    amount: 4,
    unit: 'hours',
    severities: ['major'],
    startsOn: 'open',
    metBy: 'report',
    restartOnRaise: true,
  },
  {
    id: 'report-critical',
    name: 'report',
    clause: '五(二)',
    policy: null,
    text: '特别重大敏感舆情：发现后 2 小时内向上级报告',
    anchor: 'discoveredAt',
    amount: 2,
    unit: 'hours',
    severities: ['critical'],
    startsOn: 'open',
    metBy: 'report',
    restartOnRaise: true,
  },
  {
    id: 'publish',
    name: 'publish',
    clause: '五(二)',
    policy: null,
    text: '重大、特别重大敏感舆情：发现后 24 小时内通过网络发布权威信息',
    anchor: 'discoveredAt',
    amount: 24,
    unit: 'hours',
    severities: ['major', 'critical'],
    startsOn: 'open',
    metBy: 'release',
  },
  {
    id: 'initialResponse',
    name: 'initialResponse',
    clause: '五(二)',
    policy: null,
    text: '网民意见、建议和诉求：知晓发帖内容后 3 个工作小时内初步回应（非工作时间顺延）',
    anchor: 'knownAt',
    amount: 3,
    unit: 'workingHours',
    categories: ANSWERABLE,
    startsOn: 'open',
    metBy: 'initialResponse',
  },
  {
    id: 'formalReply',
    name: 'formalReply',
    clause: '五(二)',
    policy: null,
    text: '需按程序办理的：经部门领导审定，知晓后 5 个工作日内确定答复意见（节假日顺延）',
    anchor: 'knownAt',
    amount: 5,
    unit: 'workingDays',
    startsOn: { step: 'formalHandling' },
    metBy: 'formalReply',
  },
  {
    id: 'formalReplyExtended',
    name: 'formalReplyExtended',
    clause: '五(二)',
    policy: null,
    text: '确需延长办理时间并作出说明的：知晓后最长 10 个工作日内答复（取代 5 个工作日时限）',
    anchor: 'knownAt',
    amount: 10,
    unit: 'workingDays',
    startsOn: { step: 'extension' },
    metBy: 'formalReply',
    supersedes: ['formalReply'],
  },
]

/**
 * Who a report must reach before the `report` step is done, by grade. 四(二): 分管领导、
 * 主要领导 and 市局办公室, which reports to 分管新闻宣传工作的局领导; 五(二): 重要敏感 and
 * 特别重大敏感 also go to 上级.
 */
export const RECIPIENTS = ['leader', 'principal', 'office', 'newsLeader', 'higher'] as const
export const RECIPIENT_LABELS: Record<(typeof RECIPIENTS)[number], string> = {
  leader: '分管领导',
  principal: '主要领导',
  office: '市局办公室',
  newsLeader: '分管新闻宣传工作的局领导',
  higher: '上级',
}
const internal = ['leader', 'principal', 'office', 'newsLeader'] as const
export const reportRecipients: Partial<Record<Severity, readonly string[]>> = {
  general: internal,
  major: [...internal, 'higher'],
  critical: [...internal, 'higher'],
}

const leaderApproval: ApprovalRequirement = {
  code: 'leaderApproval',
  label: '新闻宣传分管领导审定',
  event: 'LEADER_APPROVE',
  clause: '四(四)',
}
const sectionReview: ApprovalRequirement = {
  code: 'sectionReview',
  label: '业务股室主要负责人审核',
  event: 'SECTION_REVIEW',
  clause: '四(四)',
}
const groupApproval: ApprovalRequirement = {
  code: 'groupApproval',
  label: '领导小组审定',
  event: 'GROUP_APPROVE',
  clause: '四(四)',
}
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [leaderApproval],
  major: [sectionReview, groupApproval],
  critical: [sectionReview, groupApproval],
}

/** Who may send the events every open phase accepts. */
export const common = {
  monitor: {
    roles: ['monitor', 'office', 'unit'] as const,
    meta: clause('四(一)、四(四)', '密切关注事态发展，更新监测数据'),
  },
  regrade: { roles: ['office', 'group'] as const, meta: clause('四(三)、五(二)', '研判调整舆情等级') },
  categorize: { roles: ['office', 'group'] as const, meta: clause('五(二)', '认定网民意见、建议或诉求类别') },
  escalate: {
    roles: ['office', 'group'] as const,
    meta: clause('五(四)', '贻误时机、未及时上报的，超时上报并追究责任'),
  },
}

/** Every numbered item of the text, with a short excerpt. */
export const clauses: PlanClause[] = [
  { ref: '一', text: '适用范围：南宁市范围内涉及工商职能、可能引起公众普遍关注的突发事件舆情处置' },
  { ref: '二', text: '工作原则：统一领导、条块结合、属地管理、协作配合、讲求方法' },
  { ref: '三', text: '领导小组组长由局长担任，新闻宣传工作分管领导为副组长' },
  { ref: '三(一)', text: '领导小组：查清事件真相，确定事件性质；决定各项具体措施；评估、总结' },
  { ref: '三(二)', text: '相关成员单位职责' },
  {
    ref: '三(二)1',
    text: '办公室：收集研判舆情，提供处置建议；统一协调媒体采访；审核以市局名义发布的上网信息',
  },
  { ref: '三(二)2', text: '法制科：对舆情危机处置提供法律支持，对事件定性提供法律依据' },
  { ref: '三(二)3', text: '各有关单位：网上巡查，快速调查，源头化解；提出答复内容，单位主要负责人签署意见' },
  { ref: '四', text: '流程' },
  { ref: '四(一)', text: '发现：定期浏览主流媒体；对刊载舆情的报纸、电视、广播、网页及时保存，固定证据' },
  {
    ref: '四(二)',
    text: '报告：逐级报告分管领导、主要领导，同时报送市局办公室；写明媒体、基本情况、言论倾向',
  },
  { ref: '四(三)', text: '评估：办公室评估态势并提出意见；分一般舆情与重大舆情（转发达20条以上等）' },
  {
    ref: '四(四)',
    text: '处置：一般由办公室牵头、分管领导审定；重大经股室负责人审核、领导小组审定，再统一发布',
  },
  { ref: '四(五)', text: '后续：妥善处理、不再关注、民情平和，处置结束；领导小组可根据需要确定人员回顾总结' },
  { ref: '五', text: '保障机制' },
  { ref: '五(一)', text: '组织保障：领导小组可有重点地选择小组成员；办公室负责日常联络' },
  {
    ref: '五(二)',
    text: '响应保障：4小时/2小时内向上级报告，24小时内发布；3小时初步回应；5至10个工作日答复',
  },
  { ref: '五(三)', text: '培训保障：由办公室牵头做好舆情应对业务培训' },
  { ref: '五(四)', text: '奖惩保障：及时有效的通报表彰；贻误时机、隐瞒不报或未及时上报的追究责任' },
]
