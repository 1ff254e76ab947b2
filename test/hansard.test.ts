/**
 * The Hansard (issue 11): agenda parts as sections, speaker turns as
 * `speech` nodes, stage directions as `event`s, attendance up to the first
 * turn, the Markdown of a turn and its round trip. Each text is a small one
 * of our own, one behaviour each; the corpus facts are in hansard-corpus.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {expectAccepts, expectReads} from './helpers/accepts.js'
import {toMarkdown} from '../src/emit/markdown.js'
import {isNumberOverYear} from '../src/lang/furniture.js'
import {dotLeader, hansardPart, isEvent, isTitleLike, LEADER_VALUE, speakerLead, startsSpeech, TABLED_PAPER} from '../src/lang/hansard.js'
import {FOOTNOTE_MARKER_BRACKETED} from '../src/lang/numbering.js'
import {parseText} from '../src/parse.js'
import type {AnyNode, Event, Footnote, FootnoteReference, Group, Paper, Paragraph, Section, Speech, Table} from '../src/tree.js'
import {all, fixture, ownText, schemaErrors, unaccounted} from './helpers/tree.js'

function parse(text: string): Paper {
  const {tree} = parseText(text, {kind: 'hansard'})
  expect(unaccounted(text, tree)).toEqual([])
  expect(schemaErrors(tree)).toEqual([])
  return tree
}

const words = (node: {children: AnyNode[]}): string =>
  node.children.map((child) => ('value' in child ? String(child.value) : 'children' in child ? words(child as {children: AnyNode[]}) : '')).join('')

const TOP = '會議過程正式紀錄\n\n2030年1月2日星期三\n\n出席議員：\n甲乙議員\n丙丁議員\n\n'

describe('lang/hansard', () => {
  it('reads a speaker with its colon, a language and bold marks', () => {
    expect(speakerLead('林大文議員：主席')).toMatchObject({speaker: '林大文議員', separator: '：', language: null})
    expect(speakerLead('MR JOHN DOE (in Cantonese): President')).toMatchObject({speaker: 'MR JOHN DOE', language: '(in Cantonese)', separator: ':'})
    expect(speakerLead('**代理主席：** 請')).toMatchObject({speaker: '代理主席'})
    expect(speakerLead('SECRETARY FOR TESTING: Yes')).toMatchObject({speaker: 'SECRETARY FOR TESTING'})
    // A PDF's compatibility ideograph (U+F92F for 勞) is read as the ideograph, and kept as printed.
    expect(speakerLead('\uf92f工局局長：主席')).toMatchObject({speaker: '\uf92f工局局長'})
  })
  it('takes no sentence or label for a speaker', () => {
    expect(speakerLead('就此，政府可否告知本會：')).toBeNull()
    expect(speakerLead('甲議員動議的議案如下：')).toBeNull()
    expect(speakerLead('出席議員：')).toBeNull()
    expect(startsSpeech('2. 甲議員：據報')).toBe(true)
  })
  it('tells a stage direction from a bracketed note or unit', () => {
    expectAccepts(isEvent, ['(甲議員站起來)', '(After the bell had been rung, Members entered the Chamber)'], ['(1 )', '(元)', '(一) 甲議員的提問'])
  })
  it('knows the agenda parts', () => {
    expectReads(hansardPart, {議員質詢的口頭答覆: 'oral-answers', "MEMBERS' MOTIONS": 'members-motions', 下次會議: 'next-meeting', 實施某項政策的影響: null})
  })
})

describe('the Hansard', () => {
  it('makes each speaker turn a speech, its later paragraphs its children', () => {
    const tree = parse(`${TOP}甲乙議員：各位同事，現在開始。\n\n 第二段的說話。\n\n丙丁議員：多謝。\n`)
    const speeches = all<Speech>(tree, 'speech')
    expect(speeches.map((speech) => speech.speaker)).toEqual(['甲乙議員', '丙丁議員'])
    expect(speeches[0]!.children.map((child) => words(child))).toEqual(['各位同事，現在開始。', '第二段的說話。'])
    expect(speeches[0]!.separator).toBe('：')
  })
  it('gives a numbered question its number and title', () => {
    const tree = parse(`${TOP}議員質詢的口頭答覆\n\n某項政策的影響\n\n1. 甲乙議員：據報，政府可否告知本會：\n\n某某局局長：主席，答覆如下。\n`)
    const part = all<Section>(tree, 'section')[0]!
    expect(part).toMatchObject({title: '議員質詢的口頭答覆', depth: 1})
    expect(part.children[0]).toMatchObject({type: 'section', title: '某項政策的影響', depth: 2})
    const [asker, answer] = all<Speech>(tree, 'speech')
    expect(asker).toMatchObject({speaker: '甲乙議員', question: '1.'})
    expect(answer).toMatchObject({speaker: '某某局局長', question: null})
  })
  it('makes a stage direction an event, inside the turn it interrupts', () => {
    const tree = parse(`${TOP}主席：請坐下。\n\n(甲乙議員站起來)\n\n 甲議員，你可以坐下發言。\n`)
    const speech = all<Speech>(tree, 'speech')[0]!
    expect(speech.children.map((child) => child.type)).toEqual(['paragraph', 'event', 'paragraph'])
    expect(words(all<Event>(tree, 'event')[0]!)).toBe('(甲乙議員站起來)')
  })
  it('ends the attendance lists before the first heading and turn', () => {
    const tree = parse(`${TOP}列席秘書：\n秘書長甲先生\n\n作出誓言\n\n秘書：現在進行宣誓。\n`)
    const groups = all<Group>(tree, 'group')
    expect(groups.map((group) => group.children.length)).toEqual([2, 1])
    expect(all<Section>(tree, 'section')[0]!.title).toBe('作出誓言')
  })
  it('reads the English record: capitals, the language in brackets', () => {
    const tree = parse(
      'OFFICIAL RECORD OF PROCEEDINGS\n\nWednesday, 2 January 2030\n\nMEMBERS PRESENT:\nTHE HONOURABLE JOHN DOE\n\nORAL ANSWERS TO QUESTIONS\n\nTHE PRESIDENT (in Cantonese): First question.\n\nMR JOHN DOE: President, will the Government inform this Council?\n'
    )
    expect(all<Speech>(tree, 'speech').map((speech) => [speech.speaker, speech.language])).toEqual([
      ['THE PRESIDENT', '(in Cantonese)'],
      ['MR JOHN DOE', null]
    ])
    expect(tree.meta.meetingDate).toBe('2030-01-02')
  })
  it('writes a turn as a bold speaker before its words, and reads it back to the same speeches', () => {
    const text = `${TOP}議員質詢的口頭答覆\n\n某項政策\n\n1. 甲乙議員：據報如此。\n\n(丙丁議員站起來)\n\n主席：請坐下。\n`
    const tree = parse(text)
    const md = toMarkdown(tree)
    expect(md).toContain('1\\. **甲乙議員：** 據報如此。')
    expect(md).toContain('**主席：** 請坐下。')
    const back = parseText(md).tree
    const shape = (paper: Paper) =>
      all<Speech>(paper, 'speech').map((speech) => [speech.speaker, speech.question, speech.children.map((child) => [child.type, words(child)])])
    expect(shape(back)).toEqual(shape(tree))
  })
})

describe('the papers laid on the table, footnotes in brackets, record lines (fixtures/zh-hansard-tabling.txt)', () => {
  const text = fixture('zh-hansard-tabling.txt')
  const tree = parse(text)
  const section = (title: string) => all<Section>(tree, 'section').find((s) => s.title === title)!
  const rows = (table: Table) => table.children.map((row) => row.children.map((cell) => ownText(cell)))

  it('lang: a dot leader, the legal notice number it points to, a tabled paper', () => {
    expect(dotLeader('公告》  ......  138/2012')).toEqual({start: 5, end: 11})
    expect(dotLeader('Regulation 2015 . . . . . 78/2015')).toEqual({start: 16, end: 25})
    expect(dotLeader('他是否在座 ...')).toBeNull()
    expectAccepts(LEADER_VALUE, ['138/2012', 'L.N. 78 of 2015'], ['第 3 頁'])
    expect(TABLED_PAPER.exec('第 1號  ─  市區重建局年報')?.[1]).toBe('第 1號')
    expect(TABLED_PAPER.exec('No. 91 ─ Language Fund')?.[1]).toBe('No. 91')
    // A number over a year is a legal notice, not "page 138 of 2012"; nor is a page past the count.
    expectAccepts(isNumberOverYear, ['138/2012', '15/12'], ['3/12'])
  })

  it('lang: a bracketed footnote marker ends a line or comes before punctuation, after a word', () => {
    const markers = (line: string) => [...line.matchAll(FOOTNOTE_MARKER_BRACKETED)].map((m) => m[1])
    expect(markers('宣讀立法會誓言 (1 ) ')).toEqual(['1'])
    expect(markers('宣讀立法會誓言（２）。')).toEqual(['２'])
    expect(markers('包括 (1) 提供平等設施')).toEqual([])
    expect(markers('根據《議事規則》第 14(5)')).toEqual([])
    expect(markers('section 2(1)')).toEqual([])
  })

  it('makes the instruments a table: column heads, then title and legal notice number, a wrapped title joined, a number on its own line taken in', () => {
    const table = section('提交文件').children.find((c): c is Table => c.type === 'table')!
    expect(rows(table)).toEqual([
      ['附屬法例／文書', '法律公告編號'],
      ['《 2030年測試及示例條例 (修訂附表 1及附表 2)公告》', '1/2030'],
      ['《 2030年示例 (修訂 )規例》', '2/2030']
    ])
    // The leader is kept, as the number cell's separator.
    expect(table.children[1]!.children[1]!.marker).toMatch(/^\.{10,}$/)
    expect(tree.furniture.map((f) => f.value)).not.toContain('1/2030')
  })

  it('makes the other papers rows of number and title, the dash their separator', () => {
    const table = section('其他文件').children.find((c): c is Table => c.type === 'table')!
    expect(rows(table)).toEqual([['第 1號', '示例管理局 2028-2029年報']])
    expect(table.children[0]!.children[1]!.marker).toBe('─')
  })

  it('lifts a ( 1 ) note at the page foot out, and its (1 ) marker becomes the reference', () => {
    const [note] = all<Footnote>(tree, 'footnote')
    expect(note).toMatchObject({identifier: '1', marker: '( 1 )'})
    expect(ownText(note!)).toBe('主席其後裁定己庚議員未有完全依照條例規定的誓言進行宣誓，須重新作出宣誓。')
    const [reference] = all<FootnoteReference>(tree, 'footnoteReference')
    expect(reference).toMatchObject({identifier: '1', marker: '(1 )'})
    expect(toMarkdown(tree)).toContain('己庚議員宣讀立法會誓言[^1]\n')
  })

  it('keeps record lines apart: no title made of the last oath line before a turn, no line joined across the page turn', () => {
    const oaths = all<Paragraph>(tree, 'paragraph')
      .map((p) => ownText(p))
      .filter((t) => t.includes('宣讀'))
    expect(oaths).toEqual(['丁戊議員宣讀立法會誓言', '己庚議員宣讀立法會誓言', '辛壬議員宣讀立法會誓詞', '癸子議員宣讀立法會誓言'])
    expect(all<Section>(tree, 'section').map((s) => s.title)).toEqual(['作出立法會誓言', '提交文件', '其他文件', '下次會議'])
  })

  it('still takes a short line before the asker as the question title', () => {
    const titled = parse(`${TOP}議員質詢的口頭答覆\n\n主席：質詢。第一項質詢。\n\n測試政策的影響\n\n1. 甲乙議員：主席，政府可否告知本會？\n`)
    expect(all<Section>(titled, 'section').map((s) => s.title)).toEqual(['議員質詢的口頭答覆', '測試政策的影響'])
  })
})

describe('a record a web mirror ran onto one line (fixtures/en-hansard-mirror.txt)', () => {
  const text = fixture('en-hansard-mirror.txt')
  const tree = parse(text)

  it('keeps the mirror’s page head, the running headers and their page numbers as furniture', () => {
    const kinds = tree.furniture.map((f) => [f.kind, f.value])
    expect(kinds.filter(([kind]) => kind === 'site-header').map(([, value]) => value)).toEqual([
      "OFFICIAL RECORD of PROCEEDINGS Wednesday, 6 March 2030 the Council Met at Eleven O'clock",
      'Total Page:3',
      'File Type:pdf, Size:120Kb',
      "OFFICIAL RECORD of PROCEEDINGS Wednesday, 6 March 2030 the Council Met at Eleven O'clock"
    ])
    expect(kinds.filter(([kind]) => kind === 'running-header')).toHaveLength(3)
    expect(kinds.filter(([kind]) => kind === 'page-number').map(([, value]) => value)).toEqual(['101', '102', '103'])
  })

  it('reads the title, the date and the attendance lists out of the run', () => {
    expect(tree.meta).toMatchObject({kind: 'hansard', title: 'OFFICIAL RECORD OF PROCEEDINGS', meetingDate: '2030-03-06'})
    const groups = all<Group>(tree, 'group')
    expect(groups.map((group) => [group.label, group.children.length])).toEqual([
      ['MEMBERS PRESENT', 6],
      ['MEMBERS ABSENT', 1],
      ['CLERKS IN ATTENDANCE', 1]
    ])
    // `IR DR THE HONOURABLE` and `PROF THE HONOURABLE` start entries of their own; the page's header between two entries is no part of either.
    expect(JSON.stringify(groups[0])).not.toContain('LEGISLATIVE COUNCIL')
    expect(JSON.stringify(groups[0]!.children[2])).toContain('IR DR THE HONOURABLE CARL SAMPLE')
    // `THE PRESIDENT` run on before the first member is that member's post.
    expect(groups[0]!.children[0]).toMatchObject({post: 'THE PRESIDENT', name: 'THE HONOURABLE ALAN TESTER', honours: 'G.B.S., J.P.'})
  })
})

describe('speakers printed otherwise (fixtures/zh-hansard-speakers.txt, en-hansard-speakers.txt)', () => {
  it('lang: a padded name is the speaker unpadded; an office and its holder is one speaker; a verb of saying is no name', () => {
    expect(speakerLead('楊 森議員：主席')).toMatchObject({speaker: '楊森議員'})
    expect(speakerLead('李　華明議員：主席')).toMatchObject({speaker: '李華明議員'})
    expect(speakerLead('保安局局長李少光：主席')).toMatchObject({speaker: '保安局局長李少光'})
    expect(speakerLead('保安局局長李少光（譯文）：主席')).toMatchObject({speaker: '保安局局長李少光', language: '（譯文）'})
    expect(speakerLead('保安局局長表示：')).toBeNull()
    expect(speakerLead('保安局局長李少光回答：')).toBeNull()
    expect(speakerLead('SECRETARY FOR SECURITY (Mr Ambrose LEE) (in Cantonese): Madam')).toMatchObject({
      speaker: 'SECRETARY FOR SECURITY (Mr Ambrose LEE)',
      language: '(in Cantonese)'
    })
    expect(speakerLead('CLERK TO THE COUNCIL: Sample Bill')).toMatchObject({speaker: 'CLERK TO THE COUNCIL'})
  })
  it('gives every turn of the Chinese record its speaker, padded or not', () => {
    const tree = parse(fixture('zh-hansard-speakers.txt'))
    expect(all<Speech>(tree, 'speech').map((speech) => [speech.speaker, speech.question, speech.language])).toEqual([
      ['楊森議員', '1.', null],
      ['保安局局長李少光', null, null],
      ['李華明議員', null, null],
      ['楊森議員', null, null],
      ['保安局局長李少光', null, '（譯文）']
    ])
    expect(all<Section>(tree, 'section').map((section) => section.title)).toEqual(['議員質詢的口頭答覆', '測試政策的影響'])
  })
  it('gives the English record the clerk and an office with its holder as speakers, and keeps the last member above the first part', () => {
    const tree = parse(fixture('en-hansard-speakers.txt'))
    expect(all<Speech>(tree, 'speech').map((speech) => speech.speaker)).toEqual([
      'CLERK TO THE COUNCIL',
      'SECRETARY FOR SECURITY (Mr Alan SAMPLE)',
      'MR JOHN DOE',
      'SECRETARY FOR SECURITY (Mr Alan SAMPLE)'
    ])
    expect(all<Group>(tree, 'group').map((group) => [group.label, group.children.length])).toEqual([['MEMBERS PRESENT', 1]])
    expect(all<Section>(tree, 'section').map((section) => section.title)).toEqual(['BILLS', 'First Reading of Bills', 'Second Reading of Bills'])
  })
})

describe('stage directions over lines, turns cut by the buzzer (fixtures/en-hansard-events.txt, zh-hansard-events.txt)', () => {
  const shape = (tree: Paper) =>
    all<Speech>(tree, 'speech').map((speech) => [
      speech.speaker,
      speech.children.map((child) => (child.type === 'event' ? `event ${words(child)}` : words(child)))
    ])

  it('lang: a title is no sentence, no stage direction, no half of one', () => {
    expectAccepts(
      isTitleLike,
      [
        'Decline in Number of Visitors to Hong Kong',
        'Possible Abuse of Claims Against Expulsion, Return or Extradition',
        '測試政策的影響',
        '提出避免被驅逐、遣返的情況'
      ],
      [
        'He is indeed amusing, legislators not attending meetings',
        'Therefore, I move to seek a reduction which is equivalent to (The buzzer sounded)',
        'Sorry. Nevertheless the Chairman',
        '主席，我想補充，這個問題',
        '在座位上發言）'
      ]
    )
    expectAccepts(isEvent, ['(The buzzer sounded)', '（計時器響起）', '(Mr John DOE remained standing and talked loudly)'], ['(Amendment)', '(No. 2)'])
  })
  it('reads an English stage direction wrapped over lines whole, under a turn or on its own, and no cut turn as a title', () => {
    const tree = parse(fixture('en-hansard-events.txt'))
    expect(shape(tree)).toEqual([
      [
        'PRESIDENT',
        ["I now suspend the meeting until nine o'clock tomorrow morning.", 'event (Members of the public in the gallery stood up and shouted slogans)']
      ],
      [
        'PRESIDENT',
        ['Order. Members of the public must keep quiet.', 'event (After the summoning bell had been rung, a number of Members entered the Chamber)']
      ],
      ['MR JOHN DOE', ['President, I want to say something about the time limit and the way the meeting is run', 'event (The buzzer sounded)']],
      ['PRESIDENT', ['Mr DOE, your speaking time is up.', 'event (Mr John DOE remained standing and talked loudly)']],
      ['PRESIDENT', ['Please sit down.']]
    ])
    expect(all<Section>(tree, 'section').map((section) => section.title)).toEqual(['SUSPENSION OF MEETING'])
  })
  it('reads a Chinese stage direction cut over lines whole, and no turn cut short as a title', () => {
    const tree = parse(fixture('zh-hansard-events.txt'))
    expect(shape(tree)).toEqual([
      ['甲乙丙議員', ['主席，我想說的是這項條例草案對市民的影響，', 'event （計時器響起）']],
      ['主席', ['甲議員，你的發言時間到了。']],
      ['丁戊議員', ['主席，我想補充，這個問題']],
      ['主席', ['丁議員，請坐下。', 'event （丁戊議員繼續站着在座位上發言）']],
      ['主席', ['請工作人員處理。', 'event (在傳召鐘響後，多位議員進入會議廳)']],
      ['主席', ['現在繼續。']]
    ])
    expect(all<Section>(tree, 'section').map((section) => section.title)).toEqual(['法案', '全體委員會審議階段'])
  })
})

describe('the attendance of a Hansard and its start (fixtures/en-hansard-attendance.txt, zh-hansard-attendance.txt)', () => {
  const entries = (tree: Paper) =>
    all<Group>(tree, 'group').map((group) => [
      group.label,
      group.children.map((person) => (person.type === 'person' ? [person.post, person.name, person.honours] : 'caption'))
    ])

  it('reads the English lists: the President over the name, an entry wrapped over two lines, the clerks’ posts after their names', () => {
    const tree = parse(fixture('en-hansard-attendance.txt'))
    expect(entries(tree)).toEqual([
      [
        'MEMBERS PRESENT',
        [
          ['THE PRESIDENT', 'THE HONOURABLE ALAN TESTER', 'G.B.S., J.P.'],
          [null, 'IR DR THE HONOURABLE CARL SAMPLE', 'S.B.S., S.B.ST.J., J.P.'],
          [null, 'THE HONOURABLE BETTY EXAMPLE', 'J.P.']
        ]
      ],
      [
        'CLERKS IN ATTENDANCE',
        [
          ['SECRETARY GENERAL', 'MR HENRY CLERK', 'S.B.S.'],
          ['DEPUTY CLERK TO THE COUNCIL', 'MR IAN DEPUTY', null]
        ]
      ]
    ])
    expect(tree.meta.meetingTime).toBe('14:30')
  })
  it('reads the Chinese lists: 主席 over the name, honours wrapped, a post and a name on one line, a padded name', () => {
    const tree = parse(fixture('zh-hansard-attendance.txt'))
    expect(entries(tree)).toEqual([
      [
        '出席議員',
        [
          ['主席', '甲乙丙議員', 'G.B.S., J.P.'],
          [null, '丁戊己議員', 'S.B.S., S.B.ST.J., J.P.'],
          [null, '楊森議員', null]
        ]
      ],
      ['出席政府官員', [['財經事務及庫務局局長', '陳大文教授', 'G.B.S., J.P.']]],
      [
        '列席秘書',
        [
          ['秘書長', '陳小明先生', 'S.B.S.'],
          ['立法會秘書', '甲丁先生', null]
        ]
      ]
    ])
    expect(tree.meta.meetingTime).toBe('11:00')
  })
  it('reads a start spelled out in English', () => {
    const start = (line: string) =>
      parse(`OFFICIAL RECORD OF PROCEEDINGS\n\nWednesday, 6 March 2030\n\n${line}\n\nMEMBERS PRESENT:\n\nTHE HONOURABLE JOHN DOE\n`).meta.meetingTime
    expect(start("The Council met at Eleven o'clock")).toBe('11:00')
    expect(start("The Council met at Nine o'clock")).toBe('09:00')
    expect(start("The Council met at a quarter to Three o'clock")).toBe('14:45')
  })
})
