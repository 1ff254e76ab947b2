// src/lang/header, signature and furniture: the words of a paper's header, its signature and its page furniture.
import {describe, expect, it} from 'vitest'
import {expectAccepts} from './helpers/accepts.js'
import {NOTE_LINE_MARK, PAGE_NUMBER_LINE, WEB_FOOTER_LINE} from '../src/lang/furniture.js'
import {COMMITTEE_IN_MEETING, COMMITTEE_LINE, COUNCIL_LINE, KIND_LINES, KIND_ONLY_LINE, MEETING_LEAD, MEETING_LINE, NOT_COMMITTEE} from '../src/lang/header.js'
import {isSignatureStart, SIGNATURE_NOT_ISSUER} from '../src/lang/signature.js'

const kind = (line: string) => KIND_LINES.find(([pattern]) => pattern.test(line))?.[1] ?? null

describe('header words', () => {
  it('reads the council, committee and meeting lines', () => {
    expectAccepts(COUNCIL_LINE, ['立法會', '臨時立法會 Provisional Legislative Council'], ['立法會秘書處'])
    expectAccepts(COMMITTEE_LINE, ['資訊科技及廣播事務委員會', 'Panel on Housing'])
    expect(NOT_COMMITTEE.test('事務委員會報告')).toBe(true)
    expect(MEETING_LINE.test('2024 年 4 月 8 日會議')).toBe(true)
    expect(MEETING_LEAD.test('For discussion on')).toBe(true)
    expect(COMMITTEE_IN_MEETING.exec('2024年4月8日內務委員會會議')?.[1]).toBe('內務委員會')
    expect(COMMITTEE_IN_MEETING.exec('Paper for the House Committee meeting on 8 April 2024')?.[1]).toBe('House Committee')
  })

  it('reads what kind of paper it is', () => {
    expect(kind('背景資料簡介')).toBe('background-brief')
    expect(kind('法律事務部報告')).toBe('lsd-report')
    expect(kind('Minutes of meeting')).toBe('minutes')
    expect(kind('Panel on Housing')).toBeNull()
    expectAccepts(KIND_ONLY_LINE, ['討論文件'], ['討論文件附件'])
  })
})

describe('signature words', () => {
  it('knows the first line of a signature block, spaced out or not', () => {
    expectAccepts(isSignatureStart, ['立法會秘書處', '立 法 會 秘 書 處', 'Clerk to the Panel'], ['秘書處將跟進此事。'])
    expectAccepts(SIGNATURE_NOT_ISSUER, ['連附件'], ['秘書處'])
  })
})

describe('furniture words', () => {
  it('knows page numbers, web footers and note marks', () => {
    for (const line of ['1', '- 2 -', '第 1 頁，共 9 頁', 'Page 3 of 9', 'P.2', '3/9']) expect([line, PAGE_NUMBER_LINE.test(line)]).toEqual([line, true])
    expectAccepts(PAGE_NUMBER_LINE, ['2024'], ['12345'])
    expectAccepts(WEB_FOOTER_LINE, ['Last Updated on 23 October 1997', '最後更新日期：1997年10月23日'])
    expect(NOTE_LINE_MARK.exec('註 1：見附錄')?.[0]).toBe('註 1：')
    expect(NOTE_LINE_MARK.exec('* 暫定')?.[0]).toBe('* ')
    expect(NOTE_LINE_MARK.exec('Note 2: this')?.[0]).toBe('Note 2: ')
    expect(NOTE_LINE_MARK.exec('Noted that')).toBeNull()
  })
})
