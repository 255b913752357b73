/**
 * The plan's own names for the codes its events carry (recipients, channels, kinds): the names
 * GET /plans/:id gives beside each field's enum (value-names.js `servedNames`: a recipient by its
 * rules' label, another code by its description's name, src/diagrams/value-words.ts, as the
 * documents print them), else those its description lists (`code=名称`, `code 名称；`, or names in
 * the enum's order: categories, grades). The plan last loaded (app.js ctx.plan) is the one the page
 * shows; codes it does not name fall back to the console's vocabulary (i18n.js). A draft's purpose
 * is named by the table the documents read too (purpose-words.js).
 */
import { clausesOf, lang } from './i18n.js'
import { NOTES_KEY } from './plan-language.js'
import { purposeWord } from './purpose-words.js'
import { labelsFromDescription, servedNames, withoutCodes } from './value-names.js'

export { labelsFromDescription, withoutCodes }

const describedNames = (prop) =>
  labelsFromDescription(prop?.description ?? prop?.items?.description, prop?.enum ?? prop?.items?.enum)

/** code → the plan's name for one field (`prop` of an event's schema): the served one, else its description's. */
const fieldNames = (prop) => new Map([...describedNames(prop), ...servedNames(prop)])

/**
 * What a field's description says of its choices besides their names, for the form's hint: each
 * description name longer than the name shown (上级有关部门（仅县委办、县政府办）); '' if none. A field
 * of a plan in English carries its notes in English (plan-language.js).
 */
export function choiceNotes(prop) {
  if (Array.isArray(prop?.[NOTES_KEY])) return clausesOf(prop[NOTES_KEY])
  const served = servedNames(prop)
  const notes = [...describedNames(prop)]
    .filter(
      ([code, said]) => served.has(code) && said !== served.get(code) && said.startsWith(served.get(code)),
    )
    .map(([, said]) => said)
  return clausesOf(notes)
}

/** Every enum field of every event of the plan: code → the plan's name for it (the first field's). */
export function planValueLabels(plan) {
  const out = new Map()
  for (const event of plan?.events ?? []) {
    for (const prop of Object.values(event.schema?.properties ?? {})) {
      for (const [code, label] of fieldNames(prop)) if (!out.has(code)) out.set(code, label)
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
  return (prop ? fieldNames(prop).get(code) : undefined) ?? current.get(code)
}
