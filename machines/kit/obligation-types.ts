/**
 * Obligations (应办事项) as data: what an incident owes, to whom, by when.
 * ../shared/OBLIGATIONS.md. A plan lists its rules; the kit's ledger begins, discharges,
 * breaches, waives and withdraws instances of them in the incident's context.
 *
 * The types live by kind: the rules a plan declares (rule-types.ts), the conditions of their
 * `when` (condition-types.ts), the approvals a draft requires (approval-types.ts), and what
 * the incident's context records (record-types.ts). Every importer reads them from here.
 */
export type * from './approval-types.js'
export type * from './condition-types.js'
export type * from './record-types.js'
export * from './rule-types.js'
