/**
 * Numbers as papers print them outside digits: Chinese numerals in dates
 * (`一九九七年一月三日`), roman numerals and letters as item labels
 * (`(ii)`, `(c)`). One place for both readers, the builder and the checks.
 */
import {toHalfWidth} from './chars.js'
import type {ItemStyle} from '../tree.js'

export const HAN_DIGITS: Record<string, number> = {〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10}

/** A year written digit by digit (`一九九七`), or a number up to ninety-nine (`十`, `十二`, `二十三`); NaN otherwise. */
export function hanNumber(value: string): number {
  const chars = [...value]
  if (chars.length === 4) return Number(chars.map((c) => HAN_DIGITS[c] ?? NaN).join(''))
  if (chars.length === 1) return HAN_DIGITS[chars[0]!] ?? NaN
  if (chars[0] === '十') return 10 + (HAN_DIGITS[chars[1]!] ?? NaN)
  if (chars[1] === '十') return (HAN_DIGITS[chars[0]!] ?? NaN) * 10 + (chars[2] ? (HAN_DIGITS[chars[2]] ?? NaN) : 0)
  return NaN
}

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

