// The corpus HTML (../shared/corpus/html: Council agendas and the Hansard of 2015-04-29): reader-level
// facts. The genre structure (agenda items, speeches, attendance) is issue 11's; skipped without the corpus.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../src/index.js'
import {load} from '../src/read/input.js'
import type {Table} from '../src/tree.js'
import {lost} from './helpers/html.js'
import {all, corpus, positionErrors, schemaErrors} from './helpers/tree.js'

const dir = join(corpus, 'html')
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((name) => /\.html?$/.test(name))
      .sort()
  : []

/** Lines of text, tab-separated rows among them, table rows in the tree: as read on 2026-11-27. */
const FACTS: Record<string, {lines: number; rows: number}> = {
  'council-agenda-a12-13-26-2013-05-08.en.html': {lines: 356, rows: 41},
  'council-agenda-a13-14-24-2014-04-30.zh.html': {lines: 254, rows: 29},
  'council-agenda-a13-14-36-2014-07-09.en.html': {lines: 371, rows: 93},
  'council-hansard-2015-04-29.en.html': {lines: 1194, rows: 148},
  'council-hansard-2015-04-29.zh.html': {lines: 1187, rows: 152}
}

describe.skipIf(files.length === 0)('corpus HTML', () => {
  for (const name of files) {
    it(name, async () => {
      const bytes = new Uint8Array(readFileSync(join(dir, name)))
      const loaded = await load(bytes, name)
      const {tree, messages} = await parseDocument(bytes, name)
      const source = loaded.origin!.source
      // No markup reaches the text: no tags, no CSS, no entities.
      expect(loaded.text).not.toMatch(/<\/?[a-z][\w:-]*[\s>]|&(?:nbsp|amp|lt|gt);|\{[^}]*:[^}]*\}/i)
      const lines = loaded.text.split('\n').filter((line) => line.trim())
      const facts = FACTS[name]
      if (facts) {
        expect(lines.length).toBe(facts.lines)
        expect(all<Table>(tree, 'table').reduce((n, table) => n + table.children.length, 0)).toBe(facts.rows)
      }
      // The head (styles) is furniture; nothing of the visible text is lost; positions index into the page.
      expect(tree.furniture.some((f) => f.kind === 'markup')).toBe(true)
      expect(lost(source, tree)).toEqual([])
      expect(positionErrors(source, tree)).toEqual([])
      expect(schemaErrors(tree)).toEqual([])
      expect(tree.position.end.offset).toBe(source.length)
      expect(messages.filter((m) => m.ruleId.startsWith('read/'))).toEqual([])
      expect(tree.lang).toBe(name.includes('.zh.') ? 'zh-Hant' : 'en')
    })
  }
})
