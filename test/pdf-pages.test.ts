import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {beforeAll, describe, expect, it} from 'vitest'
import {importPdfJs} from '../src/read/pdf-pages.js'

const here = path.dirname(fileURLToPath(import.meta.url))
// The page workers run built code: the test reads through dist/ (npm test builds first).
const built = path.resolve(here, '../dist/read/pdf.js')

describe('importPdfJs', () => {
  it('puts back natives that a module replaced while loading', async () => {
    const push = Array.prototype.push
    const stringify = JSON.stringify
    await importPdfJs(async () => {
      Object.defineProperty(Array.prototype, 'push', {value: () => 0, writable: true, configurable: true})
      JSON.stringify = () => 'polyfill'
    })
    expect(Array.prototype.push).toBe(push)
    expect(JSON.stringify).toBe(stringify)
    expect(JSON.stringify({a: [1]})).toBe('{"a":[1]}')
  })

  it('leaves the natives after loading pdf.js', async () => {
    const push = Array.prototype.push
    const {readPdf} = await import('../src/read/pdf.js')
    const doc = await PDFDocument.create()
    doc.addPage([200, 200]).drawText('x', {x: 10, y: 100, font: await doc.embedFont(StandardFonts.Helvetica)})
    await readPdf(await doc.save())
    expect(Array.prototype.push).toBe(push)
  })
})

describe.skipIf(!existsSync(built))('pages read by several threads', () => {
  let bytes: Uint8Array
  beforeAll(async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    for (let n = 1; n <= 7; n++) {
      const page = doc.addPage([595, 842])
      page.drawText(`Page ${n} heading`, {x: 72, y: 780, size: 16, font})
      for (let i = 0; i < 6; i++) page.drawText(`line ${i + 1} of page ${n}`, {x: 72, y: 740 - 14 * i, size: 12, font})
      page.drawText('Running footer', {x: 250, y: 40, size: 9, font})
    }
    bytes = await doc.save()
  })

  it('gives what one thread gives, pages in order', async () => {
    const {readPdf} = (await import(built)) as typeof import('../src/read/pdf.js')
    const {workerChunks} = (await import(path.resolve(here, '../dist/read/pdf-pages.js'))) as typeof import('../src/read/pdf-pages.js')
    const one = await readPdf(bytes, {threads: 1})
    expect(workerChunks.count).toBe(0)
    const three = await readPdf(bytes, {threads: 3, chunk: 1, minPages: 1, callerReads: false})
    expect(workerChunks.count).toBeGreaterThan(0)
    expect(three).toEqual(one)
    expect(one.pages).toHaveLength(7)
    const order = [...one.text.matchAll(/line 1 of page (\d)/g)].map((m) => m[1])
    expect(order).toEqual(['1', '2', '3', '4', '5', '6', '7'])
  })

  it('joins chunks of unequal length (3 + 3 + 1 pages)', async () => {
    const {readPdf} = (await import(built)) as typeof import('../src/read/pdf.js')
    const two = await readPdf(bytes, {threads: 2, chunk: 3, minPages: 1, callerReads: false})
    expect(two).toEqual(await readPdf(bytes, {threads: 1}))
  })
})
