/**
 * Text hygiene: brackets and quotes that open and close, one width
 * (half or full) per role in a paper, dates that exist.
 */
import {BRACKET_PAIRS, DIGIT_RUNS, hasFullWidthDigit, SHORT_LABEL_BEFORE, toHalfWidth} from '../../lang/chars.js'
import {daysInMonth, findDates, isDayOfMonth, longestMonth, monthName, ZH_MONTH_DAY, ZH_MONTH_DAY_MARK} from '../../lang/dates.js'
import {markerOpensBracket} from '../../lang/numbering.js'
import type {Item, Paragraph} from '../../tree.js'
import {lintRule} from '../rule.js'
import type {Replacement, RuleContext} from '../types.js'
import {blocksOf, halfWidthOf, paragraphRuns, placeIn, visit, type Block} from '../walk.js'
import {matchAll} from '../../matches.js'

const OPENERS = new Map<string, number>()
const CLOSERS = new Map<string, number>()
// The same by UTF-16 code unit (every bracket is one): the pair a unit opens or closes, -1 for none. The scan reads
// every character of the paper, twice a run: a table, not a Map of one-character strings.
const OPENS = new Int8Array(0x10000).fill(-1)
const CLOSES = new Int8Array(0x10000).fill(-1)
BRACKET_PAIRS.forEach((pair, index) => {
  for (const char of pair.open) {
    OPENERS.set(char, index)
    OPENS[char.charCodeAt(0)] = index
  }
  for (const char of pair.close) {
    CLOSERS.set(char, index)
    CLOSES[char.charCodeAt(0)] = index
  }
})

export interface BracketScan {
  /** Matched pairs: offsets of the opener and the closer. */
  pairs: [number, number][]
  /** Openers never closed. */
  unclosed: number[]
  /** Closers with no opener. */
  unopened: number[]
}

/**
 * Match brackets and quotes in one block. A `)` that ends an inline list
 * label (`1)`, `ii)`, `b)` after a space or at the start) is not a bracket.
 */
export function scanBrackets(value: string): BracketScan {
  const stack: {at: number; pair: number}[] = []
  // For each kind of pair, the places in `stack` of its open entries, innermost last: the closer's match
  // is found at once, not by a search of the stack (linear on 100,000 unclosed brackets; issue 10).
  const open = BRACKET_PAIRS.map((): number[] => [])
  const pop = () => {
    const entry = stack.pop()!
    open[entry.pair]!.pop()
    return entry
  }
  const result: BracketScan = {pairs: [], unclosed: [], unopened: []}
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    const opens = OPENS[code]!
    const close = CLOSES[code]!
    // “ and ” are distinct; a quote that is both (none here) would need parity.
    if (opens >= 0) {
      open[opens]!.push(stack.length)
      stack.push({at: i, pair: opens})
    } else if (close >= 0) {
      const depth = open[close]!.at(-1) ?? -1
      if (depth < 0) {
        if ((code === 0x29 || code === 0xff09) /* ) or its full-width form */ && SHORT_LABEL_BEFORE.test(value.slice(Math.max(0, i - 6), i))) continue
        result.unopened.push(i)
        continue
      }
      // Openers above the match were never closed.
      while (stack.length > depth + 1) result.unclosed.push(pop().at)
      result.pairs.push([pop().at, i])
    }
  }
  for (const entry of stack) result.unclosed.push(entry.at)
  result.unclosed.sort((a, b) => a - b)
  // Kept for the whole check, one a block: most blocks have no bracket, and an array grown by push holds room for 16
  // more, so the scan keeps arrays at their length and shares one empty scan (issue 10).
  if (result.pairs.length === 0 && result.unclosed.length === 0 && result.unopened.length === 0) return NO_BRACKETS
  return {pairs: result.pairs.slice(), unclosed: result.unclosed.slice(), unopened: result.unopened.slice()}
}

/** The scan of a block without brackets: shared, frozen (the rules only read a scan). */
const NO_BRACKETS: BracketScan = Object.freeze({pairs: Object.freeze([]) as never, unclosed: Object.freeze([]) as never, unopened: Object.freeze([]) as never})

/** A block's brackets (each rule that reads them scans its own blocks: blocks are made as a rule reads them, walk.ts). */
function bracketsOf(block: Block): BracketScan {
  return scanBrackets(block.value)
}

function closerOf(char: string): string {
  const pair = BRACKET_PAIRS[OPENERS.get(char)!]!
  return pair.close[pair.open.indexOf(char)] ?? pair.close[0]!
}

function openerOf(char: string): string {
  const pair = BRACKET_PAIRS[CLOSERS.get(char)!]!
  return pair.open[pair.close.indexOf(char)] ?? pair.open[0]!
}

function excerpt(value: string, at: number): string {
  const text = value.slice(at, at + 12).replace(/\s+/g, ' ')
  return at + 12 < value.length ? `${text}…` : text
}

export const bracketsBalanced = lintRule(
  {
    id: 'brackets-balanced',
    severity: 'error',
    category: 'hygiene',
    summary: 'a bracket or quote that is not closed, or closes nothing: （） () “” 「」 《》'
  },
  (context) => {
    for (const block of blocksOf(context.tree, context.locate)) {
      const scan = bracketsOf(block)
      for (const at of scan.unclosed) {
        const char = block.value[at]!
        context.report(
          `${char} is not closed: “${excerpt(block.value, at)}”`,
          placeIn(context.locate, block, at, at + 1),
          `add the closing ${closerOf(char)}, or remove this ${char}`
        )
      }
      for (const at of scan.unopened) {
        const char = block.value[at]!
        const start = Math.max(0, at - 11)
        context.report(
          `${char} closes nothing: “${start > 0 ? '…' : ''}${block.value.slice(start, at + 1)}”`,
          placeIn(context.locate, block, at, at + 1),
          `add the opening ${openerOf(char)}, or remove this ${char}`
        )
      }
    }
  }
)

type Width = 'half' | 'full'

interface Use {
  width: Width
  place: () => import('../../tree.js').Position
  shown: string
  /** The form it should take (worked out only for a use that is reported). */
  fix: () => string
  /** What --fix changes at the place: the characters there and what they become (none when the place is not exact). */
  replace?: () => Replacement | undefined
}

/** Report the uses whose width is not the one most uses have (the first one's on a tie). */
function reportMinority(context: RuleContext, role: string, uses: Use[]): void {
  const half = uses.filter((use) => use.width === 'half')
  const full = uses.filter((use) => use.width === 'full')
  if (half.length === 0 || full.length === 0) return
  const norm: Width = half.length > full.length ? 'half' : full.length > half.length ? 'full' : uses[0]!.width
  const normExample = (norm === 'half' ? half : full)[0]!.shown
  for (const use of norm === 'half' ? full : half) {
    context.report(
      `${role} ${use.shown} is ${use.width}-width; the paper's other ${role}s are ${norm}-width (${normExample})`,
      use.place(),
      `print it as ${use.fix()}`,
      use.replace ? use.replace() : {expect: use.shown, text: use.fix()}
    )
  }
}

const FULL = /[\uff01-\uff5e]/
const HALF = /[\x21-\x7e]/

/** The characters of a marker whose width is a choice: brackets, points and digits, not the letter of a label (`（d）` is full-width). */
function formOf(marker: string): string {
  return marker.replace(/[A-Za-z\uff21-\uff3a\uff41-\uff5a]/g, '')
}

/** Brackets, points and digits to full width; letters stay as they are. */
function toFullWidthForm(value: string): string {
  return value.replace(/[\x21-\x7e]/g, (c) => (/[A-Za-z]/.test(c) ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
}

function toFullWidth(value: string): string {
  return value.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}

export const widthConsistent = lintRule(
  {
    id: 'width-consistent',
    severity: 'warning',
    category: 'hygiene',
    summary: 'half- and full-width forms mixed for one role: (a) beside （b）, 4. beside ５．, ( closed by ）'
  },
  (context) => {
    const {tree, locate} = context
    // Paragraph markers: digits and point.
    const paragraphs: Paragraph[] = paragraphRuns(tree)
      .flatMap((run) => run.paragraphs)
      .filter((p) => p.marker && !p.inferred)
    const markerUse = (node: Paragraph | Item, marker: string): Use | null => {
      const full = FULL.test(formOf(marker))
      const halfPart = HALF.test(formOf(marker))
      if (!full && !halfPart) return null
      const fix = () => (full ? toHalfWidth(marker) : toFullWidthForm(marker))
      return {
        width: full ? 'full' : 'half',
        place: () => locate.marker(node, marker),
        shown: marker,
        fix,
        // A full-width point needs no space after it; a half-width one does (`３．議員` -> `3. 議員`).
        // A label closed but not opened (`a)`) has no full-width form that reads as a label (`a）` is words, and the
        // bracket rule would put `)` back): reported, not fixed (fixtures/fuzz/close-only-label-width.txt).
        replace: () => {
          if (!full && !markerOpensBracket(marker) && /\)$/.test(marker)) return undefined
          const after = context.text[locate.marker(node, marker).end.offset]
          return {expect: marker, text: full && after !== undefined && !/\s/.test(after) ? `${fix()} ` : fix()}
        }
      }
    }
    // A marker that is itself mixed (`２.`, `（c)`) is reported on its own.
    const mixed = (node: Paragraph | Item, marker: string, role: string) => {
      if (FULL.test(formOf(marker)) && HALF.test(formOf(marker))) {
        context.report(
          `${role} ${marker} mixes half- and full-width characters`,
          locate.marker(node, marker),
          `print it as ${toHalfWidth(marker)} (or in full width: ${toFullWidthForm(toHalfWidth(marker))})`,
          {expect: marker, text: toHalfWidth(marker)}
        )
        return true
      }
      return false
    }
    reportMinority(
      context,
      'paragraph marker',
      paragraphs.flatMap((p) => (mixed(p, p.marker!, 'paragraph marker') ? [] : [markerUse(p, p.marker!)!].filter(Boolean)))
    )
    const items: Item[] = []
    visit(tree, (node) => {
      if (node.type === 'item' && node.style !== 'bullet') items.push(node)
    })
    reportMinority(
      context,
      'item marker',
      items.flatMap((item) => (mixed(item, item.marker, 'item marker') ? [] : [markerUse(item, item.marker)].filter((u): u is Use => u !== null)))
    )
    // A bracket pair opened in one width and closed in the other.
    for (const block of blocksOf(tree, locate)) {
      for (const [open, close] of bracketsOf(block).pairs) {
        const a = block.value[open]!
        const b = block.value[close]!
        if ((a === '(' && b === '）') || (a === '（' && b === ')') || (a === '[' && b === '］') || (a === '［' && b === ']')) {
          context.report(
            `bracket opened with ${a} is closed with ${b}`,
            placeIn(locate, block, close, close + 1),
            `close it with ${a === '(' || a === '[' ? toHalfWidth(b) : toFullWidth(b)} to match`,
            {expect: b, text: a === '(' || a === '[' ? toHalfWidth(b) : toFullWidth(b)}
          )
        }
      }
    }
    // Digits in running text.
    const digitUses: Use[] = []
    for (const block of blocksOf(tree, locate)) {
      if (!block.prose) continue
      // One use per block and width is enough to weigh and to report (its first run); its fix changes every run of
      // that width in the block, found again only for a use that is reported.
      let half: RegExpExecArray | undefined
      let full: RegExpExecArray | undefined
      for (const match of matchAll(DIGIT_RUNS, block.value)) {
        if (hasFullWidthDigit(match[0])) full ??= match
        else half ??= match
        if (half && full) break
      }
      for (const [width, match] of [
        ['half', half],
        ['full', full]
      ] as const) {
        if (!match) continue
        const at = match.index
        const value = match[0]
        const end = at + value.length
        const convert = width === 'full' ? toHalfWidth : toFullWidth
        digitUses.push({
          width,
          place: () => placeIn(locate, block, at, end),
          shown: value,
          fix: () => convert(value),
          replace: () => {
            const found: [number, number][] = []
            for (const run of matchAll(DIGIT_RUNS, block.value))
              if ((hasFullWidthDigit(run[0]) ? 'full' : 'half') === width) found.push([run.index, run.index + run[0].length])
            // Every run of the block at once where the span maps back exactly (one line); else the first run (a later pass takes the next).
            const last = found.at(-1)![1]
            const place = placeIn(locate, block, at, last)
            if (found.length === 1 || context.text.slice(place.start.offset, place.end.offset) !== block.value.slice(at, last))
              return {expect: value, text: convert(value)}
            let text = ''
            let from = at
            for (const [start, stop] of found) {
              text += block.value.slice(from, start) + convert(block.value.slice(start, stop))
              from = stop
            }
            return {expect: block.value.slice(at, last), text, place}
          }
        })
      }
    }
    reportMinority(context, 'figure', digitUses)
  }
)

export function invalidDates(block: Block): {start: number; end: number; why: string}[] {
  const found: {start: number; end: number; why: string}[] = []
  const half = halfWidthOf(block)
  const full = findDates(block.value, half)
  for (const date of full) {
    if (date.iso) continue
    const why =
      date.month < 1 || date.month > 12
        ? `there is no month ${date.month}`
        : date.day < 1
          ? `there is no day ${date.day}`
          : date.year < 1800 || date.year > 2200
            ? `${date.year} is not a plausible year`
            : `${monthName(date.month)} ${date.year} has ${daysInMonth(date.year, date.month)} days`
    found.push({start: date.start, end: date.end, why})
  }
  // `3 月 32 日` without a year.
  if (!half.includes(ZH_MONTH_DAY_MARK)) return found
  // Inside a whole date already read? The dates are sorted by start and the matches come in order: the furthest end
  // of the dates starting at or before the match says it (one pass, not a search of every date a match: a paper read
  // as one long paragraph holds thousands of both).
  let next = 0
  let reach = -1
  for (const match of matchAll(ZH_MONTH_DAY, half)) {
    for (; next < full.length && full[next]!.start <= match.index; next++) reach = Math.max(reach, full[next]!.end)
    if (match.index < reach) continue
    const month = Number(match[1])
    const day = Number(match[2])
    if (isDayOfMonth(month, day)) continue
    const why = month < 1 || month > 12 ? `there is no month ${month}` : `${monthName(month)} has ${longestMonth(month)} days at most`
    found.push({start: match.index, end: match.index + match[0].length, why})
  }
  return found
}

export const dateValid = lintRule(
  {
    id: 'date-valid',
    severity: 'error',
    category: 'hygiene',
    summary: 'a date that does not exist: 2024年2月30日, 31 April 2024'
  },
  (context) => {
    for (const block of blocksOf(context.tree, context.locate)) {
      for (const date of invalidDates(block)) {
        context.report(
          `${block.value.slice(date.start, date.end)} is not a date: ${date.why}`,
          placeIn(context.locate, block, date.start, date.end),
          'correct the day or the month'
        )
      }
    }
  }
)
