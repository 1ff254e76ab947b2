/**
 * Finish: what can be said only of the whole tree. Every parent's position
 * reaches the end of its last child, a paragraph that its place numbers
 * for certain gets that number, and a heading printed with its number
 * (`一、現行機制`, `（二）罰則`, `A. Background`) has it split off.
 */
import {squeeze} from '../lang/chars.js'
import {TIME_SLOT} from '../lang/meetings.js'
import {headingNumber} from '../lang/numbering.js'
import type {AnyNode, Item, Paper, Paragraph, ParentNode} from '../tree.js'
import {paragraphsOf, visit} from '../walk.js'

export function finish(tree: Paper): void {
  closeEnds(tree)
  inferNumbers(tree)
  liftLists(tree)
  numberHeadings(tree)
}

/**
 * A list right under a heading (`(a)`, `(b)` with no words of a paragraph
 * before them) is the section's: its items become the section's (or the
 * appendix's) children, where the builder had held them in an unnumbered
 * paragraph with no words of its own. A paragraph whose number is printed,
 * inferred (the list is paragraph 2's), or that carries an action stays.
 */
function liftLists(tree: Paper): void {
  visit(tree, (node) => {
    if (node.type !== 'section' && node.type !== 'appendix') return
    if (!node.children.some(holdsOnlyItems)) return
    const children: (typeof node.children)[number][] = []
    for (const child of node.children) {
      if (holdsOnlyItems(child)) for (const item of child.children as Item[]) children.push(item)
      else children.push(child)
    }
    node.children = children as typeof node.children
  })
}

function holdsOnlyItems(node: AnyNode): node is Paragraph {
  return (
    node.type === 'paragraph' &&
    node.number === null &&
    !node.inferred &&
    node.action === undefined &&
    node.children.length > 0 &&
    node.children.every((child) => child.type === 'item')
  )
}

/** A section's printed number as its `number` and `marker`, its `title` the words after it (a genre's own numbering stays). */
function numberHeadings(tree: Paper): void {
  visit(tree, 'section', (section) => {
    if (section.number !== undefined) return
    const found = headingNumber(section.title)
    if (!found) return
    section.number = found.number
    section.marker = found.marker
    section.title = found.rest
  })
}

/**
 * Make every parent's position reach the end of its last child. Parents are
 * taken in reverse reading order (a parent after all of its descendants), so
 * a child's end is final before its parent reads it.
 */
function closeEnds(tree: Paper): void {
  const parents: ParentNode[] = []
  visit(tree, (node) => {
    if ('children' in node) parents.push(node)
  })
  for (let i = parents.length - 1; i >= 0; i--) {
    const node = parents[i]!
    let end = node.position.end
    for (const child of node.children) if (child.position.end.offset > end.offset) end = child.position.end
    if (end !== node.position.end) node.position = {start: node.position.start, end}
    // The children were pushed one at a time, and an array grown by push holds room for 16 more (152 bytes for
    // one child): a copy is exactly as long. The tree of 40,000 short paragraphs keeps 5 MB less (issue 10).
    node.children = node.children.slice() as typeof node.children
  }
}

/**
 * A paragraph with no printed number gets one when its place makes it
 * certain: it alone stands between n-1 and n+1 (or before 2, at the start).
 */
function inferNumbers(tree: Paper): void {
  // A meeting's time slot printed under an item (`(下午4時30分至6時30分)`) is a paragraph of no number that the
  // numbering runs past: `議員或可…` over it is paragraph 1 when paragraph 2 follows it.
  const paragraphs = paragraphsOf(tree).filter((paragraph) => !isTimeSlot(paragraph))
  let numbered = false
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!
    if (paragraph.number !== null) {
      numbered = true
      continue
    }
    // Before any numbered paragraph, a list under a heading (a meeting brief's `有關文件`) is the section's
    // (liftLists), no paragraph: the paragraph after it is at the start.
    const above = i > 0 ? paragraphs[i - 1]! : null
    const previous = above && !numbered && holdsOnlyItems(above) ? null : above
    const next = paragraphs[i + 1]
    if (!next || next.number === null || !/^\d+$/.test(next.number)) continue
    if (previous && (previous.number === null || !/^\d+$/.test(previous.number))) continue
    const expected = previous ? Number(previous.number) + 1 : 1
    if (Number(next.number) !== expected + 1) continue
    paragraph.number = String(expected)
    paragraph.inferred = true
  }
}

/** Is the paragraph a time slot only (`(8:30 am - 8:35 am)`, `(下午2時30分至2時35分)`)? */
function isTimeSlot(paragraph: Paragraph): boolean {
  if (paragraph.number !== null || paragraph.children.length !== 1) return false
  const only = paragraph.children[0]!
  return only.type === 'text' && TIME_SLOT.test(squeeze(only.value.trim()))
}
