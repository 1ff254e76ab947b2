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
import {HAS_COMMA, hansardPart, isEvent, speakerLead, startsSpeech} from '../../lang/hansard.js'
import {HONOURS_TAIL_ZH, PERSON_END_ZH} from '../../lang/meetings.js'
import type {Line} from '../../normalise/lines.js'
import type {Source} from '../../source.js'
import type {Event, Header, Meta, Paragraph, Phrasing, Section, Speech, Text, TopContent} from '../../tree.js'
import type {Block, ParaBlock, PartBlock, TextBlock} from '../blocks.js'
import {toPiece, type Builder, type Handler, type Handlers} from '../builder.js'
import {plainText} from '../inline.js'
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
    if (!(hansardPart(text) || startsSpeech(text) || isEvent(text))) continue
    let end = i
    // A heading of its own above the first turn: not a person.
    let j = i - 1
    while (j >= 0 && (lines[j]!.blank || lines[j]!.furniture)) j--
    if (j >= 0 && isOwnHeading(lines[j]!.text)) end = j
    return lines.slice(0, end)
  }
  return lines
}

function isOwnHeading(raw: string): boolean {
  const text = squeeze(raw).trim()
  if (!text || text.length > 30 || endsSentence(text) || HAS_COMMA.test(text)) return false
  return !PERSON_END_ZH.test(text.replace(HONOURS_TAIL_ZH, '').trim()) && !/[a-z]/.test(text)
}

// The body -------------------------------------------------------------------

/** Where the builder stands: inside an agenda part (a question's title is then a section under it). */
const inPart = new WeakMap<Builder, boolean>()

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

const text: Handler<TextBlock> = (b, block, i) => {
  const first = squeeze(block.lines[0]!.text).trim()
  if (startsSpeech(first) || isEvent(blockText(block))) {
    b.ownParagraph(block)
    return i
  }
  const line = block.lines[0]!
  if (hansardPart(first)) {
    b.heading(plainText(b.source, [toPiece(line)]), 1, null, line.start, line.end, true)
    inPart.set(b, true)
    return block.lines.length > 1 ? b.take(rest(block), i) : i
  }
  // A question's (or an item's) title: a short line or two standing right before its asker's turn.
  if (block.lines.length <= 2 && opensTurn(b.blocks[i + 1]) && !endsSentence(blockText(block)) && displayWidth(blockText(block)) <= 2 * Math.max(b.width, 40)) {
    const last = block.lines[block.lines.length - 1]!
    b.heading(plainText(b.source, block.lines.map(toPiece)), inPart.get(b) ? 2 : 1, null, line.start, last.end, true)
    return i
  }
  // A blank line ends a paragraph of the record; only a page turn may cut one. A stage direction is whole.
  const unit = b.unit?.node
  if (unit && block.pageTurn && !(unit.type === 'paragraph' && isEvent(wordsOf(unit))) && continues(unit, block, b.width, b.source.paged)) {
    b.extend(block)
    return i
  }
  b.prose(block)
  return i
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
  if (block.token.depth === 1) inPart.set(b, hansardPart(squeeze(block.token.line.text)) !== null)
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
