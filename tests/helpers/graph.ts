/**
 * Shared by the registry-wide machine suites (graph, random walk, meta, fingerprint):
 * re-exports the modules of tests/helpers/graph/, one concern each —
 * definition.ts: a walk over a machine's definition;
 * guards.ts: what the plan's guards and rule conditions test;
 * payloads.ts: sample payloads from each event's zod schema;
 * bindings.ts: fields that name something of the incident (a draft, an owed obligation,
 * a decision) bound to the incident when offered, and the roles worth sending as;
 * events.ts: time, the system events the engine's scheduler sends (DEADLINE_PASSED at an
 * owed obligation's due time, REQUOTE of an uncertain one), stamping, opening inputs;
 * menus.ts: the stamped events a snapshot can be offered;
 * state-keys.ts: a state key summarising the obligations;
 * instrument.ts: an instrumented copy of a machine that records which transition
 * definitions fire;
 * routes.ts: a route from an opening to closed.
 */
export * from './graph/bindings.js'
export * from './graph/definition.js'
export * from './graph/events.js'
export * from './graph/guards.js'
export * from './graph/instrument.js'
export * from './graph/menus.js'
export * from './graph/payloads.js'
export * from './graph/routes.js'
export * from './graph/state-keys.js'
