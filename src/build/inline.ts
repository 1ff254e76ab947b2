/**
 * Build, phrasing: the words of a block become text, strong and emphasis
 * nodes. A block's words come as pieces (one per line, or per part of a
 * line); pieces that layout broke apart are joined with `joiner` (nothing
 * between CJK, one space between words). Markdown marks (`**`, `*`, `\`)
 * are markup: they are dropped from values, but positions still cover them.
 */
import {isLetterSpaced, isWide, joiner} from '../lang/chars.js'
import {FOOTNOTE_MARKER} from '../lang/patterns.js'
import type {Source} from '../source.js'
import type {Emphasis, Phrasing, Strong, Text} from '../tree.js'

export interface Piece {
  start: number
  end: number
}

interface Run {
  type: 'text' | 'strong' | 'emphasis' | 'footnoteReference'
  value: string
  start: number
  end: number
}

const ESCAPABLE = /[!-/:-@[-`{-~]/

/** The footnote marker pattern, matched at one place (sticky). */
const MARKER_AT = new RegExp(FOOTNOTE_MARKER.source, 'y')

/** Read words into runs, resolving escapes, emphasis marks and footnote markers. */
function runs(text: string, base: number, footnotes: ReadonlySet<string>): Run[] {
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
    if (char === '[' && text[i + 1] === '^') {
      // `[^1]`: a footnote reference as Markdown writes it.
      const reference = /^\[\^([^\]\s]{1,20})\]/.exec(text.slice(i, i + 24))
      if (reference) {
        flush(base + i)
        out.push({type: 'footnoteReference', value: reference[1]!, start: base + i, end: base + i + reference[0].length})
        i += reference[0].length
        runStart = base + i
        continue
      }
    }
    if (footnotes.size > 0 && char >= '0' && char <= '9') {
      MARKER_AT.lastIndex = i
      const marker = MARKER_AT.exec(text)
      if (marker && footnotes.has(marker[1]!)) {
        flush(base + i)
        out.push({type: 'footnoteReference', value: marker[1]!, start: base + i, end: base + i + marker[1]!.length})
        i += marker[1]!.length
        runStart = base + i
        continue
      }
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
 * Hyphenated words broken at a line end: no space is put in, and the hyphen
 * stays (`co-` + `ordinates` reads `co-ordinates`) unless the paper itself
 * spells the word without it elsewhere and never with it (`infor-` +
 * `mation`): then the hyphen was only the break. Returns the glue, or
 * `DROP_HYPHEN`.
 */
function join(before: string, after: string, source?: Source): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) {
    if (source) {
      const head = /[A-Za-z]+-$/.exec(before)![0].slice(0, -1)
      const tail = /^[a-z]+/.exec(after)![0]
      if (source.hasWord(head + tail) && !source.hasWord(`${head}-${tail}`)) return DROP_HYPHEN
    }
    return ''
  }
  return joiner(before, after)
}

const DROP_HYPHEN = '\u0000'

/**
 * The phrasing nodes for a block's pieces. The pieces are joined first (so
 * that `**附` at the end of one line and `錄**` on the next are one strong
 * node), with a map from each character of the joined words back to its
 * offset in the source.
 */
export function phrasing(source: Source, pieces: Piece[]): Phrasing[] {
  let joined = ''
  const map: number[] = []
  for (const piece of pieces) {
    const words = source.text.slice(piece.start, piece.end)
    if (words.length === 0) continue
    const spaced = isLetterSpaced(words)
    const glue = join(joined, words, source)
    if (glue === DROP_HYPHEN) {
      joined = joined.slice(0, -1)
      map.pop()
    } else {
      for (let i = 0; i < glue.length; i++) map.push(piece.start)
      joined += glue
    }
    for (let i = 0; i < words.length; i++) {
      // A letter-spaced line reads as words: the spaces between its CJK characters go.
      if (spaced && (words[i] === ' ' || words[i] === '\u3000') && isWide(joined.charCodeAt(joined.length - 1)) && isWide(words.charCodeAt(i + 1))) continue
      map.push(piece.start + i)
      joined += words[i]
    }
  }
  map.push(pieces.length ? pieces[pieces.length - 1]!.end : 0)
  const at = (index: number) => map[index]!
  /** The source offset just after joined[index - 1]. */
  const after = (index: number) => (index > 0 ? map[index - 1]! + 1 : map[0]!)
  const nodes: Phrasing[] = []
  for (const run of runs(joined, 0, source.footnotes)) {
    const position = source.position(at(run.start), after(run.end))
    if (run.type === 'text') {
      nodes.push({type: 'text', value: run.value, position})
    } else if (run.type === 'footnoteReference') {
      nodes.push({type: 'footnoteReference', identifier: run.value, position})
    } else {
      const mark = markLength(run)
      const inner: Text = {type: 'text', value: run.value, position: source.position(at(run.start + mark), after(run.end - mark))}
      nodes.push({type: run.type, children: [inner], position} as Strong | Emphasis)
    }
  }
  return nodes
}

function markLength(run: Run): number {
  return run.type === 'strong' ? 2 : 1
}

/** The plain words of a block's pieces (for titles and fields): the phrasing's values, marks left out. */
export function plainText(source: Source, pieces: Piece[]): string {
  let value = ''
  for (const node of phrasing(source, pieces)) {
    const words = node.type === 'text' ? node.value : node.type === 'footnoteReference' ? node.identifier : node.children.map((child) => child.value).join('')
    value += words
  }
  return value
}
