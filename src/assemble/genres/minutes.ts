/**
 * What minutes and agendas share after the body is built: agenda-item
 * headings get their `number` and `marker` (`I.`, `II`, a numeral glued to
 * the word as in `IIIInformation`, read by following the sequence I, II,
 * III…), a `(Post-meeting note: …)` paragraph becomes a `note`.
 * Also the meeting's time and venue from the header fields.
 */
import {INTRODUCES_LIST, markerShape, romanValue, toRoman} from '../../lang/numbering.js'
import {
  BRACKETED_ITEM_NUMBER,
  BRACKETED_ITEM_NUMBER_START,
  CLAUSE_MARKS,
  CLOCK_EN,
  COMMITTEE_MEETING,
  AFTERNOON,
  CLOCK_SPELLED_EN,
  CLOCK_ZH,
  HOUR_PARTS,
  HOUR_WORDS,
  MORNING_FROM,
  clockNumber,
  GENRE_LINES,
  ITEM_LETTER_SUFFIX,
  ITEM_MARK,
  ITEM_NUMBERING_HAN,
  INSERTED_ITEM_NUMERAL,
  ITEM_NUMERAL_SPACED,
  LABEL_SPACES,
  MARK_BEFORE_PAPER,
  MEETING_FIELD_LINE,
  MEETING_FIELD_NAMES,
  paperNumber1990s,
  POST_MEETING_NOTE,
  TITLE_ENDS_SENTENCE,
  isSeenByAdministration,
  VENUE_IN_SENTENCE,
  VENUE_LINE
} from '../../lang/meetings.js'
import {endsSentence, squeeze, toHalfWidth} from '../../lang/chars.js'
import {firstDate} from '../../lang/dates.js'
import type {Source} from '../../source.js'
import type {Cell, FootnoteReference, Header, Item, Meta, Note, Paragraph, Phrasing, Section, TopContent} from '../../tree.js'
import type {Block, ItemBlock, TextBlock} from '../blocks.js'
import type {Builder, Handler} from '../builder.js'
import {plainText} from '../inline.js'
import {isHanItemHeading, isItemHeading} from './header.js'
import {wrappedTitleLines} from '../shapes.js'

/** A rule's answer for a block that is not its case (as in ../index.ts). */
const NO = -1

type Child = TopContent | Section['children'][number]

/** The item expected after item `number`: the next numeral, or still `expected` after an item put in (`IA`). */
export function nextItem(number: string, expected: number): number {
  if (/^[0-9]+$/.test(number)) return Number(number) + 1
  return /^[IVXL]+$/.test(number) ? romanValue(number) + 1 : expected
}

/** Number the agenda-item headings, in order, at every depth where they stand. */
export function numberItems(children: Child[]): void {
  let expected = 1
  const visit = (nodes: Child[]) => {
    for (const node of nodes) {
      if (node.type !== 'section' && node.type !== 'appendix') continue
      if (node.type === 'section' && node.number !== undefined) expected = nextItem(node.number, expected)
      else if (node.type === 'section') {
        // `*VI`: a note mark before the number (an agenda's), kept with the marker.
        const mark = ITEM_MARK.exec(node.title)
        const title = mark ? node.title.slice(mark[0].length) : node.title
        const found = itemNumeral(title, expected) ?? (mark ? null : bracketedNumeral(title, expected))
        if (found) {
          node.marker = (mark ? mark[0] : '') + found.marker
          node.number = found.number
          node.title = title.slice(found.length).trim()
          if (mark) node.mark = mark[1]!.trim()
          expected = nextItem(found.number, expected)
        }
      }
      if (node.type === 'section') visit(node.children)
    }
  }
  visit(children)
}

/** `(2) 內務委員會…` as a heading's title (our Markdown's `# (2) …`): item 2, when it is the one expected. */
function bracketedNumeral(title: string, expected: number): {number: string; marker: string; length: number} | null {
  const found = BRACKETED_ITEM_NUMBER_START.exec(title)
  if (!found || Number(toHalfWidth(found[1]!)) !== expected) return null
  return {number: String(expected), marker: found[0].trim(), length: found[0].length}
}

/**
 * The number the next agenda item numbered in brackets would carry: one past the last such item heading of the
 * body, 1 when there is none; 0 (none can come) when the record numbers its items otherwise (`I.`, `一、`).
 */
function nextBracketedItem(b: Builder): number {
  let next = 1
  for (const node of b.out) {
    if (node.type !== 'section') continue
    // (An item heading numbered `I.` is numbered once the body is read: numberItems.)
    if (node.number === undefined) {
      if (isItemHeading(node.title) || isHanItemHeading(node.title)) return 0
      continue
    }
    if (!/^[0-9]+$/.test(node.number)) return 0
    next = Number(node.number) + 1
  }
  return next
}

/** The title an item heading in brackets would have: the words after its number, over the lines the wrap cut. */
function bracketedTitle(b: Builder, block: ItemBlock): {own: number; title: string} | null {
  const own = wrappedTitleLines(block.lines)
  const pieces = block.pieces.slice(0, own)
  if (!block.token.rest || pieces.length < own) return null
  return {own, title: plainText(b.source, pieces)}
}

/** Is the item a title (short; no sentence, no clause in it or a lead-in's end)? */
function titleLike(title: string): boolean {
  const text = squeeze(title)
  return text.length > 0 && text.length <= 80 && !TITLE_ENDS_SENTENCE.test(text) && !CLAUSE_MARKS.test(text)
}

/** Does `after` go on with the list `item` is in (the next label of the same marker shape)? */
function nextOfList(item: {label: string | null; marker: string}, after: Block | undefined): boolean {
  if (after?.kind !== 'item' || !item.label || !after.token.label) return false
  return markerShape(after.token.marker.text) === markerShape(item.marker) && Number(after.token.label) === Number(item.label) + 1
}

/**
 * `(1)通過…上次會議的` / `紀要`: minutes that number their agenda items in
 * brackets (the House Committee's before 1997) print each item's heading so,
 * the lines under it its paper (`(立法局…號文件)`) and paragraphs. Such a
 * line is an agenda-item section (`number` `"1"`, `marker` `(1)`), not an
 * item of a list, when it is the next item of the record (1 first, and
 * before any numbered paragraph; none where items are numbered `I.`), at the
 * top level (no list it goes on with, no lead-in above it: `…下列事項:`, a
 * paragraph that stops short of a sentence end),
 * reads as a title (short, no sentence end, no clause), and has content
 * under it that is not the next item of its own list. `(1)` items inside a
 * paragraph stay items.
 */
export const bracketedItemHeading: Handler<ItemBlock> = (b, block, i) => {
  const token = block.token
  const found = BRACKETED_ITEM_NUMBER.exec(token.marker.text)
  if (b.markdown || !found || token.bullet || token.label === null) return NO
  const number = Number(toHalfWidth(found[1]!))
  if (number !== nextBracketedItem(b)) return NO
  if (number === 1 && paragraphNumbered(b.out)) return NO
  // At the top level: no list open that this goes on with, no lead-in it answers.
  const unit = b.unit?.node
  if (unit?.type === 'item' && markerShape(unit.marker) === markerShape(token.marker.text) && Number(unit.label) === number - 1) return NO
  if (unit?.type === 'paragraph' && (INTRODUCES_LIST.test(lastText(unit)) || !endsSentence(lastText(unit)))) return NO
  const heading = bracketedTitle(b, block)
  if (!heading || !titleLike(heading.title)) return NO
  // Content under it, and not the next item of its own list.
  const rest = heading.own < block.lines.length
  const next = b.blocks[i + 1]
  if (!rest && (!next || next.kind === 'part' || nextOfList({label: token.label, marker: token.marker.text}, next))) return NO
  const lines = block.lines
  b.heading(heading.title, 1, null, token.marker.start, lines[heading.own - 1]!.end, true)
  const section = b.section!
  section.number = String(number)
  section.marker = token.marker.text
  if (!rest) return i
  const more: TextBlock = {kind: 'text', lines: lines.slice(heading.own), pieces: block.pieces.slice(heading.own), gapBefore: false, pageTurn: false}
  return b.take(more, i)
}

function paragraphNumbered(nodes: readonly (TopContent | Section['children'][number])[]): boolean {
  return nodes.some((node) => (node.type === 'paragraph' && node.number !== null) || (node.type === 'section' && paragraphNumbered(node.children)))
}

function lastText(node: Paragraph | Item): string {
  const last = node.children[node.children.length - 1]
  return last && last.type === 'text' ? last.value.trim() : ''
}

/**
 * The item numeral at the start of a heading. With a dot after it any
 * numeral up to two past the expected one (a repeat or a step back is still
 * the item's number, for `legco check` to see); with a space only, from the
 * expected one on; glued to the next word only the expected one
 * (`IIIInformation` after II is III, not IIII).
 */
export function itemNumeral(title: string, expected: number): {number: string; marker: string; length: number; inserted?: true} | null {
  // `一、`, `（二）`, `第三項`: Chinese numerals, read as printed (legco check follows their sequence).
  const han = ITEM_NUMBERING_HAN.exec(title)
  if (han) return {number: (han[1] ?? han[2] ?? han[3])!, marker: han[0].trim(), length: han[0].length}
  // `IA.` before `I.`, `IIA.` after `II.`: an item put in, outside the sequence (the next is still the one expected).
  const inserted = INSERTED_ITEM_NUMERAL.exec(title)
  if (inserted) {
    const value = romanValue(inserted[1]!)
    if (value >= expected - 1 && value <= expected)
      return {number: inserted[1]! + inserted[2]!, marker: inserted[0].trim(), length: inserted[0].length, inserted: true}
  }
  const spaced = ITEM_NUMERAL_SPACED.exec(title)
  if (spaced) {
    const value = romanValue(spaced[1]!)
    const stop = spaced[2]!.trim() !== ''
    if (value >= (stop ? 1 : expected) && value <= expected + 2) return {number: spaced[1]!, marker: spaced[1]! + spaced[2]!.trim(), length: spaced[0].length}
  }
  const want = toRoman(expected).toUpperCase()
  if (
    title.startsWith(want) &&
    title.length > want.length &&
    /[A-Z\u3400-\u9fff]/.test(title[want.length]!) &&
    !ITEM_LETTER_SUFFIX.test(title.slice(want.length))
  ) {
    return {number: want, marker: want, length: want.length}
  }
  return null
}

/**
 * `(Post-meeting note: …)` paragraphs become `note`s holding them; a note
 * the builder took for more text of the paragraph above is lifted out of it.
 */
export function postMeetingNotes(children: Child[], source: Source): void {
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!
    if (node.type === 'section') postMeetingNotes(node.children, source)
    if (node.type !== 'paragraph') continue
    if (node.number === null && POST_MEETING_NOTE.test(plain(node))) {
      children[i] = {type: 'note', kind: 'post-meeting', children: [node], position: node.position}
      continue
    }
    const at = node.children.findIndex((child, k) => k > 0 && child.type === 'text' && POST_MEETING_NOTE.test(child.value))
    if (at < 0) continue
    const lifted = node.children.splice(at)
    const start = lifted[0]!.position.start.offset
    const end = lifted[lifted.length - 1]!.position.end.offset
    node.position = source.position(node.position.start.offset, node.children[node.children.length - 1]!.position.end.offset)
    const paragraph: Paragraph = {type: 'paragraph', number: null, marker: null, children: lifted, position: source.position(start, end)}
    const note: Note = {type: 'note', kind: 'post-meeting', children: [paragraph], position: paragraph.position}
    children.splice(i + 1, 0, note)
    i++
  }
}

/**
 * `- *立法會CB(2)889/98-99(04)號文件 -- …`: a `*` glued to the paper number
 * that an item or a paper's cell starts with is the mark of the record's `*`
 * note (`* 已於較早前發出…`, under the list or the signature), as an item's
 * `*VI` is: a `footnoteReference` to it, not a word of the entry. Only where
 * the record has that note; elsewhere the `*` stays text.
 */
export function paperMarks(children: readonly Child[], source: Source): void {
  const nodes = children as unknown as readonly Node[]
  const hasNote = (node: Node): boolean =>
    (node.type === 'footnote' && node.identifier === '*') || ((node.type === 'appendix' || node.type === 'section') && (node.children ?? []).some(hasNote))
  if (!nodes.some(hasNote)) return
  const visit = (node: Node) => {
    if (node.type === 'item' || node.type === 'cell') markPaper(node as unknown as Item | Cell, source)
    for (const child of node.children ?? []) visit(child)
  }
  for (const node of nodes) visit(node)
}

/** What the walk reads of a node. */
interface Node {
  type: string
  identifier?: string
  children?: Node[]
}

function markPaper(node: Item | Cell, source: Source): void {
  const first = node.children[0] as Phrasing | Item | undefined
  if (first?.type !== 'text') return
  const mark = MARK_BEFORE_PAPER.exec(first.value)
  if (!mark) return
  const start = first.position.start.offset
  // (In Markdown the mark is escaped, `\*`: the reference covers the escape.)
  const star = source.text.indexOf('*', start)
  if (star < 0 || star >= first.position.end.offset) return
  const words = first.value.slice(mark[0].length).trimStart()
  const wordsStart = first.position.end.offset - words.length
  const reference: FootnoteReference = {type: 'footnoteReference', identifier: '*', position: source.position(start, star + 1)}
  const rest: Phrasing[] = words ? [{type: 'text', value: words, position: source.position(wordsStart, first.position.end.offset)}] : []
  ;(node.children as Phrasing[]).splice(0, 1, reference, ...rest)
}

function plain(paragraph: Paragraph): string {
  let out = ''
  for (const child of paragraph.children) if (child.type === 'text') out += child.value
  return out
}

/** Meeting time (ISO `HH:MM`) and venue from the header: `時間:上午10時40分`, `held on … at 2:15 p.m. in Conference Room B`. */
export function meetingMeta(header: Header | null, meta: Meta): void {
  let titled = false
  meta.meetingTime = null
  meta.venue = null
  for (const field of header?.children ?? []) {
    const text = squeeze(field.value)
    // `立法局95-96年度第CB(2)1342號文件`: the number with its session, `CB(2)1342/95-96`.
    if (field.name === 'paperNo') {
      const old = paperNumber1990s(text)
      if (old) meta.paperNo = old
    }
    // The record's own title line: `Minutes of meeting held on …`, `會議紀要`, `議程`.
    if (!titled && GENRE_LINES.some(([pattern]) => pattern.test(text))) {
      meta.title = text
      titled = true
    }
    const labelled = MEETING_FIELD_LINE.exec(text)
    if (labelled) {
      const name = MEETING_FIELD_NAMES[labelled[1]!.replace(LABEL_SPACES, '').toLowerCase()]
      if (name === 'time') meta.meetingTime ??= clock(labelled[2]!)
      else if (name === 'venue') meta.venue ??= labelled[2]!.trim()
      else if (name === 'date') meta.meetingTime ??= clock(labelled[2]!)
      continue
    }
    const venueLine = VENUE_LINE.exec(text)
    if (venueLine) meta.venue ??= venueLine[1]!
    if (field.name === 'meeting' || field.name === 'title' || field.name === 'note') {
      meta.meetingTime ??= clock(text)
      const venue = VENUE_IN_SENTENCE.exec(field.value)
      if (venue) meta.venue ??= (venue[1] ?? venue[2]!).replace(/[.,;]$/, '')
    }
  }
  // `福利事務委員會會議`: the committee without the word meeting.
  if (meta.committee) meta.committee = COMMITTEE_MEETING.exec(meta.committee)?.[1] ?? meta.committee
  // `Meeting on` / `Friday, 14 December 2001, at 8:30 am`: the first date of the meeting's lines.
  if (!meta.meetingDate) {
    for (const field of header?.children ?? []) if (field.name === 'meeting') meta.meetingDate ??= firstDate(field.value)
  }
}

/** Minutes: has the Administration seen them? True when the header prints the note (`(These minutes have been seen by the Administration)`), kept there as a `note` field. */
export function seenByAdministration(header: Header | null): boolean {
  return header?.children.some((field) => field.name === 'note' && isSeenByAdministration(squeeze(field.value))) ?? false
}

function clock(text: string): string | null {
  const en = CLOCK_EN.exec(text)
  if (en) {
    let hour = Number(en[1]) % 12
    if (en[3]!.toLowerCase() === 'p') hour += 12
    return `${String(hour).padStart(2, '0')}:${en[2]}`
  }
  const spelled = CLOCK_SPELLED_EN.exec(text)
  if (spelled) {
    let hour = HOUR_WORDS[spelled[2]!.toLowerCase()]!
    const part = spelled[1] ? (HOUR_PARTS[spelled[1].toLowerCase().replace(/\s+/g, ' ')] ?? 0) : 0
    const half = spelled[3]?.trim().toLowerCase() ?? ''
    if (/afternoon|evening|^p/.test(half) ? hour < 12 : !/morning|^a|noon|midnight/.test(half) && hour < MORNING_FROM) hour += 12
    if (/midnight/.test(half) && hour === 12) hour = 0
    const minutes = (hour * 60 + part + 24 * 60) % (24 * 60)
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
  }
  const zh = CLOCK_ZH.exec(text)
  if (zh) {
    let hour = clockNumber(zh[2]!)
    const minutes = zh[4] ? 30 : zh[3] ? clockNumber(zh[3]) : 0
    if (!(hour <= 24 && minutes < 60)) return null
    const half = zh[1]
    if (half && AFTERNOON.test(half) && hour < 12) hour += 12
    return `${String(hour).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
  }
  return null
}
