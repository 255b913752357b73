/** The incident's diagram: the plan's chart with its active states highlighted, zoomable. */
import { api, describeError } from '../api.js'
import { h, replace, zoomButton } from '../dom.js'
import { t } from '../i18n.js'

/**
 * `version()` is the version of the view shown when the diagram arrives. The image is a
 * blob URL (fetched with the token): each new one revokes the one before, `stop` the last.
 */
export function incidentDiagram(id, version) {
  const box = h('figure', { class: 'diagram', id: 'diagram' })
  let url = null
  let stopped = false
  async function draw() {
    try {
      const next = await api.incidentDiagram(id)
      if (stopped) return URL.revokeObjectURL(next)
      if (url) URL.revokeObjectURL(url)
      url = next
      replace(
        box,
        h('img', { src: next, alt: t('incident.diagramAlt'), dataset: { version: String(version()) } }),
        zoomButton(box),
      )
      // The incident chart is at most 1,600 px wide: shown at its own size (scrolls), zoom fits it.
      box.classList.add('natural')
      box.querySelector('button.zoom')?.setAttribute('aria-pressed', 'true')
    } catch (e) {
      replace(box, h('p', { class: 'hint' }, t('incident.diagramFailed', { detail: describeError(e) })))
    }
  }
  function stop() {
    stopped = true
    if (url) URL.revokeObjectURL(url)
  }
  return { node: box, draw, stop }
}
