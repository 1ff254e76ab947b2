/**
 * The handlers an agenda adds to a paper's mode table (`AGENDA` in
 * ../index.ts). An agenda is a list of items, each a heading with its
 * number (`I.`, `IIConfirmation…`, `*VI` when a note mark stands before
 * it), maybe a time slot under it (`(8:30 am - 8:35 am)`, the section's
 * `time`), and the papers for it, one row each of a table:
 *
 *   立法會CB(2)832/04-05號文件        <- cell 1: the paper's number
 *   (隨附於後)                         <- more of cell 1: its issue note
 *   - 2005年1月10日會議的紀要          <- cell 2: its description (`-` is the cell's marker)
 *
 * in every layout the corpus has: number and description on one line
 * (`LC Paper No. CB(1)538/01-02(01)-Train Service…`) or on two, notes on
 * the number's line or under it, the description as a `-` bullet or a
 * line starting with a dash. Sub-items `(a)`…`(f)`, `(i)` are items; the
 * lines under one (`迄今並未接獲有關的預告。`) are more of it. A line
 * heading the papers inside an item (`與團體會晤`) is a sub-heading.
 * A `*` note under the items is a footnote, as is the item mark's note
 * (the mark before an item, `*VI`, or before a paper's number, `*LC Paper No. …`).
 */
import {squeeze} from '../../lang/chars.js'
import {NOTE_LINE_MARK} from '../../lang/furniture.js'
import {
  AGENDA_PAPER,
  BRACKETED_LINE,
  CLOSE_BRACKET,
  DASH,
  OPEN_BRACKET,
  DESCRIPTION_DASH,
  isPaperReferenceLine,
  ITEM_MARK,
  MARK_BEFORE_PAPER,
  referenceGlue,
  REPLYING_OFFICER_LINE,
  REVISED_AGENDA,
  SENTENCE_END,
  SLOT_BRACKETS,
  TIME_SLOT
} from '../../lang/meetings.js'
import type {Line} from '../../normalise/lines.js'
import type {Header, Meta, Row} from '../../tree.js'
import {isFull, isShort, type Block, type ItemBlock, type ParaBlock, type TableBlock, type TextBlock} from '../blocks.js'
import type {Span} from '../../tokenise/index.js'
import {toPiece, trimmedPiece as trimmed, type Builder, type Handler} from '../builder.js'
import {plainText} from '../inline.js'
import {wrappedTitleLines} from '../shapes.js'
import {isHanItemHeading, isItemHeading} from './header.js'
import {itemNumeral, nextItem} from './minutes.js'

/** A rule's answer for a block that is not its case (as in ../index.ts). */
const NO = -1

interface AgendaState {
  /** The number the next item heading is expected to carry. */
  expected: number
  /** The paper row being read and whether its description came yet. */
  row: Row | null
  described: boolean
  /** An item carried a note mark (`*`): a `*` line under the items is its note. */
  marked: boolean
  /** An item heading of the agenda's own numbering (`I.`, `一、`) was read: a `1.` line is then no item. */
  ownItems: boolean
  /** How far the first item numbered as a list (`  1. Confirmation…`) stands in: items deeper in are sub-items. */
  listIndent: number | null
}

const states = new WeakMap<Builder, AgendaState>()

function state(b: Builder): AgendaState {
  let s = states.get(b)
  if (!s) states.set(b, (s = {expected: 1, row: null, described: false, marked: false, ownItems: false, listIndent: null}))
  return s
}

/** The row being read, if nothing else came since it. */
function openRow(b: Builder): Row | null {
  const s = state(b)
  const last = b.last
  if (s.row && last && last.type === 'table' && last.children[last.children.length - 1] === s.row) return s.row
  s.row = null
  return null
}

/** The lines of a block after the first `n`, as a block of their own (or null when none are left). */
function after(block: TextBlock, n: number): TextBlock | null {
  if (n >= block.lines.length) return null
  return {...block, lines: block.lines.slice(n), pieces: block.pieces.slice(n), gapBefore: false}
}

/** Hand on what is left of a block once its first `n` lines are used. */
function rest(b: Builder, block: TextBlock, n: number, i: number): number {
  const left = after(block, n)
  return left ? b.take(left, i) : i
}

/** The next item's heading (`VIProgress…`, `*VI Progress…`): where it starts and its numeral, or null. */
function itemStart(b: Builder, raw: string): {lead: number; mark: RegExpExecArray | null; numeral: NonNullable<ReturnType<typeof itemNumeral>>} | null {
  const mark = ITEM_MARK.exec(raw.trimStart())
  const lead = raw.length - raw.trimStart().length + (mark ? mark[0].length : 0)
  const text = raw.slice(lead)
  if (!isItemHeading(text) && !isHanItemHeading(text)) return null
  const numeral = itemNumeral(text, state(b).expected)
  return numeral ? {lead, mark, numeral} : null
}

/**
 * `I.通過…的紀要`, `IIConfirmation…`, `*VI Progress…`: an item heading, the
 * next in the sequence. A paper reference in brackets on the lines under it
 * is part of its title (`(立法會CB(2)1414/07-08號文件)`); a time slot is its `time`.
 */
export const agendaItem: Handler<TextBlock> = (b, block, i) => {
  const s = state(b)
  const line = block.lines[0]!
  const start = itemStart(b, line.text)
  if (!start) return NO
  const {lead, mark, numeral} = start
  const title = trimmed(line, lead + numeral.length, line.text.length)
  if (!title) return NO
  const pieces = [title]
  // A title the wrap cut goes on.
  const used = wrappedTitleLines(block.lines)
  for (const line of block.lines.slice(1, used)) pieces.push(toPiece(line))
  const end = block.lines[used - 1]!.end
  b.heading(plainText(b.source, pieces), 1, null, line.start, end, true)
  const section = b.section!
  section.number = numeral.number
  section.marker = (mark ? mark[0] : '') + numeral.marker
  if (mark) {
    section.mark = mark[1]!.trim()
    s.marked = true
  }
  if (!numeral.inserted) s.expected = nextItem(numeral.number, s.expected)
  s.row = null
  s.ownItems = true
  return rest(b, block, used, i)
}

/**
 * An agenda whose items came numbered as a list, every line of it counted
 * (a page converted to text renumbers them):
 *
 *   1. Confirmation of minutes of meeting held on 9 November 1998   <- an item: short, no sentence end
 *   2. (8:30 am - 8:35 am)                                          <- the item's time slot, a paragraph 2 as printed
 *     LC Paper No. CB(2) 1714/98-99(01) - list of outstanding issues <- its paper, read as papers are
 *
 * Only at the first item's indentation (deeper lines are sub-items), and
 * only in an agenda with no item headings of its own (`I.`, `一、`), where a
 * numbered line is a note or a paragraph.
 */
export const listedItem: Handler<ParaBlock> = (b, block, i) => {
  const s = state(b)
  const token = block.token
  const line = block.lines[0]!
  if (s.ownItems || !token.rest) return NO
  const indent = line.indent
  if (s.listIndent !== null && indent > s.listIndent) {
    // A sub-item (`    1. 質詢`): an item of the list under the item, nested by how far it stands in.
    if (!b.section) return NO
    b.placeItem(block, {label: token.number, styles: ['decimal'], marker: token.marker.text, start: token.marker.start})
    return i
  }
  const words = line.text.slice(token.rest.start - line.start).trim()
  const section = b.section
  const head = {...block, lines: [line], pieces: block.pieces.slice(0, 1)}
  if (TIME_SLOT.test(squeeze(words))) {
    if (!section || section.time !== undefined || !b.afterHeading) return NO
    section.time = words.replace(SLOT_BRACKETS, '')
    b.paragraphStart(head)
    b.unit = null
    return rest(b, asText(block), 1, i)
  }
  if (SENTENCE_END.test(words)) return NO
  if (isPaperReferenceLine(words)) return NO
  // A title the wrap cut goes on, also where the cut fell inside a word (a line up to the margin).
  let used = wrappedTitleLines(block.lines)
  while (used < block.lines.length && isFull(block.lines[used - 1]!.text, b.width) && !isItemMatter(block.lines[used]!.text.trim())) used++
  const pieces = [token.rest, ...block.lines.slice(1, used).map(toPiece)]
  b.heading(plainText(b.source, pieces), 1, null, line.start, block.lines[used - 1]!.end, true)
  b.section!.number = token.number
  b.section!.marker = token.marker.text
  s.listIndent ??= indent
  s.row = null
  return rest(b, asText(block), used, i)
}

/** A line that is an item's time slot or one of its papers, not more of its title. */
function isItemMatter(text: string): boolean {
  return TIME_SLOT.test(squeeze(text)) || AGENDA_PAPER.test(text) || isPaperReferenceLine(text)
}

/** A numbered block's lines as a text block (what is left of it once its first lines are read). */
function asText(block: ParaBlock): TextBlock {
  return {kind: 'text', lines: block.lines, pieces: block.lines.map(toPiece), gapBefore: block.gapBefore, pageTurn: false}
}

/** `(8:30 am - 8:35 am)` right under an item's heading: the item's `time`, and a paragraph as printed. */
export const timeSlot: Handler<TextBlock> = (b, block, i) => {
  const section = b.section
  const text = block.lines[0]!.text.trim()
  if (!section || section.time !== undefined || !b.afterHeading || !TIME_SLOT.test(squeeze(text))) return NO
  section.time = text.replace(SLOT_BRACKETS, '')
  // The slot as printed is also a line of the item's text: an unnumbered paragraph of its own, which nothing continues.
  const line = block.lines[0]!
  b.ownParagraph({...block, lines: [line], pieces: [trimmed(line, 0, line.text.length) ?? toPiece(line)]})
  b.unit = null
  return rest(b, block, 1, i)
}

/**
 * `立法會CB(2)832/04-05號文件`, `LC Paper No. CB(1)562/01-02 -Minutes of…`:
 * a paper listed under the item, a new row of its table. Its notes and
 * description on the same line or the block's next lines go with it.
 */
export const paperEntry: Handler<TextBlock> = (b, block, i) => {
  if (!b.section) return NO
  const line = block.lines[0]!
  const lead = line.text.length - line.text.trimStart().length
  const paper = paperStart(line.text.slice(lead))
  if (!paper) return NO
  const s = state(b)
  if (paper.marked) s.marked = true
  const to = lead + paper.end
  // What follows the number on its line: a note in brackets (cell 1), then a description after a dash (cell 2).
  const tail = line.text.slice(to)
  const dash = dashOutsideBrackets(tail)
  const noteEnd = dash >= 0 ? to + dash : line.text.length
  const cell = trimmed(line, lead, noteEnd)!
  s.row = b.addRow([[cell]], line.start + lead, line.end)
  s.described = false
  if (dash >= 0) addDescription(b, line, noteEnd)
  return rest(b, block, readEntry(b, block, 1), i)
}

/**
 * A listed paper's number at the start of `text`, maybe after a note mark (`*LC Paper No. …`, kept in the cell:
 * paperMarks makes it the note's reference): whether it is marked and where the number ends; null when no paper starts it.
 */
function paperStart(text: string): {marked: boolean; end: number} | null {
  const mark = MARK_BEFORE_PAPER.exec(text)
  const afterMark = mark ? text.slice(mark[0].length) : text
  const at = mark ? text.length - afterMark.trimStart().length : 0
  const number = AGENDA_PAPER.exec(text.slice(at))
  return number ? {marked: mark !== null, end: at + number[1]!.length} : null
}

/** Where the first dash outside brackets stands (`(issued vide … 87/03-04 …) - Minutes`: not the one in `03-04`), or -1. */
function dashOutsideBrackets(text: string): number {
  let depth = 0
  for (let k = 0; k < text.length; k++) {
    const char = text[k]!
    if (OPEN_BRACKET.test(char)) depth++
    else if (CLOSE_BRACKET.test(char)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && DASH.test(char)) return k
  }
  return -1
}

/** The lines of a block from `from` on that go with the open row; returns the index of the first that does not. */
function readEntry(b: Builder, block: TextBlock, from: number): number {
  const s = state(b)
  let n = from
  for (; n < block.lines.length; n++) {
    const line = block.lines[n]!
    const text = line.text.trim()
    if (!s.row || itemStart(b, line.text) || NOTE_LINE_MARK.test(text)) break
    if (DESCRIPTION_DASH.test(line.text) && !s.described) addDescription(b, line, 0)
    else if (!s.described && BRACKETED_LINE.test(text)) b.extendCell(s.row, [trimmed(line, 0, line.text.length)!])
    // A description wrapped at the margin goes on; a short line after it is something else.
    else if (s.described && n > 0 && isFull(block.lines[n - 1]!.text, b.width) && !AGENDA_PAPER.test(text) && !TIME_SLOT.test(squeeze(text)))
      b.extendCell(s.row, [trimmed(line, 0, line.text.length)!])
    else break
  }
  return n
}

/** The description after a dash, from `at` on the line: the row's second cell, the dash its marker. */
function addDescription(b: Builder, line: Line, at: number): void {
  const s = state(b)
  const dash = DESCRIPTION_DASH.exec(line.text.slice(at))!
  const words = trimmed(line, at + dash[0].length, line.text.length)
  b.addCell(s.row!, words ? [words] : [], dash[1])
  s.described = true
}

/** A paper's note (`(隨附於後)`) or description (`-政府當局提供的文件`) on a line of its own, under its number. */
export const paperMore: Handler<TextBlock> = (b, block, i) => {
  // A block of its own after the description is not more of it (a sub-heading, a line of text).
  if (!openRow(b) || state(b).described) return NO
  const used = readEntry(b, block, 0)
  if (used === 0) return NO
  return rest(b, block, used, i)
}

/** `- 2005年1月10日會議的紀要` read as a bullet item: the description of the paper above. */
export const paperDescription: Handler<ItemBlock> = (b, block, i) => {
  const s = state(b)
  const token = block.token
  if (!openRow(b) || s.described || token.label !== null || !DESCRIPTION_DASH.test(token.marker.text)) return NO
  const line = block.lines[0]!
  const at = token.marker.start - line.start
  addDescription(b, line, at)
  for (const more of block.lines.slice(1)) b.extendCell(s.row!, [toPiece(more)])
  return i
}

/** Did an item carry a note mark (read here, or a Markdown heading `# \\*VI …` whose mark numberItems reads later)? */
function marked(b: Builder): boolean {
  return state(b).marked || b.out.some((node) => node.type === 'section' && ITEM_MARK.test(node.title))
}

/** `*Non-Panel Members are invited…` under the items: the note of the items marked `*`. */
export const markNote: Handler<TextBlock> = (b, block, i) => {
  // `*` as printed, or `\*` as our Markdown escapes it (one backslash).
  if (!marked(b) || !NOTE_LINE_MARK.exec(block.lines[0]!.text.trimStart())?.[0].includes('*')) return NO
  b.footnote(block)
  return i
}

/** The same note read as a `*` bullet. */
export const markNoteItem: Handler<ItemBlock> = (b, block, i) => {
  if (!marked(b) || block.token.label !== null || block.token.marker.text !== '*') return NO
  b.footnote(block)
  return i
}

/** A line under a sub-item (`迄今並未接獲有關的預告。`, a bill's title): more of the sub-item. */
export const subItemText: Handler<TextBlock> = (b, block, i) => {
  const unit = b.unit
  // (Not the officer named to reply: a line of its own under the question's items.)
  if (unit?.node.type !== 'item' || !b.section || REPLYING_OFFICER_LINE.test(squeeze(block.lines[0]!.text).replace(/\*\*/g, ''))) return NO
  b.extend(block)
  return i
}

/** A short line heading the papers inside an item (`與團體會晤`): a sub-heading of the item. */
export const paperGroup: Handler<TextBlock> = (b, block, i) => {
  const section = b.section
  const line = block.lines[0]!
  if (!section || block.lines.length > 1 || !isShort(line.text, b.width) || SENTENCE_END.test(line.text.trim())) return NO
  const next = b.blocks[i + 1] as Block | undefined
  if (next?.kind !== 'text' || !AGENDA_PAPER.test(next.lines[0]!.text.trim())) return NO
  const item = section.number !== undefined ? section : null
  b.heading(plainText(b.source, [toPiece(line)]), (item ?? section).depth + (item ? 1 : 0), null, line.start, line.end, true)
  return i
}

/**
 * An agenda prints the same short lines again and again (`(隨附於後)`, a
 * time slot, `-Information paper provided by the Administration`): lines
 * that recur are its content, not running headers, when they are notes in
 * brackets or descriptions after a dash.
 */
export function keepAgendaLines(lines: Line[]): void {
  for (const line of lines) {
    if (line.furniture !== 'running-header') continue
    const text = line.text.trim()
    if (BRACKETED_LINE.test(text) || DESCRIPTION_DASH.test(text)) line.furniture = null
  }
}

/**
 * `(立法會CB(2)285/98-99(01)號文件)`, `(LC Paper No. CB(1)65/00-01)` on the
 * line right under a heading of a meeting record (an agenda's item, a
 * minutes' item or sub-heading): the paper the heading is about, more of
 * its title. The one home of this rule: a heading that takes lines of its
 * block hands the rest on, and this reads the reference there as it reads
 * a block of its own under the heading.
 */
export const headingReference: Handler<TextBlock> = (b, block, i) => {
  const section = b.section
  const line = block.lines[0]!
  if (!section || !b.afterHeading || !isPaperReferenceLine(line.text.trim())) return NO
  const words = plainText(b.source, [toPiece(line)])
  section.title = section.title + referenceGlue(section.title, words) + words
  section.position = b.source.position(section.position.start.offset, line.end)
  return rest(b, block, 1, i)
}

/** Words under an item that are no paper, sub-item or sub-heading: a paragraph, however short (`續議事項` / `內務委員會主席匯報…`). */
export const itemProse: Handler<TextBlock> = (b, block, i) => {
  if (!b.section) return NO
  b.prose(block)
  return i
}

/**
 * An agenda's meta: `revised` when its title says so; no paper number
 * unless its header prints one (the numbers it lists are its items' papers).
 */
export function agendaMeta(header: Header | null, meta: Meta): void {
  if (meta.title && REVISED_AGENDA.test(squeeze(meta.title))) meta.revised = true
  if (!header?.children.some((field) => field.name === 'paperNo')) meta.paperNo = null
}

/** A cell that holds only the next item's numeral (`II.`, `* III.`). */
function numeralCell(b: Builder, text: string): {mark: RegExpExecArray | null; numeral: NonNullable<ReturnType<typeof itemNumeral>>} | null {
  const mark = ITEM_MARK.exec(text)
  const rest = mark ? text.slice(mark[0].length) : text
  const numeral = itemNumeral(`${rest} x`, state(b).expected)
  return numeral && numeral.marker === rest ? {mark, numeral} : null
}

/**
 * An agenda laid out in columns, one line a row (`I. | Confirmation of
 * minutes`, `| LC Paper No. CB(2)86/03-04 (issued …)`, `| - | Minutes of
 * meeting`): item headings and paper rows read cell by cell. A table with
 * none of these is a table.
 */
export const agendaColumns: Handler<TableBlock> = (b, block, i) => {
  const s = state(b)
  const first = block.rows[0]!.token.cells.map((cell) => cell.text.trim())
  const known = (cells: string[]) => (cells.length === 2 && numeralCell(b, cells[0]!)) || paperStart(cells[0] ?? '') !== null
  if (!known(first)) return NO
  for (const {token, more} of block.rows) {
    const cells = token.cells.filter((cell) => cell.text.trim() !== '')
    const texts = cells.map((cell) => cell.text.trim())
    const start = cells.length === 2 ? numeralCell(b, texts[0]!) : null
    if (start) {
      const [numeral, title] = cells as [Span, Span]
      const pieces = [{start: title.start, end: title.end}, ...more.map(toPiece)]
      b.heading(plainText(b.source, pieces), 1, null, numeral.start, pieces[pieces.length - 1]!.end, true)
      const section = b.section!
      section.number = start.numeral.number
      section.marker = texts[0]!
      if (start.mark) {
        section.mark = start.mark[1]!.trim()
        s.marked = true
      }
      s.expected = nextItem(start.numeral.number, s.expected)
      s.row = null
    } else if (cells.length >= 1 && paperStart(texts[0]!)) {
      // (A row of our Markdown's papers table, `| \*LC Paper No. … | … |`, is marked as its text line was.)
      if (paperStart(texts[0]!)!.marked) s.marked = true
      s.row = b.addRow([[cells[0]!]], token.line.start, token.line.end)
      s.described = false
      if (cells.length > 1) b.addCell(s.row, cells.slice(1))
    } else if (openRow(b) && !s.described && cells.length >= 1 && DESCRIPTION_DASH.test(texts[0]!)) {
      b.addCell(s.row!, [...cells.slice(1), ...more.map(toPiece)], texts[0])
      s.described = true
    } else if (cells.length > 0) {
      // Anything else in the columns: its words as a paragraph of the item.
      b.prose({kind: 'text', lines: [token.line], pieces: cells.map((cell) => ({start: cell.start, end: cell.end})), gapBefore: false, pageTurn: false})
    }
  }
  return i
}
