/**
 * Assemble, the builder: the paper tree as it grows, and the operations
 * that the handlers of the mode table (`index.ts`) call — open a section,
 * start a paragraph, place an item, add a table, sign, open an appendix.
 * The builder reads its blocks and never changes them; where a handler uses
 * only part of a block (a heading's first line, a signature's last lines),
 * the rest is a new block that it hands on with `take`.
 */
import {displayWidth, endsSentence, joiner, squeeze, TRAILING_COLON, TRAILING_FULL_STOP} from '../lang/chars.js'
import {firstDate, isDateLine, isMonthYearLine} from '../lang/dates.js'
import {NOTE_LINE_MARK} from '../lang/furniture.js'
import {appendixHeading} from '../lang/headings.js'
import {INTRODUCES_LIST} from '../lang/numbering.js'
import {SIGNATURE_NOT_ISSUER, SIGNATURE_NOT_SENDER_LABEL, signatureDateRest, signatureLabelRest} from '../lang/signature.js'
import type {Line} from '../normalise/lines.js'
import type {Source} from '../source.js'
import type {Appendix, BlockContent, Cell, Footnote, Item, Meta, Paragraph, Row, Section, Signature, Table, Text, TopContent} from '../tree.js'
import type {Block, ItemBlock, ParaBlock, TableBlock, TextBlock} from './blocks.js'
import {phrasing, phrasingMore, plainText, type Piece} from './inline.js'
import type {HeaderHooks} from './genres/header.js'
import {ItemNester} from './items.js'
import {lastTextOf} from './shapes.js'

/** What a handler does with a block: returns the index of the last block it used (`i`, or more when it took the next ones too). */
export type Handler<B extends Block = Block> = (b: Builder, block: B, i: number) => number

/** One handler for each kind of block. */
export type Handlers = {[K in Block['kind']]: Handler<Extract<Block, {kind: K}>>}

/** The handlers of each mode, by the mode's name. */
export type ModeTable = Readonly<Record<string, Handlers>>

/** A node whose last text a page break may have cut: a paragraph's or an item's. */
interface OpenUnit {
  node: Paragraph | Item
  /** Where the unit's last run of words starts among its children, and the pieces it was read from. */
  from: number
  pieces: readonly Piece[]
  /** `pieces` is the unit's own array (grown by `extend`), not a block's. */
  own?: true
  /** Its last run of words is one text node of plain words, made by `phrasingMore`. */
  plain?: boolean
  /** Then that node, and the end of its value (its last pieces' words): what is read of it while the run goes on. */
  made?: Text
  suffix?: string
}

export const FOOTNOTE_LINE = NOTE_LINE_MARK

/** The deepest a section nests. */
const MAX_SECTION_DEPTH = 6

export class Builder {
  readonly out: TopContent[] = []
  /** The header's blocks (the `header` mode's), and the genre's hooks that name their lines. */
  readonly headerBlocks: TextBlock[] = []
  headerHooks: HeaderHooks | undefined
  /** Header lines so far. */
  headerLineCount = 0
  /** Parts read apart (`part` blocks: attendance lists, a salutation): they stand after the header, before the body. */
  readonly parts: TopContent[] = []
  readonly signatureMeta: Pick<Meta, 'issuedBy' | 'issueDate'> = {issuedBy: [], issueDate: null}
  /** The open sections, outermost first. */
  private sections: Section[] = []
  /** The appendix being read: what no section holds goes into it. */
  private appendix: Appendix | null = null
  /** What words go into next: the paragraph being written, the section whose heading was just read (nothing under it yet), or nothing. */
  private open: Paragraph | Section | null = null
  /** The run of words a page break may have cut. */
  unit: OpenUnit | null = null
  private readonly nester = new ItemNester()
  /** The pieces each cell built with `addCell` was read from, so that more words can be read with them. */
  private readonly cellPieces = new WeakMap<Cell, Piece[]>()
  /** The number of the last numbered paragraph (1 once an unnumbered one came first). */
  private lastNumber = 0

  constructor(
    readonly source: Source,
    readonly width: number,
    readonly blocks: readonly Block[],
    private readonly table: ModeTable,
    /** The row of the table that handles the next block. */
    public mode: string,
    /** Markdown input: no heading by a line's shape alone (see AssembleOptions.markdown). */
    readonly markdown = false
  ) {}

  private spacedMemo: boolean | undefined

  /**
   * Does the text part its blocks with blank lines? Text extracted with none
   * (every line under the last) shows no block's end: there a short line
   * under a heading is a heading of its own, not more of its title.
   */
  get spaced(): boolean {
    if (this.spacedMemo === undefined) {
      let gaps = 0
      for (const block of this.blocks) if (block.kind !== 'part' && block.gapBefore) gaps++
      this.spacedMemo = this.blocks.length < 10 || gaps >= 0.05 * this.blocks.length
    }
    return this.spacedMemo
  }

  run(): TopContent[] {
    for (let i = 0; i < this.blocks.length; i++) i = this.take(this.blocks[i]!, i)
    return this.out
  }

  /** Hand a block (`blocks[i]`, or what is left of it) to its handler in the current mode. */
  take(block: Block, i: number): number {
    return (this.table[this.mode]![block.kind] as Handler)(this, block, i)
  }

  /** Lines of the header (a block, or the first lines of one). */
  addHeader(block: TextBlock, hooks: HeaderHooks | undefined): void {
    this.headerBlocks.push(block)
    this.headerHooks = hooks
    this.headerLineCount += block.lines.length
  }

  /**
   * A part read apart: it stands after the header, before the body; or, where
   * the body began above it (a table of the meeting's date and place, a
   * heading `出席情況` over the lists), where it stands, in the open section.
   */
  place(node: TopContent): void {
    if (this.out.length === 0 || node.type !== 'attendance' || this.appendix) this.parts.push(node)
    else {
      this.close(null)
      const top = this.sections[this.sections.length - 1]
      if (top) top.children.push(node)
      else this.out.push(node)
    }
  }

  get paragraph(): Paragraph | null {
    return this.open !== null && this.open.type === 'paragraph' ? this.open : null
  }

  get afterHeading(): boolean {
    return this.open !== null && this.open.type === 'section'
  }

  /** The innermost open section, or null. */
  get section(): Section | null {
    return this.sections[this.sections.length - 1] ?? null
  }

  /** The node added last where content goes now. */
  get last(): Section['children'][number] | Appendix['children'][number] | TopContent | undefined {
    const container = this.container()
    return container[container.length - 1]
  }

  hasBody(): boolean {
    return this.out.some((node) => node.type !== 'header')
  }

  private container(): Section['children'] | Appendix['children'] | TopContent[] {
    const top = this.sections[this.sections.length - 1]
    return top ? top.children : this.appendix ? this.appendix.children : this.out
  }

  append(node: Section | BlockContent | Signature | Appendix): void {
    ;(this.container() as (typeof node)[]).push(node)
  }

  /** Nothing is open for words any more (or only the section just headed). */
  private close(open: Section | null): void {
    this.open = open
    this.unit = null
    this.nester.reset(null)
  }

  // Headings ---------------------------------------------------------------

  heading(title: string, explicitDepth: number | null, key: string | null, start: number, end: number, markdown = false): void {
    let depth: number
    if (markdown && explicitDepth) depth = explicitDepth
    else if (key) depth = 1
    else {
      const innermost = this.sections[this.sections.length - 1]
      if (!innermost) depth = 1
      else if (this.afterHeading) depth = innermost.depth + 1
      else depth = innermost.key ? innermost.depth + 1 : innermost.depth
    }
    // Six levels at most, as HTML's h1–h6: a run of heading-like lines is no cascade thousands deep (issue 10: the tree's walks recurse by depth).
    depth = Math.min(depth, MAX_SECTION_DEPTH)
    while (this.sections.length > 0 && this.sections[this.sections.length - 1]!.depth >= depth) this.sections.pop()
    const section: Section = {type: 'section', title, depth, key, children: [], position: this.source.position(start, end)}
    this.append(section)
    this.sections.push(section)
    this.close(section)
  }

  // Paragraphs and items ---------------------------------------------------

  private newParagraph(number: string | null, markerText: string | null, start: number): Paragraph {
    const paragraph: Paragraph = {type: 'paragraph', number, marker: markerText, children: [], position: this.source.position(start, start)}
    this.append(paragraph)
    this.open = paragraph
    this.nester.reset(paragraph)
    if (number) this.lastNumber = Number(number)
    else if (this.lastNumber === 0) this.lastNumber = 1
    return paragraph
  }

  /** Is a `1.`/`2.` line an item of a list inside the paragraph rather than a paragraph? */
  isListNumber(block: ParaBlock): boolean {
    const paragraph = this.paragraph
    if (!paragraph) return false
    const n = Number(block.token.number)
    const expected = this.lastNumber + 1
    const indent = block.lines[0]!.indent
    const paragraphIndent = this.indentAt(paragraph.position.start.offset)
    const top = this.nester.top()
    if (top && top.style === 'decimal' && top.last !== null && n === Number(top.last) + 1) {
      const lastText = lastTextOf(top.item)
      const announces = lastText !== null && !TRAILING_FULL_STOP.test(lastText.value.trim())
      if (indent > paragraphIndent || announces || n !== expected) return true
    }
    if (n === 1 && n !== expected) {
      const lastText = lastTextOf(paragraph)
      const introduces = lastText !== null && INTRODUCES_LIST.test(lastText.value.trim())
      return introduces || indent > paragraphIndent
    }
    return false
  }

  /** The indent of the line that holds this offset. */
  private indentAt(offset: number): number {
    const point = this.source.point(offset)
    const text = this.source.text
    let start = offset - (point.column - 1)
    let indent = 0
    while (start < text.length && (text[start] === ' ' || text[start] === '\t' || text[start] === '\u3000')) {
      indent += text[start] === '\t' ? 4 : text[start] === '\u3000' ? 2 : 1
      start++
    }
    return indent
  }

  /** A numbered paragraph: its number, its first words. */
  paragraphStart(block: ParaBlock): void {
    const token = block.token
    const paragraph = this.newParagraph(token.number, token.marker.text, token.marker.start)
    this.write(paragraph, block.pieces)
    paragraph.position = this.source.position(token.marker.start, block.lines[block.lines.length - 1]!.end)
  }

  placeItem(block: ItemBlock | ParaBlock, label: {label: string | null; styles: Item['style'][]; marker: string; bullet?: string; start: number}): void {
    if (!this.paragraph) {
      this.newParagraph(null, null, label.start)
    }
    const item: Item = {
      type: 'item',
      label: label.label,
      marker: label.marker,
      ...(label.bullet ? {bullet: label.bullet} : {}),
      style: label.styles[0]!,
      children: [],
      position: this.source.position(label.start, block.lines[block.lines.length - 1]!.end)
    }
    this.write(item, block.pieces)
    this.nester.place(item, label.styles, block.lines[0]!.indent)
  }

  /** Add a run of words to a paragraph or item; it becomes the unit a page break may continue. */
  private write(node: Paragraph | Item, pieces: readonly Piece[]): void {
    this.unit = {node, from: node.children.length, pieces}
    if (pieces.length === 0) return
    const words = phrasing(this.source, pieces as Piece[])
    // The first words of a node: its children are the array phrasing made, at its length (issue 10).
    if (node.children.length === 0) node.children = words
    else for (const child of words) node.children.push(child)
  }

  /** A block of text that is no unit of its own: more of the numbered paragraph, or a paragraph without a number. */
  prose(block: TextBlock): void {
    const paragraph = this.paragraph
    const end = block.lines[block.lines.length - 1]!.end
    if (paragraph && paragraph.number !== null) {
      this.write(paragraph, block.pieces)
      paragraph.position = this.source.position(paragraph.position.start.offset, end)
      this.nester.reset(paragraph)
      return
    }
    const fresh = this.newParagraph(null, null, block.lines[0]!.start)
    this.write(fresh, block.pieces)
    fresh.position = this.source.position(block.lines[0]!.start, end)
  }

  /** The open paragraph is over (a genre says so): the next block of text starts a paragraph of its own. */
  endParagraph(): void {
    if (this.paragraph) this.close(null)
  }

  /** A block of text that is a unit of its own (a genre's: a Hansard speaker's turn, a stage direction): a paragraph without a number, whatever is open. */
  ownParagraph(block: TextBlock): void {
    const fresh = this.newParagraph(null, null, block.lines[0]!.start)
    this.write(fresh, block.pieces)
    fresh.position = this.source.position(block.lines[0]!.start, block.lines[block.lines.length - 1]!.end)
  }

  /** Read the unit's last run of words again with the block added, so marks cut by the page (`**附` / `錄**`) pair up. */
  extend(block: TextBlock): void {
    const unit = this.unit!
    const node = unit.node
    const more = phrasingMore(this.source, node.children.slice(unit.from), unit.pieces, block.pieces, unit.plain, unit.plain ? unit.suffix : undefined)
    unit.plain = more !== null
    unit.made = more?.node
    unit.suffix = more?.suffix
    if (!unit.own) {
      unit.pieces = unit.pieces.slice()
      unit.own = true
    }
    for (const piece of block.pieces) (unit.pieces as Piece[]).push(piece)
    const words = more ? [more.node] : phrasing(this.source, unit.pieces as Piece[])
    if (unit.from === 0) node.children = words
    else {
      node.children.splice(unit.from)
      for (const child of words) node.children.push(child)
    }
    const end = block.lines[block.lines.length - 1]!.end
    node.position = this.source.position(node.position.start.offset, end)
    const paragraph = this.paragraph
    if (node.type === 'item' && paragraph) {
      paragraph.position = this.source.position(paragraph.position.start.offset, end)
    }
  }

  /** The end of the open unit's last text, when that is all that need be read of it (see `OpenUnit.suffix`). */
  get unitSuffix(): string | undefined {
    const unit = this.unit
    if (!unit?.plain || unit.suffix === undefined || unit.node.children.length !== unit.from + 1) return undefined
    const text = unit.node.children[unit.from]
    // (The length of a long text is known without reading it.)
    return unit.made !== undefined && text === unit.made && unit.made.value.length >= unit.suffix.length ? unit.suffix : undefined
  }

  // Tables -----------------------------------------------------------------

  addTable(block: TableBlock): void {
    // Each row as cells of pieces; lines with no tab under a row go on with its last cell, or in a PDF with the cell of
    // the column they stand in (src/read/pdf.ts).
    // Words that begin a cell of the row below (set in the middle of its row's height), by row: its column and line.
    const carried: Array<Array<{column: number; line: Line}>> = block.rows.map(() => [])
    const read = block.rows.map(({token, more}, r) => {
      const cells = token.cells.map((cell) => ({start: cell.start, end: cell.end, pieces: cell.text ? [{start: cell.start, end: cell.end}] : ([] as Piece[])}))
      let start = token.line.start
      for (const {column, line} of carried[r]!) {
        const cell = cells[column]!
        cell.start = line.start
        cell.pieces.push({start: line.start, end: line.end})
        start = Math.min(start, line.start)
      }
      let end = token.line.end
      for (const line of more) {
        const placed = this.source.cellColumn(line.end)
        const column = placed && placed.column < cells.length ? placed.column : undefined
        const next = block.rows[r + 1]
        if (placed?.below && column !== undefined && next && next.token.cells[column]?.text === '' && !next.token.web) {
          carried[r + 1]!.push({column, line})
          continue
        }
        const cell = cells[column ?? cells.length - 1]!
        if (column !== undefined && cell.pieces.length === 0) cell.start = line.start
        cell.pieces.push({start: line.start, end: line.end})
        cell.end = line.end
        end = line.end
      }
      return {start, end, cells, wrapped: more.length > 0, web: token.web === true}
    })
    // A row that a wrap cut inside a cell comes as two short rows: the cut cell ends one and starts the other.
    const width = read[0]!.cells.length
    const merged: typeof read = []
    for (const row of read) {
      const previous = merged[merged.length - 1]
      // (Not a web page's rows: each is one `<tr>`, whatever its number of cells.)
      if (
        previous &&
        !row.web &&
        !previous.wrapped &&
        previous.cells.length < width &&
        row.cells.length < width &&
        previous.cells.length + row.cells.length - 1 === width
      ) {
        const cut = previous.cells[previous.cells.length - 1]!
        for (const piece of row.cells[0]!.pieces) cut.pieces.push(piece)
        cut.end = row.cells[0]!.end
        for (let c = 1; c < row.cells.length; c++) previous.cells.push(row.cells[c]!)
        previous.end = row.end
        previous.wrapped = row.wrapped
      } else merged.push(row)
    }
    const rows: Row[] = merged.map((row) => ({
      type: 'row',
      children: row.cells.map(
        (cell): Cell => ({type: 'cell', children: phrasing(this.source, cell.pieces), position: this.source.position(cell.start, cell.end)})
      ),
      position: this.source.position(row.start, row.end)
    }))
    const table: Table = {
      type: 'table',
      children: rows,
      position: this.source.position(rows[0]!.position.start.offset, rows[rows.length - 1]!.position.end.offset)
    }
    this.append(table)
    this.close(null)
  }

  /**
   * A row of the table added last, or of a new table when something else
   * came last (an agenda's paper rows: one table per item).
   */
  addRow(cells: readonly Piece[][], start: number, end: number): Row {
    const row: Row = {type: 'row', children: [], position: this.source.position(start, end)}
    const last = this.last
    if (last && last.type === 'table' && this.open === null) {
      last.children.push(row)
      last.position = this.source.position(last.position.start.offset, end)
    } else {
      this.append({type: 'table', children: [row], position: this.source.position(start, end)})
      this.close(null)
    }
    for (const pieces of cells) this.addCell(row, pieces)
    return row
  }

  /** A cell at the end of a row (its words from `pieces`, the separator printed before them as `marker`); the row and its table grow to hold it. */
  addCell(row: Row, pieces: readonly Piece[], marker?: string): Cell {
    const start = pieces[0]?.start ?? row.position.end.offset
    const end = pieces[pieces.length - 1]?.end ?? start
    const cell: Cell = {type: 'cell', children: phrasing(this.source, pieces as Piece[]), position: this.source.position(start, end)}
    if (marker) cell.marker = marker
    this.cellPieces.set(cell, [...pieces])
    row.children.push(cell)
    this.growRow(row, end)
    return cell
  }

  /** More words for a row's last cell (a paper's note on the next line, a description wrapped), read again with the words it has. */
  extendCell(row: Row, pieces: readonly Piece[]): void {
    const cell = row.children[row.children.length - 1]!
    const all = [...(this.cellPieces.get(cell) ?? []), ...pieces]
    this.cellPieces.set(cell, all)
    cell.children = phrasing(this.source, all)
    const end = pieces[pieces.length - 1]!.end
    cell.position = this.source.position(cell.position.start.offset, end)
    this.growRow(row, end)
  }

  private growRow(row: Row, end: number): void {
    if (end <= row.position.end.offset) return
    row.position = this.source.position(row.position.start.offset, end)
    const last = this.last
    if (last && last.type === 'table' && last.children[last.children.length - 1] === row) last.position = this.source.position(last.position.start.offset, end)
  }

  // Signature, footnotes, appendices --------------------------------------

  /**
   * The signature: the lines from `block` on, up to and with the first date
   * (eight at most, short ones, no appendix heading or note among them).
   * Returns the index of the last block used and the lines of that block
   * after the date, which belong to what follows.
   */
  sign(block: TextBlock, i: number): {used: number; rest: TextBlock | null} {
    const lines: Line[] = []
    let used = i
    let dated = false
    for (let j = i; j < this.blocks.length && !dated && lines.length < 8; j++) {
      const here = j === i ? block : this.blocks[j]!
      if (here.kind !== 'text') break
      // A label alone (`日期：`, `提交人：`) ends in a colon, as a sentence's lead-in does: it is still the signature's.
      if (j > i && !here.lines.every((line) => displayWidth(line.text, 100) <= 100 && (!endsSentence(line.text) || signatureLabelRest(line.text) === ''))) break
      if (j > i && (appendixHeading(here.lines[0]!.text) || FOOTNOTE_LINE.test(here.lines[0]!.text))) break
      used = j
      for (const line of here.lines) {
        lines.push(line)
        const labelled = signatureDateRest(line.text)
        if (isDateLine(line.text) || isMonthYearLine(line.text) || (labelled && isDateLine(labelled))) {
          dated = true
          break
        }
      }
    }
    // A line the wrap cut at the measure, and its tail of a few characters (`…公共申訴辦事` / `處`), are one line of the block.
    const printed: Line[][] = []
    for (const line of lines) {
      const above = printed[printed.length - 1]?.at(-1)
      const tail = displayWidth(line.text.trim())
      if (above && this.width > 0 && displayWidth(above.text.trim()) >= 0.9 * this.width && tail <= 8 && !isDateLine(line.text) && !isMonthYearLine(line.text))
        printed[printed.length - 1]!.push(line)
      else printed.push([line])
    }
    const children: Text[] = printed.map((group) => ({
      type: 'text',
      value: plainText(this.source, group.map(toPiece)),
      position: this.source.position(group[0]!.start, group[group.length - 1]!.end)
    }))
    const signature: Signature = {
      type: 'signature',
      children,
      position: this.source.position(lines[0]!.start, lines[lines.length - 1]!.end)
    }
    this.sections = []
    this.out.push(signature)
    this.close(null)
    for (const text of children) {
      // A label is no sender: `日期：2026年6月4日` is the date, `提交人：陳大文` / `所屬團體：…` name the sender by
      // the words after the label, a label alone (`提交人：`, `日期：`) names no one (its value is the line under it),
      // and a date's or a contact's label (`日期：2026年6月`, `電話：…`), an enclosure's line, a month name no sender.
      const labelled = signatureLabelRest(text.value)
      const value = labelled ?? text.value
      const date = isDateLine(value) ? firstDate(value) : null
      if (date) this.signatureMeta.issueDate ??= date
      else if (
        value !== '' &&
        signatureDateRest(text.value) === null &&
        !SIGNATURE_NOT_SENDER_LABEL.test(squeeze(text.value)) &&
        !isMonthYearLine(value) &&
        !SIGNATURE_NOT_ISSUER.test(value)
      )
        this.signatureMeta.issuedBy.push(value)
    }
    const last = used === i ? block : (this.blocks[used] as TextBlock)
    const rest = last.lines.filter((line) => !lines.includes(line))
    return {used, rest: rest.length > 0 ? {...last, lines: rest, pieces: rest, gapBefore: true} : null}
  }

  /** A note under the signature (`* …`, `註：…`): lines whose first starts with a `FOOTNOTE_LINE` mark. */
  footnote(block: {lines: readonly Line[]}): void {
    const first = block.lines[0]!
    const printed = FOOTNOTE_LINE.exec(first.text)![0]
    const mark = printed.replace(/^\\/, '') // `\*`, `\#`: the mark as our Markdown escapes it
    const pieces: Piece[] = block.lines.map(toPiece)
    pieces[0] = {start: first.start + printed.length, end: first.end}
    const note: Footnote = {
      type: 'footnote',
      identifier: mark.trim().replace(TRAILING_COLON, '') || '*',
      marker: mark.trim(),
      children: phrasing(this.source, pieces),
      position: this.source.position(first.start, block.lines[block.lines.length - 1]!.end)
    }
    this.out.push(note)
  }

  openAppendix(label: string | null, marker: string | null, start: number): void {
    const appendix: Appendix = {type: 'appendix', label, marker, title: null, children: [], position: this.source.position(start, start)}
    this.out.push(appendix)
    this.appendix = appendix
    this.sections = []
    this.close(null)
  }

  /** More of the open appendix's title. */
  addTitle(lines: readonly Line[]): void {
    const appendix = this.appendix!
    const words = plainText(this.source, lines.map(toPiece))
    appendix.title = appendix.title ? appendix.title + joiner(appendix.title, words) + words : words
    appendix.position = this.source.position(appendix.position.start.offset, lines[lines.length - 1]!.end)
  }
}

export function toPiece(line: Line): Piece {
  return {start: line.start, end: line.end}
}

/** The part `from`..`to` of a line as a piece, the spaces at its ends trimmed off; null when only spaces. */
export function trimmedPiece(line: Line, from: number, to: number): Piece | null {
  const text = line.text
  while (from < to && /\s/.test(text[from]!)) from++
  while (to > from && /\s/.test(text[to - 1]!)) to--
  return to > from ? {start: line.start + from, end: line.start + to} : null
}
