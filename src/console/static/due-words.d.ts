/** Types of due-words.js (plain JavaScript the browser loads as it is), for the diagrams. */
export interface DueClock {
  readonly unit: 'minutes' | 'hours' | 'workingHours' | 'workingDays'
}
type Clocks = { readonly working: string; readonly calendar: string }
export declare const CLOCK_WORDS: { readonly zh: Clocks; readonly en: Clocks }
export declare const countsWorkingTime: (due: DueClock) => boolean
export declare const clockWords: (due: DueClock, lang?: string) => string
