// src/lang/header, signature and furniture: the words of a paper's header, its signature and its page furniture.
import {describe, expect, it} from 'vitest'
import {NOTE_LINE_MARK, PAGE_NUMBER_LINE, WEB_FOOTER_LINE} from '../src/lang/furniture.js'
import {COMMITTEE_IN_MEETING, COMMITTEE_LINE, COUNCIL_LINE, KIND_LINES, KIND_ONLY_LINE, MEETING_LEAD, MEETING_LINE, NOT_COMMITTEE} from '../src/lang/header.js'
import {isSignatureStart, SIGNATURE_NOT_ISSUER} from '../src/lang/signature.js'

const kind = (line: string) => KIND_LINES.find(([pattern]) => pattern.test(line))?.[1] ?? null

describe('header words', () => {
  it('reads the council, committee and meeting lines', () => {
    expect(COUNCIL_LINE.test('立法會')).toBe(true)
    expect(COUNCIL_LINE.test('臨時立法會 Provisional Legislative Council')).toBe(true)
    expect(COUNCIL_LINE.test('立法會秘書處')).toBe(false)
    expect(COMMITTEE_LINE.test('資訊科技及廣播事務委員會')).toBe(true)
    expect(COMMITTEE_LINE.test('Panel on Housing')).toBe(true)
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
    expect(KIND_ONLY_LINE.test('討論文件')).toBe(true)
    expect(KIND_ONLY_LINE.test('討論文件附件')).toBe(false)
  })
})

describe('signature words', () => {
  it('knows the first line of a signature block, spaced out or not', () => {
    expect(isSignatureStart('立法會秘書處')).toBe(true)
    expect(isSignatureStart('立 法 會 秘 書 處')).toBe(true)
    expect(isSignatureStart('Clerk to the Panel')).toBe(true)
    expect(isSignatureStart('秘書處將跟進此事。')).toBe(false)
    expect(SIGNATURE_NOT_ISSUER.test('連附件')).toBe(true)
    expect(SIGNATURE_NOT_ISSUER.test('秘書處')).toBe(false)
  })
})

describe('furniture words', () => {
  it('knows page numbers, web footers and note marks', () => {
    for (const line of ['1', '- 2 -', '第 1 頁，共 9 頁', 'Page 3 of 9', 'P.2', '3/9']) expect([line, PAGE_NUMBER_LINE.test(line)]).toEqual([line, true])
    expect(PAGE_NUMBER_LINE.test('2024')).toBe(true)
    expect(PAGE_NUMBER_LINE.test('12345')).toBe(false)
    expect(WEB_FOOTER_LINE.test('Last Updated on 23 October 1997')).toBe(true)
    expect(WEB_FOOTER_LINE.test('最後更新日期：1997年10月23日')).toBe(true)
    expect(NOTE_LINE_MARK.exec('註 1：見附錄')?.[0]).toBe('註 1：')
    expect(NOTE_LINE_MARK.exec('* 暫定')?.[0]).toBe('* ')
    expect(NOTE_LINE_MARK.exec('Note 2: this')?.[0]).toBe('Note 2: ')
    expect(NOTE_LINE_MARK.exec('Noted that')).toBeNull()
  })
})
