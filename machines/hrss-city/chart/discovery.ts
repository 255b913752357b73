/** 三第一步 发现舆情: the monitor records the source and grades; 特重大 and 重大 are reported first. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import type { Version } from './helpers.js'

const recordSource = <T extends string>(target: T) =>
  ({
    target,
    actions: { type: 'completeStep', params: { step: 'source' } },
    meta: clause('三第一步', '记录舆情出处'),
  }) as const

const grading = {
  meta: clause('三第一步', '分类'),
  always: { guard: 'isClassified', target: 'found', meta: clause('三第一步', '已分类') },
  on: {
    CLASSIFY: {
      guard: 'isUnclassified',
      target: 'found',
      actions: 'setSeverity',
      meta: clause('三第一步', '分类定级'),
    },
  },
} as const

const found = {
  meta: clause('三第一步', '已分类，特重大和重大先报、早报'),
  always: {
    guard: 'groupReported',
    target: `#${PLAN_ID}.phase.reporting`,
    meta: clause('三第一步', '已第一时间上报领导小组'),
  },
} as const

/** Versions 2–11: the source recorded first (RECORD_SOURCE), then classified. */
const discoveryV2 = {
  meta: clause('三第一步', '发现舆情'),
  initial: 'capturing',
  states: {
    capturing: {
      meta: clause('三第一步', '捕获相关信息，筛选舆情'),
      on: { RECORD_SOURCE: recordSource('grading') },
    },
    grading,
    found,
  },
} as const

/**
 * Version 12, 三第一步 "记录其出处并分类" (neither said to come first) and API.md "Open an incident"
 * (unclassified, "the classification is its first step"): an unclassified incident is classified
 * (CLASSIFY) or has its source recorded (RECORD_SOURCE) first, in either order; it leaves discovery
 * only with both. A source given at the opening is the source recorded then (the machine's context,
 * machine.ts `openingSource`: OBLIGATIONS.md rule 6), so capturing passes to grading at once.
 */
const discoveryV12 = {
  meta: clause('三第一步', '发现舆情'),
  initial: 'capturing',
  states: {
    capturing: {
      meta: clause('三第一步', '捕获相关信息，筛选舆情'),
      always: {
        guard: { type: 'stepDone', params: { step: 'source' } },
        target: 'grading',
        meta: clause('三第一步', '开启时已记录舆情出处'),
      },
      on: {
        RECORD_SOURCE: recordSource('grading'),
        CLASSIFY: {
          guard: 'isUnclassified',
          target: 'sourcing',
          actions: 'setSeverity',
          meta: clause('三第一步', '分类定级'),
        },
      },
    },
    sourcing: {
      meta: clause('三第一步', '已分类，记录舆情出处'),
      on: { RECORD_SOURCE: recordSource('found') },
    },
    grading,
    found,
  },
} as const

/**
 * Version 13, the same discovery as 12 but for one way out: classified in `sourcing` with the source
 * already recorded — an incident opened on version 11 with a source, classified on 12, whose migration to
 * 13 recorded that source from the opening (rules/migration-v13.ts) — it is found at once, as from
 * `capturing` with the source recorded it is in `grading` at once. Version 13's own incidents never wait
 * in `sourcing` with the source recorded (a source at the opening passes `capturing` first).
 */
const discoveryV13 = {
  ...discoveryV12,
  states: {
    ...discoveryV12.states,
    sourcing: {
      ...discoveryV12.states.sourcing,
      always: {
        guard: { type: 'stepDone', params: { step: 'source' } },
        target: 'found',
        meta: clause('三第一步', '开启时已记录舆情出处'),
      },
    },
  },
} as const

export const discovery = (version: Version) =>
  version >= 13 ? discoveryV13 : version >= 12 ? discoveryV12 : discoveryV2
