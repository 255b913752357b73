/**
 * The incident page's evidence panel: what was kept (hash, size, type, who, when), an
 * upload form (multipart: the file and a note; at most 20 MiB), downloads through fetch()
 * and a blob URL (the token stays in a header), and "校验" (Verify), which asks the server
 * to recompute the journal's hash chain and every evidence file's hash. Every text goes
 * in as text (dom.js), whatever a file is called.
 */
import { ApiError, api, describeError } from './api.js'
import { h, nextId, replace, table } from './dom.js'
import { addStrings, paren, t, term } from './i18n.js'
import { session } from './session.js'
import { formatTime } from './time.js'

addStrings({
  zh: {
    'evidence.title': '证据',
    'evidence.caption': '已固定的证据（SHA-256 为文件内容的哈希；时间为北京时间）',
    'evidence.none': '尚未上传证据文件。',
    'evidence.stepOnly': '已记录「{event}」（{time}），尚未上传证据文件。',
    'evidence.file': '文件',
    'evidence.sha256': 'SHA-256',
    'evidence.size': '大小',
    'evidence.type': '类型',
    'evidence.by': '固定人（角色）',
    'evidence.at': '时间',
    'evidence.note': '说明',
    'evidence.download': '下载',
    'evidence.choose': '选择文件（不超过 20 MiB）',
    'evidence.noteLabel': '说明（可选）',
    'evidence.upload': '上传并固定',
    'evidence.missing': '请先选择文件。',
    'evidence.tooLarge': '文件超过 20 MiB，未上传。',
    'evidence.uploaded': '已固定「{name}」，SHA-256 {sha}（现为第 {version} 版）。',
    'evidence.verify': '校验',
    'evidence.verifying': '正在校验…',
    'evidence.ok': '校验通过：{entries} 条记录与全部证据文件均与哈希一致。链头 {head}',
    'evidence.bad': '校验未通过：第 {seq} 条记录 — {reason}。此前一致部分的链头 {head}',
    'evidence.auditorNote': '审计角色只能查看和校验，不能上传。',
    'payload.mediaType': '类型',
    'payload.filename': '文件名',
    'payload.size': '大小',
  },
  en: {
    'evidence.title': 'Evidence',
    'evidence.caption': 'Evidence kept (SHA-256 is the hash of the file’s bytes; Beijing time)',
    'evidence.none': 'No evidence file uploaded yet.',
    'evidence.stepOnly': '“{event}” was recorded ({time}); no evidence file uploaded yet.',
    'evidence.file': 'File',
    'evidence.sha256': 'SHA-256',
    'evidence.size': 'Size',
    'evidence.type': 'Type',
    'evidence.by': 'Kept by (role)',
    'evidence.at': 'When',
    'evidence.note': 'Note',
    'evidence.download': 'Download',
    'evidence.choose': 'File (at most 20 MiB)',
    'evidence.noteLabel': 'Note (optional)',
    'evidence.upload': 'Upload and keep',
    'evidence.missing': 'Choose a file first.',
    'evidence.tooLarge': 'The file is over 20 MiB; nothing was uploaded.',
    'evidence.uploaded': 'Kept "{name}", SHA-256 {sha} (now version {version}).',
    'evidence.verify': 'Verify',
    'evidence.verifying': 'Verifying…',
    'evidence.ok': 'Verified: all {entries} entries and every evidence file match their hashes. Head {head}',
    'evidence.bad': 'Verification failed at entry {seq}: {reason}. Head of the part that matches {head}',
    'evidence.auditorNote': 'Auditors can read and verify, not upload.',
    'payload.mediaType': 'Type',
    'payload.filename': 'Filename',
    'payload.size': 'Size',
  },
})

const LIMIT = 20 * 1024 * 1024
const enc = encodeURIComponent

/** fetch() with the session's token; a problem+json answer is thrown as ApiError. */
async function call(path, init = {}) {
  const token = session()?.token
  let res
  try {
    res = await fetch(path, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
    })
  } catch {
    throw new ApiError(0, { title: 'network' })
  }
  if (res.ok) return res
  let problem = {}
  try {
    problem = await res.json()
  } catch {
    problem = { title: res.statusText, detail: res.statusText }
  }
  throw new ApiError(res.status, problem)
}

/** 1536 → "1.5 KiB". */
export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB']
  let n = bytes / 1024
  let i = 0
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024
    i++
  }
  return `${n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`
}

/**
 * The panel: `node` goes on the page, `update(view)` redraws the list from the incident
 * view; `onView(view)` is told of the incident after an upload.
 */
export function evidencePanel({ id, role, ctx, onView }) {
  const listBox = h('div', { id: 'evidence-list' })
  const result = h('p', { id: 'verify-result', class: 'notice', role: 'status', hidden: true })
  const verifyButton = h(
    'button',
    { type: 'button', id: 'verify', onclick: () => verify() },
    t('evidence.verify'),
  )
  const file = h('input', { type: 'file', id: nextId('evidence-file'), name: 'file' })
  const note = h('input', { type: 'text', id: nextId('evidence-note'), name: 'note', maxlength: 4000 })
  const error = h('p', { class: 'field-error', role: 'alert' })
  const submit = h('button', { type: 'submit', class: 'primary' }, t('evidence.upload'))
  const form =
    role === 'auditor'
      ? h('p', { class: 'hint' }, t('evidence.auditorNote'))
      : h(
          'form',
          { id: 'evidence-form', class: 'duty-form', novalidate: true, onsubmit: (e) => upload(e) },
          h('div', { class: 'field' }, h('label', { for: file.id }, t('evidence.choose')), file),
          h('div', { class: 'field' }, h('label', { for: note.id }, t('evidence.noteLabel')), note),
          error,
          h('div', { class: 'actions' }, submit),
        )
  const node = h(
    'section',
    { 'aria-labelledby': 'h-evidence', id: 'evidence' },
    h('h2', { id: 'h-evidence' }, t('evidence.title')),
    listBox,
    form,
    h('div', { class: 'actions' }, verifyButton),
    result,
  )

  async function upload(e) {
    e.preventDefault()
    error.textContent = ''
    const chosen = file.files?.[0]
    if (!chosen) {
      error.textContent = t('evidence.missing')
      return
    }
    if (chosen.size > LIMIT) {
      error.textContent = t('evidence.tooLarge')
      return
    }
    const body = new FormData()
    body.append('file', chosen)
    if (note.value.trim()) body.append('note', note.value.trim())
    submit.disabled = true
    try {
      const res = await call(`/incidents/${enc(id)}/evidence`, { method: 'POST', body })
      const item = await res.json()
      form.reset()
      ctx.announce(t('evidence.uploaded', { name: item.filename, sha: item.sha256, version: item.seq }), 'ok')
      const view = await (await call(`/incidents/${enc(id)}`)).json()
      onView?.(view)
    } catch (err) {
      error.textContent =
        err instanceof ApiError && err.status === 413 ? t('evidence.tooLarge') : describeError(err)
    } finally {
      submit.disabled = false
    }
  }

  async function download(item) {
    try {
      const res = await call(`/incidents/${enc(id)}/evidence/${enc(item.sha256)}`)
      const url = URL.createObjectURL(await res.blob())
      const a = h('a', { href: url, download: item.filename, hidden: true })
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (err) {
      ctx.announce(describeError(err), 'error')
    }
  }

  async function verify() {
    verifyButton.disabled = true
    result.hidden = false
    result.className = 'notice'
    result.textContent = t('evidence.verifying')
    try {
      const r = await (await call(`/incidents/${enc(id)}/verify`)).json()
      result.className = r.ok ? 'notice verify-ok' : 'notice verify-bad'
      result.dataset.ok = String(r.ok)
      result.textContent = r.ok
        ? t('evidence.ok', { entries: r.entries, head: r.head })
        : t('evidence.bad', { seq: r.firstBad.seq, reason: r.firstBad.reason, head: r.head })
    } catch (err) {
      result.className = 'notice verify-bad'
      result.textContent = describeError(err)
    } finally {
      verifyButton.disabled = false
    }
  }

  function update(view) {
    const items = view.evidence ?? []
    replace(
      listBox,
      items.length
        ? table(
            t('evidence.caption'),
            [
              t('evidence.file'),
              t('evidence.sha256'),
              t('evidence.size'),
              t('evidence.type'),
              t('evidence.by'),
              t('evidence.at'),
              t('evidence.note'),
              '',
            ],
            items.map((item) =>
              h(
                'tr',
                { dataset: { sha256: item.sha256 } },
                h('td', {}, item.filename),
                h('td', {}, h('code', { class: 'hash', title: item.sha256 }, item.sha256)),
                h('td', {}, formatSize(item.size)),
                h('td', {}, item.mediaType),
                h('td', {}, `${item.by.name}${paren(term('role', item.by.role))}`),
                h('td', {}, formatTime(item.at)),
                h('td', {}, item.note ?? t('common.none')),
                h(
                  'td',
                  {},
                  h(
                    'button',
                    { type: 'button', class: 'link', onclick: () => download(item) },
                    t('evidence.download'),
                  ),
                ),
              ),
            ),
            { id: 'evidence-table' },
          )
        : h('p', { class: 'hint', id: 'evidence-none' }, t('evidence.none')),
    )
    if (!items.length) showEvidenceSteps(view)
  }

  /**
   * No file yet: a plan step that keeps evidence (KEEP_EVIDENCE…) may already be in the
   * journal; say so rather than "nothing kept". Asked once per version.
   */
  let askedFor = -1
  async function showEvidenceSteps(view) {
    if (askedFor === view.version) return
    askedFor = view.version
    try {
      const [items, plan] = await Promise.all([api.history(id), ctx.plan(view.planId, view.planVersion)])
      const step = items.filter((e) => /EVIDENCE/.test(e.type) && e.type !== 'EVIDENCE_ADDED').pop()
      const none = listBox.querySelector('#evidence-none')
      if (!step || !none || askedFor !== view.version) return
      const label = plan.events.find((e) => e.type === step.type)?.label ?? step.type
      none.textContent = t('evidence.stepOnly', { event: label, time: formatTime(step.occurredAt) })
      none.dataset.step = step.type
    } catch {
      // the plain "no file" line stays
    }
  }

  return { node, update }
}
