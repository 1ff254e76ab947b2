/**
 * Tokenise: each content line becomes one block token — a numbered
 * paragraph start, a labelled item, a table row, a Markdown heading, a rule,
 * or plain text. Tokens carry offsets; nothing is decided here about what a
 * line means in its context (that is the builder's work).
 */
import {BRACKET_LABEL, BULLET_START, labelStyles, PARAGRAPH_MARKER, PARAGRAPH_NUMBER_CELL, PAREN_LABEL, romanLetters} from '../lang/numbering.js'
import {toHalfWidth} from '../lang/chars.js'
import type {ItemStyle} from '../tree.js'
import type {Line} from '../normalise/lines.js'

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
  /** A Markdown list bullet before the marker (`- (a)`), which is markup. */
  bullet: Span | null
  rest: Piece | null
}

export interface RowToken extends TokenBase {
  kind: 'row'
  cells: Span[]
  pipe: boolean
}

export interface HeadingToken extends TokenBase {
  kind: 'heading'
  depth: number
  /** The `#` marks (markup). */
  marker: Span
  title: Span
}

export interface RuleToken extends TokenBase {
  kind: 'rule'
}

export interface TextToken extends TokenBase {
  kind: 'text'
  rest: Span
}

export type Token = ParaToken | ItemToken | RowToken | HeadingToken | RuleToken | TextToken

const PARA = PARAGRAPH_MARKER
/** A row whose first cell is only a number (`1. | 《條例》`). */
const NUMBER_CELL = PARAGRAPH_NUMBER_CELL
const MD_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?$/
const MD_BULLET = BULLET_START
const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?$|^\|$/
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/

function span(line: Line, from: number, to: number): Span {
  const text = from === 0 && to === line.text.length ? line.text : line.text.slice(from, to)
  return {start: line.start + from, end: line.start + to, text}
}

/** A marker's span: its words without a Markdown escape (`2\\.` is `2.`, `1\\)` is `1)`). */
function markerSpan(line: Line, from: number, to: number): Span {
  const marker = span(line, from, to)
  if (marker.text.includes('\\')) marker.text = marker.text.replace('\\', '')
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
  for (const match of text.matchAll(separator)) {
    push(match.index)
    from = match.index + match[0].length
  }
  push(text.length)
  return cells
}

export function tokenise(line: Line): Token {
  const text = line.text
  if (text.includes('\t')) return {kind: 'row', line, cells: splitCells(line, /\t+/g), pipe: false}
  if (TABLE_RULE.test(text) || THEMATIC_BREAK.test(text)) return {kind: 'rule', line}
  // A pipe table row from a web page or GFM; a numbered paragraph that quotes `a | b` is still a paragraph.
  if (text.includes('|') && (text.startsWith('|') || / \| /.test(text) || text.endsWith(' |')) && (text.startsWith('|') || !PARA.test(text) || NUMBER_CELL.test(text))) {
    const cells = splitCells(line, /(?<!\\)\|/g)
    if (text.startsWith('|')) cells.shift()
    if (text.endsWith('|') && !text.endsWith('\\|')) cells.pop()
    if (cells.length > 0) return {kind: 'row', line, cells, pipe: true}
  }
  const heading = MD_HEADING.exec(text)
  if (heading) {
    const title = text.indexOf(heading[2]!, heading[1]!.length)
    return {
      kind: 'heading',
      line,
      depth: heading[1]!.length,
      marker: span(line, 0, heading[1]!.length),
      title: span(line, title, title + heading[2]!.length)
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
    const labelled = itemAt(line, bullet[0].length, bulletSpan)
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
