/**
 * Forms generated from a JSON Schema (an event's payload, a plan's facts), and the
 * placing of a problem's field errors (errors[].path) next to the fields they name.
 */
import { h, nextId } from './dom.js'
import { factName } from './fact-names.js'
import { colon, lang, t, term } from './i18n.js'
import { choiceNotes, planLabel, purposeLabel, withoutCodes } from './labels.js'
import { errorPath, fieldMessage, fieldName } from './problems.js'

/** A labelled field wrapper whose error line is found by data-path. */
export function field(path, labelText, control, { required = false, hint, inline = false } = {}) {
  const id = control.id || nextId('f')
  control.id = id
  const errId = nextId('err')
  const hintId = hint ? nextId('hint') : null
  control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '))
  if (required) control.setAttribute('aria-required', 'true')
  const label = h(
    'label',
    { for: id },
    labelText,
    required ? h('span', { class: 'req', title: t('form.required') }, ' *') : null,
  )
  return h(
    'div',
    { class: inline ? 'field check' : 'field', dataset: { path } },
    inline ? [control, label] : [label, control],
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errId }),
  )
}

/**
 * A value code in words: a draft's purpose (`field` purpose) by the documents' word for it
 * (labels.js `purposeLabel`); else the plan's own name for it (from the field's description, or
 * the plan on screen), else the console's vocabulary; the code itself only when neither
 * names it.
 */
export function enumLabel(code, prop, field) {
  if (field === 'purpose') return purposeLabel(code)
  // In English a grade or a category is the vocabulary's word: the plan's own are Chinese.
  if (lang() === 'en' && (field === 'severity' || field === 'category')) return term(field, code)
  const own = planLabel(code, prop)
  if (own) return own
  for (const kind of ['value', 'severity', 'category', 'role']) {
    const label = term(kind, code)
    if (label !== String(code)) return label
  }
  return String(code)
}

/**
 * A field's name: the plan's description (less the codes it lists: the choices are shown
 * by name), else the console's label for it, else the fact's (the plan on screen's word, fact-names.js).
 */
export function labelOf(name, prop = {}) {
  if (prop.description) return withoutCodes(prop.description, prop.enum ?? prop.items?.enum)
  for (const key of [`payload.${name}`, `new.${name}`]) {
    const label = t(key)
    if (label !== key) return label
  }
  return factName(name)
}
const isLong = (prop) => prop.maxLength === undefined || prop.maxLength > 500

/**
 * Controls for every property of an object schema. `read()` returns the payload: empty
 * optional fields are left out; numbers are numbers; one-per-line lists are arrays.
 * `choices` (field name → [{ value, label }]) makes a free-text field a choice among
 * things named in words (an owed obligation, a draft), sent by their ids; `hints` (field
 * name → text) are shown below a field (a choice the role has none of, say).
 */
export function schemaForm(schema, prefix = '', choices = {}, hints = {}) {
  const readers = []
  const nodes = []
  const required = new Set(schema.required ?? [])
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name
    const need = required.has(name)
    // A field is shown by its name alone: its code (draftId, a fact's) means nothing to the reader.
    const label = labelOf(name, prop)
    if (prop.type === 'object') {
      const inner = schemaForm(prop, path)
      nodes.push(
        h(
          'fieldset',
          { class: 'group', dataset: { path } },
          h('legend', {}, label),
          inner.nodes,
          h('p', { class: 'field-error' }),
        ),
      )
      readers.push([
        name,
        () => {
          const v = inner.read()
          return Object.keys(v).length || need ? v : undefined
        },
      ])
    } else if (prop.type === 'array' && Array.isArray(prop.items?.enum)) {
      const boxes = prop.items.enum.map((v) => {
        const id = nextId('opt')
        const box = h('input', { type: 'checkbox', id, value: v, name: path })
        return [box, h('span', { class: 'check' }, box, h('label', { for: id }, enumLabel(v, prop, name)))]
      })
      nodes.push(
        h(
          'fieldset',
          { class: 'group', dataset: { path }, 'aria-required': need ? 'true' : null },
          h('legend', {}, label, need ? h('span', { class: 'req' }, ' *') : null),
          boxes.map(([, wrap]) => wrap),
          // What the description says of the choices besides their names (仅县委办、县政府办).
          choiceNotes(prop) ? h('p', { class: 'hint' }, choiceNotes(prop)) : null,
          h('p', { class: 'field-error', role: null }),
        ),
      )
      readers.push([
        name,
        () => {
          const picked = boxes.filter(([b]) => b.checked).map(([b]) => b.value)
          return picked.length ? picked : undefined
        },
      ])
    } else if (prop.type === 'array') {
      const area = h('textarea', { name: path, rows: 3 })
      nodes.push(field(path, label, area, { required: need, hint: t('form.oneperline') }))
      readers.push([
        name,
        () => {
          const lines = area.value
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean)
          return lines.length ? lines : undefined
        },
      ])
    } else if (prop.type === 'boolean') {
      const box = h('input', { type: 'checkbox', name: path })
      nodes.push(field(path, label, box, { inline: true }))
      readers.push([name, () => box.checked])
    } else if (prop.type === 'integer' || prop.type === 'number') {
      const input = h('input', {
        type: 'number',
        name: path,
        inputmode: 'numeric',
        min: prop.minimum ?? null,
        step: prop.type === 'integer' ? '1' : 'any',
      })
      nodes.push(field(path, label, input, { required: need }))
      readers.push([name, () => (input.value === '' ? undefined : Number(input.value))])
    } else if (Array.isArray(prop.enum)) {
      const select = h(
        'select',
        { name: path },
        h('option', { value: '' }, t('common.none')),
        prop.enum.map((v) => h('option', { value: v }, enumLabel(v, prop, name))),
      )
      const notes = choiceNotes(prop)
      nodes.push(field(path, label, select, { required: need, hint: notes || undefined }))
      readers.push([name, () => select.value || undefined])
    } else if (prop.type === 'string' && choices[name]?.length) {
      // The chosen thing in full below the list (a draft's whole text, for whoever approves it).
      const detail = h('p', { class: 'choice-detail', hidden: true })
      const show = () => {
        const text = choices[name].find((c) => c.value === select.value)?.detail ?? ''
        detail.textContent = text
        detail.hidden = text === ''
      }
      const select = h(
        'select',
        { name: path, onchange: show },
        h('option', { value: '' }, t('common.none')),
        choices[name].map((c) => h('option', { value: c.value }, c.label)),
      )
      const box = field(path, label, select, { required: need, hint: hints[name] })
      box.querySelector('.field-error')?.before(detail)
      box.addEventListener('prefilled', show)
      nodes.push(box)
      readers.push([name, () => select.value || undefined])
    } else {
      const control = isLong(prop)
        ? h('textarea', { name: path, rows: 3, maxlength: prop.maxLength ?? null })
        : h('input', { type: 'text', name: path, maxlength: prop.maxLength ?? null })
      nodes.push(field(path, label, control, { required: need, hint: hints[name] }))
      readers.push([name, () => (control.value.trim() === '' ? undefined : control.value)])
    }
  }
  return {
    nodes,
    /**
     * Pre-fills controls from values (an obligation's `discharge.fields`, an incident's
     * facts), nested objects included: ticks, selects, text.
     */
    fill: (values) => fillControls(nodes, values, prefix),
    read: () => {
      const out = {}
      for (const [name, read] of readers) {
        const v = read()
        if (v !== undefined) out[name] = v
      }
      return out
    },
  }
}

/**
 * Sets the controls named by `values`' paths. A nested object (METRICS_UPDATED's `facts`)
 * has no control of its own: its fields are filled by their paths (`facts.reposts`).
 */
function fillControls(nodes, values, prefix) {
  for (const [name, value] of Object.entries(values ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      fillControls(nodes, value, path)
      continue
    }
    const controls = nodes.flatMap((n) => [...n.querySelectorAll(`[name="${CSS.escape(path)}"]`)])
    for (const c of controls) {
      if (c.type === 'checkbox' && Array.isArray(value)) c.checked = value.includes(c.value)
      else if (c.type === 'checkbox') c.checked = value === true
      else if (Array.isArray(value)) c.value = value.join('\n')
      else c.value = String(value)
      c.closest('[data-path]')?.dispatchEvent(new Event('prefilled'))
    }
  }
}

/** Clears the field errors shown inside `form`. */
export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = ''
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid')
}

/**
 * Puts each error next to the field its path names (or the nearest enclosing one:
 * "to.0" → "to"). Returns the errors no field claimed, to be shown with the form.
 */
export function showErrors(form, errors) {
  const unplaced = []
  let first = null
  for (const err of errors) {
    const path = errorPath(err)
    const parts = path.split('.')
    let box = null
    while (parts.length && !box) {
      box = form.querySelector(`[data-path="${CSS.escape(parts.join('.'))}"]`)
      parts.pop()
    }
    if (!box) {
      unplaced.push({ ...err, path })
      continue
    }
    const line = box.querySelector(':scope > .field-error')
    const msg = fieldMessage(String(err.message ?? ''), {
      path,
      options: () => optionLabels(box),
      expected: err.expected,
    })
    if (line && !line.textContent.split('；').includes(msg))
      line.textContent = line.textContent ? `${line.textContent}；${msg}` : msg
    const control = box.querySelector('input, select, textarea')
    control?.setAttribute('aria-invalid', 'true')
    first ??= control
  }
  first?.focus()
  return unplaced
}

/** The names of the choices a field offers (a select's options, a fieldset's checkboxes). */
const optionLabels = (box) =>
  [...box.querySelectorAll('option, .check label')]
    .filter((el) => el.tagName !== 'OPTION' || el.value !== '')
    .map((el) => el.textContent.trim())
    .filter(Boolean)

/** The label a form shows for `path` (its field's label or legend), else undefined. */
export function labelIn(form, path) {
  const parts = String(path).split('.')
  while (parts.length) {
    const box = form.querySelector(`[data-path="${CSS.escape(parts.join('.'))}"]`)
    const label = box?.querySelector(':scope > label, :scope > legend')
    if (label) {
      const copy = label.cloneNode(true)
      for (const extra of copy.querySelectorAll('.code, .req')) extra.remove()
      return copy.textContent.trim()
    }
    parts.pop()
  }
  return undefined
}

/** The errors no field claimed, as list items: the field's name and the message, in words. */
export function unplacedItems(form, errors) {
  return errors.map((x) =>
    h(
      'li',
      {},
      `${labelIn(form, x.path) ?? fieldName(String(x.path))}${colon()}${fieldMessage(x.message, { path: x.path, expected: x.expected })}`,
    ),
  )
}
