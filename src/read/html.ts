/**
 * An HTML page to the text lines the pipeline reads, with a map from that
 * text back to the page (`html-map.ts`). The page is parsed by the unified
 * collective's HTML parser (hast-util-from-html, parse5 inside: the HTML
 * standard's parsing, error recovery included, with positions), or, for the
 * well-formed common case, by `html-fast.ts` into the same tree at a fraction
 * of the cost; this module is loaded only for HTML input.
 *
 * - Block elements (`p`, `div`, `h1`–`h6`, `li`, `tr`, `br`, `blockquote`, …)
 *   end lines; paragraphs, headings, tables and lists stand between blank lines.
 * - A table row is one line, its cells separated by tabs, a `colspan` kept as
 *   empty cells; an empty row is left out. A table for layout (a cell holding
 *   a table, or one cell a row) is read as blocks instead.
 * - `ol`/`ul` items get the label the browser would show (`start`, `type`,
 *   `value`, a pydocx `list-style-type` class), indented two spaces a level.
 * - Headings get Markdown `#` marks, `strong`/`b` `**` marks, a `sup` number
 *   inside a line a `[^n]` reference: the pipeline reads those already.
 * - `head`, `script`, `style`, comments, navigation (`nav`, a `menu`/`nav`
 *   class or id), lines made only of links, and site lines ("Back to top",
 *   "Last Updated on …") are furniture: not text, but kept as furniture nodes.
 * - White space collapses as a browser collapses it (not in `pre`); entities
 *   and `&nbsp;` come decoded (the non-breaking space as a space).
 */
import {fromHtml} from 'hast-util-from-html'
import {MENU_SEPARATORS, NAVIGATION_NAME, SITE_FURNITURE_LINE, siteFurnitureKind} from '../lang/furniture-html.js'
import {fastTree} from './html-fast.js'
import {OffsetMap, type Origin, type PageFurniture} from './html-map.js'
import {BOLD_LEAD_NUMBER, toRoman} from '../lang/numbering.js'

export interface HPosition {
  start: {offset?: number}
  end: {offset?: number}
}
export interface HText {
  type: 'text'
  value: string
  position?: HPosition
}
export interface HComment {
  type: 'comment'
  value: string
  position?: HPosition
}
export interface HElement {
  type: 'element'
  tagName: string
  properties: Record<string, unknown>
  children: HNode[]
  position?: HPosition
  content?: {children: HNode[]}
}
export type HNode = HText | HComment | HElement | {type: 'doctype' | 'root'; position?: HPosition; children?: HNode[]}

export interface HtmlText {
  /** The lines for the pipeline. */
  text: string
  origin: Origin
}

/** Elements that end a line. */
const BLOCK = new Set(
  'address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody thead tfoot tr caption legend ul body html option select'.split(
    ' '
  )
)
/** Blocks that stand between blank lines. */
const PARAGRAPH = new Set('p h1 h2 h3 h4 h5 h6 blockquote pre table ol ul dl center address hr'.split(' '))
/** Never text. */
const MARKUP = new Set(['script', 'style', 'noscript', 'template', 'object', 'embed', 'iframe', 'svg', 'math', 'select'])

const LIST_TYPES: Record<string, string> = {
  lowerletter: 'a',
  'lower-alpha': 'a',
  'lower-latin': 'a',
  upperletter: 'A',
  'upper-alpha': 'A',
  'upper-latin': 'A',
  lowerroman: 'i',
  'lower-roman': 'i',
  upperroman: 'I',
  'upper-roman': 'I',
  decimal: '1',
  decimalzero: '1',
  'decimal-leading-zero': '1',
  cardinaltext: '1',
  ordinaltext: '1',
  decimalenclosedfullstop: '1',
  decimalenclosedparen: '(1)',
  decimalenclosedcircle: '1',
  none: 'none',
  disc: 'disc',
  circle: 'disc',
  square: 'disc',
  bullet: 'disc'
}

/** A character written as itself, one for one: not white space, an `&`, a line end or half a surrogate pair. */
const isPlain = (code: number): boolean => code > 32 && code !== 38 && code !== 0xa0 && (code < 0xd800 || code > 0xdfff)

/** Runs of characters {@link isPlain} takes, with single spaces between them (out of a `pre`), and without. */
const WORDS_RUN = /[^\x00-\x20&\u00a0\ud800-\udfff]+(?: [^\x00-\x20&\u00a0\ud800-\udfff]+)*/g
const PLAIN_RUN = /[^\x00-\x20&\u00a0\ud800-\udfff]+/g

const isSpaceCode = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0

function offsetOf(node: {position?: HPosition}, edge: 'start' | 'end'): number | undefined {
  return node.position?.[edge].offset
}

function classes(element: HElement): string {
  const name = element.properties.className
  return [
    Array.isArray(name) ? name.join(' ') : typeof name === 'string' ? name : '',
    typeof element.properties.id === 'string' ? element.properties.id : ''
  ].join(' ')
}

function letters(n: number): string {
  let out = ''
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out
  return out
}

/** The label a browser shows for item `n` of a list of this type. */
export function listLabel(type: string, n: number): string {
  switch (type) {
    case 'a':
      return `(${letters(n)})`
    case 'A':
      return `${letters(n).toUpperCase()}.`
    case 'i':
      return `(${toRoman(n)})`
    case 'I':
      return `${toRoman(n).toUpperCase()}.`
    case '(1)':
      return `(${n})`
    case 'disc':
      return '•'
    case 'none':
      return ''
    default:
      return `${n}.`
  }
}

function listType(element: HElement): string {
  const type = element.properties.type
  if (typeof type === 'string' && /^[aAiI1]$/.test(type)) return type
  const style = typeof element.properties.style === 'string' ? /list-style(?:-type)?\s*:\s*([\w-]+)/i.exec(element.properties.style)?.[1] : undefined
  const pydocx = /pydocx-list-style-type-(\w+)/.exec(classes(element))?.[1]
  const found = LIST_TYPES[(pydocx ?? style ?? '').toLowerCase()]
  if (found) return found
  return element.tagName === 'ul' ? 'disc' : '1'
}

/** Is this table for layout (read as blocks) rather than data (read as rows)? */
function isLayoutTable(table: HElement): boolean {
  let most = 0
  let nested = false
  const rows = (node: HElement, inCell: boolean): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'table') {
        if (inCell) nested = true
        continue
      }
      if (child.tagName === 'tr') {
        let cells = 0
        for (const cell of child.children) {
          if (cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')) {
            cells++
            rows(cell, true)
          }
        }
        most = Math.max(most, cells)
      } else rows(child, inCell)
    }
  }
  rows(table, false)
  return nested || most <= 1
}

class Reader {
  /** The text before the current line, and the current line (appended to, taken back within). */
  private done = ''
  private current = ''
  private length = 0
  readonly map = new OffsetMap()
  readonly furniture: PageFurniture[] = []
  /** Text offset where the current line starts. */
  private lineStart = 0
  /** The last two characters written, as codes (-1: none). */
  private last = -1
  private beforeLast = -1
  /** Source offset of a collapsed white space waiting to be written (-1: none). */
  private pendingSpace = -1
  /** Inside a data-table row: line ends are spaces. */
  private row = 0
  private pre = 0
  private bold = 0
  /** Inside a block all of whose words are bold: its bold is the block's look (a title, a label), not marked. */
  private plain = 0
  private boldOpen = false
  /** Visible characters still to write outside the bold they are in: a paragraph number a line's bold starts with. */
  private leadPlain = 0
  private listDepth = 0
  /** Links on the current line and the characters written inside them (words, and the spaces between them written with them: counts to compare, not lengths). */
  private links = 0
  private linkChars = 0
  private lineChars = 0
  private inLink = 0
  private lineSource = -1
  /** Has the current line characters outside links other than separators (a menu line has none)? */
  private outsideWords = false

  constructor(private readonly source: string) {}

  get text(): string {
    return this.done + this.current
  }

  private write(str: string, source: number, linear: boolean): void {
    const n = str.length
    if (n === 0) return
    this.map.add(this.length, source, n, linear)
    this.current += str
    this.length += n
    this.beforeLast = n >= 2 ? str.charCodeAt(n - 2) : this.last
    this.last = str.charCodeAt(n - 1)
  }

  /** Is the text so far ending in a blank line? */
  private get blankEnd(): boolean {
    return this.last === 10 && this.beforeLast === 10
  }

  /** The text of the current line so far. */
  private line(): string {
    return this.current
  }

  /** The current line becomes text before it (the line starts anew here). */
  private commitLine(): void {
    this.done += this.current
    this.current = ''
    this.lineStart = this.length
  }

  /** Take back everything written from text offset `at` (in the current line) on. */
  private rollback(at: number): void {
    this.current = this.current.slice(0, at - this.lineStart)
    this.length = at
    this.map.truncate(at)
    const tail = (this.done.length > 2 ? this.done.slice(-2) : this.done) + this.current.slice(-2)
    this.last = tail.length > 0 ? tail.charCodeAt(tail.length - 1) : -1
    this.beforeLast = tail.length > 1 ? tail.charCodeAt(tail.length - 2) : -1
  }

  private lastChar(): number {
    return this.last === -1 ? 10 : this.last
  }

  /**
   * A run copied from the source from offset `at` on: visible characters, and single spaces between
   * two of them: as many calls of `char` and `space`, written at once.
   */
  private chars(run: string, at: number): void {
    this.char(run[0]!, at)
    // A bold run's leading `*`s open no bold (char): the next other character opens it.
    let k = 1
    while (k < run.length && (this.leadPlain > 0 || (this.bold > 0 && this.plain === 0 && !this.boldOpen))) {
      if (run.charCodeAt(k) === 32) this.space(at + k)
      else this.char(run[k]!, at + k)
      k++
    }
    if (k === run.length) return
    // What char() would do for each: a space waiting before a character is written as itself (the line has words, no tab before it).
    if (this.pendingSpace >= 0) {
      this.char(run[k]!, at + k)
      if (++k === run.length) return
    }
    const rest = run.slice(k)
    this.write(rest, at + k, true)
    this.lineChars += rest.length
    if (this.inLink) this.linkChars += rest.length
    else if (!this.outsideWords && !MENU_SEPARATORS.test(rest)) this.outsideWords = true
  }

  /** One visible character (not white space) at source offset `at`. */
  private char(ch: string, at: number): void {
    if (this.lineSource < 0) this.lineSource = at
    const bold = this.bold > 0 && this.plain === 0 && this.leadPlain === 0
    if (this.leadPlain > 0) this.leadPlain--
    // Bold closes before the space after it (`**PRESIDENT** (in…`, not `**PRESIDENT **(in…`: no closing mark there) and opens after the space before it.
    if (this.boldOpen && !bold) this.closeBold(this.pendingSpace >= 0 ? this.pendingSpace : at)
    if (this.pendingSpace >= 0) {
      if (this.length > this.lineStart && this.lastChar() !== 9) this.write(' ', this.pendingSpace, true)
      this.pendingSpace = -1
    }
    // (Not before a `*`: `<strong>*</strong>` is the mark itself, which bold marks around it would garble.)
    if (bold && !this.boldOpen && ch !== '*') {
      this.write('**', at, false)
      this.boldOpen = true
    }
    this.write(ch, at, true)
    this.lineChars++
    if (this.inLink) this.linkChars++
    else if (!this.outsideWords && !MENU_SEPARATORS.test(ch)) this.outsideWords = true
  }

  private space(at: number): void {
    if (this.pendingSpace < 0) this.pendingSpace = at
  }

  private closeBold(at: number): void {
    if (this.boldOpen) {
      this.write('**', at, false)
      this.boldOpen = false
    }
  }

  /** End the current line (if it has anything); `blank` also leaves a blank line. */
  private endLine(at: number, blank = false): void {
    if (this.row > 0) {
      this.space(at)
      return
    }
    this.pendingSpace = -1
    this.closeBold(at)
    if (this.length > this.lineStart) {
      if (this.isFurnitureLine()) {
        // Taken back: the line is the site's, not the paper's.
      } else this.write('\n', at, false)
    }
    if (blank && this.length > 0 && !this.blankEnd) this.write('\n', at, false)
    this.commitLine()
    this.leadPlain = 0
    this.links = this.linkChars = this.lineChars = 0
    this.lineSource = -1
    this.outsideWords = false
  }

  /** A line that is site furniture is taken out of the text and kept as a furniture node. */
  private isFurnitureLine(): boolean {
    const text = this.line().replace(/\*\*/g, '').trim()
    const menu = this.links >= 2 && !this.outsideWords
    if (!menu && !SITE_FURNITURE_LINE.test(text)) return false
    const start = this.map.start(this.lineStart)
    const end = this.map.end(this.length)
    this.furniture.push({kind: menu ? 'site-header' : siteFurnitureKind(text), value: text, start, end})
    this.rollback(this.lineStart)
    return true
  }

  /** Whole element as furniture: its visible text (or raw content for markup). */
  private asFurniture(node: HElement | HComment, kind: PageFurniture['kind']): void {
    const start = offsetOf(node, 'start')
    const end = offsetOf(node, 'end')
    if (start === undefined || end === undefined) return
    const value = node.type === 'comment' ? this.source.slice(start, end) : textOf(node).replace(/\s+/g, ' ').trim()
    this.furniture.push({kind, value, start, end})
  }

  /** A text node: its value walked along its source, entities and line ends matched up. */
  private textNode(node: HText): void {
    const value = node.value
    const from = offsetOf(node, 'start')
    const to = offsetOf(node, 'end')
    if (from === undefined || to === undefined) {
      for (const ch of value) if (!/\s/.test(ch)) this.char(ch, this.length)
      return
    }
    const raw = this.source
    // The common case: the node is its source, character for character (no entity, no CR): its runs found by a pattern.
    if (to - from === value.length && raw.startsWith(value, from)) {
      const runs = this.pre ? PLAIN_RUN : WORDS_RUN
      runs.lastIndex = 0
      let i = 0
      for (let m = runs.exec(value); m; m = runs.exec(value)) {
        if (m.index > i) this.copied(value, i, m.index, from)
        this.chars(m[0], from + m.index)
        i = m.index + m[0].length
      }
      if (i < value.length) this.copied(value, i, value.length, from)
      return
    }
    let j = from
    for (let i = 0; i < value.length; ) {
      // A run of visible characters as the source has them: written at once (what char() would do one by one).
      // A single space between two such characters (not in a pre) is taken into the run: char() would write it as itself.
      if (isPlain(value.charCodeAt(i)) && j < to && raw.charCodeAt(j) === value.charCodeAt(i)) {
        let k = 1
        for (;;) {
          if (i + k >= value.length || j + k >= to) break
          const code = value.charCodeAt(i + k)
          if (raw.charCodeAt(j + k) !== code) break
          if (isPlain(code)) k++
          else if (
            code === 32 &&
            this.pre === 0 &&
            i + k + 1 < value.length &&
            j + k + 1 < to &&
            isPlain(value.charCodeAt(i + k + 1)) &&
            raw.charCodeAt(j + k + 1) === value.charCodeAt(i + k + 1)
          ) {
            k += 2
          } else break
        }
        this.chars(value.slice(i, i + k), j)
        i += k
        j += k
        continue
      }
      const ch = value[i]!
      const at = j // every character an entity gave stands at the entity
      let take = 1
      let entityEnd = -1
      const have = j < to ? raw[j] : undefined
      if (have === ch && (ch !== '&' || literalAmpersand(value, i, raw, j))) j++
      else if (have === '\r' && ch === '\n') j += raw[j + 1] === '\n' ? 2 : 1
      else if (have === '&') {
        const entity = /^&(?:#[xX][0-9a-fA-F]+;?|#\d+;?|[A-Za-z][A-Za-z0-9]*;?)/.exec(raw.slice(j, j + 40))
        const length = entity ? entity[0].length : 1
        // How many characters of the value the entity gave: until the value meets the source again.
        take = 1
        while (take < 3 && i + take < value.length && value[i + take] !== raw[j + length]) take++
        if (i + take < value.length && value[i + take] !== raw[j + length]) take = 1
        j += length
        entityEnd = j
      } else if (have !== undefined) j++
      const written = this.length
      for (let k = 0; k < take && i < value.length; k++, i++) {
        const c = value[i]!
        const code = c.charCodeAt(0)
        if (this.pre && (c === '\n' || c === '\r')) this.endLine(at)
        else if (isSpaceCode(code)) this.pre ? this.char(' ', at) : this.space(at)
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
          this.char(c + value[i + 1]!, at)
          i++
          if (have === ch) j++
        } else this.char(c, at)
      }
      // A node that ends with the entity's character ends after the entity (`&quot;`), not inside it.
      if (entityEnd >= 0 && this.length > written) this.map.stretch(entityEnd)
    }
  }

  /** Characters `value[i..end)` of a text node that is its source (from offset `from`) and no run: white space, `&`, surrogate pairs, controls. */
  private copied(value: string, i: number, end: number, from: number): void {
    while (i < end) {
      const c = value[i]!
      const code = value.charCodeAt(i)
      const at = from + i
      if (this.pre && (c === '\n' || c === '\r')) this.endLine(at)
      else if (isSpaceCode(code)) this.pre ? this.char(' ', at) : this.space(at)
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
        this.char(c + value[i + 1]!, at)
        i++
      } else this.char(c, at)
      i++
    }
  }

  node(node: HNode): void {
    switch (node.type) {
      case 'text':
        this.textNode(node)
        return
      case 'comment':
        this.asFurniture(node, 'comment')
        return
      case 'root':
        for (const child of node.children ?? []) this.node(child)
        return
      case 'element':
        this.element(node)
        return
      default:
        return
    }
  }

  private children(element: HElement): void {
    for (const child of element.children) this.node(child)
  }

  private element(element: HElement): void {
    const tag = element.tagName
    const start = offsetOf(element, 'start') ?? this.length
    const end = offsetOf(element, 'end') ?? start
    if (tag === 'head') {
      this.asFurniture(element, 'markup')
      return
    }
    if (MARKUP.has(tag)) {
      this.asFurniture(element, 'markup')
      return
    }
    const named = element.properties.className !== undefined || element.properties.id !== undefined
    if (tag === 'nav' || (named && tag !== 'body' && tag !== 'html' && NAVIGATION_NAME.test(classes(element)))) {
      this.endLine(start)
      this.asFurniture(element, 'site-header')
      return
    }
    switch (tag) {
      case 'br':
        if (this.row > 0) this.space(start)
        else {
          this.closeBold(start)
          if (this.length > this.lineStart) this.endLine(start)
          else if (this.length > 0 && !this.blankEnd) this.write('\n', start, false)
        }
        return
      case 'table':
        this.table(element, start, end)
        return
      case 'ol':
      case 'ul':
        this.list(element, start, end)
        return
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        this.endLine(start, true)
        if (this.row === 0 && textOf(element).trim()) this.write('#'.repeat(Number(tag[1])) + ' ', start, false)
        this.children(element)
        this.endLine(end, true)
        return
      }
      case 'strong':
      case 'b':
        this.bold++
        this.children(element)
        this.bold--
        return
      case 'a':
        this.inLink++
        if (textOf(element).trim()) this.links++
        this.children(element)
        this.inLink--
        return
      case 'sup': {
        const words = textOf(element).trim()
        // A bare number (`<sup>1</sup>`); one in brackets (`<sup>(1)</sup>`) stays as printed: `[^(1)]` would be no reference.
        const number = /^\d{1,3}$/.exec(words)?.[0]
        if (number && this.length > this.lineStart && this.row === 0) {
          const at = offsetOf(element.children[0] ?? element, 'start') ?? start
          this.pendingSpace = -1
          this.write('[^', at, false)
          this.children(element)
          this.write(']', end, false)
          return
        }
        this.children(element)
        return
      }
      case 'pre':
        this.endLine(start, true)
        this.pre++
        this.children(element)
        this.pre--
        this.endLine(end, true)
        return
      case 'template':
        return
      default:
        if (BLOCK.has(tag)) {
          const blank = PARAGRAPH.has(tag)
          this.endLine(start, blank)
          const plain = this.plain === 0 && this.bold === 0 && wholeBold(element) ? 1 : 0
          // A block whose bold starts with a paragraph number (`<strong>1.</strong><strong>林健鋒議員</strong>：`, the
          // number even cut in two, `<b>8</b><b>.</b>`): the number is the line's, written before the bold
          // (`1. **林健鋒議員**：`), as a page that prints it outside the bold has it.
          if (plain === 0 && this.plain === 0 && this.bold === 0 && this.row === 0) {
            const number = BOLD_LEAD_NUMBER.exec(boldLead(element))?.[1]
            if (number) this.leadPlain = number.replace(/\s+/g, '').length
          }
          this.plain += plain
          this.children(element)
          this.endLine(end, blank)
          this.plain -= plain
          return
        }
        this.children(element)
    }
  }

  private table(table: HElement, start: number, end: number): void {
    if (this.row > 0 || isLayoutTable(table)) {
      this.endLine(start, true)
      this.blocks(table)
      this.endLine(end, true)
      return
    }
    this.endLine(start, true)
    const rows: {row: HElement; group: HElement}[] = []
    const collect = (node: HElement): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue
        if (child.tagName === 'tr') rows.push({row: child, group: node})
        else if (child.tagName === 'caption') {
          this.element(child)
        } else if (child.tagName !== 'table') collect(child)
      }
    }
    collect(table)
    // The rows still to come that a `rowspan` above covers, column by column; a row group (`tbody`,
    // `thead`, `tfoot`) ends every span, as the standard's table model has it.
    let spans: number[] = []
    let group: HElement | undefined
    const width = rows.reduce((most, {row}) => Math.max(most, ownWidth(row)), 0)
    for (const {row, group: in_} of rows) {
      if (in_ !== group) spans = []
      group = in_
      this.tableRow(row, spans, width)
    }
    this.endLine(end, true)
  }

  /** A layout table: rows and cells end lines, as `div`s would. */
  private blocks(node: HElement): void {
    for (const child of node.children) {
      if (child.type !== 'element') {
        this.node(child)
        continue
      }
      if (['tr', 'td', 'th', 'tbody', 'thead', 'tfoot'].includes(child.tagName)) {
        const start = offsetOf(child, 'start') ?? this.length
        this.endLine(start)
        const plain = this.plain === 0 && this.bold === 0 && (child.tagName === 'td' || child.tagName === 'th') && wholeBold(child) ? 1 : 0
        this.plain += plain
        this.blocks(child)
        this.endLine(offsetOf(child, 'end') ?? start)
        this.plain -= plain
      } else this.node(child)
    }
  }

  /**
   * A data table's row as one line, cells between tabs. `spans` holds, by column, how many rows
   * below a cell's `rowspan` still covers: such a column gets an empty cell in those rows (as a
   * `colspan` leaves empty cells to its right), so that the columns stay aligned. A row whose own cells
   * already fill the table's `width` wrote those cells itself (AbiWord's export keeps an empty `<td>`
   * under a rowspan): the span is passed, no cell added.
   */
  private tableRow(row: HElement, spans: number[], width: number): void {
    const start = offsetOf(row, 'start') ?? this.length
    this.endLine(start)
    const mark = this.length
    let chars = this.lineChars
    this.row++
    let first = true
    let column = 0
    /** Where the first cell's words end, and whether another cell has words. */
    let firstEnd = -1
    let others = false
    /** The empty cells of the columns a rowspan above covers, from `column` on while they are covered (`all`: to the last one covered). */
    const full = ownWidth(row) >= width
    if (full) for (let k = 0; k < spans.length; k++) if (spans[k]! > 0) spans[k]!--
    const covered = (at: number, all: boolean): void => {
      if (full) return
      let last = column
      if (all) for (let k = column; k < spans.length; k++) if (spans[k]! > 0) last = k + 1
      while ((spans[column] ?? 0) > 0 || column < last) {
        if ((spans[column] ?? 0) > 0) spans[column]!--
        // (Words above run down into it: the row is a row of the grid, not a line of its own.)
        if (!first) {
          this.write('\t', at, false)
          others = true
        } else firstEnd = this.length
        first = false
        column++
      }
    }
    for (const cell of row.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue
      const at = offsetOf(cell, 'start') ?? start
      this.closeBold(at)
      this.pendingSpace = -1
      covered(at, false)
      if (!first) this.write('\t', at, false)
      const before = this.lineChars
      // A cell all in bold (an agenda's `II.` and its title) is read as its words, as a block is.
      const plain = this.plain === 0 && this.bold === 0 && wholeBold(cell) ? 1 : 0
      this.plain += plain
      this.children(cell)
      this.closeBold(offsetOf(cell, 'end') ?? at)
      this.plain -= plain
      if (first) firstEnd = this.length
      else if (this.lineChars > before) others = true
      first = false
      this.closeBold(offsetOf(cell, 'end') ?? at)
      this.pendingSpace = -1
      const span = Number(cell.properties.colSpan ?? 1)
      for (let k = 1; k < Math.min(span, 50); k++) this.write('\t', offsetOf(cell, 'end') ?? at, false)
      const across = cellWidth(cell)
      const down = spanDown(cell.properties.rowSpan)
      for (let k = column; k < column + across; k++) spans[k] = Math.max(spans[k] ?? 0, down)
      column += across
    }
    // Columns after the row's last cell that a rowspan above covers.
    covered(offsetOf(row, 'end') ?? start, true)
    this.row--
    chars = this.lineChars - chars
    // An empty row (spacing): nothing to read. A row with words in its first cell only (`Other Papers`
    // over the papers) is a line of its own, as a one-cell row of a layout table is. Any other row keeps
    // its empty cells, as tabs: the tokeniser reads it as one row with all its cells (tokenise/index.ts, webRow).
    if (chars === 0) this.rollback(mark)
    else if (!others && firstEnd > mark) this.rollback(firstEnd)
    this.endLine(offsetOf(row, 'end') ?? start)
  }

  private list(list: HElement, start: number, end: number): void {
    if (this.row > 0) {
      this.children(list)
      return
    }
    this.endLine(start, this.listDepth === 0)
    const type = listType(list)
    const reversed = list.properties.reversed === true
    const first = Number(list.properties.start)
    let n =
      list.properties.start !== undefined && Number.isInteger(first)
        ? first
        : reversed
          ? list.children.filter((c) => c.type === 'element' && c.tagName === 'li').length
          : 1
    this.listDepth++
    for (const child of list.children) {
      if (child.type !== 'element' || child.tagName !== 'li') {
        this.node(child)
        continue
      }
      const value = Number(child.properties.value)
      if (child.properties.value !== undefined && Number.isInteger(value)) n = value
      const at = offsetOf(child, 'start') ?? start
      this.endLine(at)
      const label = listLabel(type, n)
      const indent = '  '.repeat(this.listDepth - 1)
      if (indent || label) this.write(indent + (label ? label + ' ' : ''), at, false)
      this.children(child)
      this.endLine(offsetOf(child, 'end') ?? at)
      n += reversed ? -1 : 1
    }
    this.listDepth--
    this.endLine(end, this.listDepth === 0)
  }

  finish(): void {
    this.endLine(this.source.length)
  }
}

/** The columns a cell takes: its `colspan` (at most 50), else one. */
function cellWidth(cell: HElement): number {
  const span = Number(cell.properties.colSpan ?? 1)
  return Number.isInteger(span) && span >= 1 ? Math.min(span, 50) : 1
}

/** The columns a row's own cells take. */
function ownWidth(row: HElement): number {
  let width = 0
  for (const cell of row.children) if (cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')) width += cellWidth(cell)
  return width
}

/** How many rows below its own a cell's `rowspan` covers: `0` is all the rest (of its row group), a bad value none. */
function spanDown(value: unknown): number {
  if (value === undefined || value === '') return 0
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) return 0
  return n === 0 ? ROWSPAN_MAX : Math.min(n, ROWSPAN_MAX) - 1
}

/** The standard's largest rowspan. */
const ROWSPAN_MAX = 65534

/**
 * Are all the words of a block bold (`<p><strong>MEMBERS PRESENT:</strong></p>`)? Then it is a
 * title or a label in bold type, read as its words (`**…**` around a whole line would hide
 * them from the rules that read lines: `OFFICIAL RECORD OF PROCEEDINGS`, `MEMBERS PRESENT:`).
 */
function wholeBold(element: HElement): boolean {
  let words = false
  const visit = (node: HNode, bold: boolean): boolean => {
    if (node.type === 'text') {
      if (/^\s*$/.test(node.value)) return true
      words = true
      return bold
    }
    if (node.type !== 'element') return true
    if (MARKUP.has(node.tagName) || node.tagName === 'table' || node.tagName === 'ol' || node.tagName === 'ul') return false
    const strong = bold || node.tagName === 'strong' || node.tagName === 'b'
    for (const child of node.children) if (!visit(child, strong)) return false
    return true
  }
  for (const child of element.children) if (!visit(child, false)) return false
  return words
}

/**
 * The words a block starts with in bold, up to its first words not in bold (spaces between bold runs kept),
 * its first line end or a dozen characters: where a paragraph number printed in bold would be.
 */
function boldLead(block: HElement): string {
  let out = ''
  const visit = (node: HNode, bold: boolean): boolean => {
    if (out.length >= 12) return false
    if (node.type === 'text') {
      if (!bold && !/^\s*$/.test(node.value)) return false
      out += node.value
      return true
    }
    if (node.type !== 'element') return true
    if (MARKUP.has(node.tagName) || BLOCK.has(node.tagName) || node.tagName === 'br' || node.tagName === 'table') return false
    const strong = bold || node.tagName === 'strong' || node.tagName === 'b'
    for (const child of node.children) if (!visit(child, strong)) return false
    return true
  }
  for (const child of block.children) if (!visit(child, false)) break
  return out
}

/** The text of a hast node, as the parser gave it (entities decoded). */
function textOf(node: HNode): string {
  if (node.type === 'text' || node.type === 'comment') return node.value
  if (node.type === 'element' && MARKUP.has(node.tagName) && node.tagName !== 'style' && node.tagName !== 'script') return ''
  let out = ''
  for (const child of (node as {children?: HNode[]}).children ?? []) out += textOf(child)
  return out
}

/** Is the `&` at `raw[j]` written as itself (`A&B`), not the start of an entity the parser decoded? */
function literalAmpersand(value: string, i: number, raw: string, j: number): boolean {
  const entity = /^&(?:#[xX][0-9a-fA-F]+;?|#\d+;?|[A-Za-z][A-Za-z0-9]*;?)/.exec(raw.slice(j, j + 40))
  return !entity || value.startsWith(entity[0], i)
}

/** Does the page end before its markup does? Where and why. */
function truncation(source: string): {at: number; why: string} | null {
  const end = source.trimEnd().length
  const lastOpen = source.lastIndexOf('<')
  if (lastOpen >= 0 && source.indexOf('>', lastOpen) < 0) return {at: lastOpen, why: 'it ends inside a tag'}
  const comment = source.lastIndexOf('<!--')
  if (comment >= 0 && source.indexOf('-->', comment + 4) < 0) return {at: comment, why: 'it ends inside a comment'}
  const tail = source.slice(-4096)
  if (/<body[\s>]/i.test(source) && !/<\/body\s*>/i.test(tail) && !/<\/html\s*>/i.test(tail)) return {at: end, why: 'it has no closing </body> or </html>'}
  return null
}

/** Elements whose content is raw text up to their end tag: one never closed takes the rest of the page. */
const RAW_TEXT = ['title', 'textarea', 'style', 'script', 'xmp']

/** An element of {@link RAW_TEXT} opened and never closed: where it opens, and how much of the page it took. */
function swallowed(source: string): {at: number; name: string; length: number} | null {
  const lower = source.toLowerCase()
  let found: {at: number; name: string; length: number} | null = null
  for (const name of RAW_TEXT) {
    const pattern = new RegExp(`<${name}[\\s/>]`, 'g')
    let open = -1
    for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
      const close = lower.indexOf(`</${name}`, m.index)
      if (close < 0) {
        open = m.index
        break
      }
      pattern.lastIndex = close
    }
    if (open >= 0 && (!found || open < found.at)) {
      const end = source.indexOf('>', open)
      found = {at: open, name, length: source.length - (end < 0 ? source.length : end + 1)}
    }
  }
  return found
}

/**
 * Read an HTML page (already decoded) into the pipeline's text and the way
 * back to the page. Never throws for anything in the page.
 */
export function readHtml(source: string, options: {standard?: boolean} = {}): HtmlText {
  // The well-formed common case by our own pass (html-fast.ts), anything else (or `standard`) by the
  // standard's parser. No onerror: parse5's error reports cost more than the parse itself; truncation is seen below.
  const fast = options.standard ? null : fastTree(source)
  const tree = fast ?? (fromHtml(source) as unknown as HNode)
  const reader = new Reader(source)
  reader.node(tree)
  reader.finish()
  const text = reader.text
  const notes: Origin['notes'] = []
  const cut = truncation(source)
  if (cut) {
    const lines = text.split('\n').filter((line) => line.trim()).length
    notes.push({
      severity: 'warning',
      ruleId: 'read/html-truncated',
      reason: `the HTML page looks cut short (${cut.why}): ${lines} lines of text were recovered, up to the end of the file; what followed is missing`,
      start: cut.at,
      end: cut.at
    })
  }
  // A page the fast reader took is well formed; any other may have lost its text to an element never closed.
  const open = fast ? null : swallowed(source)
  if (open) {
    const lines = text.split('\n').filter((line) => line.trim()).length
    notes.push({
      severity: 'warning',
      ruleId: 'read/html-malformed',
      reason: `the page's <${open.name}> is never closed: the ${open.length} characters after it are its content, not text (a browser shows them no more); ${lines} lines of text were recovered before it`,
      start: open.at,
      end: open.at
    })
  }
  return {text, origin: {source, map: reader.map, furniture: reader.furniture, notes}}
}
