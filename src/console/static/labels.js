/**
 * The plan's own names for the codes its events carry (recipients, channels, kinds):
 * read from each field's description in GET /plans/:id, which lists them as
 * `code=名称` (报送对象（group=网络舆情应急管理小组，cac=市网信办）), as `code 名称；`, or
 * as names in the enum's order (报送对象（分管领导、主要领导、…）). The plan last loaded
 * (app.js ctx.plan) is the one the page shows; codes it does not name fall back to the
 * console's vocabulary (i18n.js).
 */

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
    if (m?.[1] && !/^[A-Za-z_]+$/.test(m[1])) out.set(code, m[1].trim())
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
/** The plan the page works on now (its labels win over the shared vocabulary). */
export function usePlanLabels(plan) {
  current = planValueLabels(plan)
}
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
