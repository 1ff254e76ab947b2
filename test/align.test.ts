// `align`: the Chinese and English versions of a paper paired — sections, paragraphs, items — and the three output formats.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import {align, type Alignment, type AlignMessage, type ParagraphPair} from '../src/align/index.js'
import {anchorsOf, figuresOf} from '../src/align/anchors.js'
import {toJson} from '../src/align/format/json.js'
import {toMarkdown} from '../src/align/format/md.js'
import {toTmx} from '../src/align/format/tmx.js'
import {parseText} from '../src/parse.js'
import type {Paper, Position} from '../src/tree.js'
import {corpus, hasCorpus, fixture} from './helpers/tree.js'

const tree = (text: string): Paper => parseText(text).tree
const seedZh = () => tree(fixture('align/seed-zh.txt'))
const seedEn = () => tree(fixture('align/seed-en.txt'))
const shiftZh = () => tree(fixture('align/mismatch-zh.txt'))
const shiftEn = () => tree(fixture('align/mismatch-en.txt'))

const paired = (alignment: Alignment) => alignment.paragraphs.filter((pair) => pair.zh && pair.en)
const numbers = (pairs: ParagraphPair[]) => pairs.map((pair) => [pair.zh?.number ?? null, pair.en?.number ?? null])
const rules = (messages: AlignMessage[]) => messages.map((message) => message.ruleId)

/** A TMX document parsed by a conforming XML parser: throws on anything not well-formed. */
function parseXml(xml: string): {elements: {name: string; attributes: Record<string, string>; text: string}[]} {
  const parser = new SaxesParser({xmlns: true})
  const elements: {name: string; attributes: Record<string, string>; text: string}[] = []
  const open: {name: string; attributes: Record<string, string>; text: string}[] = []
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = typeof attribute === 'string' ? attribute : attribute.value
    const element = {name: tag.name, attributes, text: ''}
    elements.push(element)
    open.push(element)
  })
  parser.on('text', (text) => {
    if (open.length) open[open.length - 1]!.text += text
  })
  parser.on('closetag', () => {
    open.pop()
  })
  parser.write(xml).close()
  return {elements}
}

describe('anchors', () => {
  it('reads dates in Chinese and English forms to one token', () => {
    expect(anchorsOf('政府當局將於 2024 年 4 月 8 日的會議上')).toEqual(['date:2024-04-08'])
    expect(anchorsOf('At the meeting on 8 April 2024, the Administration')).toEqual(['date:2024-04-08', 'name:Administration'])
    expect(anchorsOf('on April 8, 2024')).toEqual(['date:2024-04-08'])
    expect(anchorsOf('２０２４年４月８日')).toEqual(['date:2024-04-08'])
    expect(anchorsOf('一九九七年一月三日')).toEqual(['date:1997-01-03'])
  })

  it('reads a month of a year, and a year in Chinese numerals', () => {
    expect(anchorsOf('經濟科在一九九七年一月向立法局')).toEqual(['month:1997-01'])
    expect(anchorsOf('in January 1997, it was mentioned')).toEqual(['month:1997-01'])
    expect(anchorsOf('於 2023 年 12 月發布')).toEqual(['month:2023-12'])
    expect(anchorsOf('在一九九五年,本港')).toEqual(['num:1995'])
    expect(anchorsOf('in 1995, Hong Kong')).toEqual(['num:1995', 'name:Hong', 'name:Kong'])
  })

  it('gives each day of a list the year printed once for the list', () => {
    const zh = anchorsOf('政府當局曾於 2023 年 2 月 13 日、3 月 20 日、11 月 13 日及 12 月 12 日舉行的會議')
    const en = anchorsOf('at the meetings on 13 February, 20 March, 13 November and 12 December 2023')
    expect(zh).toEqual(['date:2023-02-13', 'date:2023-03-20', 'date:2023-11-13', 'date:2023-12-12'])
    expect(en).toEqual(zh)
    expect(anchorsOf('on 20 March')).toEqual(['day:03-20'])
  })

  it('reads chapters, paper numbers, percentages and figures', () => {
    expect(anchorsOf('《個人資料(私隱)條例》(第 486 章)')).toEqual(['cap:486'])
    expect(anchorsOf('the Personal Data (Privacy) Ordinance (Cap. 486)')).toEqual(['name:Personal', 'name:Data', 'name:Privacy', 'name:Ordinance', 'cap:486'])
    expect(figuresOf('the Personal Data (Privacy) Ordinance (Cap. 486), six times')).toEqual(['cap:486'])
    expect(anchorsOf('載於立法會 CB(4)58/2024(03)號文件')).toEqual(['paper:CB(4)58/2024(03)'])
    expect(anchorsOf('LC Paper No. CB(4) 58/2024(03)')).toContain('paper:CB(4)58/2024(03)')
    expect(anchorsOf('上升 45%，約 10,000 人')).toEqual(['pct:45', 'num:10000'])
    expect(anchorsOf('risen by 45 per cent, about 10,000 people')).toEqual(['pct:45', 'num:10000'])
    expect(anchorsOf('《香港智慧城市藍圖 2.0》，在 6 個智慧範疇')).toEqual(['num:2.0', 'num:6'])
    expect(anchorsOf('Blueprint for Hong Kong 2.0 in 2020, under six smart areas')).toEqual(expect.arrayContaining(['num:2.0', 'num:2020', 'num:6']))
  })

  it('reads Latin-script names but not the words around them', () => {
    expect(anchorsOf('資科辦(OGCIO)與 W3C 及 5G 網絡')).toEqual(['name:OGCIO', 'name:W3C', 'name:5G'])
    expect(anchorsOf('the Government may act')).toEqual(['name:Government'])
  })
})

describe('align: the seed and an English rendering of it', () => {
  it('pairs every section, by key where the heading is standard, and by the paragraphs in it otherwise', () => {
    const alignment = align(seedZh(), seedEn())
    expect(alignment.first).toBe('zh')
    expect(alignment.sections.map((pair) => [pair.zh?.title, pair.en?.title, pair.by])).toEqual([
      ['目的', 'Purpose', 'key'],
      ['背景', 'Background', 'key'],
      ['成立“數字政策辦公室”', 'Setting up the Digital Policy Office', 'content'],
      ['推動數字政府的措施', 'Measures to promote digital government', 'content'],
      ['配合數據流通的措施', 'Measures to facilitate the flow of data', 'content'],
      ['《香港促進數據流通及保障數據安全的政策宣言》', 'Policy Statement on Facilitating Data Flow and Safeguarding Data Security in Hong Kong', 'content'],
      ['在立法會會議上提出的質詢', 'Council questions', 'key'],
      ['最新情況', 'Latest development', 'key'],
      ['相關文件', 'Relevant papers', 'key']
    ])
    expect(alignment.sections.every((pair) => pair.zh!.key === pair.en!.key)).toBe(true)
  })

  it('pairs paragraphs 1-6 and 22-24 by number, their anchors agreeing, with nothing to report', () => {
    const alignment = align(seedZh(), seedEn())
    expect(numbers(alignment.paragraphs)).toEqual(['1', '2', '3', '4', '5', '6', '22', '23', '24'].map((n) => [n, n]))
    expect(alignment.paragraphs.every((pair) => pair.by === 'number')).toBe(true)
    expect(alignment.messages).toEqual([])
    const byNumber = new Map(alignment.paragraphs.map((pair) => [pair.zh!.number, pair]))
    expect(byNumber.get('4')!.anchors).toEqual(expect.arrayContaining(['num:2020', 'num:2.0', 'num:6']))
    expect(byNumber.get('5')!.anchors).toEqual(['month:2023-12'])
    expect(byNumber.get('6')!.anchors).toEqual(['cap:486', 'cap:528'])
    expect(byNumber.get('23')!.anchors).toEqual(['date:2024-04-08'])
    expect(byNumber.get('2')!.anchors).toEqual(['num:2022', 'num:2023'])
    // Each paragraph lands in its section's pair.
    expect(alignment.sections[byNumber.get('5')!.section!]!.zh!.title).toBe('《香港促進數據流通及保障數據安全的政策宣言》')
    expect(byNumber.get('1')!.zh!.text.startsWith('本文件提供有關政府當局成立')).toBe(true)
    expect(byNumber.get('1')!.en!.text.startsWith('This paper gives background information')).toBe(true)
  })

  it('pairs items (a)-(g) of paragraph 4 by label', () => {
    const alignment = align(seedZh(), seedEn())
    const four = alignment.paragraphs.find((pair) => pair.zh?.number === '4')!
    expect(four.items.map((pair) => [pair.zh?.label, pair.en?.label, pair.by])).toEqual([...'abcdefg'].map((label) => [label, label, 'label']))
    expect(four.items[3]!.anchors).toEqual(['month:2020-09'])
    expect(four.items[0]!.zh!.text.startsWith('推動數字政府服務')).toBe(true)
    expect(four.items[0]!.en!.text.startsWith('promoting digital government services')).toBe(true)
    // A paragraph's own text leaves its items out.
    expect(four.zh!.text.endsWith('包括：')).toBe(true)
  })

  it('gives the same pairs whichever version comes first', () => {
    const forward = align(seedZh(), seedEn())
    const backward = align(seedEn(), seedZh())
    expect(backward.first).toBe('en')
    expect(backward.zh.lang).toBe('zh-Hant')
    expect(backward.en.lang).toBe('en')
    expect(numbers(backward.paragraphs)).toEqual(numbers(forward.paragraphs))
    expect(backward.sections.map((pair) => pair.zh?.title)).toEqual(forward.sections.map((pair) => pair.zh?.title))
  })

  it('pairs the header fields by name', () => {
    const alignment = align(seedZh(), seedEn())
    const title = alignment.header.find((field) => field.name === 'title')!
    expect(title).toEqual({
      name: 'title',
      zh: '有關成立“數字政策辦公室”的背景資料簡介',
      en: 'Background brief on the establishment of the Digital Policy Office'
    })
    expect(alignment.zh.paperNo).toBe(alignment.en.paperNo)
  })
})

describe('align: English numbering shifted (two unnumbered paragraphs, then 1.)', () => {
  it('pairs by anchors, never by the disagreeing numbers', () => {
    const alignment = align(shiftZh(), shiftEn())
    expect(numbers(alignment.paragraphs)).toEqual([
      ['1', null],
      ['2', null],
      ['3', '1'],
      ['4', '2'],
      [null, '3'],
      ['5', '4'],
      ['6', '5'],
      ['7', null]
    ])
    for (const pair of paired(alignment)) {
      expect(pair.by).toBe('anchors')
      expect(pair.anchors.length).toBeGreaterThan(0)
    }
    const three = alignment.paragraphs.find((pair) => pair.zh?.number === '3')!
    expect(three.anchors).toEqual(['cap:106', 'num:2021'])
  })

  it('reports each mismatch once, with the place in both versions', () => {
    const alignment = align(shiftZh(), shiftEn())
    const mismatches = alignment.messages.filter((message) => message.ruleId === 'align/number-mismatch')
    expect(mismatches).toHaveLength(6)
    for (const message of mismatches) {
      expect(message.severity).toBe('warning')
      expect(message.side).toBe('zh')
      expect(message.place).not.toBeNull()
      expect(message.other).not.toBeNull()
    }
    const three = mismatches.find((message) => message.reason.startsWith('paragraph 3 '))!
    expect(three.place!.start.line).toBe(17)
    expect(three.other!.start.line).toBe(17)
    expect(three.reason).toContain('paragraph 1 of the English version')
    const five = mismatches.find((message) => message.reason.startsWith('paragraph 5 '))!
    expect([five.place!.start.line, five.other!.start.line]).toEqual([21, 23])
  })

  it('reports the paragraphs nothing pairs as unpaired, in their own version', () => {
    const alignment = align(shiftZh(), shiftEn())
    const unpaired = alignment.messages.filter((message) => message.ruleId === 'align/unpaired')
    expect(unpaired.map((message) => [message.side, message.place!.start.line, message.reason])).toEqual([
      ['zh', 27, 'paragraph 7 has no counterpart in the English version'],
      ['en', 21, 'paragraph 3 has no counterpart in the Chinese version']
    ])
    expect(unpaired.every((message) => message.other === null)).toBe(true)
  })

  it('names the files in the messages when told them', () => {
    const alignment = align(shiftEn(), shiftZh(), {names: ['en.txt', 'zh.txt']})
    expect(alignment.en.file).toBe('en.txt')
    expect(alignment.zh.file).toBe('zh.txt')
    const message = alignment.messages.find((m) => m.ruleId === 'align/number-mismatch' && m.reason.startsWith('paragraph 1 '))!
    expect(message.side).toBe('en')
    expect(message.reason).toContain('paragraph 3 of zh.txt:17:1')
  })

  it('follows the shift that anchored pairs show to the paragraphs between them, rather than the printed numbers', () => {
    const zh = tree(
      [
        '1. 政府於 2008 年推出計劃。',
        '2. 計劃涵蓋所有政府場地。',
        '3. 營辦商須遵守《電訊條例》(第 106 章)。',
        '4. 政府會定期檢討計劃。',
        '5. 市民反應正面。',
        '6. 政府會繼續推廣計劃。'
      ].join('\n\n')
    )
    const en = tree(
      [
        'The Government launched the programme in 2008.',
        '1. The programme covers all government venues.',
        '2. Operators must comply with the Telecommunications Ordinance (Cap. 106).',
        '3. The Government will review the programme regularly.',
        '4. The public response has been positive.',
        '5. The Government will continue to promote the programme.'
      ].join('\n\n')
    )
    const alignment = align(zh, en)
    // Printed numbers would pair 4 with 4 and 5 with 5: the wrong paragraphs.
    expect(numbers(alignment.paragraphs)).toEqual([
      ['1', null],
      ['2', '1'],
      ['3', '2'],
      ['4', '3'],
      ['5', '4'],
      ['6', '5']
    ])
    expect(alignment.paragraphs.map((pair) => pair.by)).toEqual(['anchors', 'number', 'anchors', 'number', 'number', 'number'])
    expect(rules(alignment.messages)).toEqual(Array(6).fill('align/number-mismatch'))
    expect(alignment.messages[3]!.reason).toBe(
      'paragraph 4 pairs with paragraph 3 of the English version (line 7, column 1): the numbering differs by 1 here, as in the pairs around it that share figures or names'
    )
  })

  it('trusts no number between anchored pairs whose shifts disagree', () => {
    // The English drops a paragraph somewhere between 2 and 5: which one, nothing tells.
    const zh = tree(['1. 於 2001 年。', '2. 於 2002 年。', '3. 甲。', '4. 乙。', '5. 於 2005 年。'].join('\n\n'))
    const en = tree(['1. In 2001.', '2. In 2002.', '3. B.', '4. In 2005.'].join('\n\n'))
    const alignment = align(zh, en)
    expect(numbers(alignment.paragraphs)).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', null],
      ['4', null],
      [null, '3'],
      ['5', '4']
    ])
    expect(rules(alignment.messages).filter((rule) => rule === 'align/unpaired')).toHaveLength(3)
  })

  it('leaves paragraphs with nothing to pair them by unpaired, numbers disagreeing', () => {
    const zh = tree('1. 第一段。\n\n2. 第二段。\n\n3. 第三段。\n')
    const en = tree('First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n')
    const alignment = align(zh, en)
    expect(paired(alignment)).toEqual([])
    expect(alignment.paragraphs).toHaveLength(6)
    expect(rules(alignment.messages).filter((rule) => rule === 'align/unpaired')).toHaveLength(6)
    expect(rules(alignment.messages)).toContain('align/nothing-paired')
  })

  it('does not pair by a figure every paragraph prints', () => {
    const zh = tree('1. 2024 年的計劃。\n\n2. 2024 年的預算。\n')
    const en = tree('The plan for 2024.\n\nOther matters.\n\nThe budget for 2024.\n')
    const alignment = align(zh, en)
    // "2024" is in every Chinese paragraph and two English ones: it tells none apart.
    expect(paired(alignment)).toEqual([])
    expect(numbers(alignment.paragraphs)).toHaveLength(5)
  })

  it('warns when paragraphs pair by number but share none of their figures', () => {
    const zh = tree('1. 於 2020 年推出。\n\n2. 於 2021 年檢討。\n')
    const en = tree('1. Launched in 2020.\n\n2. Reviewed in 1999.\n')
    const alignment = align(zh, en)
    expect(numbers(alignment.paragraphs)).toEqual([
      ['1', '1'],
      ['2', '2']
    ])
    expect(rules(alignment.messages)).toEqual(['align/anchor-mismatch'])
  })
})

describe('align: never a silent wrong pair', () => {
  // The English rendering of the seed, changed as translations go wrong: a paragraph dropped (numbers kept, or the
  // rest renumbered), a paragraph added (the rest renumbered). Every pair the alignment makes must be the right one or
  // be reported. Paragraph 4 is left alone: without its lead-in, its items stand as a paragraph of their own.
  const zh = seedZh()
  const blocks = fixture('align/seed-en.txt').split('\n\n')
  const numberOf = (block: string) => /^(\d+)\. /.exec(block)?.[1] ?? null
  const renumber = (list: string[], from: number, by: number) =>
    list.map((block) => {
      const n = numberOf(block)
      return n !== null && Number(n) >= from ? block.replace(/^\d+\. /, `${Number(n) + by}. `) : block
    })
  const truth = new Map<string, string>()
  for (const block of blocks) {
    const n = numberOf(block) ?? (block.startsWith('This paper gives') ? '1' : null)
    if (n) truth.set(block.replace(/^\d+\. /, '').slice(0, 40), n)
  }
  const variants: [string, string[]][] = []
  for (const n of ['2', '3', '5', '6', '22', '23', '24']) {
    const without = blocks.filter((block) => numberOf(block) !== n)
    variants.push([`paragraph ${n} dropped`, without], [`paragraph ${n} dropped, the rest renumbered`, renumber(without, Number(n) + 1, -1)])
    const at = blocks.findIndex((block) => numberOf(block) === n)
    const added = [
      ...blocks.slice(0, at + 1),
      `${Number(n) + 1}. A paragraph the Chinese version does not have.`,
      ...renumber(blocks.slice(at + 1), Number(n) + 1, 1)
    ]
    variants.push([`a paragraph added after ${n}`, added])
  }
  variants.push(['paragraph 2 unnumbered, the rest renumbered', renumber(blocks, 3, -1).map((block) => block.replace(/^2\. (?=The Hong Kong)/, ''))])

  it.each(variants)('%s', (_name, variant) => {
    const alignment = align(zh, tree(variant.join('\n\n')))
    for (const pair of paired(alignment)) {
      const right = truth.get(pair.en!.text.slice(0, 40)) === pair.zh!.number
      const reported = alignment.messages.some((message) => message.place?.start.offset === pair.zh!.position.start.offset && message.other !== null)
      expect(right || reported, `${pair.zh!.number} paired with English "${pair.en!.text.slice(0, 30)}…"`).toBe(true)
    }
    // Whatever nothing pairs is reported as unpaired.
    const unpaired = alignment.paragraphs.filter((pair) => !pair.zh || !pair.en)
    expect(alignment.messages.filter((message) => message.ruleId === 'align/unpaired' && message.reason.includes('paragraph'))).toHaveLength(unpaired.length)
  })
})

describe('align: items', () => {
  it('pairs items by label, reports an item missing from one version', () => {
    const zh = tree('1. 措施包括：\n\n(a) 於 2020 年推出；\n\n(b) 於 2021 年推出；及\n\n(c) 於 2022 年推出。\n')
    const en = tree('1. The measures include:\n\n(a) launched in 2020; and\n\n(b) launched in 2022.\n')
    const alignment = align(zh, en)
    const items = alignment.paragraphs[0]!.items
    expect(items.map((pair) => [pair.zh?.label ?? null, pair.en?.label ?? null])).toEqual([
      ['a', 'a'],
      ['b', null],
      ['c', 'b']
    ])
    // (b) is missing from the English; the English (b) is the Chinese (c), by its year.
    expect(rules(alignment.messages)).toEqual(['align/unpaired', 'align/label-mismatch'])
    expect(alignment.messages[1]!.reason).toBe('item (c) pairs with item (b) of the English version (line 5, column 1) by shared 2022; the labels differ')
  })
})

describe.skipIf(!hasCorpus)('align: the corpus pair, numbered differently in the two languages', () => {
  const zhPath = join(corpus, 'text/zh_plc-ip2609-2-1997_admin.txt')
  const enPath = join(corpus, 'text/en_plc-ip2609-2-1997_admin.txt')
  const present = existsSync(zhPath) && existsSync(enPath)

  it.skipIf(!present)('pairs what it can, reports every pair no anchor confirms, and the rest as unpaired', () => {
    const alignment = align(tree(readFileSync(zhPath, 'utf8')), tree(readFileSync(enPath, 'utf8')))
    const samePlace = (a: Position | null, b: Position) => a !== null && a.start.offset === b.start.offset
    for (const pair of paired(alignment)) {
      const reported = alignment.messages.some((message) => samePlace(message.place, pair.zh!.position) && samePlace(message.other, pair.en!.position))
      expect(pair.anchors.length > 0 || reported).toBe(true)
      // The numbers disagree in every pair here, and each is reported.
      expect(reported).toBe(true)
    }
    // 引言 1 ↔ "In a paper … January 1997 … March 1997"; 2 ↔ "… In 1995 … over 100 …"; 3 ↔ "1. Although …" (last of one pair of sections).
    expect(numbers(alignment.paragraphs)).toEqual([
      ['1', null],
      ['2', null],
      ['3', '1'],
      ['4', null]
    ])
    expect(alignment.paragraphs.map((pair) => pair.by)).toEqual(['anchors', 'anchors', 'position', null])
    expect(alignment.paragraphs[0]!.anchors).toEqual(['month:1997-01', 'month:1997-03'])
    expect(alignment.paragraphs[1]!.anchors).toEqual(['num:1995', 'num:3', 'num:100'])
    expect(paired(alignment)).toHaveLength(3)
    expect(alignment.paragraphs.filter((pair) => !pair.zh || !pair.en)).toHaveLength(1)
    expect(alignment.sections.map((pair) => pair.by)).toEqual(['key', 'content', null])
    expect(rules(alignment.messages)).toEqual(['align/number-mismatch', 'align/number-mismatch', 'align/number-mismatch', 'align/unpaired', 'align/unpaired'])
  })
})

describe('formats', () => {
  it('TMX: well-formed XML, one unit per paired paragraph and item (and title, fields, headings, signature), source language first', () => {
    const alignment = align(seedZh(), seedEn())
    const {elements} = parseXml(toTmx(alignment))
    const header = elements.find((element) => element.name === 'header')!
    expect(header.attributes).toMatchObject({
      creationtool: 'legco',
      srclang: 'zh-Hant',
      segtype: 'paragraph',
      datatype: 'plaintext',
      adminlang: 'en',
      'o-tmf': 'legco'
    })
    expect(elements[0]!.name).toBe('tmx')
    expect(elements[0]!.attributes.version).toBe('1.4')
    const units = elements.filter((element) => element.name === 'tu')
    const kinds = elements.filter((element) => element.name === 'prop' && element.attributes.type === 'x-legco-unit').map((element) => element.text)
    expect(kinds.filter((kind) => kind.startsWith('paragraph'))).toHaveLength(9 + 7)
    const tuvs = elements.filter((element) => element.name === 'tuv').map((element) => element.attributes['xml:lang'])
    expect(tuvs).toHaveLength(2 * units.length)
    expect(tuvs.slice(0, 2)).toEqual(['zh-Hant', 'en'])
    const segs = elements.filter((element) => element.name === 'seg').map((element) => element.text)
    const first = kinds.indexOf('paragraph 1')
    expect(segs[2 * first]!.startsWith('本文件提供')).toBe(true)
    expect(segs[2 * first + 1]!.startsWith('This paper gives')).toBe(true)

    const backward = parseXml(toTmx(align(seedEn(), seedZh()))).elements
    expect(backward.find((element) => element.name === 'header')!.attributes.srclang).toBe('en')
  })

  it('TMX: escapes markup and drops characters XML cannot hold', () => {
    const zh = tree('1. 條款 <a> & “b” 於 2020 年\u0001生效。\n')
    const en = tree('1. Clause <a> & "b" took effect in 2020\u0001.\n')
    const xml = toTmx(align(zh, en))
    const segs = parseXml(xml).elements.filter((element) => element.name === 'seg')
    expect(segs.map((seg) => seg.text)).toEqual(['條款 <a> & “b” 於 2020 年生效。', 'Clause <a> & "b" took effect in 2020.'])
    expect(xml).toContain('&lt;a&gt; &amp;')
  })

  it('JSON: every pair carries both texts and both positions', () => {
    const data = JSON.parse(toJson(align(shiftZh(), shiftEn()))) as Alignment
    for (const pair of data.paragraphs) {
      for (const side of [pair.zh, pair.en]) {
        if (!side) continue
        expect(typeof side.text).toBe('string')
        expect(side.position.start.line).toBeGreaterThan(0)
        expect(side.position.end.offset).toBeGreaterThan(side.position.start.offset)
      }
    }
    const three = data.paragraphs.find((pair) => pair.zh?.number === '3')!
    expect(three.en!.number).toBe('1')
    expect(three.zh!.position.start).toEqual({line: 17, column: 1, offset: expect.any(Number)})
    expect(three.en!.position.start).toEqual({line: 17, column: 1, offset: expect.any(Number)})
    expect(data.messages.length).toBe(8)
  })

  it('Markdown: one two-column table per section that holds paragraphs, pipes escaped', () => {
    const alignment = align(seedZh(), seedEn())
    const md = toMarkdown(alignment)
    const tables = md.split('\n').filter((line) => line.startsWith('| 中文 | English |'))
    const holding = new Set(alignment.paragraphs.map((pair) => pair.section))
    expect(tables).toHaveLength(holding.size)
    expect(tables).toHaveLength(7)
    expect(md).toContain('\n## 目的 / Purpose\n')
    expect(md).toContain('\n#### 《香港促進數據流通及保障數據安全的政策宣言》 / Policy Statement on Facilitating Data Flow')
    expect(md).toContain('| (a) 推動數字政府服務：')
    for (const line of md.split('\n').filter((line) => line.startsWith('|'))) expect(line.split(/(?<!\\)\|/).length).toBe(4)

    const piped = toMarkdown(align(tree('目的\n\n1. 甲|乙，2020 年。\n'), tree('Purpose\n\n1. A|B, 2020.\n')))
    expect(piped).toContain('| 1. 甲\\|乙，2020 年。 | 1. A\\|B, 2020. |')
    expect(toMarkdown(align(seedEn(), seedZh()))).toContain('| English | 中文 |')
  })
})

describe('align: many paragraphs numbered alike (issue 10)', () => {
  // 60 paragraphs all numbered `1.`, each with its own figure: more than are paired all with all, so each is
  // paired with those near it in rank; the figures must still pair the n-th with the n-th, and a dropped
  // paragraph must leave its partner unpaired, not shift the rest.
  const zhText = (skip: number) => Array.from({length: 60}, (_, i) => (i === skip ? '' : `1. 撥款 ${1000 + i * 7} 元。\n\n`)).join('')
  const enText = Array.from({length: 60}, (_, i) => `1. Funding of $${1000 + i * 7}.\n\n`).join('')

  it('pairs the n-th with the n-th by their figures', () => {
    const pairs = paired(align(tree(zhText(-1)), tree(enText)))
    expect(pairs.length).toBe(60)
    for (const pair of pairs) expect(pair.zh!.text.match(/\d{4}/)![0]).toBe(pair.en!.text.match(/\d{4}/)![0])
  })

  it('leaves the partner of a dropped paragraph alone', () => {
    const alignment = align(tree(zhText(30)), tree(enText))
    const pairs = paired(alignment)
    expect(pairs.length).toBe(59)
    for (const pair of pairs) expect(pair.zh!.text.match(/\d{4}/)![0]).toBe(pair.en!.text.match(/\d{4}/)![0])
    expect(alignment.paragraphs.filter((pair) => !pair.zh).map((pair) => pair.en!.text)).toEqual(['Funding of $1210.'])
  })
})
