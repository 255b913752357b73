/**
 * The plan's own names for the codes its events carry (recipients, channels, kinds):
 * read from each field's description in GET /plans/:id, which lists them as
 * `code=名称` (报送对象（group=网络舆情应急管理小组，cac=市网信办）), as `code 名称；`, or
 * as names in the enum's order (报送对象（分管领导、主要领导、…）). The plan last loaded
 * (app.js ctx.plan) is the one the page shows; codes it does not name fall back to the
 * console's vocabulary (i18n.js). A draft's purpose is named by the table the documents read too
 * (purpose-words.js).
 */
import { lang } from './i18n.js'
import { purposeWord } from './purpose-words.js'

/** code → label for one field: its description read against its allowed values. */
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

/** Every enum field of every event of the plan: code → the plan's name for it. */
export function planValueLabels(plan) {
  const out = new Map()
  for (const event of plan?.events ?? []) {
    for (const prop of Object.values(event.schema?.properties ?? {})) {
      const codes = prop.enum ?? prop.items?.enum
      const found = labelsFromDescription(prop.description ?? prop.items?.description, codes)
      for (const [code, label] of found) if (!out.has(code)) out.set(code, label)
    }
  }
  return out
}

let current = new Map()
let currentId
/** The plan the page works on now (its labels win over the shared vocabulary). */
export function usePlanLabels(plan) {
  current = planValueLabels(plan)
  currentId = plan?.id
}
/** The id of the plan the page works on now (undefined before one is read). */
export const planOnScreen = () => currentId
/**
 * A draft purpose (DRAFT `purpose`) in the console's language, as the documents, the incident report
 * and the plan page's tables name it: of plan `planId`, the plan on screen by default.
 */
export const purposeLabel = (code, planId = currentId) => purposeWord(planId, code, lang())
/** The plan's name for a code, for this field (`prop`) first, else for the plan; undefined if none. */
export function planLabel(code, prop) {
  if (prop) {
    const own = labelsFromDescription(
      prop.description ?? prop.items?.description,
      prop.enum ?? prop.items?.enum,
    )
    if (own.has(code)) return own.get(code)
  }
  return current.get(code)
}
