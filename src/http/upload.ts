/**
 * A multipart/form-data evidence upload read as a stream (busboy): the file part goes
 * straight to the evidence store, hashed on the way, and never sits whole in memory; the
 * small fields (note) are kept. A file over the limit stops the upload at the limit.
 */
import { Readable } from 'node:stream'
import type { ReadableStream as WebStream } from 'node:stream/web'
import busboy from 'busboy'
import { type FieldError, ValidationError } from '../errors.js'
import type { EvidenceStore, ReceivedFile } from '../evidence/store.js'
import { textProblem } from './schemas/text.js'

export interface Upload {
  file: ReceivedFile | null
  filename: string
  mediaType: string
  fields: Record<string, string>
}

/** Form fields besides the file: few and small. */
const FIELD_LIMITS = { fields: 10, fieldSize: 16 * 1024, fieldNameSize: 100, parts: 20, files: 1 }

const malformed = (why: string) =>
  new ValidationError('the multipart body is malformed', [
    { path: '(body)', message: `not valid multipart/form-data: ${why}` },
  ])

/**
 * Reads the whole body; resolves once every part is read and the file (if any) is on
 * disk, not yet kept. Rejects with FileTooLarge, a ValidationError (malformed, or a file
 * name with control characters), or the store's error; a file received before the
 * failure is discarded.
 */
export function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  store: EvidenceStore,
  limit: number,
): Promise<Upload> {
  return new Promise<Upload>((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: FIELD_LIMITS,
        defParamCharset: 'utf8',
      })
    } catch (e) {
      return reject(malformed(e instanceof Error ? e.message : 'unreadable'))
    }
    const fields: Record<string, string> = {}
    let filename = ''
    let mediaType = ''
    let fileStream: Readable | null = null
    let receiving: Promise<ReceivedFile | null> = Promise.resolve(null)
    let failure: unknown = null
    let settled = false
    const source = body ? Readable.fromWeb(body as WebStream<Uint8Array>) : Readable.from([])

    const settle = () => {
      if (settled) return
      settled = true
      void receiving.then(async (file) => {
        if (failure === null) return resolve({ file, filename, mediaType, fields })
        await file?.discard().catch(() => undefined)
        reject(failure)
      })
    }
    /** Stops reading the parts, drains the rest of the body (the client still gets its answer). */
    const fail = (e: unknown) => {
      failure ??= e
      source.unpipe(parser)
      source.resume()
      fileStream?.destroy()
      settle()
    }

    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || fileStream || failure) return void stream.resume()
      // Browsers escape only `"`, CR and LF in a part's filename (WHATWG multipart/form-data).
      const name = (info.filename ?? '').replace(/%22|%0A|%0D/gi, (m) => decodeURIComponent(m))
      const why = textProblem(name) ?? (name.includes('\n') ? 'line break (a file name is one line)' : null)
      if (why) {
        stream.resume()
        const error: FieldError = { path: 'file', message: `the file name holds a ${why}` }
        return fail(new ValidationError('the file name holds characters no text field takes', [error]))
      }
      fileStream = stream
      // The part may fail (a body that ends inside it) before the store reads it, and an 'error'
      // with no listener ends the process. What failed is answered by the parser's own 'error'
      // (a malformed body: 400) or by the store's reading of the part (FileTooLarge: 413).
      stream.on('error', () => undefined)
      filename = name || 'evidence'
      mediaType = info.mimeType
      receiving = store.receive(stream, limit).catch((e: unknown) => {
        fail(e)
        return null
      })
    })
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated)
        return fail(malformed(`the field "${name}" is over ${FIELD_LIMITS.fieldSize} bytes`))
      // Every text field of the form is text (API.md "Hostile input"), read or not.
      if (textProblem(name)) return fail(malformed(`a field name holds ${textProblem(name)}`))
      const why = textProblem(value)
      if (why)
        return fail(
          new ValidationError('a form field holds characters no text field takes', [
            { path: name.slice(0, 40), message: why, expected: 'text without control characters' },
          ]),
        )
      fields[name] = value
    })
    parser.on('error', (e: unknown) => fail(malformed(e instanceof Error ? e.message : 'unreadable')))
    source.on('error', (e: unknown) => fail(e))
    parser.on('close', settle)
    source.pipe(parser)
  })
}
