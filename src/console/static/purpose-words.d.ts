/** Types of purpose-words.js (plain JavaScript the browser loads as it is), for the diagrams. */
export interface PurposeWords {
  readonly zh: string
  readonly en: string
}
export declare const PURPOSE_WORDS: Readonly<Record<string, PurposeWords>>
export declare const PLAN_PURPOSE_WORDS: Readonly<Record<string, Readonly<Record<string, PurposeWords>>>>
export declare const purposeWord: (planId: string | undefined, code: string, lang?: string) => string
