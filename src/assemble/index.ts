/**
 * Assemble: tokens to the paper tree.
 *
 *   tokens --toBlocks--> blocks --mode table--> header fields (header.ts), parts read apart, sections, paragraphs, ...
 *
 * `toBlocks` (blocks.ts) joins the tokens of one printed unit: a paragraph
 * start with its wrapped lines, an item, a table, a heading, a run of text
 * lines, a footnote; a `part` is a node read apart from its lines before
 * tokenising (a meeting record's attendance lists, a letter's salutation),
 * standing where its lines stood. The blocks then go one by one to a handler
 * chosen by the builder's mode and the block's kind:
 *
 *   mode            heading  para        item                   table        footnote  text                                                                part
 *   header          →next    →next       →next                  →next        →next     headerLines (the rest →next)                                        →next
 *   attendance      →body    →body       →body                  →body        →body     →body                                                               lists →body
 *   body            heading  paragraph   item                   table        footnote  continuation | signature | appendixStart | headingOrProse         part
 *   signed          heading  toAppendix  starNote | toAppendix  toAppendix   footnote  continuation | noteLine | appendixStart | toAppendixTitle        part
 *   appendix-title  heading  paragraph   item                   leaveTitle   footnote  continuation | appendixStart | appendixTitle | leaveTitle       part
 *   appendix        heading  paragraph   item                   table        footnote  continuation | appendixStart | headingOrProse                    part
 *
 * The modes say where the reader stands in the paper:
 * - `header` (the start): the lines above the first heading or paragraph,
 *   the header's fields; the genre's hooks (genres/header.ts) say where
 *   else it ends and name its lines. `next` is `body`, or for minutes and
 *   the Hansard `attendance`. (`wholeHeader`: every text block above a
 *   letter's salutation.)
 * - `attendance`: the attendance lists (a `part`) come next; anything else
 *   is the body already.
 * - `body`: the paper's sections and paragraphs, until the signature.
 * - `signed`: after the signature; a note (`* …`, `註：`) is a footnote,
 *   anything else opens an appendix (untitled unless its heading says so).
 * - `appendix-title`: an appendix just opened; heading-like lines are more
 *   of its title, until something else comes.
 * - `appendix`: the appendix's own sections and paragraphs.
 * A part stands after the header and before the body in the tree, in
 * whatever mode it comes.
 *
 * `a | b | c` tries the rules in turn: each returns NO when the block is not
 * its case. A handler returns the index of the last block it used (more
 * than `i` when it read on, as a heading cut by a page does); one that uses
 * only part of a block hands the rest on (`b.take(rest, i)`) in the mode it
 * leaves. A handler that changes mode and lets the new mode handle the
 * block does the same with the whole block (`→mode` above).
 *
 * A genre (minutes, agendas, the Hansard, letters) brings its own table:
 * the paper's modes it keeps (`...PAPER`), its header with its hooks,
 * modes of its own (attendance, a letter's closing), handlers that move
 * into them. `MINUTES` is one: header (meeting hooks) → attendance →
 * body, whose text rules read agenda items (`I. …`) as headings
 * (`itemOrHeadingOrProse`); `AGENDA`, `HANSARD` (genres/hansard.ts) and
 * `LETTER` (genres/letter.ts) others. Nothing else changes: the builder
 * (builder.ts) holds the tree as it grows and the operations the handlers
 * call; shapes.ts, the tests of what a block looks like.
 */
import {displayWidth} from '../lang/chars.js'
import {findDates} from '../lang/dates.js'
import {SUBMITTED_AFTER, SUBMITTED_BEFORE} from '../lang/letters.js'
import {appendixHeading, standardHeadingKey} from '../lang/headings.js'
import {MARKUP_BULLETS} from '../lang/numbering.js'
import {isSignatureStart} from '../lang/signature.js'
import type {Line} from '../normalise/lines.js'
import type {Source} from '../source.js'
import type {Header, Meta, TopContent} from '../tree.js'
import type {Token} from '../tokenise/index.js'
import {
  isShort,
  toBlocks,
  type Block,
  type FootnoteBlock,
  type HeadingBlock,
  type ItemBlock,
  type ParaBlock,
  type PartBlock,
  type TableBlock,
  type TextBlock
} from './blocks.js'
import {Builder, FOOTNOTE_LINE, toPiece, type Handler, type Handlers, type ModeTable} from './builder.js'
import {
  agendaColumns,
  agendaItem,
  listedItem,
  itemProse,
  markNote,
  markNoteItem,
  headingReference,
  paperDescription,
  paperEntry,
  paperGroup,
  paperMore,
  subItemText,
  timeSlot
} from './genres/agenda.js'
import {isItemHeading, MEETING_HEADER, type HeaderHooks} from './genres/header.js'
import {bracketedItemHeading} from './genres/minutes.js'
import {administrationPaper, buildHeader, headerLines, labelRowFields, readMeta} from './header.js'
import {phrasing, plainText} from './inline.js'
import {continues, endsWithDatedLines, headingCutByPage, headingLike, isHeadingLine, leadsContent, wrappedTitleLines} from './shapes.js'

/** A rule's answer for a block that is not its case. */
export const NO = -1

/** The rules in turn, until one takes the block (the last one always does). */
export function first<B extends Block>(...rules: Handler<B>[]): Handler<B> {
  return (b, block, i) => {
    for (const rule of rules) {
      const used = rule(b, block, i)
      if (used !== NO) return used
    }
    return NO
  }
}

function startOf(block: Exclude<Block, PartBlock>): number {
  return block.kind === 'table' ? block.rows[0]!.token.line.start : block.lines[0]!.start
}

// The header and the parts read apart ---------------------------------------

/**
 * The header's mode: the lines above the first heading or paragraph (the
 * genre's hooks say where else it ends and name its lines); a block whose
 * first lines are header is cut in two, and the rest goes to `next`, as
 * does whatever is not text.
 */
export function header(hooks?: HeaderHooks, next = 'body'): Handlers {
  const leave: Handler = (b, block, i) => {
    b.mode = next
    return b.take(block, i)
  }
  const text: Handler<TextBlock> = (b, block, i) => {
    const last = b.headerBlocks[b.headerBlocks.length - 1]
    const keep = headerLines(block, i, b.width, b.headerLineCount, hooks, last?.lines[last.lines.length - 1])
    if (keep === block.lines.length) {
      b.addHeader(block, hooks)
      return i
    }
    b.mode = next
    if (keep === 0) return b.take(block, i)
    b.addHeader({...block, lines: block.lines.slice(0, keep), pieces: block.pieces.slice(0, keep)}, hooks)
    return b.take({...block, lines: block.lines.slice(keep), pieces: block.pieces.slice(keep), gapBefore: false}, i)
  }
  return {heading: leave, para: leave, item: leave, table: leave, footnote: leave, text, part: leave}
}

/**
 * A header that is every text block above a part read apart (a letter's
 * lines above its salutation): other blocks there are read as the body's,
 * where they stand; the part ends it.
 */
export function wholeHeader(hooks?: HeaderHooks): Handlers {
  const asBody: Handler = (b, block, i) => {
    b.mode = 'body'
    const used = b.take(block, i)
    b.mode = 'whole-header'
    return used
  }
  const text: Handler<TextBlock> = (b, block, i) => {
    b.addHeader(block, hooks)
    return i
  }
  const part: Handler<PartBlock> = (b, block, i) => {
    b.place(block.node)
    b.mode = 'body'
    return i
  }
  return {heading: asBody, para: asBody, item: asBody, table: asBody, footnote: asBody, text, part}
}

/** A part read apart (attendance lists, a salutation): placed after the header, whatever the mode. */
const part: Handler<PartBlock> = (b, block, i) => {
  b.place(block.node)
  return i
}

/** Where a meeting record's attendance lists stand (read apart from their lines, genres/attendance.ts): after them, the body. */
export const ATTENDANCE: Handlers = (() => {
  const toBody: Handler = (b, block, i) => {
    b.mode = 'body'
    return b.take(block, i)
  }
  const lists: Handler<PartBlock> = (b, block, i) => {
    b.place(block.node)
    b.mode = 'body'
    return i
  }
  return {heading: toBody, para: toBody, item: toBody, table: toBody, footnote: toBody, text: toBody, part: lists}
})()

// Blocks that are what they say --------------------------------------------

/** `## Title`: a heading of the depth its marks say. */
const heading: Handler<HeadingBlock> = (b, block, i) => {
  const title = block.token.title
  b.heading(plainText(b.source, [title]), block.token.depth, standardHeadingKey(title.text), block.lines[0]!.start, block.lines[0]!.end, true)
  return i
}

/**
 * A meeting record's `#` heading: an agenda item (`# II. 未來工作路向`) is keyed as the same line unmarked is
 * (none: an agenda item is not a standard section, whatever its words), so that our Markdown reads back the same.
 */
const meetingHeading: Handler<HeadingBlock> = (b, block, i) => {
  const title = block.token.title
  const key = isItemHeading(title.text) ? null : standardHeadingKey(title.text)
  b.heading(plainText(b.source, [title]), block.token.depth, key, block.lines[0]!.start, block.lines[0]!.end, true)
  return i
}

/** `2. …`: a numbered paragraph, or an item of a list numbered `1.` inside one. */
const paragraph: Handler<ParaBlock> = (b, block, i) => {
  const token = block.token
  if (b.isListNumber(block)) b.placeItem(block, {label: token.number, styles: ['decimal'], marker: token.marker.text, start: token.marker.start})
  else b.paragraphStart(block)
  return i
}

/** `(a) …`, `- …`: an item, in the list its label continues. */
const item: Handler<ItemBlock> = (b, block, i) => {
  const token = block.token
  // A bullet printed before the label (`● (a)`) is kept; a Markdown list's (`- (a)`) is markup.
  const bullet = token.bullet && !MARKUP_BULLETS.includes(token.bullet.text) ? token.bullet.text : undefined
  b.placeItem(block, {
    label: token.label,
    styles: token.styles,
    marker: token.marker.text,
    bullet,
    start: token.bullet ? token.bullet.start : token.marker.start
  })
  return i
}

const table: Handler<TableBlock> = (b, block, i) => {
  b.addTable(block)
  return i
}

const footnote: Handler<FootnoteBlock> = (b, block, i) => {
  b.append({
    type: 'footnote',
    identifier: block.identifier,
    marker: block.marker,
    children: phrasing(b.source, block.pieces),
    position: b.source.position(block.lines[0]!.start, block.lines[block.lines.length - 1]!.end)
  })
  return i
}

// Text: what a run of lines is depends on where it stands --------------------

/** More of the paragraph (or item) that a page break cut. */
const continuation: Handler<TextBlock> = (b, block, i) => {
  if (!b.unit || !continues(b.unit.node, block, b.width, b.source.paged, b.unitSuffix, b.blocks[i + 1])) return NO
  b.extend(block)
  return i
}

/** The signature (`秘書 / 2024年6月`): the body ends. */
const signature: Handler<TextBlock> = (b, block, i) => {
  if (!b.hasBody() || !(isSignatureStart(block.lines[0]!.text) || endsWithDatedLines(block, b.blocks, i))) return NO
  const {used, rest} = b.sign(block, i)
  b.mode = 'signed'
  return rest ? b.take(rest, used) : used
}

/** `附錄 I` / `Appendix II` and the lines of its title. */
const appendixStart: Handler<TextBlock> = (b, block, i) => {
  const text = block.lines[0]!.text
  const appendix = appendixHeading(text)
  if (!appendix || !isShort(text, b.width)) return NO
  b.openAppendix(appendix.label, appendix.marker, block.lines[0]!.start)
  b.mode = 'appendix-title'
  if (block.lines.length > 1) b.addTitle(block.lines.slice(1))
  return i
}

/**
 * A section heading (standard, cut by a page, over two or three lines), or
 * else prose. A genre that numbers its items as headings (minutes: `I.
 * Election of Chairman`) says which lines those are.
 */
function sectionOrProse(itemHeading: ((text: string) => boolean) | null): Handler<TextBlock> {
  return (b, block, i) => {
    const blocks = b.blocks
    const key = standardHeadingKey(block.lines[0]!.text)
    // Markdown says where its headings are (`#`): other lines are headings only as standard heading words.
    if (b.markdown && !key) {
      b.prose(block)
      return i
    }
    if (!key && headingCutByPage(block, blocks, i, b.width)) {
      const lines = [...block.lines, ...(blocks[i + 1] as TextBlock).lines]
      b.heading(plainText(b.source, lines.map(toPiece)), null, null, lines[0]!.start, lines[lines.length - 1]!.end)
      return i + 1
    }
    if (itemHeading?.(block.lines[0]!.text)) {
      // A meeting record's agenda item: a top heading of its own line; the lines under it (a time slot) are content,
      // but for the paper it is about, which the genre's first rule adds to its title (headingReference). A title the wrap cut goes on.
      const own = wrappedTitleLines(block.lines)
      const lines = block.lines.slice(0, own)
      b.heading(plainText(b.source, lines.map(toPiece)), 1, null, lines[0]!.start, lines[own - 1]!.end, true)
      if (block.lines.length > own) return b.take({...block, lines: block.lines.slice(own), pieces: block.pieces.slice(own), gapBefore: false}, i)
      return i
    }
    // A heading heads something: the paper's last words are not one (a one-line submission, a name under the text).
    if (key || (i + 1 < blocks.length && headingLike(block, blocks[i + 1], b.width) && (block.gapBefore || leadsContent(blocks, i + 1, 1, b.width)))) {
      // In text with no blank lines, a heading goes on to the next line only where the wrap cut it, at the measure:
      // a short line is a whole heading, and a short line under it another (`配合數據流通的措施` over `《…政策宣言》`).
      const cut = (line: Line) => b.spaced || b.width <= 0 || displayWidth(line.text.trim()) >= 0.75 * b.width
      let own = 1
      while (!key && own < block.lines.length && cut(block.lines[own - 1]!)) own++
      const lines = block.lines.slice(0, own)
      // In a meeting record, a heading of no number after an agenda item's text is a sub-heading of the item
      // (`參選議員資格` under `I. 委員會審議階段修正案`), not the next item.
      const item = itemHeading && !key ? b.section : null
      const depth = item && !b.afterHeading && (item.number !== undefined || itemHeading!(item.title)) ? item.depth + 1 : null
      if (own < block.lines.length) {
        b.heading(plainText(b.source, lines.map(toPiece)), depth, key, lines[0]!.start, lines[lines.length - 1]!.end, depth !== null)
        return b.take({...block, lines: block.lines.slice(own), pieces: block.pieces.slice(own), gapBefore: false}, i)
      }
      // A heading over two lines: heading-like lines that follow with no blank line are more of its title.
      let used = i
      while (!key && lines.length < 3 && cut(lines[lines.length - 1]!)) {
        const next = blocks[used + 1]
        if (!isHeadingLine(next, b.width)) break
        for (const line of next.lines) lines.push(line)
        used++
      }
      b.heading(plainText(b.source, lines.map(toPiece)), depth, key, lines[0]!.start, lines[lines.length - 1]!.end, depth !== null)
      // A standard heading is one line: the lines after it are read afresh.
      if (key && block.lines.length > 1) return b.take({...block, lines: block.lines.slice(1), pieces: block.pieces.slice(1), gapBefore: false}, i)
      return used
    }
    b.prose(block)
    return i
  }
}

const headingOrProse = sectionOrProse(null)
const itemOrHeadingOrProse = sectionOrProse(isItemHeading)

/** `* …`, `註：…` under the signature: the note a mark in the text points to. */
const noteLine: Handler<TextBlock> = (b, block, i) => {
  if (!FOOTNOTE_LINE.test(block.lines[0]!.text)) return NO
  b.footnote(block)
  return i
}

/** `* 已於較早前發出…` under the signature, read as a bullet item: a note too. */
const starNote: Handler<ItemBlock> = (b, block, i) => {
  if (block.token.label !== null || block.token.marker.text !== '*') return NO
  b.footnote(block)
  return i
}

/** Content after the signature with no appendix heading: an appendix without a label. */
const toAppendix: Handler<Exclude<Block, PartBlock>> = (b, block, i) => {
  b.openAppendix(null, null, startOf(block))
  b.mode = 'appendix'
  return b.take(block, i)
}

/** Text after the signature: an appendix without a label, whose title this may be. */
const toAppendixTitle: Handler<TextBlock> = (b, block, i) => {
  b.openAppendix(null, null, startOf(block))
  b.mode = 'appendix-title'
  return b.take(block, i)
}

/** A heading-like block under an appendix heading: more of its title. */
const appendixTitle: Handler<TextBlock> = (b, block, i) => {
  if (!headingLike(block, b.blocks[i + 1], b.width)) return NO
  b.addTitle(block.lines)
  return i
}

/** The appendix's title is over: its content begins. */
const leaveTitle: Handler = (b, block, i) => {
  b.mode = 'appendix'
  return b.take(block, i)
}

/** The modes of a paper (see the table above). */
export const PAPER = {
  header: header(),
  body: {heading, para: paragraph, item, table, footnote, text: first(continuation, signature, appendixStart, headingOrProse), part},
  signed: {
    heading,
    para: toAppendix,
    item: first(starNote, toAppendix),
    table: toAppendix,
    footnote,
    text: first(continuation, noteLine, appendixStart, toAppendixTitle),
    part
  },
  'appendix-title': {
    heading,
    para: paragraph,
    item,
    table: leaveTitle,
    footnote,
    text: first(continuation, appendixStart, appendixTitle, leaveTitle),
    part
  },
  appendix: {heading, para: paragraph, item, table, footnote, text: first(continuation, appendixStart, headingOrProse), part}
} satisfies Record<string, Handlers>

/** The modes of minutes: a paper's, with agenda items (`I. …`) as top headings wherever section headings are read. */
export const MINUTES = {
  ...PAPER,
  header: header(MEETING_HEADER, 'attendance'),
  attendance: ATTENDANCE,
  body: {
    ...PAPER.body,
    heading: meetingHeading,
    item: first(bracketedItemHeading, item),
    text: first(headingReference, continuation, signature, appendixStart, itemOrHeadingOrProse)
  },
  appendix: {...PAPER.appendix, heading: meetingHeading, text: first(headingReference, continuation, appendixStart, itemOrHeadingOrProse)}
} satisfies Record<string, Handlers>

/**
 * The modes of an agenda: a paper's, whose body reads agenda items, their
 * time slots and their papers (rows of a table) before anything else, and
 * the lines under a sub-item as more of it (genres/agenda.ts).
 */
export const AGENDA = {
  ...PAPER,
  header: header(MEETING_HEADER),
  body: {
    ...PAPER.body,
    para: first(listedItem, paragraph),
    item: first(paperDescription, markNoteItem, item),
    table: first(agendaColumns, table),
    text: first(
      agendaItem,
      timeSlot,
      headingReference,
      paperEntry,
      paperMore,
      markNote,
      signature,
      subItemText,
      continuation,
      appendixStart,
      paperGroup,
      itemProse,
      headingOrProse
    )
  }
} satisfies Record<string, Handlers>

export interface Assembled {
  /** The header, then the body. */
  children: TopContent[]
  meta: Meta
  /** The header's fields and the label rows of a table at the top of the body (header.ts labelRowFields), for a genre's meta: not in the tree. */
  metaHeader: Header | null
}

export interface AssembleOptions {
  /** The handlers by mode (`PAPER`, or a genre's) and the mode to start in (`header`). */
  modes?: ModeTable
  start?: string
  /** A part read apart (a meeting record's attendance lists, a letter's salutation): a `part` block after the tokens; `rest` are the tokens after it. */
  apart?: {node: TopContent; rest: readonly Token[]}
  /**
   * Markdown input (src/read/markdown.ts): a section heading is a `#` heading
   * or a standard heading word; a plain short line is a paragraph, never a
   * heading by its shape (issue 14). Unless the Markdown marks no heading at
   * all: a converter's Markdown of a PDF is text with blank lines, and its
   * headings are found as text's are.
   */
  markdown?: boolean
}

/**
 * The tokens of one paper as its tree's top-level content and meta. `top`
 * is the start of the paper's text, where a paper number may stand that no
 * header line holds.
 */
/** The date a title says the paper was submitted on (`…於2026年6月10日提交的意見書`, `submitted on 10 June 2026`), or null. */
function submittedOn(title: string | null): string | null {
  if (!title) return null
  for (const date of findDates(title)) {
    if (date.iso && SUBMITTED_BEFORE.test(title.slice(0, date.start)) && SUBMITTED_AFTER.test(title.slice(date.end))) return date.iso
  }
  return null
}

export function assemble(tokens: readonly Token[], width: number, source: Source, top: string, options: AssembleOptions = {}): Assembled {
  const blocks = toBlocks(tokens, width, (index) => source.startsTable(index))
  if (options.apart) {
    blocks.push({kind: 'part', node: options.apart.node, gapBefore: true})
    for (const block of toBlocks(options.apart.rest, width, (index) => source.startsTable(index))) blocks.push(block)
  }
  // Markdown that marks no heading (`#` or setext) is a converter's text of a PDF (markitdown's): its headings are
  // unmarked short lines, read by their shape as in text.
  const markdown = options.markdown === true && blocks.some((block) => block.kind === 'heading')
  const body = new Builder(source, width, blocks, options.modes ?? PAPER, options.start ?? 'header', markdown)
  const out = body.run()
  const header = buildHeader(source, body.headerBlocks, body.headerHooks)
  const children: TopContent[] = header ? [header] : []
  for (const node of body.parts) children.push(node)
  // A loop, not push(...): a spread of ~123,000 top-level blocks overflows the stack (issue 10).
  for (const node of out) children.push(node)
  // A table of the meeting's label rows at the top (`| 日期 | : | … |`) is read for meta as its label lines would be.
  const fields = labelRowFields(out)
  const metaHeader: Header | null =
    fields.length === 0 ? header : {type: 'header', children: [...(header?.children ?? []), ...fields], position: header?.position ?? fields[0]!.position}
  const meta = readMeta(metaHeader, top)
  meta.issuedBy = body.signatureMeta.issuedBy
  // No date signed: a submission's title says when it was submitted (`甲先生於2026年6月10日提交的意見書`).
  meta.issueDate = body.signatureMeta.issueDate ?? submittedOn(meta.title)
  meta.kind ??= administrationPaper(metaHeader, meta.issuedBy)
  return {children, meta, metaHeader}
}
