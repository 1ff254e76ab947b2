/**
 * Normalise, footnotes in text taken from a PDF: the note's number alone on
 * a line (or before its words), its words, then the page ends (a page
 * number or a form feed). The note sits in the middle of the paragraph the
 * page cut; its lines are marked so that the paragraph reads on without
 * them and the note becomes a `footnote` node. A note counts only when the
 * text before it has a marker for it of the same form: a number glued to a
 * word, `(IT)1.`, for a note numbered `1`; a number in brackets after a word
 * at the line's end, `宣讀立法會誓言 (1 )` (the Chinese Hansard), for a note
 * numbered `( 1 )`.
 */
import {toHalfWidth} from '../lang/chars.js'
import {FOOTNOTE_MARKER, FOOTNOTE_MARKER_BRACKETED, FOOTNOTE_MAY_START, FOOTNOTE_START, PARAGRAPH_NUMBER_START} from '../lang/numbering.js'
import type {Line} from './lines.js'

export interface FootnoteMark {
  identifier: string
  /** True on the note's first line (the one with its number). */
  first: boolean
}

const MAX_NOTE_LINES = 6

/**
 * Mark footnote lines; returns the identifiers of the notes found, and those
 * of the notes numbered in brackets (their references are bracketed too).
 */
export function markFootnotes(lines: Line[], marks: Map<Line, FootnoteMark>): {notes: Set<string>; bracketed: Set<string>} {
  const found = new Set<string>()
  const inBrackets = new Set<string>()
  // Most papers have none: look for markers only when some line could start a note.
  if (!lines.some((line) => !line.blank && !line.furniture && FOOTNOTE_MAY_START.test(line.text) && FOOTNOTE_START.test(toHalfWidth(line.text))))
    return {notes: found, bracketed: inBrackets}
  // Markers seen so far, by form: bare numbers, and numbers in brackets.
  const referenced = new Set<string>()
  const bracketed = new Set<string>()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.blank || line.furniture) continue
    const start = FOOTNOTE_START.exec(toHalfWidth(line.text))
    const identifier = start ? (start[1] ?? start[2]!) : ''
    if (start && (start[1] ? bracketed : referenced).has(identifier) && !found.has(identifier)) {
      const end = noteEnd(lines, i)
      if (end > i) {
        for (let j = i; j < end; j++) if (!lines[j]!.blank) marks.set(lines[j]!, {identifier, first: j === i})
        found.add(identifier)
        if (start[1]) inBrackets.add(identifier)
        i = end - 1
        continue
      }
    }
    for (const match of line.text.matchAll(FOOTNOTE_MARKER)) referenced.add(match[1]!)
    if (line.text.includes('(') || line.text.includes('（'))
      for (const match of line.text.matchAll(FOOTNOTE_MARKER_BRACKETED)) bracketed.add(toHalfWidth(match[1]!))
  }
  return {notes: found, bracketed: inBrackets}
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
    if (j > i || toHalfWidth(line.text).replace(FOOTNOTE_START, '').length > 0) words++
  }
  return -1
}
