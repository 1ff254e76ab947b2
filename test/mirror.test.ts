// Text whose layout a web mirror of LegCo's pages flattened (src/normalise/flattened.ts): a header run together on the
// first line, one sentence a block, items run inline. Each repair is asserted on a fixture of its own, and each guard on
// a text it must leave alone.
import {describe, expect, it} from 'vitest'
import {opensQuotation} from '../src/lang/chars.js'
import {COMMITTEE_PAPER_LINE, COUNCIL_LEAD} from '../src/lang/header.js'
import {openingHeadingIn} from '../src/lang/headings.js'
import {FILE_REF_LEAD, PAPER_NUMBER_LEAD} from '../src/lang/papers.js'
import {parseText} from '../src/parse.js'
import type {Field, Header, Paper, Paragraph, Signature, Table} from '../src/tree.js'
import {all, firstInferred, fixture, items, numbering, ownText, paragraphs, positionErrors, schemaErrors, sections, seed, unaccounted} from './helpers/tree.js'

const parse = (input: string) => parseText(input).tree
const fields = (tree: Paper) => (tree.children[0]?.type === 'header' ? (tree.children[0] as Header).children : []) as Field[]
const numbers = (tree: Paper) => paragraphs(tree).map((p) => p.number)
/** The printed blocks of a paragraph: its text nodes. */
const blocks = (paragraph: Paragraph) => paragraph.children.flatMap((child) => (child.type === 'text' ? [child.value] : []))
/** The source of a node, as its position points to it. */
const source = (input: string, node: {position?: {start: {offset?: number}; end: {offset?: number}}}) =>
  input.slice(node.position!.start.offset, node.position!.end.offset)

describe('a header run together on the first line (mirror-header-run.txt)', () => {
  const input = fixture('mirror-header-run.txt')
  const tree = parse(input)

  it('is cut into the header lines a reader sees, each pointing at its words in the line', () => {
    expect(fields(tree).map((field) => [field.name, field.value])).toEqual([
      ['council', '立法會Legislative Council'],
      ['paperNo', '立法會CB(4)512/23-24號文件'],
      ['fileRef', '檔號:CB4/SS/7/23'],
      ['committee', '內務委員會文件'],
      ['title', '有關修訂噪音管制規例的小組委員會報告']
    ])
    for (const field of fields(tree)) expect(source(input, field)).toBe(field.value)
  })

  it('gives meta: the paper number, file reference, the committee the paper is for, the title', () => {
    expect(tree.meta).toMatchObject({
      paperNo: 'CB(4)512/23-24',
      fileRef: 'CB4/SS/7/23',
      committee: '內務委員會',
      title: '有關修訂噪音管制規例的小組委員會報告',
      kind: 'report'
    })
  })

  it('then the first heading and the first paragraph (inferred 1: numbering goes on with 2.)', () => {
    expect(sections(tree).map((section) => [section.title, section.key])).toEqual([
      ['目的', 'purpose'],
      ['背景', 'background']
    ])
    expect(numbering(tree)).toEqual(firstInferred(3))
    expect(ownText(paragraphs(tree)[0]!)).toBe('本文件匯報有關修訂噪音管制規例的小組委員會的商議工作。')
    expect(source(input, sections(tree)[0]!).startsWith('目的本文件')).toBe(true)
  })

  it('a title that holds a heading word (`背景資料簡介`) ends at the heading after it', () => {
    const run = parse('立法會CB(1)9/24-25號文件檔號:CB1/PL/ITB內務委員會文件有關數碼港的背景資料簡介目的本文件提供背景資料。\n\n2. 數碼港於2004年落成。\n')
    expect(run.meta.title).toBe('有關數碼港的背景資料簡介')
    expect(sections(run).map((section) => section.title)).toEqual(['目的'])
  })

  it('leaves header lines alone that are not run together', () => {
    for (const first of ['立法會 CB(1)369/2024(05)號文件', 'Legislative Council Panel on Transport', '立法會 Legislative Council']) {
      const tree = parse(`${first}\n\n目的\n\n本文件提供資料。\n`)
      expect(fields(tree)[0]!.value).toBe(first)
    }
  })

  it('leaves a first line alone that only starts like a header (no paper number or file reference in the run)', () => {
    const input = '立法會Legislative Council內務委員會文件目的本文件提供資料。\n'
    expect(fields(parse(input)).map((field) => field.value)).not.toContain('內務委員會文件')
  })
})

describe('one sentence a block (mirror-sentences.txt)', () => {
  const input = fixture('mirror-sentences.txt')
  const tree = parse(input)

  it('joins the unnumbered sentences after a numbered paragraph to it, as one block, with no space in Chinese', () => {
    expect(numbering(tree)).toEqual(firstInferred(4))
    expect(paragraphs(tree).map(blocks)).toEqual([
      ['本文件載述小組委員會的商議工作。小組委員會已完成審議。'],
      ['政府於2024年5月公布建議。建議涵蓋三個範疇。當局其後諮詢了相關團體。'],
      ['小組委員會共舉行四次會議。委員亦參觀了有關設施。'],
      ['小組委員會支持有關建議。']
    ])
  })

  it('the joined paragraph covers all its sentences in the source', () => {
    const second = paragraphs(tree)[1]!
    expect(source(input, second).startsWith('2. 政府於')).toBe(true)
    expect(source(input, second).endsWith('當局其後諮詢了相關團體。')).toBe(true)
  })

  it('an English paper flattened the same way is joined with one space', () => {
    const en = [
      'LC Paper No. CB(4)77/24-25',
      'Purpose',
      '1. This paper reports on the deliberations of the Subcommittee.',
      'The Subcommittee has completed its work.',
      'Background',
      '2. The Administration published the proposal in May 2024.',
      'The proposal covers three areas.',
      '3. The Subcommittee held four meetings.',
      'Members also visited the facilities.',
      '4. The Subcommittee supports the proposal.'
    ].join('\n\n')
    const tree = parse(`${en}\n`)
    expect(numbers(tree)).toEqual(['1', '2', '3', '4'])
    expect(blocks(paragraphs(tree)[1]!)).toEqual(['The Administration published the proposal in May 2024. The proposal covers three areas.'])
  })

  it('leaves a paper alone whose unnumbered paragraphs are its own (paragraphs of several sentences)', () => {
    const ordinary = [
      '立法會CB(4)77/24-25號文件',
      '1. 本文件載述小組委員會的商議工作。委員會共舉行四次會議。',
      '委員會的結論載於下文。各委員均表支持。',
      '2. 政府於2024年5月公布建議。建議涵蓋三個範疇。',
      '當局表示會再作研究。當局亦會諮詢業界。',
      '3. 委員會支持建議。委員亦提出意見。',
      '委員會建議當局盡快推行。推行日期待定。'
    ].join('\n\n')
    // Each block stays a block of its own: the paragraph's text nodes, as printed.
    expect(paragraphs(parse(`${ordinary}\n`)).map(blocks)).toEqual([
      ['本文件載述小組委員會的商議工作。委員會共舉行四次會議。', '委員會的結論載於下文。各委員均表支持。'],
      ['政府於2024年5月公布建議。建議涵蓋三個範疇。', '當局表示會再作研究。當局亦會諮詢業界。'],
      ['委員會支持建議。委員亦提出意見。', '委員會建議當局盡快推行。推行日期待定。']
    ])
  })

  it('leaves a paper alone where one numbered paragraph only is followed by an unnumbered sentence', () => {
    const ordinary = [
      '立法會CB(4)77/24-25號文件',
      '1. 本文件載述小組委員會的商議工作。',
      '2. 政府於2024年5月公布建議。',
      '3. 委員會共舉行四次會議。',
      '4. 委員會支持建議。',
      '5. 委員會建議當局盡快推行。',
      '委員會亦建議當局諮詢公眾。'
    ].join('\n\n')
    expect(blocks(paragraphs(parse(`${ordinary}\n`))[4]!)).toEqual(['委員會建議當局盡快推行。', '委員會亦建議當局諮詢公眾。'])
  })
})

describe('items run inline after a lead-in (mirror-inline-items.txt)', () => {
  const input = fixture('mirror-inline-items.txt')
  const tree = parse(input)
  const second = paragraphs(tree)[1]!

  it('the lead-in stays the paragraph text; each item keeps its trailing punctuation, `及` with the item before', () => {
    expect(ownText(second)).toBe('當局提交的修訂規例是⎯⎯')
    expect(items(second).map((item) => [item.label, item.style, ownText(item)])).toEqual([
      ['a', 'lower-alpha', '《2024年道路交通(修訂)規例》;'],
      ['b', 'lower-alpha', '《2024年汽車(首次登記稅)(修訂)規例》;及'],
      ['c', 'lower-alpha', '《2024年收費隧道(修訂)規例》。']
    ])
    for (const item of items(second)) expect(source(input, item)).toBe(`(${item.label}) ${ownText(item)}`)
  })

  it('points run on inside a sentence with no dash or colon before them stay text', () => {
    const third = paragraphs(tree)[2]!
    expect(items(third)).toEqual([])
    expect(ownText(third)).toBe('委員會的工作包括要（1）聽取意見（2）審議條文（3）提交報告。')
  })

  it('after a colon, roman labels and `; and` in English', () => {
    const tree = parse('1. The amendments are: (i) the Road Traffic Regulation; (ii) the Motor Vehicles Regulation; and (iii) the Tunnels Regulation.\n')
    expect(ownText(paragraphs(tree)[0]!)).toBe('The amendments are:')
    expect(items(tree).map((item) => [item.label, item.style, ownText(item)])).toEqual([
      ['i', 'lower-roman', 'the Road Traffic Regulation;'],
      ['ii', 'lower-roman', 'the Motor Vehicles Regulation; and'],
      ['iii', 'lower-roman', 'the Tunnels Regulation.']
    ])
  })

  it('not inside a quotation: an amendment quoted in an agenda keeps its points as printed', () => {
    const line =
      '(i) Hon A to move the following amendment: To add “; the measures include: (1) to review fees; (2) to train staff; and (3) to report” after “Government”.'
    const tree = parse(`${line}\n`)
    expect(items(tree).map((item) => item.label)).toEqual(['i'])
    expect(ownText(items(tree)[0]!)).toBe(line.slice(4))
  })

  it('not two items, labels out of sequence, or items not parted by a semicolon', () => {
    for (const line of [
      '1. 修訂命令是⎯⎯(a) 《甲令》;及(b) 《乙令》。',
      '1. 修訂命令是⎯⎯(a) 《甲令》;(c) 《乙令》;(d) 《丙令》。',
      '1. 修訂命令是：(a) 《甲令》，(b) 《乙令》，(c) 《丙令》。'
    ]) {
      const tree = parse(`${line}\n`)
      expect(items(tree)).toEqual([])
      expect(ownText(paragraphs(tree)[0]!)).toBe(line.slice(3))
    }
  })
})

describe('the seed flattened as a web mirror does it (each sentence a block)', () => {
  const squash = (value: string) => value.replace(/\s+/g, '')
  const structure = (tree: Paper) => ({
    meta: {...tree.meta, title: tree.meta.title && squash(tree.meta.title)},
    sections: sections(tree).map((section) => [section.depth, squash(section.title)]),
    // The words of each printed block: a paragraph's sentences are one block again.
    paragraphs: paragraphs(tree).map((paragraph) => [paragraph.number, paragraph.inferred ?? false, blocks(paragraph).map(squash)]),
    items: items(tree).map((item) => [item.label, squash(ownText(item))]),
    signature: all<Signature>(tree, 'signature').map((s) => s.children.map((t) => squash(t.value))),
    tables: all<Table>(tree, 'table').map((table) => table.children.length)
  })
  /** Every paragraph line cut after each of its sentences, a blank line between (items and table rows as they were). */
  const flatten = (text: string) =>
    text
      .split('\n')
      .map((line) => (/^[-|]/.test(line) ? line : line.replace(/。(?=.)/g, '。\n\n')))
      .join('\n')

  it('gives the structure of the clean seed', () => {
    const damaged = flatten(seed)
    expect(damaged.split('\n').length).toBeGreaterThan(seed.split('\n').length + 30)
    const tree = parse(damaged)
    expect(structure(tree)).toEqual(structure(parse(seed)))
    expect(unaccounted(damaged, tree)).toEqual([])
    expect(positionErrors(damaged, tree)).toEqual([])
    expect(schemaErrors(tree)).toEqual([])
  })
})

describe('the tables the repairs read (src/lang/)', () => {
  const lead = (pattern: RegExp, text: string, at = 0) => {
    pattern.lastIndex = at
    return pattern.exec(text)?.[0] ?? null
  }

  it('header lines at the start of a longer line', () => {
    expect(lead(COUNCIL_LEAD, '立法會Legislative Council立法會CB(2)1/09-10號文件')).toBe('立法會Legislative Council')
    // The `立法會` of the paper number after it is not more of the council line.
    expect(lead(COUNCIL_LEAD, 'Legislative Council立法會CB(2)1/09-10號文件')).toBe('Legislative Council')
    expect(lead(PAPER_NUMBER_LEAD, 'x立法會CB(2)1218/09-10號文件檔號', 1)).toBe('立法會CB(2)1218/09-10號文件')
    expect(lead(FILE_REF_LEAD, '檔號:CB2/SS/2/09內務委員會文件')).toBe('檔號:CB2/SS/2/09')
    expect(lead(FILE_REF_LEAD, 'Ref: CB2/T/1Paper for the House Committee')).toBe('Ref: CB2/T/1')
    expect(COMMITTEE_PAPER_LINE.exec('內務委員會文件')?.[1]).toBe('內務委員會')
    expect(COMMITTEE_PAPER_LINE.test('財務委員會討論文件')).toBe(false)
  })

  it("the body's first heading in a title run into it", () => {
    const text = '有關數碼港的背景資料簡介目的本文件提供資料。'
    expect(openingHeadingIn(text)).toEqual({start: text.indexOf('目的'), end: text.indexOf('目的') + 2})
    expect(openingHeadingIn('有關數碼港的背景資料簡介')).toBeNull()
    expect(openingHeadingIn('Report of the Subcommittee Purpose This paper reports on it.')?.start).toBe(27)
  })

  it('an open quotation', () => {
    expect(opensQuotation('to substitute with “; the measures include:')).toBe(true)
    expect(opensQuotation('to add “and” after “Kong”; the measures include:')).toBe(false)
    expect(opensQuotation('該等「修訂」命令是⎯⎯')).toBe(false)
  })
})
