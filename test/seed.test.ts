// The seed paper, asserted in full: every number, label, title and field a reader sees.
import {describe, expect, it} from 'vitest'
import {parseText} from '../src/parse.js'
import {toMarkdown} from '../src/emit/markdown.js'
import type {Appendix, Field, Header, Section, Signature, Table} from '../src/tree.js'
import {all, items, ownText, paragraphs, positionErrors, schemaErrors, seed, sections, shape, unaccounted} from './helpers/tree.js'

const {tree, messages} = parseText(seed)

describe('the seed paper (CB(1)369/2024(05), a background brief)', () => {
  it('reads the header block', () => {
    const header = tree.children[0] as Header
    expect(header.type).toBe('header')
    expect(header.children.map((field: Field) => [field.name, field.value])).toEqual([
      ['council', '立法會 Legislative Council'],
      ['paperNo', '立法會 CB(1)369/2024(05)號文件'],
      ['fileRef', '檔號：CB1/PL/ITB'],
      ['committee', '資訊科技及廣播事務委員會'],
      ['meeting', '2024 年 4 月 8 日舉行的會議'],
      ['title', '有關成立“數字政策辦公室”的背景資料簡介']
    ])
  })

  it('fills meta', () => {
    expect(tree.lang).toBe('zh-Hant')
    expect(tree.meta).toEqual({
      paperNo: 'CB(1)369/2024(05)',
      fileRef: 'CB1/PL/ITB',
      committee: '資訊科技及廣播事務委員會',
      meetingDate: '2024-04-08',
      title: '有關成立“數字政策辦公室”的背景資料簡介',
      issuedBy: ['立法會秘書處', '議會事務部 1 暨公共申訴辦事處'],
      issueDate: '2024-03-28',
      kind: 'background-brief'
    })
  })

  it('numbers paragraphs 1 to 24 in order, 1 inferred', () => {
    const list = paragraphs(tree)
    expect(list.map((paragraph) => paragraph.number)).toEqual(Array.from({length: 24}, (_, i) => String(i + 1)))
    expect(list[0]!.inferred).toBe(true)
    expect(list[0]!.marker).toBeNull()
    expect(list.slice(1).every((paragraph) => !paragraph.inferred && paragraph.marker === `${paragraph.number}.`)).toBe(true)
  })

  it('has items a–g in paragraph 4 and no items elsewhere', () => {
    const list = paragraphs(tree)
    const four = list[3]!
    expect(items(four).map((item) => item.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    expect(items(four).every((item) => item.style === 'lower-alpha' && item.marker === `(${item.label})`)).toBe(true)
    expect(ownText(four)).toBe('為善用科技提升政府的管理效率和優化城市管理，政府於 2020 年推出《香港智慧城市藍圖 2.0》，在 6 個智慧範疇下提出多項措施，包括：')
    expect(items(four)[6]!.children).toEqual([
      expect.objectContaining({type: 'text', value: expect.stringMatching(/^進行電子政府審計：.*有關工作已於 2023 年年底完成。$/)})
    ])
    expect(list.filter((paragraph) => paragraph !== four).flatMap((paragraph) => items(paragraph))).toEqual([])
  })

  it('recovers every section title and depth', () => {
    expect(sections(tree).map((section: Section) => [section.depth, section.title])).toEqual([
      [1, '目的'],
      [1, '背景'],
      [2, '成立“數字政策辦公室”'],
      [2, '推動數字政府的措施'],
      [2, '配合數據流通的措施'],
      [3, '《香港促進數據流通及保障數據安全的政策宣言》'],
      [3, '《促進粵港澳大灣區數據跨境流動的合作備忘錄》'],
      [1, '過往的討論'],
      [2, '數字政策專員'],
      [2, '推動電子政務'],
      [2, '“智方便”平台'],
      [2, '促進數據流通'],
      [2, '加強網絡安全保護'],
      [2, '推行電子政府審計'],
      [1, '在立法會會議上提出的質詢'],
      [1, '最新情況'],
      [1, '相關文件']
    ])
    const keys = sections(tree)
      .filter((section) => section.depth === 1)
      .map((section) => section.key)
    expect(keys).toEqual(['purpose', 'background', 'previous-discussions', 'council-questions', 'latest-development', 'relevant-papers'])
  })

  it('nests a heading followed directly by another heading', () => {
    const measures = sections(tree).find((section) => section.title === '配合數據流通的措施')!
    expect(measures.children.map((child) => (child as Section).title)).toEqual([
      '《香港促進數據流通及保障數據安全的政策宣言》',
      '《促進粵港澳大灣區數據跨境流動的合作備忘錄》'
    ])
  })

  it('rejoins the four paragraphs broken by page breaks', () => {
    const byNumber = new Map(paragraphs(tree).map((paragraph) => [paragraph.number, paragraph]))
    const text = (n: string) => {
      const paragraph = byNumber.get(n)!
      expect(paragraph.children).toHaveLength(1)
      return ownText(paragraph)
    }
    expect(text('3')).toBe(
      '施政報告亦提到政府擬成立“數字政策辦公室”，將現時的政府資訊科技總監辦公室（“資科辦”）與效率促進辦公室合併，由“數字政策專員”帶領，專責制訂數字政府、數據治理及資訊科技政策，整合資源，推動部門及業界共享數據及數字科技應用，從而推出更多便民利商的數字政府服務。當局預計最快於 2024 年上半年完成成立新辦公室所需的程序。'
    )
    expect(text('3')).toContain('數字科技應用')
    expect(text('7')).toBe(
      '在促進跨境數據流通方面, 創科工業局與國家互聯網信息辦公室(“網信辦”)於 2023 年 6 月簽訂《促進粵港澳大灣區數據跨境流動的合作備忘錄》, 在粵港澳大灣區(“大灣區”)以先行先試方式, 簡化區內企業的個人數據流動到香港的合規安排, 促進灣區經濟及發展融合。按《備忘錄》的框架, 創科工業局與網信辦於 2023 年 12 月 13 日共同發布《粵港澳大灣區(內地、香港)個人信息跨境流動標準合同》便利措施, 讓個人' +
        '信息處理者及接收方可以按自願原則及統一的範本訂立標準合同，規範合同雙方就個人信息跨境流動的責任和義務，以促進及簡化大灣區內地城市的個人信息跨境流動到香港的合規安排。'
    )
    expect(text('12')).toBe(
      '議員詢問政府當局如何推動更多政府部門和公私營機構推出利用“智方便”接達的網上服務。政府當局表示，資科辦正與數碼港合作推出沙盒計劃，讓公私營機構可藉沙盒計劃進行概念驗證測試。'
    )
    expect(text('17')).toBe(
      '議員問及政府當局會如何解決各部門的服務平台出現數據互不相通的情況。政府當局解釋，資科辦現正構建“授權數據交換閘”，讓市民可選擇授權政府通過部門之間的系統分享其個人資料。此舉有助解決部門的系統數據互不連通的問題。部門將更新資訊科技系統，讓各部門可標準化地互相交換' +
        '數據。議員建議政府當局設立一體化平台及建立中央數據庫，以達至真正的數據互聯互通。'
    )
  })

  it('keeps inline Markdown as a strong node', () => {
    const twentyTwo = paragraphs(tree)[21]!
    expect(twentyTwo.children.map((child) => child.type)).toEqual(['text', 'strong', 'text'])
    expect(ownText(twentyTwo)).toBe(
      '議員曾在立法會會議上就成立“數字政策辦公室”，以及電子政務的發展事宜提出質詢。該等質詢的詳細內容及政府當局的答覆，可透過載於附錄的超連結閱覽。'
    )
  })

  it('reads the signature block', () => {
    const [signature] = all<Signature>(tree, 'signature')
    expect(signature!.children.map((line) => line.value)).toEqual(['立法會秘書處', '議會事務部 1 暨公共申訴辦事處', '2024 年 3 月 28 日'])
  })

  it('reads the appendix and its two tab-separated tables', () => {
    const [appendix] = all<Appendix>(tree, 'appendix')
    expect(appendix!.title).toBe('成立“數字政策辦公室”相關文件一覽表')
    expect(appendix!.label).toBeNull()
    const tables = all<Table>(tree, 'table')
    expect(tables.map((table) => table.children.length)).toEqual([7, 4])
    const cells = (table: Table, row: number) =>
      table.children[row]!.children.map((cell) => cell.children.map((c) => (c.type === 'text' ? c.value : '')).join(''))
    expect(cells(tables[0]!, 0)).toEqual(['委員會', '會議日期', '文件'])
    expect(cells(tables[0]!, 6)).toEqual(['發展智慧城市事宜小組委員會', '2023年4月25日', '議程 第I項:智慧城市發展的下一階段工作 會議紀要'])
    expect(cells(tables[1]!, 0)).toEqual(['立法會會議', '文件'])
    expect(cells(tables[1]!, 3)).toEqual(['2024年1月24日', '第18項質詢 ：人工智能的發展和應用'])
  })

  it('orders the top level: header, sections, signature, appendix', () => {
    expect(tree.children.map((node) => node.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'section',
      'section',
      'signature',
      'appendix'
    ])
  })

  it('accounts for every character, validates, and points into the input', () => {
    expect(unaccounted(seed, tree)).toEqual([])
    expect(schemaErrors(tree)).toEqual([])
    expect(positionErrors(seed, tree)).toEqual([])
    expect(messages).toEqual([])
  })

  it('gives positions that slice back to the words', () => {
    const two = paragraphs(tree)[1]!
    expect(seed.slice(two.position.start.offset, two.position.start.offset + 2)).toBe('2.')
    expect(two.position.start).toEqual({line: 23, column: 1, offset: seed.indexOf('2. 政府當局')})
    const appendixTitle = sections(tree)[0]!
    expect(seed.slice(appendixTitle.position.start.offset, appendixTitle.position.start.offset + 2)).toBe('目的')
  })

  it('parses its own Markdown back to the same tree', () => {
    const markdown = toMarkdown(tree)
    const again = parseText(markdown)
    expect(shape(again.tree)).toEqual(shape(tree))
    expect(again.messages).toEqual([])
    expect(unaccounted(markdown, again.tree)).toEqual([])
    expect(positionErrors(markdown, again.tree)).toEqual([])
  })
})
