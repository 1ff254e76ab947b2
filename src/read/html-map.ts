/**
 * From the text read out of an HTML page back to the page itself.
 *
 * The pipeline reads the page's text (`src/read/html.ts`) with offsets into
 * that text; a tree's positions must point into the HTML source as given.
 * An {@link OffsetMap} is a sorted list of runs: from text offset `t` on,
 * characters come from source offset `s` on, one for one (`linear`: words
 * copied from the page), or all stand for the one place `s` (generated:
 * the tab between two cells, a list label, the newline a `<p>` ends with,
 * an entity decoded). {@link relocate} rewrites a parse result's positions
 * through it, using the source's own {@link Source} for lines and columns.
 */
import type {Message} from '../message.js'
import {Source, upperBound} from '../source.js'
import type {Furniture, FurnitureKind, Node, Paper, Position} from '../tree.js'

export class OffsetMap {
  private t: number[] = []
  private s: number[] = []
  private linear: boolean[] = []
  /** Where a run ends in the source when that is not where its characters say (an entity: `&quot;` is one character of text), else -1. */
  private ends: number[] = []
  private length = 0

  /** Record `count` characters of text starting at text offset `at` (the text's end so far), from source offset `source`. */
  add(at: number, source: number, count: number, linear: boolean): void {
    const last = this.t.length - 1
    if (last >= 0) {
      const continues = linear ? this.linear[last] && this.s[last]! + (at - this.t[last]!) === source : !this.linear[last] && this.s[last] === source
      if (continues) {
        this.length = at + count
        return
      }
    }
    this.t.push(at)
    this.s.push(source)
    this.linear.push(linear)
    this.ends.push(-1)
    this.length = at + count
  }

  /** The text so far (its last run) ends at source offset `sourceEnd`: the character written last stood for a longer stretch there (an entity). */
  stretch(sourceEnd: number): void {
    const last = this.t.length - 1
    if (last >= 0) this.ends[last] = sourceEnd
  }

  /** Drop everything from text offset `at` on (a line taken back as furniture). */
  truncate(at: number): void {
    let n = this.t.length
    while (n > 0 && this.t[n - 1]! >= at) n--
    this.t.length = this.s.length = this.linear.length = this.ends.length = n
    this.length = Math.min(this.length, at)
  }

  /** The last run starting at or before `offset` (the first when none does). */
  private run(offset: number): number {
    return Math.max(0, upperBound(this.t, offset) - 1)
  }

  /** Source offset of the character at text offset `offset`. */
  start(offset: number): number {
    if (this.t.length === 0) return 0
    const i = this.run(offset)
    return this.linear[i] ? this.s[i]! + (offset - this.t[i]!) : this.s[i]!
  }

  /** Source offset just after the character before text offset `offset` (an exclusive end). */
  end(offset: number): number {
    if (offset <= 0 || this.t.length === 0) return this.start(0)
    const i = this.run(offset - 1)
    if (this.ends[i]! >= 0 && offset === (i + 1 < this.t.length ? this.t[i + 1]! : this.length)) return this.ends[i]!
    return this.linear[i] ? this.s[i]! + (offset - this.t[i]!) : this.s[i]!
  }

  get runs(): number {
    return this.t.length
  }
}

/** Furniture of the page found by the reader (head, scripts, menus), in source offsets. */
export interface PageFurniture {
  kind: FurnitureKind
  value: string
  start: number
  end: number
}

/** What a tree read from an HTML page needs to point into the page. */
export interface Origin {
  /** The HTML source, decoded: the text positions point into. */
  source: string
  map: OffsetMap
  furniture: PageFurniture[]
  /** The reader's messages (charset, recovery), with source offsets. */
  notes: {severity: 'warning' | 'info'; ruleId: string; reason: string; start: number; end: number}[]
}

/**
 * Rewrite the positions of a tree and its messages from text offsets to
 * the HTML source, add the page's furniture and the reader's messages.
 * Positions are replaced, never changed in place (nodes share points).
 */
export function relocate<R extends {tree: Paper; messages: Message[]}>(result: R, origin: Origin, first = true, whole = true): R {
  const source = new Source(origin.source)
  const {map} = origin
  const move = (position: Position): Position => {
    const start = map.start(position.start.offset)
    const end = position.end.offset <= position.start.offset ? start : Math.max(start, map.end(position.end.offset))
    return source.position(start, end)
  }
  const visit = (node: Node & {children?: Node[]}, parent: Position | null): void => {
    let moved = move(node.position)
    // An empty node (a table's empty cell) stands for the tab the reader wrote, which maps to the next
    // cell's tag: it is put inside its parent instead, at the nearest end.
    if (parent && moved.start.offset === moved.end.offset && (moved.start.offset < parent.start.offset || moved.start.offset > parent.end.offset)) {
      const at = moved.start.offset < parent.start.offset ? parent.start.offset : parent.end.offset
      moved = source.position(at, at)
    }
    node.position = moved
    if (node.children) for (const child of node.children) visit(child as Node & {children?: Node[]}, moved)
  }
  visit(result.tree as unknown as Node & {children?: Node[]}, null)
  // One paper: the whole page, head and all (a paper of a --split page: its own stretch).
  if (whole) result.tree.position = source.position(0, origin.source.length)
  const furniture: Furniture[] = result.tree.furniture.map((node) => ({...node, position: move(node.position)}))
  // The page's own furniture and the reader's messages go with the first paper of a page.
  if (first)
    for (const found of origin.furniture)
      furniture.push({type: 'furniture', kind: found.kind, value: found.value, position: source.position(found.start, found.end)})
  furniture.sort((a, b) => a.position.start.offset - b.position.start.offset)
  result.tree.furniture = furniture
  const messages: Message[] = result.messages.map((message) => (message.place ? {...message, place: move(message.place)} : message))
  if (first) {
    for (const note of origin.notes) {
      messages.push({reason: note.reason, ruleId: note.ruleId, source: 'legco', severity: note.severity, place: source.position(note.start, note.end)})
    }
  }
  messages.sort((a, b) => (a.place?.start.offset ?? -1) - (b.place?.start.offset ?? -1))
  result.messages = messages
  return result
}
