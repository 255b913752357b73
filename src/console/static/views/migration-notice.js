/**
 * On an incident of an older plan version, tells everyone, right above the summary that
 * names the plan, that the incident runs on that version and the page shows it by that
 * version's rules; an admin is also told how to move it to the next version (README
 * "Migrating open incidents"): the API call or the CLI; or that the next version does not
 * take incidents of this one.
 */
import { h } from '../dom.js'
import { addStrings, t } from '../i18n.js'

addStrings({
  zh: {
    'migrate.older':
      '预案现行为第 {current} 版，本事件仍按第 {from} 版办理：本页的状态、事件、期限和豁免均按第 {from} 版显示。',
    'migrate.how': '管理员可将本事件迁移到第 {to} 版（先加 "dryRun": true 预演）：',
    'migrate.stepwise': '版本逐版迁移：到第 {to} 版后，再迁移到下一版，直至第 {current} 版。',
    'migrate.none': '第 {to} 版未声明可从第 {from} 版迁移：本事件按第 {from} 版办结。',
  },
  en: {
    'migrate.older':
      "The plan's current version is {current}; this incident still runs on version {from}, and this page shows its states, events, deadlines and waivers as version {from} defines them.",
    'migrate.how': 'An admin may migrate it to version {to} (try "dryRun": true first):',
    'migrate.stepwise':
      'Versions move one at a time: from version {to}, migrate again, up to version {current}.',
    'migrate.none':
      'Version {to} does not migrate incidents of version {from}: this one closes on version {from}.',
  },
})

/**
 * What the notice needs besides the incident: the plan's current version, and the version
 * right after the incident's (where a migration moves it) with the version it migrates
 * from; null when they cannot be read (then no notice is shown).
 */
export async function planVersions(view, ctx) {
  try {
    const current = (await ctx.plans()).find((p) => p.id === view.planId)?.version
    if (current === undefined || current <= view.planVersion) return { current, next: null }
    const next = await ctx.peekPlan(view.planId, view.planVersion + 1)
    return { current, next: { version: next.version, migratesFrom: next.migratesFrom } }
  } catch {
    return null
  }
}

/** The notice, or null (the incident is on the current version). `versions` as planVersions gives. */
export function migrationNotice(versions, view, role) {
  const current = versions?.current
  if (current === undefined || current <= view.planVersion) return null
  const to = versions.next?.version ?? current
  const vars = { from: view.planVersion, to, current }
  const body = JSON.stringify({ toVersion: to, reason: '…' })
  const how =
    role !== 'admin'
      ? []
      : versions.next?.migratesFrom === view.planVersion
        ? [
            h('p', {}, t('migrate.how', vars)),
            h('pre', { class: 'migrate-how' }, `POST /incidents/${view.id}/migrate ${body}`),
            h(
              'pre',
              { class: 'migrate-how' },
              `npm run cli -- migrate --plan ${view.planId} --to ${to} --dry-run`,
            ),
            to < current ? h('p', {}, t('migrate.stepwise', vars)) : null,
          ]
        : [h('p', {}, t('migrate.none', vars))]
  return h(
    'div',
    {
      class: 'notice',
      id: 'migration-notice',
      role: 'status',
      dataset: { planVersion: String(view.planVersion) },
    },
    h('p', {}, t('migrate.older', vars)),
    ...how,
  )
}
