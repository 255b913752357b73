/**
 * The plan's names for the codes its events carry (a recipient of REPORT `to`, a channel, a kind):
 * plain JavaScript with no imports, read by the console (labels.js) and by the server
 * (src/diagrams/value-words.ts, which chooses each code's one name from the plan's data and serves
 * it with the plan's events, value-names.d.ts giving the types).
 */

/**
 * The name the key of the served JSON Schema gives each code of a property's `enum` (in its order;
 * on `items` for a list), as GET /plans/:id answers it.
 */
export const NAMES_KEY = 'x-enumNames'

/**
 * code → name for one field, as its description names its allowed values: `code=名称`
 * (报送对象（group=网络舆情应急管理小组，cac=市网信办）), `code 名称；`, or names in the enum's order
 * (报送对象（分管领导、主要领导、…）). A name keeps what the description says besides it
 * (上级有关部门（仅县委办、县政府办）): `nameOf` leaves that out.
 */
export function labelsFromDescription(description, codes) {
  const out = new Map()
  if (typeof description !== 'string' || !Array.isArray(codes)) return out
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  for (const code of codes) {
    const re = new RegExp(
      `(?:^|[（(：:，,；;\\s])${esc(code)}\\s*(?:=|\\s)\\s*([^，,；;）=]+?)\\s*(?=$|[，,；;）])`,
    )
    const m = re.exec(description)
    if (m?.[1] && !/^[A-Za-z_]+$/.test(m[1])) out.set(code, closeParens(m[1].trim()))
  }
  if (out.size === codes.length) return out
  // Names in the enum's order inside the last parentheses: 载体（报纸、电视、广播、网页、其他）.
  const inner = /（([^（）]+)）\s*$/.exec(description)?.[1]
  const names = inner?.split('、').map((s) => s.trim())
  if (names && names.length === codes.length && !inner.includes('=')) {
    codes.forEach((code, i) => {
      if (!out.has(code) && names[i]) out.set(code, names[i])
    })
  }
  return out
}

/** 上级有关部门（仅县委办、县政府办 → …县政府办）: a name cut at the list's closing bracket. */
const closeParens = (name) =>
  (name.match(/（/g)?.length ?? 0) > (name.match(/）/g)?.length ?? 0) ? `${name}）` : name

/**
 * A field's description less the codes it lists, once the control names each choice:
 * 报送对象（office=人事司(宣教办)） → 报送对象; 级别：minor=影响较小，… → 级别. A description
 * that lists names only (载体（报纸、电视…）) or no choices stays as it is.
 */
export function withoutCodes(description, codes) {
  if (typeof description !== 'string' || !Array.isArray(codes) || codes.length === 0) return description
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  let first = -1
  for (const code of codes) {
    const m = new RegExp(`(^|[（(：:，,；;\\s])${esc(code)}\\s*(?:=|\\s)`).exec(description)
    if (m && (first < 0 || m.index + m[1].length < first)) first = m.index + m[1].length
  }
  if (first < 0) return description
  const head = description.slice(0, first)
  const cut = Math.max(...['（', '(', '：', ':'].map((c) => head.lastIndexOf(c)))
  const title = (cut >= 0 ? head.slice(0, cut) : head).trim()
  return title || description
}

/**
 * A description's name less what it says besides the thing named: 上级有关部门（仅县委办、县政府办）
 * → 上级有关部门, 相关部门：仅报告处置工作情况 → 相关部门, 舆情事实（三(二)） → 舆情事实.
 */
export const nameOf = (text) => {
  const cut = text.search(/[（：]/)
  return cut > 0 ? text.slice(0, cut) : text
}

/** code → name the server gives a property's codes (`NAMES_KEY`, on `items` for a list); empty if none. */
export function servedNames(prop) {
  const out = new Map()
  for (const p of [prop, prop?.items]) {
    const codes = p?.enum
    const names = p?.[NAMES_KEY]
    if (Array.isArray(codes) && Array.isArray(names))
      codes.forEach((code, i) => {
        if (typeof names[i] === 'string') out.set(code, names[i])
      })
  }
  return out
}
