// A paper in Simplified Chinese parses to the same structure as its Traditional original.
import {describe, expect, it} from 'vitest'
import {parseText} from '../src/parse.js'
import {loadConverter} from '../src/script.js'
import type {Paper, Table} from '../src/tree.js'
import {all, items, paragraphs, positionErrors, sections, seed, unaccounted} from './helpers/tree.js'

function skeleton(tree: Paper) {
  return {
    sections: sections(tree).map((s) => [s.depth, s.key]),
    paragraphs: paragraphs(tree).map((p) => [p.number, p.inferred ?? false, p.children.length]),
    items: items(tree).map((i) => [i.label, i.style]),
    tables: all<Table>(tree, 'table').map((t) => t.children.length),
    top: tree.children.map((node) => node.type),
    meta: {
      paperNo: tree.meta.paperNo,
      fileRef: tree.meta.fileRef,
      meetingDate: tree.meta.meetingDate,
      issueDate: tree.meta.issueDate,
      kind: tree.meta.kind,
      issuedBy: tree.meta.issuedBy.length
    }
  }
}

describe('the seed in Simplified Chinese', async () => {
  const toHans = await loadConverter('hans', 'hk')
  const hans = toHans(seed)
  const original = parseText(seed).tree
  const {tree} = parseText(hans)

  it('is really converted', () => {
    expect(hans).toContain('过往的讨论')
    expect(hans).toContain('立法会秘书处')
    expect(hans).toContain('号文件')
  })

  it('is detected as zh-Hans', () => {
    expect(original.lang).toBe('zh-Hant')
    expect(tree.lang).toBe('zh-Hans')
  })

  it('has the structure of the Traditional original', () => {
    expect(skeleton(tree)).toEqual(skeleton(original))
    expect(
      sections(tree)
        .map((s) => s.title)
        .slice(0, 8)
    ).toEqual([
      '目的',
      '背景',
      '成立“数字政策办公室”',
      '推动数字政府的措施',
      '配合数据流通的措施',
      '《香港促进数据流通及保障数据安全的政策宣言》',
      '《促进粤港澳大湾区数据跨境流动的合作备忘录》',
      '过往的讨论'
    ])
    expect(tree.meta.committee).toBe('资讯科技及广播事务委员会')
    expect(unaccounted(hans, tree)).toEqual([])
    expect(positionErrors(hans, tree)).toEqual([])
  })
})
