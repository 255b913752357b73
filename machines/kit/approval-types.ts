/**
 * The approvals a plan requires of a draft at a grade, as it declares them (审核, 审定 …);
 * kit/approval-sync.ts owes them as obligations, kit/drafts.ts records them on the draft.
 */
import type { Category, Role } from '../vocabulary.js'

/** Who may approve a draft at a grade, in order (审核 before 审定). */
export interface ApprovalRequirement {
  /** Code stored on the draft's approvals. */
  code: string
  label: string
  /** The event that grants it (it names the draft: `draftId`). */
  event: string
  clause: string | null
  policy?: string | null
  owedBy: readonly Role[]
  /** The approver may not be the draft's author (drafting and approving separated). */
  separate?: boolean
  /** Draft purposes it applies to; absent = every purpose. */
  purposes?: readonly string[]
  /** Categories it applies to (e.g. a lead that only some incidents have); absent = every category. */
  categories?: readonly Category[]
  /**
   * Opt-in: fields its event must carry for a draft of a purpose, named in the obligation's
   * `discharge` beside the draft (a conference text is signed off for the conference).
   */
  fieldsFor?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
}
