// src/lang/chars: character classes, width, punctuation, brackets.
import {describe, expect, it} from 'vitest'
import {expectAccepts, expectReads} from './helpers/accepts.js'
import {
  BRACKET_PAIRS,
  CLAUSE_PUNCTUATION,
  DIGIT_RUNS,
  displayWidth,
  endsMidPhrase,
  endsSentence,
  hasFullWidthDigit,
  IN_BRACKETS,
  isHan,
  isWide,
  joiner,
  lineStartUnit,
  ONE_BRACKETED_REMARK,
  PARAGRAPH_END,
  SENTENCE_INSIDE,
  SENTENCE_PUNCTUATION_END,
  SHORT_LABEL_BEFORE,
  squeeze,
  startsContinuation,
  toHalfWidth,
  TRAILING_COLON,
  TRAILING_FULL_STOP
} from '../src/lang/chars.js'

describe('character classes', () => {
  it('tells Han and wide characters, and measures width', () => {
    expect(isHan('〇'.charCodeAt(0))).toBe(true)
    expect(isHan('、'.charCodeAt(0))).toBe(false)
    expect(isWide('、'.charCodeAt(0))).toBe(true)
    expect(isWide('a'.charCodeAt(0))).toBe(false)
    expect(displayWidth('目的 1')).toBe(6)
    expect(toHalfWidth('（ａ）１２　')).toBe('(a)12 ')
  })

  it('joins and squeezes CJK lines', () => {
    expect(joiner('政府', '建議')).toBe('')
    expect(joiner('the', 'Panel')).toBe(' ')
    // Chinese text wraps between any two characters: a numeral or figure it cut is one word again.
    expect(joiner('議程第II', 'I項')).toBe('')
    expect(joiner('政府於20', '23年')).toBe('')
    // English words keep their space, and so does a run not held by CJK on both sides.
    expect(joiner('item III', 'is')).toBe(' ')
    expect(joiner('推行 AI', 'Chatbot')).toBe(' ')
    expect(joiner('第III', 'and')).toBe(' ')
    expect(squeeze('臨 立 會 142/96-97 號 文 件')).toBe('臨立會 142/96-97 號文件')
    // A title spread over the line's width, several spaces between its characters, is the word too.
    expect(squeeze('議   程')).toBe('議程')
    // Two words a wide gap parts are not letter-spaced: they keep it.
    expect(squeeze('會議  紀要')).toBe('會議  紀要')
  })

  it('knows how sentences end and go on', () => {
    expectAccepts(endsSentence, ['措施。」', '措施；及'], ['措施'])
    expectAccepts(startsContinuation, ['，以及'], ['The'])
    expect(SENTENCE_PUNCTUATION_END.test('完成。」 ')).toBe(true)
    expectAccepts(SENTENCE_INSIDE, ['完成。其後'], ['完成。'])
    expect(CLAUSE_PUNCTUATION.test('甲，乙')).toBe(true)
    // The ASCII comma of the 1990s pages after a Chinese character; not in an English heading.
    expectAccepts(CLAUSE_PUNCTUATION, ['附議下,單仲偕'], ['Housing, Planning and Lands'])
    // A line stopping on a connective or an article goes on; after a list's semicolon it ends an item.
    expectAccepts(
      endsMidPhrase,
      ['主持委員會主席選擧的', 'Review of the operation of', '已在合適路段鋪設了低噪音物料以'],
      ['加強規管；及', 'to improve services; and', '委員會主席', '目的', '未來工作路向', '鼓勵市民參與', 'the Bills Committee']
    )
    expect(TRAILING_COLON.test('致：')).toBe(true)
    expectAccepts(TRAILING_FULL_STOP, ['完成。」'], ['如下：'])
  })

  it('knows brackets, digits and labels before a bracket', () => {
    expect(IN_BRACKETS.test('（草擬本）(修訂)')).toBe(true)
    expectAccepts(ONE_BRACKETED_REMARK, ['(下午4時30分至6時30分)'], ['（草擬本）(修訂)'])
    expectAccepts(SHORT_LABEL_BEFORE, ['如下：a'], ['abcde'])
    expect('4 及 ５６'.match(DIGIT_RUNS)).toEqual(['4', '５６'])
    expectAccepts(hasFullWidthDigit, ['５'], ['5'])
    expect(BRACKET_PAIRS.find((pair) => pair.open.includes('（'))?.close).toBe(')）')
  })

  it('PARAGRAPH_END: a line a writer ends a paragraph on, not a list item or a title abbreviation', () => {
    for (const line of ['仍有相當規模。', '關鍵數據如下：', '是否未獲答覆？', '稱為「死牌」', 'would be completed.', 'as follows:', 'in 2025.', 'done.)']) {
      expect(PARAGRAPH_END.test(line), line).toBe(true)
    }
    for (const line of ['以及；', '劉慧卿議員, J.P.', 'a quota of licences;', 'Mr.', '的士車隊，', 'and the']) {
      expect(PARAGRAPH_END.test(line), line).toBe(false)
    }
  })

  it('lineStartUnit: what a line-breaker keeps with the first character of a line', () => {
    expectReads(lineStartUnit, {'另一方面，夜間': '另', '載。換言之': '載。', '「死牌」': '「死', '1,930 部的士': '1,930', '2026-05-11 至': '2026-05-11'})
    expectReads(lineStartUnit, {'Furthermore, Hong Kong': 'Furthermore,', '(see below)': '(see', '': ''})
  })
})
