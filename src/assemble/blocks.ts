/**
 * Assemble, step one: tokens to blocks. A block is one unit as printed — a
 * numbered paragraph start with its wrapped lines, an item, a table, a
 * heading, a run of text lines, a footnote. Blank lines and page turns end
 * nothing by themselves here; they are recorded (`gapBefore`, `pageTurn`)
 * for the builder, which decides whether a page break split a paragraph.
 */
import {displayWidth, endsMidPhrase, endsSentence, startsContinuation} from '../lang/chars.js'
import {standardHeadingKey, appendixHeading} from '../lang/headings.js'
import {isSignatureStart} from '../lang/signature.js'
import {isDateLine} from '../lang/dates.js'
import {PARAGRAPH_NUMBER_ONLY, wrappedNumber} from '../lang/numbering.js'
import {POST_MEETING_NOTE} from '../lang/meetings.js'
import type {Line} from '../normalise/lines.js'
import type {TopContent} from '../tree.js'
import type {HeadingToken, ItemToken, ParaToken, Piece, RowToken, Token} from '../tokenise/index.js'

export interface TextBlock {
  kind: 'text'
  lines: Line[]
  pieces: Piece[]
  gapBefore: boolean
  /** A page ended before this block (page furniture or a form feed in the gap). */
  pageTurn: boolean
  /** Two or more blank lines in a row stood before it: in PDF text, a gap wider than paragraph spacing (src/read/pdf.ts). */
  wideGap?: true
}

export interface ParaBlock {
  kind: 'para'
  token: ParaToken
  lines: Line[]
  pieces: Piece[]
  gapBefore: boolean
}

export interface ItemBlock {
  kind: 'item'
  token: ItemToken
  lines: Line[]
  pieces: Piece[]
  gapBefore: boolean
}

export interface TableRow {
  token: RowToken
  /** Text lines that continue the row's last cell (a row wrapped at the page width). */
  more: Line[]
}

export interface TableBlock {
  kind: 'table'
  rows: TableRow[]
  gapBefore: boolean
  /** The lines of text just above the table (its caption and column heads, which a PDF prints again on every page). */
  heads?: Set<string>
}

export interface HeadingBlock {
  kind: 'heading'
  token: HeadingToken
  lines: Line[]
  gapBefore: boolean
}

/** A footnote's lines, lifted out of the paragraph they interrupt. */
export interface FootnoteBlock {
  kind: 'footnote'
  identifier: string
  /** The note's mark as printed. */
  marker: string
  lines: Line[]
  pieces: Piece[]
  gapBefore: boolean
}

/**
 * A part of the paper read apart from its lines before tokenising (a
 * meeting record's attendance lists, a letter's salutation): it stands in
 * the block list where its lines stood.
 */
export interface PartBlock {
  kind: 'part'
  node: TopContent
  gapBefore: boolean
}

export type Block = TextBlock | ParaBlock | ItemBlock | TableBlock | HeadingBlock | FootnoteBlock | PartBlock

/** A line short enough to be a heading, a signature line or a title, in a text of this width. */
export function isShort(text: string, width: number): boolean {
  const own = displayWidth(text, 100)
  return own <= 100 && own <= width * 0.8
}

/** Did the line run to the right margin (so that layout, not the author, broke it)? */
export function isFull(text: string, width: number): boolean {
  return width > 0 && displayWidth(text, width) >= width * 0.6
}

/**
 * Does this line go on with the block of the line before it (no blank line
 * between)? Layout breaks a line that ran to the margin; an author breaks a
 * short one. So a line joins when the one before it was full (or was a
 * paragraph number alone), or when it starts like the rest of a sentence —
 * and never when it is a standard heading, an appendix heading, a signature
 * line or a date standing after a finished sentence, or a short line that
 * the next line does not continue.
 */
function joinsPrevious(previous: Line, line: Line, next: Line | undefined, width: number): boolean {
  const text = line.text
  if (NUMBER_ONLY.test(previous.text)) return true
  if (startsContinuation(text)) return true
  // A standard heading alone on a line is a heading wherever it stands.
  if (standardHeadingKey(text)) return false
  // `(Post-meeting note: …)` is a block of its own in minutes.
  if (POST_MEETING_NOTE.test(text)) return false
  // A line that stops on `的` or `of` goes on here, however short (a wrap of a wrapped text leaves `…選擧` / `的` / `委員。`).
  if (endsMidPhrase(previous.text)) return true
  const finished = endsSentence(previous.text) || !isFull(previous.text, width)
  if (finished && (appendixHeading(text) || isSignatureStart(text) || isDateLine(text))) return false
  if (!isFull(previous.text, width)) return false
  if (!endsSentence(previous.text)) return true
  // A word or two left over by the wrap (`及` after `…範疇；`) goes with its line.
  if (displayWidth(text) <= 4) return true
  // After a full line that ended a sentence: a short line with no sentence end that the next line does not continue stands alone.
  return endsSentence(text) || !isShort(text, width) || Boolean(next && !next.blank && startsContinuation(next.text))
}

const NUMBER_ONLY = PARAGRAPH_NUMBER_ONLY

/** The line that the next token starts, as far as joining looks ahead: none when a blank line or the end comes first. */
function nextLine(tokens: readonly Token[], i: number): Line | undefined {
  for (let j = i + 1; j < tokens.length; j++) {
    const token = tokens[j]!
    if (token.kind === 'page' || token.kind === 'furniture') continue
    return token.kind === 'blank' ? undefined : token.line
  }
  return undefined
}

/** The texts of the last few lines of text and headings before a table that opens now. */
function headsAbove(blocks: readonly Block[]): Set<string> {
  const heads = new Set<string>()
  for (let b = blocks.length - 1; b >= 0 && b >= blocks.length - 4; b--) {
    const block = blocks[b]!
    if (block.kind !== 'text' && block.kind !== 'heading') break
    for (const line of block.lines) heads.add(line.text)
  }
  return heads
}

/** A row that, with the table's last row, makes one of the table's width: the page cut that row inside a cell (assemble merges the two). */
function restOfRow(table: TableBlock, token: RowToken): boolean {
  const last = table.rows[table.rows.length - 1]!
  const columns = table.rows[0]!.token.cells.length
  return last.more.length === 0 && last.token.cells.length < columns && last.token.cells.length + token.cells.length - 1 === columns
}

/**
 * Rows of fewer cells right under a whole row, two or more of them alike: a
 * table of other columns printed under the first with no blank line between
 * (a wrap that cuts a row leaves the row above short, not whole, and the
 * cut row runs to the measure).
 */
function startsOtherTable(table: TableBlock, tokens: readonly Token[], i: number, width: number): boolean {
  const token = tokens[i] as RowToken
  const columns = table.rows[0]!.token.cells.length
  const last = table.rows[table.rows.length - 1]!
  if (token.web || token.pipe || token.cells.length >= columns || last.token.cells.length !== columns) return false
  // A row that runs to the measure was cut there: the next row is its rest.
  if (width > 0 && displayWidth(token.line.text, width) >= width * 0.9) return false
  for (let j = i + 1; j < tokens.length; j++) {
    const next = tokens[j]!
    if (next.kind === 'blank' || next.kind === 'furniture' || next.kind === 'page') continue
    return next.kind === 'row' && next.cells.length === token.cells.length
  }
  return false
}

/** A line with no tab inside it under a table's last row: the rest of its last cell, its next cell, or a row of its own (led by a tab). */
function continueRow(table: TableBlock, line: Line): void {
  if (line.tabbed) {
    // `\t議程…` under a row: a row whose first cell is empty (a wrap cut the row at a tab).
    const cells = [
      {start: line.start, end: line.start, text: ''},
      {start: line.start, end: line.end, text: line.text}
    ]
    table.rows.push({token: {kind: 'row', line, cells, pipe: false}, more: []})
    return
  }
  const last = table.rows[table.rows.length - 1]!
  if (last.more.length === 0 && last.token.line.tabbedEnd && last.token.cells.length < table.rows[0]!.token.cells.length) {
    // `委員會\t2023年2月13日\t` then `議程…`, the row short of the table's columns: the wrap cut it at the tab before a cell, which this line begins.
    const cells = [...last.token.cells, {start: line.start, end: line.end, text: line.text}]
    table.rows[table.rows.length - 1] = {token: {...last.token, cells}, more: []}
    return
  }
  // A wrapped table row: the line continues the last cell.
  last.more.push(line)
}

/**
 * Lines at `tokens[i]` that a page turn parted from the last row of `table`:
 * at most three lines of text, right before another row (the table goes on
 * below them), or, when the row's last line ran to
 * the margin in mid-sentence, right before a blank line or the end. Not the
 * table's column heads printed again on the new page, and not a caption or
 * heading between two tables (it stands apart from the next by a blank line).
 */
function rowCarriedOver(table: TableBlock, tokens: readonly Token[], i: number, width: number): boolean {
  for (let j = i, n = 0; j < tokens.length && n < 3; j++, n++) {
    const token = tokens[j]!
    if (token.kind !== 'text') break
    if (table.heads?.has(token.line.text)) return false
  }
  for (let j = i + 1, lines = 1; j < tokens.length; j++) {
    const token = tokens[j]!
    if (token.kind === 'page' || token.kind === 'furniture') return false
    if (token.kind === 'row') return !token.pipe
    if (token.kind === 'blank') break
    if (token.kind !== 'text' || ++lines > 3) return false
  }
  const row = table.rows[table.rows.length - 1]!
  const last = row.more.length > 0 ? row.more[row.more.length - 1]! : row.token.line
  return width > 0 && displayWidth(last.text, width) >= width * 0.9 && !endsSentence(last.text)
}

/** `startsTable`: PDF input, whether a line begins a table of its own where a table of as many columns ended the page before (Source.startsTable). */
export function toBlocks(tokens: readonly Token[], width: number, startsTable?: (index: number) => boolean): Block[] {
  const blocks: Block[] = []
  let current: Exclude<Block, PartBlock> | null = null
  let gap = false
  /** Page furniture stood in the gap: a table may go on over the page. */
  let pageTurn = false
  let previous: Line | null = null
  /** Blank lines in a row just before this token. */
  let blanks = 0

  const open = (block: Exclude<Block, PartBlock>) => {
    blocks.push(block)
    current = block
    gap = false
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const cur = current as Exclude<Block, PartBlock> | null
    switch (token.kind) {
      case 'page':
        pageTurn = true
        blanks = 0
        continue
      case 'furniture':
        blanks = 0
        continue
      case 'blank':
        if (cur) gap = true
        blanks++
        continue
      case 'definition':
        // `[^1]: words` — a footnote as Markdown writes it.
        blocks.push({
          kind: 'footnote',
          identifier: token.identifier,
          marker: token.marker,
          lines: [token.line],
          pieces: token.rest ? [token.rest] : [],
          gapBefore: gap
        })
        current = null
        continue
      case 'note': {
        // The note goes beside the paragraph it interrupts, which then reads on.
        const last = blocks[blocks.length - 1]
        if (!token.first && last && last.kind === 'footnote') {
          last.lines.push(token.line)
          last.pieces.push(token.rest)
        } else
          blocks.push({
            kind: 'footnote',
            identifier: token.identifier,
            marker: token.marker,
            lines: [token.line],
            pieces: token.rest.end > token.rest.start ? [token.rest] : [],
            gapBefore: gap
          })
        continue
      }
      default:
    }
    const wide = blanks >= 2
    blanks = 0
    switch (token.kind) {
      case 'rule':
        // Table rules and lone pipes keep a pipe table together; thematic breaks end blocks.
        if (!(cur && cur.kind === 'table' && cur.rows[0]?.token.pipe)) {
          current = null
        }
        continue
      case 'row':
        // A row goes on with the table above it; across a blank line or a page turn only with the same number of cells
        // (PDF tables space their rows apart; two tables in a row have different columns).
        if (
          cur &&
          cur.kind === 'table' &&
          // A web page's table is one `<table>`: the blank line after it ends it.
          (!gap || (!token.web && (cur.rows[0]!.token.cells.length === token.cells.length || (pageTurn && restOfRow(cur, token))))) &&
          cur.rows[0]!.token.pipe === token.pipe &&
          !(gap === false && startsOtherTable(cur, tokens, i, width)) &&
          !(pageTurn && startsTable?.(token.line.index))
        ) {
          cur.rows.push({token, more: []})
          gap = false
        } else open({kind: 'table', rows: [{token, more: []}], gapBefore: gap, heads: headsAbove(blocks)})
        break
      case 'heading':
        open({kind: 'heading', token, lines: [token.line], gapBefore: gap})
        current = null
        break
      case 'para':
      case 'item':
        // A number the wrap put at the line's start (`… (No.` / `2) Bill 1998 …`, `… see paragraph` / `12. above`): more words of the line above.
        if (
          cur &&
          !gap &&
          !pageTurn &&
          previous &&
          (cur.kind === 'para' || cur.kind === 'item' || cur.kind === 'text') &&
          wrappedNumber(previous.text, token.marker.text)
        ) {
          cur.lines.push(token.line)
          cur.pieces.push({start: token.line.start, end: token.line.end})
          break
        }
        if (token.kind === 'para') open({kind: 'para', token, lines: [token.line], pieces: token.rest ? [token.rest] : [], gapBefore: gap})
        else open({kind: 'item', token, lines: [token.line], pieces: token.rest ? [token.rest] : [], gapBefore: gap})
        break
      case 'text': {
        const line = token.line
        if (cur && cur.kind === 'table' && !cur.rows[0]!.token.pipe && gap && pageTurn && rowCarriedOver(cur, tokens, i, width)) {
          // A row the page cut: its last words at the top of the next page, the table going on under them.
          continueRow(cur, line)
          gap = false
          break
        }
        // Under a table laid out with spaces, a line at or left of the rows' margin is the text after the table.
        const spacedOut = cur?.kind === 'table' && cur.rows[0]!.token.spaced === true && line.indent <= cur.rows[cur.rows.length - 1]!.token.line.indent
        if (cur && !gap && cur.kind === 'table' && !cur.rows[0]!.token.pipe && !spacedOut) {
          continueRow(cur, line)
          break
        }
        if (line.joinsAbove && cur && (cur.kind === 'para' || cur.kind === 'item' || cur.kind === 'text')) {
          // Normalise found the blank lines above to be a web mirror's, between the sentences of one paragraph.
          cur.lines.push(line)
          cur.pieces.push(token.rest)
          gap = false
          break
        }
        const joinable = cur && !gap && cur.kind !== 'table' && cur.kind !== 'heading'
        const joins = joinable && previous ? joinsPrevious(previous, line, nextLine(tokens, i), width) : false
        if (joins && cur && cur.kind !== 'table' && cur.kind !== 'heading') {
          cur.lines.push(line)
          cur.pieces.push(token.rest)
        } else {
          const block: TextBlock = {
            kind: 'text',
            lines: [line],
            pieces: [token.rest],
            gapBefore: gap || (cur !== null && (cur.kind === 'table' || cur.kind === 'heading')),
            pageTurn: pageTurn || line.pageBreak
          }
          if (wide) block.wideGap = true
          open(block)
        }
        break
      }
    }
    previous = token.line
    pageTurn = false
  }
  return blocks
}
