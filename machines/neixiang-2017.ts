/**
 * 內鄉縣負面網絡輿情應急處置辦法 (內政辦〔2017〕156號). Clause references use the
 * text's own numbering and script (第四條, 第七條3). See ../shared/seeds/neixiang-2017.txt.
 */
import { setup } from 'xstate'
import { z } from 'zod'
import { commonEventSpecs, commonTransitions, createKit, deadlineRegions, fields } from './kit/kit.js'
import type {
  DeadlineRule,
  EventSpec,
  IncidentContext,
  IncidentEvent,
  IncidentInput,
  PlanDefinition,
} from './kit/types.js'
import { clause, type Facts, policy } from './vocabulary.js'

export const PLAN_ID = 'neixiang-2017'

/** The text names no criteria: a person grades (第二條1, 第二條3). */
const classify = (_facts: Facts) => ({
  severity: null,
  rule: '本办法未规定量化标准，由人工定级（第二條1、第二條3）',
})

const deadlines: DeadlineRule[] = [
  {
    id: 'report',
    name: 'report',
    clause: '第四條',
    policy: '“第一时间”未给出时长；本地默认 30 分钟',
    text: '发现后 30 分钟内向领导小组汇报（本地政策默认值）',
    anchor: 'discoveredAt',
    amount: 30,
    unit: 'minutes',
    startsOn: 'open',
    metBy: 'report',
    restartOnRaise: true,
  },
]

/** Who must hear the first report, by grade (第四條 领导小组; 第二條1 主要领导; 第二條3 上级). */
const reportRecipients = {
  general: ['group'],
  major: ['group', 'principal'],
  critical: ['group', 'principal', 'higher'],
} as const

const approvals = {
  general: [{ code: 'line', label: '领导小组审定口径', event: 'AGREE_LINE', clause: '第七條3' }],
  major: [{ code: 'line', label: '领导小组审定口径', event: 'AGREE_LINE', clause: '第七條3' }],
  critical: [
    { code: 'line', label: '领导小组审定口径', event: 'AGREE_LINE', clause: '第七條3' },
    { code: 'county', label: '县委办、县政府办组织协调', event: 'COORDINATE', clause: '第二條3' },
  ],
}

const common = {
  monitor: { roles: ['monitor', 'office'] as const, meta: clause('第四條', '舆情评论员收集苗头动向') },
  regrade: { roles: ['office', 'group'] as const, meta: clause('第二條1', '研判调整级别') },
  categorize: { roles: ['office', 'group'] as const, meta: clause('第二條4', '分类处理') },
  escalate: { roles: ['office', 'group'] as const, meta: policy('超时须向上级报告，本地政策', '超时上报') },
}

/** The grades this plan uses (general is local policy: the text names no lower grade). */
const GRADES = ['general', 'major', 'critical'] as const

const kit = createKit({ classify, deadlines, approvals })

export const machine = setup({
  types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
  guards: kit.guards,
  actions: kit.actions,
  delays: kit.delays,
}).createMachine({
  id: PLAN_ID,
  type: 'parallel',
  context: ({ input }) => kit.initialContext(input),
  states: {
    phase: {
      initial: 'discovery',
      meta: policy('阶段区域：六个阶段与结束', '阶段'),
      on: commonTransitions(common),
      states: {
        discovery: {
          meta: clause('第四條', '发现'),
          initial: 'triage',
          states: {
            triage: {
              meta: policy('开案时定级与否决定首步', '分流'),
              always: [
                { guard: 'isUnclassified', target: 'grading', meta: clause('第二條1', '未定级') },
                { target: 'found', meta: clause('第四條', '已定级') },
              ],
            },
            grading: {
              meta: clause('第二條1', '研判定级'),
              always: { guard: 'isClassified', target: 'found', meta: clause('第二條1', '已由调整级别定级') },
              on: {
                CLASSIFY: {
                  target: 'found',
                  guard: 'isUnclassified',
                  actions: 'setSeverity',
                  meta: clause('第二條1', '定级'),
                },
              },
            },
            found: {
              meta: clause('第四條', '已发现，待汇报'),
              on: {
                REPORT: {
                  target: '#neixiang-2017.phase.reporting',
                  actions: { type: 'recordReport', params: { required: reportRecipients } },
                  meta: clause('第四條', '向领导小组汇报并提出处置建议'),
                },
              },
            },
          },
        },
        reporting: {
          meta: clause('第四條', '报告'),
          initial: 'handlingAlongside',
          states: {
            handlingAlongside: {
              meta: clause('第四條', '报告的同时及时处理、组织跟帖、公布事实'),
              on: {
                REPORT: {
                  actions: { type: 'recordReport', params: { required: reportRecipients } },
                  meta: clause('第二條1', '补报主要领导或上级'),
                },
                HANDLE_EARLY: {
                  actions: { type: 'completeStep', params: { step: 'earlyHandling' } },
                  meta: clause('第四條', '及时处理、组织跟帖、公布事实'),
                },
                STATE_POSITION: {
                  actions: { type: 'completeStep', params: { step: 'position' } },
                  meta: clause('第七條1', '第一时间表明态度'),
                },
                CONVENE: {
                  target: '#neixiang-2017.phase.consultation',
                  guard: { type: 'stepDone', params: { step: 'report' } },
                  meta: clause('第三條4', '领导小组研判'),
                },
              },
            },
          },
        },
        consultation: {
          meta: clause('第三條4', '领导小组审定处置预案'),
          initial: 'deciding',
          states: {
            deciding: {
              meta: clause('第三條4', '审定处置预案、确定宣传报道内容'),
              on: {
                AGREE_LINE: {
                  actions: { type: 'approve', params: { code: 'line' } },
                  meta: clause('第七條3', '拿出统一解释口径'),
                },
                COORDINATE: {
                  guard: { type: 'severityAtLeast', params: { min: 'critical' } },
                  actions: { type: 'approve', params: { code: 'county' } },
                  meta: clause('第二條3', '县委办、县政府办组织协调'),
                },
                STATE_POSITION: {
                  actions: { type: 'completeStep', params: { step: 'position' } },
                  meta: clause('第七條1', '第一时间表明态度'),
                },
                START_RESPONSE: {
                  target: '#neixiang-2017.phase.response',
                  guard: 'approvalsComplete',
                  meta: clause('第五條', '启动响应机制'),
                },
              },
            },
          },
        },
        response: {
          meta: clause('第五條', '舆情引导'),
          initial: 'releasing',
          states: {
            releasing: {
              meta: clause('第七條3', '按口径发布'),
              on: {
                // A rise to 特别重大 during the response adds the county offices' coordination (第二條3).
                AGREE_LINE: {
                  actions: { type: 'approve', params: { code: 'line' } },
                  meta: clause('第七條3', '拿出统一解释口径'),
                },
                COORDINATE: {
                  guard: { type: 'severityAtLeast', params: { min: 'critical' } },
                  actions: { type: 'approve', params: { code: 'county' } },
                  meta: clause('第二條3', '县委办、县政府办组织协调'),
                },
                RELEASE: {
                  target: 'following',
                  guard: 'approvalsComplete',
                  actions: { type: 'completeStep', params: { step: 'release' } },
                  meta: clause('第七條1', '快讲事实，慎讲原因'),
                },
              },
            },
            following: {
              meta: clause('第六條', '澄清、反驳、引导'),
              on: {
                RELEASE_STAGE: {
                  actions: { type: 'completeStep', params: { step: 'stagedRelease' } },
                  meta: clause('第七條3', '梯度发布信息'),
                },
                PRESS_CONFERENCE: {
                  guard: { type: 'severityAtLeast', params: { min: 'major' } },
                  actions: { type: 'completeStep', params: { step: 'pressConference' } },
                  meta: clause('第五條', '新闻发布会、通气会'),
                },
                REBUT: {
                  actions: { type: 'completeStep', params: { step: 'rebuttal' } },
                  meta: clause('第六條', '组织主体单位和评论员反驳质疑'),
                },
                MAINSTREAM_RELEASE: {
                  actions: { type: 'completeStep', params: { step: 'mainstream' } },
                  meta: clause('第六條', '负面影响增大时在主流媒体发布'),
                },
                SUBSIDE: {
                  target: '#neixiang-2017.phase.disposal',
                  meta: clause('第六條', '早平息'),
                },
              },
            },
          },
        },
        disposal: {
          meta: clause('第七條4', '消除负面报道危害'),
          initial: 'clearing',
          states: {
            clearing: {
              meta: clause('第七條2', '协助处理违法信息'),
              on: {
                REMOVE_ILLEGAL: {
                  actions: { type: 'completeStep', params: { step: 'removal' } },
                  meta: clause('第七條2', '及时处理违法信息'),
                },
                DISPOSAL_DONE: {
                  target: '#neixiang-2017.phase.review',
                  meta: clause('第七條5', '影响降到最低'),
                },
                RELAPSE: { target: '#neixiang-2017.phase.response', meta: clause('第七條4', '防止事态反复') },
              },
            },
          },
        },
        review: {
          meta: policy('本办法未规定总结评估；本地政策：简短结案记录', '结案记录'),
          initial: 'closingOut',
          states: {
            closingOut: {
              meta: policy('简短结案记录', '结案记录'),
              on: {
                REVIEW: {
                  target: '#neixiang-2017.phase.closed',
                  actions: { type: 'completeStep', params: { step: 'review' } },
                  meta: policy('简短结案记录后结束', '结案'),
                },
                RELAPSE: { target: '#neixiang-2017.phase.response', meta: clause('第七條4', '防止事态反复') },
              },
            },
          },
        },
        closed: { type: 'final', meta: policy('结束', '结束'), entry: 'closeIncident' },
      },
    },
    deadlines: deadlineRegions(deadlines),
  },
})

/** Who a report can reach: 领导小组 (第四條), 县委、政府主要领导 (第二條1), 上级有关部门 (第二條3). */
const to = z
  .array(z.enum(['group', 'principal', 'higher']))
  .min(1)
  .describe('报送对象：group 领导小组；principal 县委、政府主要领导；higher 上级有关部门')
const events: EventSpec[] = [
  ...commonEventSpecs(common, GRADES),
  {
    type: 'CLASSIFY',
    label: '研判定级',
    roles: ['office', 'group'],
    meta: clause('第二條1', '定级'),
    schema: z.object({ severity: z.enum(GRADES), reason: fields.note }).strict(),
  },
  {
    type: 'REPORT',
    label: '汇报',
    roles: ['monitor', 'office'],
    meta: clause('第四條', '第一时间向领导小组汇报'),
    schema: z
      .object({ to, proposal: z.string().trim().min(1).max(4000).describe('处置建议'), note: fields.note })
      .strict(),
  },
  {
    type: 'HANDLE_EARLY',
    label: '报告同时先行处置',
    roles: ['office', 'unit'],
    meta: clause('第四條', '及时处理、组织跟帖、公布事实'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'STATE_POSITION',
    label: '表明态度',
    roles: ['office', 'spokesperson'],
    meta: clause('第七條1', '明确态度'),
    schema: z.object({ statement: z.string().trim().min(1).max(4000).describe('表态内容') }).strict(),
  },
  {
    type: 'CONVENE',
    label: '领导小组研判',
    roles: ['group', 'office'],
    meta: clause('第三條4', '审定处置预案'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'AGREE_LINE',
    label: '审定统一口径',
    roles: ['group'],
    meta: clause('第七條3', '统一解释口径'),
    schema: z.object({ line: z.string().trim().min(1).max(4000).describe('统一口径') }).strict(),
  },
  {
    type: 'COORDINATE',
    label: '县委办、县政府办协调',
    roles: ['principal'],
    meta: clause('第二條3', '特别重大舆情组织协调'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'START_RESPONSE',
    label: '启动响应',
    roles: ['group', 'office'],
    meta: clause('第五條', '启动响应机制'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'RELEASE',
    label: '发布信息',
    roles: ['spokesperson', 'office'],
    meta: clause('第七條1', '快讲事实，慎讲原因'),
    schema: z
      .object({
        channel: z.string().trim().min(1).max(200).describe('发布渠道'),
        content: z.string().trim().min(1).max(20000).describe('发布内容'),
      })
      .strict(),
  },
  {
    type: 'RELEASE_STAGE',
    label: '梯度发布',
    roles: ['spokesperson', 'office'],
    meta: clause('第七條3', '分阶段发布'),
    schema: z.object({ content: z.string().trim().min(1).max(20000).describe('本阶段发布内容') }).strict(),
  },
  {
    type: 'PRESS_CONFERENCE',
    label: '新闻发布会',
    roles: ['spokesperson', 'group'],
    meta: clause('第五條', '新闻发布会、通气会'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'REBUT',
    label: '组织反驳',
    roles: ['office', 'unit'],
    meta: clause('第六條', '对负面质疑进行反驳'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'MAINSTREAM_RELEASE',
    label: '主流媒体发布',
    roles: ['group', 'office'],
    meta: clause('第六條', '在主流媒体发布'),
    schema: z.object({ outlet: z.string().trim().min(1).max(200).describe('媒体') }).strict(),
  },
  {
    type: 'SUBSIDE',
    label: '舆情平息',
    roles: ['office', 'group'],
    meta: clause('第六條', '早平息'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'REMOVE_ILLEGAL',
    label: '处理违法信息',
    roles: ['office', 'unit'],
    meta: clause('第七條2', '处理违法信息'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'DISPOSAL_DONE',
    label: '消除影响完毕',
    roles: ['office', 'group'],
    meta: clause('第七條5', '影响降到最低'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'RELAPSE',
    label: '事态反复',
    roles: ['monitor', 'office', 'group'],
    meta: clause('第七條4', '防止事态反复'),
    schema: z.object({ reason: fields.reason }).strict(),
  },
  {
    type: 'REVIEW',
    label: '结案记录',
    roles: ['office', 'group'],
    meta: policy('简短结案记录', '结案'),
    schema: z.object({ summary: z.string().trim().min(1).max(20000).describe('结案记录') }).strict(),
  },
]

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 1,
  title: '內鄉縣負面網絡輿情應急處置辦法',
  issuer: '內鄉縣人民政府辦公室',
  severities: [
    { code: 'general', label: '一般（本地政策）' },
    { code: 'major', label: '重大' },
    { code: 'critical', label: '特別重大' },
  ],
  hasCriteria: false,
  classify,
  deadlines,
  approvals,
  events,
  clauses: [
    {
      ref: '第一條',
      text: '總則：及時、準確發布有關信息，澄清事實，引導輿論，消除網絡媒體報道可能造成的負面影響',
    },
    { ref: '第二條', text: '工作原則' },
    {
      ref: '第二條1',
      text: '及時主動，準確把握：公安網監和信息公開辦第一時間作出反應，向縣委、政府主要領導報送準確信息',
    },
    { ref: '第二條2', text: '強化引導，注重效果：提高正確引導輿論的意識和工作水平' },
    {
      ref: '第二條3',
      text: '明確職責：縣委宣傳部統一協調；特別重大網絡輿情由縣委辦、縣政府辦組織協調并及時上報上級',
    },
    { ref: '第二條4', text: '突出導向，分類處理：涉及重大政治性、群體性事件的，由縣委宣傳部牽頭負責' },
    { ref: '第三條', text: '組織機構：設立網絡輿情應急處置工作領導小組' },
    { ref: '第三條1', text: '及時落實主要領導關于網絡輿情的批示要求' },
    { ref: '第三條2', text: '對涉及內鄉的網絡輿情采取有效措施，協調和處理與媒體的相關事宜' },
    { ref: '第三條3', text: '根據需要確定網絡輿情突發事件應對新聞發言人' },
    {
      ref: '第三條4',
      text: '審定輿情處置預案，確定宣傳報道內容，安排新聞發布，接待、引導采訪事件的媒體記者',
    },
    {
      ref: '第三條5',
      text: '收集、跟蹤、分析、處置境內外輿情，及時向主要領導匯報情況，指導相關單位澄清事實，批駁謠言',
    },
    { ref: '第三條6', text: '向相關領導和部門及時上報輿情信息處理進展情況' },
    {
      ref: '第四條',
      text: '輿情預警：對發現的輿情，須第一時間向領導小組匯報，并提出輿情處置建議；報告的同時及時處理',
    },
    {
      ref: '第五條',
      text: '輿情引導：第一時間啟動響應機制；有重大影響的輿情以新聞發布會、通氣會等形式迅速反應',
    },
    {
      ref: '第六條',
      text: '輿情處置：早發現、早報告、早處置、早平息；組織主體單位和評論員反駁；必要時在主流媒體發布',
    },
    { ref: '第七條', text: '輿情應對' },
    { ref: '第七條1', text: '明確態度：應在第一時間表明態度，快講事實，慎講原因' },
    { ref: '第七條2', text: '提高速度：迅速與有關單位和媒體取得聯系，協助工作人員及時處理違法信息' },
    { ref: '第七條3', text: '把握尺度：及時拿出統一的解釋口徑；調查時間較長時考慮梯度發布信息' },
    { ref: '第七條4', text: '規範法度：消除負面報道危害時方法得當，密切關注媒體動態，防止事態反復' },
    { ref: '第七條5', text: '提高滿意度：力爭把重大輿情和網絡不良信息的影響降低到最低程度' },
    { ref: '第八條', text: '輿情協調：建立宣傳、公安、通信、信息公開等網絡輿情管理部門的溝通協調機制' },
    { ref: '第九條', text: '本辦法自印發之日起實施' },
  ],
  machine,
}
