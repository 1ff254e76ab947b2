/**
 * Walking the paper tree for the rules: paragraphs by container, items by
 * list, and the blocks of words (a paragraph's own text, an item, a header
 * field, a heading, a table cell, a signature line) that text rules read.
 */
import type {Appendix, Item, Node, Paper, Paragraph, Phrasing, Position, Section, Text} from '../tree.js'
import type {Located, Locator} from './locate.js'
import {itemsOf, visit} from '../walk.js'

type Parent = Node & {children: Node[]}

function childrenOf(node: Node): Node[] {
  return (node as Partial<Parent>).children ?? []
}

export {itemsOf, visit} from '../walk.js'

/**
 * Paragraphs in reading order, split by where their numbering runs: the
 * body is one run, each appendix its own.
 */
export function paragraphRuns(tree: Paper): {container: Paper | Appendix; paragraphs: Paragraph[]}[] {
  const runs: {container: Paper | Appendix; paragraphs: Paragraph[]}[] = [{container: tree, paragraphs: []}]
  const walk = (nodes: Node[], into: Paragraph[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') into.push(node as Paragraph)
      else if (node.type === 'appendix') {
        const run = {container: node as Appendix, paragraphs: [] as Paragraph[]}
        runs.push(run)
        walk(childrenOf(node), run.paragraphs)
      } else if (node.type === 'section') walk(childrenOf(node), into)
    }
  }
  walk(tree.children, runs[0]!.paragraphs)
  return runs
}

export function sectionsOf(tree: Paper): Section[] {
  const found: Section[] = []
  visit(tree, (node) => {
    if (node.type === 'section') found.push(node as Section)
  })
  return found
}

export function appendicesOf(tree: Paper): Appendix[] {
  return tree.children.filter((node): node is Appendix => node.type === 'appendix')
}


/** Every paragraph and item that holds items. */
export function itemParents(tree: Paper): (Paragraph | Item)[] {
  const found: (Paragraph | Item)[] = []
  visit(tree, (node) => {
    if ((node.type === 'paragraph' || node.type === 'item') && itemsOf(node as Paragraph | Item).length > 0) found.push(node as Paragraph | Item)
  })
  return found
}

/** A block of words: its pieces in order, each with a place, and their joined value. */
export interface Block {
  /** The node the words belong to (paragraph, item, field, section, cell, signature, footnote, appendix). */
  owner: Node
  /** The paragraph the words are in, if any (for an item: its paragraph). */
  paragraph: Paragraph | null
  /** Is it running text (not a heading, field or table cell)? */
  prose: boolean
  pieces: Located[]
  /** Start of each piece in `value`. */
  starts: number[]
  value: string
}

function phrasingText(children: (Phrasing | Item)[]): Located[] {
  const pieces: Located[] = []
  for (const child of children) {
    if (child.type === 'text') pieces.push(child as Text)
    else if (child.type === 'strong' || child.type === 'emphasis') pieces.push(...child.children)
  }
  return pieces
}

function block(owner: Node, paragraph: Paragraph | null, prose: boolean, pieces: Located[]): Block {
  const starts: number[] = []
  let value = ''
  for (const piece of pieces) {
    starts.push(value.length)
    value += piece.value
  }
  return {owner, paragraph, prose, pieces, starts, value}
}

/** The blocks of words of a paper in reading order. */
export function blocksOf(tree: Paper, locate: Locator): Block[] {
  const found: Block[] = []
  const walk = (node: Node, paragraph: Paragraph | null) => {
    switch (node.type) {
      case 'field':
        found.push(block(node, null, false, [node as Located & Node]))
        return
      case 'section': {
        const section = node as Section
        found.push(block(node, null, false, [locate.heading(node, section.title)]))
        break
      }
      case 'appendix': {
        const appendix = node as Appendix
        if (appendix.title) found.push(block(node, null, false, [locate.heading(node, appendix.title)]))
        break
      }
      case 'paragraph':
        found.push(block(node, node as Paragraph, true, phrasingText((node as Paragraph).children)))
        for (const item of itemsOf(node as Paragraph)) walk(item, node as Paragraph)
        return
      case 'item':
        found.push(block(node, paragraph, true, phrasingText((node as Item).children)))
        for (const item of itemsOf(node as Item)) walk(item, paragraph)
        return
      case 'cell':
        found.push(block(node, null, false, phrasingText(childrenOf(node) as Phrasing[])))
        return
      case 'footnote':
        found.push(block(node, null, true, phrasingText(childrenOf(node) as Phrasing[])))
        return
      case 'signature':
        for (const line of childrenOf(node)) found.push(block(node, null, false, [line as Text]))
        return
      case 'furniture':
        return
    }
    for (const child of childrenOf(node)) walk(child, paragraph)
  }
  walk(tree, null)
  return found.filter((b) => b.value.length > 0)
}

/** The place of `block.value.slice(start, end)`. */
export function placeIn(locate: Locator, target: Block, start: number, end: number): Position {
  let index = 0
  while (index + 1 < target.pieces.length && target.starts[index + 1]! <= start) index++
  const piece = target.pieces[index]!
  const offset = target.starts[index]!
  const pieceEnd = Math.min(end - offset, piece.value.length)
  return locate.within(piece, start - offset, Math.max(pieceEnd, start - offset))
}
