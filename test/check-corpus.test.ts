// `check()` over every real paper of ../shared/corpus: no crash, every place inside the text; the rule hits are printed.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {check} from '../src/check/index.js'
import {ALL_RULES} from '../src/check/registry.js'
import type {Message} from '../src/message.js'
import {parseText} from '../src/parse.js'
import {root} from './helpers/tree.js'

const corpus = join(root, '../shared/corpus')
const files = ['text', 'md'].flatMap((folder) => {
  const dir = join(corpus, folder)
  return existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .filter((name) => /\.(txt|md)$/.test(name))
        .map((name) => join(dir, name))
    : []
})

/** The line and column an offset has in the text. */
function pointAt(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset)
  const lines = before.split(/\r\n|\r|\n/)
  return {line: lines.length, column: lines[lines.length - 1]!.length + 1}
}

const hits = new Map<string, {count: number; files: Set<string>}>()

describe.skipIf(!existsSync(corpus))('legco check over the corpus', () => {
  for (const file of files) {
    it(`${basename(file)} is checked without a crash, every message placed in the text`, () => {
      const text = readFileSync(file, 'utf8')
      const {tree, messages: parsed} = parseText(text)
      const messages: Message[] = [...parsed, ...check(tree, text)]
      for (const message of messages) {
        const entry = hits.get(message.ruleId) ?? {count: 0, files: new Set<string>()}
        entry.count++
        entry.files.add(basename(file))
        hits.set(message.ruleId, entry)
        expect(message.reason.length).toBeGreaterThan(0)
        if (!message.place) continue
        const {start, end} = message.place
        expect(start.offset).toBeGreaterThanOrEqual(0)
        expect(end.offset).toBeGreaterThanOrEqual(start.offset)
        expect(end.offset).toBeLessThanOrEqual(text.length)
        expect(pointAt(text, start.offset)).toEqual({line: start.line, column: start.column})
      }
    })
  }

  // The one paper the corpus has in both languages (its numbering does not match: the English leaves two paragraphs unnumbered).
  const pairs = [['zh_plc-ip2609-2-1997_admin.txt', 'en_plc-ip2609-2-1997_admin.txt']]
  for (const [zh, en] of pairs) {
    it(`${zh} --pair ${en} is compared without a crash`, () => {
      const [a, b] = [zh, en].map((name) => readFileSync(join(corpus, 'text', name!), 'utf8'))
      const messages = check(parseText(a!).tree, a!, {pair: {tree: parseText(b!).tree, text: b!, name: en!}}).filter((m) => m.ruleId.startsWith('pair-'))
      for (const message of messages) {
        const entry = hits.get(message.ruleId) ?? {count: 0, files: new Set<string>()}
        entry.count++
        entry.files.add(zh!)
        hits.set(message.ruleId, entry)
      }
      expect(messages.filter((m) => m.ruleId === 'pair-paragraphs').length).toBeGreaterThan(0)
    })
  }

  afterAll(() => {
    const rows = ALL_RULES.map((rule) => ({rule: rule.id, severity: rule.severity, ...(hits.get(rule.id) ?? {count: 0, files: new Set<string>()})}))
    const width = Math.max(...rows.map((r) => r.rule.length))
    const lines = [`rule hits across ${files.length} corpus files:`]
    for (const row of rows)
      lines.push(
        `  ${row.rule.padEnd(width)}  ${row.severity.padEnd(7)}  ${String(row.count).padStart(3)} hit(s) in ${row.files.size} file(s)${row.files.size ? `: ${[...row.files].join(', ')}` : ''}`
      )
    const total = rows.reduce((sum, row) => sum + row.count, 0)
    lines.push(`  total ${total}`)
    console.log(lines.join('\n'))
  })
})
