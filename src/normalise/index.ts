/**
 * Normalise: the lines of the input, each told content or not. Every line
 * that is not content is marked here, in one place, before anything reads
 * the lines: page furniture (`furniture.ts`), the lines of footnotes that a
 * page break put inside a paragraph (`footnotes.ts`), and Markdown markup
 * (table rules, thematic breaks). Then the layout a web mirror flattened
 * is repaired (`flattened.ts`: a header run together on one line, one
 * sentence a block, items run inline), cutting lines into lines in place
 * — each keeps its offsets into the source — and marking lines that go on
 * with the block above. Also the typical width of a full line, which later
 * stages use to tell a wrapped line from a short one.
 */
import {markFootnotes, type FootnoteMark} from './footnotes.js'
import {repairFlattened} from './flattened.js'
import {markFurniture, markMarkup} from './furniture.js'
import {typicalWidth, type Line} from './lines.js'

export interface Normalised {
  lines: Line[]
  /** The lines of each note printed at a page's foot. */
  footnotes: ReadonlyMap<Line, FootnoteMark>
  /** The identifiers of those notes. */
  notes: Set<string>
  /** Those of them numbered in brackets (`( 1 )`), whose references are bracketed too (`誓言 (1 )`). */
  bracketedNotes: Set<string>
  /** The endnotes numbered in square brackets (`[4] https://…`), referenced so too (`規管[4]，`). */
  squareNotes: Set<string>
  /** The width of a full line of body text (display cells). */
  width: number
}

export interface NormaliseOptions {
  /** The text was read from a web page, which has no pages: a line it repeats (`Public Officer to reply: …`) is no running header. */
  webPage?: boolean
  /** PDF input: the end offsets of the lines the reader found at the same place on most pages (src/read/pdf.ts). */
  repeated?: ReadonlySet<number>
}

/** Normalise the lines, in place: the array may gain lines (a line cut into pieces), and `lines` of the result is the same array. */
export function normalise(lines: Line[], options: NormaliseOptions = {}): Normalised {
  markFurniture(lines, options.repeated)
  if (options.webPage) for (const line of lines) if (line.furniture === 'running-header') line.furniture = null
  const footnotes = new Map<Line, FootnoteMark>()
  const {notes, bracketed, square} = markFootnotes(lines, footnotes)
  markMarkup(lines, footnotes)
  repairFlattened(lines, footnotes)
  return {lines, footnotes, notes, bracketedNotes: bracketed, squareNotes: square, width: typicalWidth(lines)}
}
