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
import {
  FOOTNOTE_MARKER,
  FOOTNOTE_MARKER_BRACKETED,
  FOOTNOTE_MARKER_SQUARE,
  FOOTNOTE_MAY_START,
  FOOTNOTE_START,
  footnoteStart,
  PARAGRAPH_NUMBER_START
} from '../lang/numbering.js'
import type {Line} from './lines.js'
import {matchAll} from '../matches.js'

export interface FootnoteMark {
  identifier: string
  /** True on the note's first line (the one with its number). */
  first: boolean
}

const MAX_NOTE_LINES = 6

/** The notes found, by the form their references take. */
export interface Notes {
  /** Numbered bare, referenced by a number glued to a word (`(IT)1.`). */
  notes: Set<string>
  /** Numbered in brackets (`( 1 )`), referenced so too (`誓言 (1 )`). */
  bracketed: Set<string>
  /** Numbered in square brackets (`[4] https://…`, endnotes), referenced so too (`規管[4]，`). */
  square: Set<string>
}

/** Mark footnote lines; returns the identifiers of the notes found, by the form of their references. */
export function markFootnotes(lines: Line[], marks: Map<Line, FootnoteMark>): Notes {
  const out: Notes = {notes: new Set(), bracketed: new Set(), square: new Set()}
  // Most papers have none: look for markers only when some line could start a note.
  if (!lines.some((line) => !line.blank && !line.furniture && FOOTNOTE_MAY_START.test(line.text) && footnoteStart(line.text) !== null)) return out
  // Markers seen so far, by form: bare numbers, numbers in brackets, numbers in square brackets.
  const referenced = new Set<string>()
  const bracketed = new Set<string>()
  const square = new Set<string>()
  const found = new Set<string>()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.blank || line.furniture) continue
    const start = footnoteStart(line.text)
    const identifier = start ? (start[1] ?? start[2] ?? start[3]!) : ''
    const form = start ? (start[1] ? 'bracketed' : start[2] ? 'square' : 'notes') : 'notes'
    const seen = form === 'bracketed' ? bracketed : form === 'square' ? square : referenced
    if (start && seen.has(identifier) && !found.has(`${form} ${identifier}`)) {
      // An endnote runs to the next note, a blank line or the end; a footnote to its page's end.
      const end = form === 'square' ? endnoteEnd(lines, i) : noteEnd(lines, i)
      if (end > i) {
        for (let j = i; j < end; j++) if (!lines[j]!.blank) marks.set(lines[j]!, {identifier, first: j === i})
        found.add(`${form} ${identifier}`)
        // A bare number glued to a word is a reference to a footnote numbered bare or in brackets, never to an endnote.
        if (form !== 'square') out.notes.add(identifier)
        if (form !== 'notes') out[form].add(identifier)
        i = end - 1
        continue
      }
    }
    for (const match of matchAll(FOOTNOTE_MARKER, line.text)) referenced.add(match[1]!)
    if (line.text.includes('(') || line.text.includes('（'))
      for (const match of matchAll(FOOTNOTE_MARKER_BRACKETED, line.text)) bracketed.add(toHalfWidth(match[1]!))
    if (line.text.includes('[')) for (const match of matchAll(FOOTNOTE_MARKER_SQUARE, line.text)) square.add(match[1]!)
  }
  return out
}

/** The index just after an endnote that starts at `i` (`[4] https://…`): its lines up to the next note's, a blank line or the end. */
function endnoteEnd(lines: Line[], i: number): number {
  let j = i + 1
  while (j < lines.length && j <= i + MAX_NOTE_LINES) {
    const line = lines[j]!
    if (line.blank || line.furniture || footnoteStart(line.text) !== null) break
    j++
  }
  return j
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
