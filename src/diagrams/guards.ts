/**
 * Guards in words (zh-CN). The kit's named guards are the same in every plan; a plan's
 * own guards are named here per plan, with the clause they implement (from the
 * comments of machines/<plan>/chart/guards.ts). A guard not listed shows its code name,
 * so a missing entry is visible on the page rather than invented.
 */
export const KIT_GUARD_WORDS: Readonly<Record<string, string>> = {
  isOpen: '未结束',
  isUnclassified: '未定级',
  isClassified: '已定级',
  approvalsComplete: '稿件已取得本级全部审批',
  hasUnescalatedBreach: '有超时尚未上报',
  canWithdrawDraft: '稿件未发布且撤回人有权撤回',
  canWaive: '该应办事项待办且免除人有权免除',
  canDecide: '该决定待作出且决定人有权决定',
  duePassed: '应办事项到期仍待办（系统计时）',
  canRequote: '到期时间待按新日历数据重算',
  settled: '无待办的应办事项',
  freshDraft: '所指稿件存在且未撤回、未发布',
  namesOwed: '未指明应办事项，或所指明的应办事项待办且由此办结',
}

export const PLAN_GUARD_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'hrss-city': {
    mayReport: '报告人只为本部门报送（三第三步 监控员报领导小组；四(二)、五(三)3 由领导小组报市里）',
    groupReported: '已上报局领导小组（可晚报）或经免除（三第三步）',
    whoLeadsSettled: '已按级别确定牵头（四(三)、四(四)）',
    pressReleaseApproved: '所回复的通稿已取得本级全部审批（三第四步；第 3 版起须为未发布过的稿件）',
    readyToSubside: '评论文章已写、转来的质疑均已回复（三第四步、三第五步）',
    commentaryFromDraft:
      '有自最近一次舆情反复（或舆情发生）以来起草、已发布或已取得本级全部审批的现行通稿（三第四步 根据通稿撰写网络评论文章；第 9 版；无通稿时可由领导小组免除评论文章）',
    cityAsked: '组长已向市委、市政府请示（四(一)）',
    cityLeadRequested:
      '特别重大，领导小组最近一次决定请示、组长已请示，且本次请示后尚未记录市委、市政府的领导（四(一)；第 8 版）',
    notFoundTrue: '不实消息未被认定属实（五(三)1）',
    conferenceReady: '已决定召开、已报市委市政府、发布内容已审定（五(三)3）',
  },
  'saws-2014': {
    routeIs: '涉事原因对应该回应方式（五(四)）',
    reported: '已按级别报送人事司(宣教办)，重大以上已启动预案（五(一)1～3）',
    readyToRespond:
      '报告、应对意见已办（第 4 版起较大须经分管领导批准），重大以上专报、批示和应对会已办（五(一)、五(三)）',
    publicStepAllowed:
      '稿件已取得本级审批（五(一)1 本单位负责人审定、五(一)2 分管领导批准），较大的应对意见已批准（第 4 版起），重大以上应办事项已办',
    convenerEntitled:
      '重大以下由人事司(宣教办)通知、组织会商；重大以上分管领导亦可（五(一)1、五(三)2、五(三)3）',
    convenerEntitledV6:
      '重大以下由人事司(宣教办)通知、组织会商；重大以上分管领导亦可，但通知相关单位待办时由人事司(宣教办)通知（五(一)1、五(三)2、五(三)3，第 6 版起）',
    reportWaived: '本级别报送人事司(宣教办)已免除，无待办报送（第 4 版，免除即放行）',
    mayImplement: '较大的应对意见已经分管领导批准，重大以上批示、应对会等已办（五(一)2、五(一)3）',
    maySubside: '回应方式的各项和简报已办结（五(四)、五(一)2）',
    aftercareDone: '本级别和涉事原因的善后工作已办结（五(五)）',
    routeDutyOwed: '涉事原因改变后有回应方式的事项待办（五(四)）',
    resultInOrder: '解决问题或深挖线索已办理或经免除（五(四)2、五(四)3）',
    categoryChanges: '所定涉事原因与现有的不同（第 7 版：改变定性须重新批准或重开应对会，五(一)2、五(三)3）',
  },
  'nanning-aic-2017': {
    reviewWaived:
      '领导小组决定的回顾总结已免除，且其后未再决定回顾总结（四(五)，第 5 版；免除即放行：本地政策）',
    reviewSettled:
      '领导小组最近决定的回顾总结已免除，不再待办（四(五)，第 6 版起；再次决定即重新应办；免除即放行：本地政策）',
    reportInOrder: '逐级报告：报送人可报该对象，且上一级已收到报告或经领导小组免除（四(二)；免除：本地政策）',
    officeHasReport: '市局办公室已收到报告或经免除（四(三)）',
    majorOrAbove: '重大敏感负面舆情（五(二)）',
    formalNotStarted: '尚未启动按程序办理（五(二)）',
    canExtend: '5 个工作日的答复待办且未到期，可说明理由延长（五(二)）',
    replyOwed: '正式答复待办（5 或延长后 10 个工作日，五(二)）',
    interviewAuthorized: '领导小组已授权接受记者采访（四(四)）',
    outletAuthorized:
      '领导小组某次授权所针对的媒体（该次授权前所提请），授权后尚未采访，且其后事态未反复（四(四)，第 10 版起每次授权一次）',
    measuresOrdered: '领导小组最近一次决定为采取处置措施（非不作公开回应），即授权发布（四(四)，第 10 版起）',
    mayWaive: '免除人有权免除，且不是绕过本级审批（四(四)）',
    ordersReview: '领导小组决定进行回顾总结（四(五)）',
    reviewDeclined: '领导小组决定不进行回顾总结（四(五)）',
    commentPartOfSender:
      '所办部分属报送人：办公室办三(二)1 部分（通报引导信息、组织协调网上评论），有关单位办三(二)3 部分（提出引导口径、组织网上评论）（第 13 版起）',
    leadsSourceAtGrade:
      '新闻宣传分管领导仅在重大及以上牵头源头化解（四(四)，第 13 版起）；各有关单位各等级均可（三(二)3）',
    liaisesAtGrade:
      '新闻宣传分管领导仅在重大及以上与有关部门沟通（四(四) 重大由其牵头，第 15 版起）；办公室各等级均可（三(二)1、五(一)）',
  },
  'nanchong-npc-2022': {
    mayReport: '逐级报送：报送市网信办由应急管理小组在其收到报告后进行（三(二)）',
    reportsToGroup: '报送对象包括应急管理小组（三(二)）',
    groupHasReport: '已定级且应急管理小组已收到报告（三(三)）',
    mayRegrade: '监控员可定级和升级，不可降级（本地政策）',
    opinionDue: '较大及以上：市网信办已收到报告，其意见待办（三(三)）',
    measuresDue: '处置措施待定，且市网信办意见已办结（三(三)）',
    measuresFinal: '分析会已确定处置措施（三(四)）',
    isComplex: '已认定为范围广、情况复杂（三(四)1）',
    stanceFirst: '复杂情形已先行表态（三(四)1）',
    replyRoute: '涉事原因为咨询、质疑、诉求、意见建议（属实批评：本地政策；举报须先调查，三(四)1）',
    explainRoute: '涉事原因须作解释说明（三(四)1）',
    refuteRoute: '涉事原因为谣言、恶意炒作：辟谣（三(四)1）',
    releasable: '稿件未发布、未撤回且取得本级全部审批',
    consentRequested: '该内容已提请市网信办同意（三(五)）',
    consentNames: '屏蔽的内容为市网信办同意所列（三(五)）',
    concluded: '复杂情形已作结论回应（三(四)1）',
    responseEnds: '复杂情形已作结论回应，且信息类别已认定或经免除（三(四)1，第11版：本地政策）',
    channelFits: '回应方式与稿件相符：发布会通报稿只用于新闻发布会（二(三)2，第4版）',
    channelSignedOff: '按小组审定的发布方式发布（二(三)2，第4版）',
    conferenceSignedOff: '发布会通报稿经小组审定用于新闻发布会（三(四)3、二(三)2，第4版）',
  },
  'neixiang-2017': {
    nothingOwed: '无任何应办事项（免除即放行，规则2：本地政策）',
    reportsOwnRecipients: '报告人只向本部门可报送的对象报告',
    reportsTo: '报送对象包括所列之一（第四條；第 7 版起，只通报有关单位和部门不离开发现阶段）',
    sourceKnown: '舆情出处已查明或经免除（第六條）',
    ledByPropaganda: '政治性、群体性事件的稿件已经县委宣传部审定（第二條4）',
    canApproveLead: '县委宣传部审定他人起草的未发布稿件（第二條4）',
    releasable:
      '所指稿件未发布、未撤回，取得本级全部审批，政治性、群体性事件另经县委宣传部审定（第七條3、第三條4、第二條4）',
    responseReady: '领导小组已审定口径（稿件取得全部审批，第三條4、第五條）',
  },
}

export const guardWord = (planId: string, name: string): string | null =>
  PLAN_GUARD_WORDS[planId]?.[name] ?? KIT_GUARD_WORDS[name] ?? null
