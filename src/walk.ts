/**
 * Walking the paper tree: the few helpers every reader of it needs (the
 * builder's finishing passes, the checks, the alignment), in one place.
 */
import type {Item, Node, Paper, Paragraph, Text} from './tree.js'

function childrenOf(node: Node): Node[] {
  return (node as Node & {children?: Node[]}).children ?? []
}

/** Every node, depth first, with its parent. */
export function visit(node: Node, fn: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  fn(node, parent)
  for (const child of childrenOf(node)) visit(child, fn, node)
}

/** Paragraphs in reading order, appendices included. */
export function paragraphsOf(tree: Paper): Paragraph[] {
  const found: Paragraph[] = []
  visit(tree, (node) => {
    if (node.type === 'paragraph') found.push(node as Paragraph)
  })
  return found
}

/** The item children of a paragraph or item. */
export function itemsOf(node: Paragraph | Item): Item[] {
  return node.children.filter((child): child is Item => child.type === 'item')
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
