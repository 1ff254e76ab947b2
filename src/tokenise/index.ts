/**
 * Tokenise: the normalised lines to a list of tokens, one for each line
 * that says something — a numbered paragraph start, a labelled item, a
 * table row, a Markdown heading, a rule, plain text, a footnote's line, a
 * blank line, a page turn (page number or running header), other furniture. Tokens carry offsets; nothing is decided here about what a
 * line means in its context (that is assembly's work).
 */
import {
  BRACKET_LABEL,
  BULLET_START,
  FOOTNOTE_NUMBER_LEAD,
  GLUED_BEFORE_PARAGRAPH_MARKER,
  labelStyles,
  LONE_LABEL,
  MARKUP_BULLETS,
  PARAGRAPH_MARKER,
  PARAGRAPH_NUMBER_CELL,
  PAREN_LABEL,
  romanLetters
} from '../lang/numbering.js'
import {displayWidth, toHalfWidth} from '../lang/chars.js'
import type {ItemStyle} from '../tree.js'
import type {Line} from '../normalise/lines.js'
import type {FootnoteMark} from '../normalise/footnotes.js'
import {standardHeadingKey} from '../lang/headings.js'
import {matchAll} from '../matches.js'

/** A stretch of the source. */
export interface Piece {
  start: number
  end: number
}

/** A stretch of the source with its words (markers, titles, cells: what is looked at). */
export interface Span extends Piece {
  text: string
}

interface TokenBase {
  line: Line
}

export interface ParaToken extends TokenBase {
  kind: 'para'
  /** ASCII digits. */
  number: string
  marker: Span
  /** The words after the marker, or null for a number alone on its line. */
  rest: Piece | null
}

export interface ItemToken extends TokenBase {
  kind: 'item'
  /** Label without brackets, ASCII; null for a bullet. */
  label: string | null
  /** The styles the label can be, most likely first (`i` is a letter or a roman numeral). */
  styles: ItemStyle[]
  marker: Span
  /** A bullet before the marker: a Markdown list's (`- (a)`), which is markup, or a printed one (`● (a)`). */
  bullet: Span | null
  rest: Piece | null
}

export interface RowToken extends TokenBase {
  kind: 'row'
  cells: Span[]
  pipe: boolean
  /** A row of a web page's table (one `<tr>`, its cells each a tab apart): its line is the whole row, never a wrap of one. */
  web?: true
  /** A row of a table laid out with spaces ({@link spacedTables}): a line under it continues a cell only if set in from its margin. */
  spaced?: true
}

export interface HeadingToken extends TokenBase {
  kind: 'heading'
  depth: number
  /** The `#` marks (markup). */
  marker: Span
  title: Span
}

/** A line of Markdown markup (furniture `markup`): a table rule or a thematic break. */
export interface RuleToken extends TokenBase {
  kind: 'rule'
}

/** `[^1]: words`: a footnote as Markdown writes it. */
export interface DefinitionToken extends TokenBase {
  kind: 'definition'
  identifier: string
  /** The mark as printed (`[^1]:`). */
  marker: string
  rest: Piece | null
}

/** A line of a note printed at a page's foot (marked so by normalise). */
export interface NoteToken extends TokenBase {
  kind: 'note'
  identifier: string
  /** The number as printed (`1`, `( 1 )`). */
  marker: string
  /** The note's first line, the one with its number. */
  first: boolean
  /** The note's words on this line (empty for a number alone). */
  rest: Piece
}

/** One or more blank lines. */
export interface BlankToken {
  kind: 'blank'
}

/** A page number or running header: a page ended here. */
export interface PageToken {
  kind: 'page'
}

/** A line of other furniture (front matter, a comment, a web footer): it ends a run of blank lines. */
export interface FurnitureToken {
  kind: 'furniture'
}

export interface TextToken extends TokenBase {
  kind: 'text'
  rest: Span
}

export type Token =
  | ParaToken
  | ItemToken
  | RowToken
  | HeadingToken
  | RuleToken
  | TextToken
  | DefinitionToken
  | NoteToken
  | BlankToken
  | PageToken
  | FurnitureToken

/** Blank lines, page turns and other furniture carry nothing of their own: one token each serves them all. */
const BLANK: BlankToken = {kind: 'blank'}
const PAGE: PageToken = {kind: 'page'}
const FURNITURE: FurnitureToken = {kind: 'furniture'}

const PARA = PARAGRAPH_MARKER
/** A row whose first cell is only a number (`1. | 《條例》`). */
const NUMBER_CELL = PARAGRAPH_NUMBER_CELL
/** A pipe between cells: a space on one side at least (`a | b`, `１．| b` where a wrap or a converter lost one). */
const PIPE_BETWEEN_CELLS = /\s\||\|\s/
/** `# Title`, `## Title ##`: the marker, then the title (its closing `#`s are not part of it). */
const MD_HEADING_OPEN = /^(#{1,6})[ \t]+/
const LINE_BREAK = /[\n\r\u2028\u2029]/

/**
 * A Markdown heading line read by a scan, not by a regex with a lazy title
 * before an optional closing sequence, which backtracked over a line of
 * spaces (`# a` and 60,000 spaces: minutes; issue 10). The title is what
 * follows the marker and its spaces, less a closing run of `#`s with the
 * spaces before it.
 */
function mdHeading(text: string): {depth: number; title: number; end: number} | null {
  const open = MD_HEADING_OPEN.exec(text)
  if (!open || LINE_BREAK.test(text)) return null
  const title = open[0].length
  let end = text.length
  let hashes = end
  while (hashes > title && text[hashes - 1] === '#') hashes--
  let spaces = hashes
  while (spaces > title && (text[spaces - 1] === ' ' || text[spaces - 1] === '\t')) spaces--
  if (hashes < end && spaces < hashes) end = spaces
  return {depth: open[1]!.length, title, end}
}
const MD_BULLET = BULLET_START
const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]{1,20})\]:\s*/
/** A heading glued to the paragraph number after it, as PDF text runs them together: `背景2. 青山灣…`. */
const GLUED_HEADING = GLUED_BEFORE_PARAGRAPH_MARKER

function span(line: Line, from: number, to: number): Span {
  const text = from === 0 && to === line.text.length ? line.text : line.text.slice(from, to)
  return {start: line.start + from, end: line.start + to, text}
}

/** A marker's span: its words without Markdown escapes (`2\\.` is `2.`, `1\\)` is `1)`, `\\*7\\.` is `*7.`). */
function markerSpan(line: Line, from: number, to: number): Span {
  const marker = span(line, from, to)
  if (marker.text.includes('\\')) marker.text = marker.text.replaceAll('\\', '')
  return marker
}

/** The words after a marker, as offsets only: they are read from the source when the block is built. */
function restOf(line: Line, from: number): Piece | null {
  return from >= line.text.length ? null : {start: line.start + from, end: line.end}
}

function itemAt(line: Line, from: number, bullet: Span | null): ItemToken | null {
  const text = line.text.slice(from)
  const match = BRACKET_LABEL.exec(text) ?? PAREN_LABEL.exec(text)
  if (!match) return null
  const label = romanLetters(toHalfWidth(match[1]!))
  const styles = labelStyles(label)
  if (styles.length === 0) return null
  const markerText = match[0].trimEnd()
  return {
    kind: 'item',
    line,
    label,
    styles,
    marker: markerSpan(line, from, from + markerText.length),
    bullet,
    rest: restOf(line, from + match[0].length)
  }
}

/**
 * `- ● (a) 項目`, `- \+ i) x`: a Markdown list item whose words start with
 * a printed bullet and a label, as our Markdown writes an item printed
 * `● (a)` (remark escapes a `+`). The item is the label's; the printed
 * bullet is its bullet, the list's `-` markup.
 */
function printedBulletItem(line: Line, outer: string): ItemToken | null {
  if (!MARKUP_BULLETS.includes(outer.trim())) return null
  const escaped = line.text[outer.length] === '\\' ? 1 : 0
  const from = outer.length + escaped
  const inner = BULLET_START.exec(line.text.slice(from))
  if (!inner) return null
  const glyph = inner[0].trimEnd()
  return itemAt(line, from + inner[0].length, {start: line.start, end: line.start + from + glyph.length, text: glyph})
}

function splitCells(line: Line, separator: RegExp): Span[] {
  const cells: Span[] = []
  let from = 0
  const text = line.text
  const push = (to: number) => {
    let a = from
    let b = to
    while (a < b && /\s/.test(text[a]!)) a++
    while (b > a && /\s/.test(text[b - 1]!)) b--
    cells.push(span(line, a, b))
  }
  for (const match of matchAll(separator, text)) {
    push(match.index)
    from = match.index + match[0].length
  }
  push(text.length)
  return cells
}

/** Part of a line as a line of its own. */
function subLine(line: Line, from: number, to: number): Line {
  const text = line.text.slice(from, to)
  const lead = text.length - text.trimStart().length
  const trimmed = text.trim()
  return {...line, start: line.start + from + lead, end: line.start + from + lead + trimmed.length, text: trimmed, indent: from === 0 ? line.indent : 0}
}

/** Split `背景2. 青山灣…` into the heading and the numbered line. */
function unglue(line: Line): Line[] {
  const match = GLUED_HEADING.exec(line.text)
  if (!match || !standardHeadingKey(match[1]!)) return [line]
  return [subLine(line, 0, match[1]!.length), subLine(line, match[1]!.length, line.text.length)]
}

/**
 * A row the HTML reader wrote (`src/read/html.ts`), or the PDF reader's
 * (`src/read/pdf.ts`, which puts in the empty cells of a table's columns):
 * one tab before every cell but the first, so two tabs in a row are an empty
 * cell between them (a `colspan`, a blank `<td>`, a blank cell of a PDF
 * table), and the tabs before the line's first words or after its last are
 * empty cells at the row's ends (the readers write nothing else there).
 * Every row so has its columns. `text` is the text the lines index into;
 * `web` marks a web page's row (one `<table>`, which a blank line ends).
 */
function webRow(line: Line, text: string, web = true): RowToken {
  const cells = splitCells(line, /\t/g)
  let lead = 0
  for (let at = line.start - 1; at >= 0 && text.charCodeAt(at) === 9; at--) lead++
  let trail = 0
  for (let at = line.end; at < text.length && text.charCodeAt(at) === 9; at++) trail++
  const empty = (at: number): Span => ({start: at, end: at, text: ''})
  for (let k = 0; k < lead; k++) cells.unshift(empty(line.start))
  for (let k = 0; k < trail; k++) cells.push(empty(line.end))
  return web ? {kind: 'row', line, cells, pipe: false, web: true} : {kind: 'row', line, cells, pipe: false}
}

/**
 * A table laid out with spaces, as `pdftotext -layout` and typewritten
 * papers print one: lines in a row, no blank between, each holding a gap of
 * SPACED_TABLE.gap or more spaces, at least SPACED_TABLE.rows of them, and
 * a cell after the first in every line under one column (their spans meet,
 * within SPACED_TABLE.slack: a number set to the right under its head too).
 * A label and its words (`(a)   some routes`) is an item, no row: a line
 * whose one gap follows a leading number or label (LONE_LABEL) does not count.
 * Nor does a line of more than SPACED_TABLE.maxCells cells, and a table
 * whose cells fall in more than SPACED_TABLE.maxColumns columns keeps its
 * rows as printed: no table has so many, and the work stays linear on text
 * made to have them (issue 10).
 */
const SPACED_TABLE = {gap: / {3,}|\u3000{2,}/g, rows: 3, slack: 1, near: 2, maxCells: 40, maxColumns: 40}

interface SpacedLine {
  line: Line
  cells: Span[]
  /** Each cell's first and end column. */
  extents: (readonly [number, number])[]
}

/**
 * The rows of a space-laid table with their empty cells put in: the table's
 * columns are the spans that its cells cover, overlapping cells in one
 * column (a number set to the right still stands under its head), and
 * cells less than SPACED_TABLE.near apart (no gap of a line's). Where a
 * line's cells do not fall one a column, the rows are left as printed.
 */
function inColumns(run: readonly SpacedLine[]): [Line, Span[]][] {
  const spans = run.flatMap((row) => row.extents).sort((a, b) => a[0] - b[0])
  const columns: [number, number][] = []
  for (const [from, to] of spans) {
    const last = columns[columns.length - 1]
    if (last && from < last[1] + SPACED_TABLE.near) last[1] = Math.max(last[1], to)
    else columns.push([from, to])
  }
  if (columns.length > SPACED_TABLE.maxColumns) return run.map((each) => [each.line, each.cells])
  const grid: (Span | null)[][] = []
  for (const row of run) {
    const placed: (Span | null)[] = columns.map(() => null)
    for (let k = 0; k < row.cells.length; k++) {
      const column = columns.findIndex(([from, to]) => row.extents[k]![0] >= from && row.extents[k]![0] < to)
      if (column < 0 || placed[column]) return run.map((each) => [each.line, each.cells])
      placed[column] = row.cells[k]!
    }
    grid.push(placed)
  }
  // A column that one row alone fills, beside a column where that row has nothing: one column (a head set off
  // from the figures under it, as a layout of wide characters prints it).
  for (let c = 0; c < columns.length && columns.length > 2; c++) {
    const filled = grid.filter((placed) => placed[c] !== null)
    if (filled.length !== 1) continue
    const side = [c + 1, c - 1].find(
      (other) => other >= 0 && other < columns.length && filled[0]![other] === null && grid.some((placed) => placed[other] !== null)
    )
    if (side === undefined) continue
    for (const placed of grid) {
      placed[side] ??= placed[c]!
      placed.splice(c, 1)
    }
    columns.splice(c, 1)
    c--
  }
  return run.map((row, r) => {
    const placed = grid[r]!
    const cells: Span[] = []
    for (let c = 0; c < placed.length; c++) {
      const at = placed[c] ?? null
      const next = placed.slice(c + 1).find((cell) => cell !== null)
      cells.push(at ?? {start: next?.start ?? row.line.end, end: next?.start ?? row.line.end, text: ''})
    }
    return [row.line, cells]
  })
}

/** The cells of each line of a space-laid table, by line (lines of no such table are absent). */
function spacedTables(lines: readonly Line[]): Map<Line, Span[]> {
  const rows = new Map<Line, Span[]>()
  let run: SpacedLine[] = []
  const flush = () => {
    if (run.length >= SPACED_TABLE.rows) {
      // A column that every line starts a cell at: the lines stand in columns.
      const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] + SPACED_TABLE.slack && b[0] < a[1] + SPACED_TABLE.slack
      // (The first line's first cell too: a head row over a first column of no head starts in a later column.)
      const shared = run[0]!.extents.some((cell) => run.slice(1).every((row) => row.extents.slice(1).some((other) => overlaps(cell, other))))
      if (shared) for (const [line, cells] of inColumns(run)) rows.set(line, cells)
    }
    run = []
  }
  for (const line of lines) {
    // Most lines hold no gap at all: they are passed over without their cells made.
    const gapped = line.text.includes('   ') || line.text.includes('\u3000\u3000')
    if (!gapped || line.blank || line.furniture || line.text.includes('\t') || line.text.includes('|')) {
      flush()
      continue
    }
    const cells = splitCells(line, SPACED_TABLE.gap)
    if (cells.length < 2 || cells.length > SPACED_TABLE.maxCells || (cells.length === 2 && LONE_LABEL.test(cells[0]!.text))) {
      flush()
      continue
    }
    const columns = cells.map((cell) => line.indent + displayWidth(line.text.slice(0, cell.start - line.start)))
    run.push({line, cells, extents: cells.map((cell, k) => [columns[k]!, columns[k]! + displayWidth(cell.text)] as const)})
  }
  flush()
  return rows
}

export interface TokeniseOptions {
  /** The lines are a web page's (the HTML reader's text, which they index into): tab rows are {@link webRow}s. */
  webText?: string
  /**
   * The lines are a PDF's text (the PDF reader's, which they index into): a
   * line with a tab inside is a row whose every tab parts two cells, and the
   * tabs at its ends are empty cells ({@link webRow}, not a web page's).
   */
  pdfText?: string
}

/** The tokens of the normalised lines, in order. */
export function tokenise(lines: readonly Line[], footnotes: ReadonlyMap<Line, FootnoteMark>, options: TokeniseOptions = {}): Token[] {
  const web = options.webText
  const pdf = options.pdfText
  const tokens: Token[] = []
  // Text (not a web page's, not a PDF's, whose readers mark their columns with tabs): tables laid out with spaces.
  const spaced = web === undefined && pdf === undefined ? spacedTables(lines) : null
  for (const line of lines) {
    const cells = spaced?.get(line)
    if (cells) {
      tokens.push({kind: 'row', line, cells, pipe: false, spaced: true})
      continue
    }
    if (line.furniture) {
      if (line.furniture === 'markup') tokens.push({kind: 'rule', line})
      else tokens.push(line.furniture === 'page-number' || line.furniture === 'running-header' ? PAGE : FURNITURE)
      continue
    }
    if (line.blank) {
      tokens.push(BLANK)
      continue
    }
    if (GLUED_HEADING.test(line.text)) {
      const parts = unglue(line)
      if (parts.length > 1) {
        for (const part of parts) tokens.push(tokeniseLine(part))
        continue
      }
    }
    const definition = FOOTNOTE_DEFINITION.exec(line.text)
    if (definition) {
      const words = line.text.slice(definition[0].length)
      tokens.push({
        kind: 'definition',
        line,
        identifier: definition[1]!,
        marker: definition[0].trim(),
        rest: words ? {start: line.end - words.length, end: line.end} : null
      })
      continue
    }
    const note = footnotes.get(line)
    if (note) {
      const lead = note.first ? (FOOTNOTE_NUMBER_LEAD.exec(line.text)?.[0] ?? '') : ''
      const words = line.text.slice(lead.length)
      tokens.push({
        kind: 'note',
        line,
        identifier: note.identifier,
        marker: lead.trim() || note.identifier,
        first: note.first,
        rest: {start: line.end - words.length, end: line.end}
      })
      continue
    }
    if (web !== undefined && (line.tabbed || line.tabbedEnd || line.text.includes('\t'))) tokens.push(webRow(line, web))
    else if (pdf !== undefined && line.text.includes('\t')) tokens.push(webRow(line, pdf, false))
    else tokens.push(tokeniseLine(line))
  }
  return tokens
}

/** The token of one content line (not furniture, not blank). */
export function tokeniseLine(line: Line): ParaToken | ItemToken | RowToken | HeadingToken | TextToken {
  const text = line.text
  if (text.includes('\t')) return {kind: 'row', line, cells: splitCells(line, /\t+/g), pipe: false}
  // A pipe table row from a web page or GFM; a numbered paragraph that quotes `a | b` is still a paragraph.
  if (
    text.includes('|') &&
    (text.startsWith('|') || PIPE_BETWEEN_CELLS.test(text) || text.endsWith(' |')) &&
    (text.startsWith('|') || !PARA.test(text) || NUMBER_CELL.test(text))
  ) {
    const cells = splitCells(line, /(?<!\\)\|/g)
    if (text.startsWith('|')) cells.shift()
    if (text.endsWith('|') && !text.endsWith('\\|')) cells.pop()
    if (cells.length > 0) return {kind: 'row', line, cells, pipe: true}
  }
  const heading = mdHeading(text)
  if (heading) {
    return {
      kind: 'heading',
      line,
      depth: heading.depth,
      marker: span(line, 0, heading.depth),
      title: span(line, heading.title, heading.end)
    }
  }
  const para = PARA.exec(text)
  if (para) {
    const markerText = para[0].trimEnd()
    return {
      kind: 'para',
      line,
      number: String(Number(toHalfWidth(para[1]!))),
      marker: markerSpan(line, 0, markerText.length),
      rest: restOf(line, para[0].length)
    }
  }
  const item = itemAt(line, 0, null)
  if (item) return item
  const bullet = MD_BULLET.exec(text)
  if (bullet && bullet[0].length < text.length) {
    const bulletSpan = span(line, 0, bullet[0].trimEnd().length)
    const labelled = itemAt(line, bullet[0].length, bulletSpan) ?? printedBulletItem(line, bullet[0])
    if (labelled) return labelled
    const numbered = PARA.exec(text.slice(bullet[0].length))
    if (numbered && bullet[0].trim() === '-') {
      // `- 1. text`: a decimal item as our Markdown writes it.
      const from = bullet[0].length
      const markerText = numbered[0].trimEnd()
      return {
        kind: 'item',
        line,
        label: String(Number(toHalfWidth(numbered[1]!))),
        styles: ['decimal'],
        marker: markerSpan(line, from, from + markerText.length),
        bullet: bulletSpan,
        rest: restOf(line, from + numbered[0].length)
      }
    }
    return {
      kind: 'item',
      line,
      label: null,
      styles: ['bullet'],
      marker: bulletSpan,
      bullet: null,
      rest: restOf(line, bullet[0].length)
    }
  }
  // A line is its own span: no second object for the 80,000 text lines of a big paper.
  return {kind: 'text', line, rest: line}
}
