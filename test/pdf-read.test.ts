import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {PDFDocument, PDFHexString, StandardFonts, degrees} from 'pdf-lib'
import {beforeAll, describe, expect, it} from 'vitest'
import {PdfError, readPdf, type PdfText} from '../src/read/pdf.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const corpus = path.resolve(here, '../../shared/corpus/pdf')

/** The text lines of a result, without the form feeds that start pages. */
function textLines(result: PdfText): string[] {
  return result.text.split('\n').map((line) => line.replace(/^\f/, ''))
}

/** The lines of one page (1-based), blank lines included. */
function pageLines(result: PdfText, page: number): string[] {
  const {start, end} = result.pages[page - 1]!
  return result.text.slice(start, end).replace(/^\f/, '').split('\n')
}

/** Offsets must point at whole lines and pages. */
function expectConsistent(result: PdfText): void {
  const {text, pages, lines} = result
  expect(text.split('\f').length - 1).toBe(Math.max(0, pages.length - 1))
  pages.forEach((page, i) => {
    expect(page.number).toBe(i + 1)
    if (i > 0) {
      expect(text[page.start]).toBe('\f')
      expect(text[page.start - 1]).toBe('\n')
    } else {
      expect(page.start).toBe(0)
    }
    expect(text[page.end] ?? '\n').toBe('\n')
  })
  for (const line of lines) {
    const s = text.slice(line.start, line.end)
    expect(s.length).toBeGreaterThan(0)
    expect(s).not.toContain('\n')
    expect(line.start === 0 || text[line.start - 1] === '\n').toBe(true)
    expect(text[line.end]).toBe('\n')
    const page = pages[line.page - 1]!
    expect(line.start).toBeGreaterThanOrEqual(page.start)
    expect(line.end).toBeLessThanOrEqual(page.end)
  }
}

describe('readPdf on a PDF made here', () => {
  let result: PdfText
  // Helvetica 12: "Hello" is 28.68 pt wide.
  const size = 12

  beforeAll(async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const page = doc.addPage([595, 842])
    const put = (text: string, x: number, y: number, s = size): void => page.drawText(text, {x, y, size: s, font})
    // Content-stream order differs from reading order on purpose.
    put('third line', 72, 772)
    put('first line', 72, 800)
    put('second line', 72, 786)
    put('fourth line', 72, 758)
    put('fifth line', 72, 744)
    // A paragraph gap (44 pt instead of 14).
    put('after a gap', 72, 700)
    // Two words as separate items with a 10 pt gap, drawn right one first.
    const hello = font.widthOfTextAtSize('Hello', size)
    put('world', 72 + hello + 10, 686)
    put('Hello', 72, 686)
    // Two items with a 0.5 pt gap: one word.
    const tight = font.widthOfTextAtSize('tight', size)
    put('tight', 72, 672)
    put('join', 72 + tight + 0.5, 672)
    // A superscript note marker stays on its line, as a footnote reference.
    const note = font.widthOfTextAtSize('Note', size)
    put('Note', 72, 658)
    put('1', 72 + note, 662, 7)
    put('last line', 72, 644)
    // Rotated text does not join the lines it crosses.
    page.drawText('sideways', {x: 560, y: 300, size, font, rotate: degrees(90)})

    const two = doc.addPage([595, 842])
    two.drawText('Running header', {x: 250, y: 800, size: 10, font})
    two.drawText('2', {x: 72, y: 801.5, size: 9.5, font})
    two.drawText('Page two body', {x: 72, y: 760, size, font})
    doc.addPage([595, 842]) // blank
    result = await readPdf(await doc.save())
  })

  it('orders lines top to bottom', () => {
    const lines = pageLines(result, 1).filter((l) => l !== '')
    const order = ['first line', 'second line', 'third line', 'fourth line', 'fifth line', 'after a gap', 'Hello world']
    expect(lines.filter((l) => order.includes(l))).toEqual(order)
  })

  it('puts a blank line at a paragraph gap and none at normal spacing', () => {
    const lines = pageLines(result, 1)
    const at = (s: string): number => lines.indexOf(s)
    expect(lines.slice(at('first line'), at('fifth line') + 1)).toEqual(['first line', 'second line', 'third line', 'fourth line', 'fifth line'])
    expect(lines[at('after a gap') - 1]).toBe('')
    expect(lines[at('after a gap') + 1]).toBe('Hello world')
  })

  it('puts a space between separate items only across a real gap', () => {
    const lines = textLines(result)
    expect(lines).toContain('Hello world')
    expect(lines).toContain('tightjoin')
    expect(lines).toContain('Note[^1]') // a superscript number after a word: a footnote reference
    expect(lines).toContain('last line')
  })

  it('keeps rotated text on its own line', () => {
    expect(textLines(result)).toContain('sideways')
  })

  it('starts later pages with a form feed and splits a page number from the header', () => {
    expect(result.pages).toHaveLength(3)
    expect(result.pages.map((p) => [p.width, p.height])).toEqual([
      [595, 842],
      [595, 842],
      [595, 842]
    ])
    expect(result.text[result.pages[1]!.start]).toBe('\f')
    // A blank page is just its form feed.
    expect(result.text.slice(result.pages[2]!.start, result.pages[2]!.end)).toBe('\f')
    const lines = pageLines(result, 2).filter((l) => l !== '')
    expect(lines).toContain('Running header')
    expect(lines).toContain('2')
    expect(lines).toContain('Page two body')
    expect(result.scanned).toBe(false)
    expect(result.textlessPages).toEqual([3])
    expectConsistent(result)
  })

  it('reports line positions', () => {
    const first = result.lines.find((l) => result.text.slice(l.start, l.end) === 'first line')!
    expect(first.page).toBe(1)
    expect(first.x).toBeCloseTo(72, 1)
    expect(first.y).toBeCloseTo(842 - 800, 1)
    expect(first.height).toBeCloseTo(size, 1)
  })
})

describe('readPdf errors', () => {
  it('rejects an encrypted PDF as encrypted', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    doc.addPage([300, 300]).drawText('secret', {x: 50, y: 200, size: 12, font})
    // A standard security handler whose user password is not empty.
    const ctx = doc.context
    ctx.trailerInfo.Encrypt = ctx.register(
      ctx.obj({
        Filter: 'Standard',
        V: 1,
        R: 2,
        O: PDFHexString.of('11'.repeat(32)),
        U: PDFHexString.of('22'.repeat(32)),
        P: -4
      })
    )
    ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))])
    const bytes = await doc.save({useObjectStreams: false})
    const error = await readPdf(bytes).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PdfError)
    expect((error as PdfError).code).toBe('encrypted')
    expect((error as PdfError).message).not.toContain('\n')
  })

  it.each([
    ['empty input', new Uint8Array(0)],
    ['not a PDF', new TextEncoder().encode('hello, this is not a PDF at all')]
  ])('rejects %s as corrupt', async (_name, bytes) => {
    const error = await readPdf(bytes).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PdfError)
    expect((error as PdfError).code).toBe('corrupt')
    expect((error as PdfError).message).not.toContain('\n')
  })

  it('does not detach or change the caller’s bytes', async () => {
    const doc = await PDFDocument.create()
    doc.addPage([200, 200])
    const bytes = await doc.save()
    const copy = bytes.slice()
    await readPdf(bytes)
    expect(bytes).toEqual(copy)
  })
})

describe.skipIf(!existsSync(corpus))('readPdf on the corpus PDFs', () => {
  const read = (name: string): Promise<PdfText> => readPdf(readFileSync(path.join(corpus, name)))

  it.each([
    ['cb3-634-1-c.zh.pdf', '立法會CB(3)634/2026(01)號文件', 4],
    ['cb3-662-2-c.zh.pdf', '立法會CB(3)662/2026(02)號文件', 2],
    ['cb3-710-7-c.zh.pdf', '立法會CB(3)710/2026(07)號文件', 4],
    ['cb3-710-13-c.zh.pdf', '立法會CB(3)710/2026(13)號文件', 1]
  ])('%s has a text layer and its stamp on a line of its own', async (name, stamp, pages) => {
    const result = await read(name)
    expect(result.pages).toHaveLength(pages)
    expect(result.scanned).toBe(false)
    expect(result.textlessPages).toEqual([])
    expect(textLines(result)).toContain(stamp)
    // Nothing unreadable: no replacement characters, private-use glyphs or controls.
    expect(result.text).not.toMatch(/[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000B\u000E-\u001F]/u)
    expectConsistent(result)
  })

  it('reads the CID-font paper (Adobe-CNS1) as Chinese', async () => {
    const result = await read('cb3-710-7-c.zh.pdf')
    expect(result.text).toContain('的士載客量遠未飽和')
    expect(result.text).toContain('網約車發牌數量必須嚴格壓低')
  })

  it('keeps Latin words apart from CJK text and CJK letters together', async () => {
    const result = await read('cb3-634-1-c.zh.pdf')
    const lines = textLines(result)
    expect(lines).toContain('Uber 香港團隊')
    expect(lines).toContain('（電郵：sc_subleg@legco.gov.hk)')
  })

  it.each([
    ['cb3-710-11-c.zh.pdf', 'CB(3)710/2026(11)', 14],
    ['cb4-1616-20-21-01-ed-submission-2021.zh.pdf', 'CB(4)1616/20-21(01)', 1]
  ])('%s is scanned: only a stamp, no text layer', async (name, stamp, pages) => {
    const result = await read(name)
    expect(result.scanned).toBe(true)
    expect(result.pages).toHaveLength(pages)
    expect(result.textlessPages).toHaveLength(pages)
    expect(result.text).toContain(stamp)
    expectConsistent(result)
  })

  it('gives each of the 50 papers in one PDF its own stamp line, in order', async () => {
    const result = await read('cb3-662-351-400-ec.zh.pdf')
    const numbers = textLines(result).flatMap((line) => {
      const m = /^立法會CB\(3\)662\/2026\((\d+)\)號文件$/.exec(line)
      return m ? [Number(m[1])] : []
    })
    expect(numbers).toEqual(Array.from({length: 50}, (_, i) => 351 + i))
    expect(result.scanned).toBe(false)
    expectConsistent(result)
  })

  describe('the Hansard (250 pages, running header and page numbers)', () => {
    let result: PdfText
    beforeAll(async () => {
      result = await read('lc-hansard-cm20121121-translate.zh.pdf')
    }, 120_000)

    it('has 250 pages, each after the first starting with a form feed', () => {
      expect(result.pages).toHaveLength(250)
      expect(result.scanned).toBe(false)
      expectConsistent(result)
      for (const page of result.pages.slice(1)) {
        expect(result.text[page.start]).toBe('\f')
        expect(result.text[page.start - 1]).toBe('\n')
      }
    })

    it('puts the running header and the page number on lines of their own', () => {
      const header = '立法會 ─ 2012年11月21日'
      // Pages 1–247 are numbered 1493–1739; 248 is blank; 249–250 are appendix pages.
      for (let n = 1; n <= 247; n++) {
        const lines = pageLines(result, n)
        expect(lines, `page ${n}`).toContain(header)
        expect(lines, `page ${n}`).toContain(String(1492 + n))
      }
      // The header never shares a line with anything else.
      for (const line of textLines(result)) {
        if (line.includes('2012年11月21日') && line.startsWith('立法會')) expect(line).toBe(header)
      }
    })

    it('joins letter-spaced CJK without spaces', () => {
      expect(result.text).not.toContain('立 法 會')
      expect(pageLines(result, 2)).toContain('林健鋒議員, G.B.S., J.P.')
    })
  })
})
