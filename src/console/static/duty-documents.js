/**
 * The documents the plan requires — opened as print-ready HTML through fetch() and a blob
 * URL, so the token travels in a header and never in a URL — or downloaded as Markdown.
 */
import { api, describeError } from './api.js'
import { h, replace } from './dom.js'
import './duty-strings.js'
import { t } from './i18n.js'

/**
 * The text fetched with the token, as a blob URL the caller revokes. A blob page inherits
 * the console's CSP, which refuses the document's inline <style>: HTML gets the same print
 * styles from the console's own stylesheet.
 */
async function blobOf(path, accept, type) {
  let text = await api.documentText(path, accept)
  if (type === 'text/html')
    text = text.replace(
      '</head>',
      `<link rel="stylesheet" href="${location.origin}/console/document.css"></head>`,
    )
  return URL.createObjectURL(new Blob([text], { type }))
}

/** The documents this plan and grade require, read again when the grade changes. */
export function documentsPanel({ id, ctx }) {
  const box = h('div', { id: 'documents' })
  let severity
  let loaded = false

  async function openHtml(d) {
    // Opened now, within the click, so a popup blocker lets it through; filled when the text is here.
    const win = window.open('', '_blank')
    if (win) win.opener = null
    try {
      const url = await blobOf(d.links.html, 'text/html', 'text/html')
      setTimeout(() => URL.revokeObjectURL(url), 120_000)
      if (win) win.location.href = url
      else
        ctx.announce(
          h('a', { href: url, target: '_blank', rel: 'noopener' }, t('duty.docBlocked', { title: d.title })),
          'info',
        )
      ctx.announce(t('duty.docOpened', { title: d.title }), 'ok')
    } catch (e) {
      win?.close()
      ctx.announce(describeError(e), 'error')
    }
  }
  async function downloadMarkdown(d) {
    try {
      const url = await blobOf(d.links.markdown, 'text/markdown', 'text/markdown;charset=utf-8')
      const a = h('a', { href: url, download: `${d.name}.md`, hidden: true })
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      ctx.announce(t('duty.docOpened', { title: d.title }), 'ok')
    } catch (e) {
      ctx.announce(describeError(e), 'error')
    }
  }
  async function load() {
    try {
      const items = await api.documents(id)
      replace(
        box,
        items.length
          ? h(
              'ul',
              { class: 'documents' },
              items.map((d) =>
                h(
                  'li',
                  { dataset: { document: d.name } },
                  h('strong', {}, d.title),
                  ' ',
                  h('span', { class: 'hint' }, t('duty.clause', { clause: d.clause })),
                  ' ',
                  h(
                    'button',
                    { type: 'button', class: 'open-html', onclick: () => openHtml(d) },
                    t('duty.openHtml'),
                  ),
                  ' ',
                  h(
                    'button',
                    { type: 'button', class: 'download-md', onclick: () => downloadMarkdown(d) },
                    t('duty.downloadMd'),
                  ),
                ),
              ),
            )
          : h('p', {}, t('duty.noDocuments')),
      )
    } catch (e) {
      replace(box, h('p', { class: 'error-text' }, describeError(e)))
    }
  }
  // Which documents are required depends on the grade: read again when it changes.
  const update = (v) => {
    if (loaded && v.severity === severity) return
    loaded = true
    severity = v.severity
    load()
  }
  return { node: box, update }
}
