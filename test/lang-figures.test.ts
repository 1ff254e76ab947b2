// src/lang/figures: figures with units, percentages, numbers, number words.
import {describe, expect, it} from 'vitest'
import {FIGURE, FIGURE_UNITS, NUMBER, NUMBER_WORDS, PERCENT, WORD_NUMBER} from '../src/lang/figures.js'

const all = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m.slice(0, 5))

describe('figures', () => {
  it('reads a figure with its decimals and its multiplier', () => {
    expect(all(FIGURE, '$5,000 萬')).toEqual([['5,000 萬', '5,000', undefined, undefined, '萬']])
    expect(all(FIGURE, '1.5 million')).toEqual([['1.5 million', '1', '.5', 'million', undefined]])
    expect(all(FIGURE, '30 mice')).toEqual([['30', '30', undefined, undefined, undefined]])
    expect(FIGURE_UNITS.億).toBe(1e8)
    expect(FIGURE_UNITS.bn).toBe(1e9)
  })

  it('reads percentages in both languages', () => {
    expect(all(PERCENT, '45% 及 百分之 12.5 and 3 per cent').map((m) => m[1] ?? m[2])).toEqual(['45', '12.5', '3'])
  })

  it('reads numbers on their own, not inside words or decimals', () => {
    expect(all(NUMBER, 'W3C 10,000 2.0 5G').map((m) => m[0])).toEqual(['10,000', '2.0'])
    expect(all(WORD_NUMBER, 'Six areas, twenty-one, none').map((m) => m[1])).toEqual(['Six', 'twenty'])
    expect(NUMBER_WORDS.twelve).toBe(12)
  })
})
