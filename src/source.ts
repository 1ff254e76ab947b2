/**
 * The input text and a way back from offsets to line/column (and page, for
 * PDF input): the role vfile-location plays in unified.
 */
import type {Point, Position} from './tree.js'

export interface PageSpan {
  number: number
  start: number
  end: number
  /** PDF input: the file's named destinations on this page (`SP_…` in a Hansard), at the offset of the line each points to. */
  anchors?: {name: string; offset: number}[]
  /**
   * PDF input: the lines of this page that stand at the same place with the
   * same words on most pages (a letterhead, a running header or footer), by
   * the offset just after each one's last character.
   */
  repeated?: number[]
  /**
   * PDF input: the lines of this page that hold more words of a table cell
   * of the row above them, each as the offset just after its last character
   * and the 0-based column its words stand in; `-1 - column` for words that
   * begin that column's cell of the row below instead (a cell set in the
   * middle of its row's height).
   */
  cellColumns?: Array<[number, number]>
  /**
   * PDF input: the table rows at the top of this page that begin a table of
   * their own (the page before's table has as many columns, standing
   * elsewhere), by the offset of the line's start.
   */
  tableStarts?: number[]
}

export class Source {
  readonly text: string
  /** Identifiers of the footnotes found in the text: a number glued to a word is a reference only to one of these. */
  footnotes: ReadonlySet<string> = new Set()
  /** Those of them numbered in brackets: a bracketed number after a word (`誓言 (1 )`) is a reference only to one of these. */
  bracketedFootnotes: ReadonlySet<string> = new Set()
  /** The endnotes numbered in square brackets: `[4]` after a word is a reference only to one of these. */
  squareFootnotes: ReadonlySet<string> = new Set()
  private words: Set<string> | undefined
  private readonly lineStarts: Uint32Array
  private readonly pages: PageSpan[] | undefined
  /** For each page, the 1-based line (of the whole text) its first line is. */
  private readonly pageFirstLines: number[] = []
  /** The text was extracted from a PDF (it has page spans): its blank lines are measured gaps. */
  readonly paged: boolean
  /** PDF input: the column of a table that a line of a cell's wrapped words stands in, by the offset just after the line. */
  private readonly cellColumns: ReadonlyMap<number, number> | undefined
  /** PDF input: the 0-based lines that begin a table of their own at the top of a page. */
  private tableStartLines: Set<number> | undefined
  /** The last two points made, by offset (-1: none). */
  private lastOffset = -1
  private lastPoint: Point | undefined
  private otherOffset = -1
  private otherPoint: Point | undefined

  constructor(text: string, pages?: PageSpan[]) {
    this.text = text
    this.pages = pages && pages.length > 0 ? pages : undefined
    this.paged = this.pages !== undefined
    const columns = this.pages?.flatMap((page) => page.cellColumns ?? [])
    this.cellColumns = columns && columns.length > 0 ? new Map(columns) : undefined
    // The offset each line starts at: counted first, then written into a typed array (4 bytes a line, not the 8 to
    // 12 of an array grown by push; a 128,000-line paper has two Sources while it is checked; issue 10).
    const hasCR = text.includes('\r')
    const starts = new Uint32Array(countLineStarts(text, hasCR))
    let at = 1
    if (hasCR) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i)
        if (code === 10) starts[at++] = i + 1
        else if (code === 13) {
          if (text.charCodeAt(i + 1) === 10) i++
          starts[at++] = i + 1
        }
      }
    } else {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[at++] = i + 1
    }
    this.lineStarts = starts
    if (this.pages) for (const page of this.pages) this.pageFirstLines.push(upperBound(starts, page.start))
    const tableStarts = this.pages?.flatMap((page) => page.tableStarts ?? [])
    if (tableStarts && tableStarts.length > 0) this.tableStartLines = new Set(tableStarts.map((offset) => upperBound(starts, offset) - 1))
  }

  /** PDF input: does the 0-based line `index` begin a table of its own (not the table of the page before going on)? */
  startsTable(index: number): boolean {
    return this.tableStartLines?.has(index) === true
  }

  /**
   * PDF input: the 0-based table column of the line ending at `end`, a cell's
   * wrapped words (`below`: they begin that cell of the row below); undefined
   * for any other line.
   */
  cellColumn(end: number): {column: number; below: boolean} | undefined {
    const column = this.cellColumns?.get(end)
    return column === undefined ? undefined : column < 0 ? {column: -1 - column, below: true} : {column, below: false}
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    // The same place asked for again (a zero-width position, a node ending where its last child ends, the next node
    // starting where one ended): the same point, as nodes share points (no one changes a point in place, see
    // read/html-map.ts): a tree of short paragraphs keeps a third fewer points (issue 10).
    if (clamped === this.lastOffset) return this.lastPoint!
    if (clamped === this.otherOffset) return this.otherPoint!
    const line = upperBound(this.lineStarts, clamped)
    const point: Point = {line, column: clamped - this.lineStarts[line - 1]! + 1, offset: clamped}
    if (this.pages) {
      const index = this.pageIndexAt(clamped)
      point.page = this.pages[index]!.number
      point.pageLine = line - this.pageFirstLines[index]! + 1
    }
    this.otherOffset = this.lastOffset
    this.otherPoint = this.lastPoint
    this.lastOffset = clamped
    this.lastPoint = point
    return point
  }

  /** Does the text use this word (lower case, Latin letters) anywhere? Built on first use. */
  hasWord(word: string): boolean {
    if (!this.words) {
      this.words = new Set()
      for (const match of this.text.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) this.words.add(match[0].toLowerCase())
    }
    return this.words.has(word.toLowerCase())
  }

  position(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }

  private pageIndexAt(offset: number): number {
    const pages = this.pages!
    let low = 0
    let high = pages.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (pages[mid]!.start <= offset) low = mid
      else high = mid - 1
    }
    return low
  }
}

/**
 * The pages of text extracted from a PDF, found again from its form feeds
 * (every page after the first starts with one): for code that has the text
 * but not the reader's page list.
 */
export function pagesOfText(text: string): PageSpan[] {
  const pages: PageSpan[] = []
  let start = 0
  for (let i = text.indexOf('\f'); i >= 0; i = text.indexOf('\f', i + 1)) {
    pages.push({number: pages.length + 1, start, end: i})
    start = i
  }
  pages.push({number: pages.length + 1, start, end: text.length})
  return pages
}

/**
 * Where a point is, for a person: `p3:12:5` (page 3, line 12 of that page,
 * column 5) for PDF input, `39:5` (line, column) otherwise.
 */
export function placeLabel(point: Point | undefined): string {
  if (!point) return '1:1'
  if (point.page !== undefined && point.pageLine !== undefined) return `p${point.page}:${point.pageLine}:${point.column}`
  return `${point.line}:${point.column}`
}

/** `page 3, line 12` for a point of PDF input; null otherwise. */
export function pageWords(point: Point | undefined): string | null {
  if (!point || point.page === undefined || point.pageLine === undefined) return null
  return `page ${point.page}, line ${point.pageLine}`
}

/** How many lines start in the text (the first, and one after each line break: CR, LF or CRLF). */
function countLineStarts(text: string, hasCR: boolean): number {
  let count = 1
  if (hasCR) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code === 10) count++
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        count++
      }
    }
  } else for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++
  return count
}

/** Number of entries in the sorted array that are <= value (1-based line for lineStarts). */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sorted[mid]! <= value) low = mid + 1
    else high = mid
  }
  return low
}
