/**
 * Why a numbered item of a plan maps to no state, transition, deadline rule or
 * approval: `{ [planId]: { [ref]: reason } }`. `npm run diagrams` fails on a clause
 * that maps to nothing and has no reason here; a reason for a ref the plan no longer
 * has is reported as a warning. Keep each reason to what the plan's text says.
 */
const HEADING = (children: string) => `章节标题；其下各项（${children}）分别映射或另有说明`
const PURPOSE = '总则性说明（编制目的），不规定处置步骤或时点'
const SCOPE = '适用范围：由选用本预案（预案编号）体现，不是处置步骤'
const ORG = (roles: string) =>
  `组织机构：设立的机构与人员映射为角色（${roles}），体现在各事件的可发送角色中，不是状态或转移`
const STANDING = '常设机制或事前准备，不针对单个舆情事件，没有对应的状态或转移'
const EFFECTIVE = '施行日期与解释权，无流程含义'

export const UNMAPPED_REASONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'hrss-city': {
    一: HEADING('一(一)～一(三)'),
    '一(一)': PURPOSE,
    '一(二)': SCOPE,
    '一(三)': '方针与原则，没有可检查的步骤；“第一时间准确发布”由 三第四步 的回复时限实现',
    二: HEADING('二1、二2'),
    二1: ORG('group 领导小组、principal 组长'),
    二2: `${ORG('office 办公室、monitor 监控员、unit 科室')}；其中监控、报送职责由 三第一步～三第三步 实现`,
    三: `${HEADING('三第一步～三第五步')}；“以正面导向为主，以疏代堵”为总体要求`,
    四: HEADING('四(一)～四(四)'),
    五: HEADING('五(一)～五(三)'),
    '五(一)': HEADING('五(一)1、五(一)2'),
    '五(二)': HEADING('五(二)1～五(二)3'),
    '五(二)1': `制定危机预警方案和判断标准：${STANDING}`,
    '五(二)2':
      '密切关注事态、保持第一时间获知权：监测要求，由 三第二步 的监测（METRICS_UPDATED）体现，没有独立步骤',
    '五(二)3': `与相关政府部门的信息沟通机制：${STANDING}`,
    '五(三)': HEADING('五(三)1～五(三)3'),
  },
  'nanchong-npc-2022': {
    一: HEADING('一(一)～一(四)'),
    '一(一)': PURPOSE,
    '一(二)': '编制依据（所依据的法律法规），不规定处置步骤',
    '一(三)': SCOPE,
    '一(四)':
      '工作原则（明晰职责、快速响应、依法依规），没有可检查的单独步骤；快速响应由 三(二) 的 10 分钟报告时限实现',
    二: HEADING('二(一)～二(三)'),
    '二(一)': ORG('group 应急管理小组、principal 组长'),
    '二(二)': ORG('office 小组办公室（研究室）、monitor 舆情监控员和网络评论员'),
    '二(三)': HEADING('二(三)1～二(三)7'),
    '二(三)3': '应急管理小组的一般职责（研究处理重大事项、协调解决困难），预案未规定触发条件或步骤',
    三: `${HEADING('三(一)～三(六)')}；“以正面导向为主，以疏代堵”为总体要求`,
    四: HEADING('四(一)～四(四)'),
    '四(二)': `通信畅通保障（24 小时通信联络）：${STANDING}`,
    '四(三)': `人力技术保障（评论员队伍、监测软件）：${STANDING}`,
    '四(四)': `预算经费保障：${STANDING}`,
  },
  'nanning-aic-2017': {
    一: SCOPE,
    二: '工作原则（统一领导、条块结合、属地管理…），没有可检查的单独步骤',
    三: ORG('group 领导小组、principal 组长（局长）、leader 新闻宣传分管领导'),
    '三(二)': HEADING('三(二)1～三(二)3'),
    四: HEADING('四(一)～四(五)'),
    五: HEADING('五(一)～五(四)'),
    '五(一)': `组织保障（领导小组按事件选择成员、办公室日常联络）：${STANDING}`,
    '五(三)': `培训保障：${STANDING}`,
  },
  'neixiang-2017': {
    第一條: PURPOSE,
    第二條: HEADING('第二條1～第二條4'),
    第二條2: '强化引导、注重效果：对宣传报道质量的总体要求，没有可检查的步骤或时点',
    第三條: ORG('group 领导小组'),
    第三條2: '对舆情采取措施、协调处理媒体事宜：领导小组职责总述，具体措施由 第五條～第七條 的转移实现',
    第七條: HEADING('第七條1～第七條5'),
    第八條: `网络舆情管理部门之间的沟通协调机制：${STANDING}`,
    第九條: EFFECTIVE,
  },
  'saws-2014': {
    一: HEADING('一(一)、一(二)'),
    '一(一)': PURPOSE,
    '一(二)': '概念定义（网络言论、网络舆情），不规定处置步骤',
    二: HEADING('二(一)～二(三)'),
    '二(二)': '积极发声、正面引导：原则性要求，由 五(四) 的回应转移具体实现',
    四: HEADING('四(一)～四(四)'),
    五: `${HEADING('五(一)～五(五)')}；“坚持正面导向，以疏代堵”为总体要求`,
    七: EFFECTIVE,
  },
}

/**
 * Clauses the machine implements only in part: `{ [planId]: { [ref]: what is not } }`.
 * The matrix shows them as 部分映射 with this sentence; keep it to what the text asks
 * and the machine does not check.
 */
export const PARTLY_MAPPED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'hrss-city': {
    三第二步:
      '“贯穿始终，直至平息”的持续监测不是可检查的步骤：只记录监测数据（METRICS_UPDATED）和恶化时的续报，不检查监测频次',
    '五(三)2': '“第一时间发出官方声音”未给时长：只由 三第四步 的 12 小时回复时限检查，会商对策本身不计时',
    六: '只记录总结评估（REVIEW）；表彰、追责和修改完善工作方案在系统之外，不检查',
  },
  'saws-2014': {
    '五(一)3':
      '“立即电话报告”未给时长：系统按本地政策 30 分钟检查；专报的内容要求（经主要领导和分管领导批示）只记录批示，不检查专报内容',
    '五(二)': '“持续跟踪直至平息”不是可检查的步骤：只记录监测数据和发酵、扩大时的再报告，不检查跟踪频次',
    '六(四)': '只记录总结评估（SUMMARISE）；经验教训和改进意见的内容不检查',
  },
  'nanning-aic-2017': {
    '四(一)': '“定期浏览主流媒体”是值守安排，不针对单个事件；只记录发现和固定证据（KEEP_EVIDENCE）',
    '五(四)':
      '超时、超时上报，以及向上级报告超时后的追究责任（第 10 版起应办，HOLD_ACCOUNTABLE）；通报表彰和其他追责（执行不力、擅自透露信息）在系统之外，不检查',
  },
  'nanchong-npc-2022': {
    '三(四)4': '线下处置（调查核实、整改、追责、解决诉求）只记录其结果，不检查每一项是否做到',
    '三(六)': '只记录总结评估；表扬与责任追究、修改完善工作方案在系统之外，不检查',
    '四(一)': '部门间保持沟通联系是常设机制：只记录向市网信办的报告和意见，不检查日常沟通',
  },
  'neixiang-2017': {
    第七條4: '“方法得当”不可检查；“防止事态反复”只记录反复（RELAPSE）并回到引导，不检查关注媒体动态的频次',
  },
}
