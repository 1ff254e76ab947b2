/**
 * The header's meta (src/assemble/header.ts, words in src/lang/header.ts): rules for what a header's
 * lines say about the paper. Each text is a small one of our own, one behaviour each.
 */
import {describe, expect, it} from 'vitest'
import {parseText} from '../src/parse.js'
import {schemaErrors, unaccounted} from './helpers/tree.js'

function meta(text: string) {
  const {tree} = parseText(text)
  expect(unaccounted(text, tree)).toEqual([])
  expect(schemaErrors(tree)).toEqual([])
  return tree.meta
}

const BODY = '\n\n目的\n\n1. 本文件提供背景資料。\n\n2. 議員可參閱附錄。\n'

describe('the header, meta', () => {
  it('a Chinese LSD report: the division’s name under the title ends the title', () => {
    const m = meta(`立法會LS9/99-00號文件\n\n《2000年測試條例草案》\n法律事務部報告${BODY}`)
    expect(m.title).toBe('《2000年測試條例草案》法律事務部報告')
    expect(m.kind).toBe('lsd-report')
  })

  it('the council before a committee in a meeting line is not the committee’s name', () => {
    const m = meta(`立法會LS9/99-00號文件\n\n2000年1月7日立法會內務委員會會議文件\n\n《2000年測試條例草案》${BODY}`)
    expect(m.committee).toBe('內務委員會')
    expect(m.meetingDate).toBe('2000-01-07')
  })

  it('a line naming a committee’s meeting gives the committee that meets, under the one above it', () => {
    const m = meta(`立法會CB(2)9/99-00(01)號文件\n\n議員參考資料摘要\n\n立法會政制事務委員會\n\n測試機制小組委員會會議${BODY}`)
    expect(m.committee).toBe('測試機制小組委員會')
    // No title but the kind of paper printed as its heading: that is the title.
    expect(m.title).toBe('議員參考資料摘要')
  })

  it('a dated meeting line names no committee that meets by this rule (the date is no part of a name)', () => {
    const m = meta(`立法會CB(2)9/99-00(01)號文件\n\n2000年1月7日內務委員會會議\n\n測試文件的標題${BODY}`)
    expect(m.committee).toBe('內務委員會')
  })

  it('a submission’s title ends with 提交的意見書: the words under it are the submission’s, in its block or the next', () => {
    const same = meta('立法會CB(3)9/2030(01)號文件\n\n測試小組委員會\n\n甲先生於2030年6月10日提交的意見書\n本人認為限額太少\n')
    expect(same.title).toBe('甲先生於2030年6月10日提交的意見書')
    const next = meta('立法會CB(3)9/2030(01)號文件\n\n測試小組委員會\n\n甲先生於2030年6月10日提交的意見書\n\n限額太少\n')
    expect(next.title).toBe('甲先生於2030年6月10日提交的意見書')
    // Signed with no date: the day the title says it was submitted is its date.
    expect(next.issueDate).toBe('2030-06-10')
    // A signed date wins.
    expect(meta('立法會CB(3)9/2030(01)號文件\n\n測試小組委員會\n\n甲先生於2030年6月10日提交的意見書\n\n限額太少。\n\n甲先生\n2030年6月8日\n').issueDate).toBe(
      '2030-06-08'
    )
  })

  it('a purpose line is never the title', () => {
    const m = meta(`立法會CB(2)9/99-00(01)號文件\n\n討論文件${BODY}`)
    expect(m.title).toBeNull()
  })
  describe('an Administration paper that no line names as one', () => {
    const EN_BODY = '\n\nPURPOSE\n\n1. This paper briefs Members on the proposals.\n\n2. Members are invited to note them.\n\n'

    it('is for a meeting and signed by a bureau (en, zh)', () => {
      const en = meta(
        `LC Paper No. CB(1)412/2025(03)\n\nFor discussion\non 14 May 2025\n\nLegislative Council Panel on Transport\n\nBus Services${EN_BODY}Transport and Logistics Bureau\nMay 2025\n`
      )
      expect(en.issuedBy).toEqual(['Transport and Logistics Bureau'])
      expect(en.kind).toBe('administration-paper')
      const zh = meta(
        '立法會CB(1)412/2025(03)號文件\n\n討論文件\n2025年5月14日\n\n立法會交通事務委員會\n\n巴士服務\n\n目的\n\n1. 本文件向委員簡介建議。\n\n運輸及物流局\n2025年5月\n'
      )
      expect(zh.issuedBy).toEqual(['運輸及物流局'])
      expect(zh.kind).toBe('administration-paper')
    })

    it('is not one when the Secretariat signs, when no line says what meeting it is for, or when a deputation signs', () => {
      const secretariat = meta(
        `LC Paper No. CB(1)412/2025(04)\n\nFor discussion\non 14 May 2025\n\nLegislative Council Panel on Transport\n\nBus Services${EN_BODY}Council Business Division 4\nLegislative Council Secretariat\n12 May 2025\n`
      )
      expect(secretariat.kind).toBeNull()
      const unsaid = meta(`Legislative Council Panel on Transport\n\nBus Services${EN_BODY}Transport and Logistics Bureau\nMay 2025\n`)
      expect(unsaid.kind).toBeNull()
      const deputation = meta(`For discussion\non 14 May 2025\n\nBus Services${EN_BODY}Hong Kong Bus Passengers Association\n10 May 2025\n`)
      expect(deputation.kind).toBeNull()
    })
  })
})
