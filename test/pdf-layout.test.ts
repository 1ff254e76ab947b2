// PDF layout signals, one small PDF made here for each: a heading in bold
// and in a larger size, a wide gap, a page that ends short, a letterhead on
// every page, a superscript citation with its endnote, a bullet.
import {PDFDocument, StandardFonts, type PDFFont, type PDFPage} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {readPdf, type PdfText} from '../src/read/pdf.js'
import {parseDocument} from '../src/index.js'
import {foldCompatibilityIdeographs} from '../src/lang/chars.js'
import type {Node} from '../src/tree.js'

interface Pen {
  page: PDFPage
  font: PDFFont
  put(text: string, x: number, y: number, size?: number): void
  /** A table's row at `y`: each cell that is not blank at the x of its column (COLUMNS). */
  row(y: number, cells: string[]): void
}

/** The x of a table's columns, for `Pen.row`. */
const COLUMNS = [72, 250, 400]

/** A PDF of `pages` A4 pages; `draw` writes on each. */
async function makePdf(pages: number, draw: (pen: Pen, index: number) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842])
    const put: Pen['put'] = (text, x, y, size = 11) => page.drawText(text, {x, y, size, font})
    draw({page, font, put, row: (y, cells) => cells.forEach((cell, k) => cell && put(cell, COLUMNS[k]!, y))}, i)
  }
  return doc.save()
}

/** Lines of the text, form feeds dropped, blank lines kept. */
function textLines(result: PdfText): string[] {
  return result.text.split('\n').map((line) => line.replace(/^\f/, ''))
}

function lineRecord(result: PdfText, text: string) {
  return result.lines.find((line) => result.text.slice(line.start, line.end).replace(/^\f/, '') === text)
}

function nodes(tree: Node, type: string): Array<Node & Record<string, unknown>> {
  const out: Array<Node & Record<string, unknown>> = []
  const walk = (node: Node): void => {
    if (node.type === type) out.push(node as Node & Record<string, unknown>)
    for (const child of (node as {children?: Node[]}).children ?? []) walk(child)
  }
  walk(tree)
  return out
}

function words(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  return ((node as {children?: Node[]}).children ?? []).map(words).join('')
}

/** A table's cells, row by row, as text. */
function cellTexts(table: Node): string[][] {
  return ((table as {children?: Node[]}).children ?? []).map((row) => ((row as {children?: Node[]}).children ?? []).map(words))
}

const BODY = [
  'The members discussed the proposal at length and asked the Administration',
  'to explain how the scheme would work for applicants who already hold a',
  'licence and for those who do not, and when the review would be completed.'
]

/** A one-page PDF: a line of running text at the top, then what `draw` puts under it (a table's rows). */
function underText(draw: (pen: Pen) => void): Promise<Uint8Array> {
  return makePdf(1, (pen) => {
    pen.put(BODY[0]!, 72, 770)
    draw(pen)
  })
}

/** The tables the PDF parses to, each as its cells' text row by row. */
async function tablesIn(bytes: Uint8Array): Promise<string[][][]> {
  return nodes((await parseDocument(bytes)).tree, 'table').map(cellTexts)
}

/** Greedy line breaking of `text` to `measure` points, as a word processor does on a ragged right edge. */
function wrap(text: string, font: PDFFont, measure: number, size = 11): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const tried = line ? `${line} ${word}` : word
    if (line && font.widthOfTextAtSize(tried, size) > measure) {
      lines.push(line)
      line = word
    } else line = tried
  }
  if (line) lines.push(line)
  return lines
}

const PARAGRAPH_A =
  'The members discussed the proposal at length and asked the Administration to explain how the scheme would work for applicants who already hold a licence, and for those who do not. They asked when the review would be completed.'
const PARAGRAPH_B =
  'Members also asked whether the quota would be reviewed every year, and how the figures on waiting times would be collected and published for the public to see.'

describe('PDF layout signals', () => {
  it('marks a short bold line and a larger line as heading candidates, with blank lines around them', async () => {
    const bytes = await makePdf(1, ({put}) => {
      put(BODY[0]!, 72, 770)
      put(BODY[1]!, 72, 756)
      // Fake bold: the same words drawn twice, a hair apart, on the line spacing of the body.
      put('Vehicle quotas', 72, 742)
      put('Vehicle quotas', 72.3, 742)
      put(BODY[2]!, 72, 728)
      put('Review of the scheme', 72, 710, 14)
      put(BODY[0]!, 72, 694)
    })
    const result = await readPdf(bytes)
    expect(lineRecord(result, 'Vehicle quotas')?.heading).toBe(true)
    expect(lineRecord(result, 'Review of the scheme')?.heading).toBe(true)
    expect(lineRecord(result, BODY[0]!)?.heading).toBe(false)
    const lines = textLines(result)
    const at = lines.indexOf('Vehicle quotas')
    expect(lines[at - 1]).toBe('')
    expect(lines[at + 1]).toBe('')
    const big = lines.indexOf('Review of the scheme')
    expect(lines[big - 1]).toBe('')
    expect(lines[big + 1]).toBe('')
  })

  it('ends a block at a gap wider than the paragraph spacing, sentence or not', async () => {
    const bytes = await makePdf(1, ({put}) => {
      // Paragraphs 14 pt apart in lines, 28 pt between paragraphs; then a 70 pt gap.
      put('1. ' + BODY[0]!, 72, 770)
      put(BODY[1]!, 72, 756)
      put(BODY[2]!, 72, 742)
      put('2. ' + BODY[0]!, 72, 714)
      put(BODY[1]!, 72, 700)
      put(BODY[2]!, 72, 686)
      put('Transport Department', 72, 658)
      put('4 June 2026', 72, 630)
      put('Annex: the attached paper on the licensing of', 72, 560)
      put('3. ' + BODY[0]!, 72, 532)
      put(BODY[2]!, 72, 518)
    })
    const result = await readPdf(bytes)
    const lines = textLines(result)
    const annex = lines.indexOf('Annex: the attached paper on the licensing of')
    expect(lines.slice(annex - 2, annex)).toEqual(['', ''])
    // Paragraph spacing stays one blank line.
    const second = lines.indexOf('2. ' + BODY[0]!)
    expect(lines[second - 1]).toBe('')
    expect(lines[second - 2]).not.toBe('')
    const {tree} = await parseDocument(bytes)
    const texts = nodes(tree, 'paragraph').map(words)
    expect(texts.some((t) => t.includes('4 June 2026') && t.includes('Annex'))).toBe(false)
  })

  it('ends the paragraph of a page whose text stops well above the others', async () => {
    const bytes = await makePdf(3, ({put}, index) => {
      const lines = index === 0 ? 8 : 40
      for (let i = 0; i < lines; i++) put(i === lines - 1 ? 'the table below shows the figures' : BODY[i % 3]!, 72, 770 - 14 * i)
    })
    const result = await readPdf(bytes)
    const {start} = result.pages[1]!
    expect(result.text.slice(start - 3, start)).toBe('\n\n\n')
    // A page that runs to the bottom is followed by no blank line.
    const third = result.pages[2]!.start
    expect(result.text.slice(third - 2, third)).not.toBe('\n\n')
  })

  it('ends a paragraph at a line that stops short of the measure with room for the next word, with no gap and no indent', async () => {
    let firstOfB = ''
    const bytes = await makePdf(1, ({put, font}) => {
      // The paragraphs at the margin, 14 pt apart all through: nothing but the short line tells them apart.
      const b = wrap(PARAGRAPH_B, font, 451)
      firstOfB = b[0]!
      ;[...wrap(PARAGRAPH_A, font, 451), ...b, ...wrap(PARAGRAPH_A, font, 451)].forEach((line, i) => put(line, 72, 770 - 14 * i))
    })
    const lines = textLines(await readPdf(bytes)).slice(0, -1)
    const second = lines.indexOf(firstOfB)
    expect(second).toBeGreaterThan(0)
    expect(lines[second - 1]).toBe('')
    expect(lines[second - 2]).toMatch(/completed\.$/)
    // Inside a paragraph no blank line: three paragraphs, three blocks.
    expect(lines.filter((line) => line === '')).toHaveLength(2)
    const {tree} = await parseDocument(bytes)
    expect(nodes(tree, 'paragraph').map(words)).toEqual([PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_A])
  })

  it('ends a paragraph at a short line on a page that a dense table fills, whose short cells do not set the measure', async () => {
    let firstOfB = ''
    const bytes = await makePdf(1, ({put, font}) => {
      const b = wrap(PARAGRAPH_B, font, 451)
      firstOfB = b[0]!
      let y = 800
      for (const line of [...wrap(PARAGRAPH_A, font, 451), ...b]) put(line, 72, (y -= 14))
      // A table in a smaller size: each row's head cell runs over three lines at the margin, far more lines than the text's.
      y -= 14
      for (let n = 1; n <= 24; n++) {
        put(`Route ${n}`, 72, (y -= 9), 8)
        put(String(100 + n), 300, y, 8)
        put(String(50 + n), 450, y, 8)
        put('(urban)', 72, (y -= 9), 8)
        put('weekdays', 72, (y -= 9), 8)
      }
    })
    const lines = textLines(await readPdf(bytes))
    const second = lines.indexOf(firstOfB)
    expect(lines[second - 2]).toMatch(/completed\.$/)
    expect(lines[second - 1]).toBe('')
    const {tree} = await parseDocument(bytes)
    expect(nodes(tree, 'paragraph').map(words).slice(0, 2)).toEqual([PARAGRAPH_A, PARAGRAPH_B])
  })

  it('keeps a paragraph whole when the next word would not have fit, or the short line ends no sentence', async () => {
    const bytes = await makePdf(1, ({put}) => {
      put(BODY[0]!, 72, 770)
      // Short and a sentence end, but the next line starts with a word longer than the room left.
      put('The figures were published.', 72, 756)
      put('Counterbalancingly-weighted-and-seasonally-adjusted-quarterly-figures follow,', 72, 742)
      put(BODY[1]!, 72, 728)
      // Short, room enough, but no sentence end: a line broken by hand inside a sentence.
      put('the applicants who hold a licence', 72, 714)
      put(BODY[2]!, 72, 700)
      put(BODY[0]!, 72, 686)
    })
    const lines = textLines(await readPdf(bytes)).slice(0, -1)
    expect(lines).toHaveLength(7)
    expect(lines.filter((line) => line === '')).toHaveLength(0)
  })

  it('ends the paragraph before a page break at a short last line, and joins one that runs on', async () => {
    let pageOne: string[] = []
    const bytes = await makePdf(3, ({put, font}, index) => {
      const a = wrap(PARAGRAPH_A, font, 451)
      const b = wrap(PARAGRAPH_B, font, 451)
      // Page 1 full to its bottom, ending on the short last line of a paragraph; page 2 starts a new one at its top.
      // Page 2 ends inside a paragraph of page 3 (its lines cut after a full line).
      const body =
        index === 0 ? [...Array.from({length: 11}, () => a).flat()] : index === 1 ? [...b, ...Array.from({length: 10}, () => a).flat(), a[0]!] : a.slice(1)
      if (index === 0) pageOne = body
      body.forEach((line, i) => put(line, 72, 780 - 14 * i))
      put(String(index + 1), 290, 40)
    })
    const result = await readPdf(bytes)
    const second = result.pages[1]!.start
    expect(pageOne.at(-1)).toMatch(/completed\.$/)
    expect(result.text.slice(result.pages[0]!.end, second)).toBe('\n\n\n')
    expect(result.text.slice(result.pages[1]!.end, result.pages[2]!.start)).toBe('\n')
    const {tree} = await parseDocument(bytes)
    const texts = nodes(tree, 'paragraph').map(words)
    expect(texts).toContain(PARAGRAPH_B)
    expect(texts.filter((t) => t === PARAGRAPH_A)).toHaveLength(22)
  })

  it('ends a bullet item whose wrapped lines hang under its words where a line starts back at the margin, on the page or after a page break', async () => {
    const item = 'a review of the quota every quarter, on figures that the platforms publish, so that the number of licences keeps in step with demand.'
    const after = 'We therefore propose that the licences be issued in stages, as follows:'
    const bytes = await makePdf(2, ({put, font}, index) => {
      const lines = wrap(item, font, 400)
      const body = wrap(PARAGRAPH_A, font, 451)
      const bullet = (y: number): number => {
        put('\u2022', 90, y)
        lines.forEach((line, i) => put(line, 108, y - 14 * i))
        return y - 14 * lines.length
      }
      // Page 1 runs to its bottom and ends on an item; page 2 starts with a paragraph at the margin, then an item and a paragraph again.
      if (index === 0) {
        for (let i = 0; i < 30; i++) put(body[i % 3]!, 72, 780 - 14 * i)
        bullet(780 - 14 * 30)
      } else {
        put(after, 72, 780)
        const y = bullet(766)
        put(after, 72, y)
      }
    })
    const {tree} = await parseDocument(bytes)
    const items = nodes(tree, 'item').map(words)
    expect(items).toEqual([item, item])
    const paragraphs = nodes(tree, 'paragraph').map(words)
    expect(
      paragraphs.filter((t) => t.startsWith(after)),
      JSON.stringify(paragraphs)
    ).toHaveLength(2)
  })

  it('keeps a bullet item whole when its wrapped lines go back to the margin, and an item cut by a page break at its indent', async () => {
    const bytes = await makePdf(2, ({put, font}, index) => {
      const lines = wrap(PARAGRAPH_B, font, 400)
      if (index === 0) {
        for (let i = 0; i < 30; i++) put(wrap(PARAGRAPH_A, font, 451)[i % 3]!, 72, 780 - 14 * i)
        // An item whose second line is back at the margin (no hanging indent).
        put(`\u2022 ${lines[0]!}`, 90, 360)
        put(lines[1]!, 72, 346)
        // An item cut by the page end: its second line is on page 2, at its indent.
        put('\u2022', 90, 332)
        put(lines[0]!, 108, 332)
      } else put(lines[1]!, 108, 780)
      put(String(index + 1), 290, 40)
    })
    const {tree} = await parseDocument(bytes)
    const items = nodes(tree, 'item').map(words)
    expect(items.filter((t) => t.includes(PARAGRAPH_B))).toHaveLength(2)
  })

  it('marks a letterhead repeated on every page as repeated', async () => {
    const bytes = await makePdf(4, ({put}, index) => {
      put('Taxi Owners Association', 72, 800, 9)
      put('Tel: 2345 6789    Fax: 2345 6790', 72, 788, 9)
      put(`${BODY[index % 3]!}`, 72, 740)
      put(BODY[(index + 1) % 3]!, 72, 726)
    })
    const result = await readPdf(bytes)
    const head = result.lines.filter((line) => result.text.slice(line.start, line.end).includes('Taxi Owners Association'))
    expect(head).toHaveLength(4)
    expect(head.every((line) => line.repeated)).toBe(true)
    expect(result.lines.filter((line) => line.repeated)).toHaveLength(8)
  })

  const LONG_SENTENCE = `${Array.from({length: 14}, () => PARAGRAPH_B.slice(0, -1)).join(', and ')}.`

  it('keeps a three-line letterhead printed on every page out of the body, and the paragraph it interrupts whole', async () => {
    const letterhead = [
      'Hong Kong Taxi Owners Association',
      'Room 1203, 12/F, Example Building, 88 Nathan Road, Kowloon',
      'Tel: 2345 6789    Fax: 2345 6790    E-mail: info@example.org.hk'
    ]
    const bytes = await makePdf(3, ({put, font}, index) => {
      letterhead.forEach((line, i) => put(line, 72, 800 - 11 * i, 9))
      let y = 740
      if (index === 0) {
        put('Dear Members,', 72, y)
        y -= 28
      }
      // One paragraph (one long sentence) from page 1 to page 3, its lines cut by the pages and their letterheads.
      const lines = wrap(LONG_SENTENCE, font, 451)
      const per = Math.ceil(lines.length / 3)
      for (const line of lines.slice(index * per, (index + 1) * per)) {
        put(line, 72, y)
        y -= 14
      }
    })
    const {tree} = await parseDocument(bytes)
    const furniture = tree.furniture.filter((f) => f.kind === 'running-header').map((f) => f.value)
    // Pages 2 and 3: all three lines (the telephone line too, the third from the top); page 1's stays in the header.
    expect(furniture).toEqual([...letterhead, ...letterhead].map((line) => line.replace(/ {2,}/g, ' ')))
    const paragraphs = nodes(tree, 'paragraph').map(words)
    expect(paragraphs).toEqual([LONG_SENTENCE])
    expect(nodes(tree, 'table')).toHaveLength(0)
  })

  it('reads a superscript citation as a footnote reference and its endnote as the footnote', async () => {
    const bytes = await makePdf(1, ({put, font}) => {
      const first = '1. The survey of drivers'
      put(first, 72, 770)
      put('4', 72 + font.widthOfTextAtSize(first, 11), 774, 7)
      put('showed that most of them wish to go on working.', 72 + font.widthOfTextAtSize(first, 11) + 7, 770)
      put('2. The members noted the figures.', 72, 742)
      put('4', 72, 703, 6)
      put('Survey of drivers, November 2025, at', 76, 700, 9)
      put('https://example.org/survey', 76, 689, 9)
    })
    const result = await readPdf(bytes)
    const lines = textLines(result)
    expect(lines).toContain('1. The survey of drivers[^4] showed that most of them wish to go on working.')
    expect(lines).toContain('[^4]: Survey of drivers, November 2025, at https://example.org/survey')
    const {tree} = await parseDocument(bytes)
    expect(nodes(tree, 'footnoteReference').map((n) => n.identifier)).toEqual(['4'])
    const notes = nodes(tree, 'footnote')
    expect(notes).toHaveLength(1)
    expect(words(notes[0]!)).toContain('https://example.org/survey')
  })

  it("ends a letter's numbered point at its own block, sentence or not: the block under it is a paragraph of its own", async () => {
    const bytes = await makePdf(1, ({put}) => {
      // Lines 14 pt apart, paragraphs 28 pt.
      put('Dear Members,', 72, 770)
      for (let i = 0; i < 3; i++) put(BODY[i]!, 72, 742 - 14 * i)
      put('1. Quotas make licences scarce', 72, 686)
      for (let i = 0; i < 3; i++) put(BODY[i]!, 72, 658 - 14 * i)
      put('2. A review every quarter would keep the scheme in step with demand.', 72, 602)
      put('We ask the Subcommittee to consider these proposals.', 72, 574)
    })
    const {tree} = await parseDocument(bytes)
    const paragraphs = nodes(tree, 'paragraph').map((n) => [n.number, words(n)])
    expect(paragraphs).toEqual([
      [null, BODY.join(' ')],
      ['1', 'Quotas make licences scarce'],
      [null, BODY.join(' ')],
      ['2', 'A review every quarter would keep the scheme in step with demand.'],
      [null, 'We ask the Subcommittee to consider these proposals.']
    ])
  })

  it('keeps a bullet apart from its words', async () => {
    const bytes = await makePdf(1, ({put, font}) => {
      put('The proposals are:', 72, 770)
      put('\u2022', 90, 756)
      put('a quota of licences;', 90 + font.widthOfTextAtSize('\u2022', 11) + 0.5, 756)
    })
    const lines = textLines(await readPdf(bytes))
    expect(lines).toContain('\u2022 a quota of licences;')
  })

  it('keeps the empty corner cell of a header row, so its heads stay over their columns', async () => {
    const bytes = await underText(({put, row}) => {
      put(BODY[1]!, 72, 756)
      // The corner over the row heads is blank.
      row(728, ['', '2024', '2025'])
      for (const [i, head] of ['Taxis', 'Buses', 'Ferries'].entries()) row(710 - 18 * i, [head, String(12 + i), String(15 + i)])
    })
    expect(textLines(await readPdf(bytes))).toContain('\t2024\t2025')
    // One table, the blank corner its first cell.
    expect(await tablesIn(bytes)).toEqual([
      [
        ['', '2024', '2025'],
        ['Taxis', '12', '15'],
        ['Buses', '13', '16'],
        ['Ferries', '14', '17']
      ]
    ])
  })

  it('keeps blank cells in the middle and at the end of a row, in their columns', async () => {
    const bytes = await underText(({row}) => {
      row(740, ['Item', 'Cost', 'Remarks'])
      row(722, ['Signs', '', 'new'])
      row(704, ['Kerbs', '40', ''])
      row(686, ['Lights', '55', 'old'])
    })
    expect(await tablesIn(bytes)).toEqual([
      [
        ['Item', 'Cost', 'Remarks'],
        ['Signs', '', 'new'],
        ['Kerbs', '40', ''],
        ['Lights', '55', 'old']
      ]
    ])
  })

  it('keeps the wrapped words of a cell in the column they stand in, not the last cell', async () => {
    const bytes = await underText(({row}) => {
      row(740, ['Scheme', 'Cost', 'Remarks'])
      // The head cell and the middle cell each run over two lines; the row's last cell has one.
      row(722, ['Cycle parking', '913', 'done'])
      row(708, ['(2,000 places)'])
      row(690, ['Kerb works', '11 (first', 'late'])
      row(676, ['', 'phase)'])
    })
    expect(await tablesIn(bytes)).toEqual([
      [
        ['Scheme', 'Cost', 'Remarks'],
        ['Cycle parking (2,000 places)', '913', 'done'],
        ['Kerb works', '11 (first phase)', 'late']
      ]
    ])
  })

  it("reads a head cell set in the middle of its row's height with that row, its words over and under the row's figures", async () => {
    const bytes = await underText(({row}) => {
      row(740, ['Trade', 'Cost', 'Rise'])
      row(722, ['Catering', '2,145.9', '9.8'])
      // The figures stand half-way down the two lines of their head cell.
      row(704, ['Finance, insurance and'])
      row(697, ['', '16,083.6', '13.4'])
      row(690, ['business services'])
      row(672, ['Retail', '5,620.8', '18.1'])
    })
    expect(await tablesIn(bytes)).toEqual([
      [
        ['Trade', 'Cost', 'Rise'],
        ['Catering', '2,145.9', '9.8'],
        ['Finance, insurance and business services', '16,083.6', '13.4'],
        ['Retail', '5,620.8', '18.1']
      ]
    ])
  })

  /**
   * A table under some running text on page 1, which goes on at the top of
   * page 2 with no header row (`second` draws page 2's rows), running text
   * filling page 2 under it. `endsAtFoot`: the table fills page 1 to its
   * foot; else it stops mid-page, nothing under it.
   */
  async function tableOverPages(endsAtFoot: boolean, second: (put: Pen['put'], y: number) => number): Promise<Uint8Array> {
    return makePdf(2, ({put}, index) => {
      let y = 770
      if (index === 0) {
        const body = endsAtFoot ? 30 : 10
        for (let i = 0; i < body; i++, y -= 14) put(BODY[i % 3]!, 72, y)
        y -= 14
        put('District', 72, y)
        put('Applications', 250, y)
        put('Remarks', 400, y)
        for (let n = 1; y - 18 > 60 && (endsAtFoot || n <= 5); n++) {
          y -= 18
          put(`District ${n}`, 72, y)
          put(String(100 + n), 250, y)
          if (n % 2 === 1) put('late', 400, y)
        }
      } else {
        y = second(put, y) - 14
        for (let i = 0; y > 70; i++, y -= 14) put(BODY[i % 3]!, 72, y)
      }
      put(`- ${index + 1} -`, 290, 40)
    })
  }

  it('joins a table across a page break with no header row repeated, in its columns, where no row of the next page fills them', async () => {
    const bytes = await tableOverPages(true, (put, y) => {
      // The Remarks column is blank on every row of page 2.
      for (let n = 30; n < 34; n++, y -= 18) {
        put(`District ${n}`, 72, y)
        put(String(100 + n), 250, y)
      }
      return y
    })
    const {tree} = await parseDocument(bytes)
    const tables = nodes(tree, 'table')
    expect(tables).toHaveLength(1)
    const rows = cellTexts(tables[0]!)
    expect(rows.every((row) => row.length === 3)).toBe(true)
    expect(rows[0]).toEqual(['District', 'Applications', 'Remarks'])
    expect(rows[2]).toEqual(['District 2', '102', ''])
    expect(rows.slice(-4)).toEqual([
      ['District 30', '130', ''],
      ['District 31', '131', ''],
      ['District 32', '132', ''],
      ['District 33', '133', '']
    ])
  })

  it('keeps a table on the next page apart when the first ended above the foot, or its columns stand elsewhere', async () => {
    const rowsOfTwo = (x: number) => (put: Pen['put'], y: number) => {
      for (let n = 1; n < 4; n++, y -= 18) {
        put(`Ward ${n}`, 72, y)
        put(String(n), x, y)
      }
      return y
    }
    // The first table stops mid-page.
    const above = await parseDocument(await tableOverPages(false, rowsOfTwo(250)))
    expect(nodes(above.tree, 'table').map((table) => cellTexts(table)[0]!.length)).toEqual([3, 2])
    // The first table runs to the foot, but the next page's second column stands between its columns.
    const apart = await parseDocument(await tableOverPages(true, rowsOfTwo(340)))
    expect(nodes(apart.tree, 'table').map((table) => cellTexts(table)[0]!.length)).toEqual([3, 2])
  })

  it('joins two tables of one column count across a page break only where their columns stand at the same places', async () => {
    const rowsOfThree = (second: number, third: number) => (put: Pen['put'], y: number) => {
      for (let n = 1; n < 4; n++, y -= 18) {
        put(`Ward ${n}`, 72, y)
        put(String(200 + n), second, y)
        put('open', third, y)
      }
      return y
    }
    // Page 2's columns are page 1's (the second a few points off, within a character): one table.
    const same = await parseDocument(await tableOverPages(true, rowsOfThree(254, 400)))
    const joined = nodes(same.tree, 'table')
    expect(joined).toHaveLength(1)
    expect(cellTexts(joined[0]!).slice(-3)).toEqual([
      ['Ward 1', '201', 'open'],
      ['Ward 2', '202', 'open'],
      ['Ward 3', '203', 'open']
    ])
    // Three columns again, but the second and third stand well apart from page 1's: another table.
    const other = await parseDocument(await tableOverPages(true, rowsOfThree(160, 300)))
    const tables = nodes(other.tree, 'table')
    expect(tables).toHaveLength(2)
    expect(cellTexts(tables[1]!)).toEqual([
      ['Ward 1', '201', 'open'],
      ['Ward 2', '202', 'open'],
      ['Ward 3', '203', 'open']
    ])
  })

  it('folds Kangxi radicals to the ideographs they stand for, keeping lengths', () => {
    expect(foldCompatibilityIdeographs('\u2F00、審慎推出')).toBe('一、審慎推出')
    expect(foldCompatibilityIdeographs('\u2F06\u2F08')).toBe('二人')
    expect(foldCompatibilityIdeographs('ＡＢ１')).toBe('ＡＢ１')
  })
})
