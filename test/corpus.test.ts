// Real papers from ../shared/corpus (skipped when the folder is absent, as on a user's clone).
import {readFileSync} from 'node:fs'
import {basename} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseText} from '../src/parse.js'
import {all, corpusFiles, firstInferred, hasCorpus, items, numbering, ownText, paragraphs, sections} from './helpers/tree.js'
import {parseSound} from './helpers/sound.js'

const files = [...corpusFiles('text'), ...corpusFiles('md')]

describe.skipIf(!hasCorpus)('every corpus text and Markdown file', () => {
  for (const file of files) {
    it(`${basename(file)} parses, validates, loses nothing`, () => {
      parseSound(readFileSync(file, 'utf8'))
    })
  }
})

const read = (name: string) => parseText(readFileSync(corpusFiles('text').find((file) => basename(file) === name)!, 'utf8')).tree

// Facts a reader sees on each paper, written from reading them, not from our output.
describe.skipIf(!hasCorpus)('what a reader sees in the corpus papers', () => {
  it('zh_ls253-98-99: LSD report, headings, paragraphs 1–8, signature before annexes A and B', () => {
    const tree = read('zh_ls253-98-99.txt')
    expect(tree.meta.paperNo).toBe('LS253/98-99')
    expect(tree.meta.meetingDate).toBe('1999-09-24')
    expect(tree.meta.kind).toBe('lsd-report')
    // The last, unnumbered: the fragment stops in a table cell of annex B (`Gove`), the paper's last words, which head nothing.
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', null])
    expect(
      sections(tree)
        .slice(0, 7)
        .map((s) => s.title)
    ).toEqual(['條例草案目的', '立法會參考資料摘要', '首讀日期', '意見', '公眾諮詢', '諮詢立法會事務委員會', '結論'])
    expect(tree.meta.issuedBy).toEqual(['立法會秘書處', '助理法律顧問', '林秉文'])
    expect(tree.meta.issueDate).toBe('1999-09-22')
    const appendices = tree.children.filter((node) => node.type === 'appendix')
    expect(appendices.map((a) => (a as {label: string}).label)).toEqual(['A', 'B'])
  })

  it('zh_cb2-1342-95-96_minutes: agenda item (1) is the heading of its part, over two lines, with its paper; the text under it a paragraph', () => {
    const tree = read('zh_cb2-1342-95-96_minutes.txt')
    expect(tree.meta.kind).toBe('minutes')
    expect(sections(tree).map((s) => [s.number, s.marker, s.title])).toEqual([
      ['1', '(1)', '通過九六年五月十日上次會議的紀要(立法局95-96年度第CB(2)1288號文件)']
    ])
    expect(items(tree)).toEqual([])
    expect(ownText(paragraphs(tree)[0]!).startsWith('內務委員會主席表示')).toBe(true)
  })

  it('zh_cb2-424-98-99_minutes: the paper in brackets under items I and II is part of their titles', () => {
    const tree = read('zh_cb2-424-98-99_minutes.txt')
    expect(sections(tree).map((s) => [s.number, s.title])).toEqual([
      ['I', '通過1998年7月14日及20日會議的紀要(立法會CB(2)117及182/98-99號文件)'],
      ['II', '下次會議討論事項(立法會CB(2)285/98-99(01)號文件)']
    ])
    expect(ownText(paragraphs(tree)[0]!)).toBe('1998年7月14日及20日會議的紀要獲確認通過。')
  })

  it('zh_plc-ls37-1997: title split by a blank line, para 1 unnumbered, no headings', () => {
    const tree = read('zh_plc-ls37-1997.txt')
    expect(tree.meta.paperNo).toBe('LS37')
    // The report's title ends with the division's name printed under it (`法律事務部報告`), as a Chinese LSD report is titled.
    expect(tree.meta.title).toBe('根據《1997年法律條文(暫時終止實施)條例》(1997年第126號)第2(3)條提出的議案法律事務部報告')
    expect(numbering(tree)).toEqual(firstInferred(6))
    expect(ownText(paragraphs(tree)[0]!)).toBe('民政事務局局長已作出預告,表示擬於1997年10月29日的臨時立法會會議上動議上述議案。')
    expect(sections(tree)).toEqual([])
    expect(tree.meta.issuedBy).toEqual(['臨時立法會秘書處', '助理法律顧問', '張炳鑫'])
  })

  it('zh_plc-ip2609-2-1997_admin: "1.經濟科" with no space; a list numbered 1. inside paragraph 4', () => {
    const tree = read('zh_plc-ip2609-2-1997_admin.txt')
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3', '4'])
    expect(ownText(paragraphs(tree)[0]!).startsWith('經濟科在一九九七年一月')).toBe(true)
    expect(items(paragraphs(tree)[3]!).map((i) => [i.label, i.style])).toEqual([['1', 'decimal']])
    expect(sections(tree).map((s) => s.title)).toEqual(['引言', '成立資訊基建委員會的背景', '資訊基建諮詢委員會'])
  })

  it('zh_cb2-1218-09-10 (text a web mirror flattened): the header run together on line 1 is cut, headings glued to paragraph numbers are split', () => {
    const tree = read('zh_cb2-1218-09-10.txt')
    expect(tree.meta).toMatchObject({paperNo: 'CB(2)1218/09-10', fileRef: 'CB2/SS/2/09', committee: '內務委員會'})
    expect(tree.meta.title).toBe('與移交青山灣入境事務中心的管理有關的附屬法例小組委員會報告')
    expect(sections(tree).map((s) => s.title)).toEqual(['目的', '背景', '附屬法例'])
    expect(numbering(tree)).toEqual(firstInferred(5))
  })

  it('zh_cb2-1218-09-10: each sentence on a line of its own is one paragraph again; items (i)-(iv) run inline after "⎯⎯" are items', () => {
    const tree = read('zh_cb2-1218-09-10.txt')
    const [, second, , fourth] = paragraphs(tree)
    expect(second!.children.filter((child) => child.type === 'text')).toHaveLength(1)
    expect(ownText(second!).endsWith('第二季。入境處會在2010年4月接手管理該中心。')).toBe(true)
    expect(ownText(fourth!).endsWith('管理。該等修訂命令是⎯⎯')).toBe(true)
    expect(items(fourth!).map((item) => item.label)).toEqual(['i', 'ii', 'iii', 'iv'])
    expect(ownText(items(fourth!)[2]!).endsWith(');及')).toBe(true)
  })

  it('en_ls169-98-99: no headings, paragraph 1 unnumbered, a "Prepared by" signature', () => {
    const tree = read('en_ls169-98-99.txt')
    expect(tree.lang).toBe('en')
    expect(tree.meta.paperNo).toBe('LS169/98-99')
    expect(tree.meta.meetingDate).toBe('1999-05-07')
    expect(numbering(tree)).toEqual(firstInferred(5))
    expect(ownText(paragraphs(tree)[0]!).startsWith('Members may recall')).toBe(true)
    expect(tree.meta.issuedBy).toEqual(['HO Ying-chu, Anita', 'Assistant Legal Adviser', 'Legislative Council Secretariat'])
    expect(tree.meta.issueDate).toBe('1999-04-30')
  })

  it('en_plc-cb2-96-1997: lettered sub-items shown as 1./2./3. are items, not paragraphs', () => {
    const tree = read('en_plc-cb2-96-1997.txt')
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3', '4'])
    expect(items(paragraphs(tree)[2]!).map((i) => i.label)).toEqual(['1', '2', '3'])
    expect(items(paragraphs(tree)[3]!).map((i) => i.label)).toEqual(['1', '2', '3'])
    expect(sections(tree).map((s) => s.title)).toEqual(['Advice Sought'])
    expect(tree.furniture.map((f) => f.kind)).toEqual(['web-footer'])
    expect(tree.meta.issueDate).toBe('1997-08-06')
  })

  it('en_cb2-2-98-99: list 1–6 inside unnumbered paragraph 1; a sub-heading over two lines', () => {
    const tree = read('en_cb2-2-98-99.txt')
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3', '4'])
    expect(items(paragraphs(tree)[0]!).map((i) => i.label)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(sections(tree).map((s) => [s.depth, s.title])).toEqual([
      [1, 'Purpose'],
      [1, 'Background'],
      [2, 'Disaster Relief Fund Advisory Committee'],
      [2, 'Po Leung Kuk Advisory Board Tung Wah Group of Hospitals Advisory Board']
    ])
  })

  it('zh_cb2-954-98-99-01: pipe table of date, time and venue', () => {
    const tree = read('zh_cb2-954-98-99-01.txt')
    expect(tree.meta.paperNo).toBe('CB(2)954/98-99(01)')
    const table = tree.children.find((node) => node.type === 'table') as {children: unknown[]}
    expect(table.children).toHaveLength(3)
    expect(tree.meta.issueDate).toBe('1999-01-06')
  })

  it('en_cb4-711-12-13-06_admin: number alone on its line, a footnote and page footer inside paragraph 3', () => {
    const tree = read('en_cb4-711-12-13-06_admin.txt')
    expect(tree.meta.paperNo).toBe('CB(4)711/12-13(06)')
    expect(tree.meta.meetingDate).toBe('2013-06-10')
    expect(tree.meta.title).toBe('Progress Update on E-Government Development')
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3'])
    expect(paragraphs(tree)[0]!.children.map((c) => c.type)).toEqual(['text', 'footnoteReference', 'text'])
    expect(ownText(paragraphs(tree)[2]!).startsWith('In the past year, we furthered the development of e-Government services to the community')).toBe(true)
    expect(all<{type: 'footnote'; identifier: string}>(tree, 'footnote').map((n) => n.identifier)).toEqual(['1'])
    expect(tree.furniture.map((f) => f.value)).toEqual(['-1-'])
    expect(sections(tree).map((s) => s.title)).toEqual(['Purpose', 'Background', 'Progress Since Last Reporting'])
  })

  it('en_plc-ip2609-2-1997_admin: ALL CAPS header, two unnumbered paragraphs before "1."', () => {
    const tree = read('en_plc-ip2609-2-1997_admin.txt')
    expect(tree.meta.title).toBe('INFORMATION INFRASTRUCTURE ADVISORY COMMITTEE')
    expect(tree.meta.committee).toBe('INFORMATION POLICY PANEL')
    expect(numbering(tree)).toEqual([
      [null, false],
      [null, false],
      ['1', false]
    ])
    expect(ownText(paragraphs(tree)[1]!).startsWith('Hong Kong is already at the forefront')).toBe(true)
  })
})
