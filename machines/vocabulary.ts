/**
 * The shared vocabulary of every plan: phases, severities, categories, roles,
 * deadline names and the clause metadata that every state and transition carries.
 * Source: ../shared/PLANS.md "Shared vocabulary".
 */
import { z } from 'zod'

export const PHASES = [
  'discovery',
  'reporting',
  'consultation',
  'response',
  'disposal',
  'review',
  'closed',
] as const
export type Phase = (typeof PHASES)[number]
export const PHASE_LABELS: Record<Phase, string> = {
  discovery: '发现',
  reporting: '报告',
  consultation: '会商',
  response: '回应',
  disposal: '消除影响',
  review: '总结评估',
  closed: '结束',
}

export const SEVERITIES = ['minor', 'general', 'large', 'major', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]
export const SeveritySchema = z.enum(SEVERITIES)
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s)
/** True when `s` is set and at least `min`. */
export const atLeast = (s: Severity | null, min: Severity): boolean =>
  s !== null && severityRank(s) >= severityRank(min)
export const isAbove = (a: Severity | null, b: Severity | null): boolean =>
  a !== null && (b === null || severityRank(a) > severityRank(b))

export const CATEGORIES = [
  'suggestion',
  'inquiry',
  'doubt',
  'demand',
  'criticism',
  'tip_off',
  'misreading',
  'rumor',
  'malicious',
  'political_mass',
] as const
export type Category = (typeof CATEGORIES)[number]
/**
 * The categories the shared reading of the plans uses (PLANS.md: 涉事原因): all but
 * `political_mass`, which only neixiang-2017's 第二條4 names. A plan version passes the
 * ones it uses to its SET_CATEGORY (kit/common.ts `withCategories`); versions made before
 * that take every category of this vocabulary, as they did once it grew.
 */
export const COMMON_CATEGORIES = CATEGORIES.filter((c) => c !== 'political_mass') as [Category, ...Category[]]
export const CategorySchema = z.enum(CATEGORIES)
export const CATEGORY_LABELS: Record<Category, string> = {
  suggestion: '意见建议',
  inquiry: '咨询',
  doubt: '质疑',
  demand: '诉求',
  criticism: '属实批评',
  tip_off: '举报',
  misreading: '法规误读',
  rumor: '谣言',
  malicious: '恶意炒作',
  political_mass: '重大政治性或群体性事件',
}

/** Roles a token may hold; each plan maps its bodies (舆情处, 分管领导 …) onto them. */
export const ROLES = [
  'monitor',
  'office',
  'unit',
  'legal',
  'spokesperson',
  'leader',
  'principal',
  'group',
  'auditor',
  'admin',
  // nanning-aic-2017 version 12 (四(四)、三(二)3): the approvers within a role, named.
  'newsLeader',
  'unitHead',
  // nanchong-npc-2022 version 13 (三(四)1 按照干部监督权限，由纪检监察组或机关纪委调查核实): the discipline body.
  'discipline',
] as const
export type Role = (typeof ROLES)[number]
export const RoleSchema = z.enum(ROLES)
/** The role the engine's scheduler acts under when a deadline passes. */
export const SYSTEM_ROLE = 'system'
export type ActorRole = Role | typeof SYSTEM_ROLE
export interface Actor {
  name: string
  role: ActorRole
}

export const DEADLINE_NAMES = [
  'report',
  'reply',
  'publish',
  'initialResponse',
  'formalReply',
  'formalReplyExtended',
] as const
export type DeadlineName = (typeof DEADLINE_NAMES)[number]
export const DEADLINE_LABELS: Record<DeadlineName, string> = {
  report: '报告时限',
  reply: '回复时限',
  publish: '发布时限',
  initialResponse: '初步回应时限',
  formalReply: '答复时限',
  formalReplyExtended: '延长答复时限',
}

/**
 * The facts a plan's classifier reads. Every field is optional: a plan reads the
 * ones its criteria name; unknown fields are refused at the edge.
 */
export const FactsSchema = z
  .object({
    clicksPerDay: z.number().int().nonnegative(),
    reposts: z.number().int().nonnegative(),
    sites: z.number().int().nonnegative(),
    crossRegion: z.boolean(),
    largeImageImpact: z.boolean(),
    mainstreamMedia: z.boolean(),
    foreignMedia: z.boolean(),
  })
  .partial()
  .strict()

/**
 * Facts that only some plan versions take, none of which grades: each such version's
 * METRICS_UPDATED names it (its `facts`), and an opening or a classification naming a fact
 * the plan version does not take is refused (src/engine/opening.ts). Kept apart from
 * `FactsSchema`, which every other plan version's events carry unchanged.
 * - `coalOrLocalBureau`: saws-2014 from version 9, 三 "涉及煤矿安全监察系统或地方各级安全监管局的网络舆情".
 * - `majorEmergency`: nanchong-npc-2022 from version 14, 三(四)3 "对于重大突发事件或特别重大舆情，可以召开新闻发布会".
 */
export const PlanFactsSchema = z
  .object({ coalOrLocalBureau: z.boolean(), majorEmergency: z.boolean() })
  .partial()
  .strict()

/** Every fact some plan version takes: what an incident's `facts` may hold and OPEN's body admits. */
export const AnyFactsSchema = FactsSchema.extend(PlanFactsSchema.shape)
export type Facts = z.infer<typeof AnyFactsSchema>

/**
 * Every state and transition cites the finest numbered clause it implements, or
 * names the local policy it follows where the plan is silent.
 */
export interface ClauseMeta {
  clause: string | null
  policy: string | null
  label: string
}
export const clause = (ref: string, label: string): ClauseMeta => ({ clause: ref, policy: null, label })
export const policy = (why: string, label: string): ClauseMeta => ({ clause: null, policy: why, label })
