/**
 * Several papers in one file: a bundle of submissions in one PDF, each
 * starting with its own paper-number line (`立法會CB(3)662/2026(351)號文件`).
 * Returns the stretch of text of each paper; the text before the first
 * stamp goes with the first paper.
 */
import {PAPER_STAMP_WORDS, STAMP_LINE} from '../lang/papers.js'
import {splitLines, type Line} from './lines.js'

export interface Range {
  start: number
  end: number
}

const PAPER_STAMP = PAPER_STAMP_WORDS

/** The lines that start a paper: a paper-number line with a number not seen before (the same number again is a running header). */
export function paperStarts(lines: Line[]): Line[] {
  const starts: Line[] = []
  const seen = new Set<string>()
  for (const line of lines) {
    if (line.blank || !STAMP_LINE.test(line.text) || !PAPER_STAMP.test(line.text)) continue
    const number = STAMP_LINE.exec(line.text)![1]!.replace(/\s+/g, '')
    if (seen.has(number)) continue
    seen.add(number)
    starts.push(line)
  }
  return starts
}

export function splitPapers(text: string, lines: Line[] = splitLines(text)): Range[] {
  const starts: number[] = []
  for (const line of paperStarts(lines)) {
    // A form feed before the stamp belongs to the page, and so to this paper.
    let start = line.start
    while (start > 0 && text[start - 1] === '\f') start--
    starts.push(start)
  }
  if (starts.length < 2) return [{start: 0, end: text.length}]
  starts[0] = 0
  return starts.map((start, i) => ({start, end: i + 1 < starts.length ? starts[i + 1]! : text.length}))
}
