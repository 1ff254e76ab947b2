/**
 * Meeting records (issue 11): genre detection, attendance lists, agenda-item
 * headings, post-meeting notes, agendas. Each text is a small one of our
 * own, one behaviour each.
 */
import {describe, expect, it} from 'vitest'
import {check} from '../src/check/index.js'
import {parseText} from '../src/parse.js'
import {parseMarkdownText} from '../src/parse-markdown.js'
import {toMarkdown} from '../src/emit/markdown.js'
import type {Attendance, Footnote, FootnoteReference, Group, Item, Paper, Paragraph, Person, Section} from '../src/tree.js'
import {all, fixture, ownText, schemaErrors, unaccounted} from './helpers/tree.js'

function parse(text: string, kind?: 'minutes' | 'agenda' | 'hansard'): Paper {
  const {tree} = parseText(text, kind ? {kind} : {})
  expect(unaccounted(text, tree)).toEqual([])
  expect(schemaErrors(tree)).toEqual([])
  return tree
}

const groups = (tree: Paper) => all<Group>(tree, 'group')
const people = (group: Group) => group.children.filter((child): child is Person => child.type === 'person')
const names = (group: Group) => people(group).map((person) => person.children.map((text) => text.value).join(' '))

describe('genre', () => {
  it('names minutes from their title line', () => {
    expect(parse('貿易事務委員會\n會議紀要\n\n日期:2001年3月2日\n\n出席委員:\n甲議員\n\nI 選舉主席\n\n1. 甲議員當選。\n').meta.kind).toBe('minutes')
  })
  it('names an agenda from its letter-spaced heading', () => {
    expect(parse('福利事務委員會會議\n\n議 程\n\nI.確認通過會議紀要\n\nII.其他事項\n').meta.kind).toBe('agenda')
  })
  it('names an English agenda from the time slots under its items', () => {
    const tree = parse('Panel on Housing\n\nI. Confirmation of minutes\n(8:30 am - 8:35 am)\n\nII. Any other business\n(8:35 am onwards)\n')
    expect(tree.meta.kind).toBe('agenda')
  })
  it('names the Hansard from its title', () => {
    expect(parse('會議過程正式紀錄\n\n2012年10月10日星期三\n\n出席議員：\n\n甲議員\n').meta.kind).toBe('hansard')
  })
  it('names minutes from an attendance label at the top', () => {
    expect(parse('出席議員\n李議員\n夏議員\n\n缺席議員\n\n張議員\n\n1. 會議討論了議程。\n').meta.kind).toBe('minutes')
  })
  it('leaves other papers alone', () => {
    expect(parse('立法會 CB(1)1/2024(01)號文件\n\n目的\n\n1. 本文件提供背景資料。\n').meta.kind).toBeNull()
  })
  it('takes --kind over detection', () => {
    const tree = parse('Members present\nHon A B\n\n1. Text.\n', 'minutes')
    expect(tree.meta.kind).toBe('minutes')
  })
})

describe('attendance', () => {
  it('turns a list of names into a group per label, not headings (issue example)', () => {
    const tree = parse('出席議員\n李柱銘議員\n夏佳理議員\n\n缺席議員\n\n張文光議員\n\n1. 會議討論了議程。\n')
    expect(groups(tree).map((group) => [group.label, group.role, ...names(group)])).toEqual([
      ['出席議員', 'present', '李柱銘議員', '夏佳理議員'],
      ['缺席議員', 'absent', '張文光議員']
    ])
    expect(all<Section>(tree, 'section')).toEqual([])
  })
  it('reads an English name line then its post lines', () => {
    const tree = parse(
      'Minutes of meeting held on Monday, 2 April 2001 at 2:30 pm in Conference Room A\n\nClerk in attendance :\nMs Alice WONG\nChief Assistant Secretary (1)1\n\nStaff in attendance :\n- Mr Bob LEE\n- Senior Assistant Secretary (1)2\n\nI. Election of Chairman\n\n1. Text.\n'
    )
    const [clerk, staff] = groups(tree)
    expect(clerk!.role).toBe('clerks')
    expect(people(clerk!)[0]).toMatchObject({name: 'Ms Alice WONG', post: 'Chief Assistant Secretary (1)1'})
    expect(people(staff!)[0]).toMatchObject({name: 'Mr Bob LEE', post: 'Senior Assistant Secretary (1)2'})
  })
  it('reads a label parted from its first entry by a dash, and a label naming members outside the committee', () => {
    const tree = parse(
      '會議紀要\n\n出席議員\n甲乙議員\n\n不屬小組委員會的其他出席議員\n丙丁議員\n\n列席秘書- 總主任(2)3\n- 王小明女士\n\n有關文件\n- 立法會CB(2)1/99-00號文件 -- 文件甲。\n\nI. 選舉主席\n\n1. 內容。\n'
    )
    expect(groups(tree).map((group) => [group.label, group.role, group.separator ?? null])).toEqual([
      ['出席議員', 'present', null],
      ['不屬小組委員會的其他出席議員', 'attending', null],
      ['列席秘書', 'clerks', '-']
    ])
    expect(people(groups(tree)[2]!)[0]).toMatchObject({name: '王小明女士', post: '總主任(2)3'})
    // `有關文件` ends the lists: a heading, not a person of the last group.
    expect(all<Section>(tree, 'section').map((section) => section.title)).toContain('有關文件')
    // Our Markdown writes the label with its dash alone on a line (`列席秘書-`): it reads back as the label.
    const again = parseText(toMarkdown(tree)).tree
    expect(groups(again).map((group) => [group.label, group.separator ?? null, ...names(group)])).toEqual(
      groups(tree).map((group) => [group.label, group.separator ?? null, ...names(group)])
    )
  })
  it('reads a Chinese post line then its name line', () => {
    const tree = parse('會議紀要\n\n列席秘書:\n總主任(1)1\n王小明女士\n\nI 選舉主席\n\n1. 內容。\n')
    expect(people(groups(tree)[0]!)[0]).toMatchObject({name: '王小明女士', post: '總主任(1)1'})
  })
  it('reads a staff list of posts with no names as a person for each post (zh-minutes-staff-posts.txt)', () => {
    const staff = groups(parse(fixture('zh-minutes-staff-posts.txt')))[1]!
    expect([staff.label, staff.role]).toEqual(['列席職員', 'staff'])
    // Two posts run together on a line are two people; a bracketed line is the note of the post above; a line
    // with no post word heads the post under it.
    expect(people(staff).map((person) => [person.name, person.post, person.note])).toEqual([
      [null, '助理秘書長3', '(內務委員會秘書)'],
      [null, '助理法律顧問2', null],
      [null, '助理法律顧問6', null],
      [null, '高級主任(申訴)', null],
      [null, '總主任(2)4', null],
      [null, '新聞及公共關係部首席主任', null]
    ])
  })
  it('tells honours and the note from the name', () => {
    const tree = parse('Minutes of meeting\n\nMembers present :\nHon CHAN Tai-man, SBS, JP (Chairman)\nDr Hon LEE Siu-ming\n\n1. Text.\n')
    const [first, second] = people(groups(tree)[0]!)
    expect(first).toMatchObject({name: 'Hon CHAN Tai-man', honours: 'SBS, JP', note: '(Chairman)'})
    expect(second).toMatchObject({name: 'Dr Hon LEE Siu-ming', honours: null, note: null})
  })
  it('reads Chinese honours after the name', () => {
    const tree = parse('會議過程正式紀錄\n\n出席議員：\n\n主席甲乙丙議員 , G.B.S., J.P.\n\n丁戊議員\n\n提交文件\n')
    const [first] = people(groups(tree)[0]!)
    // 主席 before the name on its line is the member's post (the Hansard prints the President so).
    expect(first).toMatchObject({post: '主席', name: '甲乙丙議員', honours: 'G.B.S., J.P.'})
  })
  it('splits a list run onto one line at each title', () => {
    const tree = parse('Minutes of meeting\n\nMembers present : Hon A B Hon C D Dr Hon E F Ir Dr Hon G H\n\n1. Text.\n')
    expect(names(groups(tree)[0]!)).toEqual(['Hon A B', 'Hon C D', 'Dr Hon E F', 'Ir Dr Hon G H'])
  })
  it('joins a label cut by the column layout, its colon on the next line', () => {
    const tree = parse(
      'Minutes of meeting\n\nPublic officers\nattending\n: Agenda item II\nHousing Bureau\nMr A B\nSecretary for Housing\n\nI. Item\n\n1. Text.\n'
    )
    const [group] = groups(tree)
    expect(group).toMatchObject({label: 'Public officers attending', separator: ':', role: 'officers'})
    expect(group!.children.map((child) => child.type)).toEqual(['caption', 'caption', 'person'])
  })
  it('keeps page furniture in a list as furniture', () => {
    const tree = parse('Minutes of meeting\n\nMembers present :\nHon A B\n- 2 -\nHon C D\n\n1. Text.\n')
    expect(names(groups(tree)[0]!)).toEqual(['Hon A B', 'Hon C D'])
    expect(tree.furniture.map((node) => node.value)).toContain('- 2 -')
  })
  it('reads a letter-spaced label', () => {
    const tree = parse('會議紀要\n\n出 席 委 員 :\n甲議員\n\n1. 內容。\n')
    expect(groups(tree)[0]!.label).toBe('出席委員')
  })
})

describe('minutes body', () => {
  it('numbers agenda items, following the sequence when the numeral is glued', () => {
    const tree = parse(
      'Minutes of meeting\n\nMembers present :\nHon A B\n\nI Election of Chairman\n\n1. Text one.\n\nIIInformation paper\n\n2. Text two.\n\nIIIIssues raised\n\n3. Text three.\n'
    )
    expect(all<Section>(tree, 'section').map((section) => [section.number, section.title])).toEqual([
      ['I', 'Election of Chairman'],
      ['II', 'Information paper'],
      ['III', 'Issues raised']
    ])
  })
  it('numbers a repeated item as printed (for legco check), and an inserted `IA.` as the item it is, not as I', () => {
    const tree = parse('Agenda\n\nIA.Presentation of petition\n\nI. Tabling of papers\n\nII. Questions\n\nII. Bills\n')
    expect(all<Section>(tree, 'section').map((section) => [section.number ?? null, section.title])).toEqual([
      ['IA', 'Presentation of petition'],
      ['I', 'Tabling of papers'],
      ['II', 'Questions'],
      ['II', 'Bills']
    ])
  })
  it('makes a post-meeting note a note node, apart from the paragraph before it', () => {
    const tree = parse(
      'Minutes of meeting\n\nMembers present :\nHon A B\n\nI. Item\n\n1. Members agreed to meet again on a date to be fixed by the Chairman in due course after the recess.\n(Post-meeting note: the meeting was fixed for 2 May.)\n2. The meeting ended.\n'
    )
    expect(all(tree, 'note')).toHaveLength(1)
    expect(all(tree, 'paragraph').map((paragraph) => (paragraph as {number: string | null}).number)).toEqual(['1', null, '2'])
  })
  it('joins the paper an item or a heading is about, in brackets on the line under it, to its title', () => {
    const tree = parse(
      '會議紀要\n\n出席委員:\n甲議員\n\nII. 下次會議討論事項\n(立法會CB(2)285/98-99(01)號文件)\n\n2. 主席告知議員。\n\n參選資格\n\n[CB(2)1158/98-99(04)號文件]\n\n3. 議員表示關注。\n'
    )
    expect(all<Section>(tree, 'section').map((section) => section.title)).toEqual([
      '下次會議討論事項(立法會CB(2)285/98-99(01)號文件)',
      '參選資格[CB(2)1158/98-99(04)號文件]'
    ])
  })
  it('keeps a line in brackets that names no paper apart from the title', () => {
    const tree = parse('會議紀要\n\n出席委員:\n甲議員\n\nII. 下次會議討論事項\n(會議於下午3時結束)\n\n2. 主席告知議員。\n')
    expect(all<Section>(tree, 'section').map((section) => section.title)).toEqual(['下次會議討論事項'])
  })
  it('reads the meeting time and venue from the header', () => {
    const zh = parse('會議紀要\n\n日期:2001年3月2日\n時間:下午2時30分\n地點:會議室A\n\n出席委員:\n甲議員\n\n1. 內容。\n')
    expect(zh.meta).toMatchObject({meetingDate: '2001-03-02', meetingTime: '14:30', venue: '會議室A'})
    const en = parse('Minutes of meeting held on Friday, 9 May 1997, at 2:15 pm in Conference Room B\n\nMembers present :\nHon A B\n\n1. Text.\n')
    expect(en.meta).toMatchObject({meetingTime: '14:15', venue: 'Conference Room B'})
  })
  it('reads the paper number printed before 1997 with its session (zh-minutes-1990s-paper-number.txt)', () => {
    // `立法局96-97年度第CB(1)210號文件`: the number as the English record prints it, LegCo Paper No. CB(1)210/96-97.
    expect(parse(fixture('zh-minutes-1990s-paper-number.txt')).meta).toMatchObject({
      paperNo: 'CB(1)210/96-97',
      fileRef: 'CB1/PL/ES',
      committee: '立法局經濟事務委員會'
    })
  })
  it('reads a meeting time in Chinese numerals (zh-minutes-han-time.txt: 下午四時三十分)', () => {
    expect(parse(fixture('zh-minutes-han-time.txt')).meta).toMatchObject({meetingDate: '1996-10-03', meetingTime: '16:30', venue: '立法局會議室A'})
    const at = (time: string) => parse(`會議紀要\n\n日期:1996年5月17日\n時間:${time}\n\n出席委員:\n甲議員\n\n1. 內容。\n`).meta.meetingTime
    expect(['下午四時', '上午十時', '中午十二時', '下午二時半', '上午九時零五分', '下午十二時四十五分'].map(at)).toEqual([
      '16:00',
      '10:00',
      '12:00',
      '14:30',
      '09:05',
      '12:45'
    ])
  })
})

describe('a sub-heading under an agenda item (zh-minutes-item-subheading.txt)', () => {
  const tree = parse(fixture('zh-minutes-item-subheading.txt'))
  it('is a section of the item (depth 2), its paper part of its title; the next item is depth 1 again', () => {
    expect(all<Section>(tree, 'section').map((section) => [section.depth, section.number ?? null, section.title])).toEqual([
      [1, 'I', '渡輪服務的檢討'],
      [2, null, '票價[立法會CB(1)330/30-31(02)號文件]'],
      [2, null, '航線'],
      [1, 'II', '其他事項']
    ])
    expect(all<Paragraph>(tree, 'paragraph').map((paragraph) => paragraph.number)).toEqual(['1', '2', '3', '4'])
  })
})

describe('a time slot between numbered paragraphs (zh-paper-slot-numbering.txt)', () => {
  const tree = parse(fixture('zh-paper-slot-numbering.txt'))
  it('is a paragraph of no number that the numbering runs past: the paragraph over it is 1, inferred', () => {
    expect(all<Paragraph>(tree, 'paragraph').map((paragraph) => [paragraph.number, paragraph.inferred ?? false, ownText(paragraph)])).toEqual([
      ['1', true, '議員或可選舉主席。'],
      [null, false, '(上午10時至11時30分)'],
      ['2', false, '議員或可參閱政府當局擬備的文件。'],
      ['3', false, '議員或可提出問題。']
    ])
  })
})

describe('a list of papers before the first paragraph (zh-paper-list-then-numbering.txt)', () => {
  const tree = parse(fixture('zh-paper-list-then-numbering.txt'))
  it('is the section’s list, no paragraph: the unnumbered paragraph before paragraph 2 is 1, inferred', () => {
    expect(all<Paragraph>(tree, 'paragraph').map((paragraph) => [paragraph.number, paragraph.inferred ?? false])).toEqual([
      ['1', true],
      ['2', false]
    ])
    expect(all<Section>(tree, 'section')[0]!.children.map((child) => child.type)).toEqual(['item', 'item'])
  })
})

describe('minutes that number their agenda items in brackets (zh-minutes-bracketed-items.txt)', () => {
  const tree = parse(fixture('zh-minutes-bracketed-items.txt'))
  const top = () => tree.children.filter((node): node is Section => node.type === 'section')
  it('reads (1), (2), (3) as the agenda items, their titles over the wrapped lines, the paper under (1) part of its title', () => {
    expect(top().map((section) => [section.number, section.marker, section.title, section.depth])).toEqual([
      ['1', '(1)', '通過九六年三月一日上次會議的紀要(立法局95-96年度第CB(2)901號文件)', 1],
      ['2', '(2)', '內務委員會主席與政府當局的會晤', 1],
      ['3', '(3)', '其他事項', 1]
    ])
  })
  it('keeps the (1), (2) after a lead-in as items of its paragraph, and the text under the list a paragraph of its own', () => {
    const [first, second] = top()
    const lists = [first!, second!].map((section) =>
      section.children.map((node) =>
        node.type === 'paragraph' ? [ownText(node), ...all<Item>(node, 'item').map((item) => `${item.marker} ${ownText(item)}`)] : node.type
      )
    )
    expect(lists[0]).toEqual([
      ['上次會議的紀要獲得通過。議員並要求秘書處就上次會議提出的兩項事項作出跟進,即:', '(1) 大樓保安安排', '(2) 議員辦公地方'],
      ['秘書處表示會在下次會議前向議員匯報有關安排的最新進展,並會就議員辦公地方的分配徵詢各議員的意見。']
    ])
    expect(lists[1]).toEqual([
      ['主席表示,她已於三月五日與政務司司長會晤,並在會上提出下列事項:', '(1) 議員助理的薪酬;及', '(2) 立法局大樓的維修。'],
      ['政府當局答應會盡快就上述兩項事項作出書面回覆,供議員參考。']
    ])
  })
  it('reads the same items back from its Markdown (# (1) …)', () => {
    const again = parseMarkdownText(toMarkdown(tree)).tree
    expect(all<Section>(again, 'section').map((section) => [section.number, section.marker, section.title])).toEqual(
      top().map((section) => [section.number, section.marker, section.title])
    )
  })
  it('reads numbered paragraphs under such items too', () => {
    const numbered = parse('會議紀要\n\n出席議員:\n陳大文議員\n\n(1)通過上次會議的紀要\n\n1. 上次會議的紀要獲得通過。\n\n(2)其他事項\n\n2. 並無其他事項。\n')
    expect(all<Section>(numbered, 'section').map((section) => [section.number, section.title])).toEqual([
      ['1', '通過上次會議的紀要'],
      ['2', '其他事項']
    ])
  })
  it('reads no (1) as an item heading in minutes whose items are numbered I, II, nor after a paragraph that leads into it', () => {
    const roman = parse('會議紀要\n\n出席議員:\n陳大文議員\n\nI. 選舉主席\n\n委員提出兩點。\n\n(1)房屋\n\n議員同意再作討論。\n')
    expect(all<Section>(roman, 'section').map((section) => section.number)).toEqual(['I'])
    expect(all<Item>(roman, 'item').map((item) => item.marker)).toEqual(['(1)'])
    const lead = parse('會議紀要\n\n出席議員:\n陳大文議員\n\n1. 委員討論了以下兩項事項\n\n(1)房屋\n\n(2)交通\n\n2. 議員同意再作討論。\n')
    expect(all<Section>(lead, 'section')).toEqual([])
    expect(all<Item>(lead, 'item').map((item) => item.marker)).toEqual(['(1)', '(2)'])
  })
})

describe('a * glued to a listed paper’s number (zh-minutes-starred-papers.txt)', () => {
  const tree = parse(fixture('zh-minutes-starred-papers.txt'))
  const listed = () => all<Item>(tree, 'item')
  it('is the mark of the record’s * note: a reference to it, not a word of the entry', () => {
    expect(listed().map((item) => [item.children[0]!.type, ownText(item)])).toEqual([
      ['footnoteReference', '立法會CB(2)388/30-31(01)號文件 -- 政府當局提供的文件;'],
      ['footnoteReference', '立法會CB(2)388/30-31(02)號文件 -- 立法會秘書處擬備的背景資料簡介;及'],
      ['text', '立法會CB(2)401/30-31(01)號文件 -- 團體提交的意見書。']
    ])
    expect(all<FootnoteReference>(tree, 'footnoteReference').map((reference) => reference.identifier)).toEqual(['*', '*'])
    expect(all<Footnote>(tree, 'footnote').map((note) => note.identifier)).toEqual(['*'])
  })
  it('prints the mark as printed in Markdown (\\*立法會…), and reads it back as the reference', () => {
    const markdown = toMarkdown(tree)
    expect(markdown).toContain('- \\*立法會CB(2)388/30-31(01)號文件 -- 政府當局提供的文件;')
    expect(all<FootnoteReference>(parseMarkdownText(markdown).tree, 'footnoteReference')).toHaveLength(2)
  })
  it('stays text where the record has no * note', () => {
    const bare = parse(
      '會議紀要\n\n出席委員:\n陳大文議員\n\n有關文件\n- *立法會CB(2)388/30-31(01)號文件 -- 政府當局提供的文件。\n\nI. 其他事項\n1. 並無其他事項。\n'
    )
    expect(all(bare, 'footnoteReference')).toEqual([])
    expect(ownText(all<Item>(bare, 'item')[0]!)).toBe('*立法會CB(2)388/30-31(01)號文件 -- 政府當局提供的文件。')
  })
})

describe('minutes: seen by the Administration', () => {
  const seen = (tree: Paper) => [
    tree.meta.seenByAdministration,
    tree.children[0]?.type === 'header' ? tree.children[0].children.filter((field) => field.name === 'note').map((field) => field.value) : []
  ]
  it('reads the English note on one line, kept in the header as a note', () => {
    const tree = parse(
      'LC Paper No. CB(1)1/01-02\n(These minutes have been seen by the Administration)\n\nMinutes of meeting\n\nMembers present :\nHon A B\n\n1. Text.\n'
    )
    expect(seen(tree)).toEqual([true, ['(These minutes have been seen by the Administration)']])
  })
  it('reads the English note broken over two lines', () => {
    const tree = parse(
      'LC Paper No. CB(1)1/01-02\n(These minutes have been\nseen by the Administration)\n\nMinutes of meeting\n\nMembers present :\nHon A B\n\n1. Text.\n'
    )
    expect(seen(tree)).toEqual([true, ['(These minutes have been seen by the Administration)']])
  })
  it('reads the Chinese note, letter-spaced', () => {
    const tree = parse('立法會CB(2)1/01-02號文件\n(此 份 會 議 紀 要 業 經 政 府 當 局 審 閱)\n\n會議紀要\n\n出席委員:\n甲議員\n\n1. 內容。\n')
    expect(tree.meta.seenByAdministration).toBe(true)
  })
  it('reads the Chinese note broken over two lines, as one note', () => {
    const tree = parse('立法會CB(2)1/01-02號文件\n(此份會議紀要業經\n政府當局審閱)\n\n會議紀要\n\n出席委員:\n甲議員\n\n1. 內容。\n')
    expect(seen(tree)).toEqual([true, ['(此份會議紀要業經政府當局審閱)']])
  })
  it('is false for minutes without the note, and absent on other genres', () => {
    expect(parse('Minutes of meeting\n\nMembers present :\nHon A B\n\n1. Text.\n').meta.seenByAdministration).toBe(false)
    expect(parse('Agenda\n\nI. Confirmation of minutes\n(8:30 am - 8:35 am)\n').meta).not.toHaveProperty('seenByAdministration')
  })
})

describe('minutes: the Action column', () => {
  const actions = (tree: Paper) => all<Paragraph>(tree, 'paragraph').map((paragraph) => [paragraph.number, paragraph.action ?? null])
  it('gives each paragraph the column word beside it, in the layouts of PDF text (fixture en-minutes-action)', () => {
    const tree = parse(fixture('en-minutes-action.txt'))
    // Read from the fixture: Admin stands before 2, at the end of 3's first line after a tab, under 4's last line; 1 and 5 have none.
    expect(actions(tree)).toEqual([
      ['1', null],
      ['2', 'Admin'],
      ['3', 'Admin'],
      ['4', 'Clerk'],
      ['5', null]
    ])
    expect(tree.meta.seenByAdministration).toBe(true)
    // The column's heading, on each page, is furniture; no paragraph holds a column word.
    expect(tree.furniture.filter((node) => node.value === 'Action').map((node) => node.kind)).toEqual(['running-header', 'running-header'])
    expect(all<Paragraph>(tree, 'paragraph').some((paragraph) => /\b(?:Admin|Clerk)$/m.test(ownText(paragraph)))).toBe(false)
    expect(ownText(all<Paragraph>(tree, 'paragraph')[2]!)).toBe('Members asked the Administration to review the hours of the smaller libraries in the summer.')
  })
  it('takes a column line among a paragraph’s lines for that paragraph', () => {
    const tree = parse(
      'Minutes of meeting\n\nMembers present :\nHon A B\n\nAction\n\n1. Members asked for the figures of every\nAdm\ndistrict by the end of the month.\n\n2. The meeting ended.\n'
    )
    expect(actions(tree)).toEqual([
      ['1', 'Adm'],
      ['2', null]
    ])
  })
  it('joins the lines of one entry, and reads a wide gap of spaces as the column', () => {
    const tree = parse(
      'Minutes of meeting\n\nMembers present :\nHon A B\n\nAction\n\n1. Members asked for a paper on the scheme.        Admin/Clerk\n\nALA2\nSALA\n2. The legal adviser would check the drafting.\n'
    )
    expect(actions(tree)).toEqual([
      ['1', 'Admin/Clerk'],
      ['2', 'ALA2 SALA']
    ])
  })
  it('reads no column where the minutes print no Action heading', () => {
    const tree = parse('Minutes of meeting\n\nMembers present :\nHon A B\n\n1. Members asked the Clerk to write to the\nAdmin\n\n2. The meeting ended.\n')
    expect(actions(tree)).toEqual([
      ['1', null],
      ['2', null]
    ])
  })
  it('reads the column back from our Markdown (`Action: Admin` under the paragraph)', () => {
    const tree = parse(fixture('en-minutes-action.txt'))
    const markdown = toMarkdown(tree)
    expect(markdown).toContain('\n\nAction: Clerk\n\n')
    expect(actions(parse(markdown))).toEqual(actions(tree))
  })
})

describe('agenda', () => {
  // More agenda behaviours, one fixture each: test/agenda.test.ts.
  it('gives an item its time slot, and keeps the slot as printed as its first, unnumbered paragraph', () => {
    const tree = parse('Panel on Housing\n\nAgenda\n\nI. Confirmation of minutes\n(8:30 am - 8:35 am)\n\nII. Any other business\n')
    const [first] = all<Section>(tree, 'section')
    expect(first).toMatchObject({number: 'I', title: 'Confirmation of minutes', time: '8:30 am - 8:35 am'})
    expect(first!.children).toMatchObject([{type: 'paragraph', number: null, children: [{type: 'text', value: '(8:30 am - 8:35 am)'}]}])
  })
  it('does not run the line after a time slot into the slot’s paragraph', () => {
    const tree = parse('Agenda\n\nI. Any other business\n(10:30 am onwards)\nMembers may raise other matters.\n')
    const [first] = all<Section>(tree, 'section')
    expect(first!.children.map((child) => child.type === 'paragraph' && child.children.map((c) => (c.type === 'text' ? c.value : '')).join(''))).toEqual([
      '(10:30 am onwards)',
      'Members may raise other matters.'
    ])
  })
  it('does not take the papers it lists for papers of a bundle', () => {
    const text = '議 程\n\nI.確認通過會議紀要\n\n立法會CB(2)1/04-05號文件\n\n- 會議的紀要\n\n立法會CB(2)2/04-05號文件\n\n- 特別會議的紀要\n'
    const {messages} = parseText(text)
    expect(messages.map((message) => message.rule)).not.toContain('parse/several-papers')
  })
})

void (null as unknown as Attendance)

describe('the meeting read from a table of label rows (issue 11)', () => {
  it('takes date, time and venue from pipe rows with a colon cell, and keeps the table where it stands', () => {
    const tree = parse(fixture('zh-meeting-table.txt'))
    expect(tree.meta.meetingDate).toBe('1999-02-03')
    expect(tree.meta.meetingTime).toBe('10:45')
    expect(tree.meta.venue).toBe('立法會大樓會議室A')
    // The table is still the table as printed, and the attendance after it, in the order of the text.
    expect(tree.children.map((node) => node.type)).toEqual(['header', 'table', 'attendance', 'section'])
  })
  it('takes them from tab rows of an English paper of another kind too', () => {
    const tree = parse(
      'Legislative Council Panel on Housing\n\nBackground brief\n\nDate\t:\t7 January 1999\nTime\t:\t4:30 pm\n\nPurpose\n\n1. This paper gives background.\n'
    )
    expect(tree.meta.kind).toBe('background-brief')
    expect(tree.meta.meetingDate).toBe('1999-01-07')
  })
  it('keeps the kind its kind line names for a brief that lists who attends: read as minutes, checked as the brief', () => {
    const text =
      '立法會CB(2)100/98-99(01)號文件\n議員參考資料摘要\n房屋事務委員會會議\n日期: 1999年2月3日(星期三)\n出席議員\n甲議員\n乙議員\nI. 選舉主席\n議員或可選舉主席。\n立法會秘書處\n1999年2月2日\n'
    const tree = parse(text)
    expect(tree.meta.kind).toBe('paper')
    expect(all<Attendance>(tree, 'attendance')).toHaveLength(1)
    expect(tree.meta.meetingDate).toBe('1999-02-03')
    // Minutes are written after their meeting; a brief before it: no header-dates error.
    expect(check(tree, text).map((message) => message.ruleId)).not.toContain('header-dates')
    // The same lines under a minutes' title are minutes.
    expect(parse(text.replace('議員參考資料摘要', '會議紀要')).meta.kind).toBe('minutes')
  })
  it('reads no meeting from a table whose rows are not the meeting labels', () => {
    const tree = parse('Legislative Council Panel on Housing\n\nBackground brief\n\nYear\t:\t7 January 1999\n\nPurpose\n\n1. This paper gives background.\n')
    expect(tree.meta.meetingDate).toBeNull()
  })
  it('puts attendance lists under a heading printed above them into that section', () => {
    const tree = parse(
      '房屋事務委員會會議\n\n| 日期: | 1999年2月3日 |\n|---|---|\n\n出席情況\n\n出席議員\n甲議員\n乙議員\n\nI. 通過會議紀要\n\n1. 會議通過上次會議的紀要。\n',
      'minutes'
    )
    const section = tree.children.find((node): node is Section => node.type === 'section' && node.title === '出席情況')
    expect(section?.children.map((node) => node.type)).toEqual(['attendance'])
    expect(tree.meta.meetingDate).toBe('1999-02-03')
  })
})

describe('a list right under a heading is the section’s (schema 1.5)', () => {
  const text = 'I. 議程\n\n(a) 甲項；\n\n(b) 乙項。\n\n1. 段落。\n'
  it('holds the items directly, with no empty paragraph around them', () => {
    const tree = parse(text, 'minutes')
    const section = tree.children.find((node): node is Section => node.type === 'section')!
    expect(section.children.map((node) => node.type)).toEqual(['item', 'item', 'paragraph'])
    expect(section.children.slice(0, 2).map((node) => (node.type === 'item' ? node.label : null))).toEqual(['a', 'b'])
    expect(tree.schemaVersion).toBe('1.5.0')
  })
  it('writes them as a list under the heading in Markdown, which reads back to the same tree', () => {
    const tree = parse(text, 'minutes')
    const md = toMarkdown(tree)
    expect(md).toContain('# I. 議程\n\n- (a) 甲項；\n- (b) 乙項。\n\n1\\. 段落。')
    const back = parseText(md, {markdown: true, kind: 'minutes'}).tree
    const section = back.children.find((node): node is Section => node.type === 'section')!
    expect(section.children.map((node) => node.type)).toEqual(['item', 'item', 'paragraph'])
  })
  it('keeps the paragraph when it has words before its items, or a number its place gives it', () => {
    const lead = parse('I. 議程\n\n委員討論下列事項：\n\n(a) 甲項；\n\n(b) 乙項。\n', 'minutes')
    const section = lead.children.find((node): node is Section => node.type === 'section')!
    expect(section.children.map((node) => node.type)).toEqual(['paragraph'])
    // Between paragraphs 1 and 3 the list is paragraph 2's (its number inferred): it stays that paragraph.
    const inferred = parse('目的\n\n1. 第一段。\n\n背景\n\n(a) 甲項；\n\n(b) 乙項。\n\n3. 第三段。\n')
    const paragraphs = all<Paragraph>(inferred, 'paragraph')
    expect(paragraphs.map((p) => p.number)).toEqual(['1', '2', '3'])
    expect(paragraphs[1]!.children.map((node) => node.type)).toEqual(['item', 'item'])
  })
})

describe('officers and posts in English attendance lists (en-minutes-officers.txt)', () => {
  const officers = () => groups(parse(fixture('en-minutes-officers.txt')))[1]!
  const facts = (group: Group) =>
    group.children.map((child) => (child.type === 'caption' ? ['caption', child.children[0]!.value] : [child.name, child.post, child.note]))
  it('reads a bureau line with small words as a caption, and a post with no name as a person of that post', () => {
    expect(facts(officers()).slice(0, 4)).toEqual([
      [null, 'Secretary for the Waterfront', null],
      ['caption', 'Agenda item II'],
      ['caption', 'Parks and Harbour Works Bureau'],
      ['Mr Carl MAN', 'Deputy Secretary for Parks and Harbour Works (Harbour) 2', null]
    ])
  })
  it('starts a person at a post after a blank line under a person whose post is printed', () => {
    expect(facts(officers())[4]).toEqual([null, 'Principal Assistant Secretary for Parks and Harbour Works (Parks)', null])
  })
  it('takes (for Item …) notes out of the post into the note', () => {
    expect(facts(officers())[5]).toEqual(['Mr Derek NGAI', 'Director of Harbour Works; Acting Harbour Engineer', '(for Item II) (for Item III)'])
  })
  it('gives the post its first word when the wrap left it on the name line', () => {
    expect(facts(officers())[6]).toEqual(['Mr Edwin POON Tak-sing', 'Principal Assistant Secretary for the Waterfront (B)', null])
  })
})

describe('entries side by side on one line (zh-minutes-columns.txt)', () => {
  const tree = () => parse(fixture('zh-minutes-columns.txt'))
  it('splits two names on a line, in columns or run together, into two people', () => {
    expect(people(groups(tree())[0]!).map((person) => person.name)).toEqual(['郭志偉議員', '呂美玉議員', '文家明議員', '孫立德議員', '周小華議員'])
  })
  it('reads a post column and a name column on one line as one person with post and name', () => {
    expect(people(groups(tree())[1]!).map((person) => [person.name, person.post])).toEqual([['蘇芳芳小姐', '總主任(9)1']])
  })
  it('reads an English name column and post column as one person', () => {
    const tree = parse('Minutes of meeting\n\nClerk in attendance :\nMs Alice WONG      Chief Council Secretary (1)1\n\n1. Text.\n')
    expect(people(groups(tree)[0]!).map((person) => [person.name, person.post])).toEqual([['Ms Alice WONG', 'Chief Council Secretary (1)1']])
  })
})

describe('a header with the venue before the date (en-minutes-venue-first.txt)', () => {
  const tree = () => parse(fixture('en-minutes-venue-first.txt'))
  it('reads the venue before the date, and a committee wrapped after … of the Legislative Council as one committee', () => {
    expect(tree().meta).toMatchObject({
      committee: 'Harbour Works Subcommittee of the Works Committee of the Legislative Council',
      venue: 'Legislative Council Chamber',
      meetingDate: '2002-01-11',
      meetingTime: '09:00'
    })
  })
  it('reads Members in attendance as a label of members attending', () => {
    expect(groups(tree()).map((group) => [group.label, group.role, people(group).length])).toEqual([
      ['Members present', 'present', 1],
      ['Members in attendance', 'attending', 2],
      ['Public officers attending', 'officers', 1]
    ])
  })
})
