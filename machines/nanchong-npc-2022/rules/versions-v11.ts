/**
 * What version 11 owes differently from version 8 (versions 8, 9 and 10 share their rules), from
 * a review of version 10, derived from its list (rules/versions-v8.ts `obligationsV8`).
 */
import type { ObligationRule } from '../../kit/types.js'
import { common } from './roles.js'
import { obligationsV8 } from './versions-v8.js'

/**
 * 三(四)1 对于网上的咨询、诉求、举报等信息，原则上均予正面回应 — by the category of the information
 * (咨询、质疑、诉求 …、举报 …、求证、揣测、虚假类), each with its own route. The text names no step that
 * sets the category; version 10 owed none, so an incident opened without one owed no answer at all.
 */
export const CATEGORIZE_POLICY =
  '预案未单列认定步骤：三(四)1 原则上均予正面回应，按信息类别分别回应；本地政策：立案时未认定信息类别的，' +
  '由小组办公室或小组认定（“及时开展处置”未给时长，不设时限），应急处置结束（舆情平息）前须已认定或经小组免除'

/** Version 11: the category owed while none is set (kit condition `uncategorised`). */
const categorize: ObligationRule = {
  id: 'step:categorize',
  kind: 'step',
  label: '认定信息类别（咨询、质疑、诉求、举报、误读、意见建议或求证揣测虚假类），以定回应方式',
  clause: '三(四)1',
  policy: CATEGORIZE_POLICY,
  owedBy: common.categorize.roles,
  when: { uncategorised: true },
  discharge: { type: 'SET_CATEGORY', fields: {} },
}

/**
 * 三(四)4 对涉举报类的，要尽快调查核实，对于属实的要立即主动整改，迅速查出责任人员: the duty follows from
 * the recorded finding 属实 (INVESTIGATE, which only a tip-off's route accepts), not from the category
 * held afterwards. Version 10 limited both to the 举报 category, and a change of category after the
 * finding (e.g. to 属实批评) withdrew them.
 */
export const FINDING_KEPT =
  '举报经调查核实属实的，整改和查出责任人员依属实的核实结论照旧须办，不因其后改定信息类别而撤回（三(四)4）'

/**
 * Version 11 (the review of version 10): `step:categorize` before the answers (三(四)1), and the
 * rectification and accountability of a tip-off found true without the category limit (三(四)4);
 * the tip-off's own answer stays with the 举报 route — a change of category owes the new
 * category's answer instead (the reply to 属实批评, met at once by a reply already given, rule 6).
 */
export const obligationsV11: readonly ObligationRule[] = obligationsV8.flatMap((r) => {
  if (r.id === 'answer:reply') return [categorize, r]
  if (r.id === 'offline:rectify' || r.id === 'offline:accountability') {
    const { categories: _tipOff, ...rest } = r
    return [{ ...rest, policy: FINDING_KEPT }]
  }
  return [r]
})
