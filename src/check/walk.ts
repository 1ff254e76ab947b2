/**
 * Walking the paper tree for the rules: paragraphs by container, items by
 * list, and the blocks of words (a paragraph's own text, an item, a header
 * field, a heading, a table cell, a signature line) that text rules read.
 */
import type {AnyNode, Appendix, Item, Paper, Paragraph, Phrasing, Position, Section} from '../tree.js'
import type {Located, Locator} from './locate.js'
import {toHalfWidth} from '../lang/chars.js'
import {upperBound} from '../source.js'
import {itemsOf, SKIP, visit, type ItemHolder} from '../walk.js'

export type {ItemHolder} from '../walk.js'
export {itemsOf, visit} from '../walk.js'

export interface Run {
  container: Paper | Appendix
  paragraphs: Paragraph[]
}

// Built once per tree and shared by every rule of a run (they only read them): a check makes one walk, not one a rule.
const RUNS = new WeakMap<Paper, Run[]>()
const BLOCKS = new WeakMap<Paper, {locate: Locator; blocks: Block[]}>()

/**
 * Paragraphs in reading order, split by where their numbering runs: the
 * body is one run, each appendix its own. Built once per tree: do not change
 * the arrays.
 */
export function paragraphRuns(tree: Paper): Run[] {
  const cached = RUNS.get(tree)
  if (cached) return cached
  const runs: Run[] = [{container: tree, paragraphs: []}]
  // The run of the paper, of each appendix and of each section (its container's).
  const runOf = new Map<AnyNode, Run>([[tree, runs[0]!]])
  visit(tree, (node, parent) => {
    const run = parent && runOf.get(parent)
    if (!run) return node === tree ? undefined : SKIP
    if (node.type === 'paragraph') run.paragraphs.push(node)
    else if (node.type === 'section') runOf.set(node, run)
    else if (node.type === 'appendix') {
      const own = {container: node, paragraphs: []}
      runs.push(own)
      runOf.set(node, own)
    }
    return runOf.has(node) ? undefined : SKIP
  })
  RUNS.set(tree, runs)
  return runs
}

export function sectionsOf(tree: Paper): Section[] {
  const found: Section[] = []
  visit(tree, 'section', (section) => {
    found.push(section)
  })
  return found
}

export function appendicesOf(tree: Paper): Appendix[] {
  return tree.children.filter((node): node is Appendix => node.type === 'appendix')
}

/** Every paragraph and item that holds items, and every section or appendix with items right under its heading. */
export function itemParents(tree: Paper): ItemHolder[] {
  const found: ItemHolder[] = []
  visit(tree, (node) => {
    if ((node.type === 'paragraph' || node.type === 'item' || node.type === 'section' || node.type === 'appendix') && itemsOf(node).length > 0) found.push(node)
  })
  return found
}

/** A block of words: its pieces in order, each with a place, and their joined value. */
export interface Block {
  /** The node the words belong to (paragraph, item, field, section, cell, signature, footnote, appendix). */
  owner: AnyNode
  /** The paragraph the words are in, if any (for an item: its paragraph). */
  paragraph: Paragraph | null
  /** Is it running text (not a heading, field or table cell)? */
  prose: boolean
  pieces: Located[]
  /** Start of each piece in `value`. */
  starts: number[]
  value: string
}

// Blocks are kept for the whole check (one a paragraph, item, field…): their arrays are made at their length, not
// grown by push (an array grown from [] holds room for 16 more: 150 bytes for one piece; issue 10).
function phrasingText(children: (Phrasing | Item)[]): Located[] {
  let count = 0
  for (const child of children) {
    if (child.type === 'text') count++
    else if (child.type === 'strong' || child.type === 'emphasis') count += child.children.length
  }
  const pieces = new Array<Located>(count)
  let at = 0
  for (const child of children) {
    if (child.type === 'text') pieces[at++] = child
    else if (child.type === 'strong' || child.type === 'emphasis') for (const piece of child.children) pieces[at++] = piece
  }
  return pieces
}

function block(owner: AnyNode, paragraph: Paragraph | null, prose: boolean, pieces: Located[]): Block {
  const starts = new Array<number>(pieces.length)
  // One piece (most blocks): its value as it is, no concatenation.
  let value = pieces.length === 1 ? pieces[0]!.value : ''
  if (pieces.length === 1) starts[0] = 0
  else
    for (let i = 0; i < pieces.length; i++) {
      starts[i] = value.length
      value += pieces[i]!.value
    }
  return {owner, paragraph, prose, pieces, starts, value}
}

/** The blocks of words of a paper in reading order. Built once per tree and locator: do not change the array. */
export function blocksOf(tree: Paper, locate: Locator): Block[] {
  const cached = BLOCKS.get(tree)
  if (cached && cached.locate === locate) return cached.blocks
  const found: Block[] = []
  // Paragraphs do not nest and every item is in one: the last paragraph met is an item's.
  let paragraph: Paragraph | null = null
  visit(tree, (node) => {
    switch (node.type) {
      case 'field':
        found.push(block(node, null, false, [node]))
        return SKIP
      case 'section':
        found.push(block(node, null, false, [locate.heading(node, node.title)]))
        return
      case 'appendix':
        if (node.title) found.push(block(node, null, false, [locate.heading(node, node.title)]))
        return
      case 'paragraph':
        paragraph = node
        found.push(block(node, node, true, phrasingText(node.children)))
        return
      case 'item':
        found.push(block(node, paragraph, true, phrasingText(node.children)))
        return
      case 'cell':
        found.push(block(node, null, false, phrasingText(node.children)))
        return SKIP
      case 'footnote':
        found.push(block(node, null, true, phrasingText(node.children)))
        return SKIP
      case 'signature':
        for (const line of node.children) found.push(block(node, null, false, [line]))
        return SKIP
    }
  })
  const blocks = found.filter((b) => b.value.length > 0)
  BLOCKS.set(tree, {locate, blocks})
  return blocks
}

const HALF = new WeakMap<Block, string>()

/** A block's words with full-width letters, digits and signs made half-width (same length: offsets hold), computed once. */
export function halfWidthOf(block: Block): string {
  let half = HALF.get(block)
  if (half === undefined) HALF.set(block, (half = toHalfWidth(block.value)))
  return half
}

/** The place of `block.value.slice(start, end)`. */
export function placeIn(locate: Locator, target: Block, start: number, end: number): Position {
  // The last piece starting at or before `start` (a binary search: a long paragraph has thousands of pieces).
  const index = Math.max(0, upperBound(target.starts, start) - 1)
  const piece = target.pieces[index]!
  const offset = target.starts[index]!
  const pieceEnd = Math.min(end - offset, piece.value.length)
  return locate.within(piece, start - offset, Math.max(pieceEnd, start - offset))
}
