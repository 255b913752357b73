/** Types of fact-words.js (plain JavaScript the browser loads as it is), for the diagrams. */
export declare const FACT_WORDS: {
  readonly clicksPerDay: string
  readonly reposts: string
  readonly sites: string
  readonly crossRegion: string
  readonly largeImageImpact: string
  readonly mainstreamMedia: string
  readonly foreignMedia: string
  readonly coalOrLocalBureau: string
  readonly majorEmergency: string
}
export declare const PLAN_FACT_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>>
export declare const factWord: (planId: string | undefined, fact: string) => string
export declare const ownFactWord: (planId: string | undefined, fact: string) => string | undefined
