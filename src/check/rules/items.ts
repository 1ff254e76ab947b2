/**
 * Item lists: (a)(b)(c), (i)(ii)(iii), 1. 2. 3. A list is the items of one
 * paragraph or item that share a style. Three rules read them:
 * item-sequence (gaps, repeats, order), item-letter-roman (an `(i)` that
 * is a letter read as a roman numeral, or the other way round) and
 * item-marker-style (one list printing `(a)` and `b)`).
 */
import type {AnyNode, Item, ItemStyle, Paper} from '../../tree.js'
import {alphaValue, labelAt, markerShape, ordinal, readsAsLetterOrRoman} from '../../lang/numbering.js'
import {lintRule} from '../rule.js'
import {itemParents, visit, type ItemHolder} from '../walk.js'

export interface ItemList {
  parent: ItemHolder
  style: ItemStyle
  items: Item[]
}

/** The lists of a parent, one a style; in a section or appendix, items parted by a paragraph or table are lists apart. */
export function listsOf(parent: ItemHolder): ItemList[] {
  const done: ItemList[] = []
  let lists = new Map<ItemStyle, ItemList>()
  for (const child of parent.children as AnyNode[]) {
    if (child.type !== 'item') {
      if (parent.type === 'section' || parent.type === 'appendix') {
        done.push(...lists.values())
        lists = new Map()
      }
      continue
    }
    if (child.style === 'bullet' || child.label === null) continue
    let list = lists.get(child.style)
    if (!list) lists.set(child.style, (list = {parent, style: child.style, items: []}))
    list.items.push(child)
  }
  return [...done, ...lists.values()]
}

const isAlpha = (style: ItemStyle) => style === 'lower-alpha' || style === 'upper-alpha'
const isRoman = (style: ItemStyle) => style === 'lower-roman' || style === 'upper-roman'

/** A letter/roman confusion: what the item was read as, and the neighbour that shows it. */
export interface Confusion {
  item: Item
  /** What the item really is. */
  really: 'letter' | 'roman'
  /** The neighbouring item that shows it. */
  witness: Item
  relation: 'follows' | 'precedes'
}

/**
 * Items whose `(i)`, `(v)` or `(x)` reads both ways and whose neighbours
 * say the tree took the wrong reading:
 * - read as roman, but the lettered item before it is the letter before
 *   (`(h)` then `(i)`), or the next lettered item is the letter after
 *   (`(i)` then `(j)`);
 * - read as a letter, but its own items go on in roman from it (`(i)`
 *   holding `(ii)`, `(iii)`).
 */
export function confusionsOf(tree: Paper): Map<Item, Confusion> {
  const found = new Map<Item, Confusion>()
  // Items in document order with their parent, to find neighbours; each parent's items and each item's place among them, once.
  const order: {item: Item; parent: ItemHolder}[] = []
  const siblingsOf = new Map<ItemHolder, Item[]>()
  const indexOf = new Map<Item, number>()
  visit(tree, (node, parent) => {
    if (node.type === 'item' && (parent?.type === 'paragraph' || parent?.type === 'item' || parent?.type === 'section' || parent?.type === 'appendix')) {
      order.push({item: node, parent})
      let siblings = siblingsOf.get(parent)
      if (!siblings) siblingsOf.set(parent, (siblings = []))
      indexOf.set(node, siblings.length)
      siblings.push(node)
    }
  })
  // For each lettered style, the index in `order` of the next item of that style from k on (filled from the end).
  const nextOfStyle = (style: ItemStyle): Int32Array => {
    const next = new Int32Array(order.length + 1).fill(-1)
    for (let k = order.length - 1; k >= 0; k--) next[k] = order[k]!.item.style === style ? k : next[k + 1]!
    return next
  }
  const nextCache = new Map<ItemStyle, Int32Array>()
  const nextIndex = (style: ItemStyle, from: number): number => {
    let next = nextCache.get(style)
    if (!next) nextCache.set(style, (next = nextOfStyle(style)))
    return next[from]!
  }
  // For a parent: the last index among its items of each style and value (`lower-roman 2`).
  const lastCache = new Map<ItemHolder, Map<string, number>>()
  const lastOf = (parent: ItemHolder): Map<string, number> => {
    let last = lastCache.get(parent)
    if (!last) {
      last = new Map()
      for (const [index, s] of siblingsOf.get(parent)!.entries()) last.set(`${s.style} ${ordinal(s.label ?? '', s.style)}`, index)
      lastCache.set(parent, last)
    }
    return last
  }
  for (let k = 0; k < order.length; k++) {
    const {item, parent} = order[k]!
    if (!item.label || !readsAsLetterOrRoman(item.label)) continue
    const letter = alphaValue(item.label)
    const upper = item.label === item.label.toUpperCase()
    const letterStyle: ItemStyle = upper ? 'upper-alpha' : 'lower-alpha'
    const siblings = siblingsOf.get(parent)!
    const at = indexOf.get(item)!
    if (isRoman(item.style)) {
      // `(i)` followed by `(ii)` is roman whatever stands around it.
      if ((lastOf(parent).get(`${item.style} ${ordinal(item.label ?? '', item.style) + 1}`) ?? -1) > at) continue
      // The lettered item just before it in the same paragraph, at its level or above.
      let before: Item | undefined
      for (let j = at - 1; j >= 0 && !before; j--) if (siblings[j]!.style === letterStyle) before = siblings[j]
      const outer = parent.type === 'item' && parent.style === letterStyle ? parent : undefined
      const previous = before ?? outer
      if (previous && ordinal(previous.label ?? '', letterStyle) === letter - 1) {
        found.set(item, {item, really: 'letter', witness: previous, relation: 'follows'})
        continue
      }
      const nextAt = nextIndex(letterStyle, k + 1)
      const next = nextAt >= 0 ? order[nextAt] : undefined
      if (next && ordinal(next.item.label ?? '', letterStyle) === letter + 1) {
        found.set(item, {item, really: 'letter', witness: next.item, relation: 'precedes'})
      }
    } else if (isAlpha(item.style) && item.label.toLowerCase() === 'i') {
      const romanStyle: ItemStyle = upper ? 'upper-roman' : 'lower-roman'
      const first = siblingsOf.get(item)?.[0]
      if (first && first.style === romanStyle && ordinal(first.label ?? '', romanStyle) === 2) {
        found.set(item, {item, really: 'roman', witness: first, relation: 'precedes'})
      }
    }
  }
  return found
}

function shown(item: Item): string {
  return item.marker
}

export const itemSequence = lintRule(
  {
    id: 'item-sequence',
    severity: 'error',
    category: 'items',
    summary: 'item labels with a gap, a duplicate or a step back: (a)(b)(d), (i)(ii)(ii), (b)(a)'
  },
  (context) => {
    const confusions = confusionsOf(context.tree)
    for (const parent of itemParents(context.tree)) {
      for (const list of listsOf(parent)) {
        const items = list.items.filter((item) => !(confusions.get(item)?.really === 'letter' && isRoman(list.style)))
        if (items.length === 0) continue
        // Where the list should start: 1, or after the letter that holds it.
        let start = 1
        const holder = parent.type === 'item' ? confusions.get(parent) : undefined
        if (holder?.really === 'letter' && isAlpha(list.style)) start = alphaValue(parent.type === 'item' ? (parent.label ?? '') : '') + 1
        if (holder?.really === 'roman' && isRoman(list.style)) start = 2
        const values = items.map((item) => ordinal(item.label!, list.style))
        // The last index each value is printed at: "is k printed later?" without copying the rest of the list.
        const lastAt = new Map<number, number>()
        values.forEach((value, index) => lastAt.set(value, index))
        const seen = new Map<number, Item>()
        let highest = start - 1
        for (let i = 0; i < items.length; i++) {
          const item = items[i]!
          const n = values[i]!
          if (Number.isNaN(n)) continue
          // Where its marker is, worked out only for an item that is reported.
          const place = () => context.locate.marker(item, item.marker)
          // Letters that a confused (i) inside the previous item supplies.
          const supplied = new Set<number>()
          if (isAlpha(list.style) && i > 0) {
            visit(items[i - 1]!, 'item', (node) => {
              const c = confusions.get(node)
              if (c?.really === 'letter' && node !== items[i - 1]) supplied.add(alphaValue(node.label!))
            })
          }
          const printed = (value: number) => seen.get(value)?.marker ?? labelMarker(item, value, list.style)
          if (seen.has(n)) {
            context.report(
              `item ${shown(item)} repeats the label of the item at line ${seen.get(n)!.position.start.line}`,
              place(),
              `relabel it ${labelMarker(item, highest + 1, list.style)}`
            )
          } else if (n < highest) {
            context.report(`item ${shown(item)} comes after ${printed(highest)}`, place(), `put the items in order or relabel them`)
          } else if (n > highest + 1) {
            const missing: string[] = []
            for (let k = highest + 1; k < n; k++) if (!((lastAt.get(k) ?? -1) > i) && !supplied.has(k)) missing.push(labelMarker(item, k, list.style))
            if (missing.length > 0) {
              const what = i === 0 && highest + 1 === start ? `the list starts at ${shown(item)}` : `item ${shown(item)} follows ${printed(highest)}`
              context.report(
                `${what}: ${missing.length > 3 ? `${missing[0]} to ${missing[missing.length - 1]}` : missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
                place(),
                `relabel it ${labelMarker(item, highest + 1, list.style)} or restore the missing item${missing.length === 1 ? '' : 's'}`
              )
            }
          }
          if (!seen.has(n)) seen.set(n, item)
          highest = Math.max(highest, n)
        }
      }
    }
  }
)

function labelMarker(item: Item, value: number, style: ItemStyle): string {
  const label = labelAt(value, style)
  return item.label && item.marker.includes(item.label) ? item.marker.replace(item.label, label) : `(${label})`
}

export const itemLetterRoman = lintRule(
  {
    id: 'item-letter-roman',
    severity: 'warning',
    category: 'items',
    summary: 'an (i), (v) or (x) that reads as a letter but was taken for a roman numeral, or the other way round'
  },
  (context) => {
    for (const confusion of confusionsOf(context.tree).values()) {
      const {item, witness} = confusion
      const place = context.locate.marker(item, item.marker)
      if (confusion.really === 'letter') {
        const reason =
          confusion.relation === 'follows'
            ? `${item.marker} follows ${witness.marker}: it is the letter ${item.label}, but it sits in a roman list (read as ${ordinal(item.label!, item.style)})`
            : `${item.marker} is followed by ${witness.marker}: it is the letter ${item.label}, but it was read as the roman numeral ${ordinal(item.label!, item.style)}`
        context.report(
          reason,
          place,
          `indent ${item.marker} like ${witness.marker} so both are read as one lettered list; if a roman sub-list was meant, put it under its own lettered item`
        )
      } else {
        context.report(
          `${item.marker} holds ${witness.marker}: it starts a roman list (i), (ii) …, but it was read as the letter ${item.label}`,
          place,
          `indent ${item.marker} under the item it belongs to, as deep as ${witness.marker}`
        )
      }
    }
  }
)

export const itemMarkerStyle = lintRule(
  {
    id: 'item-marker-style',
    severity: 'warning',
    category: 'items',
    summary: 'one list printing its markers in different bracket styles: (a) then b) or c.'
  },
  (context) => {
    for (const parent of itemParents(context.tree)) {
      for (const list of listsOf(parent)) {
        const shapes = new Map<string, Item[]>()
        for (const item of list.items) {
          const shape = markerShape(item.marker)
          const same = shapes.get(shape)
          if (same) same.push(item)
          else shapes.set(shape, [item])
        }
        if (shapes.size < 2) continue
        // The form most of the list uses (the first one on a tie) is the norm.
        const [norm] = [...shapes.entries()].sort((a, b) => b[1].length - a[1].length)[0]!
        const normItem = shapes.get(norm)![0]!
        for (const [shape, items] of shapes) {
          if (shape === norm) continue
          for (const item of items) {
            const relabelled = normItem.label && item.label ? normItem.marker.replace(normItem.label, item.label) : null
            context.report(
              `item marker ${item.marker} differs from ${normItem.marker} in the same list`,
              context.locate.marker(item, item.marker),
              `print it as ${relabelled ?? norm}`,
              relabelled ? {expect: item.marker, text: relabelled} : undefined
            )
          }
        }
      }
    }
  }
)

export {markerShape}
