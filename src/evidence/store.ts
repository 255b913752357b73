/**
 * Evidence files kept content-addressed by SHA-256 (nanning-aic-2017 四(一) 固定证据):
 * `<dir>/<first two hex>/<sha256>`. A file is streamed to a temporary name and hashed on
 * the way (never held whole in memory), then renamed into place only when its caller
 * keeps it, so a refused or failed upload leaves nothing behind. Nothing here deletes
 * evidence.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, type ReadStream } from 'node:fs'
import { mkdir, open as openFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { EvidenceChecker } from '../engine/verify.js'

/** A file received and hashed but not yet kept: `keep()` moves it into place, `discard()` removes it. */
export interface ReceivedFile {
  sha256: string
  size: number
  keep(): Promise<void>
  discard(): Promise<void>
}

/** Thrown by receive() when the source holds more than the limit; nothing is left behind. */
export class FileTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file is over ${limit} bytes`)
  }
}

export interface EvidenceStore extends EvidenceChecker {
  readonly dir: string
  /** Streams `source` to a temporary file, hashing it; over `limit` bytes it stops with FileTooLarge. */
  receive(source: AsyncIterable<Uint8Array>, limit: number): Promise<ReceivedFile>
  /** receive() and keep() of bytes already in memory. */
  put(content: Uint8Array): Promise<{ sha256: string; size: number }>
  open(sha256: string): Promise<{ stream: ReadStream; size: number } | null>
}

const HEX64 = /^[0-9a-f]{64}$/

export function createEvidenceStore(dir: string): EvidenceStore {
  const pathOf = (sha: string) => join(dir, sha.slice(0, 2), sha)
  async function hashFile(path: string): Promise<string> {
    const h = createHash('sha256')
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer)
    return h.digest('hex')
  }
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    )

  async function receive(source: AsyncIterable<Uint8Array>, limit: number): Promise<ReceivedFile> {
    await mkdir(dir, { recursive: true })
    const tmp = join(dir, `.upload-${randomUUID()}`)
    const hash = createHash('sha256')
    let size = 0
    const file = await openFile(tmp, 'wx')
    try {
      for await (const chunk of source) {
        size += chunk.byteLength
        if (size > limit) throw new FileTooLarge(limit)
        hash.update(chunk)
        await file.write(chunk)
      }
      await file.sync()
    } catch (e) {
      await file.close().catch(() => undefined)
      await rm(tmp, { force: true })
      throw e
    }
    await file.close()
    const sha256 = hash.digest('hex')
    let settled = false
    return {
      sha256,
      size,
      async keep() {
        if (settled) return
        settled = true
        const target = pathOf(sha256)
        try {
          await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true })
          // The same bytes kept before: one copy is enough.
          if (await exists(target)) await rm(tmp, { force: true })
          else await rename(tmp, target)
        } catch (e) {
          await rm(tmp, { force: true })
          throw e
        }
      },
      async discard() {
        settled = true
        await rm(tmp, { force: true })
      },
    }
  }

  return {
    dir,
    receive,
    async put(content) {
      const received = await receive(
        (async function* () {
          yield content
        })(),
        Number.POSITIVE_INFINITY,
      )
      await received.keep()
      return { sha256: received.sha256, size: received.size }
    },
    async open(sha256) {
      if (!HEX64.test(sha256)) return null
      const s = await stat(pathOf(sha256)).catch(() => null)
      return s ? { stream: createReadStream(pathOf(sha256)), size: s.size } : null
    },
    async hashOf(sha256) {
      if (!HEX64.test(sha256)) return null
      const s = await stat(pathOf(sha256)).catch(() => null)
      return s ? hashFile(pathOf(sha256)) : null
    },
  }
}
