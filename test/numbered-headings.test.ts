// Numbered headings: src/lang/numbering's headingNumber, and the sections that finish gives a number and marker.
import {describe, expect, it} from 'vitest'
import {headingNumber} from '../src/lang/numbering.js'
import {parseText} from '../src/parse.js'
import {sections} from './helpers/tree.js'

describe('headingNumber', () => {
  it('reads every common form of heading number, the title after it', () => {
    expect(headingNumber('一、審慎推出')).toEqual({number: '一', marker: '一、', rest: '審慎推出'})
    expect(headingNumber('（一）以民為本')).toEqual({number: '一', marker: '（一）', rest: '以民為本'})
    expect(headingNumber('一) 針對違規司機的罰則：')).toEqual({number: '一', marker: '一)', rest: '針對違規司機的罰則：'})
    expect(headingNumber('(1) Fares')).toEqual({number: '1', marker: '(1)', rest: 'Fares'})
    expect(headingNumber('１．人為製造稀缺')).toEqual({number: '1', marker: '１．', rest: '人為製造稀缺'})
    expect(headingNumber('A. Background')).toEqual({number: 'A', marker: 'A.', rest: 'Background'})
    expect(headingNumber('IV. Way forward')).toEqual({number: 'IV', marker: 'IV.', rest: 'Way forward'})
    expect(headingNumber('第二部分 建議')).toEqual({number: '二', marker: '第二部分', rest: '建議'})
    expect(headingNumber('Part 3: Costs')).toEqual({number: '3', marker: 'Part 3:', rest: 'Costs'})
  })
  it('leaves a title that only starts with a figure, and references joined to the next', () => {
    expect(headingNumber('2026年的工作')).toBeNull()
    expect(headingNumber('1.5 million trips')).toBeNull()
    expect(headingNumber('(二)及(三)')).toBeNull()
    expect(headingNumber('(一)、(二)及(三)')).toBeNull()
    expect(headingNumber('A.B. Smith')).toBeNull()
    expect(headingNumber('一、')).toBeNull()
  })
})

describe('numbered sections', () => {
  it('splits the number off the heading a paper prints it with', () => {
    const text = '目的\n\n1. 本文件闡述渡輪服務的建議。\n\n一、現行安排\n\n2. 現時每日有十班渡輪往返離島及中環。\n\n二、建議\n\n3. 政府建議增加夜間班次。\n'
    const found = sections(parseText(text).tree).map((section) => [section.number ?? null, section.marker ?? null, section.title])
    expect(found).toEqual([
      [null, null, '目的'],
      ['一', '一、', '現行安排'],
      ['二', '二、', '建議']
    ])
  })
})
