/**
 * The plan registry: plan id → every version of its machine. The current version is
 * the highest; older versions stay here for incidents opened on them.
 */
import { PLAN_DOCUMENTS } from './documents.js'
import {
  plan as hrssCity,
  planV2 as hrssCityV2,
  planV3 as hrssCityV3,
  planV4 as hrssCityV4,
  planV5 as hrssCityV5,
  planV6 as hrssCityV6,
  planV7 as hrssCityV7,
  planV8 as hrssCityV8,
  planV9 as hrssCityV9,
  planV10 as hrssCityV10,
  planV11 as hrssCityV11,
  planV12 as hrssCityV12,
} from './hrss-city/index.js'
import type { PlanDefinition } from './kit/types.js'
import {
  plan as nanchongNpc2022,
  planV2 as nanchongNpc2022V2,
  planV3 as nanchongNpc2022V3,
  planV4 as nanchongNpc2022V4,
  planV5 as nanchongNpc2022V5,
  planV6 as nanchongNpc2022V6,
  planV7 as nanchongNpc2022V7,
  planV8 as nanchongNpc2022V8,
  planV9 as nanchongNpc2022V9,
  planV10 as nanchongNpc2022V10,
  planV11 as nanchongNpc2022V11,
  planV12 as nanchongNpc2022V12,
  planV13 as nanchongNpc2022V13,
} from './nanchong-npc-2022/index.js'
import {
  plan as nanningAic2017,
  planV2 as nanningAic2017V2,
  planV3 as nanningAic2017V3,
  planV4 as nanningAic2017V4,
  planV5 as nanningAic2017V5,
  planV6 as nanningAic2017V6,
  planV7 as nanningAic2017V7,
  planV8 as nanningAic2017V8,
  planV9 as nanningAic2017V9,
  planV10 as nanningAic2017V10,
  planV11 as nanningAic2017V11,
  planV12 as nanningAic2017V12,
  planV13 as nanningAic2017V13,
  planV14 as nanningAic2017V14,
} from './nanning-aic-2017/index.js'
import {
  plan as neixiang2017,
  planV2 as neixiang2017V2,
  planV3 as neixiang2017V3,
  planV4 as neixiang2017V4,
  planV5 as neixiang2017V5,
  planV6 as neixiang2017V6,
  planV7 as neixiang2017V7,
  planV8 as neixiang2017V8,
  planV9 as neixiang2017V9,
  planV10 as neixiang2017V10,
  planV11 as neixiang2017V11,
  planV12 as neixiang2017V12,
} from './neixiang-2017/index.js'
import {
  plan as saws2014,
  planV2 as saws2014V2,
  planV3 as saws2014V3,
  planV4 as saws2014V4,
  planV5 as saws2014V5,
  planV6 as saws2014V6,
  planV7 as saws2014V7,
  planV8 as saws2014V8,
  planV9 as saws2014V9,
  planV10 as saws2014V10,
  planV11 as saws2014V11,
  planV12 as saws2014V12,
} from './saws-2014/index.js'

/** Every plan version the service can load, current and old. */
export const PLAN_VERSIONS: readonly PlanDefinition[] = [
  neixiang2017V2,
  neixiang2017V3,
  neixiang2017V4,
  neixiang2017V5,
  neixiang2017V6,
  neixiang2017V7,
  neixiang2017V8,
  neixiang2017V9,
  neixiang2017V10,
  neixiang2017V11,
  neixiang2017V12,
  neixiang2017,
  hrssCityV2,
  hrssCityV3,
  hrssCityV4,
  hrssCityV5,
  hrssCityV6,
  hrssCityV7,
  hrssCityV8,
  hrssCityV9,
  hrssCityV10,
  hrssCityV11,
  hrssCityV12,
  hrssCity,
  nanningAic2017V2,
  nanningAic2017V3,
  nanningAic2017V4,
  nanningAic2017V5,
  nanningAic2017V6,
  nanningAic2017V7,
  nanningAic2017V8,
  nanningAic2017V9,
  nanningAic2017V10,
  nanningAic2017V11,
  nanningAic2017V12,
  nanningAic2017V13,
  nanningAic2017V14,
  nanningAic2017,
  saws2014V2,
  saws2014V3,
  saws2014V4,
  saws2014V5,
  saws2014V6,
  saws2014V7,
  saws2014V8,
  saws2014V9,
  saws2014V10,
  saws2014V11,
  saws2014V12,
  saws2014,
  nanchongNpc2022V2,
  nanchongNpc2022V3,
  nanchongNpc2022V4,
  nanchongNpc2022V5,
  nanchongNpc2022V6,
  nanchongNpc2022V7,
  nanchongNpc2022V8,
  nanchongNpc2022V9,
  nanchongNpc2022V10,
  nanchongNpc2022V11,
  nanchongNpc2022V12,
  nanchongNpc2022V13,
  nanchongNpc2022,
].map((p) => ({ ...p, documents: p.documents ?? PLAN_DOCUMENTS[p.id] ?? [] }))

export const PLAN_IDS: readonly string[] = [...new Set(PLAN_VERSIONS.map((p) => p.id))].sort()

/** The current (highest) version of each plan. */
export const currentPlans = (): PlanDefinition[] =>
  PLAN_IDS.map((id) => getPlan(id)).filter((p): p is PlanDefinition => p !== undefined)

/** A plan by id, at `version` or the current one; undefined when there is none. */
export function getPlan(id: string, version?: number): PlanDefinition | undefined {
  const versions = PLAN_VERSIONS.filter((p) => p.id === id)
  if (version !== undefined) return versions.find((p) => p.version === version)
  return versions.reduce<PlanDefinition | undefined>(
    (a, p) => (!a || p.version > a.version ? p : a),
    undefined,
  )
}

export type * from './kit/types.js'
export * from './vocabulary.js'
