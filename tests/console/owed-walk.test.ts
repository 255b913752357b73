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

/** What fillRest reads of a form's fields in the page (the tests compile without the DOM's types). */
interface Dom {
  getAttribute(name: string): string | null
  querySelector(selector: string): Dom | null
  querySelectorAll(selector: string): ArrayLike<Dom>
  value: string
  options: ArrayLike<{ value: string }>
}

/** Fills what a generated form still lacks: text, a choice, a ticked box, a number, a draft. */
async function fillRest(form: Locator, draftId: string | null) {
  // What each field holds, read in one go (a call per field and question made a large form
  // cost a second); then only the fields still empty are filled, as an officer would.
  const boxes = await form.locator('[data-path]').evaluateAll((els) =>
    els.map((raw) => {
      const el = raw as unknown as Dom
      const selects = el.querySelectorAll('select')
      const select = selects.length === 1 ? selects[0] : undefined
      const input = el.querySelector('input[type="text"], input[type="number"], textarea')
      return {
        path: el.getAttribute('data-path') ?? '',
        checks: el.querySelectorAll('input[type="checkbox"]').length,
        checked: el.querySelectorAll('input[type="checkbox"]:checked').length,
        select: select ? { value: select.value, options: Array.from(select.options, (o) => o.value) } : null,
        input: input ? { value: input.value, type: input.getAttribute('type') } : null,
      }
    }),
  )
  for (const [i, b] of boxes.entries()) {
    if (b.path === 'occurredAt') continue
    const box = form.locator('[data-path]').nth(i)
    if (b.checks > 1) {
      if (b.checked === 0) await box.locator('input[type="checkbox"]').first().check()
      continue
    }
    if (b.select) {
      if (b.select.value) continue
      // A draft is chosen from the incident's drafts by its words; the walk picks the one it means.
      const v = b.path.endsWith('draftId') && draftId ? draftId : b.select.options.find((x) => x !== '')
      if (v) await box.locator('select').selectOption(v)
      continue
    }
    if (b.input?.value !== '') continue
    await box
      .locator('input[type="text"], input[type="number"], textarea')
      .first()
      .fill(b.input.type === 'number' ? '1' : b.path.endsWith('draftId') && draftId ? draftId : '测试内容')
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
        state: unknown
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
    // Signing in as a role costs a sign-out, a sign-in and a reload: the walk signs in only as
    // a role the page would give a button. The owed list's 办理 needs the event accepted now
    // (allowedEvents, the same for every role), and for a step or a decision a role that owes
    // it; a step button needs the event a step from the state (the same for every role who may
    // send it: once a role that may send it found none, no other would in that state).
    const noStep = new Set<string>()
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
      const owed = await page.locator('#owed tr[data-obligation]').evaluateAll((rs) =>
        rs.map((r) => ({
          id: r.getAttribute('data-obligation') ?? '',
          kind: r.getAttribute('data-kind') ?? '',
          by: (r.getAttribute('data-owed-by') ?? '').split(' '),
        })),
      )
      const at = JSON.stringify(v.state)
      for (const o of owed) {
        // The roles that owe it first; its first step (a draft) may be someone else's to take.
        const owing = WHO.filter((x) => o.by.includes(ROLE_OF[x]))
        const shown = v.obligations.find((x) => x.id === o.id)
        const step = shown?.discharge.type ?? ''
        const first = shown?.firstStep
        // Neither its event nor its first step (a draft, an approval) taken now: no button for anyone.
        if (!v.allowedEvents.includes(step) && !(first && v.allowedEvents.includes(first.type))) continue
        const mayAct = (w: Who) =>
          mayDo(w, step) || (first?.roles.includes(ROLE_OF[w]) === true && mayDo(w, first.type))
        // A duty's 办理 is for the roles that owe it (owed.js); another role has a button only for
        // its first step (a draft, an approval) where that step names it.
        const others = WHO.filter((x) => !owing.includes(x) && first?.roles.includes(ROLE_OF[x]) === true)
        for (const w of [...owing, ...others]) {
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
          (type) => mayDo(w, type) && !tried.has(`${v.phase}:${type}:${w}`) && !noStep.has(`${at}:${type}`),
        )
        if (!untried) continue
        await become(w)
        const buttons = await page.locator('#actions button.step[data-event]').all()
        const shown = await Promise.all(buttons.map(async (b) => (await b.getAttribute('data-event')) ?? ''))
        for (const type of v.allowedEvents)
          if (mayDo(w, type) && !shown.includes(type)) noStep.add(`${at}:${type}`)
        for (const b of buttons) {
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
