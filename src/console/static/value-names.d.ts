/** Types of value-names.js (plain JavaScript the browser loads as it is), for the server. */
export declare const NAMES_KEY: 'x-enumNames'
export declare function labelsFromDescription(description: unknown, codes: unknown): Map<string, string>
export declare const nameOf: (text: string) => string
export declare function servedNames(prop: unknown): Map<string, string>
export declare function withoutCodes(description: string, codes: unknown): string
export declare function withoutCodes(description: unknown, codes: unknown): unknown
