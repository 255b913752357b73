/**
 * Guards in words (zh-CN). The kit's named guards are the same in every plan; a plan's
 * own guards are named here per plan, with the clause they implement (from the
 * comments of machines/<plan>/machine.ts). A guard not listed shows its code name,
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
}

export const PLAN_GUARD_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'hrss-city': {
    mayReport: '报告人只为本部门报送（三第三步 监控员报领导小组；四(二)、五(三)3 由领导小组报市里）',
    groupReported: '已上报局领导小组（可晚报）或经免除（三第三步）',
    whoLeadsSettled: '已按级别确定牵头（四(三)、四(四)）',
    pressReleaseApproved: '所回复的通稿已取得本级全部审批（三第四步）',
    readyToSubside: '评论文章已写、转来的质疑均已回复（三第四步、三第五步）',
    cityAsked: '组长已向市委、市政府请示（四(一)）',
    notFoundTrue: '不实消息未被认定属实（五(三)1）',
    conferenceReady: '已决定召开、已报市委市政府、发布内容已审定（五(三)3）',
  },
  'neixiang-2017': {
    reportsOwnRecipients: '报告人只向本部门可报送的对象报告',
    sourceKnown: '舆情出处已查明或经免除（第六條）',
    ledByPropaganda: '政治性、群体性事件的稿件已经县委宣传部审定（第二條4）',
    canApproveLead: '县委宣传部审定他人起草的未发布稿件（第二條4）',
    responseReady: '领导小组已审定口径（稿件取得全部审批，第三條4、第五條）',
  },
}

export const guardWord = (planId: string, name: string): string | null =>
  PLAN_GUARD_WORDS[planId]?.[name] ?? KIT_GUARD_WORDS[name] ?? null
