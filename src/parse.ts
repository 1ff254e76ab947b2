/**
 * The pipeline for text already decoded: normalise -> tokenise -> build.
 * `parseText` never throws for anything in the text; problems become
 * messages and the tree is the best reading of what is there.
 */
import {BodyBuilder} from './assemble/index.js'
import {toBlocks} from './assemble/blocks.js'
import {buildHeader, readMeta, splitHeader} from './assemble/header.js'
import {detectLang} from './lang/detect.js'
import {detectGenre, type Genre} from './assemble/genres/detect.js'
import {findAttendance} from './assemble/genres/attendance.js'
import {MEETING_HEADER, isItemHeading} from './assemble/genres/header.js'
import {itemTimes, meetingMeta, numberItems, postMeetingNotes} from './assemble/genres/minutes.js'
import {MessageList, type Message} from './message.js'
import {normalise} from './normalise/index.js'
import {splitLines, type Line} from './normalise/lines.js'
import {tokenise} from './tokenise/index.js'
import {paperStarts, splitPapers, type Range} from './normalise/split.js'
import {Source, type PageSpan} from './source.js'
import {relocate, type Origin} from './read/html-map.js'
import {paragraphsOf} from './walk.js'
import {SCHEMA_VERSION, type Furniture, type Node, type Paper, type PaperKind, type TopContent} from './tree.js'

export interface ParseOptions {
  /** Page spans, for text extracted from a PDF: positions then carry the page. */
  pages?: PageSpan[]
  /** Parse only this stretch of the text (one paper of a bundle); positions still point into the whole text. */
  range?: Range
  /** The paper's kind, when known (`--kind`): it is not detected, and a meeting record's genre is parsed as such. */
  kind?: PaperKind
  /** For text read from an HTML page: positions are moved into the page (src/read/html-map.ts). */
  origin?: Origin
}

const GENRES: ReadonlySet<string> = new Set<Genre>(['minutes', 'agenda', 'hansard'])

export interface ParseResult {
  tree: Paper
  messages: Message[]
}

export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  const result = parseLines(text, inRange(splitLines(text), options.range), options, new Source(text, options.pages))
  return options.origin ? relocate(result, options.origin) : result
}

function parseLines(text: string, lines: Line[], options: ParseOptions, source: Source): ParseResult {
  const messages = new MessageList()
  const {footnotes, notes, width} = normalise(lines, {webPage: options.origin !== undefined})
  source.footnotes = notes
  const genre = options.kind ? (GENRES.has(options.kind) ? (options.kind as Genre) : null) : detectGenre(lines)
  // Minutes and the Hansard: the attendance lists are read apart; the header is what stands above them.
  const attendance = genre === 'minutes' || genre === 'hansard' ? findAttendance(lines, source) : null
  const hooks = genre ? MEETING_HEADER : undefined
  let split: ReturnType<typeof splitHeader>
  if (attendance) {
    split = splitHeader(toBlocks(tokenise(lines.slice(0, attendance.first), footnotes), width), width, hooks)
    split.body.push(...toBlocks(tokenise(lines.slice(attendance.last + 1), footnotes), width))
  } else split = splitHeader(toBlocks(tokenise(lines, footnotes), width), width, hooks)
  const header = buildHeader(source, split.header, hooks)
  const body = new BodyBuilder(source, width, genre === 'minutes' ? {itemHeading: isItemHeading} : undefined)
  const children: TopContent[] = header ? [header] : []
  if (attendance) children.push(attendance.node)
  children.push(...body.run(split.body))

  const meta = readMeta(header, text.slice(options.range?.start ?? 0, (options.range?.start ?? 0) + 2000))
  meta.issuedBy = body.signatureMeta.issuedBy
  meta.issueDate = body.signatureMeta.issueDate
  if (options.kind) meta.kind = options.kind
  if (genre) {
    meta.kind = genre
    meetingMeta(header, meta)
    numberItems(children)
    if (genre === 'agenda') itemTimes(children)
    postMeetingNotes(children, source)
  }

  const furniture: Furniture[] = []
  for (const line of lines) {
    if (line.furniture) {
      furniture.push({type: 'furniture', kind: line.furniture, value: line.text, position: source.position(line.start, line.end)})
    }
  }

  const tree: Paper = {
    type: 'paper',
    schemaVersion: SCHEMA_VERSION,
    lang: detectLang(contentLines(lines)),
    meta,
    children,
    furniture,
    position: source.position(options.range?.start ?? 0, options.range?.end ?? text.length)
  }
  closeEnds(tree)
  inferNumbers(tree)
  report(tree, lines, messages, genre)
  return {tree, messages: messages.messages}
}

/** The lines inside the range, numbered afresh. */
function inRange(lines: Line[], range: Range | undefined): Line[] {
  if (!range) return lines
  return lines.filter((line) => line.start >= range.start && line.end <= range.end && !(line.blank && line.start === range.end)).map((line, index) => ({...line, index}))
}

function* contentLines(lines: Line[]): Generator<string> {
  for (const line of lines) if (!line.blank && !line.furniture) yield line.text
}

/** One tree per paper of a bundle (`--split`): the text is cut at each paper's own number line. */
export function parsePapers(text: string, options: Omit<ParseOptions, 'range'> = {}): ParseResult[] {
  // One line list and one source for the whole text; the papers are parsed one after another.
  const lines = splitLines(text)
  const source = new Source(text, options.pages)
  const results = splitPapers(text, lines).map((range) => parseLines(text, inRange(lines, range), {...options, range}, source))
  return options.origin ? results.map((result, index) => relocate(result, options.origin!, index === 0, false)) : results
}

/** Make every parent's position reach the end of its last child. */
function closeEnds(node: Node & {children?: Node[]}): void {
  if (!node.children) return
  for (const child of node.children) closeEnds(child as Node & {children?: Node[]})
  let end = node.position.end
  for (const child of node.children) if (child.position.end.offset > end.offset) end = child.position.end
  if (end !== node.position.end) node.position = {start: node.position.start, end}
}

/**
 * A paragraph with no printed number gets one when its place makes it
 * certain: it alone stands between n-1 and n+1 (or before 2, at the start).
 */
function inferNumbers(tree: Paper): void {
  const paragraphs = paragraphsOf(tree)
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!
    if (paragraph.number !== null) continue
    const previous = i > 0 ? paragraphs[i - 1]! : null
    const next = paragraphs[i + 1]
    if (!next || next.number === null || !/^\d+$/.test(next.number)) continue
    if (previous && (previous.number === null || !/^\d+$/.test(previous.number))) continue
    const expected = previous ? Number(previous.number) + 1 : 1
    if (Number(next.number) !== expected + 1) continue
    paragraph.number = String(expected)
    paragraph.inferred = true
  }
}

function report(tree: Paper, lines: Line[], messages: MessageList, genre: Genre | null): void {
  const structured = paragraphsOf(tree).some((paragraph) => paragraph.number !== null) || tree.children.some((node) => node.type === 'section')
  if (!structured) {
    // Placed at the paper's start: for one paper of a bundle, where that paper begins.
    messages.warn('parse/no-structure', 'no numbered paragraphs or section headings found: the tree holds the text as unnumbered paragraphs', {start: tree.position.start, end: tree.position.start})
  }
  // An agenda lists the papers of its items: their numbers are not papers of a bundle.
  const papers = genre === 'agenda' ? 1 : paperStarts(lines).length
  if (papers > 1) {
    messages.warn('parse/several-papers', `the input holds ${papers} papers (one paper-number line each): --split gives one tree per paper`, {start: tree.position.start, end: tree.position.start}, 'parse with --split for one tree per paper')
  }
}
