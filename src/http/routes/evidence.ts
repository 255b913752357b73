/**
 * Evidence (固定证据, e.g. nanning-aic-2017 四(一)): a file uploaded as multipart/form-data,
 * kept content-addressed by its SHA-256 (src/evidence/store.ts) and journaled by the
 * engine (EVIDENCE_ADDED: hash, size, media type, filename, who and when), then listed
 * and downloaded with its hash in the headers. Evidence is never deleted: there is no
 * DELETE route, and the store has no delete.
 */
import { Readable } from 'node:stream'
import type { ReadableStream as WebStream } from 'node:stream/web'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import {
  AppError,
  type FieldError,
  NotFound,
  StorageUnavailable,
  TooManyRequests,
  ValidationError,
} from '../../errors.js'
import { type EvidenceStore, FileTooLarge } from '../../evidence/store.js'
import type { AppDeps, AppEnv } from '../env.js'
import { DEFAULT_LIMITS } from '../limits.js'
import { ETagHeader, etagOf, json, problems } from '../openapi.js'
import { IncidentParams } from '../schemas/incident-requests.js'
import { cleanText } from '../schemas/text.js'
import { receiveUpload, type Upload } from '../upload.js'

/** Largest evidence file: 20 MiB (the JSON limit of 64 KiB does not apply to uploads). */
export const EVIDENCE_FILE_LIMIT = 20 * 1024 * 1024
/** Room beside the file for the multipart framing and the note. */
const FRAMING = 64 * 1024

export class EvidenceTooLarge extends AppError {
  constructor() {
    super(
      'payload-too-large',
      413,
      'Payload too large',
      `an evidence file may be at most ${EVIDENCE_FILE_LIMIT} bytes (20 MiB)`,
    )
  }
}
class NotMultipart extends AppError {
  constructor() {
    super(
      'unsupported-media-type',
      415,
      'Unsupported media type',
      'send evidence as multipart/form-data with the file in the field "file"',
    )
  }
}

const MULTIPART = /^multipart\/form-data\s*;/i

/**
 * multipart/form-data (else 415) whose announced length is at most 20 MiB and its framing
 * (else 413 before anything is read). A body without a length is cut at the limit as it
 * streams (src/http/upload.ts).
 */
const uploadBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!MULTIPART.test(c.req.header('content-type') ?? '')) throw new NotMultipart()
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > EVIDENCE_FILE_LIMIT + FRAMING) throw new EvidenceTooLarge()
  await next()
}

/** What the OpenAPI document shows; the body itself is read as a stream, not validated whole. */
const UploadFormDoc = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    file: { type: 'string' as const, format: 'binary', description: 'the file, at most 20 MiB' },
    note: { type: 'string' as const, maxLength: 4000, description: 'what the file shows' },
  },
}
const NoteField = cleanText(z.string().trim().max(4000))

const Sha256Params = IncidentParams.extend({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .openapi({ param: { name: 'sha256', in: 'path' }, description: 'the file’s SHA-256, hex' }),
})

export const EvidenceItemSchema = z
  .object({
    seq: z.number().int().openapi({ description: 'the journal entry that recorded it' }),
    sha256: z.string(),
    size: z.number().int(),
    mediaType: z.string(),
    filename: z.string(),
    note: z.string().optional(),
    by: z.object({ name: z.string(), role: z.string() }),
    at: z.string(),
  })
  .openapi('Evidence')

const tags = ['evidence']

const upload = createRoute({
  method: 'post',
  path: '/incidents/{id}/evidence',
  operationId: 'uploadEvidence',
  summary: 'Keep a piece of evidence (multipart/form-data: file, optional note)',
  description:
    'The file is stored by its SHA-256 and recorded in the journal with its size, media type, ' +
    'filename, who and when. At most 20 MiB; a larger upload leaves nothing behind.',
  tags,
  middleware: [uploadBody] as const,
  request: {
    params: IncidentParams,
    body: { content: { 'multipart/form-data': { schema: UploadFormDoc } }, required: true },
  },
  responses: {
    201: {
      ...json(EvidenceItemSchema, 'the evidence, recorded'),
      headers: { ...ETagHeader, Location: { schema: { type: 'string' }, description: 'its download' } },
    },
    400: problems[400],
    401: problems[401],
    403: problems[403],
    404: problems[404],
    413: { ...problems[413], description: 'the file is over 20 MiB' },
    415: { ...problems[415], description: 'the body is not multipart/form-data' },
    429: { ...problems[429], description: "too many uploads of the caller's organisation at once" },
    503: problems[503],
  },
})

const list = createRoute({
  method: 'get',
  path: '/incidents/{id}/evidence',
  operationId: 'listEvidence',
  summary: 'The evidence kept for an incident, oldest first',
  description: 'The evidence kept for this incident (name, size, SHA-256, who kept it, when), oldest first.',
  tags,
  request: { params: IncidentParams },
  responses: {
    200: json(z.object({ items: z.array(EvidenceItemSchema) }), 'the evidence'),
    401: problems[401],
    404: problems[404],
    503: problems[503],
  },
})

const download = createRoute({
  method: 'get',
  path: '/incidents/{id}/evidence/{sha256}',
  operationId: 'downloadEvidence',
  summary: 'Download one piece of evidence',
  description:
    'The stored bytes, as an attachment of the recorded media type, with `Digest: sha-256=<base64>` ' +
    'and `X-Content-SHA256: <hex>`: a client can check the bytes against the journal.',
  tags,
  request: { params: Sha256Params },
  responses: {
    200: {
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'the file',
      headers: {
        Digest: { schema: { type: 'string' }, description: 'sha-256=<base64 of the hash>' },
        'X-Content-SHA256': { schema: { type: 'string' }, description: 'the hash, hex' },
      },
    },
    401: problems[401],
    404: problems[404],
    503: problems[503],
  },
})

/** The last path segment, without control characters, at most 255 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const clean = [...base.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, 255).join('')
  return clean === '' || clean === '.' || clean === '..' ? 'evidence' : clean
}

/** `type/subtype` without parameters, or application/octet-stream when the client sent none or junk. */
export function cleanMediaType(type: string): string {
  const t = type.split(';')[0]?.trim().toLowerCase() ?? ''
  return t.length <= 127 && /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(t)
    ? t
    : 'application/octet-stream'
}

/** RFC 6266: an ASCII fallback and the UTF-8 name (RFC 8187). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const utf8 = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`
}

/** A full disk or an unwritable evidence directory is "storage unavailable", like the database's. */
function fileStorageError(e: unknown): never {
  const code = (e as { code?: unknown }).code
  if (typeof code === 'string' && /^(ENOSPC|EDQUOT|EROFS|EIO|EACCES|EPERM|EMFILE|ENFILE)$/.test(code))
    throw new StorageUnavailable(`the evidence store cannot take files now (${code}); retry later`)
  throw e
}

export function evidenceRoutes({ engine, limits }: Pick<AppDeps, 'engine' | 'limits'>, store: EvidenceStore) {
  const perOrganisation = limits?.uploadsPerOrganisation ?? DEFAULT_LIMITS.uploadsPerOrganisation
  const inFlight = new Map<string, number>()
  return new OpenAPIHono<AppEnv>()
    .openapi(upload, async (c) => {
      const { id } = c.req.valid('param')
      const caller = c.get('caller')
      // Another organisation's incident, or none: 404 before a byte reaches the store.
      await engine.get(id, caller)
      const org = caller.organisation
      const busy = inFlight.get(org) ?? 0
      if (busy >= perOrganisation)
        throw new TooManyRequests(
          `${busy} uploads of this organisation are in progress (at most ${perOrganisation} at once); retry when one ends`,
          5,
          'EVIDENCE_UPLOADS_PER_ORGANISATION',
        )
      inFlight.set(org, busy + 1)
      let received: Upload
      try {
        received = await receiveUpload(
          c.req.raw.body,
          c.req.header('content-type') ?? '',
          store,
          EVIDENCE_FILE_LIMIT,
        ).catch((e: unknown) => {
          if (e instanceof FileTooLarge) throw new EvidenceTooLarge()
          if (e instanceof AppError) throw e
          return fileStorageError(e)
        })
      } finally {
        const left = (inFlight.get(org) ?? 1) - 1
        if (left > 0) inFlight.set(org, left)
        else inFlight.delete(org)
      }
      const { file } = received
      const refuse = async (errors: FieldError[], detail: string) => {
        await file?.discard()
        throw new ValidationError(detail, errors)
      }
      if (!file)
        return refuse([{ path: 'file', message: 'required: one file in the field "file"' }], 'no file')
      if (file.size === 0) return refuse([{ path: 'file', message: 'empty file' }], 'the file is empty')
      const note = NoteField.safeParse(received.fields.note ?? '')
      if (!note.success)
        return refuse(
          note.error.issues.map((i) => ({ path: 'note', message: i.message })),
          'the note failed validation',
        )
      await file.keep().catch(fileStorageError)
      const view = await engine.addEvidence(id, caller, {
        sha256: file.sha256,
        size: file.size,
        mediaType: cleanMediaType(received.mediaType),
        filename: cleanFilename(received.filename),
        ...(note.data ? { note: note.data } : {}),
      })
      const item = view.evidence?.at(-1)
      if (!item) throw new Error('the evidence entry is missing from the view it made')
      c.header('ETag', etagOf(view.version))
      c.header('Location', `/incidents/${encodeURIComponent(id)}/evidence/${item.sha256}`)
      return c.json(item, 201)
    })
    .openapi(list, async (c) => {
      const view = await engine.get(c.req.valid('param').id, c.get('caller'))
      return c.json({ items: view.evidence ?? [] }, 200)
    })
    .openapi(download, async (c) => {
      const { id, sha256 } = c.req.valid('param')
      const view = await engine.get(id, c.get('caller'))
      // Only what this incident recorded: a hash kept for another incident is not reachable here.
      const item = view.evidence?.find((e) => e.sha256 === sha256)
      if (!item) throw new NotFound(`evidence ${sha256} of incident ${id}`)
      const file = await store.open(sha256).catch(fileStorageError)
      if (!file)
        throw new NotFound(
          `the file of evidence ${sha256} (GET /incidents/${id}/verify names the entry that lost it)`,
        )
      const stream = Readable.toWeb(file.stream) as WebStream<Uint8Array>
      return c.body(stream as unknown as ReadableStream, 200, {
        'content-type': item.mediaType,
        'content-length': String(file.size),
        'content-disposition': contentDisposition(item.filename),
        digest: `sha-256=${Buffer.from(sha256, 'hex').toString('base64')}`,
        'x-content-sha256': sha256,
        // Whatever the file holds, a browser neither renders nor runs it here.
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      })
    })
}
