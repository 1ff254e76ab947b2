// src/lang/papers: paper numbers, stamps and file references.
import {describe, expect, it} from 'vitest'
import {expectAccepts, expectReads} from './helpers/accepts.js'
import {
  BARE_PAPER_NUMBER,
  BRANCHED_PREFIXES,
  FILE_REF_FORM,
  FILE_REF_LINE,
  isStampOnlyLine,
  normalisePaperNumber,
  PAPER_NUMBER,
  PAPER_NUMBER_INTENT,
  PAPER_NUMBER_LINE,
  PAPER_NUMBER_PREFIX,
  PAPER_STAMP_WORDS,
  STAMP_LINE
} from '../src/lang/papers.js'

describe('paper numbers', () => {
  it('reads the paper-number line in Chinese and English, financial-year numbers included', () => {
    const number = (line: string) => PAPER_NUMBER_LINE.exec(line)?.[1]
    expectReads(number, {
      '立法會 CB(1)369/2024(05)號文件': 'CB(1)369/2024(05)',
      '臨立會 142/96-97號文件': '142/96-97',
      '立法會FCR(2024-25)12號文件': 'FCR(2024-25)12'
    })
    expectReads(number, {'LC Paper No. CB(4)711/12-13(06)': 'CB(4)711/12-13(06)', 'LC Paper No. LS37': 'LS37'})
    expect(PAPER_NUMBER_LINE.test('立法會 CB(1)369/2024(05)號文件 及其他')).toBe(false)
  })

  it('finds a number in running text and alone, and compacts it', () => {
    expect(PAPER_NUMBER.exec('見 CB(2) 1218/09-10 (01) 號')?.[0]).toBe('CB(2) 1218/09-10 (01)')
    expect(normalisePaperNumber('CB(2) 1218/09-10 (01)')).toBe('CB(2)1218/09-10(01)')
    expectAccepts(BARE_PAPER_NUMBER, ['CB(1)369/2024(05)'], ['see CB(1)369/2024(05)'])
    expect(BRANCHED_PREFIXES.has('CB')).toBe(true)
    expect(BRANCHED_PREFIXES.has('LS')).toBe(false)
  })

  it('tells a line meant to give the number from one that only mentions one', () => {
    expectAccepts(PAPER_NUMBER_INTENT, ['立法會 CB(9)xx號文件', 'LC Paper No CB(1)'], ['見號文件附錄'])
    expect([...'立法會 CB(1)1號文件 LC Paper No. CB(1)2'.matchAll(PAPER_NUMBER_PREFIX)].map((m) => m[0])).toEqual(['立法會 ', 'LC Paper No. '])
  })
})

describe('stamps', () => {
  it('reads the stamp at the top of each paper of a bundle', () => {
    expect(STAMP_LINE.exec('立法會CB(3)662/2026(351)號文件')?.[1]).toBe('CB(3)662/2026(351)')
    expect(STAMP_LINE.exec('LC Paper No. CB(3)662/2026(351) (revised)')?.[1]).toBe('CB(3)662/2026(351)')
    expectAccepts(PAPER_STAMP_WORDS, ['立法會CB(3)662/2026(351)號文件'], ['CB(3)662/2026(351)'])
  })

  it('knows a PDF line that is only a stamp', () => {
    expectAccepts(
      isStampOnlyLine,
      ['立法會CB(3)710/2026(11)號文件', 'LC Paper No. CB(4)1616/20-21(01)'],
      ['CB(3)710/2026(11) 的附件載有政府的回應', '立法會秘書處']
    )
  })
})

describe('file references', () => {
  it('reads the file reference line and its form', () => {
    expect(FILE_REF_LINE.exec('檔號：CB1/PL/ITB')?.[1]).toBe('CB1/PL/ITB')
    expect(FILE_REF_LINE.exec('File Ref.: LS/B/12/23')?.[1]).toBe('LS/B/12/23')
    expect(FILE_REF_LINE.test('Reference papers')).toBe(false)
    expectAccepts(FILE_REF_FORM, ['CB4/PL/ITB/1'], ['CB1 PL ITB'])
  })
})
