// The Hansard in the corpus (../shared/corpus): facts a reader can check in the documents themselves —
// the number of speaker turns, the first speakers, the parts, the attendance groups; skipped without the corpus.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../src/index.js'
import {parseText} from '../src/parse.js'
import type {Paper, Section, Speech} from '../src/tree.js'
import {attendanceGroups, corpus, unaccounted} from './helpers/tree.js'

const text = join(corpus, 'text', 'zh_hansard-cm20121010.txt')
const pdf = join(corpus, 'pdf', 'lc-hansard-cm20121121-translate.zh.pdf')

function speeches(tree: Paper): Speech[] {
  const out: Speech[] = []
  const walk = (node: {type: string; children?: unknown[]}) => {
    if (node.type === 'speech') out.push(node as Speech)
    for (const child of (node.children ?? []) as {type: string}[]) walk(child)
  }
  walk(tree)
  return out
}
const parts = (tree: Paper) => tree.children.filter((node): node is Section => node.type === 'section').map((section) => section.title)

describe.skipIf(!existsSync(text))('the Hansard of 10 October 2012 (text)', () => {
  const input = existsSync(text) ? readFileSync(text, 'utf8') : ''
  const tree = parseText(input).tree
  it('is a Hansard of that day', () => {
    expect(tree.meta).toMatchObject({kind: 'hansard', meetingDate: '2012-10-10'})
  })
  it('has its 34 turns, the clerk first', () => {
    const all = speeches(tree)
    expect(all).toHaveLength(34)
    expect(all.slice(0, 7).map((speech) => speech.speaker)).toEqual(['秘書', '秘書', '秘書', '秘書', '秘書', '何俊仁議員', '梁國雄議員'])
  })
  it('has its parts as top sections', () => {
    expect(parts(tree)).toEqual(['作出立法會誓言', '選舉主席', '提交文件', '其他文件', '下次會議'])
  })
  it('loses nothing', () => {
    expect(unaccounted(input, tree)).toEqual([])
  })
})

describe.skipIf(!existsSync(pdf))('the 250-page Hansard of 21 November 2012 (PDF)', () => {
  let tree: Paper
  it('parses', async () => {
    tree = (await parseDocument(readFileSync(pdf), pdf)).tree
    expect(tree.meta).toMatchObject({kind: 'hansard', meetingDate: '2012-11-21'})
  }, 240_000)
  it('has its attendance groups, with their people', () => {
    expect(attendanceGroups(tree)).toEqual([
      ['出席議員', 69],
      ['缺席議員', 1],
      ['出席政府官員', 6],
      ['列席秘書', 5]
    ])
  })
  it('starts with the President, then the first question and its answer', () => {
    const all = speeches(tree)
    // Speakers as printed: this PDF writes 勞 as a compatibility ideograph (U+F92F), so they are compared as NFKC.
    expect(all.slice(0, 4).map((speech) => [speech.speaker.normalize('NFKC'), speech.question])).toEqual([
      ['主席', null],
      ['主席', null],
      ['林健鋒議員', '1.'],
      ['勞工及福利局局長', null]
    ])
    expect(all[2]!.ref).toBe('SP_LKF206')
    expect(all.length).toBeGreaterThan(300)
  })
  it('has the parts of the agenda as top sections', () => {
    expect(parts(tree)).toEqual(['提交文件', '其他文件', '議員質詢的口頭答覆', '議員質詢的書面答覆', '議案', '議員議案', '下次會議'])
  })
})
