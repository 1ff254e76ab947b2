/**
 * Build, phrasing: the words of a block become text, strong and emphasis
 * nodes. A block's words come as pieces (one per line, or per part of a
 * line); pieces that layout broke apart are joined with `joiner` (nothing
 * between CJK, one space between words). Markdown marks (`**`, `*`, `\`)
 * are markup: they are dropped from values, but positions still cover them.
 */
import {isLetterSpaced, isWide, joiner, MAYBE_SPACED} from '../lang/chars.js'
import {FOOTNOTE_MARKER, FOOTNOTE_MARKER_BRACKETED, MARKER_OPENING_BRACKETS} from '../lang/numbering.js'
import {toHalfWidth} from '../lang/chars.js'
import type {Source} from '../source.js'
import type {Emphasis, Phrasing, Strong, Text} from '../tree.js'

import type {Piece} from '../tokenise/index.js'

export type {Piece}

/**
 * Where the words read by `runs` go: each run becomes its node at once (no list of runs in between, issue 10).
 * Offsets are into the joined words; `node` maps them to the source.
 */
interface Sink {
  text(value: string, start: number, end: number): void
  reference(identifier: string, marker: string | undefined, start: number, end: number): void
  marked(type: 'strong' | 'emphasis', value: string, start: number, end: number): void
}

const ESCAPABLE = /[!-/:-@[-`{-~]/

/** The footnote marker pattern, matched at one place (sticky). */
const MARKER_AT = new RegExp(FOOTNOTE_MARKER.source, 'y')
/** The bracketed marker (`誓言 (1 )`), matched at its opening bracket (sticky). */
const BRACKETED_MARKER_AT = new RegExp(FOOTNOTE_MARKER_BRACKETED.source, 'y')

/** Characters where something may happen; everything between them is plain words. */
const SPECIAL = /[\\*_[]/g
const SPECIAL_OR_DIGIT = /[\\*_[0-9]/g
const SPECIAL_OR_DIGIT_OR_BRACKET = new RegExp(`[\\\\*_[0-9${MARKER_OPENING_BRACKETS}]`, 'g')
const REFERENCE = /\[\^([^\]\s]{1,20})\]/y
/** An endnote's reference in square brackets (`[4]`), matched at its bracket (sticky). */
const SQUARE_REFERENCE = /\[(\d{1,3})\]/y
const ESCAPE_IN_MARKS = /\\([!-/:-@[-`{-~])/g

/** Read words into runs, resolving escapes, emphasis marks and footnote markers, each handed to `out` as it ends. Offsets are into `text`. */
function runs(text: string, footnotes: ReadonlySet<string>, bracketed: ReadonlySet<string>, square: ReadonlySet<string>, out: Sink): void {
  /** Runs handed on so far (an endnote's `[4]` counts only after words). */
  let count = 0
  const special = bracketed.size > 0 ? SPECIAL_OR_DIGIT_OR_BRACKET : footnotes.size > 0 ? SPECIAL_OR_DIGIT : SPECIAL
  let value = ''
  let runStart = -1
  let i = 0
  const add = (from: number, to: number) => {
    if (from >= to) return
    if (runStart < 0) runStart = from
    value += text.slice(from, to)
  }
  const flush = (end: number) => {
    if (value) {
      out.text(value, runStart, end)
      count++
    }
    value = ''
    runStart = -1
  }
  while (i < text.length) {
    special.lastIndex = i
    const found = special.exec(text)
    const next = found ? found.index : text.length
    add(i, next)
    i = next
    if (!found) break
    const char = text[i]!
    if (char === '\\') {
      if (i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
        if (runStart < 0) runStart = i
        value += text[i + 1]
        i += 2
      } else if (i === text.length - 1)
        i++ // a Markdown hard break at the end of a line
      else add(i, ++i)
      continue
    }
    if (char === '[') {
      // `[^1]`: a footnote reference as Markdown writes it.
      REFERENCE.lastIndex = i
      const reference = text[i + 1] === '^' ? REFERENCE.exec(text) : null
      if (reference) {
        flush(i)
        out.reference(reference[1]!, undefined, i, i + reference[0].length)
        count++
        i += reference[0].length
        continue
      }
      // `規管[4]`: an endnote's reference, after a word, to a note the paper has.
      SQUARE_REFERENCE.lastIndex = i
      const endnote = square.size > 0 && (value !== '' || count > 0) ? SQUARE_REFERENCE.exec(text) : null
      if (endnote && square.has(endnote[1]!)) {
        flush(i)
        out.reference(endnote[1]!, endnote[0], i, i + endnote[0].length)
        count++
        i += endnote[0].length
      } else add(i, ++i)
      continue
    }
    if (MARKER_OPENING_BRACKETS.includes(char)) {
      BRACKETED_MARKER_AT.lastIndex = i
      const marker = BRACKETED_MARKER_AT.exec(text)
      if (marker && bracketed.has(toHalfWidth(marker[1]!))) {
        // The space before the marker goes with it (`誓言 (1 )`): the words end where the word does.
        const end = value.endsWith(' ') ? i - 1 : i
        if (end < i) value = value.slice(0, -1)
        flush(end)
        out.reference(toHalfWidth(marker[1]!), marker[0], i, i + marker[0].length)
        count++
        i += marker[0].length
      } else add(i, ++i)
      continue
    }
    if (char >= '0' && char <= '9') {
      MARKER_AT.lastIndex = i
      const marker = MARKER_AT.exec(text)
      if (marker && footnotes.has(marker[1]!)) {
        flush(i)
        out.reference(marker[1]!, undefined, i, i + marker[1]!.length)
        count++
        i += marker[1]!.length
      } else {
        // The rest of the number is plain.
        let end = i + 1
        while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++
        add(i, end)
        i = end
      }
      continue
    }
    // `***7. Hon …**`: a literal `*` before a strong run (CommonMark reads the first mark as the character).
    if (char === '*' && text.startsWith('***', i) && text[i + 3] !== '*') {
      const close = findClose(text, i + 3, '**')
      if (close > 0 && text[close + 2] !== '*') {
        add(i, ++i)
        continue
      }
    }
    // `*` or `_`: emphasis when a closing mark follows.
    const double = text[i + 1] === char
    const mark = double ? char + char : char
    const close = findClose(text, i + mark.length, mark)
    if (close > 0 && (char === '*' || wordBoundary(text, i, close + mark.length))) {
      flush(i)
      out.marked(double ? 'strong' : 'emphasis', text.slice(i + mark.length, close).replace(ESCAPE_IN_MARKS, '$1'), i, close + mark.length)
      count++
      i = close + mark.length
    } else add(i, ++i)
  }
  flush(text.length)
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

/** A stretch of the joined words that is a stretch of the source. */
interface Segment {
  /** Start and end in the joined words. */
  from: number
  to: number
  /** Offset in the source of the joined words' `from`. */
  source: number
}

/**
 * The phrasing nodes for a block's pieces. The pieces are joined first (so
 * that `**附` at the end of one line and `錄**` on the next are one strong
 * node), keeping segments that map the joined words back to source offsets.
 */
export function phrasing(source: Source, pieces: Piece[]): Phrasing[] {
  const parts: string[] = []
  const segments: Segment[] = []
  let length = 0
  let previous = ''
  for (const piece of pieces) {
    const words = source.text.slice(piece.start, piece.end)
    if (words.length === 0) continue
    const glue = join(previous, words, source)
    if (glue === DROP_HYPHEN) {
      // The hyphen was only the line break: the word goes on without it.
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1)
      segments[segments.length - 1]!.to--
      length--
    } else if (glue) {
      parts.push(glue)
      length += glue.length
    }
    if (MAYBE_SPACED.test(words) && isLetterSpaced(words)) {
      // A letter-spaced line reads as words: the spaces between its CJK characters go.
      let kept = ''
      let from = 0
      for (let i = 0; i < words.length; i++) {
        if (!isSpace(words[i]) || i === 0 || !isWide(words.charCodeAt(i - 1))) continue
        // A run of spaces (`議   程`) goes whole when a CJK character stands on each side of it.
        let end = i + 1
        while (end < words.length && isSpace(words[end])) end++
        if (isWide(words.charCodeAt(end))) {
          segments.push({from: length + kept.length, to: length + kept.length + (i - from), source: piece.start + from})
          kept += words.slice(from, i)
          from = end
        }
        i = end - 1
      }
      segments.push({from: length + kept.length, to: length + kept.length + (words.length - from), source: piece.start + from})
      kept += words.slice(from)
      parts.push(kept)
      length += kept.length
      previous = kept
    } else {
      segments.push({from: length, to: length + words.length, source: piece.start})
      parts.push(words)
      length += words.length
      previous = words
    }
  }
  const joined = parts.join('')
  const last = pieces.length ? pieces[pieces.length - 1]!.end : 0
  /** The source offset of joined[index]; glue maps to the start of what follows it. */
  const at = (index: number): number => {
    let low = 0
    let high = segments.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (segments[mid]!.to <= index) low = mid + 1
      else high = mid
    }
    const segment = segments[low]
    if (!segment || index >= segment.to) return last
    return index < segment.from ? segment.source : segment.source + (index - segment.from)
  }
  /** The source offset just after joined[index - 1]. */
  const after = (index: number): number => (index > 0 ? at(index - 1) + 1 : at(0))
  // The nodes, made as the runs are read; most blocks are one text node, and a node's children are kept at their
  // length: an array grown by push from empty holds 17 slots (152 bytes) for one node (issue 10).
  let first: Phrasing | undefined
  let nodes: Phrasing[] | undefined
  const add = (node: Phrasing) => {
    if (first === undefined) first = node
    else if (nodes === undefined) nodes = [first, node]
    else nodes.push(node)
  }
  runs(joined, source.footnotes, source.bracketedFootnotes, source.squareFootnotes, {
    text: (value, start, end) => add({type: 'text', value, position: source.position(at(start), after(end))}),
    reference: (identifier, marker, start, end) => {
      const position = source.position(at(start), after(end))
      add(marker ? {type: 'footnoteReference', identifier, marker, position} : {type: 'footnoteReference', identifier, position})
    },
    marked: (type, value, start, end) => {
      const mark = type === 'strong' ? 2 : 1
      const inner: Text = {type: 'text', value, position: source.position(at(start + mark), after(end - mark))}
      add({type, children: [inner], position: source.position(at(start), after(end))} as Strong | Emphasis)
    }
  })
  if (nodes === undefined) return first === undefined ? [] : [first]
  // Trimmed to its length (a copy: V8 keeps a grown array's spare slots).
  return nodes.length > 2 ? nodes.slice() : nodes
}

/** A character that may start markup (the digits too where the paper has footnotes): words without one are plain. */
const MAY_MARK = /[\\*_[]/
const MAY_MARK_OR_DIGIT = /[\\*_[0-9]/

/**
 * The phrasing of `pieces` and `added` together, worked out from `nodes`,
 * that of `pieces` alone, when both are plain words (one text node, no
 * markup): the last piece read again with the added ones, its words
 * replaced at the end. Null when they are not plain: phrase them all
 * afresh. A paragraph that a page break continues again and again (a run
 * of short lines) so costs what it adds, not all its words each time
 * (issue 10).
 */
export function phrasingMore(
  source: Source,
  nodes: readonly unknown[],
  pieces: readonly Piece[],
  added: readonly Piece[],
  /** The caller knows `nodes` to be plain (it had them from here). */
  plain = false,
  /** The end of the old text's value, as the last call returned it: compared instead of the whole value (which a long run would copy on each read). */
  suffix?: string
): {node: Text; suffix: string} | null {
  const old = nodes.length === 1 ? (nodes[0] as Phrasing) : null
  if (old?.type !== 'text' || (!plain && (source.footnotes.size > 0 ? MAY_MARK_OR_DIGIT : MAY_MARK).test(old.value))) return null
  let last = pieces.length - 1
  while (last >= 0 && pieces[last]!.start >= pieces[last]!.end) last--
  // A `\` that ends the words is a hard break there, and a character once more follows.
  if (last < 0 || source.text[pieces[last]!.end - 1] === '\\') return null
  const alone = phrasing(source, [pieces[last]!])
  const joined = phrasing(source, [pieces[last]!, ...added])
  if (alone.length !== 1 || alone[0]!.type !== 'text' || joined.length !== 1 || joined[0]!.type !== 'text') return null
  const tail = alone[0]!.value
  if (!(suffix !== undefined && suffix.length >= tail.length ? suffix.endsWith(tail) : old.value.endsWith(tail))) return null
  const more = joined[0]!
  if ((source.footnotes.size > 0 ? MAY_MARK_OR_DIGIT : MAY_MARK).test(more.value)) return null
  const value = more.value.startsWith(tail) ? old.value + more.value.slice(tail.length) : old.value.slice(0, old.value.length - tail.length) + more.value
  return {node: {type: 'text', value, position: source.position(old.position.start.offset, more.position.end.offset)}, suffix: more.value}
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

/** A space that letter-spacing puts between characters: ASCII or ideographic. */
function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\u3000'
}
