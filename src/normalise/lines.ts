/**
 * Normalise, step one: the input as lines. Each line keeps its offsets into
 * the input, so every later stage can point back at the source. Nothing is
 * rewritten here: trimming only moves a line's start and end (and notes
 * the zero-width spaces it moved past, which are characters all the same).
 */
import {displayWidth, isWhitespaceCode, isZeroWidthCode} from '../lang/chars.js'
import type {FurnitureKind} from '../tree.js'

export interface Line {
  /** 0-based line index. */
  index: number
  /** Offsets of the content, surrounding whitespace excluded. */
  start: number
  end: number
  text: string
  /** Leading whitespace in columns (a tab counts 4, an ideographic space 2). */
  indent: number
  blank: boolean
  /** A form feed (page break) stood before the content. */
  pageBreak: boolean
  /** A tab stood before the content: in a table, the line starts with an empty cell. */
  tabbed: boolean
  /** A tab stood after the content: in a table, the row ends with an empty cell (a wrap may carry its text to the next line). */
  tabbedEnd: boolean
  /** Set when the line is page furniture or markup, not content. */
  furniture: FurnitureKind | null
  /**
   * Runs of zero-width spaces (U+200B) that trimming took off
   * the line's edges, as offsets, or the whole of a line that holds nothing
   * else: invisible, so no content, but characters of the input all the
   * same, kept as markup furniture. Null when there are none.
   */
  invisible: Array<[number, number]> | null
  /**
   * Set by layout repair (flattened.ts): this line goes on with the block
   * above it, across the blank lines between (a web mirror put each
   * sentence of a paragraph on a line of its own).
   */
  joinsAbove?: true
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let lineStart = 0
  const length = text.length
  const hasCR = text.includes('\r')
  while (lineStart <= length) {
    let lineEnd: number
    if (hasCR) {
      lineEnd = lineStart
      while (lineEnd < length) {
        const code = text.charCodeAt(lineEnd)
        if (code === 10 || code === 13) break
        lineEnd++
      }
    } else {
      lineEnd = text.indexOf('\n', lineStart)
      if (lineEnd < 0) lineEnd = length
    }
    let start = lineStart
    let indent = 0
    let pageBreak = false
    let tabbed = false
    let zeroWidth = false
    while (start < lineEnd && isWhitespaceCode(text.charCodeAt(start))) {
      const code = text.charCodeAt(start)
      if (isZeroWidthCode(code)) zeroWidth = true
      if (code === 12) {
        pageBreak = true
        indent = 0
      } else indent += code === 9 ? 4 : code === 0x3000 ? 2 : 1
      if (code === 9) tabbed = true
      start++
    }
    let end = lineEnd
    let tabbedEnd = false
    while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) {
      const code = text.charCodeAt(end - 1)
      if (isZeroWidthCode(code)) zeroWidth = true
      if (code === 12) pageBreak = true
      else if (code === 9) tabbedEnd = true
      end--
    }
    // A Markdown hard break (`\` at the end of a line) is markup, not words.
    if (end - start > 1 && text.charCodeAt(end - 1) === 92 && text.charCodeAt(end - 2) !== 92) {
      end--
      while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) {
        if (isZeroWidthCode(text.charCodeAt(end - 1))) zeroWidth = true
        end--
      }
    }
    const content = text.slice(start, end)
    lines.push({
      index: lines.length,
      start,
      end,
      text: content,
      indent,
      blank: content.length === 0,
      pageBreak,
      tabbed,
      tabbedEnd,
      furniture: null,
      invisible: zeroWidth ? zeroWidthRuns(text, lineStart, start, end, lineEnd) : null
    })
    if (lineEnd >= length) break
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1)
  }
  return lines
}

/** The runs of zero-width spaces in a line's trimmed edges, `[from, start)` and `[end, to)`. */
function zeroWidthRuns(text: string, from: number, start: number, end: number, to: number): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  for (const [a, b] of [
    [from, start],
    [end, to]
  ] as const) {
    for (let i = a; i < b; i++) {
      if (!isZeroWidthCode(text.charCodeAt(i))) continue
      const last = runs[runs.length - 1]
      if (last && last[1] === i) last[1] = i + 1
      else runs.push([i, i + 1])
    }
  }
  return runs
}

/**
 * The width of a full line of body text: lines wrapped by a PDF come close to
 * it, headings stay well short of it. The 90th percentile of content widths.
 */
export function typicalWidth(lines: Line[]): number {
  // A sample of the content lines is enough for a percentile (and keeps a 10 MB text cheap).
  // Markup lines (table rules) are measured with the content: they are as wide as the table they rule.
  const content = lines.filter((line) => !line.blank && (!line.furniture || line.furniture === 'markup'))
  const step = Math.max(1, Math.floor(content.length / 4000))
  // Widths above 400 cells say only "a whole paragraph on one line"; counting stops there.
  // (A typed array sorts numbers natively, with no comparator called per pair.)
  const widths = new Float64Array(Math.ceil(content.length / step))
  for (let i = 0, n = 0; i < content.length; i += step, n++) widths[n] = displayWidth(content[i]!.text, 400)
  if (widths.length === 0) return 0
  widths.sort()
  return widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.9))]!
}
