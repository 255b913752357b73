/**
 * The grading criteria of each plan in words, as `classify()` implements them: per
 * grade the clause, the facts read, each threshold and whether it is strict (超过 /
 * 以上 read as >) or inclusive (达 … 以上 read as ≥), and how the conditions combine.
 * Kept beside the diagrams (not in machines/<plan>/) so the plan folders stay the
 * machines' own; tests/diagrams/criteria.test.ts checks every row against `classify()`
 * at and just past its threshold, so this table cannot drift from the code.
 */
import type { Facts, Severity } from '../../machines/vocabulary.js'
import { FACT_WORDS, factWord } from '../console/static/fact-words.js'

export type FactName = keyof Facts

/** One test on one fact: a number compared with a threshold, or a yes/no fact. */
export type Test = { fact: FactName; op: '>' | '>='; value: number } | { fact: FactName; op: 'true' }

export interface Criterion {
  grade: Severity
  clause: string
  /** The text's own words. */
  text: string
  /** All of these must hold (one way to reach the grade). */
  all: readonly Test[]
}

export interface PlanCriteria {
  /** How the classifier reads the rows (order, what is left over). */
  method: string
  clause: string
  rows: readonly Criterion[]
  /** The grade given when no row holds (null: a person grades). */
  otherwise: { grade: Severity | null; clause: string | null; text: string }
}

/** Each fact by the plans' words (the one table the console's plan page reads too). */
export const FACT_LABELS: Readonly<Record<FactName, string>> = FACT_WORDS

/**
 * A fact's name on `planId`'s pages: the plan's own word, where its text names the thing
 * otherwise (hrss-city's 跨地区传播), else the shared one, else its code. The console's other
 * pages keep its vocabulary's words.
 */
export const factLabel = (planId: string | undefined, fact: string): string => factWord(planId, fact)

export function testText(t: Test): string {
  const name = FACT_LABELS[t.fact]
  if (t.op === 'true') return `${name}为“是”`
  return `${name} ${t.op === '>' ? '>' : '≥'} ${t.value.toLocaleString('en-US')}（${
    t.op === '>' ? '严格大于：恰好等于不算' : '含本数：恰好等于即算'
  }）`
}

const saws = (grade: Severity, clause: string, label: string, clicks: number, reposts: number) => [
  {
    grade,
    clause,
    text: `${label}：同一言论在不同网站出现，1天内点击超过${clicks}次`,
    all: [
      { fact: 'sites', op: '>=', value: 2 },
      { fact: 'clicksPerDay', op: '>', value: clicks },
    ],
  } satisfies Criterion,
  {
    grade,
    clause,
    text: `${label}：微博、博客转发超过${reposts}次`,
    all: [{ fact: 'reposts', op: '>', value: reposts }],
  } satisfies Criterion,
]

const MANUAL = (clause: string, why: string): PlanCriteria => ({
  method: `预案未给出量化标准：${why}`,
  clause,
  rows: [],
  otherwise: { grade: null, clause: null, text: '由人工定级（附理由），系统不按事实自动定级' },
})

export const PLAN_CRITERIA: Readonly<Record<string, PlanCriteria>> = {
  'saws-2014': {
    method:
      '按级别从高到低逐条比较，先满足者定级；“超过”读作严格大于；“不同网站”读作至少 2 个网站；同一言论一天内的数字',
    clause: '二(三)',
    rows: [
      ...saws('critical', '二(三)4', '特别重大', 50_000, 500),
      ...saws('major', '二(三)3', '重大', 10_000, 300),
      ...saws('large', '二(三)2', '较大', 1_000, 100),
    ],
    otherwise: {
      grade: 'general',
      clause: '二(三)1',
      text: '二(三)1 一般网络舆情：未达较大标准（仅有少量围观）',
    },
  },
  'nanning-aic-2017': {
    method: '满足任一条即为重大（重要敏感）舆情；“达20条以上”读作含 20；特别重大敏感舆情无标准，由人工定级',
    clause: '四(三)',
    rows: [
      {
        grade: 'major',
        clause: '四(三)',
        text: '跨市区且对市局整体形象有较大影响',
        all: [
          { fact: 'crossRegion', op: 'true' },
          { fact: 'largeImageImpact', op: 'true' },
        ],
      },
      {
        grade: 'major',
        clause: '四(三)',
        text: '被自治区、市级主流媒体（论坛）曝光',
        all: [{ fact: 'mainstreamMedia', op: 'true' }],
      },
      {
        grade: 'major',
        clause: '四(三)',
        text: '微博转发达20条以上',
        all: [{ fact: 'reposts', op: '>=', value: 20 }],
      },
    ],
    otherwise: {
      grade: 'general',
      clause: '四(三)',
      text: '未达重大舆情标准，按一般舆情（四(三)；本地政策：不符合任何标准的事实从低）',
    },
  },
  'hrss-city': MANUAL('三第一步、四(一)～四(四)', '四(一)至四(四)仅作定性描述（关注度、传播速度、影响范围）'),
  'neixiang-2017': MANUAL('第二條1、第二條3', '本办法只列出级别，未规定划分标准'),
  'nanchong-npc-2022': MANUAL('三(一)', '预案列出四个级别，未规定分级标准，由舆情监控员判断'),
}

/** The criteria of a plan; plans not listed read as graded by hand. */
export const criteriaOf = (planId: string): PlanCriteria =>
  PLAN_CRITERIA[planId] ?? MANUAL('', '本表未收录该预案的标准')

/** The clause refs the criteria of a plan cite (for the clause matrix). */
export const criteriaRefs = (planId: string): Map<string, string[]> => {
  const c = criteriaOf(planId)
  const out = new Map<string, string[]>()
  const cite = (ref: string | null, what: string) => {
    if (ref) out.set(ref, [...new Set([...(out.get(ref) ?? []), what])])
  }
  for (const r of c.rows) cite(r.clause, `criteria:${r.grade}`)
  cite(c.otherwise.clause, `criteria:${c.otherwise.grade ?? 'manual'}`)
  return out
}
