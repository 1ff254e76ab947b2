/**
 * The Hansard: the verbatim record of a Council meeting.
 *
 *   header  the record's title, date, start time (the meeting header's hooks)
 *   attendance  read apart (attendance.ts), up to the first part heading, speaker or stage direction
 *   body    the agenda's parts (`提交文件`, `ORAL ANSWERS TO QUESTIONS`) as top sections, a question's
 *           title (a short line right before its asker) a section under them; every speaker's turn
 *           (`林健鋒議員：…`, `1. 林健鋒議員：…`) starts a paragraph of its own, whatever paragraph is open
 *   after   `speeches` gathers each turn and the paragraphs after it into a `speech` node (its
 *           `speaker`, `language`, `question`), bracketed stage directions into `event`s
 *
 * The Hansard has no signature and no appendix headings that end its body:
 * `附件` under a written answer is part of the answer. All wording is in
 * src/lang/hansard.ts.
 */
import {squeeze, displayWidth, endsSentence} from '../../lang/chars.js'
import {firstDate} from '../../lang/dates.js'
import {
  CLOSES_EVENT,
  dotLeader,
  HAS_COMMA,
  hansardPart,
  isEvent,
  isTitleLike,
  JOINS_TIGHT,
  LEADER_VALUE,
  NOT_COLUMN_HEAD,
  OPENS_EVENT,
  speakerLead,
  startsSpeech,
  TABLED_PAPER
} from '../../lang/hansard.js'
import {HONOURS_TAIL_ZH, PERSON_END_ZH, PERSON_START_EN} from '../../lang/meetings.js'
import type {Line} from '../../normalise/lines.js'
import type {Source} from '../../source.js'
import type {Event, Header, Meta, Paragraph, Phrasing, Section, Speech, Text, TopContent} from '../../tree.js'
import type {Block, ParaBlock, PartBlock, TextBlock} from '../blocks.js'
import {toPiece, trimmedPiece as trimmed, type Builder, type Handler, type Handlers} from '../builder.js'
import {plainText, type Piece} from '../inline.js'
import {ATTENDANCE, PAPER, header} from '../index.js'
import {MEETING_HEADER} from './header.js'
import {continues} from '../shapes.js'

/** How many content lines the attendance lists may take at most. */
const ATTENDANCE_LOOK = 600

/**
 * The lines the attendance lists may be read from: up to the first part
 * heading, speaker's turn or stage direction, and before a short line of
 * its own just above it (`作出立法會誓言` over `秘書：…`).
 */
export function attendanceLines(lines: readonly Line[]): readonly Line[] {
  let seen = 0
  for (let i = 0; i < lines.length && seen < ATTENDANCE_LOOK; i++) {
    const line = lines[i]!
    if (line.blank || line.furniture) continue
    seen++
    const text = squeeze(line.text).trim()
    const part = hansardPart(text) !== null
    if (!(part || startsSpeech(text) || isEvent(text))) continue
    let end = i
    // A heading of its own above the first turn (`作出立法會誓言` over `秘書：…`): not a person. Above a part's
    // heading the line is the last of the lists (`THE HONOURABLE JOHN DOE` over `BILLS`).
    let j = i - 1
    while (j >= 0 && (lines[j]!.blank || lines[j]!.furniture)) j--
    if (!part && j >= 0 && isOwnHeading(lines[j]!.text)) end = j
    return lines.slice(0, end)
  }
  return lines
}

function isOwnHeading(raw: string): boolean {
  const text = squeeze(raw).trim()
  if (!text || text.length > 30 || endsSentence(text) || HAS_COMMA.test(text)) return false
  return !PERSON_END_ZH.test(text.replace(HONOURS_TAIL_ZH, '').trim()) && !PERSON_START_EN.test(text) && !/[a-z]/.test(text)
}

// The body -------------------------------------------------------------------

/** Where the builder stands: inside an agenda part (a question's title is then a section under it). */
const inPart = new WeakMap<Builder, boolean>()
/** The agenda part the builder is in (`papers`, `oral-answers`, …: src/lang/hansard.ts), for the rows of tabled papers. */
const partOf = new WeakMap<Builder, string | null>()
/** The parts whose lists are rows of a table: the papers laid on the table. */
const TABLED_PARTS = new Set(['papers', 'other-papers'])

function firstLine(block: Exclude<Block, PartBlock>): string {
  if (block.kind === 'table') return block.rows[0]!.token.line.text
  return block.lines[0]!.text
}

function blockText(block: TextBlock): string {
  return block.lines.map((line) => line.text.trim()).join('')
}

/** Does this block start a speaker's turn? */
function opensTurn(block: Block | undefined): boolean {
  if (!block || (block.kind !== 'text' && block.kind !== 'para')) return false
  return startsSpeech(squeeze(firstLine(block)))
}

function rest(block: TextBlock): TextBlock {
  return {...block, lines: block.lines.slice(1), pieces: block.pieces.slice(1), gapBefore: false}
}

/** How many lines a stage direction may wrap over. */
const EVENT_LINES = 4

/**
 * Where a stage direction stands inside a block of lines (`(Members of the public stood up` / `and shouted
 * slogans)` under a turn's last line): [from, to) of its lines, the first one found; null when none does, or
 * when the whole block is one.
 */
function eventInside(block: TextBlock): [number, number] | null {
  const lines = block.lines.map((line) => squeeze(line.text).trim())
  for (let k = 0; k < lines.length; k++) {
    if (!OPENS_EVENT.test(lines[k]!)) continue
    let words = ''
    for (let m = k; m < lines.length && m < k + EVENT_LINES; m++) {
      words += (words && !JOINS_TIGHT.test(words) ? ' ' : '') + lines[m]!
      if (!CLOSES_EVENT.test(lines[m]!)) continue
      if (isEvent(words)) return k === 0 && m === lines.length - 1 ? null : [k, m + 1]
      break
    }
  }
  return null
}

/** A block that opens a stage direction and the blocks after it that close it, as one block; null when they do not. */
function eventAcross(blocks: readonly Block[], block: TextBlock, i: number): {block: TextBlock; last: number} | null {
  const words = blockText(block)
  if (!OPENS_EVENT.test(words) || CLOSES_EVENT.test(words)) return null
  const lines = [...block.lines]
  const pieces = [...block.pieces]
  for (let j = i + 1; j < blocks.length && lines.length < EVENT_LINES; j++) {
    const next = blocks[j]!
    if (next.kind !== 'text') return null
    lines.push(...next.lines)
    pieces.push(...next.pieces)
    if (!CLOSES_EVENT.test(blockText(next))) continue
    const whole = {...block, lines, pieces}
    return isEvent(lines.map((line) => squeeze(line.text).trim()).join(' ')) ? {block: whole, last: j} : null
  }
  return null
}

function slice(block: TextBlock, from: number, to: number): TextBlock {
  return {
    ...block,
    lines: block.lines.slice(from, to),
    pieces: block.pieces.slice(from, to),
    gapBefore: from === 0 ? block.gapBefore : false,
    pageTurn: from === 0 && block.pageTurn
  }
}

const text: Handler<TextBlock> = (b, block, i) => {
  // A stage direction wrapped over lines inside a block (under a turn's words, before more of them): read whole,
  // an event of its own, the lines before and after it apart.
  const inside = eventInside(block)
  if (inside) {
    const [from, to] = inside
    if (from > 0) text(b, slice(block, 0, from), i)
    b.ownParagraph(slice(block, from, to))
    b.endParagraph()
    return to < block.lines.length ? text(b, slice(block, to, block.lines.length), i) : i
  }
  // A stage direction the line shapes cut into blocks (`（丁戊議員繼續站着` / `在座位上發言）`): the blocks joined.
  const joined = eventAcross(b.blocks, block, i)
  if (joined) {
    b.ownParagraph(joined.block)
    b.endParagraph()
    return joined.last
  }
  const first = squeeze(block.lines[0]!.text).trim()
  if (startsSpeech(first) || isEvent(blockText(block))) {
    b.ownParagraph(block)
    return i
  }
  const tabled = TABLED_PARTS.has(partOf.get(b) ?? '') ? tabledRow(b, block, i) : -1
  if (tabled >= 0) return tabled
  const line = block.lines[0]!
  const part = hansardPart(first)
  if (part) {
    partOf.set(b, part)
    b.heading(plainText(b.source, [toPiece(line)]), 1, null, line.start, line.end, true)
    inPart.set(b, true)
    return block.lines.length > 1 ? b.take(rest(block), i) : i
  }
  // A question's (or an item's) title: a short line or two standing right before its asker's turn.
  // Not the last of a run of like lines (the oath lines `…議員宣讀立法會誓言` before the next turn).
  if (
    block.lines.length <= 2 &&
    opensTurn(b.blocks[i + 1]) &&
    isShortLine(block, b.width) &&
    isTitleLike(blockText(block)) &&
    !endsRunOfLike(before(b.blocks, i), block, b.width)
  ) {
    const last = block.lines[block.lines.length - 1]!
    b.heading(plainText(b.source, block.lines.map(toPiece)), inPart.get(b) ? 2 : 1, null, line.start, last.end, true)
    return i
  }
  // A blank line ends a paragraph of the record; only a page turn may cut one. A stage direction is whole.
  // A line that stops well short of the measure before the page turn ended its paragraph (a record line, `…宣讀立法會誓詞`).
  const unit = b.unit?.node
  if (unit && block.pageTurn && !(unit.type === 'paragraph' && isEvent(wordsOf(unit))) && !endsShort(b) && continues(unit, block, b.width, b.source.paged)) {
    b.extend(block)
    return i
  }
  b.prose(block)
  return i
}

/** A short block that ends no sentence and opens no turn, part or stage direction: a title, or a record line of a run. */
function isShortLine(block: Block | undefined, width: number): boolean {
  if (block?.kind !== 'text' || block.lines.length > 2) return false
  const words = blockText(block)
  const first = squeeze(block.lines[0]!.text).trim()
  if (endsSentence(words) || startsSpeech(first) || hansardPart(first) || isEvent(words)) return false
  return displayWidth(words) <= 2 * Math.max(width, 40)
}

// The papers laid on the table: rows of a table ---------------------------------------------

/** A lone line holding what a leader points to (`138/2012` under `公告》 ......`). */
function leaderValue(block: Block | undefined): Piece | null {
  if (block?.kind !== 'text' || block.lines.length !== 1) return null
  const line = block.lines[0]!
  const piece = trimmed(line, 0, line.text.length)
  return piece && LEADER_VALUE.test(line.text.trim()) ? piece : null
}

/**
 * An instrument of a tabling list, `《…公告》 ......  138/2012`: its title
 * (the block's lines, wrapped) to the dot leader, then the value after the
 * leader or, when the line ends with the leader, on the next line alone.
 * Null when the block is no such row.
 */
function leaderRow(blocks: readonly Block[], block: Block | undefined, i: number): {title: Piece[]; leader: string; value: Piece; used: number} | null {
  if (block?.kind !== 'text') return null
  const last = block.lines[block.lines.length - 1]!
  const leader = dotLeader(last.text)
  if (!leader) return null
  let value = trimmed(last, leader.end, last.text.length)
  let used = i
  if (value) {
    if (!LEADER_VALUE.test(last.text.slice(leader.end).trim())) return null
  } else {
    value = leaderValue(blocks[i + 1])
    if (!value) return null
    used = i + 1
  }
  const title: Piece[] = []
  for (const line of block.lines) {
    const piece = trimmed(line, 0, line === last ? leader.start : line.text.length)
    if (piece) title.push(piece)
  }
  return title.length > 0 ? {title, leader: last.text.slice(leader.start, leader.end), value, used} : null
}

/** The column heads over a tabling list (`附屬法例／文書  法律公告編號`): one line, two cells two spaces apart. */
function headRow(block: TextBlock): Piece[][] | null {
  if (block.lines.length !== 1) return null
  const line = block.lines[0]!
  const gap = /\S(\s{2,})\S/.exec(line.text)
  if (!gap || /\S\s{2,}\S/.test(line.text.slice(gap.index + 1 + gap[1]!.length))) return null
  const left = trimmed(line, 0, gap.index + 1)
  const right = trimmed(line, gap.index + 1, line.text.length)
  return left && right ? [[left], [right]] : null
}

/**
 * The rows of what was laid on the table: an instrument and its legal
 * notice number (`leaderRow`), under its column heads; a paper, its number
 * and title (`第 1號 ─ …`, `No. 91 ─ …`). Returns the index of the last
 * block used, or -1 when the block is no such row.
 */
function tabledRow(b: Builder, block: TextBlock, i: number): number {
  const row = leaderRow(b.blocks, block, i)
  if (row) {
    // The leader is the value cell's separator, as printed.
    b.addCell(b.addRow([row.title], row.title[0]!.start, row.title[row.title.length - 1]!.end), [row.value], row.leader)
    return row.used
  }
  const heads = leaderRow(b.blocks, b.blocks[i + 1], i + 1) ? headRow(block) : null
  if (heads) {
    b.addRow(heads, heads[0]![0]!.start, heads[1]![0]!.end)
    return i
  }
  // The heads as two lines (a PDF's columns read one after the other).
  const second = b.blocks[i + 1]
  if (block.lines.length === 1 && second?.kind === 'text' && second.lines.length === 1 && leaderRow(b.blocks, b.blocks[i + 2], i + 2)) {
    const left = trimmed(block.lines[0]!, 0, block.lines[0]!.text.length)
    const right = trimmed(second.lines[0]!, 0, second.lines[0]!.text.length)
    // Column heads name columns: no digits, no title marks (a wrapped title's first line has them).
    const heads = (piece: Piece) => !NOT_COLUMN_HEAD.test(b.source.text.slice(piece.start, piece.end))
    if (left && right && heads(left) && heads(right) && isShortLine(block, b.width) && isShortLine(second, b.width)) {
      b.addRow([[left], [right]], left.start, right.end)
      return i + 1
    }
  }
  const first = block.lines[0]!
  const paper = TABLED_PAPER.exec(first.text.trimStart())
  if (paper) {
    const lead = first.text.length - first.text.trimStart().length
    const number = trimmed(first, lead, lead + paper[1]!.length)!
    const title: Piece[] = []
    for (const line of block.lines) {
      const piece = trimmed(line, line === first ? lead + paper[0].length : 0, line.text.length)
      if (piece) title.push(piece)
    }
    if (title.length > 0) {
      const dash = first.text.slice(lead + paper[1]!.length, lead + paper[0].length).trim()
      b.addCell(b.addRow([[number]], number.start, number.end), title, dash)
      return i
    }
  }
  return -1
}

/** The block before `i`, notes at a page's foot passed by (they stand aside from the text). */
function before(blocks: readonly Block[], i: number): Block | undefined {
  let j = i - 1
  while (j >= 0 && blocks[j]!.kind === 'footnote') j--
  return blocks[j]
}

/** Is `block` the last of a run of record lines: `before` is a short line too, with four characters or more in a row in common? */
function endsRunOfLike(before: Block | undefined, block: TextBlock, width: number): boolean {
  if (!isShortLine(before, width)) return false
  const a = squeeze(blockText(before as TextBlock))
  const c = squeeze(blockText(block))
  for (let k = 0; k + 4 <= c.length; k++) if (a.includes(c.slice(k, k + 4))) return true
  return false
}

/** Does the open unit's last line stop short of the measure (under 60% of a full line)? */
function endsShort(b: Builder): boolean {
  const last = b.unit?.pieces.at(-1)
  if (!last || b.width <= 0) return false
  return displayWidth(b.source.text.slice(last.start, last.end).trim()) < 0.6 * b.width
}

/** `1. 林健鋒議員：…`: a question's turn, a numbered paragraph of its own; other numbers as in a paper. */
const para: Handler<ParaBlock> = (b, block, i) => {
  const words = block.token.rest ? b.source.text.slice(block.token.rest.start, block.token.rest.end) : ''
  if (speakerLead(squeeze(words))) {
    b.paragraphStart(block)
    return i
  }
  return PAPER.body.para(b, block, i)
}

/** A `#` heading (our own Markdown read back) opens a part when it names one. */
const heading: Handler<Extract<Block, {kind: 'heading'}>> = (b, block, i) => {
  if (block.token.depth === 1) {
    const part = hansardPart(squeeze(block.token.line.text))
    inPart.set(b, part !== null)
    partOf.set(b, part)
  }
  return PAPER.body.heading(b, block, i)
}

/** The Hansard's modes: the meeting's header, its attendance lists, then one body: no signature, no appendix headings. */
export const HANSARD = {
  header: header(MEETING_HEADER, 'attendance'),
  attendance: ATTENDANCE,
  body: {...PAPER.body, heading, para, text}
} satisfies Record<string, Handlers>

// After the body: speeches and events ---------------------------------------------

type Child = TopContent | Section['children'][number]

/** The words a paragraph starts with (its leading text and bold runs), for finding a speaker. */
function leadOf(paragraph: Paragraph): string {
  let out = ''
  for (const child of paragraph.children) {
    if (child.type === 'text') out += child.value
    else if (child.type === 'strong' || child.type === 'emphasis') out += `**${child.children.map((c) => c.value).join('')}**`
    else break
    if (out.length > 120) break
  }
  return out
}

/** All of a paragraph's words, for telling a stage direction. */
function wordsOf(paragraph: Paragraph): string {
  let out = ''
  for (const child of paragraph.children) {
    if (child.type === 'text') out += child.value
    else if (child.type === 'strong' || child.type === 'emphasis') out += child.children.map((c) => c.value).join('')
    else return ''
  }
  return out
}

/** Take `length` characters of lead (counted as `leadOf` counts them) off the paragraph's first children. */
function dropLead(paragraph: Paragraph, length: number, source: Source): void {
  let left = length
  while (left > 0 && paragraph.children.length > 0) {
    const child = paragraph.children[0]! as Phrasing
    if (child.type === 'strong' || child.type === 'emphasis') {
      const size = child.children.map((c) => c.value).join('').length + 4
      paragraph.children.shift()
      left -= size
      continue
    }
    if (child.type !== 'text') break
    if (child.value.length <= left) {
      paragraph.children.shift()
      left -= child.value.length
      continue
    }
    const kept = child.value.slice(left)
    const trimmed = kept.trimStart()
    const start = child.position.start.offset + (child.value.length - trimmed.length)
    child.value = trimmed
    child.position = source.position(Math.min(start, child.position.end.offset), child.position.end.offset)
    left = 0
  }
  // Spaces after bold marks (`**主席：** 多謝`).
  const first = paragraph.children[0]
  if (first && first.type === 'text' && first.value !== first.value.trimStart()) {
    const trimmed = first.value.trimStart()
    const start = first.position.end.offset - trimmed.length
    first.value = trimmed
    first.position = source.position(Math.max(start, first.position.start.offset), first.position.end.offset)
  }
  const head = paragraph.children[0]
  if (head) paragraph.position = source.position(head.position.start.offset, paragraph.position.end.offset)
}

function toSpeech(paragraph: Paragraph, source: Source): Speech | null {
  const lead = speakerLead(leadOf(paragraph))
  if (!lead) return null
  const start = paragraph.position.start.offset
  const question = paragraph.number !== null ? (paragraph.marker ?? paragraph.number) : null
  dropLead(paragraph, lead.length, source)
  paragraph.number = null
  paragraph.marker = null
  delete paragraph.inferred
  return {
    type: 'speech',
    speaker: lead.speaker,
    separator: lead.separator,
    language: lead.language,
    question,
    children: paragraph.children.length > 0 ? [paragraph] : [],
    position: source.position(start, paragraph.position.end.offset)
  }
}

function toEvent(paragraph: Paragraph): Event {
  return {type: 'event', children: paragraph.children as Text[], position: paragraph.position}
}

/**
 * Each speaker's turn, with the paragraphs and stage directions after it up
 * to the next turn, heading or table, as a `speech`; a stage direction
 * outside a turn is an `event` of its own. A question's number (`1.`) goes
 * from the paragraph to the speech's `question`.
 */
export function speeches(children: Child[], source: Source, anchors: ReadonlyMap<number, string> = new Map()): Child[] {
  const out: Child[] = []
  let speech: Speech | null = null
  const grow = (node: Paragraph | Event) => {
    speech!.children.push(node)
    speech!.position = source.position(speech!.position.start.offset, Math.max(speech!.position.end.offset, node.position.end.offset))
  }
  for (const node of children) {
    if (node.type === 'section') {
      node.children = speeches(node.children, source, anchors) as Section['children']
      speech = null
      out.push(node)
      continue
    }
    if (node.type === 'appendix') {
      node.children = speeches(node.children, source, anchors) as typeof node.children
      speech = null
      out.push(node)
      continue
    }
    if (node.type === 'paragraph') {
      const words = node.number === null ? wordsOf(node) : ''
      if (words && node.children.every((child) => child.type === 'text') && isEvent(words)) {
        const event = toEvent(node)
        if (speech) grow(event)
        else out.push(event)
        continue
      }
      const turn = toSpeech(node, source)
      if (turn) {
        const ref = anchors.get(lineStart(source.text, turn.position.start.offset))
        if (ref) turn.ref = ref
        out.push(turn)
        speech = turn
        continue
      }
      if (speech) {
        grow(node)
        continue
      }
    }
    // A note at the page's foot stands between the paragraphs of a turn: the turn goes on after it.
    if (node.type !== 'footnote') speech = null
    out.push(node)
  }
  return out
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/**
 * A PDF's named destinations by the start of the line each points to
 * (`SP_…`: the Hansard's anchor at each turn), for `speeches` to give a
 * turn on that line its `ref`; the first name wins where two point at one line.
 */
export function anchorsByLine(anchors: readonly {name: string; offset: number}[], text: string): Map<number, string> {
  const map = new Map<number, string>()
  for (const anchor of anchors) {
    const start = lineStart(text, anchor.offset + 1)
    if (!map.has(start)) map.set(start, anchor.name)
  }
  return map
}

/** The meeting's date from the header (`2012年10月10日星期三`, `Wednesday, 2 March 2011`). */
export function hansardMeta(header: Header | null, meta: Meta): void {
  if (meta.meetingDate) return
  for (const field of header?.children ?? []) {
    const date = firstDate(field.value)
    if (date) {
      meta.meetingDate = date
      return
    }
  }
}
