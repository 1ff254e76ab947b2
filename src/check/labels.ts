/** Item labels and their place in a list: a = 1, ii = 2, 3 = 3, and back. */
import {toHalfWidth} from '../lang/chars.js'
import {toRoman} from '../lang/numerals.js'
import type {Item, ItemStyle} from '../tree.js'

export {alphaValue, ordinal, romanValue, toRoman} from '../lang/numerals.js'

/** The label at a place in a list of the given style. */
export function labelAt(value: number, style: ItemStyle): string {
  switch (style) {
    case 'lower-alpha':
      return String.fromCharCode(96 + value)
    case 'upper-alpha':
      return String.fromCharCode(64 + value)
    case 'lower-roman':
      return toRoman(value)
    case 'upper-roman':
      return toRoman(value).toUpperCase()
    default:
      return String(value)
  }
}

/** How an item's marker is printed, as it would be for another label: `(a)` -> `(c)`, `b)` -> `c)`. */
export function markerFor(item: Item, label: string): string {
  if (item.label && item.marker.includes(item.label)) return item.marker.replace(item.label, label)
  return `(${label})`
}

/** The shape of a marker, width aside: `(x)`, `x)`, `x.`, `[x]`, ... */
export function markerShape(marker: string): string {
  const half = toHalfWidth(marker).replace(/\s+/g, '')
  return half.replace(/[A-Za-z0-9]+/, 'x')
}

/** Does a marker use full-width brackets or digits? null when it has neither form (bullets). */
export function markerWidth(marker: string): 'full' | 'half' | null {
  if (/[\uff01-\uff5e]/.test(marker)) return 'full'
  if (/[\x21-\x7e]/.test(marker)) return 'half'
  return null
}
