/**
 * The console's sentence for a failed request (src/console/static/problems.js), in the
 * reader's language: a 503 after the disk failed a sync says the change may or may not
 * have been kept and that the service waits for a restart, not "retry later".
 */
import { expect, it } from 'vitest'

/** The console's own module, plain JavaScript served as is (no types): its one function used here. */
const MODULE = '../../src/console/static/problems.js'
const { problemMessage } = (await import(MODULE)) as {
  problemMessage: (
    e: { status: number; problem?: Record<string, unknown> },
    ctx?: { eventType?: string; eventLabel?: (type: string) => string; obligations?: unknown[] },
  ) => string
}

it('a 503 whose outcome is unknown is told apart from storage that is only busy', () => {
  const failed = problemMessage({ status: 503, problem: { outcome: 'unknown', detail: 'the disk failed' } })
  expect(failed).toContain('可能已保存，也可能没有')
  expect(failed).toContain('重启')
  expect(failed).not.toContain('稍后重试')
  expect(problemMessage({ status: 503, problem: { detail: 'database is locked' } })).toBe(
    '存储暂不可用，请稍后重试。',
  )
})

const refused = (problem: Record<string, unknown>) =>
  problemMessage({
    status: 409,
    problem: {
      type: 'https://yuqing-flow.dev/problems/event-not-allowed',
      phase: 'review',
      version: 7,
      ...problem,
    },
  })

it('a close refused while duties are owed names them (OBLIGATIONS.md rule 2), not a change by someone else', () => {
  const text = refused({
    detail: 'SUMMARISE is refused while 2 obligation(s) are owed',
    owed: [{ label: '继续跟踪，向人事司(宣教办)汇总报告网民质疑' }, { label: '继续引导：研究后续回应意见' }],
  })
  expect(text).toBe(
    '尚有应办事项未办结：继续跟踪，向人事司(宣教办)汇总报告网民质疑；继续引导：研究后续回应意见。须先办结或由有权人员免除，才能进行「SUMMARISE」。',
  )
})

it('a release refused for approvals names the draft and what it lacks (rule 8)', () => {
  const text = refused({
    detail: 'draft d1 lacks approvals: 总局分管领导批准（审定）',
    missingApprovals: [{ code: 'leaderApproval', label: '总局分管领导批准（审定）', draftId: 'd1' }],
  })
  expect(text).toMatch(/^稿件 d1 尚缺审批：总局分管领导批准（审定）。/)
})

const interview = {
  obligation: 'decision:interview#1',
  rule: 'decision:interview',
  label: '领导小组决定是否授权接受采访',
}
const asInterview = {
  eventType: 'INTERVIEW',
  eventLabel: (type: string) => (type === 'INTERVIEW' ? '安排当事人接受采访' : type),
  obligations: [{ id: 'decision:interview#1', owedBy: ['group'] }],
}

it('an event that waits for a decision names the decision to answer yes first and who owes it (rule 3)', () => {
  const problem = {
    type: 'https://yuqing-flow.dev/problems/event-not-allowed',
    phase: 'response',
    version: 13,
    detail: 'decide decision:interview first (owed): INTERVIEW follows a yes',
    decisions: [interview],
  }
  expect(problemMessage({ status: 409, problem }, asInterview)).toBe(
    '须先就「领导小组决定是否授权接受采访」（领导小组）作出同意的决定，才能进行「安排当事人接受采访」。',
  )
  // Who owes it is said only where the incident's obligations say so.
  expect(problemMessage({ status: 409, problem }, { ...asInterview, obligations: [] })).toBe(
    '须先就「领导小组决定是否授权接受采访」作出同意的决定，才能进行「安排当事人接受采访」。',
  )
})

it('a refusal with duties owed and a decision names both, as the body does', () => {
  const text = problemMessage(
    {
      status: 409,
      problem: {
        type: 'https://yuqing-flow.dev/problems/event-not-allowed',
        phase: 'response',
        version: 13,
        detail:
          'INTERVIEW is refused while 1 obligation(s) are owed; or decide decision:interview first (owed): INTERVIEW follows a yes',
        owed: [{ label: '组织答复' }],
        decisions: [interview],
      },
    },
    asInterview,
  )
  expect(text).toBe(
    '尚有应办事项未办结：组织答复。须先办结或由有权人员免除，才能进行「安排当事人接受采访」。' +
      '或者先就「领导小组决定是否授权接受采访」（领导小组）作出同意的决定，也可进行。',
  )
})

it('only a version conflict says the incident was updated', () => {
  expect(
    problemMessage({
      status: 409,
      problem: {
        type: 'https://yuqing-flow.dev/problems/version-conflict',
        version: 9,
        detail: 'expected version 8',
      },
    }),
  ).toBe('事件已被他人更新（现为第 9 版），请刷新后再操作。')
  expect(refused({ detail: 'SUBSIDE is not accepted in phase review' })).toBe(
    '当前阶段（总结评估）不接受「SUBSIDE」。',
  )
})

it('a refusal by the plan’s conditions names them and their clause, not only the phase', () => {
  const words = '（“统一发布权威信息”待办 或 领导小组最近一次决定为采取处置措施）'
  const text = problemMessage(
    {
      status: 409,
      problem: {
        type: 'https://yuqing-flow.dev/problems/event-not-allowed',
        phase: 'discovery',
        version: 5,
        detail: `RELEASE is refused: the plan's conditions do not hold: ${words} (四(四)、五(二))`,
        conditions: [{ guard: 'or', words, clause: '四(四)、五(二)' }],
      },
    },
    { eventType: 'RELEASE', eventLabel: () => '发布' },
  )
  expect(text).toBe(`「发布」现在不能办理，预案的条件尚不满足：${words}（四(四)、五(二)）。`)
})

it('an event no state takes names the phases and states that take it', () => {
  const text = problemMessage(
    {
      status: 409,
      problem: {
        type: 'https://yuqing-flow.dev/problems/event-not-allowed',
        phase: 'discovery',
        version: 1,
        detail: 'CLOSE is not accepted in this state: it is accepted in phase disposal (后续：处置结束)',
        acceptedIn: [{ state: 'disposal.handlingEnded', phase: 'disposal', label: '后续：处置结束' }],
      },
    },
    { eventType: 'CLOSE', eventLabel: () => '结束处置' },
  )
  expect(text).toBe('当前阶段（发现）不接受「结束处置」；可在以下环节办理：后续：处置结束。')
})

it('a DECIDE of a decision not owed says which and why, in zh and in en (its `decision`)', () => {
  const label = '领导小组决定是否视情况与宣传部等部门沟通'
  const say = (decision: Record<string, unknown>) =>
    refused({ detail: `decision ${decision.id} (“${label}”) is not owed now`, decision })
  const asked = { id: 'decision:liaise', label, why: 'notAsked', askedWhen: '已领导小组决定处置措施' }
  const answered = {
    id: 'decision:liaise',
    label,
    why: 'answered',
    answer: 'no',
    at: '2026-10-09T02:00:00.000Z',
  }
  const waived = { id: 'decision:liaise', label, why: 'waived', at: '2026-10-09T03:30:00.000Z' }
  const unknown = { id: 'decision:nothing', why: 'unknown' }
  // Owed, but by other roles than the reader's (a role among DECIDE's: 409, API.md).
  const others = { id: 'decision:liaise', label, why: 'owedByOthers', owedBy: ['group'] }
  const shared = {
    id: 'decision:comments-unit',
    label: '有关单位研究是否组织网上评论',
    why: 'owedByOthers',
    owedBy: ['unit', 'unitHead'],
  }
  expect(say(others)).toBe(`「${label}」需由领导小组作出，您的角色不能作出此决定。`)
  expect(say(shared)).toBe(
    '「有关单位研究是否组织网上评论」需由业务单位、股室主要负责人作出，您的角色不能作出此决定。',
  )
  expect(say(asked)).toBe(`「${label}」尚未到询问条件，现在不能作出决定。询问条件：已领导小组决定处置措施。`)
  expect(say(answered)).toBe(`「${label}」已作出决定：否（2026/10/09 10:00:00），现在无需再决定。`)
  expect(say(waived)).toBe(`「${label}」已于 2026/10/09 11:30:00 免除，现在无需作出决定。`)
  expect(say(unknown)).toBe('预案无此决定：decision:nothing。')
  const store = globalThis as { localStorage?: unknown }
  store.localStorage = { getItem: () => 'en' }
  try {
    expect(say(asked)).toBe(
      `“${label}” is not asked yet, so it cannot be decided now. It is asked when: 已领导小组决定处置措施.`,
    )
    expect(say({ ...answered, answer: 'yes' })).toBe(
      `“${label}” was decided already: yes (2026/10/09 10:00:00); it is not asked again now.`,
    )
    expect(say(waived)).toBe(`“${label}” was waived at 2026/10/09 11:30:00; it is not decided now.`)
    expect(say(unknown)).toBe('The plan has no decision decision:nothing.')
    expect(say(others)).toBe(`“${label}” is for leading group to decide, not for your role.`)
    expect(say(shared)).toBe(
      '“有关单位研究是否组织网上评论” is for unit, head of the section to decide, not for your role.',
    )
  } finally {
    delete store.localStorage
  }
})

it('a refusal for the draft named says what became of it (its `draft`), in zh and in en', () => {
  const say = (draft: Record<string, unknown>) => refused({ detail: `draft ${draft.id} …`, draft })
  const withdrawn = {
    id: 'd2',
    why: 'withdrawn',
    at: '2026-10-09T02:00:00.000Z',
    by: '业务股室干事',
    reason: '内容有误',
  }
  expect(say(withdrawn)).toBe(
    '稿件 d2 已于 2026/10/09 10:00:00 由业务股室干事撤回（内容有误），不能再审批或发布；须重新起草（拟稿）并重新审批。',
  )
  expect(say({ id: 'd1', why: 'released', at: '2026-10-09T02:00:00.000Z' })).toBe(
    '稿件 d1 已于 2026/10/09 10:00:00 发布，不能再次发布；新的内容须重新起草（拟稿）并重新审批。',
  )
  expect(say({ id: 'd2', why: 'superseded', newer: 'd3' })).toBe(
    '稿件 d2 已被较新的稿件 d3 取代：请审批并发布 d3，或先撤回 d3。',
  )
  expect(say({ id: 'd3', why: 'author', by: '业务股室干事', approval: '单位主要负责人签署意见' })).toBe(
    '稿件 d3 由业务股室干事起草：预案要求「单位主要负责人签署意见」由起草人以外的人作出。',
  )
  expect(say({ id: 'd9', why: 'unknown' })).toBe('没有稿件 d9。')
  const store = globalThis as { localStorage?: unknown }
  store.localStorage = { getItem: () => 'en' }
  try {
    expect(say(withdrawn)).toBe(
      'Draft d2 was withdrawn at 2026/10/09 10:00:00 by 业务股室干事 (内容有误); it is neither approved nor published now. A new text is a new draft (DRAFT), approved anew.',
    )
    expect(say({ id: 'd9', why: 'unknown' })).toBe('There is no draft d9.')
  } finally {
    delete store.localStorage
  }
})

it('a waiver the reader’s role may not give says who may (409 `waiver`, rule 2), in zh and in en', () => {
  const waiver = {
    id: 'report:principal#1',
    label: '向县主要领导报告',
    why: 'notEntitled',
    waivableBy: ['principal'],
  }
  const say = () =>
    refused({
      detail: 'report:principal#1 (“向县主要领导报告”) may be waived only by principal, not by group',
      waiver,
    })
  expect(say()).toBe('「向县主要领导报告」只能由主要领导免除，您的角色不能免除此项。')
  const store = globalThis as { localStorage?: unknown }
  store.localStorage = { getItem: () => 'en' }
  try {
    expect(say()).toBe('“向县主要领导报告” may be waived only by principal leader, not by your role.')
  } finally {
    delete store.localStorage
  }
})
