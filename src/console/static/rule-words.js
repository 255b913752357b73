/**
 * What an obligation rule's kit options say it does — when it is owed again (`again`), what a
 * change of grade does to it, `keyedBy`, `dischargeOne`, the draft it is written from
 * (`usesDraft`), the draft purposes an approval is asked of (`purposes`) — in the one wording the plan page's
 * tables (src/diagrams/plan-tables.ts), the rule's line (src/diagrams/labels.ts `appliesText`)
 * and the console's plan page (views/plan-obligations.js) share. Plain JavaScript with no
 * imports: the browser loads it as it is (src/console/routes.ts), and the diagrams import it
 * (rule-words.d.ts gives its types). Codes are named by the caller's `names` (grades, events,
 * facts and fields in the plan's words); `say(key, params)` fills a template of RULE_STRINGS.
 */

/** The templates in zh-CN (the plan page's words) and English (the console's toggle). */
export const RULE_STRINGS = {
  zh: {
    'plans.again': '级别升高后再次应办（续报）',
    'plans.againOnceHolds': '级别升高后，条件再次成立时再次应办（续报）',
    'plans.againEvents': '{events}后再次应办',
    'plans.againOnYes': '已办结或免除后，再次决定为是时重新应办',
    'plans.againOnYesSince': '再次决定为是时，{event}之后、决定之前已办的计入（{event}之前所办不计）',
    'plans.againCategoryChanged': '已定性后改变定性时再次应办',
    'plans.againCategoryUntilAdmitted':
      '在不适用的级别改变定性（或再次应办的一项被撤回）的，重新适用时再次应办',
    'plans.againFactsTurned': '监测到{facts}转为“是”时再次应办',
    'plans.againOnceSettled': '仍待办时不重复应办（前一次办结或免除后才再次应办）',
    'plans.againAfterBreach': '在办一项已超时的，升级时另起一项',
    'plans.againToldSameGrade': '升级回到已报告过的级别时，已告知该级别的对象不再重复应办',
    'plans.againFirstGrading': '未定级的事件首次定为{grades}时，视同升级再次应办',
    'plans.againLowered':
      '降级时，前一项在{event}之前已办结或免除的，自降级时起再次应办（{event}之前的办理不再计入）',
    'plans.againLoweredLatest': '最近一次{events}',
    'plans.againLoweredFirst': '首次{events}',
    'plans.againRevivesWithdrawn':
      '应办者降级而撤回的，再次升级时沿用原时限（原时限已过或由他人降级的，重新计时）',
    'plans.againBreached': '办结或免除后所列事项再次超时的，再次应办',
    'plans.keyedBy': '按{event}的“{field}”所列每项各应办一项，以“{as}”为该项的{discharge}办结',
    'plans.dischargeOne': '每项各须办理：一次办理只办结所指明的一项（未指明时办结最早的一项）',
    'plans.listAnd': '、',
    'plans.listOr': '或',
    'plans.usesDraft': '根据{purpose}撰写：待办且{purpose}未发出时，{purpose}的审批仍应办',
    'plans.purposes': '稿件用途：{list}',
    'plans.listPurposes': '、',
  },
  en: {
    'plans.again': 'owed again after a rise (follow-up report)',
    'plans.againOnceHolds': 'owed again after a rise, once its condition holds again (follow-up report)',
    'plans.againEvents': 'owed again after {events}',
    'plans.againOnYes': 'owed anew, once met or waived, when the decision is answered yes again',
    'plans.againOnYesSince':
      'answered yes again: a step taken after {event}, before the answer, counts (one before {event} does not)',
    'plans.againCategoryChanged': 'owed again when a category already set is changed',
    'plans.againCategoryUntilAdmitted':
      'a category changed at a grade it does not apply to (or an instance owed again and withdrawn): owed again once it applies',
    'plans.againFactsTurned': 'owed again when the monitoring turns {facts} to yes',
    'plans.againOnceSettled': 'not asked again while still owed (only once the one before is met or waived)',
    'plans.againAfterBreach': 'one owed and already breached: a rise begins another beside it',
    'plans.againToldSameGrade':
      'risen again to a grade already reported: not owed again to a recipient told of that grade',
    'plans.againFirstGrading': 'owed again, as at a rise, when an ungraded incident is first graded {grades}',
    'plans.againLowered':
      'owed again from a lowering when the one before was met or waived before {event} (what was done before it no longer counts)',
    'plans.againLoweredLatest': 'the latest {events}',
    'plans.againLoweredFirst': 'the first {events}',
    'plans.againRevivesWithdrawn':
      'withdrawn by a lowering its owers made: a rise again keeps the withdrawn due time (a new window once that has passed, or after a lowering by anyone else)',
    'plans.againBreached': 'owed again when a listed obligation breaches after this one was met or waived',
    'plans.keyedBy':
      'owed once for each entry of “{field}” a {event} lists, each met by a {discharge} whose “{as}” is that entry',
    'plans.dischargeOne':
      'each owed on its own: one step meets only the one it names (the oldest if it names none)',
    'plans.listAnd': ', ',
    'plans.listOr': ' or ',
    'plans.usesDraft':
      'written from the {purpose}: while this is owed and the {purpose} has not gone out, its approvals are still owed',
    'plans.purposes': 'only for drafts whose purpose is {list}',
    'plans.listPurposes': ' or ',
  },
}

/** `template` with its `{name}` placeholders filled from `params` (unknown ones left as they are). */
export function fill(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`))
}

/**
 * The words of a rule as GET /plans/:id serves it (its `again`, `keyedBy`, `dischargeOne`,
 * `discharge`), in the order the 条件 column gives them. `names`: `grade(code)`, `event(type)`,
 * `fact(code)` and `field(types, field)` — the label of `field` in the first of the events
 * `types` (else any event) that has it, with that event's type: `{ event, label }`, or undefined.
 */
export function ruleWords(o, say, names) {
  const a = o.again
  const and = (xs) => xs.join(say('plans.listAnd'))
  const or = (xs) => xs.join(say('plans.listOr'))
  const out = []
  if (a?.onceConditionHolds) out.push(say('plans.againOnceHolds'))
  else if (a?.raise) out.push(say('plans.again'))
  if (a?.events?.length) out.push(say('plans.againEvents', { events: and(a.events.map(names.event)) }))
  if (a?.onYes) out.push(say('plans.againOnYes'))
  if (a?.onYes && a.onYesSince) {
    const { events, latest } = a.onYesSince
    const which = say(latest ? 'plans.againLoweredLatest' : 'plans.againLoweredFirst', {
      events: or(events.map(names.event)),
    })
    out.push(say('plans.againOnYesSince', { event: which }))
  }
  if (a?.categoryChanged) out.push(say('plans.againCategoryChanged'))
  if (a?.categoryChanged === 'untilAdmitted') out.push(say('plans.againCategoryUntilAdmitted'))
  if (a?.factsTurned?.length)
    out.push(say('plans.againFactsTurned', { facts: or(a.factsTurned.map(names.fact)) }))
  if (a && a.whileOwed === false) out.push(say('plans.againOnceSettled'))
  if (a?.afterBreach) out.push(say('plans.againAfterBreach'))
  if (a?.toldSameGrade) out.push(say('plans.againToldSameGrade'))
  if (a?.firstGrading?.length)
    out.push(say('plans.againFirstGrading', { grades: and(a.firstGrading.map(names.grade)) }))
  if (a?.lowered && a.settledBefore) {
    const { events, latest } = a.settledBefore
    const which = say(latest ? 'plans.againLoweredLatest' : 'plans.againLoweredFirst', {
      events: or(events.map(names.event)),
    })
    out.push(say('plans.againLowered', { event: which }))
  }
  if (a?.revivesWithdrawn) out.push(say('plans.againRevivesWithdrawn'))
  if (a?.breached) out.push(say('plans.againBreached'))
  if (o.keyedBy) {
    const { field, as } = o.keyedBy
    const from = names.field(a?.events ?? [], field)
    const by = names.field([o.discharge.type], as)
    out.push(
      say('plans.keyedBy', {
        event: from ? names.event(from.event) : '',
        field: from?.label ?? field,
        as: by?.label ?? as,
        discharge: names.event(o.discharge.type),
      }),
    )
  }
  if (o.dischargeOne) out.push(say('plans.dischargeOne'))
  return out
}

/**
 * A rule written from a draft (GET /plans/:id `usesDraft`: the draft's approvals stay owed while
 * it is and no draft of that purpose went out), in words; none without it. `purpose(code)`: its name.
 */
export const usesDraftWords = (o, say, purpose) =>
  o.usesDraft ? [say('plans.usesDraft', { purpose: purpose(o.usesDraft) })] : []

/** An approval asked only of drafts of some purposes (GET /plans/:id `purposes`), in words; none without. */
export const purposesWords = (o, say, purpose) =>
  o.purposes?.length
    ? [say('plans.purposes', { list: o.purposes.map(purpose).join(say('plans.listPurposes')) })]
    : []
