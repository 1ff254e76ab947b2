/**
 * Walking the paper tree: one typed `visit` and the few helpers every reader
 * of it needs (the builder's finishing passes, the checks, the alignment,
 * the script conversion), in one place.
 */
import type {AnyNode, Appendix, Item, Paper, Paragraph, ParentNode, Section, Text} from './tree.js'

/** Returned by a visitor: do not go into this node's children. */
export const SKIP = false

// biome-ignore lint/suspicious/noConfusingVoidType: a visitor returns nothing, or SKIP
type Visitor<T extends AnyNode> = (node: T, parent: ParentNode | null) => void | typeof SKIP

/**
 * Every node below `tree` (`tree` included), depth first in reading order,
 * with its parent; or only the nodes of one type. `tree.furniture` is not
 * walked (it is no child). A visitor that returns `SKIP` skips the node's
 * children.
 */
export function visit(tree: AnyNode, visitor: Visitor<AnyNode>): void
export function visit<K extends AnyNode['type']>(tree: AnyNode, type: K, visitor: Visitor<Extract<AnyNode, {type: K}>>): void
export function visit(tree: AnyNode, a: AnyNode['type'] | Visitor<AnyNode>, b?: Visitor<AnyNode>): void {
  const visitor = typeof a === 'function' ? a : (node: AnyNode, parent: ParentNode | null) => (node.type === a ? b!(node, parent) : undefined)
  walk(tree, null, visitor)
}

function walk(node: AnyNode, parent: ParentNode | null, visitor: Visitor<AnyNode>): void {
  if (visitor(node, parent) === SKIP || !('children' in node)) return
  for (const child of node.children) walk(child, node, visitor)
}

/** Paragraphs in reading order, appendices included. */
export function paragraphsOf(tree: Paper): Paragraph[] {
  const found: Paragraph[] = []
  visit(tree, 'paragraph', (node) => {
    found.push(node)
  })
  return found
}

/** What holds items: a paragraph, an item (nested items), or since 1.5 a section or appendix (a list right under its heading). */
export type ItemHolder = Paragraph | Item | Section | Appendix

/** The item children of a paragraph, item, section or appendix. */
export function itemsOf(node: ItemHolder): Item[] {
  return (node.children as AnyNode[]).filter((child): child is Item => child.type === 'item')
}

/** The words of a paragraph or item, without its items' (strong and emphasis read as their words). */
export function ownWords(node: Paragraph | Item): string {
  let text = ''
  for (const child of node.children) {
    if (child.type === 'text') text += child.value
    else if (child.type === 'strong' || child.type === 'emphasis') text += child.children.map((c: Text) => c.value).join('')
  }
  return text
}
