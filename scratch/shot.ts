import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
const [file, out, width] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] })
const page = await browser.newPage({ viewport: { width: Number(width ?? 1400), height: 1000 } })
const body = file!.endsWith('.svg') ? readFileSync(file!, 'utf8').replace(/^[\s\S]*?<svg/, '<svg') : readFileSync(file!, 'utf8')
await page.setContent(file!.endsWith('.svg') ? `<html><body style="margin:0">${body}</body></html>` : body)
await page.screenshot({ path: out, fullPage: true })
await browser.close()
