/**
 * Build, item lists: where a labelled item goes. `(a)(b)(c)` are siblings,
 * `(i)` after `(a)` opens a roman list inside `(a)`, `(i)` after `(h)` is the
 * letter i, `(b)` after `(iii)` closes the roman list. Decided from the
 * labels themselves, so a list reads the same whatever its indentation;
 * indentation decides only what labels cannot: a list that starts again at
 * its first label deeper in than itself (`1.` under `2.`) is inside the last item.
 */
import {ordinal} from '../lang/numbering.js'
import type {Item, ItemStyle, Paragraph} from '../tree.js'

interface Level {
  style: ItemStyle
  last: string | null
  indent: number
  /** The node whose children the list's items are (its children array is looked up at each item: the builder sets a node's words as an array made at its length). */
  holder: Paragraph | Item
  lastItem: Item | null
  /** Opened by its indentation alone (a list of the parent's own style, `1.` under `2.`): it ends where a line stands left of it. */
  byIndent?: true
}

function follows(previous: string | null, label: string | null, style: ItemStyle): boolean {
  if (style === 'bullet') return true
  if (previous === null || label === null) return false
  return ordinal(label, style) === ordinal(previous, style) + 1
}

function isFirst(label: string | null, style: ItemStyle): boolean {
  return style === 'bullet' || (label !== null && ordinal(label, style) === 1)
}

export class ItemNester {
  private levels: Level[] = []
  private paragraph: Paragraph | null = null

  reset(paragraph: Paragraph | null): void {
    this.paragraph = paragraph
    this.levels = []
  }

  /** The innermost open list's style and last label, for deciding whether `2.` is an item. */
  top(): {style: ItemStyle; last: string | null; item: Item | null} | null {
    const level = this.levels[this.levels.length - 1]
    return level ? {style: level.style, last: level.last, item: level.lastItem} : null
  }

  hasLevel(style: ItemStyle): Level | undefined {
    return this.levels.find((level) => level.style === style)
  }

  /** Put the item in its list; returns the style it was read as. */
  place(item: Item, styles: ItemStyle[], indent: number): ItemStyle {
    const paragraph = this.paragraph!
    // 1. The next label of an open list (innermost first).
    for (let depth = this.levels.length - 1; depth >= 0; depth--) {
      const level = this.levels[depth]!
      if (styles.includes(level.style) && follows(level.last, item.label, level.style)) {
        // `(i)` indented under `(h)` opens a roman list inside it, although i follows h.
        if (level.style === 'lower-alpha' && styles.includes('lower-roman') && item.label === 'i' && indent > level.indent + 1 && level.lastItem) break
        if (level.style === 'bullet' && indent > level.indent + 1 && depth === this.levels.length - 1 && level.lastItem) break
        if (level.style === 'bullet' && indent < level.indent - 1) continue
        if (level.byIndent && indent < level.indent - 1) continue
        return this.add(depth, level.style, item, indent)
      }
    }
    // The first label again, deeper in than its list (`1.` under `2.`): a list of the same style inside the last item.
    const inner = this.levels[this.levels.length - 1]
    if (inner?.lastItem && indent > inner.indent + 1 && styles.includes(inner.style) && isFirst(item.label, inner.style)) {
      this.levels.push({style: inner.style, last: null, indent, holder: inner.lastItem, lastItem: null, byIndent: true})
      return this.add(this.levels.length - 1, inner.style, item, indent)
    }
    // 2. The first label of a new list, inside the last item.
    const firstStyle = styles.find((style) => isFirst(item.label, style) && !this.hasLevel(style))
    const parent = this.levels[this.levels.length - 1]
    if (firstStyle && parent?.lastItem) {
      // `i` opens a roman list inside letters; elsewhere a lone `i` is the ninth letter only after `h`.
      const style = firstStyle === 'lower-alpha' && styles.includes('lower-roman') && parent.style === 'lower-alpha' ? 'lower-roman' : firstStyle
      this.levels.push({style, last: null, indent, holder: parent.lastItem, lastItem: null})
      return this.add(this.levels.length - 1, style, item, indent)
    }
    // 3. An open list of the same style with a gap or repeat in its labels (check reports it).
    for (let depth = this.levels.length - 1; depth >= 0; depth--) {
      const level = this.levels[depth]!
      if (styles.includes(level.style)) return this.add(depth, level.style, item, indent)
    }
    // 4. A new list in the paragraph.
    const style = styles.includes('lower-roman') && item.label === 'i' && this.levels.length === 0 ? 'lower-roman' : styles[0]!
    if (parent?.lastItem && this.levels.length > 0) {
      this.levels.push({style, last: null, indent, holder: parent.lastItem, lastItem: null})
    } else {
      this.levels = [{style, last: null, indent, holder: paragraph, lastItem: null}]
    }
    return this.add(this.levels.length - 1, style, item, indent)
  }

  private add(depth: number, style: ItemStyle, item: Item, indent: number): ItemStyle {
    this.levels.length = depth + 1
    const level = this.levels[depth]!
    level.last = item.label
    level.lastItem = item
    level.indent = Math.min(level.indent, indent)
    item.style = style
    level.holder.children.push(item)
    return style
  }
}
