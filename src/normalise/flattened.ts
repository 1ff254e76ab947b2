/**
 * Normalise, layout repair: text whose layout a web mirror of LegCo's pages
 * flattened. Three shapes of damage, each repaired only where its own signal
 * shows, so that the lines of an ordinary paper stay as they are:
 *
 * - One sentence a block (`joinSentences`): the mirror puts each sentence on
 *   a line of its own with a blank line between, so a numbered paragraph's
 *   later sentences stand alone as unnumbered blocks. Detected for the whole
 *   text (nearly every block is one line holding one sentence, and numbered
 *   paragraphs are followed by unnumbered one-sentence blocks); only then is
 *   each such block marked to go on with the paragraph above (`joinsAbove`).
 * - The header run together on the first line (`splitHeaderRun`):
 *   `立法會Legislative Council立法會CB(2)1218/09-10號文件檔號:CB2/SS/2/09內務委員會文件<title>目的<paragraph 1>`.
 *   Cut where the header's own lines would end (council line, paper number,
 *   file reference, `…委員會文件`: the patterns of lang/papers.ts and
 *   lang/header.ts), then the title up to the body's first heading
 *   (lang/headings.ts `openingHeadingIn`), the heading, and the first
 *   paragraph. Only when the line starts with two or more such lines run
 *   together and more text follows them.
 * - Items run inline after their lead-in (`splitInlineItems`):
 *   `該等修訂命令是⎯⎯(i) 《…》;(ii) 《…》;及(iii) 《…》。`. Cut before each
 *   label when the lead-in ends in a dash or a colon right before the first
 *   label, and three or more labels follow in sequence, each after a `；`/`;`
 *   (and the `及`/`and` that goes with the item before it). A run of points
 *   inside a sentence with no such lead-in (`包括要（1）…（2）…`) stays text,
 *   and so do points inside a quotation (an amendment quoted in an agenda).
 *
 * This is normalise's work, not the tokeniser's or the header reader's: it
 * is layout undone (as page furniture is), it needs the whole text to tell
 * damage from an author's choice, and every later stage — the genre and
 * letter detectors, the tokeniser, the header reader — should see the lines
 * a reader sees. Nothing is rewritten: a line is cut into lines that keep
 * their offsets into the source, and a joined line is only marked, so
 * positions point into the input and every character stays in some line.
 */
import {CLAUSE_ENDING, displayWidth, endsSentence, isWhitespaceCode, ONE_BRACKETED_REMARK, opensQuotation, SENTENCE_ENDS, toHalfWidth} from '../lang/chars.js'
import {COMMITTEE_PAPER_LEAD, COUNCIL_LEAD} from '../lang/header.js'
import {RECORD_RUNNING_HEADER, RECORD_TITLE_RUN} from '../lang/hansard.js'
import {ATTENDANCE_LABEL_INLINE} from '../lang/meetings.js'
import {openingHeadingIn, standardHeadingKey} from '../lang/headings.js'
import {
  BRACKET_LABEL,
  BRACKET_LABELS,
  BULLET_START,
  GLUED_BEFORE_PARAGRAPH_MARKER,
  INLINE_ITEM_SEPARATOR,
  INLINE_LIST_LEAD,
  labelStyles,
  ordinal,
  PARAGRAPH_MARKER,
  romanLetters
} from '../lang/numbering.js'
import {FILE_REF_LEAD, PAPER_NUMBER_LEAD} from '../lang/papers.js'
import {isSignatureStart} from '../lang/signature.js'
import type {ItemStyle} from '../tree.js'
import type {FootnoteMark} from './footnotes.js'
import type {Line} from './lines.js'
import {matchAll} from '../matches.js'

/** Repair the lines in place (cut lines are replaced by their pieces; indices are renumbered). */
export function repairFlattened(lines: Line[], footnotes: ReadonlyMap<Line, FootnoteMark>): void {
  joinSentences(lines, footnotes)
  let cut = splitRecordRun(lines)
  if (splitHeaderRun(lines)) cut = true
  if (splitInlineItems(lines, footnotes)) cut = true
  if (cut) for (const [i, line] of lines.entries()) line.index = i
}

/** The part `from`..`to` of a line as a line of its own, surrounding whitespace trimmed. */
function piece(line: Line, from: number, to: number, first: boolean, last: boolean): Line {
  const text = line.text
  let a = from
  let b = to
  while (a < b && isWhitespaceCode(text.charCodeAt(a))) a++
  while (b > a && isWhitespaceCode(text.charCodeAt(b - 1))) b--
  const part: Line = {
    ...line,
    start: line.start + a,
    end: line.start + b,
    text: text.slice(a, b),
    indent: first ? line.indent : 0,
    pageBreak: first && line.pageBreak,
    tabbed: first && line.tabbed,
    tabbedEnd: last && line.tabbedEnd
  }
  if (!first) delete part.joinsAbove
  return part
}

/** The line cut at these offsets (ascending, inside the line), as its pieces; empty pieces are dropped. */
function cutAt(line: Line, cuts: number[]): Line[] {
  const bounds = [0, ...cuts, line.text.length]
  const pieces: Line[] = []
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = piece(line, bounds[i]!, bounds[i + 1]!, i === 0, i + 2 === bounds.length)
    if (part.text.length > 0) pieces.push(part)
  }
  return pieces
}

function isContent(line: Line, footnotes: ReadonlyMap<Line, FootnoteMark>): boolean {
  return !line.blank && !line.furniture && !footnotes.has(line)
}

// ---------------------------------------------------------------------------
// A Council record run onto one line

/** A line this long, holding the record's running header twice or more, is a record a mirror ran together. */
const RUN_ON_LINE = 400

/**
 * A Hansard that a mirror ran onto one line (`… O'clock LEGISLATIVE COUNCIL ─ 2 March 2011 6055 OFFICIAL
 * RECORD … MEMBERS PRESENT: THE PRESIDENT THE HONOURABLE …`): the running headers and their page
 * numbers inside it become lines of page furniture, and each attendance label starts a line, so that the
 * attendance reader sees its lists. Only in a long line holding the running header twice or more.
 */
function splitRecordRun(lines: Line[]): boolean {
  let changed = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.blank || line.furniture || line.text.length < RUN_ON_LINE) continue
    const headers = [...matchAll(RECORD_RUNNING_HEADER, line.text)]
    if (headers.length < 2) continue
    const cuts: number[] = []
    const kinds = new Map<number, 'running-header' | 'page-number'>()
    for (const match of headers) {
      let at = match.index
      if (match[1]) {
        cuts.push(at)
        kinds.set(at, 'page-number')
        at += match[0].indexOf(match[2]!, match[1].length)
      }
      cuts.push(at)
      kinds.set(at, 'running-header')
      if (match[3]) {
        const number = match.index + match[0].lastIndexOf(match[3])
        cuts.push(number)
        kinds.set(number, 'page-number')
      }
      cuts.push(match.index + match[0].length)
    }
    for (const match of matchAll(ATTENDANCE_LABEL_INLINE, line.text)) cuts.push(match.index)
    // The record's title line: the title, its date, the time the Council met, each a line (`OFFICIAL RECORD OF
    // PROCEEDINGS` / `Wednesday, 2 March 2011` / `The Council met at Eleven o'clock`).
    for (const match of matchAll(RECORD_TITLE_RUN, line.text)) {
      cuts.push(match.index + match[1]!.length)
      if (match[2]) cuts.push(match.index + match[0].length - match[2].length)
    }
    const sorted = [...new Set(cuts)].filter((at) => at > 0 && at < line.text.length).sort((a, b) => a - b)
    const bounds = [0, ...sorted]
    // The mirror's own title for the file, said again where its text begins, is the site's too.
    const site = new Set(lines.filter((other) => other.furniture === 'site-header').map((other) => other.text.trim().toLowerCase()))
    const parts: Line[] = []
    for (let k = 0; k < bounds.length; k++) {
      const part = piece(line, bounds[k]!, bounds[k + 1] ?? line.text.length, k === 0, k + 1 === bounds.length)
      if (part.text.length === 0) continue
      const kind = kinds.get(bounds[k]!)
      if (kind) part.furniture = kind
      else if (k === 0 && site.has(part.text.toLowerCase())) part.furniture = 'site-header'
      parts.push(part)
    }
    lines.splice(i, 1, ...parts)
    i += parts.length - 1
    changed = true
  }
  return changed
}

// ---------------------------------------------------------------------------
// The header run together

/** The header lines a mirror runs together, tried in this order at each place (a paper number before the council line: both may start `立法會`). */
const HEADER_LEADS = [PAPER_NUMBER_LEAD, FILE_REF_LEAD, COUNCIL_LEAD, COMMITTEE_PAPER_LEAD]
/** The ones that only a paper's header holds: a run must have one of them. */
const IDENTIFYING = new Set([PAPER_NUMBER_LEAD, FILE_REF_LEAD])

function splitHeaderRun(lines: Line[]): boolean {
  const index = lines.findIndex((line) => !line.blank && !line.furniture)
  if (index < 0) return false
  const line = lines[index]!
  const text = line.text
  const cuts: number[] = []
  let at = 0
  let identified = false
  while (at < text.length) {
    let end = -1
    for (const lead of HEADER_LEADS) {
      lead.lastIndex = at
      const match = lead.exec(text)
      if (match && match[0].length > 0) {
        end = at + match[0].length
        if (IDENTIFYING.has(lead)) identified = true
        break
      }
    }
    if (end < 0) break
    if (at > 0) cuts.push(at)
    at = end
    while (at < text.length && isWhitespaceCode(text.charCodeAt(at))) at++
  }
  // Two header lines or more run together, then more text: the title and the body.
  if (cuts.length === 0 || !identified || at >= text.length) return false
  cuts.push(at)
  const heading = openingHeadingIn(text.slice(at))
  if (heading) {
    if (heading.start > 0) cuts.push(at + heading.start)
    cuts.push(at + heading.end)
  }
  lines.splice(index, 1, ...cutAt(line, cuts))
  return true
}

// ---------------------------------------------------------------------------
// One sentence a block

interface Run {
  lines: Line[]
  /** Only blank lines stood between this run and the one before. */
  blanksBefore: boolean
  text: string
  /** Sentence ends in the run's text, counted up to two (2: two or more). */
  sentences: number
}

/** The sentence ends in `text`, up to two: the rules ask for none, one or more, and counting all of a long paragraph's was most of this step. */
function sentencesUpToTwo(text: string): number {
  SENTENCE_ENDS.lastIndex = 0
  let count = 0
  while (count < 2 && SENTENCE_ENDS.exec(text) !== null) count++
  SENTENCE_ENDS.lastIndex = 0
  return count
}

/** The runs of content lines between blank lines (or furniture). */
function runsOf(lines: Line[], footnotes: ReadonlyMap<Line, FootnoteMark>): Run[] {
  const runs: Run[] = []
  let current: Line[] | null = null
  let blanksOnly = true
  const close = () => {
    if (!current) return
    const text = current.map((line) => line.text).join('')
    runs.push({lines: current, blanksBefore: blanksOnly, text, sentences: sentencesUpToTwo(text)})
    current = null
    blanksOnly = true
  }
  for (const line of lines) {
    if (line.blank) {
      close()
      continue
    }
    if (!isContent(line, footnotes)) {
      close()
      blanksOnly = false
      continue
    }
    if (!current) current = []
    current.push(line)
  }
  close()
  return runs
}

/** The number a run starts with (`2. …`, or `背景2. …` after a heading run into it), or null. */
function numberOf(run: Run): number | null {
  const first = run.lines[0]!.text
  const marker = PARAGRAPH_MARKER.exec(first)
  if (marker) return Number(toHalfWidth(marker[1]!))
  const glued = GLUED_BEFORE_PARAGRAPH_MARKER.exec(first)
  if (glued && standardHeadingKey(glued[1]!)) {
    const rest = PARAGRAPH_MARKER.exec(first.slice(glued[1]!.length))
    if (rest) return Number(toHalfWidth(rest[1]!))
  }
  return null
}

/** A run that ends on a comma or a semicolon: a sentence goes on after it. */
const CLAUSE_END = CLAUSE_ENDING

/** A Markdown heading, a table row: lines the tokeniser reads as other things than words. */
const NOT_WORDS = /^#{1,6}[ \t]|\t|\|/

/** A run that is words and nothing else: no number, no label, no heading, no signature, no table. */
function isProse(run: Run): boolean {
  const first = run.lines[0]!.text
  if (numberOf(run) !== null || BRACKET_LABEL.test(first) || BULLET_START.test(first) || standardHeadingKey(first) || isSignatureStart(first)) return false
  return !run.lines.some((line) => NOT_WORDS.test(line.text))
}

/** A run that is one sentence on one line. */
function isOneSentenceLine(run: Run): boolean {
  return run.lines.length === 1 && run.sentences === 1 && endsSentence(run.text)
}

/** Fewer runs of sentences than this say too little about the text's layout. */
const MIN_SENTENCE_RUNS = 6
/** Nearly every run of sentences is one sentence on one line. */
const ONE_SENTENCE_SHARE = 0.85
/** Numbered paragraphs followed by an unnumbered one-sentence run: at least this many, and this share of the numbered ones. */
const MIN_FOLLOWED = 2
const FOLLOWED_SHARE = 0.4
/** A run that stops mid-sentence is words of a paragraph (not a heading) when at least this wide. */
const MIN_UNFINISHED_WIDTH = 40

/**
 * A run of one line that stops mid-sentence and is words, not a heading: it
 * ends on a comma, it is a bracketed remark, or it is wide and more words
 * follow it (a sentence a page cut) or the text stops in it.
 */
function unfinished(run: Run, next: Run | undefined): boolean {
  // The mirror's sentence is one line: lines under each other are the author's (a signature, an address).
  if (run.lines.length > 1) return false
  // `(有關進展見上文第 6 段)` after a sentence: a remark on it.
  if (CLAUSE_END.test(run.text) || ONE_BRACKETED_REMARK.test(run.text)) return true
  return displayWidth(run.text, 400) >= MIN_UNFINISHED_WIDTH && (!next || (next.blanksBefore && isProse(next)))
}

function joinSentences(lines: Line[], footnotes: ReadonlyMap<Line, FootnoteMark>): void {
  const runs = runsOf(lines, footnotes)
  const withSentences = runs.filter((run) => run.sentences > 0)
  if (withSentences.length < MIN_SENTENCE_RUNS) return
  if (withSentences.filter(isOneSentenceLine).length < withSentences.length * ONE_SENTENCE_SHARE) return
  const numbered = runs.filter((run) => numberOf(run) !== null)
  let followed = 0
  for (let i = 0; i + 1 < runs.length; i++) {
    const next = runs[i + 1]!
    if (numberOf(runs[i]!) !== null && next.blanksBefore && isProse(next) && isOneSentenceLine(next)) followed++
  }
  if (followed < MIN_FOLLOWED || followed < numbered.length * FOLLOWED_SHARE) return

  // The paper's first paragraph, when the numbers start at 2: its sentences go together too.
  const firstNumbered = runs.findIndex((run) => numberOf(run) !== null)
  const firstParagraph =
    firstNumbered >= 0 && numberOf(runs[firstNumbered]!) === 2 ? runs.findIndex((run, i) => i < firstNumbered && isProse(run) && run.sentences > 0) : -1
  let open = false
  for (const [i, run] of runs.entries()) {
    if (numberOf(run) !== null) {
      open = true
      continue
    }
    const words = isProse(run) && (endsSentence(run.text) || unfinished(run, runs[i + 1]))
    if (open && words && run.blanksBefore) {
      run.lines[0]!.joinsAbove = true
      continue
    }
    open = i === firstParagraph
  }
}

// ---------------------------------------------------------------------------
// Items run inline

/** At least this many items make a list run inline. */
const MIN_INLINE_ITEMS = 3

/** The styles in which `label` (as printed in its brackets) is the item at `place`. */
function stylesAt(label: string, place: number, styles: readonly ItemStyle[]): ItemStyle[] {
  const ascii = romanLetters(toHalfWidth(label))
  return labelStyles(ascii).filter((style) => styles.includes(style) && ordinal(ascii, style) === place)
}

const ALL_STYLES: ItemStyle[] = ['decimal', 'lower-alpha', 'upper-alpha', 'lower-roman', 'upper-roman']

/** Where the labels of a list run inline start, or null: the first one after the lead-in, the others each after a separator. */
function inlineList(text: string): number[] | null {
  for (const first of matchAll(BRACKET_LABELS, text)) {
    const lead = text.slice(0, first.index)
    // Points inside a quotation (an amendment's words quoted in an agenda) are the quoted text, as printed.
    if (!INLINE_LIST_LEAD.test(lead) || opensQuotation(lead)) continue
    let styles = stylesAt(first[1]!, 1, ALL_STYLES)
    if (styles.length === 0) continue
    const starts = [first.index]
    let end = first.index + first[0].length
    const base = end
    for (const next of matchAll(BRACKET_LABELS, text.slice(base))) {
      const at = base + next.index
      if (!INLINE_ITEM_SEPARATOR.test(text.slice(end, at))) continue
      const fits = stylesAt(next[1]!, starts.length + 1, styles)
      if (fits.length === 0) continue
      styles = fits
      starts.push(at)
      end = at + next[0].length
    }
    if (starts.length >= MIN_INLINE_ITEMS) return starts
  }
  return null
}

function splitInlineItems(lines: Line[], footnotes: ReadonlyMap<Line, FootnoteMark>): boolean {
  let cut = false
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!
    if (!isContent(line, footnotes) || line.text.includes('\t')) continue
    const starts = inlineList(line.text)
    if (!starts) continue
    lines.splice(i, 1, ...cutAt(line, starts))
    cut = true
  }
  return cut
}
