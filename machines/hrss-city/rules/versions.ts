/**
 * Each version's obligation list: version 4's (obligations.ts, its publications fresh
 * drafts; version 5's too), what versions 6 and 7 change, and what versions 3 and 2 owed
 * differently, derived from it.
 */
import type { ObligationRule } from '../../kit/types.js'
import { DECISIONS, escalation, rules } from './obligations.js'
import { RECIPIENT_LABELS } from './roles.js'

/** Version 4: a publication's text is a draft not published before (the chart's guard), and the view never offers a published one. */
export const obligations: readonly ObligationRule[] = [...rules, escalation].map((r) =>
  r.draftPurpose === undefined ? r : { ...r, freshDraft: true },
)

/**
 * Version 6, 五(三)3 根据网络舆情反映事件的程度，必要时及时组织新闻发布会: whether to hold a press
 * conference is asked again at a rise only once the asking before it was answered or waived
 * (kit `again.whileOwed: false`) — risen while still owed, it stays the one question, and the
 * answer given after the rise is the one the policy's 级别升高后重新决定 asks for. Versions 4 and 5
 * asked it again at every rise: minor → general → major → critical left four askings owed;
 * with the latest waived, the group's yes answered the older ones while the conference's rules
 * read the latest (no answer), so no report to 市委、市政府 was owed and PRESS_CONFERENCE was
 * refused with nothing owed or named. 四(一)'s `decide:cityLead` is asked at 特别重大 only (no
 * rise from there; a lowering withdraws its owed asking), so it never had two owed at once and
 * stays as it was.
 */
export const obligationsV6: readonly ObligationRule[] = obligations.map((r) =>
  r.id === DECISIONS.pressConference && r.again ? { ...r, again: { ...r.again, whileOwed: false } } : r,
)

/**
 * Version 7, 四(三) 一般: "…开展应急工作，同时报告市委网信办备案" — the filing is a report to
 * 市委网信办, so a `REPORT { to: ['cityCac'] }` discharges it (its recipient is 市委网信办 itself,
 * rule 7: one recipient, one obligation); `FILE_RECORD` is no step of version 7. Told at 一般
 * or above before the filing began, it starts met (rule 6, `prior: 'sameGradeOrAbove'`, as
 * version 4 counted a report made at 重大). Versions 4–6 asked a separate `FILE_RECORD`: a report
 * to 市委网信办 at 一般 left the filing owed (yet counted for a filing begun again after
 * 一般 → 影响较小 → 一般), and a breached 重大 report made late after a lowering to 一般 settled
 * that report while the filing stayed owed — the same thing owed to 市委网信办 twice.
 */
export const FILING_V7: Pick<ObligationRule, 'policy' | 'recipient' | 'discharge'> = {
  policy:
    '四(三)“同时报告市委网信办备案”：上报市委网信办即为备案；已在一般或以上级别上报市委网信办的，不再另行备案（OBLIGATIONS.md 第6、7条）',
  // The recipient is 市委网信办 itself (its code); the label says what for, as versions 2–6 did.
  recipient: { code: 'cityCac', label: `${RECIPIENT_LABELS.cityCac}（备案）` },
  discharge: { type: 'REPORT', fields: { to: ['cityCac'] } },
}

/**
 * Version 7, 五(三)3 (…由网络舆情应急处置领导小组领导上报市委、市政府指定专人对外发布权威消息): what the
 * group's yes ordered — the report to 市委、市政府 and the conference — is owed once at a time
 * (kit `again.whileOwed: false`). Risen while the first is still owed, no second is begun: the
 * yes asked again after the rise leaves the first the one owed (a report made after the rise
 * serves it). Version 6 began a second of each at the second yes while the first was owed:
 * the same report to 市委、市政府 owed twice. Once the first is settled, a yes after a rise owes it
 * anew (rule 3), as before.
 */
export const ORDERED_ONCE = ['report:cityLeadership', 'release:conference'] as const

export const obligationsV7: readonly ObligationRule[] = obligationsV6.map((r) => {
  if ((ORDERED_ONCE as readonly string[]).includes(r.id) && r.again)
    return { ...r, again: { ...r.again, whileOwed: false } }
  if (r.id !== 'report:filing') return r
  const { priorSteps: _steps, ...rest } = r
  return { ...rest, ...FILING_V7 }
})

/**
 * Version 3's rules, kept for the incidents opened on it: the commentary was owed only
 * once the reply was met (a waived reply owed none), and a report to 市委网信办 made at
 * 重大 did not count for the filing owed after a lowering to 一般.
 */
export const obligationsV3: readonly ObligationRule[] = obligations.map(({ freshDraft: _fresh, ...r }) => {
  if (r.id === 'commentary') return { ...r, when: { met: 'reply' } }
  if (r.id !== 'report:filing') return r
  const { prior: _prior, priorSteps: _steps, ...rest } = r
  return { ...rest, policy: null }
})

/**
 * Version 2's rules, kept for the incidents opened on it: a yes to a decision asked again
 * after a rise owed nothing new (the request to the city, the conference and its report
 * had been met once), and a report to the city's leader made at 特别重大 did not count
 * after a lowering to 重大.
 */
export const obligationsV2: readonly ObligationRule[] = obligationsV3.map((r) => {
  if (r.prior === 'sameGradeOrAbove') return { ...r, prior: 'sameGrade' }
  if (r.again?.raise !== 'whenHolds') return r
  const { again: _again, ...rest } = r
  return rest
})

/**
 * Version 8, 三第四步 "领导小组办公室会同承办科室根据通稿撰写网络评论文章": the commentary goes with the
 * reply written from a 通稿. After a relapse the reply is owed again from a new 通稿 (the reply's
 * policy), and so is the commentary on it: asked again at `RELAPSE`, owed once the new reply
 * is settled (replied, or waived: a waiver frees the spokesperson only, as version 4 has it) —
 * the kit's `againOnEvents: 'whenHolds'` (machine.ts `OPTIONS_V8`). Version 7's commentary had
 * no `again`: a relapse owed none, and SUBSIDE passed on the first one.
 */
const COMMENTARY_AGAIN: Pick<ObligationRule, 'policy' | 'again'> = {
  policy:
    '舆情反复后，新的正面回复（或其免除）之后须根据新通稿重新撰写评论文章（本地政策，随三第四步的回复）',
  again: { events: ['RELAPSE'] },
}

/**
 * Version 8, 四(三) "由网络舆情应急处置领导小组直接领导…开展应急工作，同时报告市委网信办备案": 同时 ties the
 * filing to the 一般 response it starts, not to the review. The text gives no time; local
 * policy: 2 hours from the grade (as 三第三步's reports to the city offices), so a filing made
 * at the review is late, on the record. Version 7 set none.
 */
const FILING_DUE_V8: Pick<ObligationRule, 'policy' | 'due' | 'deadline'> = {
  policy:
    '四(三)“同时报告市委网信办备案”：上报市委网信办即为备案；“同时”未定时限，本地政策：自定为一般时起 2 小时内；已在一般或以上级别上报市委网信办的，不再另行备案（OBLIGATIONS.md 第6、7条）',
  due: { anchor: 'start', amount: 2, unit: 'hours' },
  deadline: 'report',
}

/**
 * Version 8, 五(一)2 "当发生群体性突发事件时，组织职能科室监控员对网络舆情进行24小时不间断监控。加强与
 * 市委网信办、市公安网安办等部门对接": once the incident is marked a 群体性突发事件
 * (`MARK_MASS_INCIDENT`), the office (二2: 领导小组办公室…及时监控网络上与我局相关的舆情) owes the
 * round-the-clock monitoring organised and the liaison with both offices, one step
 * (`ORGANIZE_MONITORING` records all three). The text sets no time: none (owed before closing,
 * rule 2). Versions up to 7 encoded nothing of 五(一)2.
 */
export const ROUND_THE_CLOCK: ObligationRule = {
  id: 'monitor:roundTheClock',
  kind: 'step',
  label: '群体性突发事件：组织职能科室监控员24小时不间断监控，加强与市委网信办、市公安网安办对接',
  clause: '五(一)2',
  policy: null,
  owedBy: ['office'],
  when: { act: 'MARK_MASS_INCIDENT' },
  discharge: { type: 'ORGANIZE_MONITORING', fields: {} },
}

export const obligationsV8: readonly ObligationRule[] = obligationsV7.flatMap((r) =>
  r.id === 'commentary'
    ? [{ ...r, ...COMMENTARY_AGAIN }]
    : r.id === 'report:filing'
      ? [{ ...r, ...FILING_DUE_V8 }]
      : r.id === 'review'
        ? [ROUND_THE_CLOCK, r]
        : [r],
)
