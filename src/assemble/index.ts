/**
 * Assemble: tokens to the paper tree.
 *
 *   tokens --toBlocks--> blocks --splitHeader--> header fields  (header.ts)
 *                                             \-> body blocks --mode table--> sections, paragraphs, ...
 *
 * `toBlocks` (blocks.ts) joins the tokens of one printed unit: a paragraph
 * start with its wrapped lines, an item, a table, a heading, a run of text
 * lines, a footnote. The body blocks then go one by one to a handler chosen
 * by the builder's mode and the block's kind:
 *
 *   mode            heading  para        item                   table        footnote  text
 *   body            heading  paragraph   item                   table        footnote  continuation | signature | appendixStart | headingOrProse
 *   signed          heading  toAppendix  starNote | toAppendix  toAppendix   footnote  continuation | noteLine | appendixStart | toAppendixTitle
 *   appendix-title  heading  paragraph   item                   leaveTitle   footnote  continuation | appendixStart | appendixTitle | leaveTitle
 *   appendix        heading  paragraph   item                   table        footnote  continuation | appendixStart | headingOrProse
 *
 * The modes say where the reader stands in the paper:
 * - `body`: the paper's sections and paragraphs, until the signature.
 * - `signed`: after the signature; a note (`* …`, `註：`) is a footnote,
 *   anything else opens an appendix (untitled unless its heading says so).
 * - `appendix-title`: an appendix just opened; heading-like lines are more
 *   of its title, until something else comes.
 * - `appendix`: the appendix's own sections and paragraphs.
 *
 * `a | b | c` tries the rules in turn: each returns NO when the block is not
 * its case. A handler returns the index of the last block it used (more
 * than `i` when it read on, as a heading cut by a page does); one that uses
 * only part of a block hands the rest on (`b.take(rest, i)`) in the mode it
 * leaves. A handler that changes mode and lets the new mode handle the
 * block does the same with the whole block.
 *
 * A genre (minutes, agendas, the Hansard, letters) brings its own table:
 * the paper's modes it keeps (`...PAPER`), modes of its own (an attendance
 * list, a speech), handlers that move into them, and its start mode.
 * `MINUTES` is one: a paper's table whose text rules read agenda items
 * (`I. …`) as headings (`itemOrHeadingOrProse`); `LETTER` (genres/letter.ts)
 * another, with a closing, a signature and attachments of its own. Nothing else changes: the builder (builder.ts) holds the tree as it grows
 * and the operations the handlers call; shapes.ts, the tests of what a
 * block looks like.
 */
import {appendixHeading, standardHeadingKey} from '../lang/headings.js'
import {isSignatureStart} from '../lang/signature.js'
import type {Source} from '../source.js'
import type {Meta, TopContent} from '../tree.js'
import type {Token} from '../tokenise/index.js'
import {
  isShort,
  toBlocks,
  type Block,
  type FootnoteBlock,
  type HeadingBlock,
  type ItemBlock,
  type ParaBlock,
  type TableBlock,
  type TextBlock
} from './blocks.js'
import {Builder, FOOTNOTE_LINE, toPiece, type Handler, type Handlers, type ModeTable} from './builder.js'
import {
  agendaColumns,
  agendaItem,
  itemProse,
  itemReference,
  markNote,
  markNoteItem,
  paperDescription,
  paperEntry,
  paperGroup,
  paperMore,
  subItemText,
  timeSlot
} from './genres/agenda.js'
import {isItemHeading, type HeaderHooks} from './genres/header.js'
import {buildHeader, readMeta, splitHeader} from './header.js'
import {phrasing, plainText} from './inline.js'
import {continues, endsWithDatedLines, headingCutByPage, headingLike, isHeadingLine, leadsContent} from './shapes.js'

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

function startOf(block: Block): number {
  return block.kind === 'table' ? block.rows[0]!.token.line.start : block.lines[0]!.start
}

// Blocks that are what they say --------------------------------------------

/** `## Title`: a heading of the depth its marks say. */
const heading: Handler<HeadingBlock> = (b, block, i) => {
  const title = block.token.title
  b.heading(plainText(b.source, [title]), block.token.depth, standardHeadingKey(title.text), block.lines[0]!.start, block.lines[0]!.end, true)
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
  b.placeItem(block, {label: token.label, styles: token.styles, marker: token.marker.text, start: token.bullet ? token.bullet.start : token.marker.start})
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
  if (!b.unit || !continues(b.unit.node, block, b.width, b.source.paged)) return NO
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
    if (!key && headingCutByPage(block, blocks, i, b.width)) {
      const lines = [...block.lines, ...(blocks[i + 1] as TextBlock).lines]
      b.heading(plainText(b.source, lines.map(toPiece)), null, null, lines[0]!.start, lines[lines.length - 1]!.end)
      return i + 1
    }
    if (itemHeading?.(block.lines[0]!.text)) {
      // A meeting record's agenda item: a top heading of its own line; the lines under it (a time slot) are content.
      const line = block.lines[0]!
      b.heading(plainText(b.source, [toPiece(line)]), 1, null, line.start, line.end, true)
      if (block.lines.length > 1) return b.take({...block, lines: block.lines.slice(1), pieces: block.pieces.slice(1), gapBefore: false}, i)
      return i
    }
    if (key || (headingLike(block, blocks[i + 1], b.width) && (block.gapBefore || leadsContent(blocks, i + 1, 1, b.width)))) {
      const lines = key ? [block.lines[0]!] : block.lines.slice()
      // A heading over two lines: heading-like lines that follow with no blank line are more of its title.
      let used = i
      while (!key && lines.length < 3) {
        const next = blocks[used + 1]
        if (!isHeadingLine(next, b.width)) break
        for (const line of next.lines) lines.push(line)
        used++
      }
      b.heading(plainText(b.source, lines.map(toPiece)), null, key, lines[0]!.start, lines[lines.length - 1]!.end)
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
const toAppendix: Handler = (b, block, i) => {
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
  body: {heading, para: paragraph, item, table, footnote, text: first(continuation, signature, appendixStart, headingOrProse)},
  signed: {
    heading,
    para: toAppendix,
    item: first(starNote, toAppendix),
    table: toAppendix,
    footnote,
    text: first(continuation, noteLine, appendixStart, toAppendixTitle)
  },
  'appendix-title': {heading, para: paragraph, item, table: leaveTitle, footnote, text: first(continuation, appendixStart, appendixTitle, leaveTitle)},
  appendix: {heading, para: paragraph, item, table, footnote, text: first(continuation, appendixStart, headingOrProse)}
} satisfies Record<string, Handlers>

/** The modes of minutes: a paper's, with agenda items (`I. …`) as top headings wherever section headings are read. */
export const MINUTES = {
  ...PAPER,
  body: {...PAPER.body, text: first(continuation, signature, appendixStart, itemOrHeadingOrProse)},
  appendix: {...PAPER.appendix, text: first(continuation, appendixStart, itemOrHeadingOrProse)}
} satisfies Record<string, Handlers>

/**
 * The modes of an agenda: a paper's, whose body reads agenda items, their
 * time slots and their papers (rows of a table) before anything else, and
 * the lines under a sub-item as more of it (genres/agenda.ts).
 */
export const AGENDA = {
  ...PAPER,
  body: {
    ...PAPER.body,
    item: first(paperDescription, markNoteItem, item),
    table: first(agendaColumns, table),
    text: first(
      agendaItem,
      timeSlot,
      itemReference,
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
}

export interface AssembleOptions {
  /** The handlers by mode (`PAPER`, or a genre's) and the mode to start in. */
  modes?: ModeTable
  start?: string
  /** A genre's say in the header: where it ends, what its lines are. */
  header?: HeaderHooks
  /** A part read apart (a meeting record's attendance lists): it stands right after the header; `rest` are the tokens after it. */
  apart?: {node: TopContent; rest: readonly Token[]}
  /** The tokens are all header (a letter's lines above its salutation): none of their text is read as body. */
  wholeHeader?: boolean
}

/**
 * The tokens of one paper as its tree's top-level content and meta. `top`
 * is the start of the paper's text, where a paper number may stand that no
 * header line holds.
 */
export function assemble(tokens: readonly Token[], width: number, source: Source, top: string, options: AssembleOptions = {}): Assembled {
  const blocks = toBlocks(tokens, width)
  const split = options.wholeHeader
    ? {header: blocks.filter((block): block is TextBlock => block.kind === 'text'), body: blocks.filter((block) => block.kind !== 'text')}
    : splitHeader(blocks, width, options.header)
  if (options.apart) for (const block of toBlocks(options.apart.rest, width)) split.body.push(block)
  const header = buildHeader(source, split.header, options.header)
  const body = new Builder(source, width, split.body, options.modes ?? PAPER, options.start ?? 'body')
  const children: TopContent[] = header ? [header] : []
  if (options.apart) children.push(options.apart.node)
  // A loop, not push(...): a spread of ~123,000 top-level blocks overflows the stack (issue 10).
  for (const node of body.run()) children.push(node)
  const meta = readMeta(header, top)
  meta.issuedBy = body.signatureMeta.issuedBy
  meta.issueDate = body.signatureMeta.issueDate
  return {children, meta}
}
