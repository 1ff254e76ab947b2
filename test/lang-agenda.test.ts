// The agenda tables of src/lang/meetings.ts, called directly.
import {describe, expect, it} from 'vitest'
import {expectAccepts, expectRefuses} from './helpers/accepts.js'
import {
  AGENDA_PAPER,
  BRACKETED_LINE,
  COMMITTEE_MEETING,
  DESCRIPTION_DASH,
  ITEM_MARK,
  MEETING_COMMITTEE_LINE,
  MEETING_FIELD_LINE,
  REVISED_AGENDA,
  TIME_SLOT,
  isPaperReferenceLine,
  VENUE_LINE
} from '../src/lang/meetings.js'

describe('agenda wording', () => {
  it('finds a listed paper at the start of its line, with its words, one number or two run together', () => {
    expect(AGENDA_PAPER.exec('立法會CB(2)832/04-05號文件')?.[1]).toBe('立法會CB(2)832/04-05號文件')
    expect(AGENDA_PAPER.exec('LC Paper No. CB(1)538/01-02(01)-Train Service')?.[1]).toBe('LC Paper No. CB(1)538/01-02(01)')
    expect(AGENDA_PAPER.exec('立法會CB(2)538/04-05(07)CB(2)833/04-05(03)號文件')?.[1]).toBe('立法會CB(2)538/04-05(07)CB(2)833/04-05(03)號文件')
    expectRefuses(AGENDA_PAPER, ['(立法會CB(2)1414/07-08號文件)', '立法會秘書處'])
  })
  it('reads the dash before a description, a bracketed note, a mark before an item numeral', () => {
    expect(DESCRIPTION_DASH.exec('- 待議事項一覽表')?.[1]).toBe('-')
    expect(DESCRIPTION_DASH.exec('--立法會文件')?.[1]).toBe('--')
    expectAccepts(BRACKETED_LINE, ['(隨附於後)', '（只備中文本）'])
    expect(ITEM_MARK.exec('*VIProgress')?.[1]).toBe('*')
    expect(ITEM_MARK.exec('* III.')?.[1]).toBe('* ')
    expect(ITEM_MARK.test('*Non-Panel Members')).toBe(false)
    // Chinese numbering takes the mark too: `*二、`, `*（三）`, `*第四項`; a note that opens with a numeral word does not.
    expect(['*二、安老院舍', '*（三）其他事項', '*第四項 其他事項'].map((text) => ITEM_MARK.exec(text)?.[1])).toEqual(['*', '*', '*'])
    expect(ITEM_MARK.test('*非事務委員會委員獲邀參與此項目的討論。')).toBe(false)
  })
  it('knows a revised agenda, a committee holding a meeting, a venue line, spaced labels, an open-ended slot', () => {
    expectAccepts(REVISED_AGENDA, ['Revised agenda', '修訂議程'], ['Agenda'])
    expect(COMMITTEE_MEETING.exec('福利事務委員會會議')?.[1]).toBe('福利事務委員會')
    expectAccepts(MEETING_COMMITTEE_LINE, ['LegCo Panel on Transport'], ['Minutes of meeting held on 2 May'])
    expect(VENUE_LINE.exec('in the Chamber of the Legislative Council Building')?.[1]).toBe('Chamber of the Legislative Council Building')
    expect(MEETING_FIELD_LINE.exec('日 期:2005年2月18日')?.[1]).toBe('日 期')
    expectAccepts(TIME_SLOT, ['(12:45 pm onward)', '(由下午12時25分起)', '(11:00 am - 12:00 noon)', '(12:00 noon - 12:30 pm)'])
    expectAccepts(
      isPaperReferenceLine,
      ['(立法會CB(2)285/98-99(01)號文件)', '[CB(2)1158/98-99(04)号文件]', '(LC Paper No. CB(1)65/00-01)'],
      // A paper number inside words, or no paper at all, is no reference line.
      ['(the Administration undertook to revise CB(2)285/98-99(01) by May)', '(會議於下午3時結束)']
    )
  })
})
