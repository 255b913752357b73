/**
 * The journal's entries that are no event of a plan (an opening, a deadline's warning or
 * breach, a note, an owner, evidence, a migration), in words: the one table the console's
 * journal and notices, the incident report (src/diagrams/incident-report.ts) and the printed
 * documents' 处置经过 (src/documents/render.ts) all read, so that one entry has one name.
 * Plain JavaScript with no imports: the browser loads it as it is (src/console/routes.ts) and
 * the server imports it (entry-words.d.ts gives its types). A plan's events are named by the plan.
 */

/** Each entry type the service writes itself, in zh and en. */
export const ENTRY_WORDS = {
  OPENED: { zh: '立案', en: 'Opened' },
  DEADLINE_WARNING: { zh: '时限预警', en: 'Deadline warning' },
  DEADLINE_PASSED: { zh: '时限已过', en: 'Deadline passed' },
  NOTE_ADDED: { zh: '备注', en: 'Note' },
  OWNER_ASSIGNED: { zh: '指派负责人', en: 'Owner assigned' },
  OWNER_HANDED_OVER: { zh: '移交负责人', en: 'Handed over' },
  EVIDENCE_ADDED: { zh: '固定证据', en: 'Evidence kept' },
  DOCUMENT_GENERATED: { zh: '生成文书', en: 'Document generated' },
  MIGRATED: { zh: '迁移至新预案版本', en: 'Moved to a new plan version' },
  UPGRADED: { zh: '升级预案版本', en: 'Plan version upgraded' },
  REQUOTE: { zh: '重算截止时间', en: 'Due times recomputed' },
}

/** An entry's name: the service's own entries from the table, else the plan's event label, else its type. */
export const entryWord = (type, planEvents, lang = 'zh') =>
  ENTRY_WORDS[type]?.[lang] ?? planEvents?.find((e) => e.type === type)?.label ?? type
