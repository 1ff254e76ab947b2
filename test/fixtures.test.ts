// One fixture, one behaviour; and for every fixture: nothing lost, schema-valid, positions sound, Markdown round trip.
import {describe, expect, it} from 'vitest'
import {parseText} from '../src/parse.js'
import type {Appendix, Field, Signature, Table} from '../src/tree.js'
import {all, firstInferred, fixture, fixtureNames, items, numbering, ownText, paragraphs, sections} from './helpers/tree.js'
import {expectMarkdownRoundTrip, parseSound} from './helpers/sound.js'

const parse = (name: string) => parseText(fixture(name))

describe('every fixture', () => {
  for (const name of fixtureNames()) {
    it(`${name}: nothing lost, valid, positions in range, Markdown round trip`, () => {
      expectMarkdownRoundTrip(parseSound(fixture(name)))
    })
  }
})

describe('header block (zh-sections.txt)', () => {
  const {tree} = parse('zh-sections.txt')
  it('names each header line', () => {
    const header = tree.children[0]!
    expect(header.type).toBe('header')
    expect((header as {children: Field[]}).children.map((field) => field.name)).toEqual(['council', 'paperNo', 'fileRef', 'committee', 'meeting', 'title'])
  })
  it('reads meta, dates as ISO', () => {
    expect(tree.meta).toMatchObject({
      paperNo: 'CB(2)101/2025(03)',
      fileRef: 'CB2/PL/HA',
      committee: '民政事務委員會',
      meetingDate: '2025-01-13',
      title: '有關公共圖書館服務的背景資料簡介',
      issuedBy: ['立法會秘書處', '議會事務部 2'],
      issueDate: '2025-01-08',
      kind: 'background-brief'
    })
  })
  it('puts standard headings at depth 1 with their keys', () => {
    expect(sections(tree).map((section) => [section.depth, section.key])).toEqual([
      [1, 'purpose'],
      [1, 'background'],
      [1, 'previous-discussions'],
      [1, 'latest-development']
    ])
  })
  it('infers paragraph 1 from its place before paragraph 2', () => {
    expect(numbering(tree)).toEqual(firstInferred(5))
  })
})

describe('numbering forms (zh-numbering-forms.txt)', () => {
  const {tree} = parse('zh-numbering-forms.txt')
  it('reads full-width digits and stops, no space, and a number alone on its line', () => {
    expect(paragraphs(tree).map((p) => [p.number, p.marker, ownText(p)])).toEqual([
      ['1', '１．', '本文件以全形數字編號。'],
      ['2', '２.', '第二段的編號是全形數字加半形句點。'],
      ['3', '3．', '第三段用半形數字加全形句點。'],
      ['4', '4.', '議員在編號後沒有留空。'],
      ['5', '5.', '編號獨佔一行，內文在下一行。']
    ])
  })
})

describe('page break inside a paragraph (zh-page-break.txt)', () => {
  const {tree} = parse('zh-page-break.txt')
  it('joins the two halves with no gap and keeps the page number as furniture', () => {
    const [two, three] = paragraphs(tree)
    expect(ownText(two!)).toBe('政府當局在 2023 年推出多項措施，推動部門及業界共享數據及數字科技應用，從而推出更多便民利商的服務。')
    expect(ownText(three!)).toBe('議員詢問政府當局如何推動更多機構推出網上服務。政府當局表示，資科辦正與業界合作推出沙盒計劃。')
    expect(tree.furniture.map((node) => [node.kind, node.value])).toEqual([['page-number', '- 2 -']])
  })
})

describe('items (zh-items.txt)', () => {
  const {tree} = parse('zh-items.txt')
  const [two, three] = paragraphs(tree)
  it('nests roman items under a letter and reads (i) after (h) as a letter', () => {
    const top = two!.children.filter((child) => child.type === 'item')
    expect(top.map((item) => item.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])
    expect(top[8]!.style).toBe('lower-alpha')
    const nested = items(top[0]!).slice(1)
    expect(nested.map((item) => [item.label, item.style])).toEqual([
      ['i', 'lower-roman'],
      ['ii', 'lower-roman']
    ])
  })
  it('accepts full-width brackets', () => {
    const c = items(two!).find((item) => item.label === 'c')!
    expect(c.marker).toBe('（c）')
  })
  it('leaves other paragraphs without items', () => {
    expect(items(three!)).toEqual([])
  })
})

describe('sub-headings (zh-subheadings.txt)', () => {
  const {tree} = parse('zh-subheadings.txt')
  it('nests a heading followed directly by a heading; a later sub-heading is a sibling of the innermost', () => {
    expect(sections(tree).map((section) => [section.depth, section.title])).toEqual([
      [1, '背景'],
      [2, '配合數據流通的措施'],
      [3, '《促進數據流通的政策宣言》'],
      [3, '《大灣區數據跨境流動的合作備忘錄》'],
      [3, '加強網絡安全'],
      [1, '過往的討論']
    ])
  })
})

describe('signature and appendices (zh-signature-appendix.txt)', () => {
  const {tree} = parse('zh-signature-appendix.txt')
  it('reads the signature lines and the issue date', () => {
    expect(all<Signature>(tree, 'signature')[0]!.children.map((t) => t.value)).toEqual(['立法會秘書處', '法律事務部', '2025 年 2 月 3 日'])
    expect(tree.meta.issueDate).toBe('2025-02-03')
  })
  it('reads lettered appendices with titles and tables', () => {
    const appendices = all<Appendix>(tree, 'appendix')
    expect(appendices.map((a) => [a.marker, a.label, a.title])).toEqual([
      ['附件', 'A', '受影響的條例一覽'],
      ['附件', 'B', '建議修訂摘要']
    ])
    expect(appendices.map((a) => all<Table>(a, 'table').map((t) => t.children.length))).toEqual([[3], [2]])
  })
})

describe('Markdown-flavoured input (zh-markdown.txt)', () => {
  const {tree} = parse('zh-markdown.txt')
  it('takes # headings, - (a) items and **strong**', () => {
    expect(sections(tree).map((s) => [s.depth, s.title])).toEqual([
      [1, '目的'],
      [1, '背景'],
      [2, '在立法會會議上提出的質詢']
    ])
    expect(items(tree).map((item) => [item.label, item.marker])).toEqual([
      ['a', '(a)'],
      ['b', '(b)']
    ])
    const three = paragraphs(tree)[2]!
    expect(three.children.map((child) => child.type)).toEqual(['text', 'strong', 'text'])
  })
})

describe('hard-wrapped Chinese (zh-wrapped.txt)', () => {
  const {tree} = parse('zh-wrapped.txt')
  it('joins CJK lines with no space, and a line starting with closing punctuation', () => {
    const [one, two] = paragraphs(tree)
    expect(ownText(one!)).toBe(
      '經濟科在一九九七年一月向委員會提交的文件中，表示將成立一個諮詢委員會，以協調本港資訊基建的發展。委員會已經成立，並於一九九七年三月開始運作。'
    )
    expect(ownText(two!)).toBe(
      '本港已提供最先進的電訊服務，包括高容量數據通訊服務。在一九九五年，本港在固定電訊網絡引入競爭，3家新營辦商已安裝光纖幹線網絡。互聯網亦已廣泛使用。'
    )
  })
})

describe('pipe table from a web page (zh-pipe-table.txt)', () => {
  const {tree} = parse('zh-pipe-table.txt')
  it('reads rows of two cells and keeps the rules as markup furniture', () => {
    const [table] = all<Table>(tree, 'table')
    expect(table!.children.map((row) => row.children.map((cell) => cell.children.map((c) => (c.type === 'text' ? c.value : '')).join('')))).toEqual([
      ['日期:', '2025年3月4日(星期二)'],
      ['時間:', '下午2時30分'],
      ['地點:', '立法會綜合大樓會議室1']
    ])
    expect(tree.furniture.every((node) => node.kind === 'markup')).toBe(true)
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['2', '3'])
  })
})

describe('a paper with no structure (zh-no-structure.txt)', () => {
  const {tree, messages} = parse('zh-no-structure.txt')
  it('gives unnumbered paragraphs and a warning', () => {
    expect(paragraphs(tree).map((p) => p.number)).toEqual([null, null])
    expect(messages.map((m) => m.ruleId)).toEqual(['parse/no-structure'])
    expect(tree.meta.title).toBeNull()
  })
})

describe("a genre's own parts are structure (en-letter.txt, en-hansard-mirror.txt)", () => {
  it('warns of no structure neither for a letter of unnumbered paragraphs nor for a record that is only its attendance', () => {
    const letter = parse('en-letter.txt')
    expect(letter.tree.children.map((node) => node.type)).toContain('salutation')
    expect(paragraphs(letter.tree).every((p) => p.number === null)).toBe(true)
    const record = parse('en-hansard-mirror.txt')
    expect(record.tree.children.map((node) => node.type)).toEqual(['header', 'attendance'])
    for (const {messages} of [letter, record]) expect(messages.map((m) => m.ruleId)).not.toContain('parse/no-structure')
  })
})

describe('an English paper (en-basic.txt)', () => {
  const {tree} = parse('en-basic.txt')
  it('reads the header, headings, paragraphs, items and signature', () => {
    expect(tree.lang).toBe('en')
    expect(tree.meta).toMatchObject({
      paperNo: 'CB(4)512/2024(02)',
      fileRef: 'CB4/PL/ITB',
      committee: 'Panel on Information Technology and Broadcasting',
      meetingDate: '2024-07-08',
      title: 'Updated background brief on the development of e-Government services',
      issueDate: '2024-07-02',
      kind: 'background-brief'
    })
    expect(sections(tree).map((s) => s.key)).toEqual(['purpose', 'background', 'latest-development'])
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3', '4'])
    expect(items(tree).map((i) => ownText(i))).toEqual([
      'the security of online services;',
      'the co-ordination among bureaux; and',
      'the accessibility of Government websites.'
    ])
  })
})

describe('letter-spaced Chinese (zh-letter-spaced.txt)', () => {
  const {tree} = parse('zh-letter-spaced.txt')
  it('reads spaced-out characters as words, keeping the spaces beside digits', () => {
    expect(tree.meta.paperNo).toBe('142/96-97')
    expect(tree.meta.committee).toBe('資訊政策事務委員會')
    expect(sections(tree).map((s) => [s.title, s.key])).toEqual([
      ['目的', 'purpose'],
      ['背景', 'background']
    ])
    expect(paragraphs(tree).map((p) => ownText(p))).toEqual(['本文件匯報委員會的工作。', '委員會在 1997 年 10 月舉行了三次會議。'])
    expect(tree.meta.issuedBy).toEqual(['臨時立法會秘書處'])
  })
})
