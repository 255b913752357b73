/**
 * Renders Mermaid text with the real Mermaid 11 (node_modules/mermaid/dist/mermaid.min.js)
 * in Chromium, as a repository viewer does, and reports each chart's natural width
 * (the `max-width` Mermaid gives its SVG) or the error Mermaid raised.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
export const MERMAID_JS = join(require.resolve('mermaid/package.json'), '..', 'dist', 'mermaid.min.js')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const canRender = (): boolean => existsSync(CHROMIUM) && existsSync(MERMAID_JS)

export interface Rendered {
  width: number | null
  error: string | null
}

export async function renderMermaid(texts: readonly string[]): Promise<Rendered[]> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ path: MERMAID_JS })
    const out: Rendered[] = []
    for (const [i, text] of texts.entries()) {
      out.push(
        await page.evaluate(
          async ({ text, i }) => {
            const mermaid = (
              globalThis as unknown as {
                mermaid: {
                  initialize(c: object): void
                  render(id: string, t: string): Promise<{ svg: string }>
                }
              }
            ).mermaid
            mermaid.initialize({ startOnLoad: false })
            try {
              const { svg } = await mermaid.render(`chart${i}`, text)
              const w = /max-width:\s*([\d.]+)px/.exec(svg)?.[1]
              return { width: w ? Number(w) : null, error: null }
            } catch (e) {
              return { width: null, error: String(e) }
            }
          },
          { text, i },
        ),
      )
    }
    return out
  } finally {
    await browser.close()
  }
}
