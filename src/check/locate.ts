/**
 * From a match inside a node's words back to a line and column of the
 * input. A text node's value is its source with layout undone (wrapped
 * lines joined, page furniture and markup taken out), so an offset into
 * the value is walked back through the source character by character; where
 * the two cannot be matched up, the message falls back to the node's start.
 */
import {Source, pagesOfText} from '../source.js'
import type {Node, Paper, Position} from '../tree.js'

/** Something with words and a place: a text node, a field, or a heading line. */
export interface Located {
  value: string
  position: Position
}

const MARKUP = new Set([...'*_\\#>|`-~'])

function isSpace(char: string): boolean {
  return /[\s\u00a0\u3000\u200b\ufeff]/.test(char)
}

export class Locator {
  private readonly source: Source
  private readonly maps = new WeakMap<object, Int32Array>()
  /** Furniture ranges [start, end) sorted by start: skipped when walking a node's source. */
  private readonly skips: [number, number][]

  constructor(
    readonly text: string,
    tree: Paper
  ) {
    // PDF input (its tree's points have pages): the places found here carry the page too.
    this.source = new Source(text, tree.position.start.page !== undefined ? pagesOfText(text) : undefined)
    this.skips = tree.furniture.map((f) => [f.position.start.offset, f.position.end.offset] as [number, number]).sort((a, b) => a[0] - b[0])
  }

  span(start: number, end: number): Position {
    return this.source.position(start, end)
  }

  /** A zero-width place at the start of a node. */
  startOf(node: {position: Position}): Position {
    return {start: node.position.start, end: node.position.start}
  }

  /**
   * The place of `value.slice(start, end)` of a located thing. Exact when the
   * value can be walked back through the source up to `end`; else the
   * node's start.
   */
  within(node: Located, start: number, end: number): Position {
    const map = this.mapOf(node)
    const from = map[start] ?? -1
    const to = end > start ? (map[end - 1] ?? -1) : from
    if (from < 0 || to < 0) return this.startOf(node)
    return this.span(from, end > start ? to + 1 : from)
  }

  /** Source offset of each value offset (-1 where not found). */
  private mapOf(node: Located): Int32Array {
    const cached = this.maps.get(node)
    if (cached) return cached
    const {value} = node
    const map = new Int32Array(value.length).fill(-1)
    const base = node.position.start.offset
    const limit = Math.min(this.text.length, Math.max(node.position.end.offset, base))
    const text = this.text
    let j = base
    let skip = this.firstSkipAfter(base)
    for (let i = 0; i < value.length; ) {
      while (skip < this.skips.length && this.skips[skip]![1] <= j) skip++
      if (skip < this.skips.length && this.skips[skip]![0] <= j && j < this.skips[skip]![1] && this.skips[skip]![0] > base) {
        j = this.skips[skip]![1]
        continue
      }
      if (j >= limit) break
      const want = value[i]!
      const have = text[j]!
      if (want === have) {
        map[i++] = j++
      } else if (isSpace(have)) {
        j++
      } else if (isSpace(want)) {
        // A space the joiner put between two lines: it stands where the next word starts.
        map[i++] = j
      } else if (MARKUP.has(have)) {
        j++
      } else break
    }
    this.maps.set(node, map)
    return map
  }

  private firstSkipAfter(offset: number): number {
    let low = 0
    let high = this.skips.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.skips[mid]![1] <= offset) low = mid + 1
      else high = mid
    }
    return low
  }

  /** The place of a marker printed at the start of a node (`4.`, `- (a)`): found on the node's first line, else the node's start. */
  marker(node: Node, marker: string | null): Position {
    if (!marker) return this.startOf(node)
    const start = node.position.start.offset
    const lineEnd = this.text.slice(start).search(/\r?\n/)
    const firstLine = this.text.slice(start, lineEnd < 0 ? undefined : start + lineEnd)
    const at = firstLine.indexOf(marker)
    return at >= 0 ? this.span(start + at, start + at + marker.length) : this.startOf(node)
  }

  /**
   * The words of a heading (section or appendix title) with the place they
   * start from: the heading's first line.
   */
  heading(node: Node, title: string): Located {
    const start = node.position.start.offset
    const lineEnd = this.text.slice(start).search(/\r?\n/)
    const firstLine = this.text.slice(start, lineEnd < 0 ? undefined : start + lineEnd)
    const at = firstLine.indexOf(title)
    if (at >= 0) return {value: title, position: this.span(start + at, start + at + title.length)}
    return {value: title, position: this.span(start, Math.min(node.position.end.offset, start + title.length * 3 + 16))}
  }
}
