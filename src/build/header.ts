/**
 * Build, the header block: the lines above the first heading or paragraph —
 * council line, paper number, file reference, committee, meeting date,
 * title — each becomes a `field`, and `meta` is read from the fields.
 */
import {endsSentence, joiner, startsContinuation, displayWidth} from '../lang/chars.js'
import {firstDate, isDateLine} from '../lang/dates.js'
import {appendixHeading, standardHeadingKey} from '../lang/index.js'
import {
  COMMITTEE_LINE,
  COUNCIL_LINE,
  FILE_REF_LINE,
  KIND_LINES,
  KIND_ONLY_LINE,
  MEETING_LEAD,
  MEETING_LINE,
  NOT_COMMITTEE,
  PAPER_NUMBER,
  PAPER_NUMBER_LINE,
  SIGNATURE_START,
  normalisePaperNumber
} from '../lang/patterns.js'
import type {Source} from '../source.js'
import type {Field, FieldName, Header, Meta} from '../tree.js'
import type {Block} from './blocks.js'
import {plainText, type Piece} from './inline.js'
import type {Line} from '../normalise/lines.js'

/** How many leading blocks form the header (0 when the paper has none). */
export function headerLength(blocks: Block[]): number {
  let count = 0
  for (const block of blocks) {
    if (block.kind !== 'text') break
    if (!block.lines.every((line, index) => isHeaderLine(line.text, block.lines[index + 1]?.text))) break
    count++
  }
  return count
}

function isHeaderLine(text: string, next: string | undefined): boolean {
  if (standardHeadingKey(text) || appendixHeading(text) || SIGNATURE_START.test(text)) return false
  if (COUNCIL_LINE.test(text) || PAPER_NUMBER_LINE.test(text) || FILE_REF_LINE.test(text)) return true
  if (isDateLine(text) || (MEETING_LINE.test(text) && firstDate(text))) return true
  // A sentence of some length is body text; a short line ending in a colon may be a salutation.
  if (endsSentence(text) && !/[:：]$/.test(text) && !(next && startsContinuation(next))) return displayWidth(text) < 16
  return displayWidth(text) <= 120
}

interface Classified {
  name: FieldName
  lines: Line[]
}

function classify(lines: Line[]): Classified[] {
  const out: Classified[] = []
  let committeeSeen = false
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text
    const next = lines[i + 1]?.text
    let name: FieldName
    let take = 1
    if (COUNCIL_LINE.test(text)) name = 'council'
    else if (PAPER_NUMBER_LINE.test(text)) name = 'paperNo'
    else if (FILE_REF_LINE.test(text)) name = 'fileRef'
    else if (KIND_ONLY_LINE.test(text)) name = 'kind'
    else if (isDateLine(text) || (MEETING_LINE.test(text) && firstDate(text))) name = 'meeting'
    else if ((MEETING_LEAD.test(text) || MEETING_LINE.test(text)) && next !== undefined && /^(?:on\s+)?\S/.test(next) && firstDate(next)) {
      name = 'meeting'
      take = 2
    } else if (!committeeSeen && COMMITTEE_LINE.test(text) && !NOT_COMMITTEE.test(text)) {
      name = 'committee'
      committeeSeen = true
    } else if (/^[(（].*[)）]$/.test(text)) name = 'note'
    else name = 'title'
    const taken = lines.slice(i, i + take)
    i += take - 1
    // A line that starts in lower case continues the field above (`Legislative Council Panel` / `on ...`).
    while (i + 1 < lines.length && startsContinuation(lines[i + 1]!.text) && name !== 'paperNo') {
      taken.push(lines[++i]!)
    }
    const previous = out[out.length - 1]
    if (previous && previous.name === name && (name === 'title' || name === 'note')) previous.lines.push(...taken)
    else out.push({name, lines: taken})
  }
  return out
}

export function buildHeader(source: Source, blocks: Block[]): Header | null {
  const lines: Line[] = []
  for (const block of blocks) lines.push(...(block.kind === 'text' ? block.lines : []))
  if (lines.length === 0) return null
  const children: Field[] = classify(lines).map(({name, lines: fieldLines}) => {
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

/** Meta from the header fields; the paper number falls back to the first one printed near the top. */
export function readMeta(header: Header | null, text: string): Meta {
  const meta = emptyMeta()
  const titles: string[] = []
  for (const field of header?.children ?? []) {
    switch (field.name) {
      case 'paperNo':
        meta.paperNo ??= normalisePaperNumber(PAPER_NUMBER_LINE.exec(field.value)?.[1] ?? field.value)
        break
      case 'fileRef':
        meta.fileRef ??= FILE_REF_LINE.exec(field.value)?.[1]?.trim() ?? null
        break
      case 'committee':
        meta.committee ??= field.value
        break
      case 'meeting':
        meta.meetingDate ??= firstDate(field.value)
        break
      case 'title':
        titles.push(field.value)
        break
      default:
    }
  }
  if (titles.length > 0) meta.title = titles.reduce((all, title) => all + joiner(all, title) + title, '')
  if (!meta.paperNo) {
    const top = text.slice(0, 600)
    const match = /(?:立法[會会]|臨立會|LC\s+Paper\s+No\.?)\s*/i.exec(top)
    const number = match ? PAPER_NUMBER.exec(top.slice(match.index + match[0].length)) : null
    if (number && number.index === 0) meta.paperNo = normalisePaperNumber(number[0])
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
