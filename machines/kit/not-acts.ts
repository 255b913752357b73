/**
 * The events that are no acts to the ledger (read when it records an event, and when a rule
 * waiting for an event of the incident's own asks whether this is one). Pure data.
 */

/**
 * Events that say nothing the ledger matches on: they are not recorded as acts (MIGRATED:
 * the eventless steps a migration takes, kit/migration.ts).
 */
export const NOT_ACTS = new Set(['DEADLINE_PASSED', 'REQUOTE', 'MIGRATED'])
