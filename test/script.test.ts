import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {Converter} from 'opencc-js'
import {SCRIPTS, convertTree, isScript, loadConverter, sourceScript, type Script} from '../src/script.js'
import type {Paper, Position} from '../src/tree.js'

const seed = readFileSync(new URL('../seeds/000_457f1a1b5f7781dd.txt', import.meta.url), 'utf8')

let offset = 0
/** A fresh position on its own line, so every node's position differs. */
function pos(): Position {
  const line = offset + 1
  const start = {line, column: 1, offset}
  offset += 10
  return {start, end: {line, column: 10, offset: offset - 1}}
}

function samplePaper(): Paper {
  offset = 0
  return {
    type: 'paper',
    schemaVersion: '1.0.0',
    lang: 'zh-Hant',
    position: pos(),
    meta: {
      paperNo: 'CB(1)369/2024(05)',
      fileRef: 'CB1/PL/ITB',
      committee: '資訊科技及廣播事務委員會',
      meetingDate: '2024-04-08',
      title: '有關成立數字政策辦公室的背景資料簡介',
      issuedBy: ['立法會秘書處', '議會事務部1'],
      issueDate: '2024-04-03',
      kind: 'background-brief'
    },
    children: [
      {type: 'header', position: pos(), children: [{type: 'field', name: 'council', value: '立法會', position: pos()}]},
      {
        type: 'section',
        title: '過往的討論',
        depth: 1,
        key: 'previous-discussions',
        position: pos(),
        children: [
          {
            type: 'paragraph',
            number: '4',
            marker: '4.',
            position: pos(),
            children: [{type: 'text', value: '議員關注數據的保安。', position: pos()}]
          }
        ]
      },
      {
        type: 'appendix',
        label: 'I',
        marker: '附錄',
        title: '相關文件一覽表',
        position: pos(),
        children: []
      }
    ],
    furniture: [{type: 'furniture', kind: 'running-header', value: '立法會 Legislative Council', position: pos()}]
  }
}

/** Every `position` of the tree, in document order, with its path. */
function positions(node: unknown, path = '$', out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(node)) node.forEach((child, i) => positions(child, `${path}[${i}]`, out))
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'position') out.push([path, structuredClone(value)])
      else positions(value, `${path}.${key}`, out)
    }
  }
  return out
}

describe('convertTree', () => {
  it('converts every user-visible string to Simplified and leaves keys and positions alone', async () => {
    const tree = samplePaper()
    const before = positions(tree)
    const result = convertTree(tree, await loadConverter('hans', sourceScript(tree.lang)))

    expect(result).toBe(tree)
    expect(positions(tree)).toEqual(before)
    expect(before.length).toBe(8)

    expect(tree.meta).toEqual({
      paperNo: 'CB(1)369/2024(05)',
      fileRef: 'CB1/PL/ITB',
      committee: '资讯科技及广播事务委员会',
      meetingDate: '2024-04-08',
      title: '有关成立数字政策办公室的背景资料简介',
      issuedBy: ['立法会秘书处', '议会事务部1'],
      issueDate: '2024-04-03',
      kind: 'background-brief'
    })
    const [header, section, appendix] = tree.children
    expect(header).toMatchObject({children: [{type: 'field', name: 'council', value: '立法会'}]})
    expect(section).toMatchObject({
      title: '过往的讨论',
      key: 'previous-discussions',
      children: [{type: 'paragraph', number: '4', marker: '4.', children: [{type: 'text', value: '议员关注数据的保安。'}]}]
    })
    expect(appendix).toMatchObject({label: 'I', marker: '附录', title: '相关文件一览表'})
    expect(tree.furniture[0]).toMatchObject({kind: 'running-header', value: '立法会 Legislative Council'})
    // The tree's language is not the converter's business.
    expect(tree.lang).toBe('zh-Hant')
  })

  it('converts back from Simplified to Hong Kong Traditional', async () => {
    const tree = convertTree(samplePaper(), await loadConverter('hans'))
    convertTree(tree, await loadConverter('hk', 'hans'))
    expect(tree).toEqual(samplePaper())
  })

  it('is the identity when the target is the source script', async () => {
    for (const script of SCRIPTS) {
      const convert = await loadConverter(script, script)
      // 立法會 would become 立法会 under any conversion to Simplified.
      expect(convert('立法會 立法会 臺灣 台湾')).toBe('立法會 立法会 臺灣 台湾')
      expect(convertTree(samplePaper(), convert)).toEqual(samplePaper())
    }
    // With no `from`, the source is Hong Kong Traditional.
    expect((await loadConverter('hk'))('立法會')).toBe('立法會')
  })
})

describe('sourceScript', () => {
  it('takes `from` when given, else the tree language', () => {
    expect(sourceScript('zh-Hans')).toBe('hans')
    expect(sourceScript('zh-Hant')).toBe('hk')
    expect(sourceScript('en')).toBe('hk')
    expect(sourceScript('zh-Hant', 'hant')).toBe('hant')
    expect(sourceScript('zh-Hans', 'hk')).toBe('hk')
  })

  it('recognises script names', () => {
    expect(SCRIPTS).toEqual(['hans', 'hant', 'hk', 'tw'])
    expect(isScript('hk')).toBe(true)
    expect(isScript('zh-Hant')).toBe(false)
  })
})

describe('loadConverter', () => {
  it('converts the seed paper to Simplified and back, mostly losslessly', async () => {
    const simplified = (await loadConverter('hans'))(seed)
    for (const [hant, hans] of [
      ['資訊科技', '资讯科技'],
      ['立法會', '立法会'],
      ['過往的討論', '过往的讨论'],
      ['數據', '数据']
    ]) {
      expect(seed).toContain(hant)
      expect(simplified).toContain(hans)
      expect(simplified).not.toContain(hant)
    }

    const back = (await loadConverter('hk', 'hans'))(simplified)
    const original = [...seed]
    const changed = [...simplified]
    const restored = [...back]
    // Traditional → Simplified is many-to-one here (on this text, 1:1 in length).
    expect(changed.length).toBe(original.length)
    expect(restored.length).toBe(original.length)
    let same = 0
    let converted = 0
    let convertedSame = 0
    for (let i = 0; i < original.length; i++) {
      const ok = restored[i] === original[i]
      if (ok) same++
      if (changed[i] !== original[i]) {
        converted++
        if (ok) convertedSame++
      }
    }
    // Measured with opencc-js 1.4.2: 99.8% of all characters, 99.2% of the 1459 that the
    // conversion changed (戶/户, 布/佈, 盡/儘, 鑒/鑑, 閱/閲 do not come back).
    expect(converted).toBeGreaterThan(1000)
    expect(same / original.length).toBeGreaterThan(0.99)
    expect(convertedSame / converted).toBeGreaterThan(0.97)
    expect(back).toContain('資訊科技及廣播事務委員會')
  })

  it('gives what opencc-js gives, in every direction', async () => {
    // The seed, then both sides of the phrase dictionaries run together (so that phrases
    // overlap and segmentation matters) and every 40th entry of the big STPhrases.
    const words = (dict: string, every = 1) =>
      dict
        .split('|')
        .filter((_, i) => i % every === 0)
        .flatMap((entry) => entry.split(' '))
        .join('')
    const dicts = await Promise.all(
      ['TSPhrases', 'HKVariantsPhrases', 'HKVariantsRevPhrases', 'TWVariantsPhrases', 'TWVariantsRevPhrases', 'STPhrases_GeneratedFromRegionalPhrases'].map(
        async (name) => words((await import(`opencc-js/dict/${name}`)).default as string)
      )
    )
    const corpus = [
      seed,
      ...dicts,
      words((await import('opencc-js/dict/STPhrases')).default, 40),
      // Compatibility ideographs, normalised first in every direction.
      words((await import('opencc-js/dict/CJK_Compatibility_Ideographs')).default),
      // Where segmentation changes the result (hk → hans, tw → hans).
      '醖藉藉 衹見樹木不見森林甦生 九逕山梁昇卿'
    ].join('\n')
    const locale: Record<Script, string> = {hans: 'cn', hant: 't', hk: 'hk', tw: 'tw'}
    const library = (from: Script, to: Script) => Converter({from: locale[from], to: locale[to]})
    for (const from of SCRIPTS) {
      const input = (await loadConverter(from))(corpus)
      for (const to of SCRIPTS) {
        if (from === to) continue
        // opencc-js has no hk↔tw config and then chains the two locales without normalising
        // first; script.ts normalises, which is the library's hk → hant → tw.
        const regional = from !== 'hans' && from !== 'hant' && to !== 'hans' && to !== 'hant'
        const expected = regional ? library('hant', to)(library(from, 'hant')(input)) : library(from, to)(input)
        expect((await loadConverter(to, from))(input), `${from} → ${to}`).toBe(expected)
      }
    }
  })

  it('builds each direction once', async () => {
    expect(await loadConverter('tw', 'hant')).toBe(await loadConverter('tw', 'hant'))
  })

  it('keeps opencc-js out of the module graph until asked', () => {
    const source = readFileSync(new URL('../src/script.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/^\s*import\s[^(]*['"]opencc-js/m)
    expect(source).toMatch(/import\('opencc-js\/core'\)/)
  })
})
