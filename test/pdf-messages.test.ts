// Messages on a PDF point at the page and the line within it.
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../src/index.js'
import {check, formatGithub, formatText, toSarif} from '../src/check/index.js'
import {readPdf} from '../src/read/pdf.js'

async function twoPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const pages = [
    ['1. The Panel discussed the proposal.', '2. The members asked for figures.'],
    ['Some words first.', '1. The numbering starts again here.']
  ]
  for (const lines of pages) {
    const page = doc.addPage([595, 842])
    lines.forEach((line, i) => page.drawText(line, {x: 72, y: 770 - 28 * i, size: 11, font}))
  }
  return doc.save()
}

describe('positions on PDF input', () => {
  it('gives every point the page and the line within the page', async () => {
    const bytes = await twoPages()
    const {text} = await readPdf(bytes)
    const {tree} = await parseDocument(bytes)
    const messages = check(tree, text)
    const restart = messages.find((m) => m.ruleId === 'paragraph-numbering')
    expect(restart?.place?.start.page).toBe(2)
    // Page 2: `Some words first.`, then the restarted paragraph (all lines 28 pt apart: no blank line).
    expect(restart?.place?.start.pageLine).toBe(2)
    expect(formatText([{file: 'paper.pdf', messages: [restart!]}])).toContain('paper.pdf:p2:2:1  error')
    const github = formatGithub([{file: 'paper.pdf', messages: [restart!]}])
    expect(github).toContain('file=paper.pdf,title=')
    expect(github).toContain('::page 2, line 2: ')
    const sarif = JSON.stringify(toSarif([{file: 'paper.pdf', messages: [restart!]}], '0'))
    expect(sarif).toContain('page 2, line 2: ')
    expect(sarif).not.toContain('"region"')
  })

  it('keeps line:column for text input', () => {
    const message = {
      reason: 'r',
      ruleId: 'x',
      source: 'legco' as const,
      severity: 'error' as const,
      place: {start: {line: 4, column: 2, offset: 9}, end: {line: 4, column: 3, offset: 10}}
    }
    expect(formatText([{file: 'paper.txt', messages: [message]}])).toContain('paper.txt:4:2  error')
  })
})
