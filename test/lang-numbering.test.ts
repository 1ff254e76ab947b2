// src/lang/numbering: numerals, label styles, ordinals, markers as printed.
import {describe, expect, it} from 'vitest'
import {expectAccepts, expectReads, expectRefuses} from './helpers/accepts.js'
import {
  alphaValue,
  BRACKET_LABEL,
  BULLET_START,
  GLUED_BEFORE_PARAGRAPH_MARKER,
  hanLabelValue,
  hanNumber,
  HEADING_NUMBERING,
  INTRODUCES_LIST,
  labelAt,
  labelKey,
  labelStyles,
  lettersValue,
  LIST_CONJUNCTION,
  markerEndsWithStop,
  markerOpensBracket,
  markerShape,
  numeralAt,
  numeralOf,
  toHan,
  headingNumber,
  NUMBERED_SHAPE,
  ordinal,
  readsAsLetterOrRoman,
  PARAGRAPH_MARKER,
  PARAGRAPH_NUMBER_CELL,
  PARAGRAPH_NUMBER_ONLY,
  PARAGRAPH_NUMBER_START,
  PAREN_LABEL,
  romanLetters,
  romanSum,
  romanValue,
  toRoman
} from '../src/lang/numbering.js'

describe('numerals', () => {
  it('reads Chinese numerals: years digit by digit, numbers up to ninety-nine', () => {
    expectReads(hanNumber, {一九九七: 1997, 二〇二四: 2024, 七: 7, 十: 10, 十二: 12, 三十: 30, 二十三: 23, 二三: NaN, 甲: NaN})
  })

  it('reads Chinese labels leniently, without zeros', () => {
    // Tens from the first character, units from the third: 二三 is read as 20.
    expectReads(hanLabelValue, {二: 2, 十一: 11, 二十: 20, 二三: 20, 〇: NaN, '': NaN, A: NaN})
  })

  it('writes and reads roman numerals, strictly and as summed', () => {
    expect(toRoman(1994)).toBe('mcmxciv')
    expect(toRoman(9)).toBe('ix')
    expect(romanValue('XIV')).toBe(14)
    expect(romanValue('iiii')).toBeNaN()
    expect(romanValue('vx')).toBeNaN()
    expect(romanValue('ab')).toBeNaN()
    expect(romanSum('iiii')).toBe(4)
    expect(romanSum('vx')).toBe(5)
    expect(romanSum('xiv')).toBe(14)
  })

  it('reads letters: one strictly, several in base 26', () => {
    expect(alphaValue('c')).toBe(3)
    expect(alphaValue('Z')).toBe(26)
    expect(alphaValue('aa')).toBeNaN()
    expect(lettersValue('C')).toBe(3)
    expect(lettersValue('aa')).toBe(27)
  })
})

describe('label styles and ordinals', () => {
  it('gives the styles a label can be, most likely first', () => {
    expect(labelStyles('12')).toEqual(['decimal'])
    expect(labelStyles('b')).toEqual(['lower-alpha'])
    expect(labelStyles('i')).toEqual(['lower-alpha', 'lower-roman'])
    expect(labelStyles('V')).toEqual(['upper-alpha', 'upper-roman'])
    expect(labelStyles('iv')).toEqual(['lower-roman'])
    expect(labelStyles('XL')).toEqual([])
    expect(labelStyles('ab')).toEqual([])
    expect(['i', 'V', 'x', 'l', 'ii', 'b'].map(readsAsLetterOrRoman)).toEqual([true, true, true, false, false, false])
  })

  it('turns Unicode roman numerals into letters', () => {
    expect(romanLetters('ⅳ')).toBe('iv')
    expect(romanLetters('Ⅻ')).toBe('XII')
    expect(romanLetters('b')).toBe('b')
  })

  it('places a label in its list and back', () => {
    expect(ordinal('ｃ', 'lower-alpha')).toBe(3)
    expect(ordinal('iii', 'lower-roman')).toBe(3)
    expect(ordinal('１２', 'decimal')).toBe(12)
    expect(ordinal('a', 'bullet')).toBeNaN()
    expect(labelAt(4, 'lower-alpha')).toBe('d')
    expect(labelAt(4, 'upper-roman')).toBe('IV')
    expect(labelAt(4, 'decimal')).toBe('4')
  })

  it('compares labels whatever numerals print them', () => {
    expectReads(labelKey, {II: '#2', 二: '#2', '２': '#2', 十二: '#12', V: '#5', a: 'A', B1: 'B1'})
  })
})

describe('markers as printed', () => {
  it('reads a paragraph marker, half- or full-width, but not a decimal', () => {
    expect(PARAGRAPH_MARKER.exec('12. 文字')?.slice(0, 2)).toEqual(['12. ', '12'])
    expect(PARAGRAPH_MARKER.exec('３．　背景')?.[1]).toBe('３')
    expectRefuses(PARAGRAPH_MARKER, ['1.5 million', '1234. text'])
    // A year after the stop is no decimal: the space after a full-width number lost (`３．1999年7月14日。`).
    expect(PARAGRAPH_MARKER.exec('３．1999年7月14日。')?.[1]).toBe('３')
    expectRefuses(PARAGRAPH_MARKER, ['3.1999 percent', '3.19年'])
    // A star before the number (a question for a written reply), and our Markdown's escaped form of it.
    expect(PARAGRAPH_MARKER.exec('*7. Hon X to ask')?.slice(0, 2)).toEqual(['*7. ', '7'])
    expect(PARAGRAPH_MARKER.exec('\\*7\\. Hon X to ask')?.[1]).toBe('7')
    expect(PARAGRAPH_MARKER.test('* 7. a bullet')).toBe(false)
    expect(PARAGRAPH_NUMBER_START.test('1.5 million')).toBe(true)
    expectAccepts(PARAGRAPH_NUMBER_ONLY, ['4 .'], ['4. text'])
    expect(PARAGRAPH_NUMBER_CELL.test('1. | 《條例》')).toBe(true)
    expect(GLUED_BEFORE_PARAGRAPH_MARKER.exec('背景2. 青山灣')?.[1]).toBe('背景')
    expect(GLUED_BEFORE_PARAGRAPH_MARKER.test('背景2.5')).toBe(false)
  })

  it('reads item labels in brackets, after a bracket only, after a bullet', () => {
    expect(BRACKET_LABEL.exec('（ii）　text')?.[1]).toBe('ii')
    expect(BRACKET_LABEL.exec('(ⅳ) text')?.[1]).toBe('ⅳ')
    expect(BRACKET_LABEL.test('(abc) text')).toBe(false)
    expect(PAREN_LABEL.exec('b) text')?.[1]).toBe('b')
    expect(PAREN_LABEL.test('b)text')).toBe(false)
    expect(BULLET_START.exec('• text')?.[0]).toBe('• ')
    expect(BULLET_START.exec('●(a) text')?.[0]).toBe('●')
    expect(BULLET_START.test('-text')).toBe(false)
    // Word's bullets as PDFs give them: ⬧, ➢, ❖, ◦, and the Symbol/Wingdings private-use code points (U+F0B7 ·, U+F0A7 ▪, U+F0D8 ➢).
    for (const bullet of ['⬧', '➢', '❖', '◦', '\uF0B7', '\uF0A7', '\uF0D8']) expect(BULLET_START.exec(`${bullet} 項目`)?.[0], bullet).toBe(`${bullet} `)
  })

  it('knows numbered and labelled shapes and heading numbering', () => {
    for (const line of ['1. text', '(a) text', '• text', 'a\tb', 'a | b']) expect([line, NUMBERED_SHAPE.test(line)]).toEqual([line, true])
    expect(NUMBERED_SHAPE.test('Panel on Housing')).toBe(false)
    expect('II. Purpose'.replace(HEADING_NUMBERING, '')).toBe('Purpose')
    expect('(一)背景'.replace(HEADING_NUMBERING, '')).toBe('背景')
    expect('第二部 建議'.replace(HEADING_NUMBERING, '')).toBe('建議')
    expect('Purpose'.replace(HEADING_NUMBERING, '')).toBe('Purpose')
  })

  it('reads the shape of a marker', () => {
    expect(markerShape('（b）')).toBe('(x)')
    expect(markerShape('iv)')).toBe('x)')
    expect(markerShape('3 .')).toBe('x.')
    expectAccepts(markerEndsWithStop, ['３．'], ['(3)'])
    expectAccepts(markerOpensBracket, ['（a）'], ['a)'])
  })

  it('knows the words around lists', () => {
    expectAccepts(LIST_CONJUNCTION, ['以及'], ['及其'])
    expectAccepts(INTRODUCES_LIST, ['措施如下', 'the following -', '措施包括：'], ['措施。'])
  })

  it('reads a number of any kind as a place in its sequence, and writes the next one', () => {
    expect(numeralOf('III')).toEqual({kind: 'upper-roman', value: 3})
    expect(numeralOf('iv')).toEqual({kind: 'lower-roman', value: 4})
    expect(numeralOf('１２')).toEqual({kind: 'decimal', value: 12})
    expect(numeralOf('三')).toEqual({kind: 'han', value: 3})
    expect(numeralOf('十二')).toEqual({kind: 'han', value: 12})
    expect(numeralOf('二十')).toEqual({kind: 'han', value: 20})
    expect(numeralOf('B')).toEqual({kind: 'upper-alpha', value: 2})
    // `I` alone is a roman numeral; `IA` (an item put in) and a year are in no sequence.
    expect(numeralOf('I')).toEqual({kind: 'upper-roman', value: 1})
    expect(numeralOf('IA')).toBeNull()
    expect(numeralOf('一九九七')).toBeNull()
    expect(numeralOf('二二')).toBeNull()
    expect([1, 10, 11, 20, 23].map(toHan)).toEqual(['一', '十', '十一', '二十', '二十三'])
    expect(numeralAt(4, 'han')).toBe('四')
    expect(numeralAt(4, 'upper-roman')).toBe('IV')
    expect(numeralAt(4, 'decimal')).toBe('4')
  })

  it('reads an item heading numbered 第一項 as numbered', () => {
    expect(headingNumber('第三項 其他事項')).toEqual({number: '三', marker: '第三項', rest: '其他事項'})
  })
})
