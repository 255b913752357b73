/** What the event files share: a text field, a labelled list, the note-only and published payloads, `spec`. */
import { z } from 'zod'
import { fields } from '../../kit/kit.js'
import type { EventSpec } from '../../kit/types.js'

export const text = (label: string, max = 4000) => z.string().trim().min(1).max(max).describe(label)
export const labelled = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join('，')
export const noteOnly = z.object({ note: fields.note }).strict()
export const published = z.object({ draftId: fields.draftId, note: fields.note }).strict()

export type Spec = Omit<EventSpec, 'schema'> & { schema?: z.ZodObject }
export const spec = (s: Spec): EventSpec => ({ ...s, schema: s.schema ?? noteOnly })
