// PDF input parsed: a PDF made here, and the corpus PDFs as LegCo published them (skipped when absent).
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {beforeAll, describe, expect, it} from 'vitest'
import {parseDocument} from '../src/index.js'
import {parsePapers, parseText} from '../src/parse.js'
import {readPdf} from '../src/read/pdf.js'
import type {Paper, Table, Text} from '../src/tree.js'
import {all, corpus, hasCorpus, ownText, paragraphs, positionErrors, schemaErrors, sections, unaccounted} from './helpers/tree.js'

/** A three-page English paper with a running header and page numbers, drawn with pdf-lib. */
async function makePaper(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const pages = [
    [
      'LC Paper No. CB(4)101/2025(01)',
      '',
      'Purpose',
      '',
      'This paper reports on the pilot scheme.',
      '',
      'Background',
      '',
      '2. The pilot scheme started in 2024 and covers all',
      'public libraries in the territory. It will run for'
    ],
    ['two years before a review.', '', '3. Members are invited to note the progress of the', 'scheme.'],
    ['Latest development', '', '4. The review will start in 2026.']
  ]
  pages.forEach((lines, index) => {
    const page = doc.addPage([595, 842])
    page.drawText('Panel on Home Affairs', {x: 400, y: 810, size: 9, font})
    lines.forEach((line, n) => line && page.drawText(line, {x: 72, y: 760 - n * 16, size: 12, font}))
    page.drawText(`- ${index + 1} -`, {x: 285, y: 40, size: 10, font})
  })
  return doc.save()
}

describe('a PDF made here', () => {
  let tree: Paper
  let text: string
  beforeAll(async () => {
    const bytes = await makePaper()
    text = (await readPdf(bytes)).text
    tree = (await parseDocument(bytes)).tree
  })

  it('reads numbers, headings and paragraphs across page breaks', () => {
    expect(tree.meta.paperNo).toBe('CB(4)101/2025(01)')
    expect(sections(tree).map((s) => s.key)).toEqual(['purpose', 'background', 'latest-development'])
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3', '4'])
    expect(ownText(paragraphs(tree)[1]!)).toBe(
      'The pilot scheme started in 2024 and covers all public libraries in the territory. It will run for two years before a review.'
    )
    expect(ownText(paragraphs(tree)[2]!)).toBe('Members are invited to note the progress of the scheme.')
  })

  it('keeps page numbers and the running header out of the text', () => {
    expect(tree.furniture.filter((f) => f.kind === 'page-number').map((f) => f.value)).toEqual(['- 1 -', '- 2 -', '- 3 -'])
    expect(tree.furniture.filter((f) => f.kind === 'running-header')).toHaveLength(2)
    expect(all<Text>(tree, 'text').some((t) => /Panel on Home Affairs|- \d -/.test(t.value))).toBe(false)
  })

  it('gives positions with pages into the extracted text', () => {
    const [, two, three] = paragraphs(tree)
    expect(two!.position.start.page).toBe(1)
    expect(two!.position.end.page).toBe(2)
    expect(three!.position.start.page).toBe(2)
    expect(text.slice(three!.position.start.offset, three!.position.start.offset + 2)).toBe('3.')
    expect(positionErrors(text, tree)).toEqual([])
    expect(schemaErrors(tree)).toEqual([])
    expect(unaccounted(text, tree)).toEqual([])
  })
})

describe('a PDF whose paragraphs start with an indented first line at normal spacing', () => {
  it('gives one paragraph each', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const page = doc.addPage([595, 842])
    const lines: [number, string][] = [
      [96, 'The first paragraph begins here and runs on to the right margin of'],
      [72, 'the page, where it wraps to a second line that ends the sentence.'],
      [96, 'The second paragraph begins indented like the first one and runs to'],
      [72, 'the margin too, then it ends on its own second line as well.']
    ]
    lines.forEach(([x, line], n) => page.drawText(line, {x, y: 760 - n * 16, size: 12, font}))
    const {tree} = await parseDocument(await doc.save())
    expect(paragraphs(tree).map((p) => ownText(p))).toEqual([
      'The first paragraph begins here and runs on to the right margin of the page, where it wraps to a second line that ends the sentence.',
      'The second paragraph begins indented like the first one and runs to the margin too, then it ends on its own second line as well.'
    ])
  })
})

describe('a PDF with a table laid out in columns', () => {
  it('gives a table whose cells are the columns, rows spaced apart or not', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const page = doc.addPage([595, 842])
    page.drawText('Appendix', {x: 72, y: 780, size: 12, font})
    const rows = [
      ['Committee', 'Date of meeting', 'Paper'],
      ['Panel on Housing', '13 February 2023', 'Minutes'],
      ['Panel on Transport', '20 March 2023', 'Agenda']
    ]
    rows.forEach((cells, n) => cells.forEach((cell, c) => page.drawText(cell, {x: 72 + c * 170, y: 740 - n * 30, size: 12, font})))
    const {tree} = await parseDocument(await doc.save())
    const tables = all<Table>(tree, 'table')
    expect(tables).toHaveLength(1)
    expect(tables[0]!.children.map((row) => row.children.map((cell) => cell.children.map((c) => (c.type === 'text' ? c.value : '')).join('')))).toEqual(rows)
  })
})

const pdf = (name: string) => readFileSync(join(corpus, 'pdf', name))

describe.skipIf(!hasCorpus)('the corpus PDFs', () => {
  const textPdfs: [string, string][] = [
    ['cb3-634-1-c.zh.pdf', 'CB(3)634/2026(01)'],
    ['cb3-662-2-c.zh.pdf', 'CB(3)662/2026(02)'],
    ['cb3-710-7-c.zh.pdf', 'CB(3)710/2026(07)'],
    ['cb3-710-13-c.zh.pdf', 'CB(3)710/2026(13)']
  ]
  for (const [name, paperNo] of textPdfs) {
    it(`${name} parses with its paper number in meta`, async () => {
      const {tree, scanned} = await parseDocument(pdf(name), name)
      expect(scanned).toBe(false)
      expect(tree.meta.paperNo).toBe(paperNo)
      expect(schemaErrors(tree)).toEqual([])
    })
  }

  it('the scanned ones say so and still give the stamp', async () => {
    for (const [name, paperNo] of [
      ['cb3-710-11-c.zh.pdf', 'CB(3)710/2026(11)'],
      ['cb4-1616-20-21-01-ed-submission-2021.zh.pdf', 'CB(4)1616/20-21(01)']
    ]) {
      const {tree, scanned} = await parseDocument(pdf(name!), name)
      expect(scanned).toBe(true)
      expect(tree.meta.paperNo).toBe(paperNo)
    }
  })

  it('no running header of the 250-page Hansard survives in any text', async () => {
    const {text, pages} = await readPdf(pdf('lc-hansard-cm20121121-translate.zh.pdf'))
    const {tree} = parseText(text, {pages})
    const header = /立法會\s*─\s*2012年11月21日/
    expect(all<Text>(tree, 'text').filter((t) => header.test(t.value) && t.value.length < 30)).toEqual([])
    expect(tree.furniture.filter((f) => f.kind === 'running-header' && header.test(f.value)).length).toBeGreaterThanOrEqual(240)
    expect(tree.furniture.filter((f) => f.kind === 'page-number').length).toBeGreaterThanOrEqual(240)
    expect(positionErrors(text, tree)).toEqual([])
  }, 60_000)

  it('the 50-paper bundle warns, and splits into 50 with the right numbers', async () => {
    const {text, pages} = await readPdf(pdf('cb3-662-351-400-ec.zh.pdf'))
    expect(parseText(text, {pages}).messages.map((m) => m.ruleId)).toContain('parse/several-papers')
    const papers = parsePapers(text, {pages})
    expect(papers.map((p) => p.tree.meta.paperNo)).toEqual(Array.from({length: 50}, (_, i) => `CB(3)662/2026(${351 + i})`))
    for (const {tree} of papers) {
      expect(tree.meta.committee).toBe('與規管網約車服務有關的4項附屬法例小組委員會')
      // The title is the Secretariat's line, no words of the submission under it (issue 12: 26 of 50 had body text in it).
      expect(tree.meta.title).toMatch(/於2026年6月10日提交的意見書$/)
      // No date signed: the day the title says it was submitted (issue 12: issueDate was null in all 50).
      expect(tree.meta.issueDate).toBe('2026-06-10')
      expect(positionErrors(text, tree)).toEqual([])
      expect(tree.messages).toBeUndefined()
    }
    expect(papers.every((p) => !p.messages.some((m) => m.ruleId === 'parse/several-papers'))).toBe(true)
  }, 60_000)
})
