/**
 * On an incident of an older plan version, tells an admin that a newer version exists and
 * how to move the incident to it (README "Migrating open incidents"): the API call or the
 * CLI; or that the newer version does not take incidents of this one. Others see nothing:
 * the plan version itself is in the summary.
 */
import { h } from '../dom.js'
import { addStrings, t } from '../i18n.js'

addStrings({
  zh: {
    'migrate.newer': '预案已有第 {to} 版，本事件仍按第 {from} 版办理。',
    'migrate.how': '管理员可将本事件迁移到第 {to} 版（先加 "dryRun": true 预演）：',
    'migrate.none': '第 {to} 版未声明可从第 {from} 版迁移：本事件按第 {from} 版办结。',
  },
  en: {
    'migrate.newer': 'The plan has a version {to}; this incident still runs on version {from}.',
    'migrate.how': 'An admin may migrate it to version {to} (try "dryRun": true first):',
    'migrate.none':
      'Version {to} does not migrate incidents of version {from}: this one closes on version {from}.',
  },
})

/** The notice for `role`, or null (no newer version, or not an admin). `plan` is the plan's current version. */
export function migrationNotice(plan, view, role) {
  if (role !== 'admin' || !plan || plan.version <= view.planVersion) return null
  const vars = { from: view.planVersion, to: plan.version }
  const body = JSON.stringify({ toVersion: plan.version, reason: '…' })
  const how =
    plan.migratesFrom === view.planVersion
      ? [
          h('p', {}, t('migrate.how', vars)),
          h('pre', { class: 'migrate-how' }, `POST /incidents/${view.id}/migrate ${body}`),
          h(
            'pre',
            { class: 'migrate-how' },
            `npm run cli -- migrate --plan ${view.planId} --to ${plan.version} --dry-run`,
          ),
        ]
      : [h('p', {}, t('migrate.none', vars))]
  return h(
    'div',
    { class: 'notice', id: 'migration-notice', role: 'status' },
    h('p', {}, t('migrate.newer', vars)),
    ...how,
  )
}
