/**
 * Build, phrasing: the words of a block become text, strong and emphasis
 * nodes. A block's words come as pieces (one per line, or per part of a
 * line); pieces that layout broke apart are joined with `joiner` (nothing
 * between CJK, one space between words). Markdown marks (`**`, `*`, `\`)
 * are markup: they are dropped from values, but positions still cover them.
 */
import {joiner} from '../lang/chars.js'
import type {Source} from '../source.js'
import type {Emphasis, Phrasing, Strong, Text} from '../tree.js'

export interface Piece {
  start: number
  end: number
}

interface Run {
  type: 'text' | 'strong' | 'emphasis'
  value: string
  start: number
  end: number
}

const ESCAPABLE = /[!-/:-@[-`{-~]/

/** Read one piece of a line into runs, resolving escapes and emphasis marks. */
function runs(text: string, base: number): Run[] {
  const out: Run[] = []
  let value = ''
  let runStart = base
  let i = 0
  const flush = (end: number) => {
    if (value) out.push({type: 'text', value, start: runStart, end})
    value = ''
  }
  while (i < text.length) {
    const char = text[i]!
    if (char === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
      value += text[i + 1]
      i += 2
      continue
    }
    if (char === '\\' && i === text.length - 1) {
      // A Markdown hard break at the end of a line.
      i++
      continue
    }
    if (char === '*' || char === '_') {
      const double = text[i + 1] === char
      const mark = double ? char + char : char
      const close = findClose(text, i + mark.length, mark)
      const isEmphasisOpen = close > 0 && (char === '*' || wordBoundary(text, i, close + mark.length))
      if (isEmphasisOpen) {
        flush(base + i)
        const inner = text.slice(i + mark.length, close)
        out.push({
          type: double ? 'strong' : 'emphasis',
          value: inner.replace(/\\([!-/:-@[-`{-~])/g, '$1'),
          start: base + i,
          end: base + close + mark.length
        })
        i = close + mark.length
        runStart = base + i
        continue
      }
    }
    if (!value) runStart = base + i
    value += char
    i++
  }
  flush(base + text.length)
  return out
}

/** The index of the closing mark, or -1. Content must not start or end with a space. */
function findClose(text: string, from: number, mark: string): number {
  if (from >= text.length || /\s/.test(text[from]!)) return -1
  let index = text.indexOf(mark, from)
  while (index > from) {
    if (!/\s/.test(text[index - 1]!) && text[index - 1] !== '\\') {
      // `**` is not closed by the first half of another `**`.
      if (mark.length === 1 && text[index + 1] === mark) {
        index = text.indexOf(mark, index + 2)
        continue
      }
      return index
    }
    index = text.indexOf(mark, index + 1)
  }
  return -1
}

/** `_` marks emphasis only at word edges (`sc_subleg` is a name). */
function wordBoundary(text: string, open: number, closeEnd: number): boolean {
  const before = open > 0 ? text[open - 1]! : ' '
  const after = closeEnd < text.length ? text[closeEnd]! : ' '
  return !/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)
}

/**
 * Hyphenated words broken at a line end: the hyphen is kept (`co-` +
 * `ordinates` reads `co-ordinates`) and no space is put in.
 */
function join(before: string, after: string): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) return ''
  return joiner(before, after)
}

/** The phrasing nodes for a block's pieces. */
export function phrasing(source: Source, pieces: Piece[]): Phrasing[] {
  const nodes: Phrasing[] = []
  let last: Text | null = null
  let lastEnd = -1
  for (const piece of pieces) {
    const pieceRuns = runs(source.text.slice(piece.start, piece.end), piece.start)
    for (const [n, run] of pieceRuns.entries()) {
      if (run.type === 'text') {
        if (last && n === 0) {
          // Same sentence across a line break: one text node.
          last.value += join(last.value, run.value) + run.value
          last.position = source.position(last.position.start.offset, run.end)
          lastEnd = run.end
          continue
        }
        last = {type: 'text', value: run.value, position: source.position(run.start, run.end)}
        nodes.push(last)
      } else {
        const inner: Text = {type: 'text', value: run.value, position: source.position(run.start + markLength(run), run.end - markLength(run))}
        const node: Strong | Emphasis = {type: run.type, children: [inner], position: source.position(run.start, run.end)}
        if (last && n === 0 && lastEnd >= 0) last.value += join(last.value, run.value)
        nodes.push(node)
        last = null
      }
      lastEnd = run.end
    }
  }
  return nodes
}

function markLength(run: Run): number {
  return run.type === 'strong' ? 2 : 1
}

/** The plain words of a block's pieces (for titles and fields). */
export function plainText(source: Source, pieces: Piece[]): string {
  let value = ''
  for (const node of phrasing(source, pieces)) {
    const words = node.type === 'text' ? node.value : node.type === 'footnoteReference' ? '' : node.children.map((child) => child.value).join('')
    value += join(value, words) + words
  }
  return value
}
