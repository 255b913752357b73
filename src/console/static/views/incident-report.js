/** The incident's review material (GET /incidents/:id/report), shown and hidden by a button. */
import { api, describeError } from '../api.js'
import { h } from '../dom.js'
import { t } from '../i18n.js'

export function incidentReport(id, ctx) {
  const reportText = h('pre', { class: 'report', id: 'report', hidden: true, tabindex: '0' })
  const reportButton = h(
    'button',
    {
      type: 'button',
      'aria-controls': 'report',
      'aria-expanded': 'false',
      onclick: async () => {
        if (!reportText.hidden) {
          reportText.hidden = true
          reportButton.setAttribute('aria-expanded', 'false')
          return
        }
        try {
          reportText.textContent = await api.report(id)
          reportText.hidden = false
          reportButton.setAttribute('aria-expanded', 'true')
        } catch (e) {
          ctx.announce(describeError(e), 'error')
        }
      },
    },
    t('incident.reportShow'),
  )
  return h('div', {}, reportButton, reportText)
}
