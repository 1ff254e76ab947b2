/**
 * PDF → plain text for the parser.
 *
 * Text comes from pdf.js (`pdfjs-dist`, legacy build, loaded lazily so that the
 * CLI's cold start does not pay for it). pdf.js gives positioned text items;
 * lines are rebuilt here from their positions rather than from the order in
 * the content stream:
 *
 * - items are grouped into lines by baseline (with a tolerance, so that
 *   superscripts and slightly shifted runs stay on their line), each line is
 *   sorted left to right, lines are read top to bottom;
 * - between two items of one line a space is inserted when the horizontal gap
 *   is larger than a quarter of the font size, except between two CJK
 *   characters (letter-spaced `臨 立 會` comes out `臨立會`; only a gap wider
 *   than three characters, a table column or tab stop, is a space there);
 *   spaces inside an item are kept unless they stand between two CJK characters;
 * - a very wide gap between runs placed apart (different baseline or font
 *   size), like a page number beside a running header, ends the line;
 * - a blank line is put between two lines whose vertical distance is clearly
 *   larger than the page's usual line pitch (paragraph spacing): its median
 *   distance between baselines, or a low quantile on pages made of short
 *   paragraphs; pages with few lines use the whole document's;
 * - a blank line is put after a line that ends a sentence short of the
 *   page's measure when the first word of the next line would have fit in
 *   the room left (a paragraph break with no gap and no indent), inside a
 *   page or across a page break; and before a line that starts back at the
 *   margin under the hanging lines of an item (the paragraph after it);
 * - a table keeps its columns: the rows of a page whose cells stand in the
 *   same columns are one table, and a row with nothing in a column gets an
 *   empty cell there (a tab for each: the blank corner over the row heads,
 *   a blank cell in the middle or at the end); a table that runs to the foot
 *   of a page and goes on at the top of the next one in the same columns
 *   carries them over, so that its rows there keep them too; the margin,
 *   font size and measure of a page are those of its running text, its
 *   tables' lines left out;
 * - every page after the first starts with a form feed `\f`, like pdftotext.
 *
 * Page numbers and running headers are kept: the parser removes them.
 *
 * @module
 */

import {createRequire} from 'node:module'
import path from 'node:path'
import {PARAGRAPH_END, SENTENCE_PUNCTUATION_END, displayWidth, foldCompatibilityIdeographs, lineStartUnit} from '../lang/chars.js'
import {PAGE_NUMBER_LINE} from '../lang/furniture.js'
import {isStampOnlyLine} from '../lang/papers.js'
import {importPdfJs, readPagesInParallel, type ParallelOptions} from './pdf-pages.js'
import {matchAll} from '../matches.js'

/** A page of the document, located in {@link PdfText.text}. */
export interface PdfPage {
  /** 1-based page number. */
  number: number
  /**
   * Offset in `text` where the page starts. For every page after the first,
   * `text[start]` is the form feed `\f` that begins the page's first line.
   */
  start: number
  /** Offset in `text` just after the page's last character (before the `\n` that ends its last line). */
  end: number
  /** Page width in points, as displayed (after the page's /Rotate). */
  width: number
  /** Page height in points, as displayed (after the page's /Rotate). */
  height: number
}

/**
 * One text line of the output. Blank lines inserted for paragraph spacing
 * are not listed. `text.slice(start, end)` is the whole line; on the first
 * line of a page after the first, that includes the leading `\f`.
 */
export interface PdfLine {
  /** 1-based page number. */
  page: number
  /** Offset in `text` where the line starts. */
  start: number
  /** Offset in `text` just after the line's last character (its `\n` is not included). */
  end: number
  /** Left edge of the line, in points from the left of the page. */
  x: number
  /** Baseline of the line, in points from the top of the page. */
  y: number
  /** Largest font size on the line, in points. */
  height: number
  /**
   * A heading candidate: a short line without a sentence end, set larger
   * than the page's body text or in (overprinted) bold. The text has a
   * blank line before and after it.
   */
  heading: boolean
  /**
   * The line stands at the same place with the same words (digits aside)
   * on most pages: a letterhead, running header or footer, page number.
   */
  repeated: boolean
  /**
   * A line of a table that holds more words of a cell of the row above it
   * (no column gap on it): the 0-based column the words stand in. Absent on
   * rows and on lines outside tables.
   */
  column?: number
  /**
   * With `column`: the words are the first of that column's cell of the row
   * below, not the row above (a cell set in the middle of its row's height,
   * its words over and under the row's other cells).
   */
  cellBelow?: boolean
  /**
   * A table row at the top of a page that begins a table of its own: the
   * table at the foot of the page before has as many columns, but they
   * stand elsewhere (see `columnsAgree`), so the rows are not its rows.
   */
  tableStart?: boolean
}

/** What {@link readPdf} returns. */
export interface PdfText {
  /**
   * Whole document text: one line per text line, blank lines for paragraph
   * spacing, each page after the first starting with `\f`; ends with `\n`
   * unless empty.
   */
  text: string
  /** One entry per page, in order. */
  pages: PdfPage[]
  /** One entry per text line, in order. */
  lines: PdfLine[]
  /**
   * true when no page has a real text layer (only a stamp or nothing): the PDF needs OCR.
   * Precisely: fewer than 20 non-whitespace characters per page on average,
   * once lines holding only a paper-number stamp (`立法會CB(3)710/2026(11)號文件`)
   * are left out. A PDF with no pages counts as scanned.
   */
  scanned: boolean
  /**
   * 1-based numbers of the pages that have fewer than 20 non-whitespace
   * characters besides paper-number stamps: scanned pages inside a PDF that
   * otherwise has text, or blank pages. When `scanned` is true, most or all pages are listed.
   */
  textlessPages: number[]
  /**
   * The file's named destinations (the links a table of contents or a
   * Hansard's `SP_…` speech anchors point to), each at the line it points to;
   * in the order of the text. Empty when the file has none.
   */
  destinations: PdfDestination[]
}

/** A named destination of the file, placed in the text. */
export interface PdfDestination {
  name: string
  /** 1-based page. */
  page: number
  /** Offset in `text` of the start of the line the destination points at (the first line at or below its top). */
  offset: number
}

/** Why a PDF could not be read. The message is one line, meant for the user. */
export class PdfError extends Error {
  /** `encrypted`: needs a password; `corrupt`: not a PDF, or damaged beyond reading. */
  readonly code: 'encrypted' | 'corrupt'

  constructor(code: 'encrypted' | 'corrupt', message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.name = 'PdfError'
    this.code = code
  }
}

/** A text item placed in display space (origin top left, y down). */
interface Item {
  str: string
  /** Left end of the baseline. */
  x: number
  /** Baseline. */
  y: number
  /** Advance width. */
  w: number
  /** Font size. */
  fs: number
  /** The item ran along the baseline direction of the page (not rotated or vertical). */
  horizontal: boolean
  /** Item text began / ended with a space (removed from `str`). */
  spaceBefore: boolean
  spaceAfter: boolean
}

/** A rebuilt line before it is placed into the text. */
interface RawLine {
  str: string
  x: number
  /** Right end of the line's last run, in points from the left of the page. */
  right: number
  y: number
  height: number
  /** Every run of the line was drawn twice at about the same place (fake bold). */
  bold: boolean
  /** The line starts with a superscript number (a note's own number): its digits. */
  noteNumber?: string
  /**
   * A table row (the line has column gaps, written as tabs): the left and
   * right ends of each of its cells, in the order of `str`'s tab-separated
   * parts.
   */
  cells?: Array<[number, number]>
  /** A cell's wrapped words under a table row: the 0-based column they stand in. */
  column?: number
  /** Those words are the first of a cell of the row below (set in the middle of its row's height), not the row's above. */
  cellBelow?: boolean
  /** A row at the top of a page that begins a table of its own, not the page before's table going on. */
  tableStart?: boolean
}

/** A page's lines, before the document is laid out (what a page worker of pdf-pages.ts hands back). */
export interface RawPage {
  width: number
  height: number
  lines: RawLine[]
}

// Minimal view of the pdf.js API used here (the package's types are heavy).
interface PdfJsTextItem {
  str: string
  transform: number[]
  width: number
  height: number
}
interface PdfJsPage {
  rotate: number
  getViewport(options: {scale: number}): {width: number; height: number; transform: number[]}
  getTextContent(options?: {includeMarkedContent?: boolean}): Promise<{
    items: Array<PdfJsTextItem | {type: string}>
    styles: Record<string, {vertical?: boolean}>
  }>
  cleanup(): boolean
}
export interface PdfJsDocument {
  numPages: number
  getPage(n: number): Promise<PdfJsPage>
  getDestinations(): Promise<Record<string, unknown[] | null>>
  getPageIndex(ref: unknown): Promise<number>
  destroy(): Promise<void>
}
interface PdfJs {
  getDocument(src: Record<string, unknown>): {promise: Promise<PdfJsDocument>; destroy(): Promise<void>}
}

let pdfjsPromise: Promise<{pdfjs: PdfJs; dir: string}> | undefined

function loadPdfJs(): Promise<{pdfjs: PdfJs; dir: string}> {
  pdfjsPromise ??= (async () => {
    const require = createRequire(import.meta.url)
    const dir = path.dirname(require.resolve('pdfjs-dist/package.json'))
    const pdfjs = await importPdfJs(async () => {
      const api = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs
      // The worker side, loaded here rather than by the first document (so that importPdfJs sees it load).
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
      return api
    })
    return {pdfjs, dir}
  })().catch((error: unknown) => {
    pdfjsPromise = undefined // let a later call try again
    throw error
  })
  return pdfjsPromise
}

// CJK: ideographs, radicals, kana, hangul, bopomofo, CJK punctuation and
// symbols, full-width forms, and ○ (written for zero in dates). Between two of
// these a gap is not a space (letter spacing), unless it is as wide as a column gap.
const CJK_CLASS =
  '\\u25CB\\u2E80-\\u2FFF\\u3000-\\u303F\\u3040-\\u30FF\\u3100-\\u31FF\\u3200-\\u33FF\\u3400-\\u4DBF\\u4E00-\\u9FFF' +
  '\\uA960-\\uA97F\\uAC00-\\uD7FF\\uF900-\\uFAFF\\uFE10-\\uFE1F\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u{20000}-\\u{3FFFF}'
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u')
const SPACES_BETWEEN_CJK = new RegExp(`(?<=[${CJK_CLASS}])\\s+(?=[${CJK_CLASS}])`, 'gu')

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch)
}

function firstChar(s: string): string | undefined {
  const cp = s.codePointAt(0)
  return cp === undefined ? undefined : String.fromCodePoint(cp)
}

function lastChar(s: string): string | undefined {
  if (s.length === 0) return undefined
  const last = s.charCodeAt(s.length - 1)
  // Low surrogate: take the pair.
  return last >= 0xdc00 && last <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1)
}

/** Multiply two affine matrices `[a, b, c, d, e, f]` (pdf.js order: m1 × m2). */
function mul(m1: number[], m2: number[]): number[] {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m1
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = m2
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1]
}

/** The q-quantile (0..1) of some numbers, by linear interpolation; NaN when there are none. */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

function median(values: number[]): number {
  return quantile(values, 0.5)
}

/**
 * The usual distance between two lines of one paragraph, from the baseline
 * distances of a page. Mostly the median; but on a page made of short
 * paragraphs (a cover letter: one-line paragraphs with space between them)
 * the median is the paragraph spacing, so a low quantile is taken when it is
 * much smaller.
 */
function usualPitch(values: number[]): number {
  const mid = median(values)
  const low = quantile(values, 0.25)
  return low < mid / 1.8 ? low : mid
}

/** Turn pdf.js text items into display-space items. */
function placeItems(rawItems: Array<PdfJsTextItem | {type: string}>, styles: Record<string, {vertical?: boolean}>, viewportTransform: number[]): Item[] {
  const items: Item[] = []
  for (const raw of rawItems) {
    if (!('str' in raw)) continue
    const text = raw.str
    if (!/[^\s\u0000-\u001F\u007F]/u.test(text)) continue // empty EOL markers and pdf.js gap spaces
    const m = mul(viewportTransform, raw.transform)
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m
    const fontName = (raw as {fontName?: string}).fontName
    const vertical = fontName !== undefined && styles[fontName]?.vertical === true
    let fs = Math.hypot(c, d)
    if (!(fs > 0)) fs = Math.hypot(a, b) || 1
    const horizontal = !vertical && a > 0 && Math.abs(b) <= 0.05 * a
    // Control characters (a stray form feed would fake a page break) become spaces;
    // compatibility ideographs (Kangxi radicals a font mapped its glyphs to) the ideographs they stand for;
    // the Symbol font's private-use bullet U+F0B7 a bullet.
    const str = foldCompatibilityIdeographs(text.replace(/[\s\u0000-\u001F\u007F]+/gu, ' ')).replace(/\uF0B7/g, '\u2022')
    items.push({
      str: str.trim().replace(SPACES_BETWEEN_CJK, ''),
      x: e,
      y: f,
      w: raw.width,
      fs,
      horizontal,
      spaceBefore: str.startsWith(' '),
      spaceAfter: str.endsWith(' ')
    })
  }
  return items
}

/**
 * Between two items of a line (sorted by x): does the gap end the line? Only
 * for a wide gap between runs that were placed separately (different
 * baseline or font size), such as a page number beside a running header.
 * Table cells on one baseline stay together.
 */
function splitsLine(prev: Item, item: Item): boolean {
  const gap = item.x - (prev.x + prev.w)
  const fs = Math.max(prev.fs, item.fs)
  return gap > 4 * fs && (Math.abs(item.y - prev.y) >= 1 || Math.abs(item.fs - prev.fs) >= 0.3)
}

/** Bullet glyphs that start a list item: a space always follows them. */
const BULLET_GLYPH = /^[\u2022\u25CF\u25AA\u25A0\u25C6\u2B27\u27A2\u25BA\u2023\u2043\u25E6]$/u
/** A note reference as a superscript: `4`, `[4]`, `4,5`. */
const NOTE_MARK = /^\[?(\d{1,3}(?:\s*[,\uFF0C]\s*\d{1,3})*)\]?$/u

/**
 * Is this item a superscript note mark on a line whose baseline and font
 * size are `refY` and `refFs`: a number in a smaller font, raised above
 * the baseline.
 */
function isSuperscript(item: Item, refY: number, refFs: number): boolean {
  return item.fs <= 0.8 * refFs && refY - item.y >= 0.2 * refFs && NOTE_MARK.test(item.str)
}

/** The result of joining a line's items. */
interface Joined {
  str: string
  bold: boolean
  noteNumber?: string
  cells?: Array<[number, number]>
}

/**
 * Join the items of one line (sorted by x) into a string. A superscript
 * number after a word becomes a Markdown footnote reference `[^4]` (the
 * parser reads those); one at the start of the line is the note's own
 * number and is returned apart.
 */
function joinLine(items: Item[], refY = NaN, refFs = NaN): Joined {
  let out = ''
  let prev: Item | undefined
  let drawn = 0
  let doubled = 0
  let noteNumber: string | undefined
  // The cells parted by column gaps: left and right ends.
  const cells: Array<[number, number]> = []
  for (const item of items) {
    if (item.str.length === 0) continue
    if (prev) {
      // Overprinted duplicate (fake bold): same text drawn again at about the same place.
      if (item.str === prev.str && Math.abs(item.x - prev.x) < 0.3 * item.fs) {
        doubled += item.str.length
        continue
      }
    }
    drawn += item.str.length
    if (isSuperscript(item, refY, refFs) && !(prev && /[A-Za-z]$/.test(prev.str) && /^[23]$/.test(item.str))) {
      const numbers = NOTE_MARK.exec(item.str)![1]!.split(/\s*[,\uFF0C]\s*/u)
      if (out.length === 0) noteNumber = numbers.join(',')
      else out += numbers.map((n) => `[^${n}]`).join('')
      prev = item
      continue
    }
    if (prev && out.length > 0) {
      const gap = item.x - (prev.x + prev.w)
      const fs = Math.max(prev.fs, item.fs)
      const bothCjk = isCjk(lastChar(prev.str)) && isCjk(firstChar(item.str))
      // Between CJK characters only a column-wide gap (a table, a tab stop) is a space;
      // letter spacing is not.
      const space = bothCjk ? gap > 3 * fs : gap > 0.25 * fs || prev.spaceAfter || item.spaceBefore || BULLET_GLYPH.test(prev.str)
      // A gap several characters wide on one baseline is a column gap: a tab, so the parser sees table cells.
      if (gap > 4 * fs) {
        out += '\t'
        cells.push([item.x, item.x + item.w])
      } else if (space) out += ' '
    } else if (out.length === 0) cells.push([item.x, item.x + item.w])
    out += item.str
    const cell = cells[cells.length - 1]
    if (cell) cell[1] = Math.max(cell[1], item.x + item.w)
    prev = item
  }
  // A bullet that pdf.js ran together with its words: a space after it, so the parser sees a list item.
  if (BULLET_GLYPH.test(firstChar(out) ?? '') && out.length > 1 && !/\s/u.test(out[1]!)) out = `${out[0]} ${out.slice(1)}`
  const joined: Joined = {str: out, bold: drawn > 0 && doubled >= drawn * 0.8}
  if (cells.length > 1) joined.cells = cells
  if (noteNumber !== undefined && out.length > 0) joined.noteNumber = noteNumber
  else if (noteNumber !== undefined) joined.str = noteNumber
  return joined
}

/** Group items into lines by baseline, each sorted left to right, top to bottom. */
function buildLines(items: Item[]): RawLine[] {
  const lines: RawLine[] = []
  const horizontal = items.filter((it) => it.horizontal)
  horizontal.sort((p, q) => p.y - q.y || p.x - q.x)
  let group: Item[] = []
  let refY = 0
  let refFs = 0
  const emit = (run: Item[]): void => {
    const joined = joinLine(run, refY, refFs)
    if (joined.str.length === 0) return
    const line: RawLine = {
      str: joined.str,
      x: run[0]!.x,
      right: Math.max(...run.map((it) => it.x + it.w)),
      y: refY,
      height: Math.max(...run.map((it) => it.fs)),
      bold: joined.bold
    }
    if (joined.noteNumber !== undefined) line.noteNumber = joined.noteNumber
    if (joined.cells) line.cells = joined.cells
    lines.push(line)
  }
  const flush = (): void => {
    if (group.length === 0) return
    group.sort((p, q) => p.x - q.x)
    let run: Item[] = []
    for (const item of group) {
      const prev = run[run.length - 1]
      if (prev && splitsLine(prev, item)) {
        emit(run)
        run = []
      }
      run.push(item)
    }
    emit(run)
    group = []
  }
  for (const item of horizontal) {
    if (group.length > 0 && Math.abs(item.y - refY) <= 0.4 * Math.max(refFs, item.fs)) {
      group.push(item)
      // The biggest run on the line sets its baseline (superscripts follow it).
      if (item.fs > refFs * 1.05) {
        refY = item.y
        refFs = item.fs
      }
      continue
    }
    flush()
    group = [item]
    refY = item.y
    refFs = item.fs
  }
  flush()
  // Rotated or vertical runs: one line each, placed by their starting point.
  for (const item of items) {
    if (!item.horizontal && item.str.length > 0) {
      lines.push({str: item.str, x: item.x, right: item.x, y: item.y, height: item.fs, bold: false})
    }
  }
  lines.sort((p, q) => p.y - q.y || p.x - q.x)
  return lines
}

/** Distances between consecutive baselines of a page. */
function pitches(lines: RawLine[]): number[] {
  const out: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.y - lines[i - 1]!.y
    if (d > 0) out.push(d)
  }
  return out
}

const isStampLine = isStampOnlyLine

/** Below this many non-whitespace characters (stamp lines aside) a page has no real text layer. */
const TEXT_CHARS_PER_PAGE = 20

/** Non-whitespace characters of a page's lines, paper-number stamps left out. */
function textChars(page: RawPage): number {
  let chars = 0
  for (const line of page.lines) {
    if (isStampLine(line.str)) continue
    for (const ch of line.str) if (!/\s/u.test(ch)) chars++
  }
  return chars
}

/** The page's left margin: where most lines start (a low quantile of their x, so indented lines do not pull it). */
function leftMargin(lines: RawLine[]): number {
  if (lines.length === 0) return 0
  const xs = lines.map((line) => line.x).sort((a, b) => a - b)
  return xs[Math.floor(xs.length * 0.2)]!
}

const SENTENCE_END = SENTENCE_PUNCTUATION_END

/**
 * A paragraph that starts with an indented first line at normal line
 * spacing: the line before ended a sentence at the margin, this one starts
 * one or a few characters in.
 */
function firstLineIndent(prev: RawLine, line: RawLine, margin: number, fontSize: number): boolean {
  const indent = line.x - margin
  return indent > 1.2 * fontSize && indent < 4.5 * fontSize && Math.abs(prev.x - margin) < 0.5 * fontSize && SENTENCE_END.test(prev.str)
}

/** Where a page's body text stands: its left margin, body font size, and measure (where its lines end on the right). */
interface Layout {
  margin: number
  fontSize: number
  measure: number
}

/** A line of running text: it starts at the margin and is not a table row (no column gap). */
function atMargin(line: RawLine, layout: Layout): boolean {
  return Math.abs(line.x - layout.margin) < 0.5 * layout.fontSize && !line.str.includes('\t')
}

/** At least this many body lines on a page for its own measure; fewer take the document's (pages of the same width). */
const MEASURE_LINES = 5

/**
 * Each page's layout. The measure is a high quantile of the right ends of
 * the lines at the margin (a ragged right edge reaches it on most full
 * lines; a stamp or a right-aligned line stands apart); pages with few such
 * lines take the measure of all pages of their width.
 */
function layouts(rawPages: RawPage[], repeated: Set<RawLine>, inTables: Set<RawLine>): Layout[] {
  const partial = rawPages.map((page) => {
    // The running text: a table's lines (a column's short cells, rows in a smaller font) would pull the margin, size and measure.
    const text = page.lines.filter((line) => !inTables.has(line))
    const lines = text.length > 0 ? text : page.lines
    const fontSize = median(lines.map((l) => l.height))
    const layout: Layout = {margin: leftMargin(lines), fontSize, measure: NaN}
    const rights = lines.filter((line) => !repeated.has(line) && atMargin(line, layout)).map((line) => line.right)
    return {layout, rights, width: Math.round(page.width)}
  })
  return partial.map(({layout, rights, width}) => {
    const all = rights.length >= MEASURE_LINES ? rights : partial.filter((p) => p.width === width).flatMap((p) => p.rights)
    layout.measure = all.length >= MEASURE_LINES ? quantile(all, 0.9) : NaN
    return layout
  })
}

/**
 * A paragraph that ends on a line stopping short of the measure, with no
 * vertical gap and no indent to show it: the line ends a sentence, and the
 * first word (a Chinese character with the punctuation that may not begin
 * a line) of the next line would have fit in the room left on it, so the
 * writer broke the line, not the measure. Only between full lines of
 * running text: the three lines at the margin, and the lines before and
 * after the short one reaching the measure (a list of short lines, a table
 * column, a page number or heading after a page break are left alone). `prev` and `before` are laid out by `prevLayout` (the page
 * before, across a page break).
 */
function endsShort(before: RawLine | undefined, prev: RawLine, line: RawLine, prevLayout: Layout, layout: Layout): boolean {
  const {measure, fontSize} = prevLayout
  if (!before || !Number.isFinite(measure) || !PARAGRAPH_END.test(prev.str)) return false
  if (!atMargin(before, prevLayout) || !atMargin(prev, prevLayout) || !atMargin(line, layout)) return false
  if (before.right < measure - 2 * fontSize || line.right < layout.measure - 2 * layout.fontSize) return false
  const text = line.str.replace(REFERENCE_MARK, '')
  const cells = displayWidth(text)
  if (cells === 0) return false
  const start = lineStartUnit(text)
  let unit = ((line.right - line.x) / cells) * displayWidth(start)
  // A word of Latin letters: a space before it, and room for a word wider than the line's average (capitals, `m`, `w`).
  if (!isCjk(firstChar(start)) || !isCjk(lastChar(prev.str))) unit = unit * 1.25 + 0.3 * fontSize
  return measure - prev.right >= unit
}

/**
 * A block that ends where the next line starts to the left of it: the line
 * before ran in an indented block (the wrapped lines of a bullet or a
 * numbered item, hanging under its words, or an indented passage), and the
 * next line starts left of the block's own first line, at the margin: a
 * paragraph after the item, not its continuation. `lines[last]` is the line
 * before (on the page before, across a page break); the block is the run of
 * lines at its indent above it, at the normal line pitch, with the line that
 * heads them if it stands further left (the bullet's own line).
 */
function outdented(lines: RawLine[], last: number, line: RawLine, prevLayout: Layout, layout: Layout): boolean {
  const prev = lines[last]!
  const {margin, fontSize} = prevLayout
  const indent = prev.x - margin
  if (indent < 0.8 * fontSize || indent > 6 * fontSize || prev.str.includes('\t')) return false
  if (!(line.x < prev.x - 0.8 * fontSize) || !atMargin(line, layout)) return false
  // The run of lines at the indent, and the line that heads it.
  let first = last
  while (first > 0) {
    const above = lines[first - 1]!
    if (Math.abs(above.x - prev.x) > 0.5 * fontSize || above.str.includes('\t') || lines[first]!.y - above.y > 1.6 * fontSize) break
    first--
  }
  const head = first > 0 ? lines[first - 1]! : undefined
  const close = head !== undefined && lines[first]!.y - head.y <= 1.6 * fontSize
  // Under a table row: the run is a column of the table.
  if (close && head.str.includes('\t')) return false
  if (close && head.x < prev.x - 0.5 * fontSize) return line.x < head.x - 0.5 * fontSize
  // An indented passage of its own: at least two lines.
  return last > first
}

/**
 * Lines at the same place with the same words (digits masked) on most
 * pages: a letterhead, a running header or footer, page numbers. Counted
 * over the pages from the first to the last on which the line stands, so a
 * letterhead of one paper in a bundle counts on that paper's pages; at
 * least three pages, and at least 60% of that stretch.
 */
function repeatedLines(rawPages: RawPage[]): Set<RawLine> {
  const groups = new Map<string, {pages: Set<number>; lines: RawLine[]}>()
  rawPages.forEach((page, index) => {
    for (const line of page.lines) {
      const key = `${Math.round(line.y / 3)}|${Math.round(line.x / 6)}|${line.str.replace(/\s+/g, '').replace(/\d+/g, '#')}`
      let group = groups.get(key)
      if (!group) groups.set(key, (group = {pages: new Set(), lines: []}))
      group.pages.add(index)
      group.lines.push(line)
    }
  })
  const out = new Set<RawLine>()
  for (const group of groups.values()) {
    if (group.pages.size < 3) continue
    const numbers = [...group.pages]
    const span = Math.max(...numbers) - Math.min(...numbers) + 1
    if (group.pages.size < span * 0.6) continue
    for (const line of group.lines) out.add(line)
  }
  return out
}

/** A superscript reference already in the text: `[^4]`. */
const REFERENCE_MARK = /\[\^(\d{1,3})\]/g
/** A note of an endnote list written with its number in brackets: `[4] https://…`. */
const BRACKETED_NOTE = /^\[(\d{1,3})\]\s*(?=\S)/u

/**
 * Note definitions: a line that starts with a superscript number, or with
 * `[n]`, where `[^n]` was referenced before, becomes `[^n]: words` (the
 * Markdown form the parser reads as a footnote); the lines that carry on its
 * words (no gap, not a new note, not further left) are joined to it.
 * Unreferenced superscript numbers at a line start get their number back.
 */
function noteDefinitions(rawPages: RawPage[]): void {
  const referenced = new Set<string>()
  for (const page of rawPages) {
    const kept: RawLine[] = []
    let note: RawLine | null = null
    let noteX = 0
    for (const line of page.lines) {
      const bracketed = line.noteNumber === undefined ? BRACKETED_NOTE.exec(line.str) : null
      const number = line.noteNumber ?? bracketed?.[1]
      if (number?.split(',').every((n) => referenced.has(n))) {
        const words = bracketed ? line.str.slice(bracketed[0].length) : line.str
        note = {...line, str: `[^${number.split(',')[0]}]: ${words}`}
        delete note.noteNumber
        noteX = line.x
        kept.push(note)
        continue
      }
      if (line.noteNumber !== undefined) {
        line.str = `${line.noteNumber} ${line.str}`
        delete line.noteNumber
      }
      const last = kept[kept.length - 1]
      if (note && last === note && line.y - note.y < 1.6 * note.height && line.x >= noteX - 1 && line.height <= note.height * 1.1) {
        note.str += (isCjk(lastChar(note.str)) && isCjk(firstChar(line.str)) ? '' : ' ') + line.str
        note.y = line.y
        continue
      }
      note = null
      for (const match of matchAll(REFERENCE_MARK, line.str)) referenced.add(match[1]!)
      kept.push(line)
    }
    page.lines = kept
  }
}

/** A table on a page: its rows (lines with column gaps) and the columns they make. */
interface TableRun {
  rows: RawLine[]
  /** Each column's left and right ends, over the rows with the most cells. */
  columns: Array<[number, number]>
  /** The run's first and last lines, rows or the wrapped words of a cell. */
  first: RawLine
  last: RawLine
  /** All its lines: the rows and the wrapped words of their cells. */
  lines: RawLine[]
}

/** How far two spans overlap (negative: the distance between them). */
function overlap(a: [number, number], b: [number, number]): number {
  return Math.min(a[1], b[1]) - Math.max(a[0], b[0])
}

/**
 * The columns that the cells of a row stand in, left to right: each cell in
 * the one column it overlaps (or, overlapping none, the nearest within two
 * characters). Null when a cell overlaps two columns or none near, or two
 * cells share one: the row is not of these columns.
 */
function placeCells(cells: ReadonlyArray<[number, number]>, columns: ReadonlyArray<[number, number]>, fontSize: number): number[] | null {
  const placed: number[] = []
  for (const cell of cells) {
    let best = -1
    let bestOverlap = -2 * fontSize
    let touching = 0
    columns.forEach((column, j) => {
      const o = overlap(cell, column)
      if (o > 0) touching++
      if (o > bestOverlap) {
        bestOverlap = o
        best = j
      }
    })
    if (best < 0 || touching > 1 || (placed.length > 0 && best <= placed[placed.length - 1]!)) return null
    placed.push(best)
  }
  return placed
}

/**
 * How far a column may stand from where it stood on the page before and be
 * the same column, in font sizes: half the narrowest gap that parts two
 * columns (a gap of three characters, see the module's comment), so that a
 * column shifted less than this cannot have moved into its neighbour's gap,
 * and a column printed again in the same table (the same cell padding, a
 * glyph or two wider in bold) stays well inside it.
 */
const COLUMN_TOLERANCE = 1.5

/**
 * Do two tables' columns stand at the same places (a table going on over a
 * page break, not another table of as many columns)? A column's extent is
 * that of its cells' words, so one of its ends or its middle is fixed by how
 * its cells are aligned: the left end for text set to the left, the right
 * end for figures set to the right, the middle for centred cells (each
 * cell's middle is the column's, and so is the middle of all of them). Each
 * column must agree at one of the three within the tolerance.
 */
function columnsAgree(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>, fontSize: number): boolean {
  const tolerance = COLUMN_TOLERANCE * fontSize
  return (
    a.length === b.length &&
    a.every(
      ([left, right], j) =>
        Math.abs(left - b[j]![0]) <= tolerance ||
        Math.abs(right - b[j]![1]) <= tolerance ||
        Math.abs((left + right) / 2 - (b[j]![0] + b[j]![1]) / 2) <= tolerance
    )
  )
}

/** The columns of a row that has the most cells, grown by another such row. */
function widen(columns: Array<[number, number]>, cells: ReadonlyArray<[number, number]>): void {
  columns.forEach((column, j) => {
    column[0] = Math.min(column[0], cells[j]![0])
    column[1] = Math.max(column[1], cells[j]![1])
  })
}

/**
 * The tables of a page's body lines: runs of rows whose cells stand in the
 * same columns, with the lines between them that stand inside one column
 * (a cell's wrapped words). A line across columns (running text), or a row
 * whose cells do not fit the columns, ends a run.
 */
function tableRuns(lines: readonly RawLine[], fontSize: number): TableRun[] {
  const runs: TableRun[] = []
  let run: TableRun | null = null
  for (const line of lines) {
    const cells = line.cells
    if (cells && cells.length === line.str.split('\t').length) {
      if (run) {
        const columns = run.columns
        const fits =
          cells.length < columns.length
            ? placeCells(cells, columns, fontSize) !== null
            : cells.length === columns.length
              ? placeCells(cells, columns, fontSize)?.every((j, k) => j === k) === true
              : run.rows.every((row) => placeCells(row.cells!, cells, fontSize))
        if (fits) {
          if (cells.length === columns.length) widen(columns, cells)
          else if (cells.length > columns.length) run.columns = cells.map(([left, right]) => [left, right])
          run.rows.push(line)
          run.lines.push(line)
          run.last = line
          continue
        }
      }
      run = {rows: [line], columns: cells.map(([left, right]) => [left, right]), first: line, last: line, lines: [line]}
      runs.push(run)
      continue
    }
    // Words inside one column, close under the run: a cell's wrapped lines.
    if (run && line.y - run.last.y < 3 * fontSize && placeCells([[line.x, line.right]], run.columns, fontSize)) {
      run.lines.push(line)
      run.last = line
      continue
    }
    run = null
  }
  return runs
}

/**
 * Empty cells of PDF tables, put back: a row with fewer cells than its
 * table's columns (a blank corner over the row heads, a blank cell in the
 * middle or at the end) gets a tab for each column it has nothing in, so
 * that every row has the table's columns (the tokeniser reads each tab of
 * a PDF's line as a cell boundary). A table that runs to the foot of its
 * page and goes on at the top of the next one in the same columns is one
 * table: the rows of the next page are placed in its columns, even where
 * none of them fills every column. `foot` is whether a page's last body
 * line stands at the foot of the page's text. Returns the lines of the
 * tables (rows and the wrapped words of their cells).
 */
function tableColumns(content: readonly RawLine[][], fontSizes: readonly number[], foot: readonly boolean[]): Set<RawLine> {
  const inTables = new Set<RawLine>()
  let carried: TableRun | null = null
  content.forEach((lines, index) => {
    const fontSize = fontSizes[index]!
    const runs = tableRuns(lines, fontSize)
    runs.forEach((run, r) => {
      // A single row with no wrapped lines is no table of its own (a line with a tab stop).
      if (run.lines.length > 1) for (const line of run.lines) inTables.add(line)
      // Going on from the page before: the run opens the page, and each of its rows fits the table's columns (as many
      // columns: the same ones, standing where the table's stood). A run there that does not go on is a table of its own.
      if (r === 0 && carried && run.first === lines[0]) {
        const columns = carried.columns
        const goesOn =
          carried.columns.length > run.columns.length
            ? run.rows.every((row) => placeCells(row.cells!, columns, fontSize))
            : columnsAgree(columns, run.columns, fontSize)
        if (goesOn) run.columns = columns.map(([left, right]) => [left, right])
        else run.first.tableStart = true
      }
      // A cell's wrapped words: the column they stand in.
      if (run.columns.length > 1)
        for (const line of run.lines) {
          if (line.cells) continue
          const placed = placeCells([[line.x, line.right]], run.columns, fontSize)
          if (placed) line.column = placed[0]!
        }
      for (const row of run.rows) {
        const cells = row.cells!
        if (cells.length >= run.columns.length) continue
        const placed = placeCells(cells, run.columns, fontSize)
        if (!placed) continue
        const parts = row.str.split('\t')
        const out = run.columns.map(() => '')
        placed.forEach((j, k) => {
          out[j] = parts[k]!
        })
        row.str = out.join('\t')
      }
      // A cell set in the middle of its row's height: its words over and under the row's line, the row's part of that
      // column empty. The words over the line are the row's, not the row's above.
      run.lines.forEach((over, k) => {
        const row = run.lines[k + 1]
        const under = run.lines[k + 2]
        const column = over.column
        if (column === undefined || !row?.cells || under?.column !== column || row.str.split('\t')[column] !== '') return
        const above = row.y - over.y
        const below = under.y - row.y
        if (above < 1.6 * fontSize && below < 1.6 * fontSize && Math.abs(above - below) <= 0.3 * Math.max(above, below)) over.cellBelow = true
      })
    })
    const last = runs[runs.length - 1]
    carried = last && last.last === lines[lines.length - 1] && foot[index] ? last : null
  })
  return inTables
}

/** Lay pages out into one text with offsets. */
function assemble(rawPages: RawPage[]): PdfText {
  noteDefinitions(rawPages)
  const docPitch = usualPitch(rawPages.flatMap((p) => pitches(p.lines)))
  const repeated = repeatedLines(rawPages)
  const wideGap = wideGapOf(rawPages, docPitch)
  // The lowest line of text on any page, furniture aside: a page whose text stops well above it ends a paragraph.
  const bottoms = rawPages.map((page) => {
    const content = page.lines.filter((line) => !repeated.has(line))
    return content.length > 0 ? content[content.length - 1]!.y : NaN
  })
  const textBottom = Math.max(...bottoms.filter(Number.isFinite))
  // The body lines of each page: furniture left out, and what stands on its baselines (a page number beside a running header).
  const content = rawPages.map((page) => {
    const furniture = page.lines.filter((line) => repeated.has(line)).map((line) => line.y)
    return page.lines.filter((line) => !furniture.some((y) => Math.abs(line.y - y) < 0.4 * line.height))
  })
  // Tables: empty cells put back, and a table going on over a page break kept in its columns.
  const body = content.map((lines) => lines.filter((line) => !PAGE_NUMBER_LINE.test(line.str.trim())))
  const footPitch = Number.isFinite(docPitch) ? docPitch : 14
  const foot = body.map((lines) => lines.length > 0 && textBottom - lines[lines.length - 1]!.y <= 4 * footPitch)
  const inTables = tableColumns(
    body,
    rawPages.map((page) => median(page.lines.map((l) => l.height))),
    foot
  )
  const layout = layouts(rawPages, repeated, inTables)
  const parts: string[] = []
  let offset = 0
  const pages: PdfPage[] = []
  const lines: PdfLine[] = []
  const push = (s: string): void => {
    parts.push(s)
    offset += s.length
  }
  rawPages.forEach((page, index) => {
    const number = index + 1
    if (index > 0) {
      // The page before ended short of the others' text bottom (a picture or the end of a part below): its last paragraph ended there.
      const before = bottoms[index - 1]!
      const pitch = Number.isFinite(docPitch) ? docPitch : 14
      const last = content[index - 1]!
      const next = content[index]![0]
      const shortBefore =
        next !== undefined &&
        last.length > 0 &&
        (endsShort(last[last.length - 2], last[last.length - 1]!, next, layout[index - 1]!, layout[index]!) ||
          outdented(last, last.length - 1, next, layout[index - 1]!, layout[index]!))
      if (parts.length > 0 && next !== undefined && ((Number.isFinite(before) && textBottom - before > 4 * pitch) || shortBefore)) push('\n\n')
      push('\n')
    }
    const start = offset
    const own = pitches(page.lines)
    const fontSize = median(page.lines.map((l) => l.height))
    // The page's usual line pitch; pages with few lines borrow the document's.
    let usual = own.length >= 5 ? usualPitch(own) : Number.isFinite(docPitch) ? docPitch : 1.5 * fontSize
    if (!Number.isFinite(usual)) usual = 1.5 * fontSize
    const margin = leftMargin(page.lines)
    const heading = page.lines.map((line) => isHeadingCandidate(line, fontSize, margin, page.width))
    let gapAfterPrevious = false
    page.lines.forEach((line, i) => {
      let prefix = i === 0 && index > 0 ? '\f' : ''
      if (i > 0) {
        const prev = page.lines[i - 1]!
        const pitch = line.y - prev.y
        // Paragraph spacing: clearly more than the usual pitch, allowing for a bigger font.
        const allowance = Math.max(0, line.height - fontSize) + Math.max(0, prev.height - fontSize) * 0.5
        // Inside a table, the first words of a cell set in the middle of its row go on with the table (the row takes them).
        const centred = line.cellBelow === true && inTables.has(prev)
        if (centred) {
          push('\n')
        } else if (pitch > usual * 1.3 + allowance && pitch - usual > 0.4 * fontSize) {
          push('\n\n')
          // Wider than the document's paragraph spacing too: a second blank line, which ends a block for sure.
          if (pitch > wideGap + allowance) push('\n')
        } else if (
          firstLineIndent(prev, line, margin, fontSize) ||
          endsShort(page.lines[i - 2], prev, line, layout[index]!, layout[index]!) ||
          outdented(page.lines, i - 1, line, layout[index]!, layout[index]!) ||
          // A heading candidate stands apart from the lines around it.
          heading[i] ||
          gapAfterPrevious
        )
          push('\n\n')
        else push('\n')
      }
      gapAfterPrevious = heading[i]!
      const lineStart = offset
      push(prefix + line.str)
      prefix = ''
      const record: PdfLine = {
        page: number,
        start: lineStart,
        end: offset,
        x: line.x,
        y: line.y,
        height: line.height,
        heading: heading[i]!,
        repeated: repeated.has(line)
      }
      if (line.column !== undefined) record.column = line.column
      if (line.cellBelow) record.cellBelow = true
      if (line.tableStart) record.tableStart = true
      lines.push(record)
    })
    if (page.lines.length === 0 && index > 0) push('\f')
    pages.push({number, start, end: offset, width: page.width, height: page.height})
  })
  if (offset > 0) push('\n')
  const counts = rawPages.map(textChars)
  const total = counts.reduce((sum, n) => sum + n, 0)
  return {
    text: parts.join(''),
    pages,
    lines,
    scanned: total < TEXT_CHARS_PER_PAGE * Math.max(1, rawPages.length),
    textlessPages: counts.flatMap((n, i) => (n < TEXT_CHARS_PER_PAGE ? [i + 1] : [])),
    destinations: []
  }
}

/**
 * A vertical gap wider than this ends a block for sure: well over the
 * document's paragraph spacing (the median of the gaps between lines that
 * are clearly more than the line pitch), and at least two and a half line
 * pitches.
 */
function wideGapOf(rawPages: RawPage[], docPitch: number): number {
  const pitch = Number.isFinite(docPitch) ? docPitch : 14
  const gaps = rawPages.flatMap((page) => pitches(page.lines)).filter((d) => d > pitch * 1.3 && d < pitch * 8)
  const spacing = gaps.length > 0 ? median(gaps) : 2 * pitch
  return Math.max(1.25 * spacing, 2.5 * pitch)
}

/**
 * A heading candidate: a short line (at most 40 characters, no sentence
 * end, not a bullet) set clearly larger than the page's body text, or
 * drawn in fake bold, that does not run to the right margin.
 */
function isHeadingCandidate(line: RawLine, fontSize: number, margin: number, pageWidth: number): boolean {
  if (!(line.height > fontSize * 1.15 || line.bold)) return false
  const text = line.str.trim()
  if (text.length === 0 || [...text].length > 40 || SENTENCE_END.test(text) || /^[\u2022\u25CF\u25AA\u2B27-]/u.test(text)) return false
  if (isStampLine(text)) return false
  return line.x + [...text].length * line.height * 0.5 < pageWidth - margin
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]!.trim() || 'unknown error'
}

/**
 * The named destinations of the file (`[page, /XYZ, left, top, zoom]`), each
 * placed at the first line of its page whose baseline is at or below its
 * top. Destinations of other forms, or that cannot be resolved, are left out:
 * they are a help for finding places, never needed to read the text.
 */
async function readDestinations(doc: PdfJsDocument, text: PdfText): Promise<PdfDestination[]> {
  let named: Record<string, unknown[] | null>
  try {
    named = await doc.getDestinations()
  } catch {
    return []
  }
  const out: PdfDestination[] = []
  for (const [name, dest] of Object.entries(named ?? {})) {
    try {
      if (!Array.isArray(dest) || (dest[1] as {name?: string} | undefined)?.name !== 'XYZ') continue
      const index = typeof dest[0] === 'number' ? dest[0] : await doc.getPageIndex(dest[0])
      const page = await doc.getPage(index + 1)
      const [, b, , d, , f] = page.getViewport({scale: 1}).transform as [number, number, number, number, number, number]
      const x = typeof dest[2] === 'number' ? dest[2] : 0
      const y = typeof dest[3] === 'number' ? dest[3] : null
      const top = y === null ? 0 : b * x + d * y + f
      const line = text.lines.find((l) => l.page === index + 1 && l.y >= top - 1)
      if (line) out.push({name, page: index + 1, offset: line.start})
    } catch {
      // An unresolvable destination: left out.
    }
  }
  return out.sort((p, q) => p.offset - q.offset)
}

/**
 * Open a PDF with pdf.js.
 *
 * @throws {PdfError} `encrypted` when the PDF needs a password, `corrupt` when
 *   it is not a PDF or cannot be read
 */
export async function openPdf(bytes: Uint8Array): Promise<PdfJsDocument> {
  const {pdfjs, dir} = await loadPdfJs()
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given, and rejects Node Buffers: pass a plain copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${dir}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${dir}/standard_fonts/`,
    wasmUrl: `${dir}/wasm/`,
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false
  })
  try {
    return await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    const name = (error as {name?: string} | null)?.name
    if (name === 'PasswordException') {
      throw new PdfError('encrypted', 'PDF is encrypted: it needs a password to be read', {cause: error})
    }
    throw new PdfError('corrupt', `PDF cannot be read: ${describe(error)}`, {cause: error})
  }
}

/** The lines of pages `first`..`last` (1-based, inclusive) of an open document. */
export async function readPages(doc: PdfJsDocument, first: number, last: number): Promise<RawPage[]> {
  const rawPages: RawPage[] = []
  for (let n = first; n <= last; n++) {
    const page = await doc.getPage(n)
    const viewport = page.getViewport({scale: 1})
    const content = await page.getTextContent({includeMarkedContent: false})
    const items = placeItems(content.items, content.styles, viewport.transform)
    rawPages.push({width: viewport.width, height: viewport.height, lines: buildLines(items)})
    page.cleanup()
  }
  return rawPages
}

/**
 * Extract the text of a PDF. The pages of a long PDF are read by several
 * threads (pdf-pages.ts); the text is the same either way.
 *
 * @param bytes the PDF file's content (not modified; a copy goes to pdf.js)
 * @param parallel how many threads may read pages (tests; the default suits the CLI)
 * @throws {PdfError} `encrypted` when the PDF needs a password, `corrupt` when
 *   it is not a PDF or cannot be read
 */
export async function readPdf(bytes: Uint8Array, parallel?: ParallelOptions): Promise<PdfText> {
  const doc = await openPdf(bytes)
  try {
    const rawPages = await readPagesInParallel(bytes, doc.numPages, (first, last) => readPages(doc, first, last), parallel)
    const text = assemble(rawPages)
    text.destinations = await readDestinations(doc, text)
    return text
  } catch (error) {
    throw new PdfError('corrupt', `PDF cannot be read: ${describe(error)}`, {cause: error})
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}
