// The seed as it reaches people: wrapped, paginated, full-width, CRLF, Big5, GB18030.
// Each damaged copy must give the structure of the clean one.
import {describe, expect, it} from 'vitest'
import iconv from 'iconv-lite'
import {parseText} from '../src/parse.js'
import {decode} from '../src/read/decode.js'
import type {Paper, Person, Signature, Table, Text} from '../src/tree.js'
import {all, fixture, items, numbering, ownText, paragraphs, positionErrors, schemaErrors, sections, seed, unaccounted} from './helpers/tree.js'
import {crlf, fold, fullWidthNumbering, paginate, wrap} from './helpers/damage.js'

const squash = (value: string) => value.replace(/\s+/g, '')

/** What a reader sees, whitespace aside: numbers, labels, titles, words. */
function structure(tree: Paper) {
  return {
    meta: {...tree.meta, issuedBy: tree.meta.issuedBy.map(squash), title: tree.meta.title && squash(tree.meta.title)},
    sections: sections(tree).map((section) => [section.depth, squash(section.title)]),
    paragraphs: paragraphs(tree).map((paragraph) => [paragraph.number, paragraph.inferred ?? false, squash(ownText(paragraph))]),
    items: items(tree).map((item) => [item.label, squash(ownText(item))]),
    signature: all<Signature>(tree, 'signature').map((s) => s.children.map((t) => squash(t.value))),
    tables: all<Table>(tree, 'table').map((table) => table.children.length)
  }
}

const clean = structure(parseText(seed).tree)

function check(damaged: string) {
  const {tree} = parseText(damaged)
  expect(structure(tree)).toEqual(clean)
  expect(unaccounted(damaged, tree)).toEqual([])
  expect(positionErrors(damaged, tree)).toEqual([])
  expect(schemaErrors(tree)).toEqual([])
  return tree
}

describe('the seed, damaged', () => {
  it('is the clean structure we compare against', () => {
    expect(clean.paragraphs).toHaveLength(24)
    expect(clean.items).toHaveLength(7)
  })

  // At 28 cells the wrap cuts header lines too (`…號文` / `件`, `…事務委員` / `會`, `…舉行的` / `會議`) and a signature line.
  for (const width of [28, 30, 38, 46, 80]) {
    it(`wrapped at ${width} cells`, () => {
      const damaged = wrap(seed, width)
      expect(damaged.split('\n').length).toBeGreaterThan(seed.split('\n').length + 40)
      check(damaged)
    })
  }

  it('wrapped, with no blank line anywhere (extraction that keeps none): two headings in a row, two tables in a row', () => {
    const damaged = wrap(seed, 36)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n')
    check(damaged)
  })

  it('wrapped, with page numbers and a running header every 20 lines', () => {
    const damaged = paginate(wrap(seed, 38), 20, '立法會 CB(1)369/2024(05)號文件')
    const tree = check(damaged)
    expect(tree.furniture.filter((f) => f.kind === 'page-number').length).toBeGreaterThan(3)
    expect(tree.furniture.filter((f) => f.kind === 'running-header').length).toBeGreaterThan(3)
  })

  it('wrapped, with page furniture and no blank lines around it', () => {
    check(paginate(wrap(seed, 40), 17, '資訊科技及廣播事務委員會文件', false))
  })

  it('wrapped, with a running header and a bare page number under it, and bare numbers between blank lines', () => {
    const lines = wrap(seed, 36).split('\n')
    const withHeader: string[] = []
    const bare: string[] = []
    lines.forEach((line, i) => {
      withHeader.push(line)
      bare.push(line)
      if ((i + 1) % 20 === 0 && i < lines.length - 1) {
        withHeader.push('', 'CB(1)369/2024(05)', String((i + 1) / 20 + 1), '')
        bare.push('', String((i + 1) / 20 + 1), '')
      }
    })
    const tree = check(withHeader.join('\n'))
    expect(tree.furniture.filter((f) => f.kind === 'page-number').length).toBeGreaterThan(5)
    check(bare.join('\n'))
  })

  for (const width of [40, 60]) {
    it(`folded naively at ${width} cells, table rows cut inside their cells`, () => {
      const {tree} = parseText(fold(seed, width))
      const cells = (t: Paper) =>
        all<Table>(t, 'table').map((table) =>
          table.children.map((row) =>
            row.children.map((cell) =>
              cell.children
                .map((c) => (c.type === 'text' ? c.value : ''))
                .join('')
                .replace(/\s+/g, '')
            )
          )
        )
      expect(cells(tree)).toEqual(cells(parseText(seed).tree))
      expect(structure(tree).paragraphs.map((p) => p[0])).toEqual(clean.paragraphs.map((p) => p[0]))
    })
  }

  it('with full-width paragraph and item numbering', () => {
    const damaged = fullWidthNumbering(seed)
    expect(damaged).toContain('２．')
    expect(damaged).toContain('（ａ）')
    check(damaged)
  })

  it('with CRLF line ends', () => {
    const damaged = crlf(seed)
    const tree = check(damaged)
    // Positions count the CR: paragraph 2 starts where the CRLF text has it.
    const two = paragraphs(tree)[1]!
    expect(two.position.start.offset).toBe(damaged.indexOf('2. 政府當局'))
  })

  it('wrapped, paginated, full-width and CRLF at once', () => {
    check(crlf(paginate(wrap(fullWidthNumbering(seed), 36), 25, 'CB(1)369/2024(05)')))
  })

  for (const encoding of ['big5', 'gb18030'] as const) {
    it(`encoded as ${encoding}`, () => {
      const bytes = iconv.encode(seed, encoding)
      const decoded = decode(bytes)
      expect(decoded.ok && decoded.encoding).toBe(encoding)
      if (!decoded.ok) return
      const {tree} = parseText(decoded.text)
      expect(structure(tree)).toEqual(structure(parseText(iconv.decode(bytes, encoding)).tree))
      expect(structure(tree).paragraphs.map((p) => p[0])).toEqual(clean.paragraphs.map((p) => p[0]))
      expect(structure(tree).sections).toEqual(clean.sections)
    })
  }
})

describe('the seed over a sweep of page widths and page lengths', () => {
  // Page breaks fall anywhere here: inside paragraphs, items, tables, wrapped headings.
  for (const width of [30, 36, 40, 44, 50, 60, 72, 90]) {
    for (const every of [0, 21, 31, 43]) {
      it(`wrapped at ${width}, page every ${every || 'never'}`, () => {
        const text = every ? paginate(wrap(seed, width), every, '立法會 CB(1)369/2024(05)號文件') : wrap(seed, width)
        expect(structure(parseText(text).tree)).toEqual(clean)
      })
    }
  }
})

describe('the seed folded naively (table rows cut too) over a sweep of widths and page lengths', () => {
  // A cut at the tab before a row's last cell, a row the page parts from the rest of its table, a numeral cut in two (`第II` + `I項`).
  const cells = (t: Paper) => all<Table>(t, 'table').map((table) => table.children.map((row) => row.children.map((cell) => squash(ownText(cell)))))
  const cleanCells = cells(parseText(seed).tree)
  for (const width of [42, 48, 54, 66, 78, 100]) {
    for (const every of [0, 23, 37]) {
      it(`folded at ${width}, page every ${every || 'never'}`, () => {
        const text = every ? paginate(fold(seed, width), every, '立法會 CB(1)369/2024(05)號文件') : fold(seed, width)
        const {tree} = parseText(text)
        expect(cells(tree)).toEqual(cleanCells)
        expect(structure(tree)).toEqual(clean)
        expect(unaccounted(text, tree)).toEqual([])
      })
    }
  }
})

describe('an English paper, damaged (fixtures/align/seed-en.txt)', () => {
  const english = fixture('align/seed-en.txt')
  const cleanEnglish = structure(parseText(english).tree)
  it('is a clean structure to compare against', () => {
    expect(cleanEnglish.paragraphs.map((p) => p[0])).toEqual(['1', '2', '3', '4', '5', '6', '22', '23', '24'])
  })
  for (const width of [60, 75, 90, 110]) {
    for (const every of [0, 23, 41]) {
      it(`wrapped at ${width}, page every ${every || 'never'}, furniture with and without blank lines`, () => {
        const wrapped = wrap(english, width)
        expect(structure(parseText(every ? paginate(wrapped, every, 'LC Paper No. CB(1)369/2024(05)') : wrapped).tree)).toEqual(cleanEnglish)
        if (every) expect(structure(parseText(paginate(wrapped, every, 'Background brief on the Digital Policy Office', false)).tree)).toEqual(cleanEnglish)
      })
    }
  }
})

describe('an English paper wrapped at the PDF line width (our own text)', () => {
  const text = [
    'LC Paper No. LS 9/99-00',
    '',
    'Paper for the House Committee Meeting',
    'on 7 May 2000',
    '',
    'Legal Service Division Report on Testing (No. 2) Bill 2000',
    '',
    'Members may recall that the Legal Service Division made a report to the House',
    'Committee meeting on 4 December 1999 on the Bill (LegCo Paper No. LS 6/99-00',
    'refers). To recap, the Bill deals with the adaptation of the Testing Ordinance.',
    '',
    '2. At the meeting, Members agreed to wait for the Bills Committee on the Testing (No.',
    '2) Bill 1999 and the Bills Committee on the Example Bill, whose work is set out in paragraph',
    '12. above. They have now completed their work.',
    ''
  ].join('\n')
  const {tree} = parseText(text)

  it('keeps a first paragraph run to the margin out of the title', () => {
    expect(tree.meta.title).toBe('Legal Service Division Report on Testing (No. 2) Bill 2000')
    expect(paragraphs(tree).map((p) => [p.number, squash(ownText(p)).slice(0, 20)])).toEqual([
      ['1', 'Membersmayrecallthat'],
      ['2', 'Atthemeeting,Members']
    ])
  })

  it('reads a number the wrap put at a line start as the words above it: (No. / 2) Bill, paragraph / 12. above', () => {
    expect(items(tree)).toEqual([])
    expect(ownText(paragraphs(tree)[1]!)).toContain('(No. 2) Bill 1999')
    expect(ownText(paragraphs(tree)[1]!)).toContain('paragraph 12. above')
  })
})

describe('a two-page paper: its running header stands once', () => {
  const text = [
    '立法會 CB(2)9/2030(01)號文件',
    '',
    '測試事務委員會',
    '',
    '測試政策的背景資料',
    '',
    '目的',
    '',
    '1. 本文件提供測試政策的背景資料，並概述議員在過往會議上就相關議題所表達的主要意見和',
    '關注事項。',
    '',
    '背景',
    '',
    '2. 政府於 2029 年推出測試政策，並承諾每年向事務委員會匯報推行進度及',
    '',
    '- 1 -',
    '',
    '立法會 CB(2)9/2030(01)號文件',
    '',
    '相關的統計數字。',
    '',
    '3. 議員察悉政府的匯報。',
    ''
  ].join('\n')
  const {tree} = parseText(text)

  it('is furniture beside its page number, and the paragraph it cut reads on', () => {
    expect(tree.furniture.map((f) => [f.kind, f.value])).toEqual([
      ['page-number', '- 1 -'],
      ['running-header', '立法會 CB(2)9/2030(01)號文件']
    ])
    expect(squash(ownText(paragraphs(tree)[1]!))).toBe('政府於2029年推出測試政策，並承諾每年向事務委員會匯報推行進度及相關的統計數字。')
    expect(tree.meta.paperNo).toBe('CB(2)9/2030(01)')
  })
})

describe('an English paper wrapped at the PDF width: a first paragraph ending on a short line', () => {
  it('is the body, not the rest of the title (a title ends with no full stop)', () => {
    const text = [
      'LC Paper No. CB(2) 9/99-00',
      '',
      'Paper for the House Committee Meeting',
      'on 8 August 2000',
      '',
      'Nomination of Members for Appointment to',
      'the Testing Advisory Board',
      '',
      'This paper invites Members to make nominations for appointment to the Testing Advisory',
      'Committee, the Example Advisory Board and the Sample Trust Fund Management Advisory',
      'Committee.',
      '',
      '2. At the House Committee meeting on 18 July 2000, Members noted the requests.',
      ''
    ].join('\n')
    const {tree} = parseText(text)
    expect(tree.meta.title).toBe('Nomination of Members for Appointment to the Testing Advisory Board')
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2'])
  })
})

describe('damage the eval texts showed (scripts/damage-eval.mjs)', () => {
  it('a wrapped text wrapped again: a line left with one word (`的`) does not end the paragraph, nor make a heading of it', () => {
    // With the ASCII comma of the 1990s pages (`附議下,丙`) and with a full-width one.
    for (const comma of [',', '，']) {
      const text = `背景\n\n在甲議員提名及乙議員附議下${comma}丙議員獲選為主持委員會主席選擧\n的\n委員。\n\n2. 丙議員請議員提名主席的人選。\n`
      const {tree} = parseText(text)
      expect(sections(tree).map((section) => section.title)).toEqual(['背景'])
      expect(paragraphs(tree).map((p) => squash(ownText(p)))).toEqual([
        `在甲議員提名及乙議員附議下${comma}丙議員獲選為主持委員會主席選擧的委員。`,
        '丙議員請議員提名主席的人選。'
      ])
    }
  })

  it('a short line that stops on a connective (`…物料以`) goes on with the next line: not a heading, not a paragraph end', () => {
    const text =
      '1. 政府當局表示，為了減少道路交通噪音對市民的影響，當局一直推行多項措施，包括：\n─ 已在合適路段鋪設了低噪音物料以\n緩解交通噪音。\n─ 加建隔音屏障。\n'
    const {tree} = parseText(text)
    expect(sections(tree)).toEqual([])
    // The dash lines are lines of paragraph 1, each whole.
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1'])
    expect(all<Text>(tree, 'text').map((t) => squash(t.value))).toContain('─已在合適路段鋪設了低噪音物料以緩解交通噪音。')
  })

  it('an agenda item title cut by a narrow wrap keeps its second line, and its time slot stays its time', () => {
    const text = [
      'LegCo Panel on Transport',
      '',
      'Meeting on Friday, 14 December 2001, at 8:30 am in the Chamber',
      '',
      'Agenda',
      '',
      'I. Confirmation of minutes',
      '(8:30 am - 8:35 am)',
      '',
      'II. Contingency arrangements for handling major traffic and',
      'transport incidents',
      '(8:35 am - 9:30 am)',
      '',
      'III. Any other business',
      ''
    ].join('\n')
    const {tree} = parseText(text)
    expect(tree.meta.kind).toBe('agenda')
    expect(sections(tree).map((section) => [section.number, section.title, section.time])).toEqual([
      ['I', 'Confirmation of minutes', '8:30 am - 8:35 am'],
      ['II', 'Contingency arrangements for handling major traffic and transport incidents', '8:35 am - 9:30 am'],
      ['III', 'Any other business', undefined]
    ])
  })

  it('a minutes item heading cut by the wrap after `the` keeps its second line', () => {
    const text = [
      'Minutes of meeting held on Friday, 9 May 1997, at 2:15 pm in Conference Room B',
      '',
      'Members present :',
      '',
      'Hon Albert HO (Chairman)',
      '',
      'I. Briefing by the Administration on the proposed amendments to the',
      'Housing Regulation',
      '',
      '1. The Chairman welcomed the Administration.',
      '',
      'II. Any other business',
      '',
      '2. There being no other business, the meeting ended.',
      ''
    ].join('\n')
    const {tree} = parseText(text)
    expect(tree.meta.kind).toBe('minutes')
    expect(sections(tree).map((section) => [section.depth, section.title])).toEqual([
      [1, 'Briefing by the Administration on the proposed amendments to the Housing Regulation'],
      [1, 'Any other business']
    ])
  })

  it('full-width numbering that lost its space: a year after the number, a pipe right after a number cell', () => {
    const text = '1. 甲。\n\n2. 乙。\n\n３．1999年7月14日。\n\n項目編號 | 條例名稱\n|\n---|\n１．| 《甲條例》\n|\n２．| 《乙條例》\n|\n'
    const {tree} = parseText(text)
    expect(numbering(tree)).toEqual([
      ['1', false],
      ['2', false],
      ['3', false]
    ])
    const [table] = all<Table>(tree, 'table')
    expect(table?.children.map((row) => row.children.map((cell) => squash(ownText(cell))))).toEqual([
      ['項目編號', '條例名稱'],
      ['１．', '《甲條例》'],
      ['２．', '《乙條例》']
    ])
  })

  it('minutes with no blank lines, wrapped: a sentence cut at the margin after the attendance list is not a post', () => {
    const text = [
      'Members present :',
      '- Hon Albert HO (Chairman)',
      'Clerk in attendance :',
      '- Miss Polly YEUNG',
      '- Chief Assistant Secretary (1)3',
      'Members noted that Mrs Selina CHOW, Messrs Henry TANG and Howard YOUNG would not join',
      'the Bills Committee.',
      'I Election of Chairman',
      '2. Dr Anthony CHEUNG was elected Chairman of the Bills Committee.',
      ''
    ].join('\n')
    const {tree} = parseText(text)
    const people = all<Person>(tree, 'person')
    expect(people.at(-1)?.post).toBe('Chief Assistant Secretary (1)3')
    expect(squash(ownText(paragraphs(tree)[0]!))).toBe(
      squash('Members noted that Mrs Selina CHOW, Messrs Henry TANG and Howard YOUNG would not join the Bills Committee.')
    )
  })
})
