import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyIncident } from '../../src/engine/verify.js'
import { createEvidenceStore } from '../../src/evidence/store.js'
import { caller, freshEngine, type TestEngine } from '../helpers/engine.js'

const office = caller('office')
const opened: TestEngine[] = []
afterEach(async () => {
  for (const t of opened.splice(0)) await t.store.close()
})

async function scripted() {
  const t = await freshEngine()
  opened.push(t)
  const evidence = createEvidenceStore(mkdtempSync(join(tmpdir(), 'evidence-')))
  const v = await t.engine.open({ planId: 'neixiang-2017', title: '网传某事' }, office)
  await t.engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
  const file = await evidence.put(new TextEncoder().encode('<html>截图</html>'))
  await t.engine.addEvidence(v.id, office, { ...file, mediaType: 'text/html', filename: 'page.html' })
  await t.engine.addNote(v.id, office, { text: '已联系发帖人' })
  await t.engine.send(v.id, { type: 'REPORT', fields: { to: ['group', 'principal'], proposal: 'p' } }, office)
  return { ...t, id: v.id, evidence, file }
}

describe('the tamper-evident journal', () => {
  it('an untouched incident verifies clean, and its head is the last entry hash', async () => {
    const t = await scripted()
    const r = await verifyIncident(t.store.db, t.id, t.evidence)
    expect(r).toMatchObject({ ok: true, firstBad: null, entries: 5 })
    const last = (await t.engine.history(t.id, office)).at(-1)!
    expect(r.head).toBe(last.hash)
  })

  it('detects an altered payload and names the entry', async () => {
    const t = await scripted()
    await t.store.db
      .updateTable('journal')
      .set({ payload: JSON.stringify({ severity: 'general' }) })
      .where('incident_id', '=', t.id)
      .where('seq', '=', 2)
      .execute()
    expect((await verifyIncident(t.store.db, t.id)).firstBad).toMatchObject({ seq: 2 })
  })

  it('detects a deleted entry, in the middle or at the end', async () => {
    const t = await scripted()
    await t.store.db.deleteFrom('journal').where('incident_id', '=', t.id).where('seq', '=', 3).execute()
    expect((await verifyIncident(t.store.db, t.id)).firstBad).toMatchObject({ seq: 3 })
    await t.store.db.deleteFrom('journal').where('incident_id', '=', t.id).where('seq', '=', 5).execute()
    expect((await verifyIncident(t.store.db, t.id)).ok).toBe(false)
  })

  it('detects the last entry deleted with the head rolled back to hide it', async () => {
    const t = await scripted()
    const prev = await t.store.db
      .selectFrom('journal')
      .select('hash')
      .where('seq', '=', 4)
      .executeTakeFirstOrThrow()
    await t.store.db.deleteFrom('journal').where('incident_id', '=', t.id).where('seq', '=', 5).execute()
    await t.store.db.updateTable('incidents').set({ head_hash: prev.hash }).where('id', '=', t.id).execute()
    expect((await verifyIncident(t.store.db, t.id)).firstBad).toMatchObject({ seq: 5 })
  })

  it('detects two entries swapped', async () => {
    const t = await scripted()
    const db = t.store.db
    await db
      .updateTable('journal')
      .set({ seq: 99 })
      .where('incident_id', '=', t.id)
      .where('seq', '=', 2)
      .execute()
    await db
      .updateTable('journal')
      .set({ seq: 2 })
      .where('incident_id', '=', t.id)
      .where('seq', '=', 3)
      .execute()
    await db
      .updateTable('journal')
      .set({ seq: 3 })
      .where('incident_id', '=', t.id)
      .where('seq', '=', 99)
      .execute()
    expect((await verifyIncident(db, t.id)).firstBad).toMatchObject({ seq: 2 })
  })

  it('detects an evidence file changed on disk', async () => {
    const t = await scripted()
    const path = join(t.evidence.dir, t.file.sha256.slice(0, 2), t.file.sha256)
    writeFileSync(path, '<html>改过</html>')
    const r = await verifyIncident(t.store.db, t.id, t.evidence)
    expect(r.firstBad).toMatchObject({ seq: 3 })
    expect(r.firstBad?.reason).toContain('altered')
  })
})

describe('notes and owners', () => {
  it('notes are journaled and never edited: a correction points at the note it corrects', async () => {
    const t = await scripted()
    const notes = (await t.engine.get(t.id, office)).notes!
    const v = await t.engine.addNote(t.id, caller('unit'), {
      text: '更正：已联系两次',
      corrects: notes[0]!.seq,
    })
    expect(v.notes).toEqual([
      expect.objectContaining({ text: '已联系发帖人', corrects: null }),
      expect.objectContaining({
        text: '更正：已联系两次',
        corrects: 4,
        by: { name: 'unit-user', role: 'unit' },
      }),
    ])
    await expect(t.engine.addNote(t.id, office, { text: 'x', corrects: 2 })).rejects.toMatchObject({
      status: 400,
    })
    await expect(t.engine.addNote(t.id, caller('auditor'), { text: 'x' })).rejects.toMatchObject({
      status: 403,
    })
  })

  it('assigns and hands over an owner with a reason, and the list filters by owner', async () => {
    const t = await scripted()
    await t.engine.assignOwner(t.id, office, { owner: '张三', reason: '值班' })
    const v = await t.engine.assignOwner(t.id, caller('group'), { owner: '李四', reason: '换班' })
    expect(v.owner).toBe('李四')
    const h = (await t.engine.history(t.id, office)).slice(-2)
    expect(h.map((e) => [e.type, e.payload])).toEqual([
      ['OWNER_ASSIGNED', { from: null, to: '张三', reason: '值班' }],
      ['OWNER_HANDED_OVER', { from: '张三', to: '李四', reason: '换班' }],
    ])
    expect((await t.engine.list({ owner: '李四' }, office)).items.map((i) => i.id)).toEqual([t.id])
    expect((await t.engine.list({ owner: '张三' }, office)).items).toEqual([])
    // the machine still moves, and the annotations stay in the view
    const next = await t.engine.send(t.id, { type: 'CONVENE', fields: {} }, caller('group'))
    expect(next).toMatchObject({ owner: '李四', phase: 'consultation' })
    expect(next.notes).toHaveLength(1)
    expect(next.evidence).toHaveLength(1)
    await expect(
      t.engine.assignOwner(t.id, caller('monitor'), { owner: 'x', reason: 'y' }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
