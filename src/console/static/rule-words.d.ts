/** Types of rule-words.js (plain JavaScript the browser loads as it is), for the diagrams. */

export type Params = Readonly<Record<string, string | number>>
export type Say = (key: string, params?: Params) => string

/** A rule's options as GET /plans/:id serves them (src/http/plan-obligations.ts). */
export interface ServedRule {
  again: {
    raise: boolean
    onceConditionHolds: boolean
    events: readonly string[]
    onYes: boolean
    onYesSince?: { events: readonly string[]; latest: boolean }
    whileOwed: boolean
    afterBreach?: boolean
    toldSameGrade: boolean
    firstGrading?: readonly string[]
    lowered?: string
    settledBefore?: { events: readonly string[]; latest: boolean }
    revivesWithdrawn?: string
    categoryChanged?: true | 'untilAdmitted'
    factsTurned?: readonly string[]
    breached?: boolean
  } | null
  keyedBy?: { field: string; as: string }
  dischargeOne?: boolean
  discharge: { type: string }
}

/** Codes in the plan's words; `field`: the label of `field` in the first of `types` having it, else any event's. */
export interface Names {
  grade(code: string): string
  event(type: string): string
  fact(code: string): string
  field(types: readonly string[], field: string): { event: string; label: string } | undefined
}

export declare const RULE_STRINGS: {
  readonly zh: Readonly<Record<string, string>>
  readonly en: Readonly<Record<string, string>>
}
export declare function fill(template: string, params?: Params): string
export declare function ruleWords(o: ServedRule, say: Say, names: Names): string[]
/** A rule's draft options as GET /plans/:id serves them: `usesDraft` (rules), `purposes` (approvals). */
export interface DraftOptions {
  usesDraft?: string
  purposes?: readonly string[] | null
}
export declare function usesDraftWords(o: DraftOptions, say: Say, purpose: (code: string) => string): string[]
export declare function purposesWords(o: DraftOptions, say: Say, purpose: (code: string) => string): string[]
