/**
 * The input text and a way back from offsets to line/column (and page, for
 * PDF input): the role vfile-location plays in unified.
 */
import type {Point, Position} from './tree.js'

export interface PageSpan {
  number: number
  start: number
  end: number
}

export class Source {
  readonly text: string
  /** Identifiers of the footnotes found in the text: a number glued to a word is a reference only to one of these. */
  footnotes: ReadonlySet<string> = new Set()
  private words: Set<string> | undefined
  private readonly lineStarts: number[]
  private readonly pages: PageSpan[] | undefined
  /** The text was extracted from a PDF (it has page spans): its blank lines are measured gaps. */
  readonly paged: boolean

  constructor(text: string, pages?: PageSpan[]) {
    this.text = text
    this.pages = pages && pages.length > 0 ? pages : undefined
    this.paged = this.pages !== undefined
    const starts = [0]
    if (text.includes('\r')) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i)
        if (code === 10) starts.push(i + 1)
        else if (code === 13) {
          if (text.charCodeAt(i + 1) === 10) i++
          starts.push(i + 1)
        }
      }
    } else {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    }
    this.lineStarts = starts
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    const line = upperBound(this.lineStarts, clamped)
    const point: Point = {line, column: clamped - this.lineStarts[line - 1]! + 1, offset: clamped}
    if (this.pages) point.page = this.pageAt(clamped)
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

  private pageAt(offset: number): number {
    const pages = this.pages!
    let low = 0
    let high = pages.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (pages[mid]!.start <= offset) low = mid
      else high = mid - 1
    }
    return pages[low]!.number
  }
}

/** Number of entries in the sorted array that are <= value (1-based line for lineStarts). */
function upperBound(sorted: number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sorted[mid]! <= value) low = mid + 1
    else high = mid
  }
  return low
}
