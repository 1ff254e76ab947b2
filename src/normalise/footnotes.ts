/**
 * Normalise, footnotes in text taken from a PDF: the note's number alone on
 * a line (or before its words), its words, then the page ends (a page
 * number or a form feed). The note sits in the middle of the paragraph the
 * page cut; its lines are marked so that the paragraph reads on without
 * them and the note becomes a `footnote` node. A note counts only when the
 * text before it has a marker for it: a number glued to a word, `(IT)1.`.
 */
import {toHalfWidth} from '../lang/chars.js'
import {FOOTNOTE_MARKER, PARAGRAPH_NUMBER_START} from '../lang/numbering.js'
import type {Line} from './lines.js'

export interface FootnoteMark {
  identifier: string
  /** True on the note's first line (the one with its number). */
  first: boolean
}

const NOTE_START = /^(\d{1,2})(?:\s+(?=\S)|$)/
const MAX_NOTE_LINES = 6

/** Mark footnote lines; returns the identifiers of the notes found. */
export function markFootnotes(lines: Line[], marks: Map<Line, FootnoteMark>): Set<string> {
  const found = new Set<string>()
  // Most papers have none: look for markers only when some line could start a note.
  if (!lines.some((line) => !line.blank && !line.furniture && NOTE_START.test(line.text))) return found
  const referenced = new Set<string>()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.blank || line.furniture) continue
    const start = NOTE_START.exec(toHalfWidth(line.text))
    if (start && referenced.has(start[1]!) && !found.has(start[1]!)) {
      const end = noteEnd(lines, i)
      if (end > i) {
        const identifier = start[1]!
        for (let j = i; j < end; j++) if (!lines[j]!.blank) marks.set(lines[j]!, {identifier, first: j === i})
        found.add(identifier)
        i = end - 1
        continue
      }
    }
    for (const match of line.text.matchAll(FOOTNOTE_MARKER)) referenced.add(match[1]!)
  }
  return found
}

/** The index just after a note that starts at `i`: the note runs to the page's end (a page number or form feed) within a few lines. */
function noteEnd(lines: Line[], i: number): number {
  let words = 0
  for (let j = i; j < lines.length && j <= i + MAX_NOTE_LINES; j++) {
    const line = lines[j]!
    if (j > i && (line.pageBreak || line.furniture === 'page-number' || line.furniture === 'running-header')) return words > 0 ? j : -1
    if (line.furniture) return -1
    if (line.blank) continue
    if (j > i && PARAGRAPH_NUMBER_START.test(line.text)) return -1
    if (j > i || !NOTE_START.exec(line.text) || line.text.replace(NOTE_START, '').length > 0) words++
  }
  return -1
}
