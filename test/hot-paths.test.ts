// The shortcuts of the per-line hot paths (issue 16) read what the full tests they stand for read.
import {describe, expect, it} from 'vitest'
import {displayWidth, SENTENCE_ENDS, toHalfWidth} from '../src/lang/chars.js'
import {FOOTNOTE_START, footnoteStart} from '../src/lang/numbering.js'

const groups = (match: RegExpExecArray | null) => (match ? [match.index, match[0], match[1], match[2], match[3]] : null)

describe('footnoteStart', () => {
  const lines = [
    '1 The note.',
    '12 words',
    '123 not a note',
    '(3) words',
    '\uff08\uff14\uff09 full-width brackets and digit',
    '\uff3b7\uff3d https://example.org',
    '[4] https://example.org/a/very/long/address/of/the/note',
    '[4]https://x',
    '2. \u653f\u5e9c\u7576\u5c40\u5728 2022 \u5e74\u5e95\u767c\u8868\u300a\u9999\u6e2f\u5275\u65b0\u79d1\u6280\u767c\u5c55\u85cd\u5716\u300b',
    // A run of spaces up to the 16th character and past it: only the whole line tells.
    `1${' '.repeat(14)}x`,
    `1${' '.repeat(15)}x`,
    `1${' '.repeat(16)}x`,
    `(1)${' '.repeat(13)}`,
    `(1)${'\u3000'.repeat(13)}words`,
    `[9]${' '.repeat(20)}words`,
    `5${' '.repeat(30)}`,
    '7',
    '(8)',
    'no number',
    ''
  ]
  for (const line of lines) {
    it(`reads ${JSON.stringify(line.slice(0, 24))} as FOOTNOTE_START on the whole line made half-width`, () => {
      expect(groups(footnoteStart(line))).toEqual(groups(FOOTNOTE_START.exec(toHalfWidth(line))))
    })
  }
  it('finds a note start at all (the comparison above is not of two nulls)', () => {
    expect(footnoteStart('\uff08\uff14\uff09 words')?.[1]).toBe('4')
    expect(footnoteStart(`1${' '.repeat(15)}x`)?.[3]).toBe('1')
  })
})

describe('SENTENCE_ENDS', () => {
  // The form it had before the mark came first (a lookbehind tried at every character).
  const before = /[\u3002\uff01\uff1f]|(?<=[a-z]{2}[)"'\u201d\u2019]?)[.!?](?=[)"'\u201d\u2019]*(?:\s+[("'\u201c\u2018]?[A-Z]|\s*$))/g
  const texts = [
    'The Bill was passed. Members spoke! Then? It ended.',
    'Mr. Chan said so. No. 5 is here.',
    'It was "done." Then more.',
    'the end\u201d. And',
    'a.b. C',
    'x.Y and ab.',
    '\u672c\u6587\u4ef6\u3002\u6703\u8b70\uff01\u554f\u984c\uff1f',
    '2. Paragraph one.  3. Paragraph two.'
  ]
  it('finds the marks the former form found, at the same places', () => {
    for (const text of texts) {
      const at = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => `${match.index}:${match[0]}`)
      expect(at(SENTENCE_ENDS)).toEqual(at(before))
    }
    expect([...texts[0]!.matchAll(SENTENCE_ENDS)].length).toBe(4)
  })
})

describe('displayWidth with a limit', () => {
  it('is over the limit exactly when the whole width is', () => {
    const values = [
      '',
      'abc',
      '\u4e2d\u6587'.repeat(30),
      'a'.repeat(100),
      'a'.repeat(101),
      `${'\u4e2d'.repeat(50)}a`,
      `${'\u4e2d'.repeat(49)}ab`,
      '\ud840\udc00'.repeat(51)
    ]
    for (const value of values) for (const limit of [8, 100, 120]) expect(displayWidth(value, limit) > limit).toBe(displayWidth(value) > limit)
    expect(displayWidth('\u4e2d\u6587 ab\uff0c')).toBe(9)
  })
})
