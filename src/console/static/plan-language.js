/**
 * A plan as GET /plans/:id gives it (its events, fields and choices named in its own Chinese),
 * in the console's language: in English, each event by event-words.js, each field by
 * field-words.js (its description, which the forms, refusals and the plan page name it by), each
 * choice's name (`x-enumNames`) by field-words.js, each grade by the vocabulary's word. The
 * console reads every plan through this (app.js), so a form, a button, the owed list, the
 * journal and a notice name an event alike. In Chinese the plan is left as it is. What no table
 * names keeps the plan's word. The states' labels, the clauses and obligations keep the plan's.
 */
import { eventWordEn } from './event-words.js'
import { choiceNotesEn, choiceWordEn, fieldWordEn } from './field-words.js'
import { lang, term } from './i18n.js'
import { NAMES_KEY } from './value-names.js'

/** The client-side key of a localized field's notes on its choices (labels.js `choiceNotes`). */
export const NOTES_KEY = 'x-choiceNotes'

const cache = new WeakMap()

/** `plan` (a description or a summary of GET /plans) in the console's language; the same object in Chinese. */
export function planInLanguage(plan) {
  if (!plan || lang() !== 'en') return plan
  let out = cache.get(plan)
  if (!out) {
    out = inEnglish(plan)
    cache.set(plan, out)
  }
  return out
}

function inEnglish(plan) {
  const out = { ...plan }
  if (Array.isArray(plan.severities))
    out.severities = plan.severities.map((s) => ({ ...s, label: term('severity', s.code) }))
  if (Array.isArray(plan.events))
    out.events = plan.events.map((e) => ({
      ...e,
      label: eventWordEn(plan.id, e.type) ?? e.label,
      // The plan's own word, which its text says (the plan page shows it beside the English).
      planLabel: e.label,
      schema: schemaInEnglish(plan.id, e.type, e.schema),
    }))
  const facts = plan.severityRules?.facts
  if (facts) out.severityRules = { ...plan.severityRules, facts: factsInEnglish(facts) }
  return out
}

/** An object schema's properties named in English: `facts` by the vocabulary, the others by field-words.js. */
function schemaInEnglish(planId, type, schema) {
  if (!schema?.properties) return schema
  const properties = {}
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (name === 'facts' && prop?.type === 'object') {
      properties[name] = { ...factsInEnglish(prop), description: fieldWordEn(type, name) }
      continue
    }
    const word = fieldWordEn(type, name)
    const named = word ? { ...prop, description: word } : { ...prop }
    properties[name] = withChoices(planId, name, named)
  }
  return { ...schema, properties }
}

/** The facts' schema with each fact described by the vocabulary's English word. */
const factsInEnglish = (schema) => ({
  ...schema,
  properties: Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([fact, prop]) => [
      fact,
      { ...prop, description: term('fact', fact) },
    ]),
  ),
})

/** A coded field's choices named in English (on `items` for a list), with the plan's notes on them. */
function withChoices(planId, name, prop) {
  const holder = Array.isArray(prop.enum) ? 'self' : Array.isArray(prop.items?.enum) ? 'items' : null
  if (!holder) return prop
  const on = holder === 'self' ? prop : prop.items
  const names = on.enum.map((code) => choiceWordEn(planId, name, code) ?? null)
  const named = { ...on, [NAMES_KEY]: names }
  const notes = choiceNotesEn(planId, name, on.enum)
  const out = holder === 'self' ? named : { ...prop, items: named }
  return notes.length ? { ...out, [NOTES_KEY]: notes } : out
}
