/**
 * Build, step two: blocks to the paper tree. One pass over the blocks with
 * a stack of open sections; each rule of the genre is a method here:
 * headings and their depth, numbered paragraphs (and lists numbered `1.`
 * inside them), items, paragraphs broken by a page, the signature block,
 * appendices after it, inferred paragraph numbers.
 */
import {CLAUSE_PUNCTUATION, displayWidth, endsSentence, joiner, ONE_BRACKETED_REMARK, startsContinuation, TRAILING_COLON, TRAILING_FULL_STOP} from '../lang/chars.js'
import {isDateLine, isMonthYearLine, firstDate} from '../lang/dates.js'
import {appendixHeading, standardHeadingKey} from '../lang/headings.js'
import {NOTE_LINE_MARK} from '../lang/furniture.js'
import {INTRODUCES_LIST, LIST_CONJUNCTION} from '../lang/numbering.js'
import {isSignatureStart, SIGNATURE_NOT_ISSUER} from '../lang/signature.js'
import type {Line} from '../normalise/lines.js'
import type {Source} from '../source.js'
import type {
  Appendix,
  BlockContent,
  Cell,
  Footnote,
  Item,
  Meta,
  Paragraph,
  Row,
  Section,
  Signature,
  Table,
  Text,
  TopContent
} from '../tree.js'
import {isFull, isShort, type Block, type ItemBlock, type ParaBlock, type TableBlock, type TextBlock} from './blocks.js'
import {phrasing, plainText, type Piece} from './inline.js'
import {ItemNester} from './items.js'

/** A genre's say in the body (meeting records): which lines are agenda-item headings. */
export interface BodyHooks {
  itemHeading(text: string): boolean
}

type Container = (Section | BlockContent)[] | TopContent[]

/** A node whose last text a page break may have cut: a paragraph's or an item's. */
interface OpenUnit {
  node: Paragraph | Item
  /** Where the unit's last run of words starts among its children, and the pieces it was read from. */
  from: number
  pieces: Piece[]
}

const FOOTNOTE_LINE = NOTE_LINE_MARK

export class BodyBuilder {
  readonly out: TopContent[] = []
  private sections: Section[] = []
  private root: Container = this.out
  private paragraph: Paragraph | null = null
  private unit: OpenUnit | null = null
  private afterHeading = false
  private nester = new ItemNester()
  private appendix: Appendix | null = null
  private titleOpen = false
  private signed = false
  private lastNumber = 0
  readonly signatureMeta: Pick<Meta, 'issuedBy' | 'issueDate'> = {issuedBy: [], issueDate: null}

  constructor(
    private readonly source: Source,
    private readonly width: number,
    private readonly hooks?: BodyHooks
  ) {}

  run(blocks: Block[]): TopContent[] {
    for (let i = 0; i < blocks.length; i++) i = this.block(blocks, i)
    return this.out
  }

  /** Handle blocks[i]; returns the index of the last block used. */
  private block(blocks: Block[], i: number): number {
    const block = blocks[i]!
    switch (block.kind) {
      case 'heading': {
        const title = block.token.title
        this.heading(plainText(this.source, [title]), block.token.depth, standardHeadingKey(title.text), block.lines[0]!.start, block.lines[0]!.end, true)
        return i
      }
      case 'para':
        this.para(block)
        return i
      case 'item':
        this.item(block)
        return i
      case 'table':
        this.table(block)
        return i
      case 'text':
        return this.text(blocks, i)
      case 'footnote':
        this.append({
          type: 'footnote',
          identifier: block.identifier,
          marker: block.marker,
          children: phrasing(this.source, block.pieces),
          position: this.source.position(block.lines[0]!.start, block.lines[block.lines.length - 1]!.end)
        })
        return i
    }
  }

  private container(): Container {
    const top = this.sections[this.sections.length - 1]
    return top ? top.children : this.root
  }

  private append(node: Section | BlockContent | Signature | Appendix): void {
    ;(this.container() as (typeof node)[]).push(node)
  }

  // Headings ---------------------------------------------------------------

  private heading(title: string, explicitDepth: number | null, key: string | null, start: number, end: number, markdown = false): void {
    let depth: number
    if (markdown && explicitDepth) depth = explicitDepth
    else if (key) depth = 1
    else {
      const innermost = this.sections[this.sections.length - 1]
      if (!innermost) depth = 1
      else if (this.afterHeading) depth = innermost.depth + 1
      else depth = innermost.key ? innermost.depth + 1 : innermost.depth
    }
    while (this.sections.length > 0 && this.sections[this.sections.length - 1]!.depth >= depth) this.sections.pop()
    const section: Section = {type: 'section', title, depth, key, children: [], position: this.source.position(start, end)}
    this.append(section)
    this.sections.push(section)
    this.paragraph = null
    this.unit = null
    this.afterHeading = true
    this.nester.reset(null)
  }

  // Paragraphs and items ---------------------------------------------------

  private newParagraph(number: string | null, markerText: string | null, start: number): Paragraph {
    const paragraph: Paragraph = {type: 'paragraph', number, marker: markerText, children: [], position: this.source.position(start, start)}
    this.append(paragraph)
    this.paragraph = paragraph
    this.afterHeading = false
    this.nester.reset(paragraph)
    if (number) this.lastNumber = Number(number)
    else if (this.lastNumber === 0) this.lastNumber = 1
    return paragraph
  }

  /** Is a `1.`/`2.` line an item of a list inside the paragraph rather than a paragraph? */
  private isListNumber(block: ParaBlock): boolean {
    const paragraph = this.paragraph
    if (!paragraph || this.afterHeading) return false
    const n = Number(block.token.number)
    const expected = this.lastNumber + 1
    const indent = block.lines[0]!.indent
    const paragraphIndent = this.paragraphIndent(paragraph)
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

  private paragraphIndent(paragraph: Paragraph): number {
    const line = this.lineAt(paragraph.position.start.offset)
    return line ? line.indent : 0
  }

  private lineAt(offset: number): {indent: number} | null {
    const point = this.source.point(offset)
    const text = this.source.text
    let start = offset - (point.column - 1)
    let indent = 0
    while (start < text.length && (text[start] === ' ' || text[start] === '\t' || text[start] === '\u3000')) {
      indent += text[start] === '\t' ? 4 : text[start] === '\u3000' ? 2 : 1
      start++
    }
    return {indent}
  }

  private para(block: ParaBlock): void {
    if (this.signed && !this.appendix) this.openAppendix(null, null, block.lines[0]!.start)
    if (this.isListNumber(block)) {
      const token = block.token
      this.placeItem(block, {label: token.number, styles: ['decimal'], marker: token.marker.text, start: token.marker.start})
      return
    }
    const token = block.token
    const paragraph = this.newParagraph(token.number, token.marker.text, token.marker.start)
    this.write(paragraph, block.pieces)
    paragraph.position = this.source.position(token.marker.start, block.lines[block.lines.length - 1]!.end)
  }

  private item(block: ItemBlock): void {
    const token = block.token
    if (this.signed && !this.appendix && token.label === null && token.marker.text === '*') {
      // `* 已於較早前發出…` under the signature: the note a `*` in the text points to.
      this.footnote({kind: 'text', lines: block.lines, pieces: [{start: token.marker.start, end: block.lines[block.lines.length - 1]!.end}], gapBefore: block.gapBefore, pageTurn: false})
      return
    }
    if (this.signed && !this.appendix) this.openAppendix(null, null, block.lines[0]!.start)
    const start = token.bullet ? token.bullet.start : token.marker.start
    this.placeItem(block, {label: token.label, styles: token.styles, marker: token.marker.text, start})
  }

  private placeItem(block: ItemBlock | ParaBlock, label: {label: string | null; styles: Item['style'][]; marker: string; start: number}): void {
    if (!this.paragraph || this.afterHeading) {
      this.newParagraph(null, null, label.start)
    }
    const item: Item = {
      type: 'item',
      label: label.label,
      marker: label.marker,
      style: label.styles[0]!,
      children: [],
      position: this.source.position(label.start, block.lines[block.lines.length - 1]!.end)
    }
    this.write(item, block.pieces)
    this.nester.place(item, label.styles, block.lines[0]!.indent)
  }

  /** Add a run of words to a paragraph or item; it becomes the unit a page break may continue. */
  private write(node: Paragraph | Item, pieces: Piece[]): void {
    this.unit = {node, from: node.children.length, pieces}
    if (pieces.length > 0) node.children.push(...phrasing(this.source, pieces))
  }

  // Tables -----------------------------------------------------------------

  private table(block: TableBlock): void {
    if (this.signed && !this.appendix) this.openAppendix(null, null, block.rows[0]!.token.line.start)
    this.titleOpen = false
    // Each row as cells of pieces; lines with no tab under a row go on with its last cell.
    const read = block.rows.map(({token, more}) => {
      const cells = token.cells.map((cell) => ({start: cell.start, end: cell.end, pieces: cell.text ? [{start: cell.start, end: cell.end}] : ([] as Piece[])}))
      const last = cells[cells.length - 1]!
      for (const line of more) {
        last.pieces.push({start: line.start, end: line.end})
        last.end = line.end
      }
      return {start: token.line.start, end: more.length ? more[more.length - 1]!.end : token.line.end, cells, wrapped: more.length > 0}
    })
    // A row that a wrap cut inside a cell comes as two short rows: the cut cell ends one and starts the other.
    const width = read[0]!.cells.length
    const merged: typeof read = []
    for (const row of read) {
      const previous = merged[merged.length - 1]
      if (previous && !previous.wrapped && previous.cells.length < width && row.cells.length < width && previous.cells.length + row.cells.length - 1 === width) {
        const cut = previous.cells[previous.cells.length - 1]!
        cut.pieces.push(...row.cells[0]!.pieces)
        cut.end = row.cells[0]!.end
        previous.cells.push(...row.cells.slice(1))
        previous.end = row.end
        previous.wrapped = row.wrapped
      } else merged.push(row)
    }
    const rows: Row[] = merged.map((row) => ({
      type: 'row',
      children: row.cells.map((cell): Cell => ({type: 'cell', children: phrasing(this.source, cell.pieces), position: this.source.position(cell.start, cell.end)})),
      position: this.source.position(row.start, row.end)
    }))
    const table: Table = {
      type: 'table',
      children: rows,
      position: this.source.position(rows[0]!.position.start.offset, rows[rows.length - 1]!.position.end.offset)
    }
    this.append(table)
    this.paragraph = null
    this.unit = null
    this.afterHeading = false
  }

  // Text blocks ------------------------------------------------------------

  private text(blocks: Block[], i: number): number {
    const block = blocks[i] as TextBlock
    const first = block.lines[0]!.text
    // A paragraph cut by a page break goes on in this block.
    if (this.unit && this.continues(block)) {
      this.extend(block)
      return i
    }
    if (!this.signed && this.hasBody() && (isSignatureStart(first) || this.endsWithDatedLines(blocks, i))) return this.signature(blocks, i)
    if (this.signed && FOOTNOTE_LINE.test(first) && !this.appendix) {
      this.footnote(block)
      return i
    }
    const appendix = appendixHeading(first)
    if (appendix && isShort(first, this.width)) {
      this.openAppendix(appendix.label, appendix.marker, block.lines[0]!.start)
      this.titleOpen = true
      if (block.lines.length > 1) this.addTitle(block.lines.slice(1))
      return i
    }
    if (this.signed && !this.appendix) {
      this.openAppendix(null, null, block.lines[0]!.start)
      this.titleOpen = true
    }
    if (this.appendix && this.titleOpen && this.headingLike(block, blocks[i + 1])) {
      this.addTitle(block.lines)
      return i
    }
    this.titleOpen = false
    const key = standardHeadingKey(first)
    const split = key ? 0 : this.headingCutByPage(blocks, i)
    if (split) {
      const lines = [...block.lines, ...(blocks[i + 1] as TextBlock).lines]
      this.heading(plainText(this.source, lines.map(toPiece)), null, null, lines[0]!.start, lines[lines.length - 1]!.end)
      return i + 1
    }
    if (this.hooks?.itemHeading(first)) {
      // A meeting record's agenda item: a top heading of its own line; the lines under it (a time slot) are content.
      this.heading(plainText(this.source, [toPiece(block.lines[0]!)]), 1, null, block.lines[0]!.start, block.lines[0]!.end, true)
      if (block.lines.length > 1) {
        blocks[i] = {...block, lines: block.lines.slice(1), pieces: block.pieces.slice(1), gapBefore: false}
        return this.text(blocks, i)
      }
      return i
    }
    if (key || (this.headingLike(block, blocks[i + 1]) && (block.gapBefore || this.leadsContent(blocks, i + 1, 1)))) {
      const lines = key ? [block.lines[0]!] : block.lines.slice()
      // A heading over two lines: heading-like lines that follow with no blank line are more of its title.
      while (!key && this.isHeadingLine(blocks[i + 1]) && lines.length < 3) {
        lines.push(...(blocks[++i] as TextBlock).lines)
      }
      const title = plainText(this.source, lines.map(toPiece))
      this.heading(title, null, key, lines[0]!.start, lines[lines.length - 1]!.end)
      if (key && block.lines.length > 1) {
        const rest: TextBlock = {...block, lines: block.lines.slice(1), pieces: block.pieces.slice(1), gapBefore: false}
        blocks[i] = rest
        return this.text(blocks, i)
      }
      return i
    }
    this.prose(block)
    return i
  }

  /** A block of text that is no unit of its own: more of the paragraph, or a paragraph without a number. */
  private prose(block: TextBlock): void {
    const paragraph = this.paragraph
    const end = block.lines[block.lines.length - 1]!.end
    if (paragraph && paragraph.number !== null && !this.afterHeading) {
      this.write(paragraph, block.pieces)
      paragraph.position = this.source.position(paragraph.position.start.offset, end)
      this.nester.reset(paragraph)
      return
    }
    const fresh = this.newParagraph(null, null, block.lines[0]!.start)
    this.write(fresh, block.pieces)
    fresh.position = this.source.position(block.lines[0]!.start, end)
  }

  /**
   * A signature without the Secretariat's wording (`Tourism Commission` /
   * `Culture, Sports and Tourism Bureau` / `June 2024`): a few short lines
   * ending in a date, with nothing after them but the end or an appendix.
   */
  private endsWithDatedLines(blocks: Block[], i: number): boolean {
    if (standardHeadingKey((blocks[i] as TextBlock).lines[0]!.text)) return false
    let lines = 0
    for (let j = i; j < blocks.length; j++) {
      const block = blocks[j]!
      if (block.kind !== 'text') return false
      for (const line of block.lines) {
        lines++
        if (lines > 6 || displayWidth(line.text) > 100 || (endsSentence(line.text) && !/^\S+[.:]$/.test(line.text))) return false
        if (isDateLine(line.text) || isMonthYearLine(line.text)) {
          const next = blocks[j + 1]
          return lines > 1 && (!next || (next.kind === 'text' && appendixHeading(next.lines[0]!.text) !== null) || next.kind === 'table')
        }
      }
    }
    return false
  }

  private hasBody(): boolean {
    return this.out.some((node) => node.type !== 'header')
  }

  /**
   * A block continues the paragraph (or item) before it when that one did not
   * end its sentence and this block does not look like a heading: text cut
   * by a page break, a page number or a running header.
   */
  private continues(block: TextBlock): boolean {
    const unit = this.unit!
    const last = lastTextOf(unit.node)
    if (!last) return false
    const first = block.lines[0]!.text
    if (standardHeadingKey(first) || isSignatureStart(first) || appendixHeading(first)) return false
    // PDF text: a gap wider than paragraph spacing ends the paragraph, sentence or not (the reader marks it with two blank lines).
    if (block.wideGap && this.source.paged) return false
    // A page that breaks mid-sentence is followed by the rest of the sentence.
    if (!endsSentence(last.value)) return true
    // A conjunction left over by the wrap (`…範疇；` / `及`).
    if (block.lines.length === 1 && LIST_CONJUNCTION.test(first)) return true
    // After a page turn, a numbered paragraph or an item goes on unless a heading comes.
    const numbered = unit.node.type === 'item' || unit.node.number !== null
    return block.pageTurn && numbered && !this.headingLike(block, undefined)
  }

  /** Read the unit's last run of words again with the block added, so marks cut by the page (`**附` / `錄**`) pair up. */
  private extend(block: TextBlock): void {
    const unit = this.unit!
    const node = unit.node
    unit.pieces = [...unit.pieces, ...block.pieces]
    node.children.splice(unit.from)
    node.children.push(...phrasing(this.source, unit.pieces))
    const end = block.lines[block.lines.length - 1]!.end
    node.position = this.source.position(node.position.start.offset, end)
    if (node.type === 'item' && this.paragraph) {
      this.paragraph.position = this.source.position(this.paragraph.position.start.offset, end)
    }
  }

  /**
   * In text without blank lines, a short line is a heading only when content
   * follows it: a paragraph, an item, a table, a standard heading, a line of
   * running text — or one more heading that content follows. A run of short
   * lines (a list of names) is not a cascade of headings.
   */
  private leadsContent(blocks: Block[], i: number, more: number): boolean {
    const next = blocks[i]
    if (!next) return false
    if (next.kind !== 'text') return true
    const first = next.lines[0]!.text
    if (standardHeadingKey(first) || appendixHeading(first)) return true
    if (!this.headingLike(next, blocks[i + 1])) return !isSignatureStart(first)
    return more > 0 && (next.gapBefore || this.leadsContent(blocks, i + 1, more - 1))
  }

  /**
   * A heading that a page break cut in two: a line with no sentence end, a
   * page turn, the rest of the heading (short, no sentence end), then a
   * paragraph or item. Returns 1 when blocks[i] and blocks[i + 1] are that.
   */
  private headingCutByPage(blocks: Block[], i: number): number {
    const block = blocks[i] as TextBlock
    const rest = blocks[i + 1]
    const after = blocks[i + 2]
    if (!rest || rest.kind !== 'text' || !rest.pageTurn || rest.lines.length > 2 || !after || !startsUnit(after)) return 0
    // The first part ran to the margin: the heading went on over the page.
    if (block.lines.length > 2 || !block.gapBefore || !isFull(block.lines[block.lines.length - 1]!.text, this.width)) return 0
    const lines = [...block.lines, ...rest.lines]
    if (lines.some((line) => endsSentence(line.text) || CLAUSE_PUNCTUATION.test(line.text))) return 0
    if (lines.reduce((sum, line) => sum + displayWidth(line.text), 0) > 120) return 0
    return isShort(rest.lines[rest.lines.length - 1]!.text, this.width) ? 1 : 0
  }

  private isHeadingLine(block: Block | undefined): boolean {
    if (!block || block.kind !== 'text' || block.gapBefore) return false
    const first = block.lines[0]!.text
    return this.headingLike(block, undefined) && !standardHeadingKey(first) && !isSignatureStart(first) && !appendixHeading(first)
  }

  /**
   * Heading-like: one to three lines, a heading's length in all, with no
   * sentence end, the last of them short for the page (a heading wrapped at
   * the margin stops short) — or a single line that a paragraph, an item or
   * another heading follows (a long heading on a narrow page).
   */
  private headingLike(block: TextBlock, next?: Block): boolean {
    if (block.lines.length > 3) return false
    const last = block.lines[block.lines.length - 1]!.text
    if (endsSentence(last) || isDateLine(last) || startsContinuation(block.lines[0]!.text)) return false
    // A remark in brackets, `(下午4時30分至6時30分)`, is not a heading.
    if (ONE_BRACKETED_REMARK.test(block.lines.map((line) => line.text).join(''))) return false
    // Chinese headings carry no sentence punctuation; text that does is a sentence cut by a page.
    if (block.lines.some((line) => CLAUSE_PUNCTUATION.test(line.text))) return false
    const total = block.lines.reduce((sum, line) => sum + displayWidth(line.text), 0)
    if (total > 120) return false
    // Short lines, or a heading wrapped at the margin: its last line stops short.
    if (isShort(last, this.width)) return true
    return block.lines.length === 1 && next !== undefined && startsUnit(next)
  }

  // Signature, footnotes, appendices --------------------------------------

  private signature(blocks: Block[], i: number): number {
    const lines: Line[] = []
    let used = i
    let dated = false
    for (let j = i; j < blocks.length && !dated && lines.length < 8; j++) {
      const block = blocks[j]!
      if (block.kind !== 'text') break
      if (j > i && !block.lines.every((line) => displayWidth(line.text) <= 100 && !endsSentence(line.text))) break
      if (j > i && (appendixHeading(block.lines[0]!.text) || FOOTNOTE_LINE.test(block.lines[0]!.text))) break
      used = j
      for (const line of block.lines) {
        lines.push(line)
        if (isDateLine(line.text) || isMonthYearLine(line.text)) {
          dated = true
          break
        }
      }
    }
    const children: Text[] = lines.map((line) => ({
      type: 'text',
      value: plainText(this.source, [toPiece(line)]),
      position: this.source.position(line.start, line.end)
    }))
    const signature: Signature = {
      type: 'signature',
      children,
      position: this.source.position(lines[0]!.start, lines[lines.length - 1]!.end)
    }
    this.sections = []
    this.root = this.out
    this.out.push(signature)
    this.signed = true
    this.paragraph = null
    this.unit = null
    for (const text of children) {
      const date = isDateLine(text.value) ? firstDate(text.value) : null
      if (date) this.signatureMeta.issueDate ??= date
      else if (isMonthYearLine(text.value)) continue
      else if (!SIGNATURE_NOT_ISSUER.test(text.value)) this.signatureMeta.issuedBy.push(text.value)
    }
    // Lines of the last block after the date belong to what follows.
    const lastBlock = blocks[used]!
    if (lastBlock.kind === 'text') {
      const rest = lastBlock.lines.filter((line) => !lines.includes(line))
      if (rest.length > 0) {
        blocks[used] = {...lastBlock, lines: rest, pieces: rest, gapBefore: true}
        return used - 1
      }
    }
    return used
  }

  private footnote(block: TextBlock): void {
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

  private openAppendix(label: string | null, marker: string | null, start: number): void {
    const appendix: Appendix = {type: 'appendix', label, marker, title: null, children: [], position: this.source.position(start, start)}
    this.out.push(appendix)
    this.appendix = appendix
    this.signed = true
    this.sections = []
    this.root = appendix.children
    this.paragraph = null
    this.unit = null
    this.afterHeading = false
  }

  private addTitle(lines: Line[]): void {
    const appendix = this.appendix!
    const pieces = lines.map(toPiece)
    const words = plainText(this.source, pieces)
    appendix.title = appendix.title ? appendix.title + joinText(appendix.title, words) + words : words
    appendix.position = this.source.position(appendix.position.start.offset, lines[lines.length - 1]!.end)
  }
}

/** Does this block start a unit of its own: a numbered paragraph, an item, a table, a heading? */
function startsUnit(block: Block): boolean {
  if (block.kind !== 'text') return true
  const first = block.lines[0]!.text
  return standardHeadingKey(first) !== null || appendixHeading(first) !== null
}

function toPiece(line: Line): Piece {
  return {start: line.start, end: line.end}
}

function joinText(before: string, after: string): string {
  return joiner(before, after)
}

/** The last text node inside a paragraph or item, looking into its last item. */
export function lastTextOf(node: Paragraph | Item | null): Text | null {
  if (!node) return null
  const last = node.children[node.children.length - 1]
  if (!last) return null
  if (last.type === 'text') return last
  if (last.type === 'item') return lastTextOf(last)
  if (last.type === 'strong' || last.type === 'emphasis') return last.children[last.children.length - 1] ?? null
  return null
}

