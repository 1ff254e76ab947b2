/** Item labels and their place in a list: a = 1, ii = 2, 3 = 3, and back. */
import {toHalfWidth} from '../lang/chars.js'
import type {Item, ItemStyle} from '../tree.js'

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']
]

export function toRoman(value: number): string {
  let out = ''
  for (const [size, letters] of ROMAN) {
    while (value >= size) {
      out += letters
      value -= size
    }
  }
  return out
}

/** The value of a roman numeral, or NaN when it is not written the standard way (`iiii`, `vx`). */
export function romanValue(label: string): number {
  const lower = label.toLowerCase()
  if (!/^[ivxlcdm]+$/.test(lower)) return NaN
  const values: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000}
  let total = 0
  for (let i = 0; i < lower.length; i++) {
    const value = values[lower[i]!]!
    const next = values[lower[i + 1]!] ?? 0
    total += value < next ? -value : value
  }
  return toRoman(total) === lower ? total : NaN
}

export function alphaValue(label: string): number {
  const lower = label.toLowerCase()
  return /^[a-z]$/.test(lower) ? lower.charCodeAt(0) - 96 : NaN
}

/** The place of a label in a list of the given style (NaN when it does not read in that style). */
export function ordinal(label: string, style: ItemStyle): number {
  const half = toHalfWidth(label)
  switch (style) {
    case 'lower-alpha':
    case 'upper-alpha':
      return alphaValue(half)
    case 'lower-roman':
    case 'upper-roman':
      return romanValue(half)
    case 'decimal':
      return /^\d+$/.test(half) ? Number(half) : NaN
    default:
      return NaN
  }
}

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
