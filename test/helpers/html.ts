/** Helpers for the HTML tests: the visible text of a page, what a tree lost of it. */
import {fromHtml} from 'hast-util-from-html'
import type {Paper} from '../../src/tree.js'
import {unaccounted} from './tree.js'

/** The text a reader sees: every text node outside head, script, style and comments. */
export function visibleText(html: string): string {
  const out: string[] = []
  const visit = (node: {type: string; tagName?: string; value?: string; children?: unknown[]}): void => {
    if (node.type === 'text') out.push(node.value!)
    if (node.type === 'element' && ['head', 'script', 'style', 'noscript', 'template'].includes(node.tagName!)) return
    for (const child of node.children ?? []) visit(child as typeof node)
  }
  visit(fromHtml(html) as never)
  return out.join(' ')
}

/** Characters of the visible text the tree lost (labels the reader adds may be extra). */
export function lost(html: string, tree: Paper): string[] {
  return unaccounted(visibleText(html), tree).filter((problem) => problem.includes(' lost '))
}
