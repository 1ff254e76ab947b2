/**
 * Agendas (issue 11): items with their number, title and time slot, the
 * papers under an item as a table of [number with its issue note,
 * description], sub-items, `*` marks and their note, revised agendas.
 * One fixture of our own per layout (fixtures/*agenda*), then facts read
 * from the corpus agendas (skipped when ../shared/corpus is absent).
 */
import {readFileSync} from 'node:fs'
import {basename} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseText} from '../src/parse.js'
import {toMarkdown} from '../src/emit/markdown.js'
import {parseMarkdownText} from '../src/parse-markdown.js'
import type {Cell, Footnote, Paper, Row, Section, Table} from '../src/tree.js'
import {all, corpusFiles, fixture, hasCorpus, items, ownText, paragraphs, sections} from './helpers/tree.js'

const parse = (name: string) => parseText(fixture(name)).tree
const cellText = (cell: Cell) => cell.children.map((child) => ('value' in child ? child.value : '')).join('')
/** The rows of the tables right under a section, as cell texts. */
const rows = (section: Section) =>
  section.children.filter((child): child is Table => child.type === 'table').flatMap((table) => table.children.map((row: Row) => row.children.map(cellText)))
const items1 = (tree: Paper) => sections(tree).filter((section) => section.depth === 1)

describe('an agenda with papers on lines of their own (zh-agenda-papers.txt)', () => {
  const tree = parse('zh-agenda-papers.txt')
  it('is an agenda of the committee named in its first line, with the meeting fields of its header', () => {
    expect(tree.meta).toMatchObject({
      kind: 'agenda',
      committee: '交通事務委員會',
      meetingDate: '2030-05-06',
      meetingTime: '09:00',
      venue: '立法會綜合大樓會議室1',
      paperNo: null
    })
  })
  it('numbers its items I to IV, each with its time slot, kept as printed as the item’s only paragraph', () => {
    expect(items1(tree).map((s) => [s.number, s.title, s.time])).toEqual([
      ['I', '確認通過會議紀要', '上午9時至9時05分'],
      ['II', '下次會議的討論事項', '上午9時05分至9時10分'],
      ['III', '渡輪服務的檢討', '上午9時10分至10時30分'],
      ['IV', '其他事項', '由上午10時30分起']
    ])
    expect(paragraphs(tree).map((paragraph) => [paragraph.number, ownText(paragraph)])).toEqual([
      [null, '(上午9時至9時05分)'],
      [null, '(上午9時05分至9時10分)'],
      [null, '(上午9時10分至10時30分)'],
      [null, '(由上午10時30分起)']
    ])
  })
  it('gives each paper a row: its number with the notes under it, then the description after the dash', () => {
    const [first, second] = items1(tree)
    expect(rows(first!)).toEqual([['立法會CB(4)101/29-30號文件(隨附於後)', '2030年4月1日會議的紀要']])
    expect(rows(second!)).toEqual([
      ['立法會CB(4)102/29-30(01)號文件(隨附於後)', '待議事項一覽表'],
      ['立法會CB(4)102/29-30(02)號文件(隨附於後)', '跟進行動一覽表']
    ])
    const description = all<Table>(first!, 'table')[0]!.children[0]!.children[1]!
    expect(description.marker).toBe('-')
  })
  it('keeps a note repeated under many papers (隨附於後) as content, not a running header', () => {
    expect(tree.furniture).toEqual([])
  })
  it('reads a line heading papers inside an item as a sub-heading of it', () => {
    const third = items1(tree)[2]!
    const sub = third.children.find((child): child is Section => child.type === 'section')!
    expect([sub.title, sub.depth]).toEqual(['與團體會晤', 2])
    expect(rows(sub).map((row) => row[1])).toEqual(['某渡輪乘客協會提交的意見書'])
    expect(rows(sub)[0]![0]!.replace(/\s/g, '')).toBe('立法會CB(4)102/29-30(04)號文件(隨附於後)(只備中文本)')
  })
  it('ends with the signature, whose date is the issue date', () => {
    expect(tree.meta.issuedBy).toEqual(['立法會秘書處', '議會事務部4'])
    expect(tree.meta.issueDate).toBe('2030-05-03')
  })
  it('gives no several-papers warning for the papers it lists', () => {
    expect(parseText(fixture('zh-agenda-papers.txt')).messages.map((m) => m.rule)).not.toContain('parse/several-papers')
  })
})

describe('an English revised agenda, numerals glued, number and description on one line (en-agenda-inline.txt)', () => {
  const tree = parse('en-agenda-inline.txt')
  it('is a revised agenda, with the meeting date, time and venue of its three header lines', () => {
    expect(tree.meta).toMatchObject({
      kind: 'agenda',
      revised: true,
      committee: 'LegCo Panel on Housing',
      meetingDate: '2030-05-07',
      meetingTime: '14:30',
      venue: 'Conference Room 2 of the Legislative Council Complex'
    })
  })
  it('follows the sequence I, II, III, IV through numerals glued to the title', () => {
    expect(items1(tree).map((s) => [s.number, s.title])).toEqual([
      ['I', 'Confirmation of minutes'],
      ['II', 'Information papers issued since last meeting'],
      ['III', 'Review of the rent adjustment mechanism'],
      ['IV', 'Any other business']
    ])
  })
  it('splits a paper line at the dash before its description', () => {
    expect(rows(items1(tree)[1]!)).toEqual([
      ['LC Paper No. CB(1)190/29-30(01)', 'Progress of public housing construction; and'],
      ['LC Paper No. CB(1)195/29-30(01)', "Letter from a tenants' group"]
    ])
    expect(rows(items1(tree)[0]!)).toEqual([['LC Paper No. CB(1)201/29-30', 'Minutes of meeting held on 2 April 2030']])
  })
  it('does not run the next item heading into a description printed right above it', () => {
    expect(rows(items1(tree)[2]!)).toEqual([['LC Paper No. CB(1)202/29-30(01)', 'Paper provided by the Administration']])
  })
  it('keeps the * of a marked item as its mark, and its note under the items as a footnote', () => {
    const third = items1(tree)[2]!
    expect([third.mark, third.marker]).toEqual(['*', '*III'])
    const notes = all<Footnote>(tree, 'footnote')
    expect(notes.map((note) => [note.identifier, ownText(note as never)])).toEqual([['*', 'Non-Panel Members are invited to join the discussion of the item.']])
  })
})

describe('an item numbered in Chinese with a note mark (zh-agenda-marked-han.txt)', () => {
  const tree = parse('zh-agenda-marked-han.txt')
  it('reads *二、 as item 二 with its mark, title and time slot, between items 一 and 三', () => {
    expect(items1(tree).map((s) => [s.marker, s.number, s.title, s.time, s.mark])).toEqual([
      ['一、', '一', '通過會議紀要', '下午2時30分至2時35分', undefined],
      ['*二、', '二', '安老院舍的人手', '下午2時35分至4時', '*'],
      ['三、', '三', '其他事項', '由下午4時起', undefined]
    ])
    expect(rows(items1(tree)[1]!)).toEqual([['立法會CB(2)302/30-31(01)號文件(隨附於後)', '政府當局提供的文件']])
  })
  it('reads the * line under the items as the note of the marked item', () => {
    expect(all<Footnote>(tree, 'footnote').map((note) => [note.identifier, ownText(note as never)])).toEqual([['*', '非事務委員會委員獲邀參與此項目的討論。']])
  })
})

describe('a paper marked * in an item’s papers (en-agenda-starred-paper.txt)', () => {
  const tree = parse('en-agenda-starred-paper.txt')
  it('gives the marked paper its row, the * a reference to the note under the items', () => {
    const second = items1(tree)[1]!
    expect(rows(second)).toEqual([
      ['LC Paper No. CB(2)411/30-31(01)', 'Paper provided by the Administration'],
      ['LC Paper No. CB(2)388/30-31(02)', 'Updated background brief prepared by the Legislative Council Secretariat']
    ])
    const cell = all<Table>(second, 'table')[0]!.children[1]!.children[0]!
    expect(cell.children[0]).toMatchObject({type: 'footnoteReference', identifier: '*'})
    expect(all<Footnote>(tree, 'footnote').map((note) => [note.identifier, ownText(note as never)])).toEqual([
      ['*', 'Issued for the meeting on 14 April 2031.']
    ])
  })
  it('keeps the marked row a row of the table in Markdown (| \\*LC Paper No. … |), read back as text or as .md, the note a note', () => {
    const markdown = toMarkdown(tree)
    expect(markdown).toContain('| \\*LC Paper No. CB(2)388/30-31(02) |')
    for (const again of [parseText(markdown).tree, parseMarkdownText(markdown).tree]) {
      const second = items1(again)[1]!
      expect(rows(second).map((row) => row[0])).toEqual(['LC Paper No. CB(2)411/30-31(01)', 'LC Paper No. CB(2)388/30-31(02)'])
      expect(all<Table>(second, 'table')[0]!.children[1]!.children[0]!.children[0]).toMatchObject({type: 'footnoteReference', identifier: '*'})
      expect(all<Footnote>(again, 'footnote').map((note) => [note.identifier, ownText(note as never)])).toEqual([
        ['*', 'Issued for the meeting on 14 April 2031.']
      ])
    }
  })
})

describe('an agenda laid out in columns (en-agenda-columns.txt)', () => {
  const tree = parse('en-agenda-columns.txt')
  it('reads item headings and paper rows cell by cell', () => {
    expect(items1(tree).map((s) => [s.marker, s.number, s.title, s.time])).toEqual([
      ['I.', 'I', 'Confirmation of minutes of meeting', '10:45 am - 10:50 am'],
      ['* II.', 'II', 'Civil service pay adjustment', '10:50 am - 12:00 pm'],
      ['III.', 'III', 'Any other business', '12:00 pm - 12:15 pm']
    ])
    expect(rows(items1(tree)[1]!)).toEqual([
      ['LC Paper No. CB(2)305/29-30(01) (issued on 10 May 2030)', 'Paper provided by the Administration'],
      ['LC Paper No. CB(2)305/29-30(02) (issued on 10 May 2030)(Chinese version only)', 'Submission from a staff union']
    ])
    expect(all<Footnote>(tree, 'footnote').map((note) => note.identifier)).toEqual(['*'])
  })
})

describe('sub-items and references in brackets (zh-agenda-subitems.txt)', () => {
  const tree = parse('zh-agenda-subitems.txt')
  it('joins a paper reference in brackets under an item heading to its title', () => {
    expect(items1(tree).map((s) => s.title)).toEqual([
      '通過2030年5月3日舉行的第二十九次會議的紀要(立法會CB(2)901/29-30號文件)',
      '續議事項',
      '將於2030年5月22日立法會會議席上處理的事項',
      '法案委員會的情況(立法會CB(2)902/29-30號文件)',
      '其他事項'
    ])
  })
  it('keeps a line under an item that is no paper as a paragraph, not a heading', () => {
    expect(
      paragraphs(tree)
        .filter((p) => ownText(p))
        .map(ownText)
    ).toEqual(['內務委員會主席匯報與政務司司長會面的情況'])
  })
  it('reads (a)-(c) as items, (i)/(ii) inside (c), and the lines under each as more of it', () => {
    const list = items(items1(tree)[2]!)
    expect(list.map((item) => [item.label, ownText(item)])).toEqual([
      ['a', '質詢(立法會CB(3)455/29-30號文件)'],
      ['b', '法案 - 首讀及動議二讀迄今並未接獲有關的預告。'],
      ['c', '議員議案'],
      ['i', '由甲議員動議的議案甲議員已獲分配辯論時段。'],
      ['ii', '由乙議員動議的議案乙議員已獲分配辯論時段。']
    ])
    const c = list[2]!
    expect(c.children.filter((child) => child.type === 'item').map((item) => item.label)).toEqual(['i', 'ii'])
  })
})

describe('an agenda whose title is spread over the line (議   程)', () => {
  it('is an agenda, titled 議程', () => {
    const {meta} = parseText('臨時立法會內務委員會\n\n1997 年 11 月 14 日舉行的會議\n\n議   程\n\n1. 通過上次會議的紀要\n').tree
    expect(meta).toMatchObject({kind: 'agenda', title: '議程', meetingDate: '1997-11-14'})
  })
})

describe('an agenda whose lines came numbered as one list (en-agenda-listed.txt)', () => {
  const tree = parse('en-agenda-listed.txt')
  it('is an agenda: its numbered titles are the items, with the number each line carries', () => {
    expect(tree.meta).toMatchObject({kind: 'agenda', committee: 'Panel on Housing', meetingDate: '1999-03-02', meetingTime: '10:45'})
    expect(items1(tree).map((section) => [section.number, section.title])).toEqual([
      ['1', 'Confirmation of minutes of meeting held on 5 January 1999'],
      ['3', 'Items for discussion at the next meeting'],
      ['5', 'Rent assistance for elderly tenants'],
      ['1', 'Any other business']
    ])
  })
  it('takes the numbered slot under an item as its time, kept as the numbered paragraph it is printed as', () => {
    expect(items1(tree).map((section) => section.time ?? null)).toEqual(['10:45 am - 10:50 am', '10:50 am - 11:00 am', '11:00 am - 12:00 noon', null])
    expect(paragraphs(items1(tree)[1]!).map((p) => [p.number, ownText(p)])).toEqual([['4', '(10:50 am - 11:00 am)']])
  })
  it('reads the papers under the slot as rows', () => {
    expect(rows(items1(tree)[2]!)).toEqual([
      ['LC Paper No. CB(1) 901/98-99(02)', 'paper provided by the Administration'],
      ['LC Paper No. CB(1) 901/98-99(03)', "submission from a tenants' association"]
    ])
  })
})

describe('a Chinese agenda numbered as one list, sub-items deeper in (zh-agenda-listed.txt)', () => {
  const tree = parse('zh-agenda-listed.txt')
  it('has its items, a title the wrap cut joined, a paper line kept as its numbered paragraph', () => {
    expect(tree.meta).toMatchObject({kind: 'agenda', title: '議程'})
    expect(items1(tree).map((section) => section.title)).toEqual([
      '通過1998年1月9日會議的紀要',
      '公屋租金政策檢討及長者租戶的租金援助計劃報告（該報告於1998年1月30日提交）',
      '將於下次會議討論的事項'
    ])
    expect(paragraphs(items1(tree)[0]!).map((p) => [p.number, ownText(p)])).toEqual([['2', '(臨立會CB(1)321號文件)']])
  })
  it('nests the numbered lines deeper in: 1. and 2. under the item, the bills 1. and 2. inside sub-item 2', () => {
    const last = items1(tree)[2]!
    const top = last.children.filter((child) => child.type === 'item')
    expect(top.map((item) => item.label)).toEqual(['1', '2'])
    const bills = top[1]!.children.filter((child) => child.type === 'item')
    expect(bills.map((item) => [item.label, ownText(item)])).toEqual([
      ['1', '《1998年房屋(修訂)條例草案》'],
      ['2', '《1998年業主與租客(綜合)(修訂)條例草案》']
    ])
  })
})

describe('Markdown of an agenda', () => {
  it('prints each item as a heading, its time slot under it, its papers as a table', () => {
    const markdown = toMarkdown(parse('zh-agenda-papers.txt'))
    expect(markdown).toContain('# I. 確認通過會議紀要\n\n(上午9時至9時05分)\n\n| 立法會CB(4)101/29-30號文件(隨附於後) | 2030年4月1日會議的紀要 |')
  })
})

// Facts a reader sees on the corpus agendas, read from the documents.
const corpus = (name: string) => parseText(readFileSync(corpusFiles('text').find((file) => basename(file) === name)!, 'utf8')).tree

describe.skipIf(!hasCorpus)('the corpus agendas', () => {
  it('en_tp-agenda-20011214: six items, papers as rows, slot under all but item II', () => {
    const tree = corpus('en_tp-agenda-20011214.txt')
    expect(tree.meta).toMatchObject({kind: 'agenda', committee: 'LegCo Panel on Transport', meetingDate: '2001-12-14', issueDate: '2001-12-13', paperNo: null})
    const list = items1(tree)
    expect(list.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI'])
    expect(list[0]!.title).toBe('Confirmation of minutes and matters arising')
    expect(list[5]!.title).toBe('Any other business')
    expect(list.map((s) => s.time ?? null)).toEqual([
      '8:30 am - 8:35 am',
      null,
      '8:35 am - 8:40 am',
      '8:40 am - 9:35 am',
      '9:35 am - 10:30 am',
      '10:30 am onwards'
    ])
    expect(list.map((s) => rows(s).length)).toEqual([3, 4, 2, 3, 1, 0])
    expect(rows(list[1]!)[2]).toEqual(['LC Paper No. CB(1)561/01-02(01)', 'Carparking in Stanley; and'])
  })
  it('zh_ws-agenda-20050218: seven items, the deputations sub-heading in item V', () => {
    const tree = corpus('zh_ws-agenda-20050218.txt')
    expect(tree.meta).toMatchObject({committee: '福利事務委員會', meetingDate: '2005-02-18', meetingTime: '10:00', venue: '立法會大樓會議室A'})
    const list = items1(tree)
    expect(list.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'])
    expect(list[6]!.time).toBe('由下午12時25分起')
    expect(rows(list[0]!)[0]).toEqual(['立法會CB(2)832/04-05號文件(隨附於後)', '2005年1月10日會議的紀要'])
    expect(sections(tree).find((s) => s.depth === 2)?.title).toBe('與團體會晤')
  })
  it('zh_hc-agenda-20080328: ten items, sub-items (a)-(f) under VI and (a)-(c) under VIII', () => {
    const tree = corpus('zh_hc-agenda-20080328.txt')
    const list = items1(tree)
    expect(list.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'])
    expect(list[9]!.title).toBe('其他事項')
    expect(items(list[5]!).map((item) => item.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'i', 'ii'])
    expect(items(list[7]!).map((item) => item.label)).toEqual(['a', 'b', 'c'])
  })
  it('en_es-agenda-20001024: a revised agenda, numerals glued (IElection…), item VI marked *', () => {
    const tree = corpus('en_es-agenda-20001024.txt')
    expect(tree.meta.revised).toBe(true)
    const list = items1(tree)
    expect(list.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'])
    expect(list[0]!.title).toBe('Election of Deputy Chairman')
    expect(list[5]!.mark).toBe('*')
    expect(all<Footnote>(tree, 'footnote').length).toBe(1)
  })
  it('en_ca-agenda-20031020: columns; five items, item III marked *', () => {
    const tree = corpus('en_ca-agenda-20031020.txt')
    const list = items1(tree)
    expect(list.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV', 'V'])
    expect(list[2]!.mark).toBe('*')
    expect(rows(list[3]!).map((row) => row[1])).toEqual([
      'Extract from the Hansard relating to LegCo question on "Timetable for review on political system" raised by Dr Hon YEUNG Sum at the Council meeting on 8 October 2003',
      'Paper provided by the Administration on "Review and Public Consultation on Constitutional Development after 2007"',
      'To be raised by Hon Emily LAU'
    ])
  })
})
