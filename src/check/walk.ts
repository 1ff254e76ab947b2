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

// A block's arrays are made at their length, not grown by push (an array grown from [] holds room for 16 more: 150
// bytes for one piece; issue 10).
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

/**
 * The blocks of words of a paper in reading order, made as they are read:
 * a rule holds one block at a time, not one for every paragraph, item and
 * field of the paper. Kept for the whole check, the blocks of a paper of
 * 43,000 short paragraphs were 9 MB (5x its text), and the collector
 * promoted them to old space with everything made beside them (issue 10).
 * Each call walks the tree afresh (a walk is a small part of a rule's
 * work); the blocks of two calls are equal, not the same objects.
 */
export function* blocksOf(tree: Paper, locate: Locator): Generator<Block, void, undefined> {
  // Paragraphs do not nest and every item is in one: the last paragraph met is an item's.
  let paragraph: Paragraph | null = null
  // The walk of `visit` (each node, then its children unless skipped), with a stack of sibling lists instead of
  // recursion, so that a block is yielded as soon as its node is met.
  const lists: AnyNode[][] = [[tree]]
  const next: number[] = [0]
  while (lists.length > 0) {
    const depth = lists.length - 1
    const list = lists[depth]!
    const index = next[depth]!
    if (index >= list.length) {
      lists.pop()
      next.pop()
      continue
    }
    next[depth] = index + 1
    const node = list[index]!
    let found: Block | null = null
    let descend = true
    switch (node.type) {
      case 'field':
        found = block(node, null, false, [node])
        descend = false
        break
      case 'section':
        found = block(node, null, false, [locate.heading(node, node.title)])
        break
      case 'appendix':
        if (node.title) found = block(node, null, false, [locate.heading(node, node.title)])
        break
      case 'paragraph':
        paragraph = node
        found = block(node, node, true, phrasingText(node.children))
        break
      case 'item':
        found = block(node, paragraph, true, phrasingText(node.children))
        break
      case 'cell':
        found = block(node, null, false, phrasingText(node.children))
        descend = false
        break
      case 'footnote':
        found = block(node, null, true, phrasingText(node.children))
        descend = false
        break
      case 'signature':
        for (const line of node.children) {
          const own = block(node, null, false, [line])
          if (own.value.length > 0) yield own
        }
        descend = false
        break
    }
    if (found && found.value.length > 0) yield found
    if (descend && 'children' in node && node.children.length > 0) {
      lists.push(node.children as AnyNode[])
      next.push(0)
    }
  }
}

/** A block's words with full-width letters, digits and signs made half-width (same length: offsets hold); the words themselves when there are none. */
export function halfWidthOf(block: Block): string {
  return toHalfWidth(block.value)
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
