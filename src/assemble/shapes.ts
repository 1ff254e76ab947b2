/**
 * Assemble, what blocks look like: the tests the handlers ask of a block and
 * the blocks after it (is it heading-like, does content follow it, does it
 * go on with the paragraph a page cut). Pure functions of the blocks and the
 * page width; `block` is the block being handled (it may be the rest of
 * `blocks[i]` once a heading or a signature took its first lines), the ones
 * after it are read from `blocks`.
 */
import {
  CLAUSE_ENDING,
  CLAUSE_PUNCTUATION,
  displayWidth,
  endsMidPhrase,
  endsSentence,
  endsSentenceBySuffix,
  ONE_BRACKETED_REMARK,
  OPENS_BRACKET,
  startsContinuation
} from '../lang/chars.js'
import {isDateLine, isMonthYearLine} from '../lang/dates.js'
import {appendixHeading, isTitleCase, standardHeadingKey} from '../lang/headings.js'
import {LIST_CONJUNCTION, markerShape} from '../lang/numbering.js'
import {isClosing} from '../lang/letters.js'
import {isSignatureStart} from '../lang/signature.js'
import type {Line} from '../normalise/lines.js'
import type {Item, Paragraph, Text} from '../tree.js'
import {isFull, isShort, type Block, type TextBlock} from './blocks.js'

/**
 * A block continues the paragraph (or item) before it when that one did not
 * end its sentence and this block does not look like a heading: text cut
 * by a page break, a page number or a running header.
 */
export function continues(
  node: Paragraph | Item,
  block: TextBlock,
  width: number,
  paged: boolean,
  /** The end of the node's last text, when the builder knows it (a run it has been continuing): read instead of all the text. */
  suffix?: string,
  /** The block after this one. */
  after?: Block
): boolean {
  const last = lastTextOf(node)
  if (!last) return false
  const first = block.lines[0]!.text
  if (standardHeadingKey(first) || isSignatureStart(first) || appendixHeading(first)) return false
  // PDF text: a gap wider than paragraph spacing ends the paragraph, sentence or not (the reader marks it with two blank lines).
  if (block.wideGap && paged) return false
  // A short item that stops with no sentence end (a list of bullets without punctuation: `(b) 規管網約車`) does not
  // run on past a blank line into a block that starts afresh (the text under the list). A long one was cut (by a
  // page the text lost), and a page turn, a block that starts like the rest of a sentence or with a bracket (its
  // paper, `(立法會CB(3)340號文件)`), or an item that stops on a comma or a connective goes on.
  // Not where the list goes on after it (`1. 有關…的議案` / its status line / `2. …`): the block is the item's.
  if (
    node.type === 'item' &&
    !listGoesOn(node, after) &&
    block.gapBefore &&
    !block.pageTurn &&
    isShort(last.value, width) &&
    !startsContinuation(first) &&
    !OPENS_BRACKET.test(first) &&
    !endsMidPhrase(last.value) &&
    !CLAUSE_ENDING.test(last.value)
  )
    return false
  // A page that breaks mid-sentence is followed by the rest of the sentence.
  if (!((suffix !== undefined ? endsSentenceBySuffix(suffix) : null) ?? endsSentence(last.value))) return true
  // A conjunction left over by the wrap (`…範疇；` / `及`).
  if (block.lines.length === 1 && LIST_CONJUNCTION.test(first)) return true
  // After a page turn, a numbered paragraph or an item goes on unless a heading comes.
  const numbered = node.type === 'item' || node.number !== null
  return block.pageTurn && numbered && !headingLike(block, undefined, width)
}

/**
 * Does the block after start another member of the item's list (a marker of the same shape: `2.` after `1.`, `(c)`
 * after `(b)`)? Numbered in digits, not a number the list has had already: `(2)` after `(2)` is another list's
 * (the next agenda item of minutes that number their items in brackets); `8.` after `2.` may be an outer list's.
 */
function listGoesOn(item: Item, after: Block | undefined): boolean {
  if (after?.kind !== 'item' && after?.kind !== 'para') return false
  if (markerShape(after.token.marker.text) !== markerShape(item.marker)) return false
  const label = after.kind === 'item' ? after.token.label : after.token.number
  return !(item.label && label && DIGITS.test(item.label) && DIGITS.test(label)) || Number(label) > Number(item.label)
}

const DIGITS = /^[0-9]+$/

/**
 * How many of a block's first lines an item heading's title takes: the first, and each line after one that the
 * wrap cut (a line that stops on `and` / `的`, or one that the next goes on in lower case).
 */
export function wrappedTitleLines(lines: readonly Line[]): number {
  let own = 1
  while (own < lines.length && (endsMidPhrase(lines[own - 1]!.text) || startsContinuation(lines[own]!.text))) own++
  return own
}

/**
 * A signature without the Secretariat's wording (`Tourism Commission` /
 * `Culture, Sports and Tourism Bureau` / `June 2024`): a few short lines
 * ending in a date, with nothing after them but the end or an appendix.
 */
export function endsWithDatedLines(block: TextBlock, blocks: readonly Block[], i: number): boolean {
  if (standardHeadingKey(block.lines[0]!.text)) return false
  let lines = 0
  for (let j = i; j < blocks.length; j++) {
    const here = j === i ? block : blocks[j]!
    if (here.kind !== 'text') return false
    for (const line of here.lines) {
      lines++
      if (lines > 6 || displayWidth(line.text, 100) > 100 || (endsSentence(line.text) && !/^\S+[.:]$/.test(line.text))) return false
      if (isDateLine(line.text) || isMonthYearLine(line.text)) {
        const next = blocks[j + 1]
        return lines > 1 && (!next || (next.kind === 'text' && appendixHeading(next.lines[0]!.text) !== null) || next.kind === 'table')
      }
    }
  }
  return false
}

/**
 * In text without blank lines, a short line is a heading only when content
 * follows it: a paragraph, an item, a table, a standard heading, a line of
 * running text — or one more heading that content follows. A run of short
 * lines (a list of names) is not a cascade of headings.
 */
export function leadsContent(blocks: readonly Block[], i: number, more: number, width: number): boolean {
  const next = blocks[i]
  if (!next) return false
  if (next.kind !== 'text') return true
  const first = next.lines[0]!.text
  if (standardHeadingKey(first) || appendixHeading(first)) return true
  if (!headingLike(next, blocks[i + 1], width)) return !isSignatureStart(first)
  return more > 0 && (next.gapBefore || leadsContent(blocks, i + 1, more - 1, width))
}

/**
 * A heading that a page break cut in two: a line with no sentence end, a
 * page turn, the rest of the heading (short, no sentence end), then a
 * paragraph or item: `block` and `blocks[i + 1]` are that.
 */
export function headingCutByPage(block: TextBlock, blocks: readonly Block[], i: number, width: number): boolean {
  const rest = blocks[i + 1]
  const after = blocks[i + 2]
  if (rest?.kind !== 'text' || !rest.pageTurn || rest.lines.length > 2 || !after || !startsUnit(after)) return false
  // The first part ran to the margin: the heading went on over the page.
  if (block.lines.length > 2 || !block.gapBefore || !isFull(block.lines[block.lines.length - 1]!.text, width)) return false
  const lines = [...block.lines, ...rest.lines]
  if (lines.some((line) => endsSentence(line.text) || CLAUSE_PUNCTUATION.test(line.text))) return false
  if (lines.reduce((sum, line) => sum + displayWidth(line.text, 120), 0) > 120) return false
  return isShort(rest.lines[rest.lines.length - 1]!.text, width)
}

/** More of a heading's title: a heading-like block right under it, no blank line between. */
export function isHeadingLine(block: Block | undefined, width: number): block is TextBlock {
  if (block?.kind !== 'text' || block.gapBefore) return false
  const first = block.lines[0]!.text
  return headingLike(block, undefined, width) && !standardHeadingKey(first) && !isSignatureStart(first) && !appendixHeading(first)
}

/**
 * Heading-like: one to three lines, a heading's length in all, with no
 * sentence end, the last of them short for the page (a heading wrapped at
 * the margin stops short) — or a single line that a paragraph, an item or
 * another heading follows (a long heading on a narrow page).
 */
export function headingLike(block: TextBlock, next: Block | undefined, width: number): boolean {
  if (block.lines.length > 3) return false
  const last = block.lines[block.lines.length - 1]!.text
  if (endsSentence(last) || isDateLine(last) || startsContinuation(block.lines[0]!.text)) return false
  // A closing formula (`Sincerely,`, `Thank you`) is no heading.
  if (block.lines.length === 1 && isClosing(last)) return false
  // A remark in brackets, `(下午4時30分至6時30分)`, is not a heading.
  if (ONE_BRACKETED_REMARK.test(block.lines.map((line) => line.text).join(''))) return false
  // Chinese headings carry no sentence punctuation; text that does is a sentence cut by a page.
  if (block.lines.some((line) => CLAUSE_PUNCTUATION.test(line.text))) return false
  // (Counting stops past 120 on a line: the total is over 120 all the same.)
  const total = block.lines.reduce((sum, line) => sum + displayWidth(line.text, 120), 0)
  if (total > 120) return false
  // Short lines, or a heading wrapped at the margin: its last line stops short.
  if (isShort(last, width)) return true
  // One English line in title case, however near the margin (a long sub-heading).
  if (block.lines.length === 1 && isTitleCase(last)) return true
  return block.lines.length === 1 && next !== undefined && startsUnit(next)
}

/** Does this block start a unit of its own: a numbered paragraph, an item, a table, a heading? */
export function startsUnit(block: Block): boolean {
  if (block.kind !== 'text') return true
  const first = block.lines[0]!.text
  return standardHeadingKey(first) !== null || appendixHeading(first) !== null
}

/** The last text node inside a paragraph or item, looking into its last item. */
export function lastTextOf(node: Paragraph | Item | null): Text | null {
  if (!node) return null
  const last = node.children[node.children.length - 1]
  if (!last) return null
  if (last.type === 'text') return last
  if (last.type === 'item') return lastTextOf(last)
  if (last.type === 'strong' || last.type === 'emphasis') return last.children[last.children.length - 1] ?? null
  return null
}
