// src/lang/headings: the comparison form of a heading, appendix headings, the tables behind them.
import {describe, expect, it} from 'vitest'
import {expectAccepts, expectReads} from './helpers/accepts.js'
import {APPENDIX_WORDS, appendixHeading, headingForm, headingName, HEADINGS, isTitleCase, standardHeadingKey} from '../src/lang/headings.js'

describe('headings', () => {
  it('compares headings half-width, lower case, without a trailing colon or spaces between CJK', () => {
    expect(headingForm('ＰＵＲＰＯＳＥ：')).toBe('purpose')
    expect(headingForm('背 景 資 料')).toBe('背景資料')
    expect(headingForm('Major  views')).toBe('major views')
  })

  it('reads a standard heading after its numbering', () => {
    expectReads(standardHeadingKey, {'III. Background': 'background', '(二) 背景': 'background', '第一部 目的': 'purpose', 'Background to the proposal': null})
  })

  it("reads the progress headings of an Administration paper's yearly update, and no progress of a named thing", () => {
    expectReads(standardHeadingKey, {
      'Progress Since Last Reporting': 'progress',
      'Progress made since the last report': 'progress',
      'Work progress': 'progress',
      自上次匯報以來的進展: 'progress',
      工作進展報告: 'progress',
      'Progress of the Central Ferry Piers project': null,
      渡輪服務的進展: null
    })
  })

  it('names a standard heading in each script', () => {
    expect(headingName('purpose', 'hant')).toBe('目的')
    expect(headingName('attendance', 'en')).toBe('Members present')
    expect(headingName('background', 'hans')).toBe('背景')
    expect(headingName('no-such-key', 'en')).toBeUndefined()
  })

  it('reads an appendix heading and its label', () => {
    expect(appendixHeading('附錄 II')).toEqual({marker: '附錄', label: 'II'})
    expect(appendixHeading('附件三')).toEqual({marker: '附件', label: '三'})
    expect(appendixHeading('Ａｎｎｅｘ Ａ')).toEqual({marker: 'Annex', label: 'A'})
    expect(appendixHeading('Appendix')).toEqual({marker: 'Appendix', label: null})
    expect(appendixHeading('Schedule')).toBeNull()
    expect(appendixHeading('附錄載有名單')).toBeNull()
  })

  it('keys every heading word of every script', () => {
    const keys = new Set(HEADINGS.map((heading) => heading.key))
    expect(keys.size).toBe(HEADINGS.length)
    for (const heading of HEADINGS)
      for (const word of [...heading.hant, ...heading.hans, ...heading.en]) expect([word, standardHeadingKey(word)]).toEqual([word, heading.key])
    expect(APPENDIX_WORDS.hans).toContain('附录')
  })
})

describe('isTitleCase', () => {
  it('takes an English title-case line, however long, and no sentence or name list', () => {
    expectAccepts(
      isTitleCase,
      ['Background for Setting Up the Information Infrastructure Advisory Committee', 'Progress Since Last Reporting'],
      ['Members agreed that the matter be discussed at the next meeting', 'The Administration Has Replied.', 'Purpose']
    )
  })
})
