/**
 * The context of a version 6 incident as version 7 reads it (`migratesFrom: { from: 6 }`):
 * an owed 四(三) filing becomes the report to 市委网信办 version 7 owes (rules/versions.ts
 * `FILING_V7`), met at the first report to 市委网信办 made since it began — version 7 would
 * have counted that report as the filing (a step before it began is judged by the kit's
 * rejudge, as version 6 already counted it). A filing met, waived or withdrawn stays as it
 * is on the record. Pure.
 */
import { discharged, matchesDischarge } from '../../kit/begin.js'
import type { IncidentContext, Obligation } from '../../kit/types.js'
import { FILING_V7 } from './versions.js'

const FILING = 'report:filing'

export function contextFromV6(old: IncidentContext): IncidentContext {
  if (!old.obligations.some((o) => o.rule === FILING && o.status === 'owed')) return old
  return { ...old, obligations: old.obligations.map((o) => (o.rule === FILING ? asV7(old, o) : o)) }
}

function asV7(ctx: IncidentContext, o: Obligation): Obligation {
  if (o.status !== 'owed') return o
  const filing: Obligation = {
    ...o,
    policy: FILING_V7.policy,
    recipient: FILING_V7.recipient ?? null,
    discharge: FILING_V7.discharge,
  }
  const began = Date.parse(o.startedAt)
  const report = ctx.acts.find(
    (a) => Date.parse(a.at) > began && matchesDischarge(FILING_V7.discharge, a.type, a.fields),
  )
  return report === undefined ? filing : discharged(filing, report.at)
}
