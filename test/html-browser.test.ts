// The HTML page in a real browser: Debian's chromium, headless, driven by playwright-core (no browser
// download). Loads the seed's page, follows #p12, reads the printed numbers as the reader sees them,
// listens for console errors, and runs axe-core. Writes docs/html-seed.png, the README's screenshot.
// Skips when no chromium is installed (.ci/run installs it).
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {BrowserContext, Page} from 'playwright-core'
import {align} from '../src/align/index.js'
import {toHtml as alignmentHtml} from '../src/align/format/html.js'
import {toHtml} from '../src/emit/html.js'
import {parseText} from '../src/parse.js'
import type {Paragraph} from '../src/tree.js'
import {all, root, seed} from './helpers/tree.js'

const CHROMIUM = process.env.LEGCO_CHROMIUM ?? '/usr/bin/chromium'
const hasBrowser = existsSync(CHROMIUM)
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

describe.skipIf(!hasBrowser)('the HTML page in headless Chromium', () => {
  let context: BrowserContext
  let profile: string
  let dir: string
  const {tree} = parseText(seed)
  const errors: string[] = []

  beforeAll(async () => {
    const {chromium} = await import('playwright-core')
    profile = mkdtempSync(join(tmpdir(), 'legco-chromium-'))
    dir = mkdtempSync(join(tmpdir(), 'legco-html-'))
    context = await chromium.launchPersistentContext(profile, {executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: {width: 1000, height: 1300}})
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    for (const folder of [profile, dir]) if (folder) rmSync(folder, {recursive: true, force: true})
  })

  async function open(name: string, html: string, hash = ''): Promise<Page> {
    const file = join(dir, name)
    writeFileSync(file, html)
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${name}: ${message.text()}`)
    })
    page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`))
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) errors.push(`${name}: requested ${request.url()}`)
    })
    await page.goto(pathToFileURL(file).href + hash)
    return page
  }

  async function serious(page: Page): Promise<string[]> {
    const require = createRequire(import.meta.url)
    await page.addScriptTag({content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')})
    const violations = await page.evaluate(async () => {
      const result = await (
        globalThis as unknown as {axe: {run: () => Promise<{violations: {id: string; impact: string; help: string; nodes: unknown[]}[]}>}}
      ).axe.run()
      return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))
    })
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help}`)
  }

  it('lands on paragraph 12 and shows the printed numbers, with no console errors and nothing fetched', async () => {
    const page = await open('seed.html', toHtml(tree), '#p12')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant')
    expect(await page.locator('script').count()).toBe(0)
    const target = page.locator('#p12')
    expect(await target.count()).toBe(1)
    expect((await target.textContent()).startsWith('12.')).toBe(true)
    // The link scrolled the page to it.
    const box = (await target.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(-1)
    expect(box.y).toBeLessThan(200)
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0)

    // What the reader sees in front of each paragraph is its printed marker, in order; no list numbers added.
    const shown = await page.locator('.paragraph .num').allInnerTexts()
    const printed = all<Paragraph>(tree, 'paragraph')
      .filter((p) => p.number !== null && !p.inferred)
      .map((p) => p.marker)
    expect(shown).toEqual(printed)
    expect(await page.evaluate(() => [...document.querySelectorAll('ol.items')].every((ol) => getComputedStyle(ol).listStyleType === 'none'))).toBe(true)
    const firstItem = page.locator('li[id$="-a"]').first()
    expect((await firstItem.textContent()).startsWith('(a)')).toBe(true)

    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({path: join(root, 'docs/html-seed.png')})
    expect(errors).toEqual([])
  }, 60_000)

  it('axe-core finds no serious violations on the seed page', async () => {
    const page = await open('seed-axe.html', toHtml(tree))
    expect(await serious(page)).toEqual([])
  }, 60_000)

  it('the side-by-side page of the two versions: same anchors, both languages, no serious violations', async () => {
    const zh = parseText(readFileSync(join(root, 'fixtures/align/seed-zh.txt'), 'utf8')).tree
    const en = parseText(readFileSync(join(root, 'fixtures/align/seed-en.txt'), 'utf8')).tree
    const page = await open('aligned.html', alignmentHtml(align(zh, en)), '#p3')
    const row = page.locator('#p3')
    expect(await row.count()).toBe(1)
    const cells = await row.locator('td').all()
    expect(await cells[0]!.getAttribute('lang')).toBe('zh-Hant')
    expect(await cells[1]!.getAttribute('lang')).toBe('en')
    expect((await cells[0]!.textContent()).startsWith('3.')).toBe(true)
    expect((await cells[1]!.textContent()).startsWith('3.')).toBe(true)
    expect(await serious(page)).toEqual([])
    expect(errors).toEqual([])
  }, 60_000)
})
