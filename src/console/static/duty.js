/**
 * The duty team's parts of the incident page: due-soon warnings (duty-warnings.js), notes
 * with corrections (duty-notes.js), the owner (assign / hand over, with a reason), and the
 * documents the plan requires (duty-documents.js). The list's amber badge is in duty-warnings.js.
 */
import { api } from './api.js'
import { h, nextId } from './dom.js'
import { documentsPanel } from './duty-documents.js'
import { smallForm } from './duty-form.js'
import { notesPanel } from './duty-notes.js'
import './duty-strings.js'
import { warningsBox } from './duty-warnings.js'
import { t } from './i18n.js'

/** Roles the engine lets assign or hand over an incident. */
const OWNER_ROLES = ['office', 'group', 'leader', 'newsLeader', 'principal', 'admin']

function ownerPanel({ id, role, ctx, onView }) {
  const now = h('p', { id: 'owner-now' })
  const owner = h('input', { id: nextId('owner'), name: 'owner', maxlength: 100, autocomplete: 'off' })
  const reason = h('input', { id: nextId('reason'), name: 'reason', maxlength: 2000 })
  const submit = h('button', { type: 'submit', class: 'primary' }, t('duty.assign'))
  const form = OWNER_ROLES.includes(role)
    ? smallForm(
        'owner-form',
        [
          [t('duty.ownerName'), owner],
          [t('duty.ownerReason'), reason],
        ],
        submit,
        async (fail) => {
          if (!owner.value.trim() || !reason.value.trim()) return fail(t('duty.ownerMissing'))
          const next = await api.assignOwner(id, { owner: owner.value, reason: reason.value })
          owner.value = ''
          reason.value = ''
          ctx.announce(t('duty.ownerChanged', { owner: next.owner, version: next.version }), 'ok')
          onView(next)
        },
      )
    : null
  const update = (v) => {
    now.textContent = v.owner ? t('duty.ownerIs', { owner: v.owner }) : t('duty.noOwner')
    submit.textContent = t(v.owner ? 'duty.handOver' : 'duty.assign')
  }
  return { node: h('div', {}, now, form), update }
}

/**
 * The incident page's duty panels. `onView(view)` is called with the incident as a write
 * returned it, so the page redraws at once.
 */
export function dutyPanels({ id, role, ctx, onView }) {
  const warnings = warningsBox()
  const notes = notesPanel({ id, role, ctx, onView })
  const owner = ownerPanel({ id, role, ctx, onView })
  const documents = documentsPanel({ id, ctx })
  const live = h(
    'span',
    { id: 'live-status', class: 'live-status', dataset: { live: 'false' } },
    t('duty.liveOff'),
  )
  return {
    warnings: warnings.node,
    notes: notes.node,
    owner: owner.node,
    documents: documents.node,
    live,
    /** Whether the stream is connected (live) or the page polls. */
    setLive(on) {
      live.dataset.live = String(on)
      live.textContent = t(on ? 'duty.liveOn' : 'duty.liveOff')
    },
    update(v) {
      warnings.update(v)
      notes.update(v)
      owner.update(v)
      documents.update(v)
    },
  }
}
