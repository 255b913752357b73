/**
 * Fills a database fast: rows the real engine produced for a template incident are
 * copied under a new id, title and source URL, with every timestamp moved by the
 * same amount, and the journal's hash chain recomputed (GET /incidents/:id/verify
 * holds for clones). Inserted with better-sqlite3 in large transactions; the
 * schema's own triggers and indexes (FTS included) are maintained as usual.
 */
import { createHash, randomUUID } from 'node:crypto'
import type SQLite from 'better-sqlite3'
import { asciiJson } from '../../src/engine/ascii-json.js'
import { type ChainedEntry, entryHash, genesisHash } from '../../src/engine/hash.js'
import { randomInt } from './stats.js'
import { type Row, TEMPLATE_TITLE, TEMPLATE_URL, type Template } from './templates.js'

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/

/** A literal, or a hole: -1 id, -2 title, -3 url, n ≥ 0 the template's n-th distinct instant. */
type Part = string | number

interface CompiledRow {
  columns: string[]
  values: Array<Part[] | number | null>
}

export interface Compiled {
  template: Template
  instants: number[]
  incident: CompiledRow
  snapshot: CompiledRow
  journal: CompiledRow[]
  timers: CompiledRow[]
}

function compileRows(rows: Row[], id: string, instants: Map<number, number>): CompiledRow[] {
  const holes = new RegExp(`(${escapeRegExp(TEMPLATE_URL)}|${TEMPLATE_TITLE}|${id}|${ISO.source})`, 'g')
  return rows.map((row) => ({
    columns: Object.keys(row),
    values: Object.values(row).map((v) => {
      if (typeof v !== 'string') return v
      return v.split(holes).map((piece, i): Part => {
        if (i % 2 === 0) return piece
        if (piece === TEMPLATE_URL) return -3
        if (piece === TEMPLATE_TITLE) return -2
        if (piece === id) return -1
        const ms = Date.parse(piece)
        let n = instants.get(ms)
        if (n === undefined) {
          n = instants.size
          instants.set(ms, n)
        }
        return n
      })
    }),
  }))
}
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export function compile(t: Template): Compiled {
  const id = String(t.incident.id)
  const instants = new Map<number, number>()
  const [incident] = compileRows([t.incident], id, instants)
  const [snapshot] = compileRows([t.snapshot], id, instants)
  return {
    template: t,
    incident: incident!,
    snapshot: snapshot!,
    journal: compileRows(t.journal, id, instants),
    timers: compileRows(t.timers, id, instants),
    instants: [...instants.keys()],
  }
}

interface CloneFacts {
  id: string
  title: string
  url: string
  /** Milliseconds every timestamp moves by. */
  shift: number
}

function render(row: CompiledRow, f: CloneFacts, times: string[]) {
  return row.values.map((v, i) => {
    if (!Array.isArray(v)) return v
    // The snapshot column is ASCII JSON (src/engine/ascii-json.ts): the title escaped, as the engine writes it.
    const title = row.columns[i] === 'snapshot' ? asciiJson(f.title) : f.title
    let s = ''
    for (const p of v) {
      if (typeof p === 'string') s += p
      else if (p === -1) s += f.id
      else if (p === -2) s += title
      else if (p === -3) s += f.url
      else s += times[p]
    }
    return s
  })
}

/**
 * entryHash without the generic key sort: the same canonical JSON (keys in sorted
 * order, string and number values), written directly. Checked against entryHash on
 * the first row of every cohort.
 */
const fastEntryHash = (prev: string, e: ChainedEntry) =>
  createHash('sha256')
    .update(
      `${prev}\n${JSON.stringify({
        actor_name: e.actor_name,
        actor_role: e.actor_role,
        incident_id: e.incident_id,
        occurred_at: e.occurred_at,
        payload: e.payload,
        recorded_at: e.recorded_at,
        seq: e.seq,
        type: e.type,
      })}`,
    )
    .digest('hex')

// ------------------------------------------------------------ titles and URLs

const PLACES =
  '北京市 上海市 广州市 深圳市 南宁市 南充市 内乡县 成都市 杭州市 武汉市 西安市 长沙市 郑州市 济南市 昆明市 贵阳市 兰州市 太原市 合肥市 福州市'.split(
    ' ',
  )
const SUBJECTS = '某市场 某学校 某医院 某景区 某小区 某企业 某派出所 某餐馆 某工地 某超市'.split(' ')
const ISSUES =
  '销售过期食品 收费不透明 拖欠工资 安全事故传闻 环境污染投诉 执法争议视频 服务态度差 虚假宣传 噪音扰民 排队时间过长'.split(
    ' ',
  )
const PLATFORMS = ['weibo.com', 'douyin.com', 'zhihu.com', 'tieba.baidu.com', 'mp.weixin.qq.com']

/** Title and URL of the n-th clone: words drawn at random, the serial keeps each unique. */
export function titleOf(n: number) {
  const title = `网传${PLACES[randomInt(PLACES.length)]}${SUBJECTS[randomInt(SUBJECTS.length)]}${ISSUES[randomInt(ISSUES.length)]}（编号${n}）`
  const url = `https://${PLATFORMS[randomInt(PLATFORMS.length)]}/p/${n}`
  return { title, url }
}

/** Search terms with known selectivity among the titles above. */
export const SEARCH_TERMS = {
  common: '过期食品', // one title in ten
  url: 'douyin.com', // one URL in five
  medium: '南宁市某学校', // one in two hundred
  sparse: '南宁市某学校销售过期食品', // one in two thousand
  absent: '不存在的标题',
  shortCommon: '食品', // two characters: the LIKE fallback
  shortAbsent: '无此',
} as const

// ------------------------------------------------------------ insertion

export interface CloneCohort {
  count: number
  pool: Compiled[]
  /** How far the i-th clone of template t moves in time (ms). */
  shift: (t: Template, i: number) => number
}

export interface Cloned {
  id: string
  template: Template
  shift: number
}

let serial = 0

/**
 * Inserts a cohort of clones; returns the ids (with template and shift) of those for
 * which `keep` says yes.
 */
export function insertClones(
  db: SQLite.Database,
  cohort: CloneCohort,
  keep: (t: Template) => boolean = () => false,
  batch = 5000,
): Cloned[] {
  if (cohort.pool.length === 0) throw new Error('no template fits this cohort')
  const statements = new Map<string, SQLite.Statement>()
  const statement = (table: string, columns: string[]) => {
    const key = `${table}:${columns.join(',')}`
    let s = statements.get(key)
    if (!s) {
      s = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      )
      statements.set(key, s)
    }
    return s
  }
  const kept: Cloned[] = []
  let checked = false
  const one = (i: number) => {
    const c = cohort.pool[randomInt(cohort.pool.length)]!
    const shift = cohort.shift(c.template, i)
    const { title, url } = titleOf(++serial)
    const facts: CloneFacts = { id: randomUUID(), title, url, shift }
    const times = c.instants.map((ms) => new Date(ms + shift).toISOString())
    const incident = render(c.incident, facts, times)
    // The chain starts from the clone's own identity, as the engine's does (genesisHash).
    const col = (name: string) => incident[c.incident.columns.indexOf(name)]
    let prev = genesisHash({
      id: facts.id,
      organisation: String(col('organisation')),
      plan_id: String(col('plan_id')),
      plan_version: Number(col('plan_version')),
    })
    const journal = c.journal.map((row) => {
      const values = render(row, facts, times)
      const e = Object.fromEntries(row.columns.map((k, j) => [k, values[j]])) as Record<string, string>
      const entry: ChainedEntry = {
        incident_id: e.incident_id!,
        seq: Number(e.seq),
        type: e.type!,
        payload: e.payload!,
        actor_name: e.actor_name!,
        actor_role: e.actor_role!,
        occurred_at: e.occurred_at!,
        recorded_at: e.recorded_at!,
      }
      const hash = fastEntryHash(prev, entry)
      if (!checked) {
        if (hash !== entryHash(prev, entry))
          throw new Error('fastEntryHash no longer matches src/engine/hash.ts')
        checked = true
      }
      values[row.columns.indexOf('prev_hash')] = prev
      values[row.columns.indexOf('hash')] = hash
      prev = hash
      return values
    })
    incident[c.incident.columns.indexOf('head_hash')] = prev
    statement('incidents', c.incident.columns).run(incident)
    statement('snapshots', c.snapshot.columns).run(render(c.snapshot, facts, times))
    for (const [j, row] of c.journal.entries()) statement('journal', row.columns).run(journal[j])
    for (const row of c.timers) statement('timers', row.columns).run(render(row, facts, times))
    if (keep(c.template)) kept.push({ id: facts.id, template: c.template, shift })
  }
  const many = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) one(i)
  })
  for (let i = 0; i < cohort.count; i += batch) many(i, Math.min(cohort.count, i + batch))
  return kept
}
