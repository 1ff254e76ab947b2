/**
 * The pipeline for text already decoded, one stage a line in `parseLines`,
 * each handing its result to the next:
 *
 *   read       src/read/: bytes to text (before this), then the text as lines (splitLines)
 *   normalise  furniture (page numbers, running headers, markup...), footnote lines, line width
 *   tokenise   a token for each line
 *   assemble   tokens to blocks, the header, the body's sections, paragraphs, items, signature, appendices
 *   finish     parents' ends, inferred paragraph numbers
 *
 * `parseText` never throws for anything in the text; problems become
 * messages and the tree is the best reading of what is there.
 */
import {AGENDA, MINUTES, PAPER, assemble, header, wholeHeader} from './assemble/index.js'
import {finish} from './assemble/finish.js'
import {detectGenre, type Genre} from './assemble/genres/detect.js'
import {agendaMeta, keepAgendaLines} from './assemble/genres/agenda.js'
import {findAttendance} from './assemble/genres/attendance.js'
import {attachActions, readActionColumn, type Action} from './assemble/genres/action.js'
import {meetingMeta, numberItems, paperMarks, postMeetingNotes, seenByAdministration} from './assemble/genres/minutes.js'
import {HANSARD, anchorsByLine, attendanceLines, hansardMeta, speeches} from './assemble/genres/hansard.js'
import {LETTER, LETTER_HEADER, detectLetter, frameLetter, letterMeta, salutationNode, type LetterKind} from './assemble/genres/letter.js'
import {KIND_OVER_ATTENDANCE} from './lang/header.js'
import {detectLang} from './lang/detect.js'
import {MessageList, type Message} from './message.js'
import {normalise} from './normalise/index.js'
import {splitLines, type Line} from './normalise/lines.js'
import {tokenise} from './tokenise/index.js'
import {paperStarts, splitPapers, type Range} from './normalise/split.js'
import {Source, type PageSpan} from './source.js'
import {relocate, type Origin} from './read/html-map.js'
import {paragraphsOf} from './walk.js'
import {SCHEMA_VERSION, type Furniture, type Paper, type PaperKind, type Section} from './tree.js'

export interface ParseOptions {
  /** Page spans, for text extracted from a PDF: positions then carry the page. */
  pages?: PageSpan[]
  /** Parse only this stretch of the text (one paper of a bundle); positions still point into the whole text. */
  range?: Range
  /** The paper's kind, when known (`--kind`): it is not detected, and a meeting record's genre is parsed as such. */
  kind?: PaperKind
  /** For text read from an HTML page: positions are moved into the page (src/read/html-map.ts). */
  origin?: Origin
  /** The text is Markdown's (src/read/markdown.ts): a heading is a `#` heading or a standard heading word, a plain short line a paragraph. */
  markdown?: boolean
}

const GENRES: ReadonlySet<string> = new Set<Genre>(['minutes', 'agenda', 'hansard'])
const LETTER_KINDS: ReadonlySet<string> = new Set<LetterKind>(['letter', 'submission'])

export interface ParseResult {
  tree: Paper
  messages: Message[]
}

export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  const result = parseLines(text, inRange(splitLines(text), options.range), options, new Source(text, options.pages))
  return options.origin ? relocate(result, options.origin) : result
}

function parseLines(text: string, lines: Line[], options: ParseOptions, source: Source): ParseResult {
  const from = options.range?.start ?? 0
  const repeated = new Set(options.pages?.flatMap((page) => page.repeated ?? []))
  const {footnotes, notes, bracketedNotes, squareNotes, width} = normalise(lines, {webPage: options.origin !== undefined, repeated})
  source.footnotes = notes
  source.bracketedFootnotes = bracketedNotes
  source.squareFootnotes = squareNotes
  const genre = options.kind ? (GENRES.has(options.kind) ? (options.kind as Genre) : null) : detectGenre(lines)
  if (genre === 'agenda') keepAgendaLines(lines)
  // Minutes and the Hansard: the attendance lists are read apart; the header is what stands above them.
  const attendance = genre === 'minutes' ? findAttendance(lines, source) : genre === 'hansard' ? findAttendance(attendanceLines(lines), source) : null
  // Letters and submissions: the header is what stands above the salutation (genres/letter.ts).
  const letter = genre ? null : options.kind ? (LETTER_KINDS.has(options.kind) ? (options.kind as LetterKind) : null) : detectLetter(lines)
  const frame = letter ? frameLetter(lines) : null
  // English minutes: the Action column beside the body is read apart (genres/action.ts); its lines leave the tokens.
  let actions: Action[] = []
  let cut: Line[] = []
  let body = attendance ? lines.slice(attendance.last + 1) : lines
  if (genre === 'minutes') {
    const column = readActionColumn(lines, attendance ? attendance.last + 1 : 0)
    actions = column.actions
    cut = column.furniture
    if (column.dropped.size > 0) body = body.filter((line) => !column.dropped.has(line))
  }
  // A web page's table rows keep their empty cells (tokenise/index.ts, webRow), and so do a PDF's (src/read/pdf.ts puts them in).
  const web = options.origin ? {webText: text} : options.pages && !options.markdown ? {pdfText: text} : {}
  const tokens = tokenise(attendance ? lines.slice(0, attendance.first) : frame ? frame.top : body, footnotes, web)
  // The paper's own top, below any front matter (our Markdown's meta, which grows with a letter's addressee).
  const top = lines.find((line) => !line.blank && line.furniture !== 'front-matter')?.start ?? from
  const {children, meta, metaHeader} = assemble(tokens, width, source, text.slice(top, top + 2000), {
    // A letter's header: its lines above the salutation, or as a paper's where no salutation frames it.
    modes:
      genre === 'minutes'
        ? MINUTES
        : genre === 'agenda'
          ? AGENDA
          : genre === 'hansard'
            ? HANSARD
            : letter
              ? {...LETTER, header: header(LETTER_HEADER), 'whole-header': wholeHeader(LETTER_HEADER)}
              : PAPER,
    start: frame ? 'whole-header' : 'header',
    markdown: options.markdown,
    apart: attendance
      ? {node: attendance.node, rest: tokenise(body, footnotes, web)}
      : frame
        ? {node: salutationNode(frame.salutation, source), rest: tokenise(frame.body, footnotes, web)}
        : undefined
  })
  if (letter) letterMeta(children, meta, source, letter, frame !== null)
  if (options.kind) meta.kind = options.kind
  if (genre) {
    // A brief for a meeting that lists who attends (`議員參考資料摘要` over `出席議員`) is read as minutes are, but it is
    // the brief its kind line names: no rule for minutes (a date before the meeting's) applies to it.
    if (options.kind || genre !== 'minutes' || !meta.kind || !KIND_OVER_ATTENDANCE.has(meta.kind)) meta.kind = genre
    meetingMeta(metaHeader, meta)
    if (genre === 'minutes') meta.seenByAdministration = seenByAdministration(children[0]?.type === 'header' ? children[0] : null)
    if (genre === 'agenda') agendaMeta(children[0]?.type === 'header' ? children[0] : null, meta)
    if (genre === 'hansard') {
      hansardMeta(children[0]?.type === 'header' ? children[0] : null, meta)
      const anchors = options.pages?.flatMap((page) => page.anchors ?? []) ?? []
      const grouped = speeches(children, source, anchorsByLine(anchors, text)) as typeof children
      children.length = 0
      for (const node of grouped) children.push(node)
    } else {
      numberItems(children)
      paperMarks(children, source)
    }
    postMeetingNotes(children, source)
  }
  const tree: Paper = {
    type: 'paper',
    schemaVersion: SCHEMA_VERSION,
    lang: detectLang(contentLines(lines)),
    meta,
    children,
    furniture: furnitureOf(cut.length > 0 ? [...lines, ...cut].sort((a, b) => a.start - b.start) : lines, source),
    position: source.position(from, options.range?.end ?? text.length)
  }
  finish(tree)
  attachActions(tree, actions)
  return {tree, messages: report(tree, lines, genre, options.origin !== undefined)}
}

/**
 * The lines that normalise told apart from the content, in order, as
 * furniture nodes; and the zero-width spaces (U+200B) that trimming took
 * off a line (a line of them alone, as web editors leave them), as markup:
 * invisible, so neither words nor a line of their own, but kept.
 */
function furnitureOf(lines: Line[], source: Source): Furniture[] {
  const furniture: Furniture[] = []
  /** The runs before the line's words (`before`), or after them. */
  const invisible = (line: Line, before: boolean) => {
    for (const [start, end] of line.invisible!) {
      const leading = start < line.start
      if (leading === before) furniture.push({type: 'furniture', kind: 'markup', value: source.text.slice(start, end), position: source.position(start, end)})
    }
  }
  for (const line of lines) {
    if (line.invisible) invisible(line, true)
    if (line.furniture) {
      furniture.push({type: 'furniture', kind: line.furniture, value: line.text, position: source.position(line.start, line.end)})
    }
    if (line.invisible) invisible(line, false)
  }
  return furniture
}

/** The lines inside the range, numbered afresh. */
function inRange(lines: Line[], range: Range | undefined): Line[] {
  if (!range) return lines
  return lines
    .filter((line) => line.start >= range.start && line.end <= range.end && !(line.blank && line.start === range.end))
    .map((line, index) => ({...line, index}))
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

/** Top-level nodes that show a genre's structure where a paper would have numbered paragraphs or headings. */
const GENRE_PARTS = new Set<string>(['attendance', 'speech', 'salutation', 'closing'])

function report(tree: Paper, lines: Line[], genre: Genre | null, web: boolean): Message[] {
  const messages = new MessageList()
  // A web page's one heading (`<h1>Not Found</h1>` over a sentence: an error page) is the page's title, no structure;
  // two headings, or a standard one (Purpose, Background), are.
  const sections = tree.children.filter((node): node is Section => node.type === 'section')
  // A genre's own parts are structure too: the attendance of minutes, the speeches of a Hansard, a letter's salutation.
  // A letter or submission of unnumbered paragraphs signed at its end (no salutation, no closing): its signature is its part.
  const signedLetter = tree.meta.kind !== null && LETTER_KINDS.has(tree.meta.kind) && tree.children.some((node) => node.type === 'signature')
  const structured =
    signedLetter ||
    tree.children.some((node) => GENRE_PARTS.has(node.type)) ||
    paragraphsOf(tree).some((paragraph) => paragraph.number !== null) ||
    (web && genre === null ? sections.length > 1 || sections.some((section) => section.key !== null) : sections.length > 0)
  if (!structured) {
    // Placed at the paper's start: for one paper of a bundle, where that paper begins.
    messages.warn('parse/no-structure', 'no numbered paragraphs or section headings found: the tree holds the text as unnumbered paragraphs', {
      start: tree.position.start,
      end: tree.position.start
    })
  }
  // An agenda lists the papers of its items: their numbers are not papers of a bundle.
  const papers = genre === 'agenda' ? 1 : paperStarts(lines).length
  if (papers > 1) {
    messages.warn(
      'parse/several-papers',
      `the input holds ${papers} papers (one paper-number line each): --split gives one tree per paper`,
      {start: tree.position.start, end: tree.position.start},
      'parse with --split for one tree per paper'
    )
  }
  return messages.messages
}
