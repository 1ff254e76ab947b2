/**
 * Read, Markdown: `.md` input (`--from md`) parsed by the reference
 * CommonMark parser, remark-parse (micromark), with GFM (tables, footnotes,
 * strikethrough, autolinks), into mdast — so that escapes (`2\.`), tables,
 * footnotes and emphasis are read as any renderer reads them, our own
 * Markdown output included. Loaded only for Markdown input: `.txt`, the
 * seed's Markdown-flavoured text, stays on the line path of normalise/.
 *
 * The mdast is then written out as the lines the line path reads (as the
 * HTML reader writes a page's lines, `html.ts`), with an {@link OffsetMap}
 * from those lines back to the Markdown source, and parsed by `parseText`
 * with `markdown: true`: the tree is the one text input gives for the same
 * printed text, and its positions point into the `.md` file as given.
 *
 * - A paragraph's words are its printed text: escapes resolved (`2\.` is
 *   `2.`, so the paragraph marker), entities decoded; its lines stay lines,
 *   so a paragraph marker or item label starting a line still starts a
 *   paragraph or item, as in text. Strong and emphasis keep their marks,
 *   footnote references are `[^1]`. A line that would read as another kind
 *   of line than the mdast says (a printed `#`) gets its escape back.
 * - A heading is `#` marks and its words (a setext heading too); with
 *   `markdown: true` nothing else is a heading but a standard heading word.
 * - A list item is its marker and its blocks, nested lists indented.
 * - A GFM table is its rows, `|` between cells, its delimiter row as given
 *   (markup); a table past {@link BIG_TABLE} rows is found by a line scan and
 *   never given to remark (its mdast is large and slow), its lines copied.
 * - A GFM footnote definition is `[^1]: words`.
 * - Front matter (`---` … `---` at the top), HTML, thematic breaks, link
 *   definitions and code are copied as they stand (furniture or text, as the
 *   line path reads them).
 */
import type {Nodes, PhrasingContent, Root, RootContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {OffsetMap, type Origin, type PageFurniture} from './html-map.js'

const processor = unified().use(remarkParse).use(remarkGfm)

/** The mdast of a Markdown document (positions are offsets into `markdown`). */
export function readMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}

export interface MarkdownText {
  /** The lines for the pipeline. */
  text: string
  /** The Markdown source and the way back to it; absent when the lines are the source itself, character for character (nothing to move). */
  origin?: Origin
}

/** Tables with more rows than this are read from their lines, not by remark (issue 10 shapes: `markdown-table`). */
export const BIG_TABLE = 200

/** A run of source lines copied as they stand: front matter, a big table. */
interface Copied {
  start: number
  end: number
}

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/
const PIPE_ROW = /^[ \t]{0,3}\|/

/**
 * The Markdown source as the pipeline's lines, and the map back (see the
 * module comment). Never throws for anything in the text.
 */
export function markdownText(source: string): MarkdownText {
  const copied: Copied[] = []
  const front = FRONT_MATTER.exec(source)
  if (front) copied.push({start: 0, end: front[0].length})
  for (const table of bigTables(source, front ? front[0].length : 0)) copied.push(table)
  // What remark reads: the stretches between the copied runs, each on its own (a copied run is never given to
  // remark, not even blanked: 20,000 blank lines cost it as much as a table's rows would), its offsets moved by
  // where the stretch starts.
  const writer = new Writer(source)
  let at = 0
  for (const run of [...copied, {start: source.length, end: source.length}]) {
    if (run.start > at) {
      writer.base = at
      const root = readMarkdown(at === 0 && run.start === source.length ? source : source.slice(at, run.start))
      for (const node of root.children) {
        writer.gap(writer.offset(node, 'start') ?? at)
        writer.block(node, '')
      }
    }
    if (run.end > run.start) {
      writer.gap(run.start)
      writer.copy(run.start, run.end)
    }
    at = run.end
  }
  writer.end()
  const text = writer.text
  // (A big table alone, plain paragraphs: positions need no moving, and moving those of a big tree costs.)
  if (text === source && writer.furniture.length === 0) return {text}
  return {text, origin: {source, map: writer.map, furniture: writer.furniture, notes: []}}
}

/** Pipe tables of more than {@link BIG_TABLE} rows: a header row, a delimiter row, rows starting `|` (a cheap scan of the lines). */
function* bigTables(source: string, from: number): Generator<Copied> {
  let at = from
  let runStart = -1
  let rows = 0
  let delimiter = false
  let last = from
  const done = (): Copied | null => (runStart >= 0 && delimiter && rows > BIG_TABLE ? {start: runStart, end: last} : null)
  while (at < source.length) {
    let end = source.indexOf('\n', at)
    if (end < 0) end = source.length
    const line = source.slice(at, end > at && source[end - 1] === '\r' ? end - 1 : end)
    if (PIPE_ROW.test(line)) {
      if (runStart < 0) {
        runStart = at
        rows = 0
        delimiter = false
      } else if (rows === 1 && DELIMITER_ROW.test(line)) delimiter = true
      rows++
      last = line.length + at
    } else {
      const run = done()
      if (run) yield run
      runStart = -1
    }
    at = end + 1
  }
  const run = done()
  if (run) yield run
}

/** `#` at a line's start would make a heading of printed words; `|` at a paragraph line's start a table row. */
const LINE_START_MARK = /^[#]/

class Writer {
  readonly map = new OffsetMap()
  /** Markup that writes no line (a setext heading's underline), in source offsets. */
  readonly furniture: PageFurniture[] = []
  private parts: string[] = []
  private length = 0
  /** The source offset the text so far ends at. */
  private last = 0
  /** Whether the text so far ends a line. */
  private lineEnded = true

  /** Where the stretch remark read starts in the source: its offsets are from there. */
  base = 0

  constructor(private readonly source: string) {}

  /** A node's start or end offset in the source, if it has a position (our own mdast types have none). */
  offset(node: unknown, side: 'start' | 'end'): number | undefined {
    const offset = (node as {position?: {start: {offset?: number}; end: {offset?: number}}} | undefined)?.position?.[side].offset
    return offset === undefined ? undefined : offset + this.base
  }

  get text(): string {
    return this.parts.join('')
  }

  /** Text standing for the place `at` of the source. */
  private generated(value: string, at: number): void {
    if (!value) return
    this.map.add(this.length, at, value.length, false)
    this.push(value)
  }

  private push(value: string): void {
    this.parts.push(value)
    this.length += value.length
    this.lineEnded = value.endsWith('\n')
  }

  /** Source characters `start` to `end`, as they stand. */
  copy(start: number, end: number): void {
    if (end <= start) return
    this.map.add(this.length, start, end - start, true)
    this.push(this.source.slice(start, end))
    this.last = end
  }

  /** Before a block starting at `start`: the line ends and blank lines the source has since the last block (one blank line at most). */
  gap(start: number): void {
    if (this.length === 0) {
      this.last = start
      return
    }
    const between = this.source.slice(this.last, start)
    const newlines = Math.min(2, (between.match(/\n/g) ?? []).length)
    const want = Math.max(this.lineEnded ? 0 : 1, newlines - (this.lineEnded ? 1 : 0))
    if (want > 0) this.generated('\n'.repeat(want), this.last)
    this.last = Math.max(this.last, start)
  }

  end(): void {
    if (this.length > 0 && !this.lineEnded) this.generated('\n', this.source.length)
  }

  /** A block, each of its lines after the first starting with `indent`. */
  block(node: RootContent | Nodes, indent: string): void {
    const start = this.offset(node, 'start') ?? this.last
    const end = this.offset(node, 'end') ?? start
    switch (node.type) {
      case 'heading': {
        this.generated('#'.repeat(node.depth) + ' ', start)
        this.inline(node.children, indent, true)
        // A setext heading's underline (`===`, `---`): markup, kept as furniture.
        const lastLine = this.source.lastIndexOf('\n', end - 1) + 1
        const underline = this.source.slice(lastLine, end).trim()
        if (lastLine > start && /^(=+|-+)$/.test(underline)) {
          const from = lastLine + this.source.slice(lastLine, end).indexOf(underline)
          this.furniture.push({kind: 'markup', value: underline, start: from, end: from + underline.length})
        }
        break
      }
      case 'paragraph':
        this.inline(node.children, indent, false)
        break
      case 'list':
        node.children.forEach((child, index) => {
          if (index > 0) this.gap(this.offset(child, 'start') ?? this.last)
          if (index > 0 && this.lineEnded) this.generated(indent, this.offset(child, 'start') ?? this.last)
          this.block(child, indent)
        })
        break
      case 'listItem': {
        const first = this.offset(node.children[0], 'start') ?? end
        // The marker as given (`-`, `*`, `3.`, `1)`), then its blocks: the first on the marker's line.
        const marker = this.source.slice(start, first).replace(/\s+$/, '')
        const bulletEnd = start + marker.length
        this.copyMarker(start, bulletEnd)
        this.generated(' ', bulletEnd)
        const inner = `${indent}  `
        node.children.forEach((child, index) => {
          if (index > 0) {
            this.gap(this.offset(child, 'start') ?? this.last)
            if (child.type !== 'list' || this.lineEnded) this.generated(inner, this.offset(child, 'start') ?? this.last)
          }
          this.block(child, inner)
        })
        if (node.children.length === 0) this.last = end
        break
      }
      case 'blockquote':
      case 'footnoteDefinition': {
        if (node.type === 'footnoteDefinition') {
          const first = this.offset(node.children[0], 'start') ?? end
          this.copy(start, Math.min(first, this.source.indexOf(':', start) + 1))
          this.generated(' ', this.last)
        }
        node.children.forEach((child, index) => {
          if (index > 0) {
            this.gap(this.offset(child, 'start') ?? this.last)
            if (this.lineEnded) this.generated(indent, this.offset(child, 'start') ?? this.last)
          }
          this.block(child, indent)
        })
        break
      }
      case 'table':
        node.children.forEach((row, index) => {
          if (index > 0) this.rowBreak(this.offset(row, 'start') ?? this.last, indent)
          this.generated('| ', this.offset(row, 'start') ?? this.last)
          row.children.forEach((cell, k) => {
            if (k > 0) this.generated(' | ', this.offset(cell, 'start') ?? this.last)
            this.inline(cell.children, indent, false, true)
          })
          this.generated(' |', this.offset(row, 'end') ?? this.last)
          this.last = this.offset(row, 'end') ?? this.last
          // The delimiter row, as given: markup.
          if (index === 0) {
            const lineEnd = this.source.indexOf('\n', this.last)
            const next = lineEnd < 0 ? this.source.length : lineEnd + 1
            let delimiterEnd = this.source.indexOf('\n', next)
            if (delimiterEnd < 0) delimiterEnd = this.source.length
            if (this.source[delimiterEnd - 1] === '\r') delimiterEnd--
            this.generated('\n' + indent, next)
            const line = this.source.slice(next, delimiterEnd)
            const lead = line.length - line.trimStart().length
            this.copy(next + lead, delimiterEnd)
          }
        })
        this.last = end
        break
      default:
        // Thematic breaks, HTML, code, link definitions, math: the source as it stands, line by line.
        this.copyLines(start, end, indent)
    }
    if (end > this.last) this.last = end
  }

  private rowBreak(at: number, indent: string): void {
    this.generated('\n' + indent, at)
  }

  /** A list item's marker: copied, its escape-free form being what the line path reads. */
  private copyMarker(start: number, end: number): void {
    this.copy(start, end)
  }

  /** Source lines `start`–`end` with the container's indentation (and `>` marks) left out. */
  private copyLines(start: number, end: number, indent: string): void {
    let at = start
    let first = true
    while (at < end) {
      let lineEnd = this.source.indexOf('\n', at)
      if (lineEnd < 0 || lineEnd > end) lineEnd = end
      let from = at
      if (!first) {
        while (from < lineEnd && (this.source[from] === ' ' || this.source[from] === '\t' || this.source[from] === '>')) from++
        this.generated('\n' + indent, at)
      }
      const to = this.source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd
      this.copy(from, to)
      first = false
      at = lineEnd + 1
    }
    this.last = end
  }

  /**
   * Phrasing: the printed words, aligned with the source character by
   * character (an escape's backslash, an entity's letters and a container's
   * indentation at a line's start are passed over).
   */
  private inline(children: PhrasingContent[], indent: string, heading: boolean, cell = false): void {
    for (const child of children) this.phrase(child, indent, heading, cell)
  }

  private phrase(node: PhrasingContent, indent: string, heading: boolean, cell: boolean): void {
    const start = this.offset(node, 'start') ?? this.last
    const end = this.offset(node, 'end') ?? start
    switch (node.type) {
      case 'text':
        this.words(node.value, start, end, indent, heading, cell)
        break
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const mark = node.type === 'strong' ? '**' : node.type === 'emphasis' ? '*' : '~~'
        const firstChild = this.offset(node.children[0], 'start') ?? start + mark.length
        const lastChild = this.offset(node.children[node.children.length - 1], 'end') ?? end - mark.length
        this.markAt(mark, start, firstChild)
        this.inline(node.children, indent, heading, cell)
        this.markAt(mark, lastChild, end)
        break
      }
      case 'break':
        this.generated('\n', start)
        if (indent) this.generated(indent, end)
        this.last = end
        break
      case 'footnoteReference':
        this.markAt(`[^${node.identifier}]`, start, end)
        break
      case 'inlineCode':
        this.words(node.value, start, end, indent, heading, cell)
        break
      default:
        // Links, images, inline HTML: as given (their URLs are words of the input too).
        this.copyLines(start, end, indent)
    }
    if (end > this.last) this.last = end
  }

  /** A mark that stands for the source `start`–`end`: copied when it is written so there, else generated. */
  private markAt(mark: string, start: number, end: number): void {
    if (this.source.slice(start, end) === mark) this.copy(start, end)
    else this.generated(mark, start)
    this.last = Math.max(this.last, end)
  }

  /** A text value found in the source between `start` and `end`. */
  private words(value: string, start: number, end: number, indent: string, heading: boolean, cell: boolean): void {
    const source = this.source
    let at = start
    for (let k = 0; k < value.length; k++) {
      const char = value[k]!
      if (char === '\n') {
        // A soft line break: the next line starts after the container's marks.
        const newline = source.indexOf('\n', at)
        const lineEnd = newline < 0 || newline >= end ? at : newline
        this.generated('\n' + indent, lineEnd)
        at = lineEnd + 1
        while (at < end && source[at] !== value[k + 1] && (source[at] === ' ' || source[at] === '\t' || source[at] === '>' || source[at] === '\r')) at++
        this.lineStart(value, k + 1, at, heading)
        continue
      }
      if (this.lineEnded && k === 0) this.lineStart(value, k, at, heading)
      if (cell && char === '|') {
        // A cell's `|` keeps its escape: unescaped, it would part the cell.
        this.generated('\\', at)
      }
      if (source[at] === char) {
        this.copy(at, at + 1)
        at++
      } else if (source[at] === '\\' && source[at + 1] === char) {
        this.copy(at + 1, at + 2)
        at += 2
      } else if (source[at] === '&') {
        const semi = source.indexOf(';', at)
        const stop = semi < 0 || semi >= end ? at + 1 : semi + 1
        this.generated(char, at)
        this.map.stretch(stop)
        at = stop
      } else {
        // Passed-over markup (a container's marks after a line break): find the character on.
        let found = at
        while (found < end && source[found] !== char) found++
        if (found < end) {
          this.copy(found, found + 1)
          at = found + 1
        } else this.generated(char, Math.min(at, end))
      }
    }
    this.last = Math.max(this.last, end)
  }

  /** At a line's start in a paragraph: a printed `#` keeps its escape (else the line path reads a heading). */
  private lineStart(value: string, k: number, at: number, heading: boolean): void {
    if (!heading && LINE_START_MARK.test(value.slice(k, k + 1))) this.generated('\\', at)
  }
}
