/**
 * OBLIGATIONS.md "Console": one incident of every plan walked to closed in a real browser,
 * from the owed list (应办事项): each owed item's 办理 button opens the discharging form
 * already filled in; the officer signed in is one of the roles that owe it. A release whose
 * draft is not ready offers its first step instead (先起草稿件, an approval: `firstStep`),
 * to the roles that step names. Where nothing
 * is owed the flow's own step button moves the incident on (会商, 平息, 处置结束 are
 * steps, not duties). The fields a form still needs are filled as any officer would.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import {
  chromiumAvailable,
  ROLE_OF,
  SHOTS,
  scriptErrors,
  signIn,
  signOut,
  TOKENS,
  type Who,
} from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const WHO = Object.keys(TOKENS).filter((w) => w !== 'auditor' && w !== 'admin') as Who[]

/** Fills what a generated form still lacks: text, a choice, a ticked box, a number, a draft. */
async function fillRest(form: Locator, draftId: string | null) {
  for (const box of await form.locator('[data-path]').all()) {
    const path = (await box.getAttribute('data-path')) ?? ''
    if (path === 'occurredAt') continue
    const checks = box.locator('input[type="checkbox"]')
    if ((await checks.count()) > 1) {
      if ((await box.locator('input[type="checkbox"]:checked').count()) === 0) await checks.first().check()
      continue
    }
    const select = box.locator('select')
    if ((await select.count()) === 1) {
      // A draft is chosen from the incident's drafts by its words; the walk picks the one it means.
      if (path.endsWith('draftId') && draftId && !(await select.inputValue())) {
        await select.selectOption(draftId)
        continue
      }
      if (!(await select.inputValue())) {
        const values = await select
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))
        const v = values.find((x) => x !== '')
        if (v) await select.selectOption(v)
      }
      continue
    }
    const input = box.locator('input[type="text"], input[type="number"], textarea').first()
    if ((await input.count()) === 0 || (await input.inputValue()) !== '') continue
    const type = await input.getAttribute('type')
    await input.fill(type === 'number' ? '1' : path.endsWith('draftId') && draftId ? draftId : '测试内容')
  }
}

/** Submits the open form; true when the page took it. */
async function submit(page: Page, form: Locator): Promise<boolean> {
  await form.locator('button[type="submit"]').click()
  const outcome = await Promise.race([
    form.waitFor({ state: 'detached' }).then(() => true),
    form
      .locator('.form-error p')
      .waitFor()
      .then(() => false),
  ])
  if (!outcome && (await form.count())) await form.getByRole('button', { name: '取消' }).click()
  await page.locator('#phase').waitFor()
  return outcome
}

describe.skipIf(!run)('the owed list walks every plan to closed', () => {
  const suite = consoleSuite()

  it.each(currentPlans().map((p) => [p.id, p] as const))('%s', { timeout: 240_000 }, async (planId, plan) => {
    const severity = plan.severities[0]!.code
    const res = await fetch(`${suite.server.base}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.office}`, 'content-type': 'application/json' },
      body: JSON.stringify({ planId, title: `应办事项 ${planId}`, severity, severityReason: '控制台测试' }),
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    // Who may send what (the plan's description): a role is signed in only to try what it may send.
    const doc = (await (
      await fetch(`${suite.server.base}/plans/${planId}`, {
        headers: { authorization: `Bearer ${TOKENS.auditor}` },
      })
    ).json()) as { events: Array<{ type: string; roles: string[] }> }
    const mayDo = (w: Who, type: string) =>
      doc.events.find((e) => e.type === type)?.roles.includes(ROLE_OF[w]) ?? false
    const view = async () =>
      (await (
        await fetch(`${suite.server.base}/incidents/${id}`, {
          headers: { authorization: `Bearer ${TOKENS.auditor}` },
        })
      ).json()) as {
        phase: string
        version: number
        allowedEvents: string[]
        obligations: Array<{
          id: string
          status: string
          discharge: { type: string }
          firstStep?: { type: string; roles: string[] }
        }>
        drafts: Array<{ id: string; missingApprovals: unknown[]; withdrawn: unknown }>
      }
    const page = await suite.page()
    let who: Who | null = null
    const become = async (next: Who) => {
      if (who === next) return
      if (who) await signOut(page)
      await signIn(page, next)
      who = next
      await page.goto(`${suite.server.base}/#/incidents/${id}`)
      await page.locator('#owed-list').waitFor()
      await page.locator('#phase').waitFor()
    }
    await become('office')
    const tried = new Set<string>()
    let fromList = 0
    for (let step = 0; step < 150; step++) {
      const v = await view()
      if (v.phase === 'closed') break
      if (process.env.WALK_DEBUG)
        console.log(
          planId,
          step,
          v.phase,
          who,
          await page
            .locator('#owed tr[data-obligation]')
            .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-obligation'))),
        )
      const ready = v.drafts.filter((d) => d.withdrawn === null)
      const draftId = (ready.findLast((d) => d.missingApprovals.length === 0) ?? ready.at(-1))?.id ?? null
      // The page redraws from each answer and the live stream: wait for this version, no reload.
      await page.locator(`section.incident[data-version="${v.version}"]`).waitFor()
      let done = false
      // The owed list first: each item as one of the roles that owe it (a colleague next).
      const rows = await page.locator('#owed tr[data-obligation]').all()
      const owed = await Promise.all(
        rows.map(async (r) => ({
          id: (await r.getAttribute('data-obligation')) ?? '',
          by: ((await r.getAttribute('data-owed-by')) ?? '').split(' '),
        })),
      )
      for (const o of owed) {
        // The roles that owe it first; its first step (a draft) may be someone else's to take.
        const owing = WHO.filter((x) => o.by.includes(ROLE_OF[x]))
        const shown = v.obligations.find((x) => x.id === o.id)
        const step = shown?.discharge.type ?? ''
        const first = shown?.firstStep
        const mayAct = (w: Who) =>
          mayDo(w, step) || (first?.roles.includes(ROLE_OF[w]) === true && mayDo(w, first.type))
        for (const w of [...owing, ...WHO.filter((x) => !owing.includes(x))]) {
          const key = `${o.id}:${w}`
          if (tried.has(key) || !mayAct(w)) continue
          tried.add(key)
          await become(w)
          // The discharge's 办理, or the first step's button (a draft, an approval).
          const button = page.locator(
            `#owed button[data-discharge="${o.id}"], #owed button[data-first-step="${o.id}"]`,
          )
          if ((await button.count()) === 0) {
            tried.delete(key)
            continue
          }
          const type = (await button.getAttribute('data-event')) ?? ''
          await button.click()
          const form = page.locator(`form[data-event="${type}"]`)
          await fillRest(form, draftId)
          if (await submit(page, form)) {
            done = true
            fromList++
          }
          break
        }
        if (done) break
      }
      if (done) continue
      // Nothing owed can be done now: the flow's next step, by whoever may take it.
      for (const w of WHO) {
        const untried = v.allowedEvents.some(
          (type) => mayDo(w, type) && !tried.has(`${v.phase}:${type}:${w}`),
        )
        if (!untried) continue
        await become(w)
        for (const b of await page.locator('#actions button.step[data-event]').all()) {
          const type = (await b.getAttribute('data-event')) ?? ''
          // Each step once per phase and role: a step that stays in place is not tried again.
          const key = `${v.phase}:${type}:${w}`
          if (tried.has(key)) continue
          tried.add(key)
          await b.click()
          const form = page.locator(`form[data-event="${type}"]`)
          await fillRest(form, draftId)
          if (await submit(page, form)) {
            done = true
            break
          }
        }
        if (done) break
      }
      if (!done) throw new Error(`${planId}: stuck in ${v.phase}`)
    }
    expect((await view()).phase).toBe('closed')
    expect(fromList).toBeGreaterThan(3)
    await page.reload()
    await page.locator('#owed-none').waitFor()
    if (planId === 'nanning-aic-2017')
      await page.screenshot({ path: `${SHOTS}/owed-closed.png`, fullPage: true })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
