/**
 * Normalise, step two: mark the lines that are page furniture or markup
 * rather than content — page numbers, running headers and footers, web-page
 * footers, Markdown front matter, comments, table rules and thematic breaks.
 * They are kept (as furniture nodes of the tree), never silently dropped.
 */
import {isNumberOverYear, MIRROR_HEAD_END, PAGE_NUMBER_LINE, WEB_FOOTER_LINE} from '../lang/furniture.js'
import {normalisePaperNumber, STAMP_LINE} from '../lang/papers.js'
import {displayWidth, endsSentence, IN_BRACKETS, toHalfWidth} from '../lang/chars.js'
import {FOOTNOTE_MARKER, NUMBERED_SHAPE} from '../lang/numbering.js'
import type {FootnoteMark} from './footnotes.js'
import type {FurnitureKind} from '../tree.js'
import type {Line} from './lines.js'
import {matchAll} from '../matches.js'

const FRONT_MATTER_FENCE = /^---$/
const YAML_KEY = /^[\w-]+\s*:/
const HTML_COMMENT = /^<!--.*-->$/
const BARE_NUMBER = /^\d{1,4}$/
/** A bare page number (`7`, `７`): tested by length first, so a paragraph's long line costs no full-width pass over it (toHalfWidth keeps the length). */
const isBareNumber = (text: string) => text.length > 0 && text.length <= 4 && BARE_NUMBER.test(toHalfWidth(text))
const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?$|^\|\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|$|^\|$/
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
/** A line that may be content even when it repeats: numbered, labelled, tabulated. */
const CONTENT_SHAPE = NUMBERED_SHAPE

export function markFurniture(lines: Line[], repeated?: ReadonlySet<number>): void {
  markFrontMatter(lines)
  markMirrorHead(lines)
  const edges = new Set(pageEdges(lines)?.edges)
  for (const line of lines) {
    if (line.blank || line.furniture) continue
    if (HTML_COMMENT.test(line.text)) line.furniture = 'comment'
    else if (WEB_FOOTER_LINE.test(line.text)) line.furniture = 'web-footer'
    else if (isPageNumber(lines, line, edges.has(line))) line.furniture = 'page-number'
  }
  markRunningHeaders(lines)
  markBarePageRuns(lines)
  if (repeated && repeated.size > 0) markRepeated(lines, repeated)
  markNumbersBesideHeaders(lines)
  markStampsBesideNumbers(lines)
}

/**
 * PDF input: the lines the reader found at the same place with the same
 * words on most pages (src/read/pdf.ts) are running headers where they
 * stand at the top or the foot of their page (nothing but furniture above
 * them, or below), however many lines they take: a letterhead's name,
 * address, telephone and e-mail lines on every page, a table's column
 * headings printed again on each page it runs over. As with the
 * running headers found by their text, the first page's stays content when
 * it stands in the paper's header (a letterhead names the sender; a title
 * may come back on every page). Numbered or tabulated lines are left to the
 * rules for content, paper-number stamps to the running headers' rule.
 */
function markRepeated(lines: Line[], repeated: ReadonlySet<number>): void {
  // (A paper-number stamp is left to the running headers' rule: the stamps of a bundle's papers differ in their numbers only;
  // a line in brackets is an event or a remark, `(議員舉手)`.)
  const isRepeated = (line: Line) => repeated.has(line.end) && !CONTENT_SHAPE.test(line.text) && !STAMP_LINE.test(line.text) && !IN_BRACKETS.test(line.text)
  // Pages: from each page break to the next.
  const starts = [0]
  for (const line of lines) if (line.pageBreak && line.index > 0) starts.push(line.index)
  starts.push(lines.length)
  for (let p = 0; p < starts.length - 1; p++) {
    const page = lines.slice(starts[p], starts[p + 1]).filter((line) => !line.blank)
    // Only the runs at the page's top and foot: a line that recurs among the content (a Hansard's `(議員舉手)`) is content.
    const marks: Line[] = []
    for (const run of [page, [...page].reverse()]) {
      for (const line of run) {
        if (line.furniture) continue
        if (!isRepeated(line)) break
        marks.push(line)
      }
    }
    for (const line of marks) {
      if (p === 0 && lines.slice(0, line.index).filter((l) => !l.blank && !l.furniture).length < HEADER_REACH) continue
      line.furniture = 'running-header'
    }
  }
}

/** How many lines of text the paper's header may take: a paper number among them is the paper's. */
const HEADER_REACH = 12

/**
 * A paper-number line right above or below a page number (`- 1 -` then
 * `LC Paper No. CB(1)369/2024(05)`, inside a paragraph the page cut): the
 * page's running header, even where the paper has only two pages and it
 * stands once more. The first one in the paper's header is the paper's.
 */
function markStampsBesideNumbers(lines: Line[]): void {
  // The stamp stands at least twice (in the header, or on another page): a paper listed once in an agenda or minutes
  // (`立法會CB(2)538/04-05(07)號文件` after the page's number) is content.
  const seen = new Map<string, number>()
  const stamp = (line: Line) => !line.blank && !line.furniture && STAMP_LINE.test(line.text) && line.text.length <= 60
  const key = (line: Line) => normalisePaperNumber(STAMP_LINE.exec(line.text)![1]!)
  for (const line of lines) if (stamp(line)) seen.set(key(line), (seen.get(key(line)) ?? 0) + 1)
  let content = 0
  let first = true
  for (const line of lines) {
    if (line.blank) continue
    if (!line.furniture) content++
    if (!stamp(line)) continue
    const own = first && content <= HEADER_REACH
    first = false
    if (!own && (seen.get(key(line)) ?? 0) >= 2 && besideFurniture(lines, line, 'page-number')) line.furniture = 'running-header'
  }
}

/** Is the nearest line above or below this one (blank lines passed over) furniture of this kind? */
function besideFurniture(lines: readonly Line[], line: Line, kind: FurnitureKind): boolean {
  for (const step of [-1, 1]) {
    let i = line.index + step
    while (lines[i]?.blank) i += step
    if (lines[i]?.furniture === kind) return true
  }
  return false
}

/**
 * Markdown markup: table rules (`|---|---|`, a lone `|`) and thematic breaks
 * (`***`, `---`). A line with a tab is a table row, and a footnote's lines
 * are the note's words, whatever they look like.
 */
export function markMarkup(lines: Line[], footnotes: ReadonlyMap<Line, FootnoteMark>): void {
  for (const line of lines) {
    if (line.blank || line.furniture || line.text.includes('\t') || footnotes.has(line)) continue
    if (TABLE_RULE.test(line.text) || THEMATIC_BREAK.test(line.text)) line.furniture = 'markup'
  }
}

/** A bare number right above or below a running header (`CB(1)369/2024(05)` then `2`) is that page's number. */
function markNumbersBesideHeaders(lines: Line[]): void {
  for (const line of lines) {
    if (line.blank || line.furniture || !isBareNumber(line.text)) continue
    if (besideFurniture(lines, line, 'running-header')) line.furniture = 'page-number'
  }
}

/** How many lines of text a document mirror's page head takes at most. */
const MIRROR_HEAD_LINES = 6

/** A document mirror's page head (its title for the file, `Total Page:16`, `File Type:pdf, Size:1020Kb`) above the paper's text. */
function markMirrorHead(lines: Line[]): void {
  const head: Line[] = []
  for (const line of lines) {
    if (line.blank || line.furniture) continue
    head.push(line)
    if (MIRROR_HEAD_END.test(line.text.trim())) {
      for (const above of head) above.furniture = 'site-header'
      return
    }
    if (head.length >= MIRROR_HEAD_LINES) return
  }
}

function markFrontMatter(lines: Line[]): void {
  let first = 0
  while (first < lines.length && lines[first]!.blank) first++
  if (first >= lines.length || !FRONT_MATTER_FENCE.test(lines[first]!.text)) return
  const next = lines[first + 1]
  if (!next || !YAML_KEY.test(next.text)) return
  for (let i = first + 1; i < Math.min(lines.length, first + 200); i++) {
    if (FRONT_MATTER_FENCE.test(lines[i]!.text)) {
      for (let j = first; j <= i; j++) if (!lines[j]!.blank) lines[j]!.furniture = 'front-matter'
      return
    }
  }
}

/** The nearest line of content above or below (blank lines and furniture passed over). */
function contentNeighbour(lines: Line[], index: number, step: 1 | -1): Line | undefined {
  for (let i = index + step; i >= 0 && i < lines.length; i += step) {
    const line = lines[i]!
    if (!line.blank && !line.furniture) return line
  }
  return undefined
}

function neighbour(lines: Line[], index: number, step: 1 | -1): Line | undefined {
  for (let i = index + step; i >= 0 && i < lines.length; i += step) {
    const line = lines[i]!
    if (!line.furniture || line.furniture === 'page-number') return line
  }
  return undefined
}

/**
 * `-1-`, `第 1 頁`, `Page 2 of 5` are page numbers wherever they stand. A bare
 * number (`7`) is one only where a page break would put it: among the first
 * or last lines of a page (PDF text), between blank lines, at a form feed,
 * or at the end of the text.
 */
function isPageNumber(lines: Line[], line: Line, onPageEdge: boolean): boolean {
  if (line.text.length > 24) return false
  const text = toHalfWidth(line.text)
  if (!PAGE_NUMBER_LINE.test(text) || isNumberOverYear(text)) return false
  if (!BARE_NUMBER.test(text) || onPageEdge) return true
  const before = lines[line.index - 1]
  const after = lines[line.index + 1]
  if (line.pageBreak || after?.pageBreak) return true
  const blankBefore = !before || before.blank
  const blankAfter = !after || after.blank
  if (blankBefore && blankAfter) return true
  // A number just before a form feed or after the last content.
  return neighbour(lines, line.index, 1) === undefined
}

/** A run of bare page numbers: this many at least, so many lines apart at least, no gap more than so many times another. */
const PAGE_RUN = {count: 3, minGap: 10, spread: 2.5}

/**
 * Bare page numbers in text with no blank lines and no running header
 * (`2`, `3`, `4`, each alone on a line inside the paragraph its page cut):
 * numbers that count up by one, a page apart (at least PAGE_RUN.minGap
 * lines, no gap more than PAGE_RUN.spread times another), half of them or more
 * where a sentence goes on across them. A chapter's number (`2` over
 * `Background`, after the last sentence of chapter 1) is no page number,
 * nor a column of numbers in a table (lines apart), nor a footnote's number
 * that a word before it cites (`(IT)1.`).
 */
function markBarePageRuns(lines: Line[]): void {
  interface Run {
    members: Line[]
    positions: number[]
  }
  const runs = new Map<number, Run>()
  const done: Run[] = []
  const cited = new Set<string>()
  let content = 0
  for (const line of lines) {
    if (line.blank || line.furniture) continue
    content++
    if (!isBareNumber(line.text)) {
      if (/\d/.test(line.text)) for (const match of matchAll(FOOTNOTE_MARKER, line.text)) cited.add(match[1]!)
      continue
    }
    const value = Number(toHalfWidth(line.text))
    if (cited.has(String(value))) continue
    const run = runs.get(value) ?? {members: [], positions: []}
    runs.delete(value)
    run.members.push(line)
    run.positions.push(content)
    runs.set(value + 1, run)
    if (run.members.length === 1) done.push(run)
  }
  for (const run of done) {
    if (run.members.length < PAGE_RUN.count) continue
    let least = Number.POSITIVE_INFINITY
    let most = 0
    for (let i = 1; i < run.positions.length; i++) {
      const gap = run.positions[i]! - run.positions[i - 1]!
      least = Math.min(least, gap)
      most = Math.max(most, gap)
    }
    if (least < PAGE_RUN.minGap || most > PAGE_RUN.spread * least) continue
    const across = run.members.filter((line) => {
      const before = contentNeighbour(lines, line.index, -1)
      const after = contentNeighbour(lines, line.index, 1)
      return before !== undefined && after !== undefined && !isBareNumber(after.text) && !endsSentence(before.text)
    })
    if (across.length * 2 < run.members.length) continue
    for (const line of run.members) line.furniture = 'page-number'
  }
}

/**
 * Running headers and footers: short lines that come back on many pages,
 * equal once digits are masked (`立法會 ─ 2012年11月21日`, `- 3 -`). A
 * line is one only where there are pages, and at the same place on them.
 * When the text has page breaks (PDF, form feeds), only the first and last
 * lines of each page are candidates, and a line printed at the top of some
 * pages and the foot of others is two lines, not one. Otherwise the pages
 * are seen only through their numbers: a candidate stands within a line or
 * two of a page number, and it must recur through the whole text. A
 * sequence of headings (`Question 1`, `Question 2`, `第1部分`) in a text
 * with no pages is content. A paper-number line counts only when the same
 * number recurs: different numbers are the stamps of the papers of a
 * bundle. The first occurrence stays content when it stands in the
 * paper's header.
 */
function markRunningHeaders(lines: Line[]): void {
  const pages = pageEdges(lines)
  const groups = new Map<string, Line[]>()
  const add = (line: Line, place: string) => {
    if (line.blank || line.furniture || line.text.length > 80) return
    if (displayWidth(line.text) > 80 || CONTENT_SHAPE.test(line.text)) return
    const flat = toHalfWidth(line.text).replace(/\s+/g, '')
    const key = STAMP_LINE.test(line.text) ? flat : flat.replace(/\d+/g, '#')
    if (key.length < 2) return
    let group = groups.get(place + key)
    if (!group) groups.set(place + key, (group = []))
    group.push(line)
  }
  if (pages) for (const [n, line] of pages.edges.entries()) add(line, pages.bottom[n] ? 'bottom ' : 'top ')
  else for (const line of lines) if (!line.blank && !line.furniture && nearPageNumber(lines, line, PAGE_NUMBER_REACH)) add(line, '')
  const firstContent = lines.findIndex((line) => !line.blank && !line.furniture)
  const pageNumbers = lines.filter((line) => line.furniture === 'page-number').length
  /** Next to a page number (within a line, blank lines aside): where a running header or footer stands. */
  const besidePageNumber = (line: Line) => {
    for (const step of [-1, 1]) {
      let i = line.index + step
      while (lines[i]?.blank) i += step
      if (lines[i]?.furniture === 'page-number') return true
    }
    return false
  }
  for (const group of groups.values()) {
    // Three times anywhere, or twice when it goes with (nearly) every page number of a short paper.
    if (group.length < 3 && !(group.length === 2 && group.every(besidePageNumber) && group.length >= pageNumbers * 0.7)) continue
    if (pages) {
      // On the edges of at least a third of the pages.
      if (group.length < pages.count / 3) continue
    } else {
      // Furniture repeats through the document; a list of equal short lines in one place does not.
      const spread = group[group.length - 1]!.index - group[0]!.index
      if (spread < group.length * 4) continue
    }
    for (const [n, line] of group.entries()) {
      if (n === 0 && line.index - firstContent < 12) continue
      line.furniture = 'running-header'
    }
  }
}

/** How many lines (blank lines aside) a running header may stand from its page's number in a text without page breaks: the header and a second line of it. */
const PAGE_NUMBER_REACH = 2

/**
 * Within `reach` lines (blank lines aside) of a page number: one marked as
 * such, or a bare number, which a running header beside it shows to be the
 * page's (`CB(1)369/2024(05)` then `2`).
 */
function nearPageNumber(lines: Line[], line: Line, reach: number): boolean {
  for (const step of [-1, 1]) {
    let i = line.index
    for (let seen = 0; seen < reach; seen++) {
      i += step
      while (lines[i]?.blank) i += step
      const other = lines[i]
      if (!other) break
      if (other.furniture === 'page-number' || (!other.furniture && isBareNumber(other.text))) return true
    }
  }
  return false
}

/** For text with page breaks: the first two and last two content lines of each page, each told top or foot. */
function pageEdges(lines: Line[]): {edges: Line[]; bottom: boolean[]; count: number} | null {
  const starts = [0]
  for (const line of lines) if (line.pageBreak && line.index > 0) starts.push(line.index)
  if (starts.length < 3) return null
  const edges: Line[] = []
  /** For each edge line: at the foot of its page (else at its top). */
  const bottom: boolean[] = []
  starts.push(lines.length)
  for (let p = 0; p < starts.length - 1; p++) {
    const content = lines.slice(starts[p], starts[p + 1]).filter((line) => !line.blank && line.furniture !== 'page-number' && line.furniture !== 'front-matter')
    for (const line of content.slice(0, 2)) {
      edges.push(line)
      bottom.push(false)
    }
    for (const line of content.slice(Math.max(2, content.length - 2))) {
      edges.push(line)
      bottom.push(true)
    }
  }
  return {edges, bottom, count: starts.length - 1}
}
