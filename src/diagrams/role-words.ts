/** Roles in words (zh-CN), as the console names them. */

/** Roles in the console's words (src/console/static/i18n.js). */
export const ROLE_LABELS: Record<string, string> = {
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
}

/** Roles in words, joined with 、. */
export const rolesWords = (roles: readonly string[]): string =>
  roles.map((r) => ROLE_LABELS[r] ?? r).join('、')
