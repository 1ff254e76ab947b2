// src/lang/references: cross-references to paragraphs, appendices and ordinances.
import {describe, expect, it} from 'vitest'
import {expectAccepts} from './helpers/accepts.js'
import {
  APPENDIX_REFERENCES,
  CHAPTER,
  LABEL_SEPARATOR,
  OTHER_DOCUMENT_AFTER,
  OTHER_DOCUMENT_BEFORE,
  PARAGRAPH_REFERENCES,
  RANGE_WORDS,
  SIDE_WORDS,
  TARGET_LIST_TOKENS
} from '../src/lang/references.js'

const groups = (patterns: RegExp[], text: string) => patterns.flatMap((p) => [...text.matchAll(p)].map((m) => ({...m.groups})))

describe('references to paragraphs', () => {
  it('reads the side and the list in both languages', () => {
    expect(groups(PARAGRAPH_REFERENCES, '見上文第 3 至 5 段及下文第6(b)段')).toEqual([
      {side: '上文', list: '3 至 5'},
      {side: '下文', list: '6(b)'}
    ])
    expect(groups(PARAGRAPH_REFERENCES, 'see paragraphs 3, 4 and 5 above')).toEqual([{side: 'above', list: '3, 4 and 5'}])
    expect(SIDE_WORDS.後文).toBe('below')
    expect(SIDE_WORDS.hereof).toBeNull()
  })

  it('cuts a list into numbers and words', () => {
    expect('3 至 5、6(b)'.match(TARGET_LIST_TOKENS)).toEqual(['3', '至', '5', '、', '6(b)'])
    expectAccepts(RANGE_WORDS, ['至'], ['及'])
  })
})

describe('references to appendices and ordinances', () => {
  it('reads the word and the labels', () => {
    expect(groups(APPENDIX_REFERENCES, '載於附錄 I 及 II')).toEqual([{word: '附錄', labels: 'I 及 II'}])
    expect(groups(APPENDIX_REFERENCES, '附件所載')).toEqual([])
    expect(groups(APPENDIX_REFERENCES, 'at Annexes A to C')).toEqual([{word: 'Annexes', labels: 'A to C'}])
    expect('I 及 II'.split(LABEL_SEPARATOR)).toEqual(['I', 'II'])
  })

  it('knows mentions that belong to another document', () => {
    expectAccepts(OTHER_DOCUMENT_BEFORE, ['CB(1)12/24號文件的'], ['本文件載於'])
    expectAccepts(OTHER_DOCUMENT_AFTER, [' to LC Paper No. CB(1)'], [' below'])
  })

  it('reads ordinance chapters', () => {
    expect([...'《個人資料(私隱)條例》(第 486 章) and Cap. 486A'.matchAll(CHAPTER)].map((m) => m[1] ?? m[2])).toEqual(['486', '486A'])
  })
})
