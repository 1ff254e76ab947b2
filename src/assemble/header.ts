/**
 * Build, the header block: the lines above the first heading or paragraph —
 * council line, paper number, file reference, committee, meeting date,
 * title — each becomes a `field`, and `meta` is read from the fields.
 */
import {displayWidth, endsSentence, IN_BRACKETS, joiner, SENTENCE_INSIDE, squeeze, startsContinuation, TRAILING_COLON} from '../lang/chars.js'
import {findDates, firstDate, isDateLine} from '../lang/dates.js'
import {appendixHeading, standardHeadingKey} from '../lang/headings.js'
import {
  COMMITTEE_IN_MEETING,
  COMMITTEE_LINE,
  COMMITTEE_PAPER_LINE,
  COUNCIL_LINE,
  KIND_LINES,
  KIND_ONLY_LINE,
  MEETING_LEAD,
  COMMITTEE_MEETING_LINE,
  MEETING_LINE,
  NOT_COMMITTEE,
  PURPOSE_LINE,
  GOVERNMENT_SIGNER,
  COUNCIL_SIGNER,
  FOR_MEETING_LINE,
  SUBMISSION_TITLE_END,
  TITLE_ENDING_KIND
} from '../lang/header.js'
import {LEADING_COLON, MEETING_FIELD_LINE} from '../lang/meetings.js'
import {BARE_PAPER_NUMBER, FILE_REF_LINE, PAPER_NUMBER, PAPER_NUMBER_LINE, PAPER_NUMBER_PREFIX, normalisePaperNumber} from '../lang/papers.js'
import {isSignatureStart} from '../lang/signature.js'
import type {Source} from '../source.js'
import type {Field, FieldName, Header, Meta, Table, TopContent} from '../tree.js'
import {isFull, isShort, type Block, type TextBlock} from './blocks.js'
import {plainText, type Piece} from './inline.js'
import type {Line} from '../normalise/lines.js'
import type {HeaderHooks} from './genres/header.js'

/** A header has a handful of lines; a longer run of short lines is a list in the body (minutes). */
const MAX_HEADER_LINES = 16

/**
 * How many of a text block's lines are header lines, when `before` header
 * lines came above it (the `header` mode, index.ts). The header ends at the
 * first line that is not a header line; in text with no blank lines that may
 * be inside a block, which is then cut in two. `i` is the block's index
 * (the first block of the text has no gap before it).
 */
export function headerLines(block: TextBlock, i: number, width: number, before: number, hooks?: HeaderHooks, above?: Line): number {
  // A submission's title ended the header above (`…提交的意見書`): a block of words under it is the submission's.
  if (above && afterSubmissionTitle(above.text, block.lines[0]!.text)) return 0
  let keep = 0
  let titled = false
  while (keep < block.lines.length) {
    const line = block.lines[keep]!.text
    // A title wrapped at the margin may leave a word or two alone on the next line.
    const wrapped = keep > 0 && isFull(block.lines[keep - 1]!.text, width) && !endsSentence(block.lines[keep - 1]!.text)
    // The same in one block: the words under the title are the submission's.
    if (keep > 0 && afterSubmissionTitle(block.lines[keep - 1]!.text, line)) {
      titled = true
      break
    }
    if (
      hooks?.ends(line) ||
      SENTENCE_INSIDE.test(line) ||
      !(isHeaderLine(line, block.lines[keep + 1]?.text) || (wrapped && isShort(line, width) && !endsSentence(line)))
    )
      break
    keep++
  }
  // Body text that starts a block with lines run to the margin, the first no field of the header: they are
  // the sentence's start, not a title (a wrapped title is a block of its own, every line of it kept).
  // So is a whole block of them whose last line ends the sentence (a title ends with no full stop).
  const sentence = keep === block.lines.length && keep >= 2 && endsSentence(block.lines[keep - 1]!.text)
  if (
    !titled &&
    keep >= 1 &&
    (keep < block.lines.length || sentence) &&
    fieldOf(squeeze(block.lines[0]!.text)) === null &&
    block.lines.slice(0, sentence ? keep - 1 : keep).every((line) => isFull(line.text, width) && !endsSentence(line.text)) &&
    (block.gapBefore || i === 0)
  )
    keep = 0
  if (before + keep > MAX_HEADER_LINES) keep = Math.max(0, MAX_HEADER_LINES - before)
  return keep
}

function isHeaderLine(raw: string, next: string | undefined): boolean {
  const text = squeeze(raw)
  if (standardHeadingKey(text) || appendixHeading(text) || isSignatureStart(text)) return false
  if (COUNCIL_LINE.test(text) || PAPER_NUMBER_LINE.test(text) || FILE_REF_LINE.test(text)) return true
  const own = displayWidth(text)
  if (own > 200) return false
  if (isDateLine(text) || (MEETING_LINE.test(text) && findDates(text).length > 0 && !endsSentence(text))) return true
  // A sentence is body text; a short line ending in a colon may be a salutation.
  if (endsSentence(text) && !TRAILING_COLON.test(text) && !(next && startsContinuation(next))) return own < 16
  return true
}

interface Classified {
  name: FieldName
  lines: Line[]
  /** Named by the genre's hook. */
  own?: boolean
}

/** Is `line` a submission's words under its title (`above` ends `…提交的意見書`), not a field or a bracketed note? */
function afterSubmissionTitle(above: string, line: string): boolean {
  return SUBMISSION_TITLE_END.test(squeeze(above).trim()) && fieldOf(squeeze(line)) === null && !IN_BRACKETS.test(line.trim())
}

/** The field a line names by its own words, where one does (no genre hook, no order): null for a title or note. */
function fieldOf(text: string): FieldName | null {
  if (COUNCIL_LINE.test(text)) return 'council'
  if (PAPER_NUMBER_LINE.test(text)) return 'paperNo'
  if (FILE_REF_LINE.test(text)) return 'fileRef'
  if ((COMMITTEE_LINE.test(text) && !NOT_COMMITTEE.test(text)) || COMMITTEE_PAPER_LINE.test(text)) return 'committee'
  if (MEETING_LINE.test(text) && findDates(text).length > 0) return 'meeting'
  return null
}

/** Two pieces of one line, as the wrap cut it: no space between CJK characters (lang/chars.ts `joiner`). */
function rejoin(above: string, below: string): string {
  return above + joiner(above, below) + below
}

/**
 * A header line that the wrap cut (`立法會 CB(1)369/2024(05)號文` / `件`,
 * `2024 年 4 月 8 日舉行的` / `會議`): the tail, a few characters shorter
 * than the line above, makes the two a field that the first alone is not,
 * or is the rest of a paper number (`CB(1)369/2024(05)` / `號文件`).
 */
function wrappedField(above: string, below: string): boolean {
  const tail = squeeze(below.trim())
  const head = squeeze(above.trim())
  // A tail of a few characters: a longer line is a line of its own (a record's start time under its date).
  if (!tail || displayWidth(tail) > 8 || displayWidth(tail) >= displayWidth(head) || fieldOf(tail) !== null) return false
  const alone = fieldOf(head)
  const joined = fieldOf(rejoin(head, tail))
  // A paper number already, the tail the rest of it (`號文件`).
  if (alone !== null) return alone === 'paperNo' && joined === 'paperNo'
  return joined !== null
}

/** `Legislative Council Panel` + `on Information ...`: lines that a lower-case start continues; a field the wrap cut. */
function logicalLines(lines: Line[], hooks?: HeaderHooks): Line[][] {
  const groups: Line[][] = []
  for (const line of lines) {
    const last = groups[groups.length - 1]
    const previous = last?.[last.length - 1]
    if (
      last &&
      (startsContinuation(line.text) ||
        (last.length === 1 && wrappedField(last[0]!.text, line.text)) ||
        (previous && MEETING_LEAD.test(previous.text) && isDateLine(line.text)) ||
        hooks?.joins?.(last.map((above) => above.text).join(' '), line.text))
    )
      last.push(line)
    else groups.push([line])
  }
  return groups
}

function classify(lines: Line[], hooks?: HeaderHooks): Classified[] {
  const out: Classified[] = []
  let committeeSeen = false
  let titleSeen = false
  for (const group of logicalLines(lines, hooks)) {
    const text = squeeze(group.map((line) => line.text.trim()).reduce((all, line) => (all ? rejoin(all, line) : line), ''))
    let name: FieldName
    const own = hooks?.name(text) ?? null
    if (own) name = own
    else if (COUNCIL_LINE.test(text)) name = 'council'
    else if (PAPER_NUMBER_LINE.test(text)) name = 'paperNo'
    else if (FILE_REF_LINE.test(text)) name = 'fileRef'
    else if (KIND_ONLY_LINE.test(text)) name = 'kind'
    else if (isDateLine(text) || (MEETING_LINE.test(text) && findDates(text).length > 0) || COMMITTEE_MEETING_LINE.test(text)) name = 'meeting'
    else if (!committeeSeen && !titleSeen && ((COMMITTEE_LINE.test(text) && !NOT_COMMITTEE.test(text)) || COMMITTEE_PAPER_LINE.test(text))) {
      name = 'committee'
      committeeSeen = true
    } else if (IN_BRACKETS.test(text) || BARE_PAPER_NUMBER.test(text) || TRAILING_COLON.test(text)) name = 'note'
    else {
      name = 'title'
      titleSeen = true
    }
    const previous = out[out.length - 1]
    // A line the genre names stands alone (a record's title is not run into the lines around it).
    if (previous && previous.name === name && (name === 'title' || name === 'note') && !own && !previous.own) {
      for (const line of group) previous.lines.push(line)
      // Title lines run together are named as the one line they make would be: `2012年10月10日星期三` over
      // `上午11時正會議開始` is the meeting's line, as it is when printed on one line (our Markdown writes it so).
      if (name === 'title') {
        const joined = squeeze(previous.lines.map((line) => line.text).join(' '))
        if (isDateLine(joined) || fieldOf(joined) === 'meeting') previous.name = 'meeting'
      }
    } else out.push({name, lines: group, own: own !== null})
  }
  return out
}

export function buildHeader(source: Source, blocks: readonly Block[], hooks?: HeaderHooks): Header | null {
  const lines: Line[] = []
  for (const block of blocks) if (block.kind === 'text') for (const line of block.lines) lines.push(line)
  if (lines.length === 0) return null
  const children: Field[] = classify(lines, hooks).map(({name, lines: fieldLines}) => {
    const pieces: Piece[] = fieldLines.map((line) => ({start: line.start, end: line.end}))
    return {
      type: 'field',
      name,
      value: plainText(source, pieces),
      position: source.position(fieldLines[0]!.start, fieldLines[fieldLines.length - 1]!.end)
    }
  })
  return {
    type: 'header',
    children,
    position: source.position(children[0]!.position.start.offset, children[children.length - 1]!.position.end.offset)
  }
}

export function emptyMeta(): Meta {
  return {paperNo: null, fileRef: null, committee: null, meetingDate: null, title: null, issuedBy: [], issueDate: null, kind: null}
}

/**
 * An Administration paper that no line names as one: its header says what meeting it is for (`For discussion on
 * 14 May 2025`, `討論文件`) and it is signed by a bureau or department of the Government, none of the Council's own.
 */
export function administrationPaper(header: Header | null, issuedBy: readonly string[]): 'administration-paper' | null {
  const forMeeting = header?.children.some((field) => (field.name === 'kind' || field.name === 'meeting') && FOR_MEETING_LINE.test(squeeze(field.value)))
  if (!forMeeting || issuedBy.length === 0 || issuedBy.some((line) => COUNCIL_SIGNER.test(line))) return null
  return issuedBy.some((line) => GOVERNMENT_SIGNER.test(squeeze(line))) ? 'administration-paper' : null
}

/** The committee a dateless line names as meeting (`…小組委員會會議`); a dated meeting line is read by COMMITTEE_IN_MEETING. */
function meetingCommittee(value: string): string | null {
  const text = value.trim()
  return findDates(text).length > 0 ? null : (COMMITTEE_MEETING_LINE.exec(text)?.[1] ?? null)
}

/** Meta from the header fields; the paper number falls back to the first one printed near the top. */
export function readMeta(header: Header | null, text: string): Meta {
  const meta = emptyMeta()
  const titles: string[] = []
  const kinds: string[] = []
  /** The committee a line names as meeting (`…小組委員會會議`): the paper is for its meeting, under the committee above it. */
  let meets: string | null = null
  let previous: string | null = null
  for (const field of header?.children ?? []) {
    const after = previous
    previous = field.name
    switch (field.name) {
      case 'kind':
        // `《…條例草案》` then `法律事務部報告`: the report's title ends with it.
        if (after === 'title' && TITLE_ENDING_KIND.test(field.value.trim())) titles.push(field.value)
        if (!PURPOSE_LINE.test(field.value.trim())) kinds.push(field.value)
        break
      case 'paperNo':
        meta.paperNo ??= normalisePaperNumber(PAPER_NUMBER_LINE.exec(field.value)?.[1] ?? field.value)
        break
      case 'fileRef':
        meta.fileRef ??= FILE_REF_LINE.exec(field.value)?.[1]?.trim() ?? null
        break
      case 'committee':
        // `內務委員會文件` (a paper for the House Committee) names the committee with the word for paper.
        meta.committee ??= COMMITTEE_PAPER_LINE.exec(field.value)?.[1] ?? field.value
        meets ??= meetingCommittee(field.value)
        break
      case 'meeting':
        meta.meetingDate ??= firstDate(field.value)
        meets ??= meetingCommittee(field.value)
        break
      case 'title':
        titles.push(field.value)
        break
      default:
    }
  }
  if (titles.length > 0) meta.title = titles.reduce((all, title) => all + joiner(all, title) + title, '')
  // No title but what kind of paper it is (`議員參考資料摘要` printed as its heading): that is its title.
  else if (kinds.length > 0) meta.title = kinds[kinds.length - 1]!.trim()
  if (meets) meta.committee = meets
  if (!meta.paperNo) {
    const top = text.slice(0, 600)
    for (const match of top.matchAll(PAPER_NUMBER_PREFIX)) {
      const number = PAPER_NUMBER.exec(top.slice(match.index + match[0].length))
      if (number && number.index === 0) {
        meta.paperNo = normalisePaperNumber(number[0])
        break
      }
    }
  }
  if (!meta.committee) {
    const meeting = header?.children.find((field) => field.name === 'meeting')
    meta.committee = meeting ? (COMMITTEE_IN_MEETING.exec(meeting.value)?.[1]?.trim() ?? null) : null
  }
  const kindSources = [
    ...(header?.children.filter((field) => field.name === 'kind') ?? []),
    ...(header?.children.filter((field) => field.name === 'title' || field.name === 'meeting') ?? [])
  ]
  for (const field of kindSources) {
    const found = KIND_LINES.find(([pattern]) => pattern.test(field.value))
    if (found) {
      meta.kind = found[1]
      break
    }
  }
  return meta
}

/** A cell's words (its text and marks' words). */
function cellWords(table: Table, row: number, cell: number): string {
  const node = table.children[row]!.children[cell]
  if (!node) return ''
  return node.children
    .map((child) =>
      child.type === 'text' ? child.value : child.type === 'strong' || child.type === 'emphasis' ? child.children.map((c) => c.value).join('') : ''
    )
    .join('')
}

/**
 * The meeting's label rows of a table at the top of the body, as fields for
 * meta: a pipe or tab row `| 日期 | : | 1999年1月7日 |` (label, maybe a cell
 * with only the colon, value) reads as the line `日期: 1999年1月7日` does.
 * Only the tables that stand first, before any heading or paragraph; the
 * table stays in the tree, these fields are meta's only (never a node).
 */
export function labelRowFields(body: readonly TopContent[]): Field[] {
  const fields: Field[] = []
  for (const node of body) {
    if (node.type === 'attendance') continue
    if (node.type !== 'table') break
    node.children.forEach((row, r) => {
      const cells = row.children.length
      if (cells < 2 || cells > 3) return
      const label = squeeze(cellWords(node, r, 0)).replace(TRAILING_COLON, '')
      const colon = cells === 3 ? squeeze(cellWords(node, r, 1)) : ''
      if (cells === 3 && (colon.length !== 1 || !TRAILING_COLON.test(colon))) return
      const value = cellWords(node, r, cells - 1)
        .replace(LEADING_COLON, '')
        .trim()
      const line = `${label}: ${value}`
      if (!label || !value || !MEETING_FIELD_LINE.test(line)) return
      fields.push({type: 'field', name: 'meeting', value: line, position: row.position})
    })
  }
  return fields
}
