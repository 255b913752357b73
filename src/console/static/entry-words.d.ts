/** Types of entry-words.js (plain JavaScript the browser loads as it is), for the server. */
export interface EntryWords {
  readonly zh: string
  readonly en: string
}
export declare const ENTRY_WORDS: Readonly<Record<string, EntryWords>>
export declare const entryWord: (
  type: string,
  planEvents?: ReadonlyArray<{ readonly type: string; readonly label: string }>,
  lang?: string,
) => string
