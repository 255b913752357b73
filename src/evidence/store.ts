/**
 * Evidence files kept content-addressed by SHA-256 (nanning-aic-2017 四(一) 固定证据):
 * `<dir>/<first two hex>/<sha256>`. A file is written under a temporary name and
 * renamed only once its hash is known, so a failed upload leaves nothing behind.
 * Nothing here deletes evidence.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, type ReadStream } from 'node:fs'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EvidenceChecker } from '../engine/verify.js'

export interface EvidenceStore extends EvidenceChecker {
  readonly dir: string
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
  return {
    dir,
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex')
      const target = pathOf(sha256)
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true })
      const exists = await stat(target).then(
        () => true,
        () => false,
      )
      if (!exists) {
        const tmp = join(dir, `.upload-${randomUUID()}`)
        try {
          await writeFile(tmp, content, { flag: 'wx' })
          await rename(tmp, target)
        } catch (e) {
          await rm(tmp, { force: true })
          throw e
        }
      }
      return { sha256, size: content.byteLength }
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
